"""Fixes: apply the corrections that rules mark as certain.

``newslint check --fix`` rewrites each file with the fixes its findings
carry; ``--diff`` prints the same changes as a unified diff and writes
nothing.  How it stays safe:

* Only certain fixes exist: a plugin gives a :class:`~newslint.findings.Fix`
  only when there is one correction and no ambiguity, and the runner drops a
  fix whose span crosses markup.
* **Quotations are the speaker's words.**  A fix inside a direct quotation is
  kept only for the ``typos`` and ``spacing`` categories, which repair
  damage done to the text (a space lost in a layout export, a mistyped
  word), never the wording; a fix of any other category (style, grammar,
  honorifics, attribution, structure) is dropped there by the runner, so the
  finding is still reported but never applied
  (:func:`~newslint.findings.fix_allowed_in_quotation`).
* Fixes in one pass never overlap: when two touch the same characters the
  first (by position) wins and the other waits.  The article is linted again
  after each pass and fixed again until no fix is left (at most
  :data:`MAX_PASSES` passes), so a second ``--fix`` run changes nothing.
* The file is rewritten atomically with its encoding, byte-order mark, line
  endings and permissions kept, and left alone when it changed since it was
  read (see :mod:`newslint.safewrite`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newslint.readers import ArticleError, decode
from newslint.safewrite import Snapshot, WriteRefused, read_snapshot, replace_file

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding, Fix
    from newslint.runner import FileResult, Runner

MAX_PASSES = 10
"""Passes of fix-then-lint before giving up on reaching a stable text."""


@dataclass
class FixOutcome:
    """What fixing one file did."""

    path: str
    result: FileResult
    original: str = ""
    fixed: str = ""
    applied: int = 0
    error: str | None = None

    @property
    def changed(self) -> bool:
        """True when the fixes changed the text."""
        return self.fixed != self.original


def select_fixes(findings: Iterable[Finding]) -> list[Fix]:
    """Return the findings' fixes that can be applied together: no duplicates, no overlaps.

    Fixes are taken by position; a fix that touches characters an earlier
    one replaces (or a second insertion at the same point) is left for the
    next pass.
    """
    fixes = sorted(
        {f.fix for f in findings if f.fix is not None}, key=lambda fix: (fix.start, fix.end, fix.replacement)
    )
    chosen: list[Fix] = []
    for fix in fixes:
        if chosen:
            last = chosen[-1]
            if fix.start < last.end or (
                fix.start == last.start and (fix.start == fix.end or last.start == last.end)
            ):
                continue
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (sorted by start) to ``text``; return the text and how many changed it.

    A replacement's line breaks follow the text's: ``\\r\\n`` in a CRLF file.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    pieces: list[str] = []
    position = 0
    changed = 0
    for fix in fixes:
        replacement = fix.replacement
        if "\n" in replacement:
            replacement = replacement.replace("\r\n", "\n").replace("\n", newline)
        if (
            text[fix.start : fix.end] == replacement
            or _splits_crlf(text, fix.start)
            or _splits_crlf(text, fix.end)
        ):
            continue
        pieces.append(text[position : fix.start])
        pieces.append(replacement)
        position = fix.end
        changed += 1
    pieces.append(text[position:])
    return "".join(pieces), changed


def _splits_crlf(text: str, offset: int) -> bool:
    """True when ``offset`` falls between the ``\r`` and the ``\n`` of a CRLF line ending."""
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def fix_text(text: str, lint: Callable[[str], FileResult]) -> tuple[str, int, FileResult]:
    """Fix ``text`` until no certain fix is left; return ``(fixed text, fixes applied, final result)``.

    ``lint`` checks a text and returns its :class:`FileResult`; the final
    result lists what remains after the fixes.
    """
    current = text
    applied = 0
    for _ in range(MAX_PASSES):
        result = lint(current)
        fixed, changed = apply_fixes(current, select_fixes(result.findings))
        if not changed:
            return current, applied, result
        current = fixed
        applied += changed
    return current, applied, lint(current)


def encode_like(text: str, raw: bytes) -> bytes:
    """Encode ``text`` as ``raw`` was encoded: UTF-8 (with its byte-order mark if it had one) or UTF-16 LE/BE."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if raw.startswith(b"\xff\xfe"):
        return b"\xff\xfe" + text.encode("utf-16-le")
    if raw.startswith(b"\xfe\xff"):
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode("utf-8")


def fix_bytes(runner: Runner, raw: bytes, path: str) -> tuple[FixOutcome, bytes]:
    """Fix an article given as bytes (standard input); return the outcome and the fixed bytes."""
    from newslint.runner import FileResult

    try:
        text, encoding = decode(raw)
    except ArticleError as exc:
        return FixOutcome(path, FileResult(path, error=str(exc)), error=str(exc)), raw
    fixed, applied, result = fix_text(text, lambda current: runner.check_text(current, path))
    result.encoding = encoding
    outcome = FixOutcome(path, result, text, fixed, applied)
    return outcome, encode_like(fixed, raw) if outcome.changed else raw


def fix_file(runner: Runner, path: str, *, write: bool = True, display_path: str | None = None) -> FixOutcome:
    """Fix one file: lint, apply certain fixes until stable, and (when ``write``) rewrite it safely.

    When the file cannot be written (it changed since it was read, say), the
    outcome carries the reason in ``error``, the file is untouched and the
    result lists the findings of the file as it was.
    """
    from newslint.runner import FileResult

    shown = display_path or path
    try:
        snapshot: Snapshot = read_snapshot(path, runner.session.config.max_file_size)
        text, encoding = decode(snapshot.data)
    except (ArticleError, WriteRefused) as exc:
        return FixOutcome(shown, FileResult(shown, error=str(exc)), error=str(exc))
    except OSError as exc:
        message = f"cannot read: {exc.strerror or exc}"
        return FixOutcome(shown, FileResult(shown, error=message), error=message)
    fixed, applied, result = fix_text(text, lambda current: runner.check_text(current, shown))
    result.encoding = encoding
    outcome = FixOutcome(shown, result, text, fixed, applied)
    if write and outcome.changed:
        try:
            replace_file(snapshot, encode_like(fixed, snapshot.data))
        except WriteRefused as exc:
            outcome.error = str(exc)
            outcome.applied = 0
            outcome.fixed = text
            outcome.result = runner.check_text(text, shown)
            outcome.result.encoding = encoding
    return outcome


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff (``a/path`` → ``b/path``) of a fixed file; empty when nothing changed."""
    if before == after:
        return ""
    lines = difflib.unified_diff(
        _lines(before),
        _lines(after),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out: list[str] = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Split on ``\n`` only (keeping it), unlike ``str.splitlines``, which also splits on U+2028 and others."""
    return re.findall(r"[^\n]*\n|[^\n]+\Z", text)
