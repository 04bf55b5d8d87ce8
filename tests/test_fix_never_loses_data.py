"""--fix never loses data: killed between write and rename, or out of disk space, the original stays."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

import newslint.safewrite as safewrite
from newslint.cli import main

ORIGINAL = "Council approves budget\r\n\r\nThe council approved  the budget , officials said.\r\n"

KILL_BEFORE_RENAME = """
import os, signal, sys
import newslint.safewrite as safewrite

def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

safewrite.os.replace = killed
from newslint.cli import main
sys.argv = ["newslint", "check", "--fix", "--no-cache", sys.argv[1]]
main()
"""


def test_killed_between_write_and_rename_leaves_the_original_intact(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(("\ufeff" + ORIGINAL).encode("utf-8"))
    before = path.read_bytes()
    process = subprocess.run([sys.executable, "-c", KILL_BEFORE_RENAME, str(path)], capture_output=True)
    assert process.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "story.txt"]
    assert all(name.startswith(".story.txt.") and name.endswith(".newslint-tmp") for name in leftovers)
    # A later run ignores the hidden leftover and fixes the file.
    result = CliRunner().invoke(main, ["check", "--fix", "--no-cache", str(tmp_path)])
    assert result.exit_code in (0, 1)
    assert path.read_bytes() != before


def test_disk_full_while_writing_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "story.txt"
    path.write_bytes(ORIGINAL.encode("utf-8"))
    before = path.read_bytes()

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safewrite.os, "fsync", no_space)
    result = CliRunner().invoke(main, ["check", "--fix", "--no-cache", str(path)])
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]  # the temporary file was removed


@pytest.mark.parametrize("failure", ["mkstemp", "chmod"])
def test_other_write_failures_leave_the_original_intact(tmp_path, monkeypatch, failure):
    path = tmp_path / "story.txt"
    path.write_bytes(ORIGINAL.encode("utf-8"))
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    target = safewrite.tempfile if failure == "mkstemp" else safewrite.os
    monkeypatch.setattr(target, failure, refuse)
    result = CliRunner().invoke(main, ["check", "--fix", "--no-cache", str(path)])
    assert result.exit_code == 2
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]
