"""Baselines: adopt newslint on an archive by reporting only new findings.

``newslint check --write-baseline FILE`` records today's findings;
``newslint check --baseline FILE`` then reports (and fails on) only the
findings that are not in it.  A finding is recorded by its rule, its file
(relative to the baseline's folder, so the baseline travels with the
repository) and its text with a little of the text around it, never by line
or offset, so editing one paragraph does not make the findings in the others
new.  Identical entries are counted: three double spaces in the same words
of the same file are three entries, and a fourth is new.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.runner import FileResult

VERSION = 1
CONTEXT = 24
"""Characters of text kept on each side of a finding, after runs of white space are collapsed."""
WHITESPACE = re.compile(r"\s+")
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the problem."""


@dataclass(frozen=True)
class Entry:
    """One recorded finding: rule, file, the flagged text and the text around it."""

    rule: str
    path: str
    text: str
    before: str
    after: str


def surroundings(file_text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """Return up to ``width`` characters before and after ``start:end`` in its paragraph, white space collapsed.

    The context stops at a blank line, so a paragraph added or removed next
    to a finding does not change it; collapsing white space (line breaks
    included) keeps it stable when a paragraph is re-wrapped or its line
    endings change.
    """
    window = 3 * width
    before = file_text[max(0, start - window) : start]
    breaks = list(BLANK_LINE.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = file_text[end : end + window]
    first_break = BLANK_LINE.search(after)
    if first_break:
        after = after[: first_break.start()]
    # Strip only the far ends (the paragraph's edges), never the side touching the finding.
    return WHITESPACE.sub(" ", before).lstrip()[-width:], WHITESPACE.sub(" ", after).rstrip()[:width]


def entry_for(finding: Finding, file_text: str, path: str) -> Entry:
    """Return the baseline entry of a finding in the file at ``path`` (already made relative)."""
    before, after = surroundings(file_text, finding.start, finding.end)
    return Entry(finding.rule, path, WHITESPACE.sub(" ", finding.text), before, after)


def relative_path(path: str, folder: Path) -> str:
    """Return ``path`` relative to the baseline's folder, with ``/`` separators."""
    try:
        return Path(os.path.relpath(os.path.abspath(path), folder)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.abspath(path)).as_posix()


def entries(results: list[FileResult], folder: Path) -> Counter[Entry]:
    """Count the baseline entries of every finding in ``results``."""
    counts: Counter[Entry] = Counter()
    for result in results:
        if result.error is not None or result.file_text is None:
            continue
        path = relative_path(result.path, folder)
        for finding in result.findings:
            counts[entry_for(finding, result.file_text, path)] += 1
    return counts


def write_baseline(results: list[FileResult], file: str | Path) -> int:
    """Record every finding of ``results`` in ``file``; return how many were recorded."""
    from newslint.safewrite import write_new_file

    target = Path(file)
    counts = entries(results, target.resolve().parent)
    rows = [
        {
            "rule": e.rule,
            "path": e.path,
            "text": e.text,
            "before": e.before,
            "after": e.after,
            "count": n,
        }
        for e, n in sorted(counts.items(), key=lambda item: (item[0].path, item[0].rule, item[0].before))
    ]
    document = {"version": VERSION, "tool": "newslint", "findings": rows}
    data = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    write_new_file(str(target), data.encode("utf-8"))
    return sum(counts.values())


def read_baseline(file: str | Path) -> Counter[Entry]:
    """Read a baseline file; raise :class:`BaselineError` when it is missing or malformed."""
    path = Path(file)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a newslint baseline (invalid JSON: {exc})") from None
    if not isinstance(document, dict) or document.get("version") != VERSION:
        raise BaselineError(f"{path}: not a newslint baseline (version {VERSION} expected)")
    counts: Counter[Entry] = Counter()
    for index, row in enumerate(document.get("findings") or []):
        try:
            entry = Entry(
                str(row["rule"]), str(row["path"]), str(row["text"]), str(row["before"]), str(row["after"])
            )
            count = int(row.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(
                f"{path}: entry {index + 1} lacks rule, path, text, before or after"
            ) from None
        counts[entry] += max(count, 0)
    return counts


def filter_known(results: list[FileResult], known: Counter[Entry], folder: Path) -> int:
    """Drop findings recorded in the baseline from ``results`` (in place); return how many were dropped.

    Each result's ``baselined`` counts its dropped findings.
    """
    remaining = Counter(known)
    dropped = 0
    for result in results:
        if result.error is not None or result.file_text is None or not result.findings:
            continue
        path = relative_path(result.path, folder)
        kept: list[Finding] = []
        for finding in result.findings:
            entry = entry_for(finding, result.file_text, path)
            if remaining[entry] > 0:
                remaining[entry] -= 1
                result.baselined += 1
                dropped += 1
            else:
                kept.append(finding)
        result.findings = kept
    return dropped
