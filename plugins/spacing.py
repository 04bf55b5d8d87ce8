"""spacing: double spaces, spaces around punctuation, and words run together.

The simple rules live here.  Words run together by a lost space or hyphen
("Moscow’swar", "socalled") and line-end hyphens left in words
("communi- cations") are checked by ``spacing_glued`` and
``spacing_hyphenation``, which this plugin registers; the word decisions they
share are in ``spacing_splits`` and the ``spacing`` section of rules.yaml is
read by ``spacing_settings``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint_plugins import spacing_glued, spacing_hyphenation, spacing_settings

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.hookspecs import hookimpl
from newslint.model import Article, Paragraph
from newslint.rules import RuleSpec

DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
SPACE_BEFORE = re.compile(r"[ \u00a0]+(?P<mark>[,;:?!]|\.(?![.\w]))")
MISSING_AFTER = re.compile(r"(?P<mark>[.!?][”\"’)]?)(?=[A-Z][a-z])")
WORD_END = frozenset('”’")]')
SENTENCE_END_BEFORE = re.compile(r"[.!?][”\"’)]?$")

RULES = [
    RuleSpec(
        id="spacing.double-space",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="Two or more spaces between words or sentences",
        what="Flags a run of two or more spaces between two words, or after a sentence, on one line.",
        why=(
            "Double spaces come from typewriter habit or from copy pasted out of a layout. "
            "They show as uneven gaps online and break searches for phrases."
        ),
        bad="The minister spoke  on Friday.",
        good="The minister spoke on Friday.",
        source="AP Stylebook, “spacing”: one space after a period.",
    ),
    RuleSpec(
        id="spacing.space-before-punctuation",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="A space before a comma, period, semicolon, colon, question or exclamation mark",
        what=(
            "Flags spaces between a word and the punctuation that follows it: "
            "“said , adding”, “in May .”.  Ellipses and numbers such as “.50” are not flagged."
        ),
        why="A stray space before punctuation is a typing or export slip; the mark can wrap onto the next line alone.",
        bad="The talks ended , officials said .",
        good="The talks ended, officials said.",
    ),
    RuleSpec(
        id="spacing.missing-space-after-punctuation",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="No space between a sentence's end and the next sentence (“said.The”)",
        what=(
            "Flags a period, question or exclamation mark (with any closing quotation mark) "
            "glued to the capitalised word of the next sentence.  Abbreviations such as “U.S.”, "
            "numbers such as “3.5”, times such as “a.m.”, URLs and e-mail addresses are not flagged."
        ),
        why="Sentences run together by a lost space read as one garbled word and defeat spell checkers.",
        bad="The call lasted an hour.The ministers agreed to talk again.",
        good="The call lasted an hour. The ministers agreed to talk again.",
    ),
]


@hookimpl
def newslint_rules() -> list[RuleSpec]:
    """Declare the simple spacing rules and the glued-word rules."""
    return [*RULES, spacing_glued.SPEC, spacing_hyphenation.SPEC]


@hookimpl
def newslint_config_sections() -> list[str]:
    """The ``spacing`` section holds the glued-word rules' word lists."""
    return [spacing_settings.SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the ``spacing`` section's word lists."""
    return spacing_settings.section_errors(config)


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Check every story paragraph for spacing problems and words run together."""
    paragraphs = list(article.story_paragraphs())
    if not paragraphs:
        return []
    # The story's UTF-8 (with whatever lies between its paragraphs): the simple rules and the
    # glued-words rule search it.  "surrogatepass": text given through the API may hold a lone surrogate.
    story = article.text[paragraphs[0].start : paragraphs[-1].end].encode("utf-8", "surrogatepass")
    findings = _simple(article, context, paragraphs, story)
    if context.enabled(spacing_glued.RULE):
        findings.extend(spacing_glued.check(article, context, story))
    if context.enabled(spacing_hyphenation.RULE):
        findings.extend(spacing_hyphenation.check(article, context))
    return findings


def _simple(
    article: Article, context: CheckContext, paragraphs: list[Paragraph], story: bytes
) -> list[Finding]:
    """Double spaces and misplaced spaces around punctuation in ``paragraphs`` (``story`` is their UTF-8).

    Each rule's regex runs only on the paragraphs that may hold a match
    (:func:`_candidates`): most paragraphs hold none, and the regexes, which
    open with a character class, cost a try at every space.
    """
    double, before, after = _candidates(story, paragraphs)
    double = double and context.enabled("spacing.double-space")
    if not context.enabled("spacing.space-before-punctuation"):
        before = set()
    if not context.enabled("spacing.missing-space-after-punctuation"):
        after = set()
    if not (double or before or after):
        return []
    text = article.text
    findings: list[Finding] = []
    for index, paragraph in enumerate(paragraphs):
        start, end = paragraph.start, paragraph.end
        if double and (text.find("  ", start, end) >= 0 or text.find("\u00a0", start, end) >= 0):
            findings.extend(_double_spaces(article, start, end))
        if index in before:
            findings.extend(_spaces_before(article, start, end))
        if index in after:
            findings.extend(_missing_spaces(article, start, end))
    return findings


def _byte_classes() -> bytes:
    """The table for :data:`BYTE_CLASSES`."""
    table = bytearray(b"_" * 256)
    for byte in b" \xa0\xc2":  # a space; a no-break space is C2 A0 in UTF-8
        table[byte] = ord(" ")
    for byte in b",;:":
        table[byte] = ord(",")
    for byte in b".!?":
        table[byte] = ord(".")
    for byte in b'")\xe2\x80\x9d\x99':  # ” is E2 80 9D, ’ is E2 80 99
        table[byte] = ord("q")
    table[ord("A") : ord("Z") + 1] = b"A" * 26
    table[ord("a") : ord("z") + 1] = b"a" * 26
    return bytes(table)


BYTE_CLASSES = _byte_classes()
"""Maps each byte of UTF-8 text to the class the simple rules' matches are made of: " " a space
(or a byte of a no-break space), "," a comma, semicolon or colon, "." a period, question or
exclamation mark, "q" a closing mark (or a byte of one), "A" and "a" an ASCII capital and small
letter, "_" anything else.  A byte of another character may fall in a class too: that only
makes a paragraph scanned for nothing."""
MARK_AFTER_SPACE = (b" ,", b" .")
"""What every match of ``SPACE_BEFORE`` holds, in byte classes."""
END_BEFORE_CAPITAL = (b".Aa", b".qAa", b".qqqAa")
"""What every match of ``MISSING_AFTER`` (with what its look-ahead reads) holds, in byte classes."""


def _candidates(story: bytes, paragraphs: list[Paragraph]) -> tuple[bool, set[int], set[int]]:
    """Where the simple rules' regexes may match, found in one pass over ``story``, the paragraphs' UTF-8.

    Returns whether any paragraph may hold a double space, and the
    positions in ``paragraphs`` of those that may hold a space before
    punctuation or a missing space after it.  Byte string searches run at
    C speed, where a regex opening with a character class costs a try at
    every character of its class.
    """
    classes = story.translate(BYTE_CLASSES)
    double = b"  " in classes
    before = [found + 1 for found in _found(classes, MARK_AFTER_SPACE)]  # the mark's byte
    after = _found(classes, END_BEFORE_CAPITAL)
    if not (before or after):
        return double, set(), set()
    starts = [paragraph.start for paragraph in paragraphs]
    positions = dict(
        zip(before + after, _text_offsets(story, before + after, paragraphs[0].start), strict=True)
    )
    return (
        double,
        {bisect_right(starts, positions[offset]) - 1 for offset in before},
        {bisect_right(starts, positions[offset]) - 1 for offset in after},
    )


def _found(haystack: bytes, needles: tuple[bytes, ...]) -> list[int]:
    """The offsets of every occurrence of each of ``needles`` in ``haystack``."""
    found = []
    for needle in needles:
        index = haystack.find(needle)
        while index >= 0:
            found.append(index)
            index = haystack.find(needle, index + 1)
    return found


def _text_offsets(raw: bytes, byte_offsets: list[int], first: int) -> list[int]:
    """The offsets in the text of ``byte_offsets`` (each at an ASCII byte) into ``raw``, its UTF-8 from ``first``."""
    if len(raw) == len(raw.decode("utf-8", "surrogatepass")):
        return [first + offset for offset in byte_offsets]  # ASCII: a byte is a character
    order = sorted(range(len(byte_offsets)), key=byte_offsets.__getitem__)
    offsets = [0] * len(byte_offsets)
    chars, done = first, 0
    for index in order:
        offset = byte_offsets[index]
        chars += len(raw[done:offset].decode("utf-8", "surrogatepass"))
        done = offset
        offsets[index] = chars
    return offsets


def _double_spaces(article: Article, start: int, end: int) -> list[Finding]:
    """The runs of two or more spaces between words in ``article.text[start:end]``."""
    text = article.text
    findings = []
    for match in DOUBLE_SPACE.finditer(text, start, end):
        if article.is_protected(match.start() - 1, match.end() + 1):
            continue
        after_sentence = SENTENCE_END_BEFORE.search(text, max(start, match.start() - 2), match.start())
        message = (
            "two spaces after the sentence; use one"
            if after_sentence
            else f"{len(match.group())} spaces between words; use one"
        )
        findings.append(
            Finding(
                "spacing.double-space",
                message,
                match.start(),
                match.end(),
                suggestions=[" "],
                fix=Fix(match.start(), match.end(), " "),
            )
        )
    return findings


def _spaces_before(article: Article, start: int, end: int) -> list[Finding]:
    """The spaces before a comma, period, semicolon, colon, question or exclamation mark in ``article.text[start:end]``."""
    text = article.text
    findings = []
    for match in SPACE_BEFORE.finditer(text, start, end):
        mark = match.group("mark")
        previous = text[match.start() - 1] if match.start() > start else " "
        if not (previous.isalnum() or previous == "_" or previous in WORD_END):
            continue
        if article.is_protected(match.start(), match.end()):
            continue
        findings.append(
            Finding(
                "spacing.space-before-punctuation",
                f"space before “{mark}”",
                match.start(),
                match.end(),
                suggestions=[mark],
                fix=Fix(match.start(), match.end(), mark),
            )
        )
    return findings


def _missing_spaces(article: Article, start: int, end: int) -> list[Finding]:
    """The sentence ends glued to the next sentence ("said.The") in ``article.text[start:end]``."""
    text = article.text
    findings = []
    for match in MISSING_AFTER.finditer(text, start, end):
        letters = text[max(start, match.start() - 2) : match.start()]
        if len(letters) < 2 or not (letters.isalpha() and letters.islower() and letters.isascii()):
            continue
        if article.is_protected(match.start() - 2, match.end() + 1):
            continue
        mark = match.group("mark")
        next_word = re.match(r"\w+", text[match.end() : match.end() + 40])
        shown = next_word.group() if next_word else text[match.end()]
        findings.append(
            Finding(
                "spacing.missing-space-after-punctuation",
                f"no space after “{mark}” before “{shown}”",
                match.start(),
                match.end(),
                suggestions=[mark + " "],
                fix=Fix(match.start(), match.end(), mark + " "),
            )
        )
    return findings
