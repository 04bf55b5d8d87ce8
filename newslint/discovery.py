"""Which files a run lints: paths given, directories recursed, ignore globs."""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path

from newslint.readers import ARTICLE_SUFFIXES


def is_ignored(path: str, patterns: list[str], root: Path) -> bool:
    """True when ``path`` matches an ``ignore`` glob.

    A glob is matched against the path relative to the configuration's
    folder, against the path as given, and against the file name, so
    ``archive/**``, ``*.draft.md`` and ``drafts`` all work as expected.
    """
    if not patterns:
        return False
    candidates = {path.replace(os.sep, "/"), os.path.basename(path)}
    with contextlib.suppress(ValueError):  # another drive on Windows
        candidates.add(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        for candidate in candidates:
            if fnmatch.fnmatchcase(candidate, pattern) or fnmatch.fnmatchcase(candidate, pattern + "/*"):
                return True
            parts = candidate.split("/")
            if any(fnmatch.fnmatchcase("/".join(parts[: i + 1]), pattern) for i in range(len(parts) - 1)):
                return True
    return False


def expand_paths(paths: list[str], ignore: list[str], root: Path) -> Iterator[str]:
    """Yield the article files to lint, in a stable order.

    A file named on the command line is always linted.  A directory is
    walked in sorted order for ``.txt``, ``.md``, ``.markdown``, ``.html`` and
    ``.htm`` files, skipping hidden files and folders and ignored paths.
    Symbolic links to folders are not followed, so a link loop cannot trap
    the walk.
    """
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for folder, dirs, names in os.walk(path, onerror=None):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".") and not is_ignored(os.path.join(folder, d), ignore, root)
            )
            for name in sorted(names):
                if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                full = os.path.join(folder, name)
                if not is_ignored(full, ignore, root):
                    yield full
