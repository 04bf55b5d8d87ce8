"""The wheel: built from this checkout, installed in a fresh venv, run from another folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    # Build from a copy of the tracked files, as a clean clone would have them.
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout: cannot tell which files a clean clone has")
    for name in tracked.stdout.splitlines():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target)
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("newslint-*.whl")
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    return env_dir / "bin" / "newslint"


def run_installed(newslint: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the installed ``newslint`` in ``cwd``, without this checkout on the path."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(newslint), *args], cwd=cwd, capture_output=True, text=True, env=env)


def findings_of(result: subprocess.CompletedProcess[str]) -> list[dict]:
    """The first file's findings in a JSON report."""
    return json.loads(result.stdout)["files"][0]["findings"]


def test_installed_wheel_finds_its_plugins_and_default_rules(installed, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "story.txt").write_text("A headline\n\nThe mayor spoke  on Monday.\n", encoding="utf-8")
    rules = run_installed(installed, "rules", cwd=elsewhere)
    assert rules.returncode == 0, rules.stderr
    assert "spacing.double-space" in rules.stdout
    plugins = run_installed(installed, "plugins", cwd=elsewhere)
    assert "site-packages" not in plugins.stdout or "entry point" in plugins.stdout
    assert "spacing" in plugins.stdout
    checked = run_installed(installed, "check", "--format", "json", "story.txt", cwd=elsewhere)
    assert checked.returncode == 1, checked.stderr
    assert "spacing.double-space" in [f["rule"] for f in findings_of(checked)]
    # The packaged rules.yaml is the one that was read: its boilerplate patterns apply.
    (elsewhere / "footer.txt").write_text(
        "A headline\n\nBody.\n\nPowered by  Example Press\n", encoding="utf-8"
    )
    footer = run_installed(installed, "check", "--format", "json", "footer.txt", cwd=elsewhere)
    assert findings_of(footer) == []


def test_installed_wheel_ships_the_ap_preset(installed, tmp_path):
    """`extends: [ap]` finds newslint/presets/ap.yaml inside the installed package."""
    (tmp_path / "rules.yaml").write_text("extends: [ap]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("A headline\n\nShe sent an e-mail on Monday.\n", encoding="utf-8")
    checked = run_installed(installed, "check", "--format", "json", "story.txt", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert [f["rule"] for f in findings_of(checked)] == ["house.email"]
