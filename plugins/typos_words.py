"""Words of an article as the typos rules see them, and the spelling judgements on them.

:func:`scan_words` cuts the story paragraphs into words and says which of them
a spell checker may look at: lower-case words ("goverment") and capitalised
ones ("Febuary", "Shoigu").  Acronyms ("NATO", "U.S."), words with capitals
inside ("iPhone", "McConnell"), words with digits ("1st", "COVID-19"),
non-English letters, URLs, e-mail addresses, handles and hashtags are left
alone.  A hyphenated word is judged part by part.

:class:`Speller` decides whether one word is misspelt, using the shared
lexicon (:mod:`newslint.lexicon`) plus the house dictionary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from itertools import filterfalse
from pathlib import Path

from newslint.lexicon import Lexicon, osa_distance, typo_cost
from newslint.model import Article, Paragraph

# A run of letters and digits, with apostrophes, hyphens and periods inside it
# ("didn’t", "so-called", "U.S", "e-mail").  A trailing period is not taken.
TOKEN = re.compile(r"\w+(?:['’.\-]\w+)*")
FIRST_LETTER = re.compile(r"[^\W\d_]")
SKIP_CHARS = re.compile(r"[\d_]")
ASCII_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
CLITIC = re.compile(r"['’](?:s|re|ve|ll|d|m)$", re.IGNORECASE)

LOWER = "lower"
MAX_WORD_LENGTH = 30
TITLE = "title"

# Abbreviated titles before a name ("Gen. Milley"): the next word is a name.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "rev",
        "prof",
        "cmdr",
        "cpl",
        "pvt",
        "sgt",
        "st",
        "pres",
        "amb",
        "supt",
        "det",
    ]
)


class Word:
    """One word (or one part of a hyphenated word) of the story text."""

    __slots__ = (
        "after_title",
        "base",
        "end",
        "in_heading",
        "index",
        "kind",
        "sentence_initial",
        "start",
        "text",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        sentence_initial: bool = False,
        after_title: bool = False,
        in_heading: bool = False,
        index: int = 0,
        base: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind  # LOWER, TITLE, or "" for words the spelling rules leave alone
        self.sentence_initial = sentence_initial
        self.after_title = after_title  # right after "Gen.", "Mr." ...
        self.in_heading = in_heading  # in a headline or subheadline
        self.index = index  # position in the list of all words
        # The word without a possessive or contraction ending ("Shoigu’s" → "Shoigu").
        self.base = base or _base(text)

    def __repr__(self) -> str:
        return f"Word({self.start}, {self.end}, {self.text!r}, {self.kind!r})"


def _base(text: str) -> str:
    if "'" not in text and "’" not in text:
        return text
    match = CLITIC.search(text)
    if match and match.start() > 1:
        return text[: match.start()]
    if text.endswith(("s'", "s’")):
        return text[:-1]
    return text


def _kind(part: str) -> str:
    """LOWER for "goverment", TITLE for "Febuary", "" for "NATO", "iPhone", "1st", "café"."""
    if len(part) > MAX_WORD_LENGTH or not ASCII_WORD.fullmatch(part):
        return ""  # no English word is longer: a code, a run of letters, hostile text
    letters = part.replace("'", "").replace("’", "")
    if letters.islower():
        return LOWER
    if letters[0].isupper() and (len(letters) == 1 or letters[1:].islower()):
        # "O’Brien" has a capital after the apostrophe: a name; leave it alone.
        return TITLE
    return ""


_SHAPES: dict[str, tuple[tuple[int, str, str, str], ...]] = {}


def _shape(token: str) -> tuple[tuple[int, str, str, str], ...]:
    """The judgeable pieces of a token: ``(offset, text, kind, base)`` for each word part (cached)."""
    pieces: list[tuple[int, str, str, str]] = []
    if "." not in token and token.replace("’", "").isascii() and not SKIP_CHARS.search(token):
        offset = 0
        name_parts = False
        for index, part in enumerate(token.split("-")):
            kind = _kind(part) if part else ""
            if index == 0 and kind == TITLE and "-" in token:
                name_parts = True  # "Ching-te", "Bi-khim": the parts after a capital are a name's
            elif name_parts and kind == LOWER:
                kind = ""
            if kind:
                pieces.append((offset, part, kind, _base(part)))
            offset += len(part) + 1
    if len(_SHAPES) > 200_000:
        _SHAPES.clear()
    shape = _SHAPES[token] = tuple(pieces)
    return shape


_PIECES: dict[str, tuple[tuple[int, str, tuple[tuple[int, str, str, str], ...]], ...]] = {}


def _piece_tokens(piece: str) -> tuple[tuple[int, str, tuple[tuple[int, str, str, str], ...]], ...]:
    """The judgeable tokens of a run of text without white space: ``(offset, token, shape)`` each (cached).

    ``TOKEN`` has no look-around, so a piece's tokens do not depend on the text around it.
    """
    found = []
    for match in TOKEN.finditer(piece):
        token = match.group()
        shape = _SHAPES.get(token)
        if shape is None:
            shape = _shape(token)
        if shape:
            found.append((match.start(), token, shape))
    if len(_PIECES) > 200_000:
        _PIECES.clear()
    tokens = _PIECES[piece] = tuple(found)
    return tokens


def scan_words(
    article: Article,
    fine: Container[str] = frozenset(),
    quiet_initial: Container[str] = frozenset(),
    paragraph_texts: list[str] | None = None,
) -> list[Word]:
    """Return the words of the headline and body paragraphs the typos rules may judge, in order.

    Left out: tokens in ``fine`` (lower-case words already found correct;
    most of any article), tokens in ``quiet_initial`` that open a sentence
    (capitalised common words that no rule needs there: "The", "Officials"),
    and words no spelling rule judges (acronyms, words with digits or
    capitals inside, URLs and the like).  Rules that look at a word's
    neighbours check that only spaces separate them.

    For speed the story paragraphs are joined with single spaces and cut at
    white space once (no token spans white space), the pieces that are fine
    words are dropped in one pass, and the tokens of the other pieces come
    from a cache.  When ``fine`` is a set, a piece whose every token is fine
    ("said,", "2024.") is added to it, so that later articles drop it in that
    first pass too: ``fine`` only grows (or is emptied), so the piece stays
    one that gives no word.  ``paragraph_texts`` may give the story
    paragraphs' texts, if the caller has them.
    """
    paragraphs = list(article.story_paragraphs())
    if not paragraphs:
        return []
    text = article.text
    if paragraph_texts is None:
        paragraph_texts = [text[paragraph.start : paragraph.end] for paragraph in paragraphs]
    story = " ".join(paragraph_texts)
    todo = list(filterfalse(fine.__contains__, story.split()))
    if not todo:
        return []
    words: list[Word] = []
    check_protected = bool(article.protected)
    remember = fine.add if isinstance(fine, set) and len(fine) < _CACHE_LIMIT else None
    starts = _first_letters(text, paragraphs)
    # The paragraph the current piece lies in: its index, where it ends in ``story``, how
    # far offsets in ``story`` are from those in ``text``, whether it is a heading, and
    # the index of its first word.
    current = paragraph_end = -1
    shift = first = 0
    heading = False
    position = 0  # in ``story``: where the next piece is looked for
    for piece in todo:
        tokens = _PIECES.get(piece)
        if tokens is None:
            tokens = _piece_tokens(piece)
        piece_start = -1
        judged = False
        for offset_in_piece, token, shape in tokens:
            if token in fine:
                continue
            judged = True
            if piece_start < 0:
                found = story.find(piece, position)
                end = found + len(piece)
                if (
                    found < 0
                    or not (found == 0 or story[found - 1].isspace())
                    or story[end : end + 1].strip()
                ):
                    found = _locate(story, piece, position)  # inside a longer piece: look further
                    end = found + len(piece)
                position = end
                if found >= paragraph_end:
                    while found >= paragraph_end:  # the piece lies in a later paragraph
                        current += 1
                        paragraph = paragraphs[current]
                        paragraph_start = paragraph_end + 1  # after the joining space
                        paragraph_end = paragraph_start + paragraph.end - paragraph.start
                    shift = paragraph.start - paragraph_start
                    heading = paragraph.kind != "body"
                    first = len(words)
                piece_start = found + shift
            start = piece_start + offset_in_piece
            if check_protected and article.is_protected(start, start + len(token)):
                continue
            initial = start in starts
            if initial and token in quiet_initial:
                continue
            # Right after "Gen." only when nothing but ". " lies between.
            after_title = (
                len(words) > first
                and text[words[-1].end : start] in (". ", ".\u00a0")
                and words[-1].text.lower() in TITLES
            )
            for offset, part, kind, base in shape:
                words.append(
                    Word(
                        start + offset,
                        start + offset + len(part),
                        part,
                        kind,
                        initial and offset == 0,
                        after_title and offset == 0,
                        heading,
                        len(words),
                        base,
                    )
                )
        if not judged and remember is not None:
            remember(piece)
    return words


def _locate(story: str, piece: str, position: int) -> int:
    """Offset of the first occurrence of ``piece`` at or after ``position`` with white space (or an end) each side.

    Pieces are looked for in order and every earlier piece equal to
    ``piece`` was looked for before, so that occurrence is the piece's own.
    """
    while True:
        found = story.find(piece, position)
        if found < 0:
            raise LookupError(f"piece {piece!r} not found")  # cannot happen: guards against a hang
        end = found + len(piece)
        if (found == 0 or story[found - 1].isspace()) and (end == len(story) or story[end].isspace()):
            return found
        position = found + 1


def _first_letters(text: str, paragraphs: list[Paragraph]) -> set[int]:
    """Offsets of the first letter of each sentence of ``paragraphs`` (and after each dateline)."""
    starts = set()
    for paragraph in paragraphs:
        for sentence in paragraph.sentences:
            if sentence.start < sentence.end and text[sentence.start].isalpha():
                starts.add(sentence.start)  # the usual case, without a search
                continue
            first = FIRST_LETTER.search(text, sentence.start, sentence.end)
            if first:
                starts.add(first.start())
        if paragraph.dateline is not None:
            first = FIRST_LETTER.search(text, paragraph.dateline.end, paragraph.end)
            if first:
                starts.add(first.start())
    return starts


@dataclass(frozen=True)
class Verdict:
    """What is wrong with a word: the rule, a message, suggestions, and a fix if certain."""

    rule: str
    message: str
    suggestions: tuple[str, ...]
    fix: str | None = None


MISSPELLING = "typos.misspelling"

# A one-edit slip that turns a common word into an unknown capitalised one.
_COMMON_ZIPF = 3.0
# Capitalised words this long may have a doubled letter misplaced ("Phillipines").
_LONG_NAME = 9
# Words remembered per run before the caches start again.
_CACHE_LIMIT = 300_000
# A lower-case unknown word whose best suggestion scores worse than this is
# more likely a word the list lacks ("derecho", "kippah") than a slip.
_MAX_SCORE = 11.0
# Splits the spacing plugin may report: lowest score, and lowest Zipf of a part by length.
_SPLIT_FLOOR = -10.0
_PART_ZIPF = {2: 6.0, 3: 4.0, 0: 3.0}
# Score gap (in log10 units of likelihood) that makes the best suggestion certain.
_DOMINANCE = 3.0
# Stands for "not judged yet" in the verdict caches, where None means "fine".
_UNJUDGED = Verdict("", "", ())


def _edit_shape(typed: str, intended: str) -> tuple[str, int]:
    """Classify a one-edit difference: ("transpose"|"insert"|"delete"|"substitute", position)."""
    n, m = len(typed), len(intended)
    i = 0
    while i < min(n, m) and typed[i] == intended[i]:
        i += 1
    if n == m:
        if i + 1 < n and typed[i] == intended[i + 1] and typed[i + 1] == intended[i]:
            return "transpose", i
        return "substitute", i
    return ("insert" if n > m else "delete"), i


def _doubling(word: str, position: int) -> bool:
    """True when the letter at ``position`` of ``word`` has the same letter beside it."""
    ch = word[position]
    return (position > 0 and word[position - 1] == ch) or (
        position + 1 < len(word) and word[position + 1] == ch
    )


def plausible_slip(typed: str, intended: str, zipf: float) -> bool:
    """True when ``typed`` (an unknown capitalised word) is a typing slip of the common word ``intended``.

    Names are often one letter away from a common word or another name
    ("Milley"/"miller", "Sunak"/"sunk", "Odesa"/"odessa", "Kraemer"/"Kramer",
    "Ahn"/"Han"), so only slips that names rarely show count: two letters
    swapped in a word of six letters or more ("Amercian", "Wendesday") or in
    a very common short word ("Teh", Zipf ``zipf`` 5.5 or more); in a word of
    seven letters or more a letter dropped or added inside the word, not a
    doubled one ("Febuary", "Pentagaon"); in a word of eight letters or more
    a wrong letter inside the word ("Palistinian").
    """
    shape, position = _edit_shape(typed, intended)
    if shape == "transpose":
        return len(intended) >= 6 or zipf >= 5.5
    if shape == "delete":
        return len(intended) >= 7 and 0 < position < len(intended) - 1 and not _doubling(intended, position)
    if shape == "insert":
        return len(intended) >= 7 and 0 < position < len(typed) - 1 and not _doubling(typed, position)
    return len(intended) >= 8 and 0 < position < len(intended) - 1


class Speller:
    """Spelling judgements on single words, cached for the run.

    ``lexicon`` already holds the house dictionary's accepted words.
    ``dialects`` knows the other dialect's spellings: they are never taken
    for misspellings, and with ``flag_dialect`` they are flagged with the
    house spelling.  ``known_misspellings`` maps common misspellings that the
    word list happens to accept ("millenium") to their correction.  Words
    are given without a possessive or contraction ending ("Moscow", not
    "Moscow’s").
    """

    def __init__(
        self,
        lexicon: Lexicon,
        dialects: Dialects,
        *,
        flag_dialect: bool = False,
        max_suggestions: int = 5,
        known_misspellings: dict[str, str] | None = None,
        closed_prefixes: Iterable[str] = (),
        closed_suffixes: Iterable[str] = (),
    ) -> None:
        self.lexicon = lexicon
        self.dialects = dialects
        self.flag_dialect = flag_dialect
        self.max_suggestions = max_suggestions
        self.known_misspellings = known_misspellings or {}
        self.closed_prefixes = tuple(p.lower() for p in closed_prefixes if len(p) > 2)
        self.closed_suffixes = tuple(x.lower() for x in closed_suffixes if len(x) > 2)
        self.fine: set[str] = set()  # lower-case tokens found correct: skipped by scan_words
        self.quiet_initial: set[str] = set()  # capitalised tokens scan_words skips at a sentence start
        self._known: dict[str, bool] = {}
        self._lower: dict[str, Verdict | None] = {}
        self._title: dict[str, Verdict | None] = {}
        self._suggestions: dict[tuple[str, int, int], list[tuple[float, str]]] = {}
        self._zipf: dict[str, float] = {}

    # -- helpers -------------------------------------------------------------

    def _forget(self) -> None:
        """Empty the caches (a run over a huge archive keeps memory bounded)."""
        caches = (
            self.fine,
            self.quiet_initial,
            self._known,
            self._lower,
            self._title,
            self._suggestions,
            self._zipf,
        )
        for cache in caches:
            cache.clear()

    def zipf(self, word: str) -> float:
        """The lexicon's Zipf score of ``word`` (:meth:`Lexicon.zipf`), cached."""
        answer = self._zipf.get(word)
        if answer is None:
            if len(self._zipf) > _CACHE_LIMIT:
                self._zipf.clear()
            answer = self._zipf[word] = self.lexicon.zipf(word)
        return answer

    def known(self, word: str) -> bool:
        """True for a known word, house word or regular inflection of one (cached)."""
        answer = self._known.get(word)
        if answer is None:
            lex = self.lexicon
            low = word.lower().replace("’", "'")
            answer = lex.is_known(word) or lex.known_stem(low) is not None
            self._known[word] = answer
        return answer

    def looks_glued(self, word: str) -> bool:
        """True when ``word`` splits into words run together, which the spacing plugin reports.

        One problem gets one finding, so a token the glued-words rule may flag
        ("socalled", "hadto", "Moscow’swar") gets none from typos.  The test
        mirrors that rule's: a cut into two or three words, each common enough
        for its length (Zipf 3 and more; 4 for three letters, 6 for two, "a"
        and "I" alone), whose score (:meth:`Lexicon.split_candidates`) reaches
        ``-4 - 0.55 * len(word)``, and -10 at most.  "acheive" ("ache" +
        "ive") and "alledged" ("all" + "edged", too unlikely) stay misspellings.
        """
        floor = max(_SPLIT_FLOOR, -4.0 - 0.55 * len(word))
        lower = word.lower()
        if self.lexicon.known_stem(lower) is not None:
            return False  # "lockdowns": a form of a known word
        if any(lower.startswith(p) for p in self.closed_prefixes) or lower.endswith(self.closed_suffixes):
            return False  # "cyberattack", "accessable": read as a compound, not as two words
        for parts, score in self.lexicon.split_candidates(word, max_words=3, limit=8):
            if score < floor:
                return False
            if parts[0].lower() == "a" and self.lexicon.zipf(parts[1]) < 5.0:
                continue  # "atempting": the a- of a word, not the article
            if all(self._part_ok(part) for part in parts):
                return True
        return False

    def _part_ok(self, part: str) -> bool:
        """True for a part of a split common enough for its length to stand as a word."""
        if len(part) == 1:
            return part in ("a", "I")
        floor = _PART_ZIPF.get(len(part), _PART_ZIPF[0])
        return self.lexicon.zipf(part) >= floor

    def _scored(self, typed: str, limit: int, max_edits: int = 2) -> list[tuple[float, str]]:
        """Suggestions with their score (:meth:`Lexicon.suggest_scored`; lower is likelier), cached."""
        key = (typed, limit, max_edits)
        cached = self._suggestions.get(key)
        if cached is None:
            scored = self.lexicon.suggest_scored(typed, max_edits=max_edits, limit=limit)
            cached = self._suggestions[key] = [(score, suggestion) for suggestion, score in scored]
        return cached

    def _listed(self, word: str) -> Verdict | None:
        """A verdict from the tables: a known misspelling or (when asked for) the other dialect."""
        low = word.lower()
        correction = self.known_misspellings.get(low)
        if correction is not None:
            correction = _like(correction, word)
            return Verdict(
                MISSPELLING, f"“{word}” is a common misspelling of “{correction}”", (correction,), correction
            )
        if self.flag_dialect:
            house = self.dialects.flaggable.get(low.replace("’", "'"))
            if house is not None:
                house = _like(house, word)
                return Verdict(
                    MISSPELLING,
                    f"“{word}” is {self.dialects.other_name} spelling; this copy is {self.dialects.language}: “{house}”",
                    (house,),
                    house,
                )
        return None

    # -- lower-case words ------------------------------------------------------

    def check_lower(self, word: str) -> Verdict | None:
        """Judge a lower-case word: None when it is fine (or belongs to another rule)."""
        verdict = self._lower.get(word, _UNJUDGED)
        if verdict is not _UNJUDGED:
            return verdict
        if len(self._lower) > _CACHE_LIMIT:
            self._forget()
        verdict = self._judge_lower(word)
        self._lower[word] = verdict
        return verdict

    def _judge_lower(self, word: str) -> Verdict | None:
        listed = self._listed(word)
        if listed is not None or len(word) < 3 or self.known(word):
            return listed  # two letters: an abbreviation or unit more often than a slip
        if self.looks_glued(word):
            return None  # the spacing plugin's: asked first, as it is far cheaper than suggestions
        scored = self._scored(word, limit=max(self.max_suggestions, 2))
        if not scored or scored[0][0] > _MAX_SCORE:
            return None  # nothing likely within two edits: a word the list lacks, not a slip
        if self.dialects.is_other(word):
            return None  # "manoeuvred" in en-US copy: the other dialect, flagged only on request
        suggestions = tuple(s for _, s in scored[: self.max_suggestions])
        fix = suggestions[0] if self._dominant(word, scored) else None
        return Verdict(
            MISSPELLING, f"unknown word “{word}”: did you mean “{suggestions[0]}”?", suggestions, fix
        )

    def _dominant(self, typed: str, scored: list[tuple[float, str]]) -> bool:
        """True when the best suggestion is the only sensible one (the fix is certain)."""
        best_score, best = scored[0]
        if osa_distance(typed.lower(), best.lower()) > 1:
            return False
        if len(scored) == 1:
            return True
        return scored[1][0] - best_score >= _DOMINANCE

    # -- capitalised words -----------------------------------------------------

    def check_title(self, word: str) -> Verdict | None:
        """Judge a capitalised word: flagged only as a slip of a common word ("Febuary").

        An unknown capitalised word is usually a name, so it is flagged only
        when one edit of the kind names rarely show (see
        :func:`plausible_slip`) turns it into a common word.
        """
        verdict = self._title.get(word, _UNJUDGED)
        if verdict is not _UNJUDGED:
            return verdict
        if len(self._title) > _CACHE_LIMIT:
            self._forget()
        verdict = self._judge_title(word)
        self._title[word] = verdict
        return verdict

    def _judge_title(self, word: str) -> Verdict | None:
        listed = self._listed(word)
        if listed is not None or len(word) < 3 or self.known(word):
            return listed
        typed = word.lower()
        best: tuple[float, str] | None = None
        for score, suggestion in self._scored(typed, limit=10, max_edits=1):
            intended = suggestion.lower()
            zipf = self.lexicon.zipf(intended)
            if zipf < _COMMON_ZIPF:
                continue
            if plausible_slip(typed, intended, zipf) and (best is None or score < best[0]):
                best = (score, suggestion)
        if best is None and len(typed) >= _LONG_NAME:
            best = self._doubling_slip(typed)
        if best is None or self.looks_glued(word) or self.dialects.is_other(word):
            return None
        suggestion = _like(best[1], word)
        return Verdict(
            MISSPELLING, f"“{word}” looks like a misspelling of “{suggestion}”", (suggestion,), suggestion
        )

    def _doubling_slip(self, typed: str) -> tuple[float, str] | None:
        """The common word ``typed`` becomes when one or two letters are doubled or undoubled.

        For long words only ("Massachussets", "Phillipines", "Carribean"):
        a doubled letter in the wrong place is the commonest slip in them.
        """
        best: tuple[float, str] | None = None
        for variant in doubling_variants(typed, 2):
            frequency = self.lexicon.frequency(variant)
            if frequency and self.lexicon.zipf(variant) >= _COMMON_ZIPF:
                score = 2.5 * typo_cost(typed, variant) - math.log10(frequency)
                if best is None or score < best[0]:
                    best = (score, variant)
        return best


def doubling_variants(word: str, steps: int) -> set[str]:
    """Spellings of ``word`` with up to ``steps`` letters doubled or undoubled."""
    found: set[str] = set()
    frontier = {word}
    for _ in range(steps):
        following: set[str] = set()
        for current in frontier:
            for i, ch in enumerate(current):
                if not ch.isalpha():
                    continue
                if i + 1 < len(current) and current[i + 1] == ch:
                    following.add(current[:i] + current[i + 1 :])
                else:
                    following.add(current[: i + 1] + current[i:])
        following.discard(word)
        found |= following
        frontier = following
    return found


def _like(suggestion: str, typed: str) -> str:
    """Give ``suggestion`` the capital first letter of ``typed``, if it has one."""
    if typed[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


# -- American and British spellings ---------------------------------------------

DIALECT_FILE = "typos_dialects.txt"
DIALECT_NAMES = {"en-US": "American", "en-GB": "British"}
_SUFFIXES = (
    "s",
    "ed",
    "ing",
    "er",
    "ers",
    "ful",
    "fully",
    "less",
    "able",
    "ably",
    "ation",
    "ations",
    "al",
    "ally",
    "ite",
    "ites",
    "hood",
    "hoods",
    "ly",
    "ism",
    "ist",
    "ists",
    "ic",
    "ical",
)


def _inflect(word: str, suffix: str) -> str:
    """Add a suffix by the regular spelling rules ("centre" + "ed" → "centred")."""
    if suffix == "s":
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            return word[:-1] + "ies"
        return word + "s"
    if word.endswith("e") and suffix[0] in "aeiou":
        return word[:-1] + suffix
    return word + suffix


@dataclass(frozen=True)
class DialectPair:
    """One American/British pair and whether each side may be flagged."""

    american: str
    british: str
    flag_in_gb: bool  # False for -ize words and for American spellings that are also British


def parse_dialect_table(text: str) -> list[tuple[str, str, frozenset[str]]]:
    """Parse the dialect table: ``(american, british, tags)`` for each line."""
    rows = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            american, british, *tags = line.split()
            rows.append((american, british, frozenset(tags)))
    return rows


def derive_pairs(rows: list[tuple[str, str, frozenset[str]]], lexicon: Lexicon) -> list[DialectPair]:
    """Each row's pair plus the inflections the word list knows on both sides (colors/colours, ...)."""
    pairs: list[DialectPair] = []
    for american, british, tags in rows:
        flag_in_gb = "ize" not in tags and "one-way" not in tags
        pairs.append(DialectPair(american, british, flag_in_gb))
        if "exact" in tags:
            continue
        for suffix in _SUFFIXES:
            us, gb = _inflect(american, suffix), _inflect(british, suffix)
            if us != gb and lexicon.is_known(us) and lexicon.is_known(gb):
                pairs.append(DialectPair(us, gb, flag_in_gb))
    return pairs


class Dialects:
    """The other dialect's spellings for one language, read on first use.

    :meth:`is_other` answers for one word without building the whole table
    (cheap: it runs only for words about to be flagged); :attr:`flaggable`
    builds the table, for desks that flag the other dialect.
    """

    def __init__(self, lexicon: Lexicon, language: str) -> None:
        self.lexicon = lexicon
        self.language = language if language in DIALECT_NAMES else "en-US"
        self.other_name = DIALECT_NAMES["en-GB" if self.language == "en-US" else "en-US"]
        self._rows: list[tuple[str, str, frozenset[str]]] | None = None
        self._flaggable: dict[str, str] | None = None

    def _table(self) -> list[tuple[str, str, frozenset[str]]]:
        if self._rows is None:
            text = (Path(__file__).parent / "data" / DIALECT_FILE).read_text(encoding="utf-8")
            self._rows = parse_dialect_table(text)
        return self._rows

    def _sides(self, american: str, british: str) -> tuple[str, str]:
        """``(other, house)`` spelling of a pair for this language."""
        return (american, british) if self.language == "en-GB" else (british, american)

    def is_other(self, word: str) -> bool:
        """True when ``word`` is the other dialect's spelling of a word the list knows ("colours")."""
        low = word.lower()
        for american, british, tags in self._table():
            other, house = self._sides(american, british)
            if low[:3] != other[:3]:
                continue
            if low == other:
                return True
            if "exact" in tags:
                continue
            for suffix in _SUFFIXES:
                if _inflect(other, suffix) == low:
                    return self.lexicon.is_known(_inflect(house, suffix))
        return False

    @property
    def flaggable(self) -> dict[str, str]:
        """Other-dialect spellings that may be flagged, each mapped to the house spelling.

        In en-GB copy the -ize words and American spellings that are also
        British ("program", "check") are left out.
        """
        if self._flaggable is None:
            table: dict[str, str] = {}
            for pair in derive_pairs(self._table(), self.lexicon):
                if self.language == "en-GB":
                    if pair.flag_in_gb:
                        table[pair.american] = pair.british
                else:
                    table[pair.british] = pair.american
            self._flaggable = table
        return self._flaggable
