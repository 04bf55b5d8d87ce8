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
from bisect import bisect_right

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
    r"\.(?:com|org|net|gov|edu|mil|int|io|co|uk|us|info|biz|news|ly)\b", re.IGNORECASE
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
        end = match.start()
        if end > position:
            spans.append((position, _rstrip(text, position, end)))
        position = match.end()
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


QUOTE_MARK = re.compile(r"[“”\"]")


def find_quotations(text: str, paragraphs: list[Paragraph]) -> list[Quotation]:
    """Find direct quotations in curly or straight double quotation marks.

    A quotation left open at the end of a paragraph runs to the paragraph's
    end; when the next paragraph opens with a quotation mark, that quotation
    is marked as continuing the previous one.
    """
    quotations: list[Quotation] = []
    previous_open = False
    for paragraph in paragraphs:
        open_at: int | None = None
        first = True

        for match in QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
            position = match.start()
            char = text[position]
            if open_at is None:
                if char == "“" or (char == '"' and _opens_straight(text, position, paragraph.start)):
                    open_at = position
            elif char != "“":  # a second opening mark inside a quotation is nested or stray
                continues = first and previous_open and open_at == _first_visible(text, paragraph)
                quotations.append(_quotation(open_at, position + 1, paragraph.index, True, continues))
                first = False
                open_at = None
        if open_at is not None:
            continues = first and previous_open and open_at == _first_visible(text, paragraph)
            quotations.append(_quotation(open_at, paragraph.end, paragraph.index, False, continues))
        previous_open = open_at is not None
    return quotations


def _quotation(start: int, end: int, paragraph: int, closed: bool, continues: bool) -> Quotation:
    """A quotation from its opening mark to its closing mark (or the paragraph's end)."""
    return Quotation(
        start, end, inner_start=start + 1, inner_end=end - 1 if closed else end,
        paragraph=paragraph, closed=closed, continues_previous=continues,
    )  # fmt: skip


def _first_visible(text: str, paragraph: Paragraph) -> int:
    position = paragraph.start
    while position < paragraph.end and text[position].isspace():
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
    sentences = []
    start = paragraph.start
    relevant = []
    for quotation in itertools.islice(quotations, start_index, None):
        if quotation.start >= paragraph.end:
            break
        relevant.append(quotation)
    inner_starts = [q.inner_start for q in relevant]
    for match in SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        stop = match.end()
        if _inside(relevant, inner_starts, match.end() - 1) or _ends_with_abbreviation(
            text, start, match.start()
        ):
            continue
        sentences.append(Sentence(start, stop, paragraph=paragraph.index))
        start = stop
        while start < paragraph.end and text[start].isspace():
            start += 1
    if start < paragraph.end:
        sentences.append(Sentence(start, paragraph.end, paragraph=paragraph.index))
    return sentences


def _inside(quotations: list[Quotation], inner_starts: list[int], position: int) -> bool:
    index = bisect_right(inner_starts, position) - 1
    return index >= 0 and position < quotations[index].inner_end


LAST_BREAK = re.compile(r"(?s:.*)[\s(“\"‘—]")
"""Everything up to the last character that starts a word (white space or an opening mark)."""


def _ends_with_abbreviation(text: str, sentence_start: int, period: int) -> bool:
    if text[period] != ".":
        return False
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
    word = text[word_start:period]
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # a middle initial: "Lolita C. Baldor"
    if "." in word:
        return True  # U.S. a.m. Ph.D.
    return word.lower() in ABBREVIATIONS


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
    if "://" in text or "www." in text or "WWW." in text:
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
    paragraphs = [
        Paragraph(start, end, index=i, kind=kind)
        for i, ((start, end), kind) in enumerate(zip(spans, kinds, strict=True))
    ]
    first_body = next((p for p in paragraphs if p.kind == "body"), None)
    if first_body is not None:
        first_body.dateline = find_dateline(text, first_body.start, first_body.end)
    quotations = find_quotations(text, paragraphs)
    quotation_index = 0
    for paragraph in paragraphs:
        while quotation_index < len(quotations) and quotations[quotation_index].end <= paragraph.start:
            quotation_index += 1
        paragraph.sentences = split_sentences(text, paragraph, quotations, quotation_index)
    return paragraphs, quotations, find_protected(text)
