"""What the grammar plugin sends to LanguageTool, and how positions come back.

The story paragraphs (headline, subheadline, body) are joined with blank
lines into requests no longer than a limit, split only at paragraph
boundaries (a paragraph longer than the limit alone is split at sentence
ends, and a sentence longer than that at a space).  Each :class:`Chunk`
remembers where its pieces came from, so a span in the request maps back to
a span in ``article.text``.

LanguageTool is written in Java and counts offsets in UTF-16 code units: a
character outside the Basic Multilingual Plane (most emoji) counts two.
:class:`Utf16Index` converts between those and Python's code points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from newslint.model import Article

SEPARATOR = "\n\n"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Piece:
    """``length`` characters at ``chunk_start`` in the request came from ``article_start``."""

    chunk_start: int
    article_start: int
    length: int


@dataclass
class Chunk:
    """One request's text and the map from its offsets to ``article.text``."""

    text: str
    pieces: list[Piece] = field(default_factory=list)

    def to_article(self, start: int, end: int) -> tuple[int, int] | None:
        """Map a span of the request to ``article.text``; None when it crosses a piece boundary."""
        starts = [piece.chunk_start for piece in self.pieces]
        index = bisect_right(starts, start) - 1
        if index < 0:
            return None
        piece = self.pieces[index]
        if end > piece.chunk_start + piece.length:
            return None  # the span runs into the separator or the next paragraph
        shift = piece.article_start - piece.chunk_start
        return start + shift, end + shift


def build_chunks(article: Article, limit: int) -> list[Chunk]:
    """Split the article's story paragraphs into requests of at most ``limit`` characters."""
    chunks: list[Chunk] = []
    text_parts: list[str] = []
    pieces: list[Piece] = []
    size = 0
    for start, end in _pieces(article, limit):
        length = end - start
        extra = length + (len(SEPARATOR) if pieces else 0)
        if pieces and size + extra > limit:
            chunks.append(Chunk("".join(text_parts), pieces))
            text_parts, pieces, size = [], [], 0
            extra = length
        if pieces:
            text_parts.append(SEPARATOR)
            size += len(SEPARATOR)
        pieces.append(Piece(size, start, length))
        text_parts.append(article.text[start:end])
        size += length
    if pieces:
        chunks.append(Chunk("".join(text_parts), pieces))
    return chunks


def _pieces(article: Article, limit: int) -> Iterator[tuple[int, int]]:
    """Yield the spans of story text to send, each at most ``limit`` long and not blank."""
    text = article.text
    for paragraph in article.story_paragraphs():
        start, end = paragraph.start, paragraph.end
        if not text[start:end].strip():
            continue
        if end - start <= limit:
            yield start, end
            continue
        for sentence_start, sentence_end in _sentence_runs(article, start, end, limit):
            yield from _split_at_spaces(text, sentence_start, sentence_end, limit)


def _sentence_runs(article: Article, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Group a long paragraph's sentences into runs of at most ``limit`` (a longer sentence alone)."""
    paragraph = article.paragraph_at(start)
    bounds = [s.start for s in paragraph.sentences if start < s.start < end] if paragraph else []
    run_start = start
    previous = start
    for bound in [*bounds, end]:
        if bound - run_start > limit and previous > run_start:
            yield run_start, previous
            run_start = previous
        previous = bound
    if run_start < end:
        yield run_start, end


def _split_at_spaces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` at spaces into parts of at most ``limit`` (hard cuts as a last resort)."""
    while end - start > limit:
        cut = text.rfind(" ", start + 1, start + limit)
        if cut <= start:
            cut = start + limit  # no space at all: cut the run of characters
        yield start, cut
        start = cut
    if start < end:
        yield start, end


class Utf16Index:
    """Converts offsets in a string between UTF-16 code units and code points."""

    def __init__(self, text: str) -> None:
        astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral = astral
        # The UTF-16 offset of the k-th astral character is its code point offset plus k.
        self._astral_utf16 = [position + k for k, position in enumerate(astral)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of code point ``offset``."""
        return offset + bisect_left(self._astral, offset)

    def to_codepoint(self, offset: int, *, end: bool = False) -> int:
        """Code point offset of UTF-16 ``offset``.

        An offset inside a surrogate pair falls back to the character's start,
        or moves past the character when ``end`` is true.
        """
        before = bisect_left(self._astral_utf16, offset)
        inside = before > 0 and self._astral_utf16[before - 1] + 1 == offset
        result = offset - before + (1 if inside and end else 0)
        return max(0, min(result, self._length))
