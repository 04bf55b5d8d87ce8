"""The pre-commit hook, run by real pre-commit (``pre-commit try-repo``) on a repository of articles.

pre-commit clones this repository (its HEAD plus any uncommitted changes to
tracked files), installs newslint into an environment of its own with pip,
and runs the ``newslint`` hook of ``.pre-commit-hooks.yaml`` on the files
given.  The environment is built once for the module, in a temporary
``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPOSITORY = Path(__file__).resolve().parents[1]
BAD = "Ferry resumes\n\nBy Lena Ortiz\n\nThe ferry ran  on Monday , the harbor master said.\n"
CLEAN = "Ferry resumes\n\nBy Lena Ortiz\n\nThe ferry ran on Monday, the harbor master said.\n"


def _is_git_repository(path: Path) -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"], capture_output=True, text=True)
    return done.returncode == 0


pytestmark = pytest.mark.skipif(
    not _is_git_repository(REPOSITORY),
    reason=f"{REPOSITORY} is not a git checkout with a commit (pre-commit try-repo clones it)",
)


def test_the_hook_definition() -> None:
    hooks = yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {h["id"]: h for h in hooks}["newslint"]
    assert hook["entry"] == "newslint check"
    assert hook["language"] == "python"
    import re

    pattern = re.compile(hook["files"])
    for name in ("a.txt", "b/c.md", "d.markdown", "e.html", "f.htm"):
        assert pattern.search(name), name
    for name in ("a.py", "b.yaml", "txt"):
        assert not pattern.search(name), name


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    folder = tmp_path_factory.mktemp("articles")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never")
    subprocess.run(["git", "init", "-q", str(folder)], check=True, env=env)
    (folder / "ferry-bad.txt").write_text(BAD, encoding="utf-8")
    (folder / "ferry-clean.md").write_text(CLEAN, encoding="utf-8")
    (folder / "notes.py").write_text("x = 1  # not an article\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=folder, check=True, env=env)
    yield folder, env


def try_repo(folder: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPOSITORY), "newslint", "--files", *files],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=540,
    )


def test_the_hook_fails_on_a_bad_article(articles: tuple[Path, dict[str, str]]) -> None:
    folder, env = articles
    done = try_repo(folder, env, "ferry-bad.txt", "notes.py")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "newslint" in done.stdout and "Failed" in done.stdout
    assert "ferry-bad.txt:5:14: warning spacing.double-space" in done.stdout
    assert "notes.py" not in done.stdout.split("Failed", 1)[1]


def test_the_hook_passes_on_a_clean_article(articles: tuple[Path, dict[str, str]]) -> None:
    folder, env = articles
    done = try_repo(folder, env, "ferry-clean.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
