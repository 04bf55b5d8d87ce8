"""The text report: findings grouped per article, with the source line underlined."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import click

from newslint.reporters import ReportOptions, summary_counts, suppressed_counts

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.runner import FileResult

COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
CONTEXT = 36  # characters of context shown on each side of a finding on long lines


def _width(text: str) -> int:
    return sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text
    )


def _plural(count: int, word: str) -> str:
    """ "1 error", "2 errors"; "info" is a mass noun: "2 info"."""
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def excerpt(file_text: str, finding: Finding) -> tuple[str, str]:
    """Return the finding's source line (shortened around the span) and its underline."""
    line_start = file_text.rfind("\n", 0, finding.start) + 1
    line_end = file_text.find("\n", finding.start)
    if line_end == -1:
        line_end = len(file_text)
    line = file_text[line_start:line_end].rstrip("\r")
    span_start = finding.start - line_start
    span_end = min(finding.end, line_start + len(line)) - line_start
    left, prefix = 0, ""
    if span_start > CONTEXT + 8:
        left, prefix = span_start - CONTEXT, "…"
    right, suffix = len(line), ""
    if len(line) - span_end > CONTEXT + 8:
        right, suffix = span_end + CONTEXT, "…"
    shown = prefix + line[left:right] + suffix
    pad = _width(prefix + line[left:span_start])
    marks = max(1, _width(line[span_start : max(span_end, span_start)]))
    return shown.replace("\t", " "), " " * pad + "^" * marks


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return the text report."""

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if options.color else text

    out: list[str] = []
    for result in results:
        if result.error is not None:
            out.append(
                f"{style(result.path, bold=True)}: {style('error', fg='red', bold=True)}: {result.error}"
            )
            continue
        for finding in result.findings:
            severity = finding.severity or "warning"
            out.append(
                f"{style(result.path, bold=True)}:{finding.line}:{finding.column}: "
                f"{style(severity, fg=COLORS[severity], bold=True)} {style(finding.rule, dim=True)} {finding.message}"
            )
            if options.quiet or result.file_text is None:
                continue
            source, underline = excerpt(result.file_text, finding)
            note = f" → “{finding.suggestions[0]}”" if finding.suggestions else ""
            if finding.fix is not None and finding.suggestions:
                note += " (fixable)"
            out.append(f"    | {source}")
            out.append(f"    | {style(underline + note, fg=COLORS[severity])}")
        if result.findings and not options.quiet:
            counts = {s: sum(1 for f in result.findings if f.severity == s) for s in COLORS}
            detail = ", ".join(_plural(n, s) for s, n in counts.items() if n)
            out.append(f"  {_plural(len(result.findings), 'finding')} in {result.path} ({detail})")
            out.append("")
    if not options.quiet:
        counts = summary_counts(results)
        unreadable = sum(1 for r in results if r.error is not None)
        detail = ", ".join(_plural(counts[s], s) for s in COLORS if counts[s])
        line = f"{_plural(counts['findings'], 'finding')} in {_plural(counts['files'], 'file')}"
        if detail:
            line += f" ({detail})"
        if unreadable:
            line += f"; {_plural(unreadable, 'file')} could not be read"
        if options.show_suppressed:
            suppressed, baselined, per_rule = suppressed_counts(results)
            line += f"; {suppressed} suppressed"
            if per_rule:
                line += " (" + ", ".join(f"{rule} {n}" for rule, n in sorted(per_rule.items())) + ")"
            if baselined:
                line += f"; {baselined} in the baseline"
        out.append(style(line, bold=True))
    return "\n".join(out) + ("\n" if out else "")
