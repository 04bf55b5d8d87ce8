"""Names spelt two ways: against the house dictionary and within one article.

A spell checker cannot tell "Shoiguu" from a name it has never seen; a copy
desk can, by comparing spellings.  This module does that comparison:

* :class:`HouseNames` holds the capitalised entries of the house dictionary
  ("Keir Starmer", "Shoigu") and finds the ones a word is one or two edits
  from;
* :func:`name_findings` flags a capitalised word that is a near miss of a
  house name ("Kier Starmer"), or of a spelling the same article uses more
  often or introduces with a full first reference ("Gen. Valery Gerasimov"
  ... "Gerasimow").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import pairwise

from newslint.findings import Finding, Fix
from newslint.lexicon import osa_distance

from .typos_words import TITLE, TITLES, Word

NAME_VARIANT = "typos.name-variant"
NAME_MISSPELLING = "typos.name-misspelling"

# Endings that make a different, related name or word, not a misspelling:
# feminine forms (Ivanov/Ivanova, Zelensky/Zelenska), plurals (the Kennedys)
# and demonyms (Kenya/Kenyan, Yemen/Yemeni).
_RELATED_ENDINGS = frozenset(
    ["", "a", "i", "y", "s", "es", "n", "an", "ian", "ese", "ya", "aya", "ia", "e", "o"]
)

# Words before a surname that are titles, not given names ("Minister Shoigu"): the
# abbreviated titles and the titles spelt out.
_TITLE_WORDS = TITLES | frozenset(
    """
    admiral ambassador bishop captain chair chairman chairwoman chancellor chief coach colonel
    commander corporal council dame deputy detective director general governor inspector judge
    justice king lady lieutenant lord major mayor minister officer pope premier president prince
    princess private queen representative saint secretary senator sergeant sheriff sir spokesman
    spokesperson spokeswoman superintendent st
    """.split()
)


def _max_edits(word: str) -> int:
    """One edit for names of up to five letters, two for longer ones."""
    return 1 if len(word) <= 5 else 2


def related_forms(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only by an ending that makes a related name.

    "Ivanov"/"Ivanova", "Zelensky"/"Zelenska", "Kennedy"/"Kennedys",
    "Yemen"/"Yemeni" are different words, not one misspelt.
    """
    a, b = a.lower(), b.lower()
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return a[common:] in _RELATED_ENDINGS and b[common:] in _RELATED_ENDINGS


@lru_cache(maxsize=65536)
def near(a: str, b: str) -> bool:
    """True when ``a`` looks like a misspelling of the name ``b``.

    Both of four letters or more, same first letter, within one edit (two
    for names of six letters or more), and not a related form (see
    :func:`related_forms`).
    """
    if a == b or a[:1].lower() != b[:1].lower() or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    if related_forms(a, b):
        return False
    return osa_distance(a.lower(), b.lower()) <= min(_max_edits(a), _max_edits(b))


class HouseNames:
    """The capitalised entries of the house dictionary, single and multi-word."""

    def __init__(self, accepted: Iterable[str]) -> None:
        self.tokens: dict[str, str] = {}  # lower-case → spelling, every capitalised token
        self.phrases: dict[str, list[tuple[str, ...]]] = {}  # token → multi-word names holding it
        for entry in accepted:
            parts = tuple(entry.split())
            capitalised = [p for p in parts if p[:1].isupper()]
            for part in capitalised:
                self.tokens[part.lower()] = part
            if len(parts) > 1 and len(capitalised) == len(parts):
                for part in parts:
                    self.phrases.setdefault(part, []).append(parts)
        self._by_initial: dict[str, list[str]] | None = None
        self._phrase_parts: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self.tokens)

    def near_phrase_part(self, word: str) -> bool:
        """True when ``word`` is a part of a multi-word house name, or a near miss of one (cached)."""
        if not self.phrases:
            return False
        answer = self._phrase_parts.get(word)
        if answer is None:
            answer = word in self.phrases or any(near(word, part) for part in self.phrases)
            self._phrase_parts[word] = answer
        return answer

    def close_to(self, word: str) -> list[str]:
        """Return the house names ``word`` is a near miss of (see :func:`near`), in dictionary spelling."""
        if self._by_initial is None:
            groups: dict[str, list[str]] = {}
            for spelling in self.tokens.values():
                groups.setdefault(spelling[:1].lower(), []).append(spelling)
            self._by_initial = groups
        if word.lower() in self.tokens:
            return []
        return [name for name in self._by_initial.get(word[:1].lower(), ()) if near(word, name)]


class _Spelling:
    """One spelling of a capitalised word in the article."""

    __slots__ = ("full_first_index", "given_names", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[Word] = []
        self.given_names: set[str] = set()
        self.full_first_index: int | None = None  # index of the first full reference, if any

    @property
    def count(self) -> int:
        return len(self.words)

    @property
    def first_index(self) -> int:
        return self.words[0].index


def _adjacent(text: str, left: Word, right: Word) -> bool:
    """True when only spaces separate two words."""
    between = text[left.end : right.start]
    return between.strip(" \u00a0") == "" and "\n\n" not in between


def _collect(
    text: str, words: list[Word], common: Callable[[str], bool], function_word: Callable[[str], bool]
) -> dict[str, _Spelling]:
    """Group the article's capitalised words by spelling, noting full references ("Valery Gerasimov").

    A sentence-initial word before a name is a given name ("Mark Milley
    said") unless it is a function word ("After Milley spoke").
    """
    spellings: dict[str, _Spelling] = {}
    previous: Word | None = None
    for word in words:
        if word.kind != TITLE or (word.sentence_initial and common(word.base)):
            previous = word  # "The", "After": a common word capitalised by position
            continue
        base = word.base
        spelling = spellings.get(base)
        if spelling is None:
            spelling = spellings[base] = _Spelling(base)
        spelling.words.append(word)
        if (
            previous is not None
            and previous.kind == TITLE
            and previous.base.lower() not in _TITLE_WORDS
            and _adjacent(text, previous, word)
            and not (previous.sentence_initial and function_word(previous.base))
        ):
            spelling.given_names.add(previous.base)
            if spelling.full_first_index is None:
                spelling.full_first_index = word.index
        previous = word
    return spellings


def name_findings(
    text: str,
    words: list[Word],
    *,
    unknown: Callable[[str], bool],
    common: Callable[[str], bool],
    function_word: Callable[[str], bool],
    house: HouseNames,
    skip: set[int],
    check_variants: bool,
    check_misspellings: bool,
) -> list[Finding]:
    """Find names spelt two ways: near misses of house names and of the article's own spellings.

    ``unknown(word)`` says the word list and house dictionary lack a word;
    ``common(word)`` says a capitalised word is a common word (so a
    sentence-initial "After" is not a name) and ``function_word(word)`` that
    it is a very common one ("The", "After", "Mark": at a sentence start
    such a word is not taken for a given name); ``skip`` holds the start offsets
    of words another typos rule already flagged.
    """
    findings: list[Finding] = []
    flagged: set[int] = set(skip)
    if check_misspellings and house.phrases:
        findings.extend(_phrase_near_misses(text, words, house, flagged))
    spellings = _collect(text, words, common, function_word)
    for spelling in spellings.values():
        if not unknown(spelling.text):
            continue
        target, rule = _authority(spelling, spellings, house, unknown)
        if target is None or rule is None:
            continue
        if rule == NAME_VARIANT and not check_variants:
            continue
        if rule == NAME_MISSPELLING and not check_misspellings:
            continue
        for word in spelling.words:
            if word.start in flagged:
                continue
            flagged.add(word.start)
            findings.append(_finding(rule, word, spelling.text, target))
    return findings


def _authority(
    spelling: _Spelling, spellings: dict[str, _Spelling], house: HouseNames, unknown: Callable[[str], bool]
) -> tuple[str | None, str | None]:
    """Return the spelling ``spelling`` should be, and the rule that says so (or Nones)."""
    if house:
        names = house.close_to(spelling.text)
        if len(names) == 1:
            return names[0], NAME_MISSPELLING
        if names:
            return None, None  # two house names fit: not certain which
    best: _Spelling | None = None
    for other in spellings.values():
        if other is spelling or other.text[:1] != spelling.text[:1] or not near(spelling.text, other.text):
            continue
        if spelling.given_names and other.given_names and not (spelling.given_names & other.given_names):
            continue  # "Olena Zelenska", "Volodymyr Zelensky": two people
        if not _outranks(other, spelling):
            continue
        if other.count == spelling.count and not unknown(other.text):
            continue  # "Milley" once, "Miller" once: a common name beside a rare one, not a variant
        if best is None or _outranks(other, best):
            best = other
    if best is None:
        return None, None
    authoritative = best.full_first_index is not None and (
        spelling.full_first_index is None or best.full_first_index < spelling.full_first_index
    )
    return best.text, NAME_MISSPELLING if authoritative else NAME_VARIANT


def _outranks(a: _Spelling, b: _Spelling) -> bool:
    """True when spelling ``a`` is the one to keep over ``b``: used more, or first with a full name, or first."""
    if a.count != b.count:
        return a.count > b.count
    a_full = a.full_first_index if a.full_first_index is not None else None
    b_full = b.full_first_index if b.full_first_index is not None else None
    if (a_full is None) != (b_full is None):
        return a_full is not None
    return a.first_index < b.first_index


def _finding(rule: str, word: Word, typed: str, target: str, certain: bool = False) -> Finding:
    """A finding on the name part of ``word`` (without its "’s"), suggesting ``target``."""
    if rule == NAME_MISSPELLING:
        message = f"“{typed}” may be a misspelling of the name “{target}”"
    else:
        message = f"“{typed}” is spelt “{target}” elsewhere in this article"
    end = word.start + len(typed)
    return Finding(
        rule,
        message,
        word.start,
        end,
        suggestions=[target],
        fix=Fix(word.start, end, target) if certain else None,
    )


def _phrase_near_misses(text: str, words: list[Word], house: HouseNames, flagged: set[int]) -> list[Finding]:
    """Flag a word of a multi-word house name that is spelt a little differently ("Kier Starmer")."""
    findings = []
    for position, word in enumerate(words):
        if word.kind != TITLE:
            continue
        for phrase in house.phrases.get(word.base, ()):
            for slot, part in enumerate(phrase):
                if part != word.base:
                    continue
                first = position - slot
                if first < 0 or first + len(phrase) > len(words):
                    continue
                window = words[first : first + len(phrase)]
                if not all(_adjacent(text, a, b) for a, b in pairwise(window)):
                    continue
                differing = [(w, p) for w, p in zip(window, phrase, strict=True) if w.base != p]
                if len(differing) != 1:
                    continue
                typo, intended = differing[0]
                if typo.kind != TITLE or typo.start in flagged or not near(typo.base, intended):
                    continue
                flagged.add(typo.start)
                findings.append(_finding(NAME_MISSPELLING, typo, typo.base, intended, certain=True))
    return findings
