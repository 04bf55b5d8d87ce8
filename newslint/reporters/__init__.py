"""Report formats for ``newslint check --format``.

Each reporter is a module with a function ``render(results, options) -> str``
that returns the whole report; :data:`REPORTERS` maps format names to those
modules, which are imported only when used.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.runner import FileResult
    from newslint.session import Session


@dataclass
class ReportOptions:
    """How a report is written."""

    color: bool = False
    quiet: bool = False
    session: Session | None = None
    show_suppressed: bool = False
    fail_level: str = "warning"


def summary_counts(results: list[FileResult]) -> dict[str, int]:
    """Return the JSON summary: files, findings, and findings per severity."""
    counts = {"files": len(results), "findings": 0, "error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts["findings"] += 1
            counts[finding.severity or "warning"] += 1
    return counts


def suppressed_counts(results: list[FileResult]) -> tuple[int, int, Counter[str]]:
    """Return ``(suppressed, baselined, suppressed per rule)`` over a run, for ``--show-suppressed``."""
    per_rule: Counter[str] = Counter(f.rule for r in results for f in r.suppressed_findings)
    suppressed = sum(r.suppressed for r in results)
    return suppressed, sum(r.baselined for r in results), per_rule


REPORTERS: dict[str, str] = {
    "text": "newslint.reporters.text",
    "json": "newslint.reporters.json_report",
    "sarif": "newslint.reporters.sarif",
    "github": "newslint.reporters.github",
    "junit": "newslint.reporters.junit",
    "html": "newslint.reporters.html",
}
"""Format name → module whose ``render(results, options)`` writes that report."""

FORMATS = tuple(REPORTERS)


def get_reporter(name: str) -> Callable[[list[FileResult], ReportOptions], str]:
    """Return the ``render`` function of the reporter for a format name."""
    return importlib.import_module(REPORTERS[name]).render
