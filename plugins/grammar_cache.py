"""The LanguageTool cache: LanguageTool's answers on disk, so unchanged copy is never checked twice.

Each answer is one small JSON file named by a hash of everything that can
change it: the LanguageTool version, the request settings (language, rules,
categories, picky) and the text sent.  A re-run on unchanged copy
(pre-commit, CI) reads the files and does not ask LanguageTool again.

The cache lives in the platform's cache folder (``$XDG_CACHE_HOME/newslint``
or ``~/.cache/newslint`` on Linux, ``~/Library/Caches/newslint`` on macOS,
``%LOCALAPPDATA%\\newslint\\Cache`` on Windows, or ``$NEWSLINT_CACHE_DIR``),
under ``languagetool/``.  It is bounded: when a run has written to it and it
is over its size, the least recently used answers are removed.  A cache that
cannot be written is simply not used.

Beside the answers, ``rules.json`` remembers the LanguageTool rules seen on
this machine (category, a message and an example), which ``newslint explain
grammar.<id>`` shows.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

FORMAT = 1
CACHE_DIR_ENV = "NEWSLINT_CACHE_DIR"
SUBDIR = "languagetool"
RULES_FILE = "rules.json"
MAX_REMEMBERED_RULES = 3000


def cache_root(environ: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Return newslint's cache folder for this platform (``$NEWSLINT_CACHE_DIR`` wins)."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if environ.get(CACHE_DIR_ENV):
        return Path(environ[CACHE_DIR_ENV]).expanduser()
    home = Path(environ.get("HOME") or Path.home())
    if platform == "darwin":
        return home / "Library" / "Caches" / "newslint"
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "newslint" / "Cache"
    xdg = environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".cache") / "newslint"


def default_directory() -> Path:
    """Return the folder of the LanguageTool cache."""
    return cache_root() / SUBDIR


class LanguageToolCache:
    """LanguageTool's answers on disk, bounded to ``max_bytes``."""

    def __init__(self, directory: Path, max_bytes: int) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.enabled = max_bytes > 0
        self.problem: str | None = None
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._seen: dict[str, dict[str, str]] = {}

    @staticmethod
    def key(*, version: str, options: Mapping[str, Any], text: str) -> str:
        """Return the key of an answer: a hash of the version, the request settings and the text."""
        import hashlib  # the cache is imported by every run, used only by those that ask LanguageTool

        payload = json.dumps(
            {"format": FORMAT, "version": version, "options": options, "text": text},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[dict[str, Any]] | None:
        """Return the cached matches for ``key``, or None."""
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
            matches = data["matches"] if data.get("format") == FORMAT else None
            if not isinstance(matches, list):
                raise ValueError("not a list of matches")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            _remove(path)  # unreadable or from another format: forget it
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # mark it recently used, for pruning
        self.hits += 1
        return matches

    def put(self, key: str, matches: list[dict[str, Any]]) -> None:
        """Store the matches for ``key``; a cache that cannot be written is switched off."""
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(path, {"format": FORMAT, "matches": matches})
        except OSError as exc:
            self.enabled = False
            self.problem = f"cannot write the LanguageTool cache in {self.directory}: {exc.strerror or exc}"
            return
        self.writes += 1

    def remember(self, rule: str, info: dict[str, str]) -> None:
        """Note a LanguageTool rule seen in this run (written to ``rules.json`` by :meth:`close`)."""
        self._seen.setdefault(rule, info)

    def known_rules(self) -> dict[str, dict[str, str]]:
        """Return the LanguageTool rules seen on this machine, by LanguageTool id."""
        try:
            with open(self.directory / RULES_FILE, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}

    def close(self) -> None:
        """Write the rules seen in this run and prune the cache if this run wrote to it."""
        if not self.enabled:
            return
        if self._seen:
            rules = self.known_rules()
            new = {rule: info for rule, info in self._seen.items() if rule not in rules}
            if new:
                rules.update(new)
                if len(rules) > MAX_REMEMBERED_RULES:
                    rules = dict(list(rules.items())[-MAX_REMEMBERED_RULES:])
                try:
                    self.directory.mkdir(parents=True, exist_ok=True)
                    _write_atomically(self.directory / RULES_FILE, rules)
                except OSError:
                    pass
            self._seen.clear()
        if self.writes:
            self.prune()
            self.writes = 0

    def entries(self) -> list[tuple[float, int, Path]]:
        """Return ``(last used, size, path)`` for every answer in the cache."""
        found = []
        try:
            folders = [p for p in self.directory.iterdir() if p.is_dir()]
        except OSError:
            return []
        for folder in folders:
            try:
                with os.scandir(folder) as listing:
                    for entry in listing:
                        if entry.name.endswith(".json"):
                            stat = entry.stat()
                            found.append((stat.st_mtime, stat.st_size, Path(entry.path)))
            except OSError:
                continue
        return found

    def prune(self) -> None:
        """Remove the least recently used answers until the cache is within three quarters of its size."""
        entries = self.entries()
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        target = self.max_bytes * 3 // 4
        for _, size, path in sorted(entries):
            if total <= target:
                break
            if _remove(path):
                total -= size


def _write_atomically(path: Path, data: Any) -> None:
    import tempfile

    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(name, path)
    except BaseException:
        _remove(Path(name))
        raise


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True
