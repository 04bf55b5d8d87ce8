"""Lint many files: in this process or in worker processes, with the result cache.

Output order and content are the same whatever the number of jobs: results
come back in the order the files were listed.  Each worker process loads
the plugins and word data once, then lints a share of the files.  What a
plugin prints on stderr inside a worker is sent back and printed once by
the parent, so a notice meant to appear once per run still does.
``multiprocessing`` is imported only when worker processes are started, and
the result cache only when it is used.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.readers import ArticleError, decode
from newslint.runner import FileResult, Runner, read_limited

if TYPE_CHECKING:  # pragma: no cover
    from newslint.cache import ResultCache
    from newslint.session import Session

PARALLEL_MIN_FILES = 16
"""Below this many files, one process is faster than starting workers."""


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class Linter:
    """Lints one file at a time with a runner and, when enabled, the result cache."""

    def __init__(self, runner: Runner, cache: ResultCache | None) -> None:
        self.runner = runner
        self.cache = cache

    def lint(self, path: str) -> FileResult:
        """Lint one file from disk."""
        if not os.path.exists(path) and not os.path.islink(path):
            return FileResult(path, error="no such file or directory")
        try:
            raw = read_limited(path, self.runner.session.config.max_file_size)
        except ArticleError as exc:
            return FileResult(path, error=str(exc))
        except OSError as exc:
            return FileResult(path, error=f"cannot read: {exc.strerror or exc}")
        if self.cache is None:
            return self.runner.check_file(path, read=lambda: raw)
        key = self.cache.key(path, raw)
        cached = self.cache.get_entry(key)
        if cached is not None:
            try:
                text, encoding = decode(raw)
            except ArticleError as exc:  # pragma: no cover - a cached file always decoded
                return FileResult(path, error=str(exc))
            findings, suppressed, warnings = cached
            return FileResult(
                path,
                findings=findings,
                file_text=text,
                encoding=encoding,
                suppressed=len(suppressed),
                suppressed_findings=suppressed,
                warnings=warnings,
            )
        result = self.runner.check_file(path, read=lambda: raw)
        if result.error is None and not result.failures and self._plugins_unchanged():
            self.cache.put(key, result.findings, result.suppressed_findings, result.warnings)
        return result

    def _plugins_unchanged(self) -> bool:
        """True while the plugins' cache keys are those the cache was opened with.

        A key that moves during the run (LanguageTool stopped answering) means
        later results were made under other conditions: they are not stored.
        """
        from newslint.cache import plugin_cache_keys

        assert self.cache is not None
        return plugin_cache_keys(self.runner.session) == self.cache.plugin_keys


def make_cache(session: Session, cache_dir: str | Path | None, enabled: bool) -> ResultCache | None:
    """Return the result cache for a session, or None when caching is off."""
    if not enabled:
        return None
    from newslint.cache import ResultCache, plugin_cache_keys, session_fingerprint

    if cache_dir:
        folder = Path(cache_dir)
    else:
        base = session.config.root if session.config.path is not None else Path.cwd()
        folder = base / ".newslint_cache"
    keys = plugin_cache_keys(session)
    return ResultCache(folder, session_fingerprint(session, keys), keys)


# Worker processes ---------------------------------------------------------------

_WORKER: Linter | None = None


def _worker_init(session: Session | None, cache_dir: str | None, cache_enabled: bool) -> None:
    global _WORKER
    if session is None:  # pragma: no cover - spawn start method: rebuild from scratch
        raise RuntimeError("worker started without a session")
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):  # plugin notices, printed once by the parent
        runner = Runner(session)
        runner.start()
        cache = make_cache(session, cache_dir, cache_enabled)
    _WORKER = Linter(runner, cache)
    _WORKER.runner._pending_stderr = stderr.getvalue()  # type: ignore[attr-defined]
    from multiprocessing import util

    util.Finalize(None, runner.finish, exitpriority=10)


def _worker_lint(paths: list[str]) -> tuple[list[FileResult], str]:
    assert _WORKER is not None
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        results = [_WORKER.lint(path) for path in paths]
    pending = getattr(_WORKER.runner, "_pending_stderr", "")
    _WORKER.runner._pending_stderr = ""  # type: ignore[attr-defined]
    return results, pending + stderr.getvalue()


MAX_CHUNK, MIN_CHUNK = 64, 4
"""Files per task sent to a worker: large enough to keep messages few, small near the end."""


def _chunks(paths: list[str], jobs: int) -> list[list[str]]:
    """Cut the files into tasks that shrink as fewer files remain (guided scheduling).

    Each task is a quarter of a worker's fair share of what is left, between
    ``MIN_CHUNK`` and ``MAX_CHUNK`` files: early tasks are large, and the last
    ones small, so no worker sits idle at the end while another works through
    a large last task.
    """
    chunks = []
    position = 0
    while position < len(paths):
        remaining = len(paths) - position
        size = max(MIN_CHUNK, min(MAX_CHUNK, remaining // (jobs * 4)))
        chunks.append(paths[position : position + size])
        position += size
    return chunks


class StderrOnce:
    """Prints worker stderr lines, each distinct line once per run."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def write(self, text: str) -> None:
        for line in text.splitlines():
            if line and line not in self.seen:
                self.seen.add(line)
                print(line, file=sys.stderr)


def lint_files(
    paths: list[str],
    session: Session,
    *,
    jobs: int = 1,
    cache_dir: str | Path | None = None,
    cache: bool = True,
    runner: Runner | None = None,
    printer: StderrOnce | None = None,
) -> Iterator[FileResult]:
    """Yield one result per path, in order, using ``jobs`` processes.

    ``printer`` receives what worker processes print on stderr; lines it
    has already printed are not printed again.
    """
    if jobs <= 1 or len(paths) < PARALLEL_MIN_FILES or not _can_fork():
        own = runner or Runner(session)
        own.start()
        linter = Linter(own, make_cache(session, cache_dir, cache))
        try:
            for path in paths:
                yield linter.lint(path)
        finally:
            if runner is None:
                own.finish()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    printer = printer or StderrOnce()
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_worker_init,
        initargs=(session, str(cache_dir) if cache_dir else None, cache),
    ) as pool:
        for results, stderr in pool.map(_worker_lint, _chunks(paths, jobs)):
            printer.write(stderr)
            yield from results


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()
