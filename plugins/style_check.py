"""Running house rules on an article: where to look, what to leave alone, and the findings.

Every rule reads the story paragraphs of its scope in chunks of at most
:data:`MAX_CHUNK` characters (a longer paragraph is cut between sentences,
or at a space).  Neighbouring short paragraphs are searched together, up
to that length, but a match never crosses a paragraph.  A rule stops on an
article once it has used :data:`TIME_BUDGET` seconds; :data:`OVERRUNS`
counts those stops for the end-of-run notice.  Datelines, URLs, e-mail
addresses, handles and hashtags are never matched; what happens inside
direct quotations is decided per kind (see README, "House style rules").
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from newslint_plugins.style_rules import HouseRule
from newslint_plugins.style_terms import TermMatch, TermSet

from newslint.findings import Finding, Fix
from newslint.model import Article, Paragraph, Quotation

MAX_CHUNK = 2000
"""Longest stretch of text one pattern search sees, in characters."""
TIME_BUDGET = 0.2
"""Seconds one rule may spend on one article before it stops there."""
OVERRUNS: Counter[str] = Counter()
"""Rule id → articles on which the rule ran out of time (reported at the end of the run)."""

_OPENERS = " \t\n“\"‘'(["
_CLOSERS = "”\"’')]"


@dataclass(frozen=True)
class Chunk:
    """A stretch of one story paragraph: a match never crosses its edges."""

    start: int
    end: int
    paragraph: Paragraph


@dataclass(frozen=True)
class Window:
    """Neighbouring chunks searched in one go (fewer, longer searches), at most MAX_CHUNK long."""

    start: int
    end: int
    chunks: tuple[Chunk, ...]

    def locate(self, position: int) -> Chunk | None:
        """Return the chunk holding ``position``, or None between chunks."""
        if len(self.chunks) == 1:
            chunk = self.chunks[0]
            return chunk if chunk.start <= position < chunk.end else None
        index = bisect_right([chunk.start for chunk in self.chunks], position) - 1
        if index >= 0 and position < self.chunks[index].end:
            return self.chunks[index]
        return None


class ArticleView:
    """What every house rule needs from an article, worked out once."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self._lowered: str | None = None
        self._windows: dict[tuple[tuple[str, ...], bool], list[Window]] = {}
        self._quotation_ends: list[int] | None = None
        self.chunks = [chunk for p in article.story_paragraphs() for chunk in _chunks(self.text, p)]

    @property
    def lowered(self) -> str:
        """The text in lower case, character for character (same length, same offsets)."""
        if self._lowered is None:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):  # "İ" lowers to two characters
                lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
            self._lowered = lowered
        return self._lowered

    def windows_for(self, scope: tuple[str, ...], merge: bool = True) -> list[Window]:
        """The chunks of the paragraphs whose kind is in ``scope``, grouped into windows unless not ``merge``."""
        windows = self._windows.get((scope, merge))
        if windows is None:
            windows = []
            group: list[Chunk] = []
            for chunk in self.chunks:
                if chunk.paragraph.kind not in scope:
                    continue
                if group and (not merge or chunk.end - group[0].start > MAX_CHUNK):
                    windows.append(Window(group[0].start, group[-1].end, tuple(group)))
                    group = []
                group.append(chunk)
            if group:
                windows.append(Window(group[0].start, group[-1].end, tuple(group)))
            self._windows[scope, merge] = windows
        return windows

    def quotations_between(self, start: int, end: int) -> list[Quotation]:
        """The direct quotations that overlap ``start:end``."""
        if self._quotation_ends is None:
            self._quotation_ends = [q.end for q in self.article.quotations]
        quotations = self.article.quotations
        index = bisect_right(self._quotation_ends, start)
        found = []
        while index < len(quotations) and quotations[index].start < end:
            found.append(quotations[index])
            index += 1
        return found

    def off_limits(self, start: int, end: int, paragraph: Paragraph) -> bool:
        """True over a dateline, a URL, an e-mail address, a handle or a hashtag."""
        dateline = paragraph.dateline
        if dateline is not None and start < dateline.end and dateline.start < end:
            return True
        return self.article.is_protected(start, end)

    def starts_sentence(self, position: int, paragraph: Paragraph) -> bool:
        """True when ``position`` is the first word of a sentence (after any dateline or opening quote)."""
        first = None
        for sentence in paragraph.sentences:
            if sentence.start <= position < sentence.end:
                first = sentence.start
                break
        if first is None:
            return False
        if paragraph.dateline is not None and first == paragraph.dateline.start:
            first = paragraph.dateline.end
        while first < position and self.text[first] in _OPENERS:
            first += 1
        return first == position

    def sentence_end_after(self, end: int, paragraph: Paragraph) -> str:
        """How the text goes on after ``end``: ``paragraph`` (it ends), ``capital`` (a new sentence, probably) or ``""``."""
        text = self.text
        position = end
        while position < paragraph.end and text[position] in _CLOSERS:
            position += 1
        if position >= paragraph.end:
            return "paragraph"
        if not text[position].isspace():
            return ""
        while position < paragraph.end and text[position].isspace():
            position += 1
        if position < paragraph.end and (text[position].isupper() or text[position] in '“"‘'):
            return "capital"
        return ""


def _chunks(text: str, paragraph: Paragraph) -> Iterator[Chunk]:
    """Cut a paragraph into chunks of at most MAX_CHUNK characters, between sentences where possible."""
    if paragraph.end - paragraph.start <= MAX_CHUNK:
        yield Chunk(paragraph.start, paragraph.end, paragraph)
        return
    start = paragraph.start
    cuts = [s.end for s in paragraph.sentences] or [paragraph.end]
    while start < paragraph.end:
        limit = min(paragraph.end, start + MAX_CHUNK)
        end = max((cut for cut in cuts if start < cut <= limit), default=0)
        if not end:
            space = text.rfind(" ", start + 1, limit)
            end = space if space > start and limit < paragraph.end else limit
        yield Chunk(start, end, paragraph)
        start = end


class Budget:
    """The time one rule may spend on one article."""

    def __init__(self, rule_id: str) -> None:
        self.rule_id = rule_id
        self.deadline = time.perf_counter() + TIME_BUDGET

    def spent(self) -> bool:
        """True (and the overrun counted) once the time is up."""
        if time.perf_counter() > self.deadline:
            OVERRUNS[self.rule_id] += 1
            return True
        return False


def term_matches(
    terms: TermSet, rule: HouseRule, view: ArticleView, quotations: str
) -> Iterator[tuple[TermMatch, Chunk, bool]]:
    """Yield the matches of ``terms`` in the rule's scope, with their chunk and whether they are quoted.

    Matches over datelines and protected spans are dropped; quoted ones too
    unless ``quotations`` is ``report``.  The search stops when the rule's
    time budget for the article is spent.
    """
    budget = Budget(rule.id)
    text, lowered = view.text, view.lowered
    for window in view.windows_for(rule.scope, merge=not terms.own_chunks):
        for match in terms.find(text, lowered, window.start, window.end, window.locate):
            chunk = match.bounds
            assert isinstance(chunk, Chunk)
            if view.off_limits(match.start, match.end, chunk.paragraph):
                continue
            quoted = view.article.in_quotation(match.start, match.end)
            if quoted and quotations != "report":
                continue
            yield match, chunk, quoted
        if budget.spent():
            return


def capitalise(text: str) -> str:
    """Upper-case the first letter of ``text`` (unless a figure comes first)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char.isdigit():
            return text
    return text


def shape(found: str, key: str, right: str, *, plain: bool, sentence_start: bool) -> tuple[str, bool]:
    """Give ``right`` the case of the text it replaces; return it and whether the change is certain.

    Plain words keep the text's case: all capitals stay all capitals, and a
    sentence's first word is capitalised.  A capitalised match inside a
    sentence where the rule's word is lower case may be a name or a
    title-cased headline: it gets a capitalised suggestion but no fix.
    Patterns give their right form as written (capitalised at a sentence's start).
    """
    if plain:
        letters = [c for c in found if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters) and not key.isupper():
            return right.upper(), True
        if sentence_start:
            return capitalise(right), True
        if found[:1].isupper() and not key[:1].isupper() and right[:1].islower():
            return capitalise(right), False
        return right, True
    return (capitalise(right) if sentence_start else right), True


def check_substitution(rule: HouseRule, view: ArticleView) -> list[Finding]:
    """Flag each wrong form and offer the right one (a fix when it is certain)."""
    findings = []
    assert rule.terms is not None
    for match, chunk, quoted in term_matches(rule.terms, rule, view, rule.quotations):
        found = view.text[match.start : match.end]
        start_of_sentence = view.starts_sentence(match.start, chunk.paragraph)
        suggestions: list[str] = []
        certain = True
        for template in rule.right[match.term]:
            right = match.match.expand(template) if rule.regex and "\\" in template else template
            right, sure = shape(
                found, rule.wrong[match.term], right, plain=not rule.regex, sentence_start=start_of_sentence
            )
            if right.endswith(".") and view.text.startswith(".", match.end):
                right = right[:-1]  # the sentence's own period follows: "5pm." → "5 p.m."
            elif found.endswith(".") and not right.endswith("."):
                after = view.sentence_end_after(match.end, chunk.paragraph)
                if after:  # the abbreviation's period also ended the sentence
                    right += "."
                    sure = sure and after == "paragraph"
            certain = certain and sure
            if right not in suggestions:
                suggestions.append(right)
        if suggestions == [found]:
            continue
        fix = None
        if rule.fix and certain and len(suggestions) == 1 and not quoted:
            fix = Fix(match.start, match.end, suggestions[0])
        message = rule.message.format(match=found, right=suggestions[0])
        findings.append(Finding(rule.id, message, match.start, match.end, suggestions=suggestions, fix=fix))
    return findings


def check_existence(rule: HouseRule, view: ArticleView) -> list[Finding]:
    """Flag each word or pattern that must not appear."""
    findings = []
    assert rule.terms is not None
    for match, _chunk, _quoted in term_matches(rule.terms, rule, view, rule.quotations):
        found = view.text[match.start : match.end]
        findings.append(Finding(rule.id, rule.message.format(match=found), match.start, match.end))
    return findings


def check_consistency(rule: HouseRule, view: ArticleView) -> list[Finding]:
    """Flag forms that differ from the first form of their group used in the article."""
    findings = []
    for group, terms in zip(rule.groups, rule.group_terms, strict=True):
        first: TermMatch | None = None
        for match, chunk, _quoted in term_matches(terms, rule, view, "skip"):
            if first is None:
                first = match
                continue
            if match.term == first.term:
                continue
            found = view.text[match.start : match.end]
            first_text = view.text[first.start : first.end]
            if rule.regex:
                suggestion = first_text
            else:
                start_of_sentence = view.starts_sentence(match.start, chunk.paragraph)
                suggestion, _ = shape(
                    found, group[match.term], group[first.term], plain=True, sentence_start=start_of_sentence
                )
            message = rule.message.format(match=found, first=first_text)
            findings.append(Finding(rule.id, message, match.start, match.end, suggestions=[suggestion]))
    return findings
