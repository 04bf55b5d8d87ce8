"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

One run: the tool's rules (id, summary, documentation, default level,
category as a tag) in ``tool.driver.rules``; one result per finding with its
location (lines and columns counted in Unicode code points, as newslint
counts them: ``columnKind`` says so), the certain fix when there is one, and
a fingerprint from the finding's rule and surrounding text so viewers can
follow a finding when lines move.  Unreadable files and plugin failures are
tool execution notifications.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from newslint import __version__
from newslint.baseline import surroundings
from newslint.reporters import ReportOptions

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.rules import RuleSpec
    from newslint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """Return ``(uri, uriBaseId)``: relative to the working directory when the file is under it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return absolute.as_uri(), None
    return quote(relative.as_posix()), "%SRCROOT%"


def rule_descriptor(spec: RuleSpec) -> dict[str, Any]:
    """Return the SARIF ``reportingDescriptor`` of a rule."""
    text = f"{spec.what}\n\nWhy: {spec.why}\n\nExample: {spec.bad}\nUse instead: {spec.good}"
    markdown = (
        f"{spec.what}\n\n**Why.** {spec.why}\n\n"
        f"| Flagged | Use instead |\n| --- | --- |\n| {_cell(spec.bad)} | {_cell(spec.good)} |"
    )
    if spec.options:
        options = "\n".join(
            f"- `{name}` (default `{option.default!r}`): {option.description}"
            for name, option in spec.options.items()
        )
        text += "\n\nOptions:\n" + options
        markdown += "\n\n**Options** (under `rules:` in rules.yaml)\n\n" + options
    if spec.source:
        text += f"\n\nSource: {spec.source}"
        markdown += f"\n\n*Source:* {spec.source}"
    return {
        "id": spec.id,
        "name": "".join(part.capitalize() for part in spec.id.replace(".", "-").split("-")),
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": spec.what},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS.get(spec.severity, "warning")},
        "properties": {
            "tags": ["newslint", spec.category],
            "category": spec.category,
            "fixable": spec.fixable,
        },
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fallback_descriptor(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "shortDescription": {"text": finding.rule},
        "defaultConfiguration": {"level": LEVELS.get(finding.severity or "warning", "warning")},
        "properties": {"tags": ["newslint", finding.category or ""]},
    }


def _physical(finding: Finding, file_text: str | None, location: dict[str, Any]) -> dict[str, Any]:
    """Return the finding's ``physicalLocation``: its region and, with the text, the whole line around it."""
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
    }
    physical: dict[str, Any] = {"artifactLocation": location, "region": region}
    if file_text is not None:
        line_start = file_text.rfind("\n", 0, finding.start) + 1
        line_end = file_text.find("\n", finding.end)
        snippet = file_text[line_start : len(file_text) if line_end == -1 else line_end].rstrip("\r")
        region["snippet"] = {"text": finding.text}
        physical["contextRegion"] = {
            "startLine": finding.line,
            "endLine": finding.end_line,
            "snippet": {"text": snippet},
        }
    return physical


def _message(finding: Finding) -> str:
    message = finding.message
    if finding.suggestions:
        message += f" (suggestion: “{finding.suggestions[0]}”)"
    return message


def _fingerprint(finding: Finding, file_text: str | None) -> str:
    before, after = surroundings(file_text or "", finding.start, finding.end)
    key = "\x1f".join((finding.rule, before, finding.text, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(finding: Finding, file: FileResult, location: dict[str, Any], rule_index: int) -> dict[str, Any]:
    physical = _physical(finding, file.file_text, location)
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(finding.severity or "warning", "warning"),
        "message": {"text": _message(finding)},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {"newslintContext/v1": _fingerprint(finding, file.file_text)},
        "properties": {"category": finding.category or "", "suggestions": list(finding.suggestions)},
    }
    if finding.fix is not None and file.file_text is not None:
        fix = finding.fix
        deleted = {"charOffset": fix.start, "charLength": fix.end - fix.start}
        result["fixes"] = [
            {
                "description": {
                    "text": f"Replace “{file.file_text[fix.start : fix.end]}” with “{fix.replacement}”"
                },
                "artifactChanges": [
                    {
                        "artifactLocation": location,
                        "replacements": [
                            {"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}
                        ],
                    }
                ],
            }
        ]
    return result


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return the SARIF log as JSON."""
    session = options.session
    specs: dict[str, RuleSpec] = {}
    if session is not None:
        specs = {rule_id: spec for rule_id, spec in session.rules.items() if session.enabled(rule_id)}
    descriptors: list[dict[str, Any]] = [rule_descriptor(spec) for spec in specs.values()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    artifacts: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for file in results:
        uri, base = artifact_uri(file.path)
        location: dict[str, Any] = {"uri": uri, "index": len(artifacts)}
        if base is not None:
            location["uriBaseId"] = base
        artifact: dict[str, Any] = {"location": {k: v for k, v in location.items() if k != "index"}}
        if file.error is None:
            artifact["encoding"] = file.encoding
        artifacts.append(artifact)
        if file.error is not None:
            notifications.append(_notification(file.error, "error", location))
            continue
        for failure in file.failures:
            notifications.append(
                _notification(f"plugin {failure.plugin!r} failed: {failure.message}", "error", location)
            )
        for warning in file.warnings:
            notifications.append(_notification(warning, "warning", location))
        for finding in file.findings:
            if finding.rule not in index:
                spec = session.resolve(finding.rule) if session is not None else None
                index[finding.rule] = len(descriptors)
                descriptors.append(
                    rule_descriptor(spec) if spec is not None else _fallback_descriptor(finding)
                )
            sarif_results.append(_result(finding, file, location, index[finding.rule]))
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not any(n["level"] == "error" for n in notifications),
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _notification(text: str, level: str, location: dict[str, Any]) -> dict[str, Any]:
    return {
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": location}}],
    }
