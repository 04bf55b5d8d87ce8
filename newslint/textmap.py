"""Story text and its map back to the file.

Readers strip markup, front matter and boilerplate from a file.  What is left
(the story text) is built from pieces of the file plus a few inserted
characters (paragraph breaks, decoded entities).  :class:`OffsetMap` turns an
offset in the story text back into an offset in the file, so every finding
points into the original file whatever its format.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """``text[text_start:text_start + text_len]`` stands for ``file[file_start:file_start + file_len]``.

    A copied piece has equal lengths; a decoded entity ("&amp;" -> "&") or an
    inserted paragraph break has different ones.
    """

    text_start: int
    text_len: int
    file_start: int
    file_len: int

    @property
    def is_copy(self) -> bool:
        """True when the piece is copied verbatim from the file."""
        return self.text_len == self.file_len


class OffsetMap:
    """Maps offsets in the story text to offsets in the file text."""

    def __init__(self, segments: list[Segment], text_length: int, file_length: int) -> None:
        self._segments = segments
        self._starts = [segment.text_start for segment in segments]
        self._text_length = text_length
        self._file_length = file_length
        self.identity = (
            len(segments) == 1
            and segments[0].is_copy
            and segments[0].text_start == 0
            and segments[0].file_start == 0
            and text_length == file_length
        ) or (text_length == 0 and file_length == 0)

    def to_file(self, offset: int, *, is_end: bool = False) -> int:
        """Return the file offset for story-text ``offset``.

        ``is_end`` marks an exclusive end offset: it is mapped from the
        character before it, so a span never swallows markup that follows it.
        """
        if self.identity:
            return offset
        if not self._segments:
            return 0
        probe = offset - 1 if is_end and offset > 0 else offset
        index = max(bisect_right(self._starts, probe) - 1, 0)
        segment = self._segments[index]
        inside = probe - segment.text_start
        if segment.is_copy:
            inside = min(max(inside, 0), segment.text_len)
            position = segment.file_start + inside
            return position + 1 if is_end and offset > 0 else position
        # An inserted or decoded piece: its start maps to the piece's start,
        # anything after it to the piece's end.
        if is_end and offset > 0:
            return segment.file_start + segment.file_len
        return segment.file_start if inside <= 0 else segment.file_start + segment.file_len

    def span_is_verbatim(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is copied unchanged from one stretch of the file."""
        if self.identity:
            return True
        if start == end:
            return True
        index = max(bisect_right(self._starts, start) - 1, 0)
        segment = self._segments[index]
        return (
            segment.is_copy and segment.text_start <= start and end <= segment.text_start + segment.text_len
        )


class TextBuilder:
    """Builds a story text from pieces of a file, recording where each came from."""

    def __init__(self, file_text: str) -> None:
        self.file_text = file_text
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._length = 0

    def keep(self, file_start: int, file_end: int) -> None:
        """Copy ``file_text[file_start:file_end]`` into the story text."""
        if file_end <= file_start:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last is not None
            and last.is_copy
            and last.file_start + last.file_len == file_start
            and last.text_start + last.text_len == self._length
        ):
            self._segments[-1] = Segment(
                last.text_start,
                last.text_len + file_end - file_start,
                last.file_start,
                last.file_len + file_end - file_start,
            )
        else:
            self._segments.append(
                Segment(self._length, file_end - file_start, file_start, file_end - file_start)
            )
        self._parts.append(self.file_text[file_start:file_end])
        self._length += file_end - file_start

    def insert(self, text: str, file_start: int, file_len: int = 0) -> None:
        """Add ``text`` standing for ``file_text[file_start:file_start + file_len]``."""
        if not text:
            return
        self._segments.append(Segment(self._length, len(text), file_start, file_len))
        self._parts.append(text)
        self._length += len(text)

    def ends_with(self, suffix: str) -> bool:
        """True when the story text built so far ends with ``suffix``."""
        # The last four parts, or as few of them as hold the suffix (each part has a character
        # or more, and the story text can be long).
        tail = ""
        for part in reversed(self._parts[-4:]):
            tail = part + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    @property
    def length(self) -> int:
        """Length of the story text built so far."""
        return self._length

    def paragraph_break(self, file_position: int) -> None:
        """End the current paragraph (a blank line), unless one was just ended."""
        if self._length == 0 or self.ends_with("\n\n"):
            return
        self.insert("\n\n" if not self.ends_with("\n") else "\n", file_position)

    def build(self) -> tuple[str, OffsetMap]:
        """Return the story text and its offset map."""
        text = "".join(self._parts)
        return text, OffsetMap(self._segments, len(text), len(self.file_text))
