"""Tests for newslint.entrypoints: finding installed plugins as importlib.metadata would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newslint import entrypoints
from newslint.entrypoints import EntryPoint, MetadataEntryPoint, entry_points, read_entry_points

PLUGIN = """
from newslint.hookspecs import hookimpl
from newslint.rules import RuleSpec


@hookimpl
def newslint_rules():
    return [RuleSpec(id="desk.shout", category="style", summary="s", what="w", why="y", bad="b", good="g")]
"""


def _distribution(folder: Path, name: str, version: str, entries: str, *, module: str = "") -> Path:
    """Write an installed distribution into ``folder``: its metadata folder and a module."""
    info = folder / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nName: not a header\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(entries, encoding="utf-8")
    if module:
        (folder / f"{module}.py").write_text(PLUGIN, encoding="utf-8")
    return info


def _in_fresh_python(code: str, path: list[Path]) -> dict:
    """Run ``code`` (which prints JSON) with ``path`` in front of sys.path; return what it printed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


COMPARE = """
import importlib.metadata, json
from newslint.entrypoints import read_entry_points
out = {}
for group in ("newslint", "console_scripts", "pytest11"):
    ours = read_entry_points(group)
    theirs = importlib.metadata.entry_points(group=group)
    out[group] = [
        [(e.name, e.value, list(e.distribution())) for e in ours],
        [(e.name, e.value, [e.dist.metadata["Name"], e.dist.metadata["Version"]]) for e in theirs],
    ]
print(json.dumps(out))
"""


def test_the_same_entry_points_as_importlib_metadata_here() -> None:
    for group, (ours, theirs) in _in_fresh_python(COMPARE, []).items():
        assert ours == theirs, group
    assert any(name == "spacing" for name, _, _ in _in_fresh_python(COMPARE, [])["newslint"][0])


def test_the_first_distribution_of_a_name_on_the_path_wins_as_in_importlib_metadata(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _distribution(first, "Desk.Rules", "2.0", "[newslint]\ndesk = desk_rules_two\n")
    _distribution(second, "desk-rules", "1.0", "[newslint]\ndesk = desk_rules_one\nother = desk_other\n")
    _distribution(
        second,
        "house-style",
        "0.3",
        "# a comment\n[console_scripts]\nx = y:z\n\n[newslint]\n house = hs : plugin \n",
    )
    found = _in_fresh_python(COMPARE, [first, second])["newslint"]
    assert found[0] == found[1]
    names = [(name, value, dist) for name, value, dist in found[0] if name in ("desk", "other", "house")]
    assert names == [
        ("desk", "desk_rules_two", ["Desk.Rules", "2.0"]),
        ("house", "hs : plugin", ["house-style", "0.3"]),
    ]


def test_a_third_party_plugin_is_loaded_and_listed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _distribution(site, "desk-rules", "1.2", "[newslint]\ndesk = desk_rules\n", module="desk_rules")
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "plugins"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("desk "))
    assert "entry point" in line and "1 rules" in line and "desk_rules (desk-rules 1.2)" in line


def test_loading_imports_the_module_or_its_attribute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "deskmod.py").write_text("class Holder:\n    plugin = 'the plugin'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert EntryPoint("desk", "deskmod", str(tmp_path)).load().__name__ == "deskmod"
    assert EntryPoint("desk", "deskmod:Holder.plugin", str(tmp_path)).load() == "the plugin"
    with pytest.raises(ValueError, match="not 'module' or 'module:attribute'"):
        EntryPoint("desk", "desk mod:", str(tmp_path)).load()


def test_a_zip_archive_on_the_path_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("zipped_desk-1.0.dist-info/METADATA", "Name: zipped-desk\nVersion: 1.0\n")
        zipped.writestr("zipped_desk-1.0.dist-info/entry_points.txt", "[newslint]\nzipped = zipped_desk\n")
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    assert read_entry_points("newslint") is None
    found = entry_points("newslint")
    assert all(isinstance(entry, MetadataEntryPoint) for entry in found)
    zipped = next(entry for entry in found if entry.name == "zipped")
    assert zipped.value == "zipped_desk" and zipped.distribution() == ("zipped-desk", "1.0")
    assert {"spacing", "typos"} <= {entry.name for entry in found}


def test_an_import_hook_that_describes_distributions_is_left_to_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Finder:
        @staticmethod
        def find_distributions(context: object = None) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert read_entry_points("newslint") is None
    assert "spacing" in {entry.name for entry in entry_points("newslint")}


def test_metadata_headers_end_at_the_first_blank_line(tmp_path: Path) -> None:
    info = _distribution(tmp_path, "desk-rules", "1.2", "")
    entrypoints._name_and_version.cache_clear()
    assert EntryPoint("desk", "desk_rules", str(info)).distribution() == ("desk-rules", "1.2")
