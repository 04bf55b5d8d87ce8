"""Readers: turn a file's bytes into an :class:`~newslint.model.Article`.

Decoding is strict (UTF-8 with or without a byte-order mark, or UTF-16 with
one); a file that is binary or not valid text raises :class:`ArticleError`
with a one-line reason.  The reader for the file's format (plain text,
Markdown, HTML) builds the story text; :mod:`newslint.structure` finds the
article's structure in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from newslint.model import Article, Span
from newslint.structure import analyse
from newslint.textmap import OffsetMap, Segment, TextBuilder

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


class ArticleError(Exception):
    """A file that cannot be linted; the message is one line naming the problem."""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return ``(text, encoding)``.

    The encoding is ``utf-8``, ``utf-8-sig`` (with a byte-order mark) or
    ``utf-16`` (only with a byte-order mark).  Binary data and invalid UTF-8
    raise :class:`ArticleError`.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"not valid UTF-16 ({exc.reason} at byte {exc.start})") from None
        if "\x00" in text:
            raise ArticleError("binary file (NUL character in the text)")
        return text, "utf-16"
    else:
        encoding, body = "utf-8", raw
    nul = body.find(b"\x00")
    if nul != -1:
        raise ArticleError(f"binary file (NUL byte at offset {nul + (len(raw) - len(body))})")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = body[exc.start : exc.start + 1].hex()
        raise ArticleError(
            f"not valid UTF-8 (byte 0x{bad} at offset {exc.start + len(raw) - len(body)})"
        ) from None
    return text, encoding


def format_for(path: str) -> str:
    """Return ``text``, ``markdown`` or ``html`` from a file name."""
    return FORMATS.get(PurePath(path).suffix.lower(), "text")


def compile_boilerplate(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """Combine boilerplate line patterns into one multi-line regular expression."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def build_article(
    path: str,
    file_text: str,
    *,
    boilerplate: re.Pattern[str] | None = None,
    format: str | None = None,
) -> Article:
    """Build the article model for ``file_text``.

    ``boilerplate`` matches whole lines (stripped) that are not story text.
    ``format`` overrides the format guessed from ``path``.
    """
    kind = format or format_for(path)
    metadata: dict[str, object] = {}
    code: list[Span] = []
    comments: list[tuple[int, int, str]] = []
    if kind == "markdown":
        from newslint.markdown import read_markdown

        text, offsets, metadata, code, comments = read_markdown(file_text, boilerplate)
    elif kind == "html":
        from newslint.htmlreader import read_html

        try:
            text, offsets, comments = read_html(file_text, boilerplate)
        except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
            raise ArticleError(f"cannot read as HTML: {exc}") from None
    else:
        text, offsets = read_plain(file_text, boilerplate)
    paragraphs, quotations, protected = analyse(text)
    if code:
        protected = sorted(protected + code, key=lambda span: span.start)
        protected = _merge(protected)
    metadata["comments"] = comments
    return Article(
        path=path,
        file_text=file_text,
        text=text,
        offsets=offsets,
        format=kind,
        metadata=metadata,
        paragraphs=paragraphs,
        quotations=quotations,
        protected=protected,
    )


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def boilerplate_lines(file_text: str, boilerplate: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each line (newline included) that is boilerplate."""
    if boilerplate is None:
        return []
    lines = []
    position = 0
    length = len(file_text)
    fullmatch = boilerplate.fullmatch
    for line in file_text.split("\n"):
        end = position + len(line) + 1
        stripped = line.strip()
        if stripped and fullmatch(stripped):
            lines.append((position, min(end, length)))
        position = end
    return lines


def read_plain(file_text: str, boilerplate: re.Pattern[str] | None) -> tuple[str, OffsetMap]:
    """Read a plain-text article: the story text is the file less its boilerplate lines."""
    dropped = boilerplate_lines(file_text, boilerplate)
    if not dropped:
        return file_text, OffsetMap(
            [Segment(0, len(file_text), 0, len(file_text))], len(file_text), len(file_text)
        )
    builder = TextBuilder(file_text)
    position = 0
    for start, end in dropped:
        builder.keep(position, start)
        builder.paragraph_break(start)
        position = end
    builder.keep(position, len(file_text))
    return builder.build()
