"""House rules about the shape of copy: sentence and paragraph length, headline case.

``occurrence`` rules count the words of a sentence (words inside direct
quotations and the dateline are not counted: the writer cannot shorten a
quotation) or the sentences of a paragraph.  ``capitalization`` rules check
a headline's case: ``title`` flags each lower-case word title case
capitalises (with a fix); ``sentence`` flags a headline that looks
title-cased as a whole (no fix: proper nouns cannot be told apart).
"""

from __future__ import annotations

import re

from newslint_plugins.style_check import ArticleView, capitalise
from newslint_plugins.style_rules import HouseRule

from newslint.findings import Finding, Fix
from newslint.model import Paragraph

WORD_START = re.compile(r"(?<![\w’'.-])\w")
"""The first character of a word: "U.S.", "don't", "co-op" and "3.5" are one word each."""
TOKEN = re.compile(r"[^\s—–]+")
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "for",
        "nor",
        "or",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "if",
        "in",
        "of",
        "off",
        "on",
        "out",
        "per",
        "to",
        "up",
        "via",
        "vs",
        "vs.",
        "v.",
    ]
)
"""Words a title-case headline leaves in lower case (AP: articles, and conjunctions and
prepositions of three letters or fewer), unless first or last."""
_PUNCTUATION = "“”\"‘’'()[]{}:;,.!?…"
SENTENCE_CASE_MIN_CAPITALS = 3


def check_occurrence(rule: HouseRule, view: ArticleView) -> list[Finding]:
    """Flag sentences with too many words, or paragraphs with too many sentences."""
    findings = []
    paragraphs = [p for p in view.article.story_paragraphs() if p.kind in rule.scope]
    for paragraph in paragraphs:
        if rule.per == "paragraph":
            count = len(paragraph.sentences)
            if count > rule.limit:
                message = rule.message.format(count=count, max=rule.limit, unit="sentences in this paragraph")
                findings.append(Finding(rule.id, message, paragraph.start, paragraph.end))
            continue
        for sentence in paragraph.sentences:
            start = sentence.start
            if paragraph.dateline is not None and paragraph.dateline.start <= start < paragraph.dateline.end:
                start = paragraph.dateline.end
            count = _words_outside_quotations(view, start, sentence.end)
            if count > rule.limit:
                message = rule.message.format(count=count, max=rule.limit, unit="words in this sentence")
                findings.append(Finding(rule.id, message, start, sentence.end))
    return findings


def _words_outside_quotations(view: ArticleView, start: int, end: int) -> int:
    text = view.text
    count = len(WORD_START.findall(text, start, end))
    for quotation in view.quotations_between(start, end):
        count -= len(WORD_START.findall(text, max(start, quotation.start), min(end, quotation.end)))
    return count


def check_capitalization(rule: HouseRule, view: ArticleView) -> list[Finding]:
    """Check the case of each headline in the rule's scope."""
    findings: list[Finding] = []
    exceptions = {word.lower() for word in rule.exceptions}
    for paragraph in view.article.story_paragraphs():
        if paragraph.kind not in rule.scope:
            continue
        words = list(_headline_words(view, paragraph, exceptions))
        if rule.case == "title":
            findings.extend(_title_case(rule, words))
        elif _looks_title_cased(words):
            headline = view.text[paragraph.start : paragraph.end]
            message = rule.message.format(match=headline, case="sentence")
            findings.append(Finding(rule.id, message, paragraph.start, paragraph.end))
    return findings


def _headline_words(
    view: ArticleView, paragraph: Paragraph, exceptions: set[str]
) -> list[tuple[int, int, str, bool, bool]]:
    """Return ``(start, end, word, opens, last)`` for each word whose case can be judged.

    ``opens`` is true for the first word and a word after a colon.  Words in
    quotations, with figures, acronyms ("U.S.", "NATO"), words with inner
    capitals ("iPhone", "McConnell") and the rule's exceptions are left out.
    """
    text = view.text
    tokens = list(TOKEN.finditer(text, paragraph.start, paragraph.end))
    result = []
    opens = True
    for index, token in enumerate(tokens):
        start, end = token.span()
        while start < end and text[start] in _PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in _PUNCTUATION:
            end -= 1
        word = text[start:end]
        letters = [c for c in word if c.isalpha()]
        judged = (
            letters
            and not any(c.isdigit() for c in word)
            and not (len(letters) > 1 and all(c.isupper() for c in letters))
            and "." not in word.rstrip(".")
            and not any(c.isupper() for c in word.split("-")[0][1:])
            and word.lower() not in exceptions
            and not view.article.in_quotation(start, end)
        )
        if judged:
            result.append((start, end, word, opens, index == len(tokens) - 1))
        opens = token.group().endswith(":")
    return result


def _looks_title_cased(words: list[tuple[int, int, str, bool, bool]]) -> bool:
    capitals = lowers = 0
    for _start, _end, word, opens, _last in words:
        if opens:
            continue
        if word[0].isupper():
            capitals += 1
        elif word.lower() not in MINOR_WORDS:
            lowers += 1
    return capitals >= SENTENCE_CASE_MIN_CAPITALS and lowers == 0


def _title_case(rule: HouseRule, words: list[tuple[int, int, str, bool, bool]]) -> list[Finding]:
    findings = []
    for start, end, word, opens, last in words:
        if not word[0].islower():
            continue
        if word.lower() in MINOR_WORDS and not opens and not last:
            continue
        right = capitalise(word)
        message = rule.message.format(match=word, case="title")
        findings.append(
            Finding(rule.id, message, start, end, suggestions=[right], fix=Fix(start, end, right))
        )
    return findings
