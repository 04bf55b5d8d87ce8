"""The result cache: findings per file, reused while nothing that matters changed.

Like ruff's cache, an entry is keyed by the file's bytes, its path, the
effective configuration (word lists included), the selected rules, and the
versions of newslint and of every plugin (a local plugin by its source), and
what plugins say decides their findings besides that (the ``newslint_cache_key``
hook: the LanguageTool a run uses, for instance).  Entries live under ``.newslint_cache/`` (or ``--cache-dir``).  An entry that
cannot be read, does not parse, or carries another key is ignored and
replaced, never trusted.  Results with a plugin failure are not cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.findings import Finding, Fix

if TYPE_CHECKING:  # pragma: no cover
    from newslint.session import Session

FORMAT_VERSION = "2"  # 2: entries carry suppressed findings and suppression warnings
CACHE_DIR_NAME = ".newslint_cache"


def plugin_cache_keys(session: Session) -> tuple[str, ...]:
    """Return what plugins say decides their findings besides the configuration (``newslint_cache_key``).

    A plugin whose hook fails gets a key that never repeats, so nothing is reused for it.
    """
    keys = []
    arguments = {"config": session.config, "context": session.context()}
    for impl in session.manager.hook.newslint_cache_key.get_hookimpls():
        try:
            value = impl.function(*[arguments[a] for a in impl.argnames])
        except Exception as exc:
            value = f"unknown ({type(exc).__name__}) {os.urandom(8).hex()}"
        if value is not None:
            keys.append(f"{impl.plugin_name}={value}")
    return tuple(sorted(keys))


def session_fingerprint(session: Session, plugin_keys: tuple[str, ...] | None = None) -> str:
    """Return a digest of everything besides the file that decides its findings."""
    digest = hashlib.sha256()
    digest.update(f"newslint {__version__} cache {FORMAT_VERSION}\n".encode())
    for info in sorted(session.plugins, key=lambda i: i.name):
        digest.update(f"plugin {info.name} {info.kind} {info.origin} {info.version}\n".encode())
        if info.kind == "local file":
            with contextlib.suppress(OSError):
                digest.update(Path(info.origin).read_bytes())
    config = session.config
    digest.update(json.dumps(config.data, sort_keys=True, default=str).encode())
    digest.update("\n".join(sorted(config.accepted_words)).encode())
    digest.update(f"select={session.select} ignore={session.ignore}".encode())
    keys = plugin_cache_keys(session) if plugin_keys is None else plugin_keys
    digest.update("\n".join(keys).encode())
    return digest.hexdigest()


class ResultCache:
    """Findings per file, stored as small JSON files under one folder."""

    def __init__(self, folder: Path, fingerprint: str, plugin_keys: tuple[str, ...] = ()) -> None:
        self.folder = Path(folder) / f"v{FORMAT_VERSION}"
        self.fingerprint = fingerprint
        self.plugin_keys = plugin_keys
        """The plugins' cache keys in the fingerprint; results are stored only while they hold."""
        self.hits = 0
        self.misses = 0
        self._made: set[Path] = set()

    def key(self, path: str, raw: bytes) -> str:
        """Return the key of a file's entry."""
        digest = hashlib.sha256(self.fingerprint.encode())
        digest.update(path.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def _entry_path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Finding] | None:
        """Return the cached findings, or None when there is no trustworthy entry."""
        entry = self.get_entry(key)
        return entry[0] if entry is not None else None

    def get_entry(self, key: str) -> tuple[list[Finding], list[Finding], list[str]] | None:
        """Return ``(findings, suppressed findings, suppression warnings)``, or None."""
        try:
            document = json.loads(self._entry_path(key).read_text(encoding="utf-8"))
            if not isinstance(document, dict) or document.get("key") != key:
                raise ValueError("foreign entry")
            findings = [_finding_from_dict(item) for item in document["findings"]]
            suppressed = [_finding_from_dict(item) for item in document.get("suppressed", [])]
            warnings = [str(w) for w in document.get("warnings", [])]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings, suppressed, warnings

    def put(
        self,
        key: str,
        findings: list[Finding],
        suppressed: list[Finding] | None = None,
        warnings: list[str] | None = None,
    ) -> None:
        """Store findings (and what suppressions hid) atomically; a cache that cannot be written is skipped."""
        target = self._entry_path(key)
        document = {
            "key": key,
            "findings": [asdict(f) for f in findings],
            "suppressed": [asdict(f) for f in suppressed or []],
            "warnings": list(warnings or []),
        }
        try:
            if target.parent not in self._made:
                target.parent.mkdir(parents=True, exist_ok=True)
                _ensure_gitignore(self.folder.parent)
                self._made.add(target.parent)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False)
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temporary)


def _ensure_gitignore(folder: Path) -> None:
    marker = folder / ".gitignore"
    if not marker.exists():
        marker.write_text(
            "# Created by newslint: the result cache is not for version control.\n*\n", encoding="utf-8"
        )


def _finding_from_dict(item: dict[str, Any]) -> Finding:
    if not isinstance(item, dict):
        raise TypeError("entry is not a mapping")
    fix = item.get("fix")
    values = dict(item)
    values["fix"] = Fix(int(fix["start"]), int(fix["end"]), str(fix["replacement"])) if fix else None
    values["suggestions"] = [str(s) for s in values.get("suggestions", [])]
    finding = Finding(**values)
    for name in ("start", "end", "line", "column", "end_line", "end_column"):
        if not isinstance(getattr(finding, name), int):
            raise TypeError(f"{name} is not a number")
    return finding
