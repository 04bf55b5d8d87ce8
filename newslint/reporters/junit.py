"""The JUnit XML report, for CI dashboards: one test case per article.

An article with findings at or above the fail level is a failed test case
whose failure lists them (``path:line:col: severity rule message``);
findings below the fail level are listed in the case's ``system-out``; an
unreadable article is a test case in error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from newslint.findings import severity_rank
from newslint.reporters import ReportOptions

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.runner import FileResult

# Characters XML 1.0 cannot carry, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


def _line(path: str, finding: Finding) -> str:
    text = f"{path}:{finding.line}:{finding.column}: {finding.severity} {finding.rule} {finding.message}"
    if finding.suggestions:
        text += f" (suggestion: “{finding.suggestions[0]}”)"
    return text


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return a ``<testsuites>`` document with one ``<testcase>`` per article."""
    level = severity_rank(options.fail_level)
    suite = ET.Element("testsuite", name="newslint")
    failures = errors = 0
    for result in results:
        case = ET.SubElement(
            suite, "testcase", classname="newslint", name=_clean(result.path), file=_clean(result.path)
        )
        if result.error is not None:
            errors += 1
            ET.SubElement(case, "error", message=_clean(result.error), type="unreadable")
            continue
        failing = [f for f in result.findings if severity_rank(f.severity or "warning") <= level]
        others = [f for f in result.findings if f not in failing]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''} at or above {options.fail_level}",
                type="newslint",
            )
            failure.text = _clean("\n".join(_line(result.path, f) for f in failing))
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join(_line(result.path, f) for f in others))
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": str(errors), "skipped": "0"}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name="newslint", **{k: v for k, v in counts.items() if k != "skipped"})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
