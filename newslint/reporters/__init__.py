"""Report formats for ``newslint check --format``.

Each reporter is a function ``(results, options) -> str`` that returns the
whole report; :data:`REPORTERS` maps format names to them.
"""

from __future__ import annotations

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


def summary_counts(results: list[FileResult]) -> dict[str, int]:
    """Return the JSON summary: files, findings, and findings per severity."""
    counts = {"files": len(results), "findings": 0, "error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts["findings"] += 1
            counts[finding.severity or "warning"] += 1
    return counts


def get_reporter(name: str) -> Callable[[list[FileResult], ReportOptions], str]:
    """Return the reporter for a format name."""
    if name == "json":
        from newslint.reporters.json_report import render
    else:
        from newslint.reporters.text import render
    return render


FORMATS = ("text", "json")
