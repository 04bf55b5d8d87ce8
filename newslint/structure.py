"""Structure of a story text: paragraphs and their kind, quotations, sentences.

The rules here follow wire copy: a publication line and a headline before a
byline ("By ...", "- By ..."), a dateline at the start of the first body
paragraph ("WASHINGTON — "), quotations in curly or straight marks that may
run on into the next paragraph, and sentences that do not end after "U.S.",
"Gen.", "Feb. 18" or a middle initial.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

from newslint.model import Paragraph, Quotation, Sentence, Span

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")
BYLINE = re.compile(r"^\s*(?:[-–—]\s*)?By\s+[A-Z][^\n]{0,150}$")
DATELINE = re.compile(
    r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*"  # WASHINGTON, NEW YORK
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"  # , Ukraine
    r"(?: \([A-Za-z .&]+\))?"  # (AP)
    r" ?[—–]{1,2} ?|[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?: \([A-Za-z .&]+\))? -{1,2} "
)
SENTENCE_END = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*$)")
"""A sentence end in one paragraph (searched from the paragraph's start to its end)."""
_AFTER_END_MARK = r"[”\"’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9]|\s*\n[ \t\r]*\n|\s*$)"
SENTENCE_ENDS = re.compile(r"[.!?…][.!?…]*" + _AFTER_END_MARK)
"""The matches of :data:`SENTENCE_END` in every paragraph, from one search of the whole text.

A paragraph ends where the space after the marks holds a paragraph break
(``\n\n``), or where the text ends.
"""
PERIOD_ENDS = re.compile(r"\." + r"[.!?…]*" + _AFTER_END_MARK)
""":data:`SENTENCE_ENDS` for a text whose only end mark is the period.

It starts with a single character, so the regex engine skips to each period
several times faster than to the next of a class of characters.
"""

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "reps",
        "sens",
        "gov",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "rev",
        "st",
        "jr",
        "sr",
        "cmdr",
        "cpl",
        "pfc",
        "pvt",
        "prof",
        "supt",
        "det",
        "insp",
        "gens",
        "ft",
        "mt",
        "ave",
        "blvd",
        "rd",
        "hon",
        "msgr",
        "brig",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "no",
        "nos",
        "vs",
        "v",
        "fig",
        "approx",
        "est",
        "dept",
        "univ",
        "assn",
    ]
)
"""Words that end with a period without ending the sentence."""

URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
TOP_LEVEL_DOMAIN = re.compile(
    # The look-ahead (the first letters of the names) rules out most periods before
    # the engine tries each name.
    r"\.(?=[bcegilmnou])(?:com|org|net|gov|edu|mil|int|io|co|uk|us|info|biz|news|ly)\b",
    re.IGNORECASE,
)
HANDLE = re.compile(r"(?<![\w@])@\w{1,30}")
HASHTAG = re.compile(r"(?<![\w#&])#\w*[A-Za-z]\w*")
TOKEN_BREAK = " \t\r\n<>()[]{}\"“”‘’'«»,;!?"
TRAILING_PUNCTUATION = ".,;:!?)]”\"’'"


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: runs of lines without a blank line."""
    spans = []
    position = 0
    length = len(text)
    while position < length and text[position] in " \t\r\n":
        position += 1
    for match in PARAGRAPH_BREAK.finditer(text, position):
        end, after = match.span()
        if end > position:
            while text[end - 1] in " \t\r":  # no newline: a break starts at the first one
                end -= 1
            spans.append((position, end))
        position = after
    if position < length:
        end = _rstrip(text, position, length)
        if end > position:
            spans.append((position, end))
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def classify_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Return the kind of each paragraph: publication, headline, subheadline, byline or body."""
    kinds = ["body"] * len(spans)
    byline = next(
        (i for i, (s, e) in enumerate(spans[:6]) if "\n" not in text[s:e] and BYLINE.match(text[s:e])),
        None,
    )
    if byline is not None:
        kinds[byline] = "byline"
        before = list(range(byline))
        if len(before) == 1:
            kinds[0] = "headline"
        elif len(before) >= 2:
            kinds[0] = "publication"
            kinds[before[-1]] = "headline"
            for i in before[1:-1]:
                kinds[i] = "subheadline"
    elif len(spans) > 1 and _looks_like_headline(text[spans[0][0] : spans[0][1]]):
        kinds[0] = "headline"
    return kinds


def _looks_like_headline(paragraph: str) -> bool:
    words = paragraph.split()
    return "\n" not in paragraph and 0 < len(words) <= 20 and paragraph.rstrip()[-1:] not in '.!?”"’:;,'


def find_dateline(text: str, start: int, end: int) -> Span | None:
    """Return the dateline ("WASHINGTON — ") at the start of a paragraph, if any."""
    match = DATELINE.match(text, start, end)
    if match and match.end() - start <= 80:
        return Span(start, match.end())
    return None


QUOTE_MARKS = '“”"'
"""The quotation marks :func:`find_quotations` reads."""


def find_quotations(text: str, paragraphs: list[Paragraph]) -> list[Quotation]:
    """Find direct quotations in curly or straight double quotation marks.

    A quotation left open at the end of a paragraph runs to the paragraph's
    end; when the next paragraph opens with a quotation mark, that quotation
    is marked as continuing the previous one.
    """
    marks = char_positions(text, QUOTE_MARKS)
    quotations: list[Quotation] = []
    previous_open = False
    for paragraph in paragraphs:
        first = bisect_left(marks, paragraph.start)
        previous_open = _read_quotations(
            text, marks, first, paragraph.start, paragraph.end, paragraph.index, previous_open, quotations
        )
    return quotations


def _quotations(text: str, spans: list[tuple[int, int]]) -> list[Quotation]:
    """:func:`find_quotations` for the paragraphs of the whole text, ``spans`` in order.

    Only the paragraphs that hold a quotation mark are read.
    """
    marks = char_positions(text, QUOTE_MARKS)
    if not marks:
        return []
    starts = [start for start, _ in spans]
    quotations: list[Quotation] = []
    open_in = -2  # the paragraph that ended inside a quotation
    mark = 0
    while mark < len(marks):
        index = bisect_right(starts, marks[mark]) - 1
        start, end = spans[index]
        if index < 0 or marks[mark] >= end:  # not in a paragraph (never so: marks are not space)
            mark += 1
            continue
        if _read_quotations(text, marks, mark, start, end, index, open_in == index - 1, quotations):
            open_in = index
        mark = bisect_left(marks, end, mark + 1)
    return quotations


def _read_quotations(
    text: str,
    marks: list[int],
    first: int,
    start: int,
    end: int,
    index: int,
    previous_open: bool,
    quotations: list[Quotation],
) -> bool:
    """Add the quotations of paragraph ``index`` (``start:end``) to ``quotations``.

    ``marks`` are the positions of the quotation marks in the text, from
    ``marks[first]`` on at or after ``start``; ``previous_open`` says that the
    paragraph before ended inside a quotation.  Returns whether this one does.
    """
    open_at: int | None = None
    first_quotation = True
    count = len(marks)
    while first < count and marks[first] < end:
        position = marks[first]
        first += 1
        char = text[position]
        if open_at is None:
            if char == "“" or (char == '"' and _opens_straight(text, position, start)):
                open_at = position
        elif char != "“":  # a second opening mark inside a quotation is nested or stray
            continues = first_quotation and previous_open and open_at == _first_visible(text, start, end)
            quotations.append(_quotation(open_at, position + 1, index, True, continues))
            first_quotation = False
            open_at = None
    if open_at is not None:
        continues = first_quotation and previous_open and open_at == _first_visible(text, start, end)
        quotations.append(_quotation(open_at, end, index, False, continues))
    return open_at is not None


def char_positions(text: str, chars: str) -> list[int]:
    """The sorted positions of ``chars`` in ``text``.

    ``str.find`` skips to each one far faster than a regular expression
    that starts with a character class.
    """
    positions = []
    for char in chars:
        position = text.find(char)
        while position != -1:
            positions.append(position)
            position = text.find(char, position + 1)
    positions.sort()
    return positions


def _quotation(start: int, end: int, paragraph: int, closed: bool, continues: bool) -> Quotation:
    """A quotation from its opening mark to its closing mark (or the paragraph's end)."""
    return Quotation(
        start, end, inner_start=start + 1, inner_end=end - 1 if closed else end,
        paragraph=paragraph, closed=closed, continues_previous=continues,
    )  # fmt: skip


def _first_visible(text: str, start: int, end: int) -> int:
    position = start
    while position < end and text[position].isspace():
        position += 1
    return position


def _opens_straight(text: str, position: int, paragraph_start: int) -> bool:
    before = text[position - 1] if position > paragraph_start else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def split_sentences(
    text: str, paragraph: Paragraph, quotations: list[Quotation], start_index: int = 0
) -> list[Sentence]:
    """Split a paragraph into sentences.

    A sentence ends at ``. ! ? …`` (with any closing quotation marks) before
    a capital, a digit or the paragraph's end, but not after an abbreviation
    ("Gen.", "Feb."), an initial ("C."), a dotted acronym ("U.S.", "a.m.") or
    inside a quotation.
    """
    relevant = []
    for quotation in itertools.islice(quotations, start_index, None):
        if quotation.start >= paragraph.end:
            break
        relevant.append(quotation)
    matches = SENTENCE_END.finditer(text, paragraph.start, paragraph.end)
    ends = [match.span() for match in matches if not _inside(relevant, match.end() - 1)]
    return _sentences(text, paragraph.start, paragraph.end, paragraph.index, ends, 0)[0]


def _inside(quotations: list[Quotation], position: int) -> bool:
    index = bisect_right(quotations, position, key=_inner_start) - 1
    return index >= 0 and position < quotations[index].inner_end


def _inner_start(quotation: Quotation) -> int:
    return quotation.inner_start


def _sentence_ends(text: str, quotations: list[Quotation]) -> list[tuple[int, int]]:
    """Where sentences may end in the whole text: the spans of :data:`SENTENCE_END` outside quotations."""
    pattern = SENTENCE_ENDS if "!" in text or "?" in text or "…" in text else PERIOD_ENDS
    ends = [match.span() for match in pattern.finditer(text)]
    if not quotations:
        return ends
    kept = []
    inner = iter([(q.inner_start, q.inner_end) for q in quotations])
    inner_start, inner_end = next(inner)
    for span in ends:
        position = span[1] - 1
        while position >= inner_end:
            inner_start, inner_end = next(inner, (len(text) + 1, len(text) + 1))
        if position < inner_start:
            kept.append(span)
    return kept


def _sentences(
    text: str, start: int, end: int, paragraph: int, ends: list[tuple[int, int]], next_end: int
) -> tuple[list[Sentence], int]:
    """The sentences of the paragraph ``start:end``, and the index of the first of ``ends`` after it.

    ``ends`` are the spans of :data:`SENTENCE_END` matches outside quotations, in
    order, from ``ends[next_end]`` on at or after ``start``.  One after an
    abbreviation ends no sentence.
    """
    sentences = []
    count = len(ends)
    while next_end < count:
        period, stop = ends[next_end]
        if period >= end:
            break
        next_end += 1
        if text[period] == "." and _ends_with_abbreviation(text, start, period):
            continue
        sentences.append(Sentence(start, stop, paragraph))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph))
    return sentences, next_end


LAST_BREAK = re.compile(r"(?s:.*)[\s(“\"‘—]")
"""Everything up to the last character that starts a word (white space or an opening mark)."""


def _ends_with_abbreviation(text: str, sentence_start: int, period: int) -> bool:
    if text[period] != ".":
        return False
    # Most words before a period are letters and digits after a space: take those
    # without a regular expression.
    space = text.rfind(" ", sentence_start, period)
    word = text[space + 1 : period] if space != -1 else ""
    if not word.isalnum():
        word = text[_word_start(text, sentence_start, period) : period]
        if not word:
            return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # a middle initial: "Lolita C. Baldor"
    if "." in word:
        return True  # U.S. a.m. Ph.D.
    return word.lower() in ABBREVIATIONS


def _word_start(text: str, sentence_start: int, period: int) -> int:
    """Where the word that ends at ``period`` starts: after white space or an opening mark."""
    window = max(sentence_start, period - 32)
    found = LAST_BREAK.match(text, window, period)
    word_start = found.end() if found else window
    if found is None and window > sentence_start:  # a word longer than the window: walk back
        while (
            word_start > sentence_start
            and not text[word_start - 1].isspace()
            and text[word_start - 1] not in '(“"‘—'
        ):
            word_start -= 1
    return word_start


def _token_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to the whitespace-delimited token around it."""
    while start > 0 and text[start - 1] not in TOKEN_BREAK:
        start -= 1
    length = len(text)
    while end < length and text[end] not in TOKEN_BREAK:
        end += 1
    return start, end


def find_protected(text: str) -> list[Span]:
    """Return sorted, merged spans of URLs, e-mail addresses, domains, handles and hashtags.

    Each kind is looked for only when its marker ("://", "@", "#", a
    top-level domain) is in the text, and tokens are found by widening
    around the marker, so the cost stays linear and small.
    """
    spans: list[tuple[int, int]] = []
    if (":" in text and "://" in text) or "www." in text or "WWW." in text:
        spans.extend(match.span() for match in URL.finditer(text))
    if "@" in text:
        position = text.find("@")
        while position != -1:
            start, end = _token_around(text, position, position + 1)
            if start < position and "." in text[position:end]:
                spans.append((start, end))  # an e-mail address
            position = text.find("@", max(end, position + 1))
        spans.extend(match.span() for match in HANDLE.finditer(text))
    if "#" in text:
        spans.extend(match.span() for match in HASHTAG.finditer(text))
    if "." in text:
        for match in TOP_LEVEL_DOMAIN.finditer(text):
            start, end = _token_around(text, match.start(), match.end())
            if start < match.start() and text[match.start() - 1].isalnum():
                spans.append((start, end))
    if not spans:
        return []
    trimmed = []
    for start, end in spans:
        while end > start + 1 and text[end - 1] in TRAILING_PUNCTUATION:
            end -= 1
        trimmed.append((start, end))
    trimmed.sort()
    merged = [list(trimmed[0])]
    for start, end in trimmed[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Span(start, end) for start, end in merged]


def analyse(text: str) -> tuple[list[Paragraph], list[Quotation], list[Span]]:
    """Return the paragraphs (with kinds, datelines and sentences), quotations and protected spans."""
    spans = split_paragraphs(text)
    kinds = classify_paragraphs(text, spans)
    quotations = _quotations(text, spans)
    ends = _sentence_ends(text, quotations)
    first_body = kinds.index("body") if "body" in kinds else -1
    paragraphs = []
    next_end = 0
    for index, (start, end) in enumerate(spans):
        sentences, next_end = _sentences(text, start, end, index, ends, next_end)
        dateline = find_dateline(text, start, end) if index == first_body else None
        paragraphs.append(Paragraph(start, end, index, kinds[index], sentences, dateline))
    return paragraphs, quotations, find_protected(text)
