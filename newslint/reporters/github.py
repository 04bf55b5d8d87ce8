"""The GitHub Actions report: one workflow command per finding.

Each finding becomes ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message``
(``warning`` and ``notice`` for the other severities), which GitHub shows as
an annotation on the pull request's diff.  Columns count Unicode code points
from 1 and ``endColumn`` is the column just after the span, as in the JSON
report.  Values are escaped as the workflow-command syntax requires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newslint.reporters import ReportOptions

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.runner import FileResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, carriage returns and line feeds."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, path: str) -> str:
    """Return the workflow command that annotates one finding."""
    properties = {
        "file": path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = finding.message
    if finding.suggestions:
        message += f" (suggestion: “{finding.suggestions[0]}”)"
    kind = COMMANDS.get(finding.severity or "warning", "warning")
    return f"::{kind} {joined}::{escape_data(message)}"


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return one workflow command per finding, and an error command per unreadable file."""
    lines: list[str] = []
    for result in results:
        path = result.path
        if result.error is not None:
            lines.append(f"::error file={escape_property(path)},title=newslint::{escape_data(result.error)}")
            continue
        lines.extend(command(finding, path) for finding in result.findings)
    return "\n".join(lines) + ("\n" if lines else "")
