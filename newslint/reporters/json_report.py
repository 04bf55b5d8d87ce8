"""The JSON report of CONTRACTS.md.

The document is laid out one finding per line: readable in a terminal and
in a diff, and written with the json module's C encoder (an indented dump
goes through the pure-Python encoder, several times slower on an archive).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

from newslint.reporters import ReportOptions, summary_counts, suppressed_counts

if TYPE_CHECKING:  # pragma: no cover
    from newslint.runner import FileResult


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


_KEYS: dict[str, str] = {}
"""Member names as written, with their colon: a report repeats the same few thousands of times."""


def _dump_flat(mapping: dict[str, object]) -> str:
    """``_dump(mapping)`` for a flat object, written without the encoder's set-up.

    A finding's object holds only strings, integers and lists of strings;
    they are written here exactly as ``json.dumps(..., ensure_ascii=False)``
    writes them, with the json module's own string escaper.  Any other
    value goes through :func:`_dump`.  An archive's report has tens of
    thousands of findings, and building an encoder for each one is most of
    the time the report takes.
    """
    parts = []
    for key, value in mapping.items():
        name = _KEYS.get(key)
        if name is None:
            name = _KEYS[key] = encode_basestring(key) + ": "
        if isinstance(value, str):
            written = encode_basestring(value)
        elif type(value) is int:
            written = str(value)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            written = "[" + ", ".join(map(encode_basestring, value)) + "]"
        else:
            written = _dump(value)
        parts.append(name + written)
    return "{" + ", ".join(parts) + "}"


def _file_entry(result: FileResult) -> str:
    entry = result.to_dict()
    findings = entry.pop("findings", None)
    if not findings:
        if findings is not None:
            entry["findings"] = []
        return "    " + _dump(entry)
    head = _dump(entry)[:-1]  # the entry without its closing brace
    lines = ",\n".join("        " + _dump_flat(finding) for finding in findings)
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
