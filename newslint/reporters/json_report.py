"""The JSON report of CONTRACTS.md."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from newslint.reporters import ReportOptions, summary_counts, suppressed_counts

if TYPE_CHECKING:  # pragma: no cover
    from newslint.runner import FileResult


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return one JSON document: version, files with their findings, summary."""
    summary: dict[str, object] = dict(summary_counts(results))
    if options.show_suppressed:
        suppressed, baselined, per_rule = suppressed_counts(results)
        summary.update(
            suppressed=suppressed, baselined=baselined, suppressed_rules=dict(sorted(per_rule.items()))
        )
    document = {
        "version": 1,
        "files": [result.to_dict() for result in results],
        "summary": summary,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
