"""Markdown reader: story text from a Markdown article, positions kept.

YAML front matter is metadata.  Code (fenced, indented, inline), HTML
comments, link targets, images' addresses and markup characters are not
story text.  Inline code stays in the text as a protected span so the words
around it keep their spacing; rules leave protected spans alone.
"""

from __future__ import annotations

import html
import re
from typing import Any

import yaml

from newslint.model import Span
from newslint.textmap import OffsetMap, TextBuilder

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
SETEXT_OR_RULE = re.compile(r"^ {0,3}(?:=+|-{3,}|\*{3,}|_{3,}|(?:[-*_][ \t]*){3,})[ \t]*$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
BLOCKQUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
INLINE = re.compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|(?P<image>!\[(?P<alt>[^\]]*)\]\((?P<imgtarget>[^)]*)\))"
    r"|(?P<linkopen>\[)(?=[^\]]*\]\([^)]*\))"
    r"|(?P<linkclose>\]\([^)]*\))"
    r"|(?P<reflinkclose>\]\[[^\]]*\])"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<entity>&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<emphasis>(?<![\w*_~])(?:\*{1,3}|_{1,3}|~~)(?=\S)|(?<=\S)(?:\*{1,3}|_{1,3}|~~)(?![\w*_~]))"
)
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


def read_markdown(
    file_text: str, boilerplate: re.Pattern[str] | None
) -> tuple[str, OffsetMap, dict[str, Any], list[Span], list[tuple[int, int, str]]]:
    """Return story text, offset map, front-matter metadata, code spans and HTML comments."""
    builder = TextBuilder(file_text)
    metadata: dict[str, Any] = {}
    code_spans: list[Span] = []
    comments = [(m.start(), m.end(), m.group(1)) for m in COMMENT.finditer(file_text)]
    comment_index = 0
    position = _skip_front_matter(file_text, metadata)
    length = len(file_text)
    fence: str | None = None
    previous_blank = True
    while position < length:
        newline = file_text.find("\n", position)
        line_end = length if newline == -1 else newline + 1
        content_end = newline if newline != -1 else length
        if content_end > position and file_text[content_end - 1] == "\r":
            content_end -= 1
        line = file_text[position:content_end]
        # Skip HTML comments, which may span lines.
        while comment_index < len(comments) and comments[comment_index][1] <= position:
            comment_index += 1
        if (
            comment_index < len(comments)
            and comments[comment_index][0] <= position < comments[comment_index][1]
        ):
            position = max(comments[comment_index][1], position + 1)
            builder.paragraph_break(position)
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            position = line_end
            builder.paragraph_break(position)
            continue
        fence_match = FENCE.match(line)
        if fence_match:
            fence = fence_match.group(1)[:3]
            builder.paragraph_break(position)
            position = line_end
            continue
        blank = not line.strip()
        if blank:
            builder.paragraph_break(position)
            previous_blank = True
            position = line_end
            continue
        if (
            (
                previous_blank
                and (line.startswith("    ") or line.startswith("\t"))
                and not LIST_ITEM.match(line.lstrip())
            )
            or SETEXT_OR_RULE.match(line)
            or LINK_DEFINITION.match(line)
            or TABLE_RULE.match(line)
            or (boilerplate is not None and boilerplate.fullmatch(line.strip()))
        ):
            builder.paragraph_break(position)
            position = line_end
            previous_blank = line.startswith(("    ", "\t")) and previous_blank
            continue
        start = position
        quote = BLOCKQUOTE.match(line)
        if quote:
            start += quote.end()
        rest = file_text[start:content_end]
        heading = HEADING.match(rest)
        item = LIST_ITEM.match(rest)
        if heading or item:
            builder.paragraph_break(position)
            start += (heading or item).end()
        end = content_end
        if heading:
            close = HEADING_CLOSE.search(file_text, start, content_end)
            if close:
                end = close.start()
        _keep_inline(file_text, start, end, builder, code_spans, comments)
        if heading:
            builder.paragraph_break(line_end)
        else:
            builder.keep(content_end, line_end)
        previous_blank = False
        position = line_end
    text, offsets = builder.build()
    return text, offsets, metadata, code_spans, comments


def _skip_front_matter(file_text: str, metadata: dict[str, Any]) -> int:
    if not file_text.startswith("---"):
        return 0
    first_newline = file_text.find("\n")
    if first_newline == -1 or file_text[3:first_newline].strip():
        return 0
    match = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE).search(file_text, first_newline + 1)
    if not match:
        return 0
    try:
        loaded = yaml.safe_load(file_text[first_newline + 1 : match.start()])
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        metadata.update(loaded)
    end = file_text.find("\n", match.end())
    return len(file_text) if end == -1 else end + 1


def _keep_inline(
    file_text: str,
    start: int,
    end: int,
    builder: TextBuilder,
    code_spans: list[Span],
    comments: list[tuple[int, int, str]],
) -> None:
    position = start
    for match in INLINE.finditer(file_text, start, end):
        kind = match.lastgroup
        if kind == "ticks":
            kind = "code"
        builder.keep(position, match.start())
        if match.group("code"):
            code_start = builder.length
            builder.keep(match.start(), match.end())
            code_spans.append(Span(code_start, builder.length))
        elif match.group("image"):
            builder.keep(match.start("alt"), match.end("alt"))
        elif match.group("entity"):
            builder.insert(html.unescape(match.group()), match.start(), match.end() - match.start())
        elif match.group("escape"):
            builder.keep(match.start() + 1, match.end())
        # linkopen, linkclose, reflinkclose, tag, emphasis: markup, dropped.
        position = match.end()
    builder.keep(position, end)
