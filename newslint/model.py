"""The article model that every plugin receives.

Readers (plain text, Markdown, HTML) turn a file into an :class:`Article`:
the story text with markup, front matter and boilerplate removed, its map
back to the file, and its structure (paragraphs with their kind, sentences,
quotations, and spans such as URLs that no rule should touch).  Plugins read
this model; none of them re-parses the file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newslint.textmap import OffsetMap

PARAGRAPH_KINDS = ("publication", "headline", "subheadline", "byline", "body")
"""Kinds of paragraph.  Findings inside a ``publication`` paragraph are dropped."""

STORY_KINDS = frozenset({"headline", "subheadline", "body"})


@dataclass(frozen=True)
class Span:
    """A stretch of the story text, ``start`` inclusive, ``end`` exclusive."""

    start: int
    end: int


@dataclass(frozen=True, init=False)
class Sentence(Span):
    """A sentence.  It never breaks after an abbreviation or inside a quotation."""

    paragraph: int = 0

    def __init__(self, start: int, end: int, paragraph: int = 0) -> None:
        # The dataclass's own __init__ of a frozen class sets each field with
        # object.__setattr__; filling the instance dictionary does the same at half
        # the cost, which counts for the dozens of sentences of every article.
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["paragraph"] = paragraph


@dataclass(frozen=True)
class Quotation(Span):
    """A direct quotation, marks included.

    ``inner_start``/``inner_end`` exclude the quotation marks.  ``closed`` is
    False when the quotation runs to the end of its paragraph without a
    closing mark; ``continues_previous`` is True when it carries on a
    quotation left open in the previous paragraph (the wire convention for
    running quotes).
    """

    inner_start: int = 0
    inner_end: int = 0
    paragraph: int = 0
    closed: bool = True
    continues_previous: bool = False


@dataclass
class Paragraph:
    """A paragraph of the story text and its role in the article."""

    start: int
    end: int
    index: int = 0
    kind: str = "body"
    sentences: list[Sentence] = field(default_factory=list)
    dateline: Span | None = None

    @property
    def is_story(self) -> bool:
        """True for the headline, subheadline and body paragraphs."""
        return self.kind in STORY_KINDS


class LineIndex:
    """Converts file offsets to 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)``, both 1-based, for a file offset."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Return the start offset of 1-based ``line`` and the start of the next line."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else -1
        return start, end


@dataclass
class Article:
    """One article, as plugins see it.

    ``text`` is the story text; offsets in findings are offsets into it.
    ``file_text`` is the decoded file (without a byte-order mark) and
    ``offsets`` maps story offsets to file offsets.
    """

    path: str
    file_text: str
    text: str
    offsets: OffsetMap
    format: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    protected: list[Span] = field(default_factory=list)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)
    _quotation_starts: list[int] = field(default_factory=list, repr=False)
    _protected_starts: list[int] = field(default_factory=list, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)
    _kinds_cache: tuple[int, int, list[Paragraph], list[Paragraph]] | None = field(
        default=None, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._quotation_starts = [q.start for q in self.quotations]
        self._protected_starts = [s.start for s in self.protected]

    # Paragraphs and sentences -------------------------------------------------

    def story_paragraphs(self) -> Iterator[Paragraph]:
        """Yield the headline, subheadline and body paragraphs (not the publication line or byline)."""
        return iter(self._by_kind()[2])

    def body_paragraphs(self) -> Iterator[Paragraph]:
        """Yield the body paragraphs only."""
        return iter(self._by_kind()[3])

    def _by_kind(self) -> tuple[int, int, list[Paragraph], list[Paragraph]]:
        """The story and body paragraphs, worked out once (again if ``paragraphs`` is replaced or grows)."""
        cached = self._kinds_cache
        paragraphs = self.paragraphs
        if cached is None or cached[0] != id(paragraphs) or cached[1] != len(paragraphs):
            story = [p for p in paragraphs if p.is_story]
            cached = (id(paragraphs), len(paragraphs), story, [p for p in story if p.kind == "body"])
            self._kinds_cache = cached
        return cached

    def sentences(self) -> Iterator[Sentence]:
        """Yield every sentence of the story paragraphs, in order."""
        for paragraph in self.story_paragraphs():
            yield from paragraph.sentences

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """Return the paragraph holding ``offset``, or None between paragraphs."""
        index = bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0:
            paragraph = self.paragraphs[index]
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence holding ``offset``, or None."""
        paragraph = self.paragraph_at(offset)
        if paragraph is None:
            return None
        for sentence in paragraph.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    # Quotations ---------------------------------------------------------------

    def quotation_at(self, offset: int) -> Quotation | None:
        """Return the quotation holding ``offset`` (marks included), or None."""
        index = bisect_right(self._quotation_starts, offset) - 1
        if index >= 0 and offset < self.quotations[index].end:
            return self.quotations[index]
        return None

    def in_quotation(self, start: int, end: int | None = None) -> bool:
        """True when the span ``start:end`` overlaps a direct quotation."""
        # Quotations never overlap, so the last one starting before ``end``
        # is the only one that can reach past ``start``.
        end = start + 1 if end is None else end
        index = bisect_right(self._quotation_starts, end - 1) - 1
        return index >= 0 and self.quotations[index].end > start

    # Protected spans (URLs, e-mail addresses, handles, hashtags) -------------

    def is_protected(self, start: int, end: int | None = None) -> bool:
        """True when the span overlaps a URL, e-mail address, handle or hashtag."""
        end = start + 1 if end is None else end
        index = bisect_right(self._protected_starts, end - 1) - 1
        if index < 0:
            return False
        span = self.protected[index]
        return span.start < end and start < span.end

    # Positions in the file ----------------------------------------------------

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a story-text span to ``(start, end)`` offsets in the file."""
        file_start = self.offsets.to_file(start)
        file_end = self.offsets.to_file(end, is_end=True) if end > start else file_start
        return file_start, max(file_start, file_end)

    def line_col(self, file_offset: int) -> tuple[int, int]:
        """Return the 1-based ``(line, column)`` of a file offset."""
        if self._lines is None:
            self._lines = LineIndex(self.file_text)
        return self._lines.line_col(file_offset)

    def line_bounds(self, line: int) -> tuple[int, int]:
        """Return the file offsets where 1-based ``line`` starts and the next one starts (-1 at the end)."""
        if self._lines is None:
            self._lines = LineIndex(self.file_text)
        return self._lines.line_bounds(line)
