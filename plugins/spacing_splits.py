"""Deciding whether a token is words run together, and how to restore them.

This module holds no rule and reads no article: :class:`GlueAnalyser` takes
one token and what is known about its place (sentence start, names in the
article) and returns a :class:`Correction` or None.  The glued-words rule
(``spacing_glued.py``) finds the tokens; the broken-hyphenation rule
(``spacing_hyphenation.py``) asks :meth:`GlueAnalyser.join_broken` about
"communi- cations".

How a token is read depends on its shape:

* an apostrophe ending glued to a word ("Moscow’swar", "didn’tsay"): cut after
  the ending;
* letters glued to digits ("in2022", "100days"): cut at the boundary, unless
  the letters are a unit or ordinal ending ("5km", "3pm", "20th");
* a lower-case word glued to a capitalised one ("theKremlin"), or an acronym
  glued to a lower-case word ("NATOallies"): cut at the case change;
* a capitalised token ("Shoigusaid"): most unknown capitalised tokens are
  names, so it is cut only when the first part is a name the article uses
  on its own or the house dictionary knows, when the token opens a sentence
  and starts with a very common word ("Thewar"), or when the rest is a word
  that follows names in news copy ("Kyivsaid");
* a lower-case token ("hadto", "socalled"): the most likely cut in news
  English, scored by :meth:`Lexicon.split_candidates` (word frequencies),
  when it is likely enough and no part is a prefix or ending that forms
  closed compounds ("cyberattack", "citywide").

The lost character is a hyphen when the two parts form a hyphenated compound
(``newslint.compounds``: "so-called", "well-known") or when the second part is
a combining form ("Moscow-based", "Kremlin-backed"); otherwise a space.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Set
from typing import NamedTuple

from newslint.compounds import Compounds
from newslint.lexicon import EXTRA_WORD_FREQUENCY, Lexicon

APOSTROPHES = "'’"
TOKEN = re.compile(r"\w+(?:['’]\w+)*")
MAX_GLUED_LENGTH = 48
"""Longer tokens are not words run together (three long words make about 40 letters)."""
CLITIC_GLUE = re.compile(r"^(?P<head>[^\W\d_]+(?:n['’]t|['’](?:s|re|ve|ll|d|m)))(?P<tail>[^\W\d_]+)$")
LETTERS_DIGITS = re.compile(r"^(?P<letters>[^\W\d_]{2,})(?P<digits>\d+)$")
DIGITS_LETTERS = re.compile(r"^(?P<digits>\d+)(?P<letters>[^\W\d_]{2,})$")
LOWER_UPPER = re.compile(r"^(?P<left>[a-z]{2,})(?P<right>[A-Z][a-z]+(?:['’]s)?)$")
CAPS_LOWER = re.compile(r"^(?P<left>[A-Z]{2,})(?P<right>[a-z]{3,})$")
TITLE = re.compile(r"^[A-Z][a-z]+$")
LOWER = re.compile(r"^[a-z]+$")

PARTICLES = frozenset({"up", "down", "in", "out", "off", "on", "over", "back", "away", "through", "by"})
"""Second parts that make "run-up" a noun but "run up" a verb: hyphen or space is ambiguous;
an unknown closed verb-particle noun ("takedown", "rollout") is most likely a word."""
INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "ers")
"""Endings that make "wartimes" or "withholder" a form of a known word, not two words."""
ADJECTIVE_ENDINGS = ("ible", "able", "ent", "ive", "ous", "ic", "al", "ant")
"""After "in", these make the negative prefix ("inexpressive"), not the preposition."""

DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "our", "every"})
PRONOUNS = frozenset({"it", "he", "she", "we", "they", "there"})
VERBS_AFTER_PRONOUNS = frozenset({"is", "was", "are", "were", "has", "had", "will", "would", "said", "says"})
"""Closed classes for a capitalised token at a sentence start: "Thewar", "Itis", "Inthe" are
read as words run together; "Benice", "Asman", "Wason" (names) are not."""

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


class TextNames:
    """The capitalised words a text uses on their own, looked up on demand.

    ``"shoigu" in names`` is True when "Shoigu" stands alone somewhere in
    ``text[start:end]`` (a possessive may follow: "Shoigu’s"), not only inside
    a longer token ("Shoigusaid").  Answers are remembered; a plain ``set`` of
    lower-case names works wherever a ``TextNames`` does.
    """

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        """Look in ``text[start:end]``."""
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end
        self._answers: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        """True when ``word`` (lower case), capitalised, stands alone in the text."""
        if not isinstance(word, str) or not word:
            return False
        answer = self._answers.get(word)
        if answer is None:
            answer = self._search(word[0].upper() + word[1:])
            self._answers[word] = answer
        return answer

    def _search(self, name: str) -> bool:
        text, end = self.text, self.end
        index = text.find(name, self.start, end)
        while index != -1:
            stop = index + len(name)
            before_ok = index == 0 or not text[index - 1].isalnum()
            after_ok = stop >= len(text) or not text[stop].isalnum()
            if before_ok and after_ok:
                return True
            index = text.find(name, index + 1, end)
        return False


class Correction(NamedTuple):
    """What a token should have been: ``suggestions`` best first.

    ``certain`` is True when there is exactly one confident correction (the
    rule then offers a fix).  ``kind`` says what the best suggestion does:
    ``space`` or ``hyphen`` (what was lost), or ``joined`` (a line-end hyphen
    removed).
    """

    suggestions: tuple[str, ...]
    certain: bool
    kind: str


class GlueSettings(NamedTuple):
    """Thresholds and word lists (the lists come from the ``spacing`` section of rules.yaml)."""

    closed_prefixes: frozenset[str] = frozenset()
    closed_suffixes: frozenset[str] = frozenset()
    hyphen_suffixes: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    name_followers: frozenset[str] = frozenset()
    suspended_followers: frozenset[str] = frozenset({"and", "or", "nor", "to", "through", "versus", "vs"})
    min_score: float = -10.0
    """Lowest split score (sum of log10 frequencies, less 1 per cut) for a lower-case token.
    Shorter tokens need likelier splits (see :meth:`GlueAnalyser.score_floor`): the shorter the
    token, the more ways it falls apart into words by chance ("heme", "grantor")."""
    certain_score: float = -8.0
    """A lower-case split scoring at least this has a fix: the pair is so common that a closed
    compound of it would be in the lexicon if it existed.  Rarer pairs ("militaryofficials")
    get suggestions only, since a rare closed compound the lexicon lacks looks the same."""
    min_part_zipf: float = 3.0
    """Every part of a split must be at least this common (Zipf), names from the article aside."""
    min_short_part_zipf: float = 4.0
    """Parts of three letters must be at least this common ("had", "war"; not "rai")."""
    min_two_letter_zipf: float = 6.0
    """Parts of two letters must be at least this common ("of", "in", "us"; not "st", "al")."""
    function_zipf: float = 6.0
    """A word at least this common (Zipf) is a function word: "the", "of", "said", "after"."""
    common_zipf: float = 4.5
    """A name at least this common as a word ("Black", "Young", "Price") may start a surname."""
    margin: float = 1.0
    """A fix needs the best split to be this much likelier (log10) than the next."""


def _zipf(frequency: float) -> float:
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


class _TitleReading(NamedTuple):
    """One cut of a capitalised token and the evidence each kind of reading needs.

    ``as_name``: counts when the first part is a name of the article or the
    house dictionary; ``as_opening``: counts at a sentence start;
    ``as_follower``: counts anywhere (the rest is a word that follows names).
    """

    parts: list[str]
    score: float
    as_name: bool
    as_opening: bool
    as_follower: bool


class GlueAnalyser:
    """Reads tokens against the shared lexicon and compound data."""

    def __init__(
        self,
        lexicon: Lexicon,
        compounds: Compounds,
        settings: GlueSettings,
        house_words: Iterable[str] = (),
    ) -> None:
        """Read tokens with ``lexicon`` plus the house dictionary's ``house_words``."""
        house = [w for w in house_words if w.strip()]
        self.lexicon = lexicon.with_extra_words(house) if house else lexicon
        self.house = frozenset(w.strip().lower() for w in house)
        self.compounds = compounds
        self.settings = settings
        self._known: set[str] = set()
        self._unknown: set[str] = set()
        self._context_free: dict[str, Correction | None] = {}
        self._fine_chunks: set[bytes] = set()
        self._title_cache: dict[str, list[_TitleReading]] = {}

    # -- screening: which tokens need a look -----------------------------------

    @property
    def fine_chunks(self) -> Set[bytes]:
        """Chunks of UTF-8 text between ASCII white space already found to hold only fine tokens.

        A caller subtracts these from the set of its chunks (a C-speed set
        difference), so a chunk seen before ("said,", "officials") costs
        nothing.  Bytes, not text: splitting bytes is faster, and as no
        token holds white space, the tokens are the same.
        """
        return self._fine_chunks

    def suspects(self, chunks: Iterable[bytes]) -> set[str]:
        """Return the tokens in ``chunks`` (UTF-8) that need a look; remember the chunks that hold none."""
        found: set[str] = set()
        if len(self._fine_chunks) > 200_000:
            self._fine_chunks.clear()
        for chunk in chunks:
            bad = [
                token
                for token in TOKEN.findall(chunk.decode("utf-8", "surrogatepass"))
                if 4 <= len(token) <= MAX_GLUED_LENGTH
                and not token.isupper()
                and "_" not in token
                and not self.is_fine(token)
            ]
            if bad:
                found.update(bad)
            else:
                self._fine_chunks.add(chunk)
        return found

    # -- cheap checks used on every token ------------------------------------

    def is_fine(self, token: str) -> bool:
        """True when ``token`` needs no look at all: a known word that is not a lost-hyphen spelling.

        Answers are cached, so a token seen before costs one look-up.
        """
        if token in self._known:
            return True
        if token in self._unknown:
            return False
        if len(self._known) + len(self._unknown) > 500_000:
            self._known.clear()
            self._unknown.clear()
            self._context_free.clear()
        if self.lexicon.is_known(token) and self.compounds.closed_spelling(token) is None:
            self._known.add(token)
            return True
        self._unknown.add(token)
        return False

    def zipf(self, word: str, lexicon: Lexicon | None = None) -> float:
        """Zipf frequency of ``word`` (0.0 when unknown)."""
        return _zipf((lexicon or self.lexicon).frequency(word))

    # -- the analysis ----------------------------------------------------------

    def analyse(
        self,
        token: str,
        *,
        sentence_start: bool = False,
        names: Set[str] = frozenset(),
        repeated: bool = False,
    ) -> Correction | None:
        """Return how ``token`` should be written, or None when it is not words run together.

        ``names`` holds the capitalised words the article uses on their own, in
        lower case (a :class:`TextNames` or a set); ``repeated`` says the token
        itself occurs more than once in the article, which makes a name far
        likelier than the same slip twice.
        """
        closed = self._closed_spelling(token)
        if closed is not None:
            return closed
        if len(token) < 4 or token.isupper() or self.is_fine(token):
            return None
        match = CLITIC_GLUE.match(token)
        if match:
            return self._clitic(match["head"], match["tail"], names)
        match = LOWER_UPPER.match(token)
        if match:
            return self._camel(match["left"], match["right"], names)
        if TITLE.match(token):
            return None if repeated else self._title(token, sentence_start, names)
        # The other shapes do not depend on the article: remember their answers.
        if token in self._context_free:
            return self._context_free[token]
        correction = None
        if any(ch.isdigit() for ch in token):
            correction = self._digits(token)
        elif match := CAPS_LOWER.match(token):
            correction = self._acronym(match["left"], match["right"])
        elif LOWER.match(token):
            correction = self._lower(token)
        self._context_free[token] = correction
        return correction

    def _closed_spelling(self, token: str) -> Correction | None:
        compound = self.compounds.closed_spelling(token)
        if compound is None or not (token.islower() or TITLE.match(token)):
            return None
        if token[0].isupper():
            compound = compound[0].upper() + compound[1:]
        return Correction((compound,), True, "hyphen")

    # -- shapes -----------------------------------------------------------------

    def _word_or_name(self, word: str, names: Set[str]) -> bool:
        return self.lexicon.is_known(word) or word.lower() in names

    def _clitic(self, head: str, tail: str, names: Set[str]) -> Correction | None:
        """ "Moscow’swar" → "Moscow’s war": the ending marks where the first word stops."""
        stem = re.sub(r"(?:n['’]t|['’](?:s|re|ve|ll|d|m))$", "", head)
        head_ok = self.lexicon.is_known(head) or stem[:1].isupper() or stem.lower() in names
        if len(tail) == 1:
            tail_ok = tail in ("a", "I")
        else:
            tail_ok = self._word_or_name(tail, names) and not (
                tail[0].isupper()
                and tail[1:].islower()
                and tail.lower() not in names
                and not self.lexicon.is_known(tail)
            )
        if not (head_ok and tail_ok):
            return None
        return Correction((f"{head} {tail}",), True, "space")

    def _digits(self, token: str) -> Correction | None:
        """ "in2022" → "in 2022", "100days" → "100 days"; "5km", "3pm", "20th" are fine."""
        settings = self.settings
        match = LETTERS_DIGITS.match(token)
        if match:
            letters = match["letters"]
            lower = letters.lower()
            if lower in settings.units or not letters.isalpha():
                return None
            common = self.zipf(lower) >= settings.function_zipf - 1.0 or lower in MONTHS
            if common and (letters.islower() or TITLE.match(letters)):
                return Correction((f"{letters} {match['digits']}",), True, "space")
            return None
        match = DIGITS_LETTERS.match(token)
        if match:
            letters = match["letters"]
            lower = letters.lower()
            if lower in settings.units or not letters.islower() or len(letters) < 3:
                return None
            if self.zipf(lower) < settings.min_part_zipf + 0.5:
                return None
            if lower in settings.hyphen_suffixes:
                return Correction((f"{match['digits']}-{letters}",), True, "hyphen")
            return Correction((f"{match['digits']} {letters}",), True, "space")
        return None

    def _camel(self, left: str, right: str, names: Set[str]) -> Correction | None:
        """ "theKremlin" → "the Kremlin": a lower-case word glued to a capitalised one."""
        left_zipf = self.zipf(left)
        if left_zipf < 4.0:
            return None
        right_stem = re.sub(r"['’]s$", "", right)
        if not (left_zipf >= self.settings.function_zipf or self._word_or_name(right_stem, names)):
            return None
        return Correction((f"{left} {right}",), True, "space")

    def _acronym(self, left: str, right: str) -> Correction | None:
        """ "NATOallies" → "NATO allies", "USbased" → "US-based"."""
        if right in ("ers", "ing", "ed", "es") or not self.lexicon.is_known(right):
            return None
        if right in self.settings.hyphen_suffixes:
            return Correction((f"{left}-{right}",), True, "hyphen")
        return Correction((f"{left} {right}",), True, "space")

    def _title(self, token: str, sentence_start: bool, names: Set[str]) -> Correction | None:
        """A capitalised token: a name unless the evidence for a cut is strong.

        Three kinds of evidence count: the first part is a name the article uses
        on its own or the house dictionary knows ("Shoigusaid"); the token opens
        a sentence and reads as lower-case words run together, starting with a
        function word ("Thewar", "Inthe"); or the rest is a word that follows
        names in news copy ("Kyivsaid").  Short names ("Le", "Ben") and common
        words that start surnames ("Black", "Young") need a following word such
        as "said": "Legrand", "Bento" and "Blackwell" are names.
        """
        best: list[tuple[list[str], float]] = []
        for reading in self._title_readings(token):
            first = reading.parts[0].lower()
            if first in self.house or first in names:
                if reading.as_name:
                    best.append((reading.parts, reading.score))
            elif (sentence_start and reading.as_opening) or reading.as_follower:
                best.append((reading.parts, reading.score))
        return self._decide(best)

    def _title_readings(self, token: str) -> list[_TitleReading]:
        """Every cut of a capitalised token and what would make it count (cached per token).

        Every reading has two parts: a name or opening word, then a word (no
        reading of three parts can count).  A first part that is not a word is
        kept in case the article uses it as a name ("Shoigu" + "said"); it scores
        as a house word would (:data:`EXTRA_WORD_FREQUENCY`).
        """
        readings = self._title_cache.get(token)
        if readings is not None:
            return readings
        settings, lexicon = self.settings, self.lexicon
        readings = []
        # Only two-part cuts can count (see _title), so one pass over the cut points does.
        for cut in range(2, len(token) - 1):
            first, rest = token[:cut], token[cut:]
            if len(rest) < 2 or not self._part_ok(rest):
                continue
            rest_frequency = lexicon.frequency(rest)
            first_frequency = lexicon.frequency(first) or EXTRA_WORD_FREQUENCY  # a name, if anything
            score = math.log10(first_frequency) + math.log10(rest_frequency) - 1.0
            first_zipf = self.zipf(first)
            follower = rest in settings.name_followers
            very_common = self.zipf(rest) >= settings.function_zipf + 0.3
            combining = rest in settings.hyphen_suffixes  # "Paris-based"
            as_name = follower or (
                len(first) > 3 and (first_zipf < settings.common_zipf or very_common or combining)
            )
            as_opening = (
                first_zipf > 0
                and self._opens_sentence(first.lower(), [rest])
                and self._lower_parts_ok([first.lower(), rest])
                and score >= self.score_floor(len(token))
            )
            as_follower = (
                follower and len(first) >= 3 and settings.min_part_zipf <= first_zipf < settings.function_zipf
            )
            if as_name or as_opening or as_follower:
                readings.append(_TitleReading([first, rest], score, as_name, as_opening, as_follower))
        if len(self._title_cache) > 100_000:
            self._title_cache.clear()
        self._title_cache[token] = readings
        return readings

    def _opens_sentence(self, first: str, rest: list[str]) -> bool:
        """True for "In" + "the", "The" + a content word, "It" + "is": glued sentence openings."""
        if len(rest) != 1:
            return False
        second = rest[0]
        if second == "the":
            return self.zipf(first) >= self.settings.function_zipf
        if first in DETERMINERS:
            return 4.0 <= self.zipf(second) < self.settings.function_zipf
        return first in PRONOUNS and second in VERBS_AFTER_PRONOUNS

    def _is_derived(self, token: str) -> bool:
        """True for a regular form of a known word, or a word with a closing prefix or ending.

        "wartimes" (wartime), "withholder" (withhold), "paintable" (paint + -able),
        "autosome" (auto- + word): words the lexicon lacks, not words run together.
        """
        settings = self.settings
        lexicon = self.lexicon
        for ending in INFLECTIONS:
            if not token.endswith(ending) or len(token) - len(ending) < 3:
                continue
            stem = token[: -len(ending)]
            stems = [stem]
            if ending in ("ed", "er", "ers", "ing"):
                stems.append(stem + "e")  # "outpaced" ← "outpace"
                if stem[-1] == stem[-2]:
                    stems.append(stem[:-1])  # "devilled" ← "devil"
            if any(lexicon.is_known(s) for s in stems):
                return True
        # A prefix or ending with a known word, unless the word is a top function word
        # ("overthe", "upto" are "over the", "up to").
        ceiling = settings.function_zipf + 0.5
        for cut in range(2, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if head in settings.closed_prefixes and lexicon.is_known(tail) and self.zipf(tail) < ceiling:
                return True
            if tail in settings.closed_suffixes and lexicon.is_known(head) and self.zipf(head) < ceiling:
                return True
        return False

    def _lower(self, token: str) -> Correction | None:
        """A lower-case token: the likeliest cut, when it is likely enough."""
        settings = self.settings
        if self._is_derived(token):
            return None
        best: list[tuple[list[str], float]] = []
        for parts, score in self.lexicon.split_candidates(token, max_words=3, limit=8):
            if score < settings.min_score - 2.0:
                break
            if self._lower_parts_ok(parts):
                best.append((parts, score))
        if not best:
            return None
        structural = len(best[0][0]) == 2 and self._joins_with_hyphen(*best[0][0])
        if best[0][1] < (settings.min_score if structural else self.score_floor(len(token))):
            return None
        correction = self._decide(best)
        if correction is not None and correction.kind == "space" and best[0][1] < settings.certain_score:
            correction = Correction(correction.suggestions, False, correction.kind)
        return correction

    def score_floor(self, length: int) -> float:
        """Lowest score a split of a lower-case token of ``length`` letters needs.

        -6.2 for 4 letters ("alot" -6.0 passes, "heme" is borderline), -7.3 for 6,
        -8.4 for 8, and ``min_score`` (-10) from 11 letters on.
        """
        return max(self.settings.min_score, -4.0 - 0.55 * length)

    def _part_ok(self, part: str) -> bool:
        settings = self.settings
        if len(part) == 1:
            return part in ("a", "I")
        if len(part) == 2:
            floor = settings.min_two_letter_zipf
        elif len(part) == 3:
            floor = settings.min_short_part_zipf
        else:
            floor = settings.min_part_zipf
        return self.zipf(part) >= floor

    def _lower_parts_ok(self, parts: list[str]) -> bool:
        """True when ``parts`` read as words run together, not as a closed compound."""
        settings = self.settings
        if not all(self._part_ok(p) for p in parts):
            return False
        first, last = parts[0], parts[-1]
        function = settings.function_zipf
        if last == "a" and self.zipf(parts[-2]) < function:
            return False  # "tapa", "mansa": an article ends a glued pair only after "as", "is", "of"...
        if first == "a" and self.zipf(parts[1]) < 5.0:
            return False  # "aweary", "ahorse": the a- prefix, not the article
        if any(
            previous == "a" and self.zipf(part) >= function + 0.5
            for previous, part in itertools.pairwise(parts)
        ):
            return False  # "she a the": the article never comes before "the", "of", "and"
        for previous, part in itertools.pairwise(parts):
            if part.endswith("ly") and self.zipf(previous) >= function:
                return False  # "insincerely", "indiscreetly": a preposition does not take an adverb
            if previous == "in" and part.endswith(ADJECTIVE_ENDINGS):
                return False  # "inexpressive", "incorrupt": the negative prefix
        if last in PARTICLES and self.zipf(parts[-2]) < function:
            return False  # "takedown", "rollout": verb-particle nouns close up
        if first in settings.closed_prefixes and self.zipf(parts[1]) < function:
            return False  # "cyberattack", "multiyear": prefixes close up
        return not (last in settings.closed_suffixes and self.zipf(first) < function + 0.5)

    def _joins_with_hyphen(self, first: str, second: str) -> bool:
        """True when ``first`` and ``second`` make a hyphenated compound ("so-called", "tax-free")."""
        if first.lower() in self.settings.hyphen_suffixes:
            return False
        after_content = self.zipf(first) < self.settings.function_zipf
        if second.lower() in self.settings.hyphen_suffixes and after_content:
            return True
        both_function = not after_content and self.zipf(second) >= self.settings.function_zipf
        return self.compounds.is_hyphenated(first, second) and not both_function

    # -- choosing between cuts and between a hyphen and a space -------------------

    def _render(self, parts: list[str]) -> tuple[str, str, bool]:
        """Join ``parts`` with hyphens or spaces; return ``(text, kind, ambiguous)``."""
        out = parts[0]
        kind = "space"
        ambiguous = False
        for previous, part in itertools.pairwise(parts):
            lower = part.lower()
            if self._joins_with_hyphen(previous, part):
                # "so-called", "well-known", "Moscow-based"; but "would be", "has been" are
                # phrases, not "would-be", "has-been", when both parts are function words.
                out += "-" + part
                kind = "hyphen"
                if lower in PARTICLES:
                    ambiguous = True  # "run-up" (noun) or "run up" (verb)
            else:
                out += " " + part
        return out, kind, ambiguous

    def _decide(self, scored: list[tuple[list[str], float]]) -> Correction | None:
        if not scored:
            return None
        scored.sort(key=lambda item: -item[1])
        suggestions: list[str] = []
        kind = "space"
        ambiguous = False
        for index, (parts, _) in enumerate(scored[:3]):
            text, part_kind, part_ambiguous = self._render(parts)
            if index == 0:
                kind, ambiguous = part_kind, part_ambiguous
                if part_ambiguous:
                    suggestions.append(text)
                    text = " ".join(parts)
            if text not in suggestions:
                suggestions.append(text)
        close_second = len(scored) > 1 and scored[0][1] - scored[1][1] < self.settings.margin
        return Correction(tuple(suggestions), not (ambiguous or close_second), kind)

    # -- broken hyphenation -----------------------------------------------------

    def join_broken(self, first: str, second: str, names: Set[str] = frozenset()) -> Correction | None:
        """Read "communi- cations" (``first``, ``second``): the joined word, the compound, or neither.

        The hyphen was a line-end hyphen when the joined form is the word
        ("communications"); it belongs to the word when the hyphenated
        compound is the word ("anti-war", "long-term", "pro-Russian").
        Suspended hyphens ("pre- and post-war") and dash-like hyphens
        between function words ("left- she") are not read at all.
        """
        settings = self.settings
        joined, hyphenated = first + second, f"{first}-{second}"
        if second.lower() in settings.suspended_followers:
            return None
        if second[0].isupper():
            return Correction((hyphenated,), True, "hyphen")  # "pro- Russian", "Baden- Württemberg"
        joined_known = self.lexicon.is_known(joined) or joined.lower() in names
        first_ok = (
            len(first) == 1
            or not first.isalpha()
            or first.lower() in settings.closed_prefixes
            or self.lexicon.is_known(first)
        )
        second_ok = self.lexicon.is_known(second)
        if joined_known and not (first_ok and second_ok):
            return Correction((joined,), True, "joined")
        if first_ok and second_ok and not joined_known:
            if max(self.zipf(first), self.zipf(second)) >= settings.function_zipf:
                return None  # "left- she": a dash typed as a hyphen, not hyphenation
            return Correction((hyphenated,), True, "hyphen")
        if joined_known:
            joined_zipf = self.zipf(joined)
            if self.compounds.is_hyphenated(first, second) and joined_zipf < 4.0:
                return Correction((hyphenated,), True, "hyphen")  # "long- term", "cease- fire"
            if joined_zipf >= 4.0:
                return Correction((joined,), True, "joined")  # "some- thing", "in- formation"
            if joined_zipf < 3.0:
                return Correction((hyphenated,), True, "hyphen")  # "anti- war", "pre- war"
            ordered = (joined, hyphenated) if joined_zipf >= 3.5 else (hyphenated, joined)
            return Correction(ordered, False, "joined" if joined_zipf >= 3.5 else "hyphen")
        return Correction((joined, hyphenated), False, "joined")  # a name or a rare word broken in two
