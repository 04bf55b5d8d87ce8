"""HTML reader: the story text of an HTML article, positions kept.

Only the body is read when there is one.  Scripts, styles, code and other
non-prose elements are skipped; block elements end paragraphs; character
references are decoded and mapped back to their place in the file.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from newslint.model import LineIndex
from newslint.textmap import OffsetMap, TextBuilder

SKIPPED = frozenset(
    {
        "script",
        "style",
        "head",
        "noscript",
        "template",
        "svg",
        "math",
        "pre",
        "code",
        "textarea",
        "iframe",
        "object",
        "nav",
        "figure",
    }
)
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "html",
    ]
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _StoryParser(HTMLParser):
    def __init__(self, file_text: str, boilerplate: re.Pattern[str] | None) -> None:
        super().__init__(convert_charrefs=False)
        self.file_text = file_text
        self.lines = LineIndex(file_text)
        self.builder = TextBuilder(file_text)
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.has_body = re.search(r"<body[\s>]", file_text, re.IGNORECASE) is not None
        self.in_body = not self.has_body
        self.comments: list[tuple[int, int, str]] = []
        self.boilerplate = boilerplate
        self._line_starts = self.lines._starts

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        position = self._offset()
        if tag == "body":
            self.in_body = True
        if tag in SKIPPED and tag not in VOID:
            self.skip_stack.append(tag)
        if tag in BLOCKS:
            self.builder.paragraph_break(position)
        elif tag == "br" and self._active():
            self.builder.insert("\n", position, 0)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._active():
            self.builder.insert("\n", self._offset(), 0)
        elif tag in BLOCKS:
            self.builder.paragraph_break(self._offset())

    def handle_endtag(self, tag: str) -> None:
        position = self._offset()
        if tag in self.skip_stack:
            while self.skip_stack:
                if self.skip_stack.pop() == tag:
                    break
        if tag in BLOCKS:
            self.builder.paragraph_break(position)
        if tag == "body":
            self.in_body = False

    def _active(self) -> bool:
        return self.in_body and not self.skip_stack

    def handle_data(self, data: str) -> None:
        if not self._active():
            return
        start = self._offset()
        end = start + len(data)
        if self.file_text[start:end] != data:  # defensive: never map text we cannot place
            return
        if self.boilerplate is not None and data.strip() and self.boilerplate.fullmatch(data.strip()):
            return
        self.builder.keep(start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def _reference(self, raw: str) -> None:
        if not self._active():
            return
        start = self._offset()
        actual = self.file_text[start : start + len(raw) + 1]
        length = len(raw) if actual.startswith(raw) else len(raw) - 1
        self.builder.insert(html.unescape(self.file_text[start : start + length]) or " ", start, length)

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.comments.append((start, start + len(data) + 7, data))


def read_html(
    file_text: str, boilerplate: re.Pattern[str] | None
) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Return the story text, its offset map and the HTML comments of an HTML article."""
    parser = _StoryParser(file_text, boilerplate)
    parser.feed(file_text)
    parser.close()
    text, offsets = parser.builder.build()
    return text, offsets, parser.comments
