"""Findings: what a rule reports, and the fixes it may carry."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
"""Severities from most to least severe."""


def severity_rank(severity: str) -> int:
    """Return 0 for ``error``, 1 for ``warning``, 2 for ``info``."""
    return SEVERITIES.index(severity)


QUOTATION_SAFE_CATEGORIES = frozenset({"typos", "spacing"})
"""Categories whose fixes may apply inside a direct quotation (they repair the text, not the wording)."""


def fix_allowed_in_quotation(category: str) -> bool:
    """True when a fix of ``category`` may change text inside a direct quotation (see :mod:`newslint.fixer`)."""
    return category in QUOTATION_SAFE_CATEGORIES


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` with ``replacement``.

    A plugin gives a fix only when the correction is certain: one correction,
    no ambiguity.  Offsets are in the same coordinates as the finding that
    carries the fix.
    """

    start: int
    end: int
    replacement: str


@dataclass
class Finding:
    """One problem found in an article.

    Plugins create findings with ``start`` and ``end`` as offsets into
    ``article.text`` (the story text).  The runner maps them to the file,
    fills ``category`` and ``severity`` from the rule's declaration and the
    configuration, and sets ``line``, ``column`` and ``text``.
    """

    rule: str
    message: str
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    fix: Fix | None = None
    severity: str | None = None
    category: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    text: str = ""

    def sort_key(self) -> tuple[int, str, int]:
        """Order of findings within a file: by start, then rule, then end."""
        return (self.start, self.rule, self.end)

    def to_dict(self) -> dict[str, object]:
        """Return the finding as the JSON object of CONTRACTS.md."""
        return {
            "rule": self.rule,
            "category": self.category or "",
            "severity": self.severity or "warning",
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }
