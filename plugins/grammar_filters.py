"""Which LanguageTool matches newslint keeps.

LanguageTool does not know the desk: it flags names as misspellings, asks
for style changes inside quotations, and repeats what newslint's own typos
and spacing rules already say.  These filters drop:

- spelling matches on a word the house dictionary accepts (``dictionary:``
  in rules.yaml) or that the article uses as a name (capitalised in the
  middle of a sentence somewhere in the body);
- matches of style-only categories inside a direct quotation (quotes are
  verbatim);
- matches over URLs, e-mail addresses, handles and inline code;
- a match on the same span as a typos or spacing finding, or a spelling or
  whitespace match overlapping one (one problem, one finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newslint.model import Article

SPELLING_ISSUES = frozenset({"misspelling"})
SPELLING_CATEGORIES = frozenset({"TYPOS"})
STYLE_CATEGORIES = frozenset(
    {
        "STYLE",
        "REDUNDANCY",
        "PLAIN_ENGLISH",
        "REPETITIONS_STYLE",
        "TYPOGRAPHY",
        "WIKIPEDIA",
        "GENDER_NEUTRALITY",
    }
)
STYLE_ISSUES = frozenset({"style", "register", "typographical"})
OVERLAP_ISSUES = frozenset({"misspelling", "whitespace", "typographical", "duplication"})
DEDUPE_CATEGORIES = frozenset({"typos", "spacing"})

_WORD = re.compile(r"[^\W\d_](?:[\w’'\-.]*\w)?")
_POSSESSIVE = re.compile(r"(?:[’']s|[’'])$")
_OPENERS = "\"“‘'([{—–-:;"


def is_spelling(category: str, issue: str) -> bool:
    """True for LanguageTool's spelling matches."""
    return issue in SPELLING_ISSUES or category in SPELLING_CATEGORIES


def is_style_only(category: str, issue: str) -> bool:
    """True for matches about style or typography rather than correctness."""
    return category in STYLE_CATEGORIES or issue in STYLE_ISSUES


class HouseWords:
    """The house dictionary as the spelling filter uses it.

    An entry matches exactly ("Okafor"); an entry in lower case also matches
    the word capitalised ("hourlong" accepts "Hourlong").  Entries of several
    words accept each of their words ("Volodymyr Zelenskyy").
    """

    def __init__(self, entries: Iterable[str]) -> None:
        exact: set[str] = set()
        for entry in entries:
            exact.update(_WORD.findall(entry) or [entry])
        self._exact = frozenset(exact)
        self._folded = frozenset(word for word in exact if word == word.lower())

    def accepts(self, word: str) -> bool:
        """True when the house dictionary accepts ``word`` (possessive ignored)."""
        for form in {word, _POSSESSIVE.sub("", word)}:
            if form in self._exact or form.lower() in self._folded:
                return True
        return False


def names_in(article: Article) -> frozenset[str]:
    """Words the article uses as names: capitalised in a body sentence, not where any word would be.

    A capital at the start of a sentence, of a quotation, after a dateline,
    a colon or a dash says nothing, so those places are skipped; headlines are
    in title case and are skipped too.
    """
    text = article.text
    names: set[str] = set()
    for paragraph in article.body_paragraphs():
        start = paragraph.dateline.end if paragraph.dateline else paragraph.start
        for match in _WORD.finditer(text, start, paragraph.end):
            word = match.group()
            if not word[0].isupper() or _after_opening(text, match.start(), paragraph.start):
                continue
            sentence = article.sentence_at(match.start())
            if sentence is not None and not text[sentence.start : match.start()].strip(_OPENERS + " \n"):
                continue  # first word of the sentence
            names.add(_POSSESSIVE.sub("", word))
    return frozenset(names)


def is_name(word: str, names: frozenset[str]) -> bool:
    """True when ``word`` (possessive ignored) is one of the article's names."""
    return word in names or _POSSESSIVE.sub("", word) in names


def _after_opening(text: str, offset: int, floor: int) -> bool:
    """True when only spaces separate ``offset`` from an opening mark, colon or dash before it."""
    position = offset - 1
    while position >= floor and text[position] in " \u00a0\n":
        position -= 1
    return position < floor or text[position] in _OPENERS


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]
