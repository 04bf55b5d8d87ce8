"""Parallel runs and the result cache: same output, fewer re-lints, nothing trusted blindly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_runner, write_config

from newslint.batch import Linter, lint_files, make_cache
from newslint.cache import FORMAT_VERSION, ResultCache, session_fingerprint
from newslint.config import load_config
from newslint.session import Session

ARTICLE = "Headline number {n}\n\nThe mayor spoke  on Monday , police said.The vote is due.\n"
NEWSLINT = Path(sys.executable).parent / "newslint"


def write_articles(folder: Path, count: int = 24) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"a{n:03d}.txt"
        path.write_text(ARTICLE.format(n=n) + ("Clean.\n" if n % 3 else "Extra  space.\n"), encoding="utf-8")
        paths.append(str(path))
    return paths


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NEWSLINT), *args], cwd=cwd, capture_output=True, text=True)


def test_two_jobs_give_the_same_output_as_one(tmp_path):
    write_articles(tmp_path / "articles")
    one = run_cli("check", "-j", "1", "--no-cache", "--format", "json", "articles", cwd=tmp_path)
    two = run_cli("check", "-j", "2", "--no-cache", "--format", "json", "articles", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["files"]) == 24
    text_one = run_cli("check", "-j", "1", "--no-cache", "articles", cwd=tmp_path)
    text_two = run_cli("check", "-j", "2", "--no-cache", "articles", cwd=tmp_path)
    assert text_one.stdout == text_two.stdout


def test_worker_stderr_notices_are_printed_once_per_run(tmp_path):
    write_articles(tmp_path / "articles")
    (tmp_path / "notice.py").write_text(
        "import sys\n"
        "from newslint.hookspecs import hookimpl\n\n"
        "@hookimpl\n"
        "def newslint_start_run(config):\n"
        '    """Print a notice."""\n'
        '    print("newslint: notice from a plugin", file=sys.stderr)\n',
        encoding="utf-8",
    )
    write_config(tmp_path, {"plugins": ["notice.py"]})
    result = run_cli("check", "-j", "2", "--no-cache", "articles", cwd=tmp_path)
    assert result.stderr.count("notice from a plugin") == 1


def test_cache_is_written_and_reused(tmp_path):
    paths = write_articles(tmp_path / "articles", 4)
    session = make_runner().session
    cache_dir = tmp_path / "cache"
    first = list(lint_files(paths, session, cache_dir=cache_dir))
    assert list((cache_dir / f"v{FORMAT_VERSION}").rglob("*.json"))
    cache = make_cache(session, cache_dir, True)
    linter = Linter(make_runner(), cache)
    calls = []
    original = linter.runner.check_file
    linter.runner.check_file = lambda *a, **k: calls.append(a) or original(*a, **k)
    second = [linter.lint(p) for p in paths]
    assert calls == []
    assert cache.hits == 4
    assert [r.findings for r in second] == [r.findings for r in first]
    assert second[0].file_text == Path(paths[0]).read_text(encoding="utf-8")


def test_changed_file_or_config_misses_the_cache(tmp_path):
    paths = write_articles(tmp_path / "articles", 2)
    session = make_runner().session
    cache = ResultCache(tmp_path / "cache", session_fingerprint(session))
    raw = Path(paths[0]).read_bytes()
    assert cache.key(paths[0], raw) != cache.key(paths[0], raw + b" ")
    assert cache.key(paths[0], raw) != cache.key(paths[1], raw)
    other = Session.create(load_config(write_config(tmp_path, {"rules": {"spacing.double-space": "off"}})))
    assert session_fingerprint(other) != session_fingerprint(session)


@pytest.mark.parametrize(
    "content",
    [
        "not json at all",
        '{"key": "someone else", "findings": []}',
        '{"key": "KEY", "findings": [{"rule": 1}]}',
        "[]",
    ],
)
def test_corrupt_or_foreign_entries_are_ignored(tmp_path, content):
    paths = write_articles(tmp_path / "articles", 1)
    runner = make_runner()
    cache = make_cache(runner.session, tmp_path / "cache", True)
    key = cache.key(paths[0], Path(paths[0]).read_bytes())
    entry = cache._entry_path(key)
    entry.parent.mkdir(parents=True)
    entry.write_text(content.replace("KEY", key), encoding="utf-8")
    result = Linter(runner, cache).lint(paths[0])
    assert cache.hits == 0
    assert [f.rule for f in result.findings] == [
        "spacing.double-space",
        "spacing.space-before-punctuation",
        "spacing.missing-space-after-punctuation",
        "spacing.double-space",
    ]
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] == key  # replaced by a good entry


def test_no_cache_writes_nothing(tmp_path):
    write_articles(tmp_path / "articles", 2)
    run_cli("check", "--no-cache", "articles", cwd=tmp_path)
    assert not (tmp_path / ".newslint_cache").exists()
    run_cli("check", "articles", cwd=tmp_path)
    assert (tmp_path / ".newslint_cache" / ".gitignore").exists()


def test_results_with_plugin_failures_are_not_cached(tmp_path):
    paths = write_articles(tmp_path / "articles", 1)
    (tmp_path / "boom.py").write_text(
        "from newslint.hookspecs import hookimpl\n\n@hookimpl\ndef newslint_check(article):\n"
        '    """Fail."""\n    raise ValueError("boom")\n',
        encoding="utf-8",
    )
    session = Session.create(load_config(write_config(tmp_path, {"plugins": ["boom.py"]})))
    list(lint_files(paths, session, cache_dir=tmp_path / "cache"))
    assert not list((tmp_path / "cache").rglob("*.json"))


def test_worker_tasks_cover_every_file_in_order_and_shrink_towards_the_end() -> None:
    from newslint.batch import MAX_CHUNK, MIN_CHUNK, _chunks

    paths = [f"{index}.txt" for index in range(2000)]
    chunks = _chunks(paths, 2)
    assert [path for chunk in chunks for path in chunk] == paths
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)  # large tasks first, small ones last
    assert sizes[0] == MAX_CHUNK and max(sizes) <= MAX_CHUNK
    assert all(size >= MIN_CHUNK for size in sizes[:-1]) and sizes[-1] <= MIN_CHUNK
    assert _chunks([], 2) == []
