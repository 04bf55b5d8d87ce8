"""The HTML report: one self-contained page that shows editors their copy, marked up.

Each article is shown as a reader sees it (headline, byline, body; markup
and export boilerplate left out) with every finding highlighted in place,
coloured by severity.  Hovering over or focusing a highlight (it is
reachable with the Tab key) shows the message and the suggestion; each
article has a summary and a list of its findings, and the whole page can be
filtered by category and severity.  The page makes no network requests: its
style and script are inlined, and a Content-Security-Policy forbids loading
anything else.
"""

from __future__ import annotations

import html
import itertools
import json
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from newslint import __version__
from newslint.findings import SEVERITIES
from newslint.readers import build_article, compile_boilerplate
from newslint.reporters import ReportOptions, summary_counts

if TYPE_CHECKING:  # pragma: no cover
    import re

    from newslint.findings import Finding
    from newslint.model import Article, Paragraph
    from newslint.runner import FileResult

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
KIND_TAGS = {
    "publication": ("p", "k-publication"),
    "headline": ("h3", "k-headline"),
    "subheadline": ("h4", "k-subheadline"),
    "byline": ("p", "k-byline"),
    "body": ("p", "k-body"),
}
PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


@dataclass
class _Part:
    """The stretch of the story text a finding covers (``start == end`` for an insertion point)."""

    index: int
    start: int
    end: int


@dataclass
class _View:
    """One article as the report shows it."""

    number: int
    result: FileResult
    article: Article | None = None
    parts: list[_Part] = field(default_factory=list)
    anchors: dict[int, str] = field(default_factory=dict)


def _asset(name: str) -> str:
    return resources.files("newslint").joinpath("data", name).read_text(encoding="utf-8")


def story_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """Map a file span back to the story text (the inverse of ``article.file_span``).

    Story offsets map to file offsets in order, so a binary search over the
    story text finds the first story offset at or after each file offset.
    """
    length = len(article.text)
    offsets = article.offsets
    story_start = bisect_left(range(length + 1), start, key=offsets.to_file)
    if end <= start:
        return story_start, story_start
    story_end = bisect_left(range(length + 1), end, key=lambda t: offsets.to_file(t, is_end=True))
    return story_start, max(story_start, min(story_end, length))


def _view(number: int, result: FileResult, boilerplate: re.Pattern[str] | None) -> _View:
    view = _View(number, result)
    if result.error is not None or result.file_text is None:
        return view
    view.article = build_article(result.path, result.file_text, boilerplate=boilerplate)
    for index, finding in enumerate(result.findings):
        start, end = story_span(view.article, finding.start, finding.end)
        view.parts.append(_Part(index, start, end))
    return view


def _segments(
    start: int, end: int, parts: list[_Part], extra_cuts: tuple[int, ...] = ()
) -> list[tuple[int, int, list[int]]]:
    """Cut ``start:end`` at every finding boundary; return ``(from, to, finding indexes)`` pieces.

    Zero-width findings become pieces of zero width at their point;
    ``extra_cuts`` adds boundaries (the dateline's).
    """
    inside = [
        p
        for p in parts
        if (p.start < end and p.end > start) or (p.start == p.end and start <= p.start <= end)
    ]
    cuts = {start, end} | {min(max(cut, start), end) for cut in extra_cuts}
    for part in inside:
        cuts.add(min(max(part.start, start), end))
        cuts.add(min(max(part.end, start), end))
    points = sorted(cuts)
    pieces: list[tuple[int, int, list[int]]] = []
    for left in points:
        points_here = [p.index for p in inside if p.start == p.end == left]
        if points_here:
            pieces.append((left, left, points_here))
    for left, right in itertools.pairwise(points):
        covering = [p.index for p in inside if p.start < right and p.end > left and p.start != p.end]
        pieces.append((left, right, covering))
    pieces.sort(key=lambda piece: (piece[0], piece[1] != piece[0]))
    return pieces


def _text(value: str) -> str:
    return html.escape(value.replace("\r", ""), quote=False)


def _worst(findings: list[Finding]) -> str:
    return min((f.severity or "warning" for f in findings), key=SEVERITIES.index)


def _parts_by_paragraph(article: Article, parts: list[_Part]) -> dict[int, list[_Part]]:
    """Group the findings' parts by the paragraphs they touch (a part may touch several)."""
    starts = [p.start for p in article.paragraphs]
    grouped: dict[int, list[_Part]] = {}
    for part in parts:
        first = max(bisect_right(starts, part.start) - 1, 0)
        index = first
        while index < len(starts) and (index == first or starts[index] < part.end):
            grouped.setdefault(index, []).append(part)
            index += 1
    return grouped


def _paragraph(view: _View, paragraph: Paragraph, parts: list[_Part]) -> str:
    assert view.article is not None
    text = view.article.text
    tag, kind = KIND_TAGS.get(paragraph.kind, ("p", "k-body"))
    dateline = paragraph.dateline
    out: list[str] = []
    cuts = (dateline.start, dateline.end) if dateline is not None else ()
    for left, right, indexes in _segments(paragraph.start, paragraph.end, parts, cuts):
        piece = _text(text[left:right])
        if indexes:
            findings = [view.result.findings[i] for i in indexes]
            severity = _worst(findings)
            classes = ["hl", f"sev-{severity}"]
            if left == right:
                classes.append("point")
            elif not text[left:right].strip():
                classes.append("blank")
            if len(indexes) > 1:
                classes.append("multi")
            anchor = ""
            for i in indexes:
                if i not in view.anchors and view.parts[i].start >= left:
                    view.anchors[i] = f"a{view.number}-f{i}"
                    if not anchor:
                        anchor = f' id="{view.anchors[i]}"'
            title = html.escape(" · ".join(f"{f.rule}: {f.message}" for f in findings))
            categories = " ".join(sorted({f.category or "" for f in findings}))
            piece = (
                f'<mark class="{" ".join(classes)}"{anchor} tabindex="0" data-a="{view.number}" '
                f'data-f="{" ".join(map(str, indexes))}" data-cats="{html.escape(categories)}" '
                f'title="{title}">{piece}</mark>'
            )
        if dateline is not None and dateline.start <= left and right <= dateline.end and right > left:
            piece = f'<span class="dateline">{piece}</span>'
        out.append(piece)
    return f'<{tag} class="{kind}">{"".join(out)}</{tag}>'


def _count_pills(findings: list[Finding]) -> str:
    counts = Counter(f.severity or "warning" for f in findings)
    pills = [
        f'<span class="pill sev-{s}"><b>{counts[s]}</b> {PLURAL[s] if counts[s] != 1 else s}</span>'
        for s in SEVERITIES
        if counts[s]
    ]
    return "".join(pills)


def _category_bar(findings: list[Finding]) -> str:
    counts = Counter(f.category or "other" for f in findings)
    items = "".join(
        f'<li data-cat="{html.escape(c)}"><span class="swatch cat-{html.escape(c)}"></span>{html.escape(c)} <b>{n}</b></li>'
        for c, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    )
    return f'<ul class="cats" aria-label="findings by category">{items}</ul>'


def _suggestion(value: str) -> str:
    if not value.strip():
        shown = "␣" * len(value) if value else "(delete)"
        return f'<code class="ws" title="{len(value)} space(s)">{shown}</code>'
    return f"<code>{_text(value)}</code>"


def _finding_rows(view: _View) -> str:
    rows = []
    for index, finding in enumerate(view.result.findings):
        severity = finding.severity or "warning"
        target = view.anchors.get(index, f"a{view.number}")
        suggestion = _suggestion(finding.suggestions[0]) if finding.suggestions else ""
        fixable = (
            '<span class="fixable" title="newslint check --fix applies this">fixable</span>'
            if finding.fix
            else ""
        )
        rows.append(
            f'<li class="row" data-a="{view.number}" data-f="{index}" data-cat="{html.escape(finding.category or "")}" '
            f'data-sev="{severity}"><a href="#{target}" data-a="{view.number}" data-f="{index}">'
            f'<span class="dot sev-{severity}" aria-hidden="true"></span>'
            f'<span class="loc">{finding.line}:{finding.column}</span>'
            f'<span class="what"><span class="msg">{_text(finding.message)}</span>'
            f"{' → ' + suggestion if suggestion else ''}{fixable}</span>"
            f'<span class="rule">{html.escape(finding.rule)}</span></a></li>'
        )
    return f'<ol class="findings">{"".join(rows)}</ol>'


def _article(view: _View) -> str:
    result = view.result
    path = html.escape(result.path)
    if result.error is not None:
        return (
            f'<article class="card unreadable" id="a{view.number}"><header class="card-head">'
            f'<h2 class="path">{path}</h2><span class="pill sev-error">not read</span></header>'
            f'<p class="error-note">{html.escape(result.error)}</p></article>'
        )
    assert view.article is not None
    grouped = _parts_by_paragraph(view.article, view.parts)
    body = "".join(_paragraph(view, p, grouped.get(i, [])) for i, p in enumerate(view.article.paragraphs))
    if not body:
        body = '<p class="empty">(no story text)</p>'
    findings = result.findings
    summary = (
        f'<div class="summary"><span class="total">{len(findings)} finding{"s" if len(findings) != 1 else ""}</span>'
        f"{_count_pills(findings)}{_category_bar(findings)}</div>"
    )
    return (
        f'<article class="card" id="a{view.number}" data-a="{view.number}"><header class="card-head">'
        f'<h2 class="path">{path}</h2>{summary}</header>'
        f'<div class="copy">{body}</div>'
        f'<details class="list" open><summary>All findings in this article</summary>{_finding_rows(view)}</details>'
        "</article>"
    )


def _filters(results: list[FileResult]) -> str:
    categories = Counter(f.category or "other" for r in results for f in r.findings)
    severities = Counter(f.severity or "warning" for r in results for f in r.findings)
    category_buttons = "".join(
        f'<button type="button" class="chip" aria-pressed="true" data-filter="cat" data-value="{html.escape(c)}">'
        f'<span class="swatch cat-{html.escape(c)}"></span>{html.escape(c)} <b>{n}</b></button>'
        for c, n in sorted(categories.items())
    )
    severity_buttons = "".join(
        f'<button type="button" class="chip" aria-pressed="true" data-filter="sev" data-value="{s}">'
        f'<span class="dot sev-{s}"></span>{s} <b>{severities[s]}</b></button>'
        for s in SEVERITIES
        if severities[s]
    )
    if not category_buttons:
        return ""
    return (
        '<nav class="filters" aria-label="filter findings">'
        f'<div class="group" role="group" aria-label="categories"><span class="label">Category</span>{category_buttons}</div>'
        f'<div class="group" role="group" aria-label="severities"><span class="label">Severity</span>{severity_buttons}</div>'
        "</nav>"
    )


def _index(views: list[_View]) -> str:
    if len(views) < 2:
        return ""
    items = []
    for view in views:
        result = view.result
        if result.error is not None:
            badge = '<span class="pill sev-error">not read</span>'
        elif result.findings:
            badge = _count_pills(result.findings)
        else:
            badge = '<span class="pill clean">clean</span>'
        items.append(f'<li><a href="#a{view.number}">{html.escape(result.path)}</a>{badge}</li>')
    return f'<nav class="index" aria-label="articles"><h2>Articles</h2><ol>{"".join(items)}</ol></nav>'


def _finding_data(views: list[_View]) -> str:
    data: list[list[dict[str, Any]]] = []
    for view in views:
        data.append(
            [
                {
                    "rule": f.rule,
                    "category": f.category or "",
                    "severity": f.severity or "warning",
                    "message": f.message,
                    "suggestions": f.suggestions[:3],
                    "fixable": f.fix is not None,
                    "line": f.line,
                    "column": f.column,
                    "text": f.text,
                }
                for f in view.result.findings
            ]
        )
    # Inside <script>, "</" must not appear; \u003c keeps the JSON valid.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def render(results: list[FileResult], options: ReportOptions) -> str:
    """Return the whole report as one HTML page."""
    session = options.session
    boilerplate = compile_boilerplate(session.config.boilerplate) if session is not None else None
    views = [_view(number, result, boilerplate) for number, result in enumerate(results)]
    flagged = [v for v in views if v.result.error is not None or v.result.findings]
    clean = [v for v in views if v.result.error is None and not v.result.findings]
    articles = "".join(_article(v) for v in flagged)
    if clean:
        names = "".join(f'<li id="a{v.number}">{html.escape(v.result.path)}</li>' for v in clean)
        articles += (
            f'<details class="card clean-list"><summary><span class="pill clean">clean</span> '
            f"{len(clean)} article{'s' if len(clean) != 1 else ''} with no findings</summary><ul>{names}</ul></details>"
        )
    counts = summary_counts(results)
    totals = "".join(
        f'<div class="stat sev-{s}"><b>{counts[s]}</b><span>{PLURAL[s] if counts[s] != 1 else s}</span></div>'
        for s in SEVERITIES
    )
    headline = (
        f"{counts['findings']} finding{'s' if counts['findings'] != 1 else ''} in "
        f"{counts['files']} article{'s' if counts['files'] != 1 else ''}"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newslint {__version__}">
<title>newslint report: {headline}</title>
<style>{_asset("report.css")}</style>
</head>
<body>
<header class="masthead">
  <div class="brand"><span class="logo" aria-hidden="true">¶</span><div><h1>newslint</h1><p>Copy desk report · {headline}</p></div></div>
  <div class="stats">{totals}</div>
</header>
<main>
{_filters(results)}
{_index(views)}
<p class="hint">Hover over or Tab to a highlight to read the note. Press Esc to close it.</p>
{articles}
</main>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="findings-data">{_finding_data(views)}</script>
<script>{_asset("report.js")}</script>
</body>
</html>
"""
