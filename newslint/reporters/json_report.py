"""The JSON report of CONTRACTS.md.

The document is laid out one finding per line: readable in a terminal and
in a diff, and written with the json module's C encoder (an indented dump
goes through the pure-Python encoder, several times slower on an archive).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from newslint.reporters import ReportOptions, summary_counts, suppressed_counts

if TYPE_CHECKING:  # pragma: no cover
    from newslint.runner import FileResult


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _file_entry(result: FileResult) -> str:
    entry = result.to_dict()
    findings = entry.pop("findings", None)
    if not findings:
        if findings is not None:
            entry["findings"] = []
        return "    " + _dump(entry)
    head = _dump(entry)[:-1]  # the entry without its closing brace
    lines = ",\n".join("        " + _dump(finding) for finding in findings)
    return f'    {head}, "findings": [\n{lines}\n    ]}}'


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return one JSON document: version, files with their findings, summary."""
    summary: dict[str, object] = dict(summary_counts(results))
    if options.show_suppressed:
        suppressed, baselined, per_rule = suppressed_counts(results)
        summary.update(
            suppressed=suppressed, baselined=baselined, suppressed_rules=dict(sorted(per_rule.items()))
        )
    files = ",\n".join(_file_entry(result) for result in results)
    files_block = f"[\n{files}\n  ]" if results else "[]"
    return f'{{\n  "version": 1,\n  "files": {files_block},\n  "summary": {_dump(summary)}\n}}\n'
