"""Find the people in an article and every reference to each of them.

A *mention* is a run of capitalised words that names someone: a full name
("Ruth K. Amsel", "Rafael de la Cruz", "Harold T. Jefferson Jr."), with
or without a title or description before it ("U.S. Trade Secretary Alan
Forde"), or a last name alone, with or without a title ("Gen. Halvorsen",
"Mr. Okafor", "Okafor").  :func:`find_mentions` reads them off the story
paragraphs with one regular-expression pass; :func:`resolve` groups the full
names into people and attaches each last-name reference to its person.

The byline is not a story paragraph, so it never introduces anyone.
Headline and subheadline mentions are kept (marked ``display``) but never
introduce a person or count as a reference.  Runs of capitalised words that
end like an organisation or a place ("Defense Department", "Fort Bragg"),
and last names used as places ("in Washington", "Austin, Texas") are not
people.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter

from newslint_plugins.honorifics_titles import Lexicon, Title, normalise_phrase

from newslint.model import Article, Paragraph
from newslint.structure import char_positions

CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
DETERMINERS = frozenset({"a", "an", "the", "this", "another", "every", "each"})
HYPHEN_PREFIXES = frozenset({"then", "ex", "former"})
MAX_NAME_WORDS = 4


@dataclass(slots=True)
class Token:
    """One word of a run of capitalised words."""

    text: str
    start: int
    end: int
    lower: str
    capital: bool
    particle: bool
    initial: bool
    acronym: bool
    compound: bool


@dataclass
class Mention:
    """One reference to a person.

    Offsets are into ``article.text``.  ``descriptor_start`` <= ``article_start``
    <= ``title_start`` <= ``name_start`` <= ``surname_start`` < ``surname_end``
    <= ``end``; without a title, the title offsets equal ``name_start``.
    ``end`` includes a suffix ("Jr."), never a possessive ("’s").
    """

    descriptor_start: int
    article_start: int
    title_start: int
    title_end: int
    name_start: int
    surname_start: int
    surname_end: int
    end: int
    title: Title | None
    given: tuple[str, ...]
    name_words: tuple[str, ...]
    paragraph: Paragraph
    full: bool = False
    display: bool = False
    quoted: bool = False
    surname_first: bool = False
    person: Person | None = None
    namesakes: list[Person] = field(default_factory=list)
    exempt: bool = False
    lower_title: tuple[int, int, Title] | None = None

    @property
    def key(self) -> str:
        """The last word of the surname, lower case: how references are matched to people."""
        return self.name_words[-1] if self.name_words else ""

    @property
    def start(self) -> int:
        """Where the reference starts: its title (with "the"), or the name."""
        return self.article_start

    @property
    def titled(self) -> bool:
        """True when a title stands directly before the name."""
        return self.title is not None

    def surname(self, text: str) -> str:
        """The last name as written here ("van der Linde", "Ocasio-Cortez")."""
        return text[self.surname_start : self.surname_end]

    def name(self, text: str) -> str:
        """The name as written here, without title ("Wendell Baptiste III", "Baptiste")."""
        return text[self.name_start : self.end]


@dataclass
class Person:
    """Someone introduced by full name, with every reference to them."""

    key: str
    given: tuple[str, ...]
    intro: Mention
    mentions: list[Mention] = field(default_factory=list)
    title: Title | None = None
    exempt: bool = False
    surname_first: bool = False

    def full_name(self, text: str) -> str:
        """The full name as first given ("Renata Halvorsen")."""
        return self.intro.name(text)

    def surname(self, text: str) -> str:
        """The last name as first given."""
        if self.surname_first:
            return self.intro.name(text).split()[0]
        return self.intro.surname(text)


@dataclass
class Cast:
    """The people of an article and the titled references that match no one."""

    people: list[Person]
    by_key: dict[str, list[Person]]
    orphans: dict[str, list[Mention]]
    mentions: list[Mention]

    def namesakes(self, key: str) -> list[Person]:
        """People whose last name (lower case) is ``key``."""
        return self.by_key.get(key, [])


# Patterns -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _upper_class() -> str:
    letters = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())
    return "[" + re.escape(letters) + "]"


SEPARATORS = " \u00a0\n"
"""The characters that may stand between the words of a name (the ``sep`` of the chain pattern)."""


@dataclass(frozen=True)
class _Patterns:
    """The regular expressions that read runs of capitalised words.

    ``chain`` finds runs that start with a capitalised word.  A run may also
    open with lower-case particles ("de la Cruz"); :meth:`_MentionReader._opening`
    finds those before the capitalised word, word by word with ``particle_end``,
    so that ``chain`` starts with a character class and the regex engine can skip
    quickly to the next capital letter.
    """

    chain: re.Pattern[str]
    token: re.Pattern[str]
    particle_end: re.Pattern[str]
    particle_ends: frozenset[str]
    longest_particle: int


@lru_cache(maxsize=4)
def _patterns(particles: frozenset[str], leading: frozenset[str]) -> _Patterns:
    upper = _upper_class()
    word_rest = rf"\w*(?:['’]{upper}\w*)?(?:-\w+)*\.?"
    word = rf"{upper}{word_rest}"
    initials = rf"(?:{upper}\.){{2,4}}"
    token = rf"(?:{initials}|{word})"
    # The first token with the initials and the word alternatives sharing their capital
    # letter, which is checked to start a word only once it has matched.
    first_token = rf"{upper}(?<![\w’'.].)(?:\.(?:{upper}\.){{1,3}}|{word_rest})"
    particle = "(?:" + "|".join(sorted(particles, key=len, reverse=True)) + ")"
    sep = f"[{SEPARATORS}]"
    suffix_sep = r",[ \u00a0](?=(?:Jr|Sr)\.?(?!\w)|I{2,3}(?!\w)|IV(?!\w))"
    chain = rf"{first_token}(?:(?:{sep}|{suffix_sep})(?:{particle}{sep})*{token})*"
    tokens = rf"{initials}|{word}|(?<![\w’'])(?:{particle})(?=\s)"
    either = particles | leading
    return _Patterns(
        chain=re.compile(chain),
        token=re.compile(tokens),
        particle_end=re.compile("(?:" + "|".join(sorted(either, key=len, reverse=True)) + r")\Z"),
        particle_ends=frozenset(w[-1] for w in either if w),
        longest_particle=max((len(w) for w in either), default=0),
    )


# Finding mentions -----------------------------------------------------------------


@dataclass(frozen=True)
class _Tables:
    """Word sets the reader consults, built once per lexicon."""

    particles: frozenset[str]
    leading_particles: frozenset[str]
    stop_left: frozenset[str]
    reject_last: frozenset[str]
    trailing: frozenset[str]
    boundaries: frozenset[str]
    abbreviations: frozenset[str]
    not_name_ends: frozenset[str]
    exception_ends: frozenset[str]
    places_list: re.Pattern[str]
    patterns: _Patterns


def _tables(lexicon: Lexicon) -> _Tables:
    tables = lexicon.derived.get("people")
    if isinstance(tables, _Tables):
        return tables
    words = lexicon.words
    names = words["months_that_are_names"]
    stop_left = (
        words["function_words"]
        | words["days"]
        | words["months"]
        | words["descriptors"]
        | words["organisations"]
        | words["place_prefixes"]
    ) - names
    dotted = (
        {w for title in lexicon.titles for w in title}
        | words["suffixes"]
        | words["place_prefixes"]
        | words["months"]
        | words["descriptors"]
        | words["regions"]
    )
    tables = _Tables(
        particles=words["particles"],
        leading_particles=words["leading_particles"],
        stop_left=frozenset(stop_left),
        reject_last=frozenset(
            words["function_words"] | words["days"] | (words["months"] - names) | words["organisations"]
        ),
        trailing=frozenset(words["function_words"] | words["days"] | (words["months"] - names)),
        boundaries=frozenset(words["function_words"] | words["days"] | words["months"]),
        abbreviations=frozenset(w for w in dotted if w.endswith(".")),
        not_name_ends=frozenset(phrase.split()[-1] for phrase in lexicon.not_names),
        exception_ends=frozenset(phrase.split()[-1] for phrase in lexicon.exceptions),
        places_list=re.compile(
            r"\b(?:" + "|".join(sorted(words["location_words"])) + r")[ \u00a0]"
            r"(?:[A-Z][\w’'.-]*(?:,?[ \u00a0](?:and[ \u00a0]|or[ \u00a0])?))+$"
        ),
        patterns=_patterns(words["particles"], words["leading_particles"]),
    )
    lexicon.derived["people"] = tables
    return tables


CONNECTOR_BEFORE = re.compile(r"([\w.’'-]+) (?:of|for)(?: the)? $")
"""A title and "of" or "for" before a run of capitalised words ("Minister of")."""

NICKNAME = re.compile(
    r"([A-Z](?<![\w’'.][A-Z])[\w’'-]+)[ \u00a0][“\"][A-Z][\w.’' -]{0,30}[”\"][ \u00a0](?=[A-Z][\w’'-])()"
)
"""A given name, a nickname in quotation marks, then the surname: 'Robert "Bobby" Kaminski'.

The look-behind (the given name starts a word) comes after the first capital letter, so
that the regex engine can skip ahead to capital letters."""


class _MentionReader:
    """Reads the mentions in one article.

    Runs of two or more words are parsed at once; a run read before (the same
    words, and the same characters just before and after) is not parsed again.  A
    lone capitalised word ("The", "Friday", "Okafor") is only kept as a
    position: it is parsed later, and only when it matches the last name of
    someone in the article.
    """

    def __init__(self, article: Article, lexicon: Lexicon) -> None:
        self.article = article
        self.text = article.text
        self.lex = lexicon
        tables = _tables(lexicon)
        self.tables = tables
        self.particles = tables.particles
        self.stop_left = tables.stop_left
        self.reject_last = tables.reject_last
        self.boundaries = tables.boundaries
        self.abbreviations = tables.abbreviations
        self.trailing = tables.trailing
        self.suffixes = lexicon.words["suffixes"]
        self.descriptors = lexicon.words["descriptors"]
        self.leading_particles = tables.leading_particles
        self.place_prefixes = lexicon.words["place_prefixes"]
        self.patterns = tables.patterns
        self.chain, self.token = tables.patterns.chain, tables.patterns.token
        self.singles: list[tuple[str, int, int, Paragraph]] = []
        self._runs: dict[tuple[str, str, str], tuple[int, list[Mention]]] = {}
        self._looked_back = False  # set when a parse reads the text before its run

    def read(self) -> list[Mention]:
        """Return the mentions made of two or more words; note the lone words.

        The runs are read in one search from the first story paragraph to the
        last: a run never crosses a blank line, so the search finds what a search
        paragraph by paragraph would, and some runs outside the story paragraphs
        (a byline, a dateline), which are skipped.
        """
        mentions: list[Mention] = []
        text = self.text
        reject = self.reject_last
        abbreviations = self.abbreviations
        singles = self.singles
        particle_ends = self.patterns.particle_ends
        paragraphs = [
            (paragraph.dateline.end if paragraph.dateline else paragraph.start, paragraph)
            for paragraph in self.article.story_paragraphs()
        ]
        if not paragraphs:
            return mentions
        quote_marks = char_positions(text, '“"')
        index = -1
        start, paragraph = -1, paragraphs[0][1]
        end = -1
        nicknamed: dict[int, tuple[int, int]] | None = None
        for match in self.chain.finditer(text, paragraphs[0][0], paragraphs[-1][1].end):
            first, last = match.span()
            if first >= end:  # the next story paragraph holding the run, if any
                while first >= end:
                    index += 1
                    start, paragraph = paragraphs[index]
                    end = paragraph.end
                holds_quote = quote_marks and _holds(quote_marks, start, end)
                nicknamed = self._nicknamed(start, end) if holds_quote else None
            if first < start:
                continue  # in a dateline, or in a paragraph that is not a story paragraph
            word = match.group()
            if first - 2 >= start and text[first - 1] in SEPARATORS and text[first - 2] in particle_ends:
                begin = self._opening(first, start)
                if begin != first:
                    first, word = begin, text[begin:last]
            given = nicknamed.get(first) if nicknamed else None
            if given is not None:
                tokens = [*self._tokens(given[0], given[1]), *self._tokens(first, last)]
                self._keep(self._parse(tokens, paragraph), mentions, quoted_at=(given, (first, last)))
                continue
            if " " not in word and "\n" not in word and "\u00a0" not in word:
                lower = word.lower()
                if lower[-1] == "." and lower not in abbreviations:
                    lower = lower[:-1]
                if lower not in reject:
                    singles.append((lower, first, first + len(lower), paragraph))
                continue
            for mention in self._parse_run(first, last, paragraph):
                self._keep(mention, mentions)
        return mentions

    def _parse_run(self, first: int, last: int, paragraph: Paragraph) -> list[Mention]:
        """The mentions in the run ``first:last`` (one per sentence it spans, at most).

        A parse reads the run, the character before it and the two after it
        (a possessive), and seldom more text before it (a title and "of"
        before a long run, "the" before some titles): a run with the same
        characters in that stretch gives the same mentions, moved, unless its
        parse read further back.
        """
        text = self.text
        key = (text[first - 1 : first] if first else "", text[first:last], text[last : last + 2])
        known = self._runs.get(key)
        if known is not None:
            shift = first - known[0]
            return [_moved(mention, shift, paragraph) for mention in known[1]]
        self._looked_back = False
        found = [self._parse(segment, paragraph) for segment in self._segments(self._run_tokens(first, last))]
        parsed = [mention for mention in found if mention is not None]
        if not self._looked_back:
            self._runs[key] = (first, parsed)
        return parsed

    def _opening(self, first: int, start: int) -> int:
        """Where a run that starts at ``first`` begins with its lower-case particles ("de la Cruz").

        The run may open with a leading particle at a word start, then more
        particles, each followed by one separator; none of it before ``start``.
        """
        text = self.text
        patterns = self.patterns
        begin = first
        position = first
        while position - 1 > start and text[position - 1] in SEPARATORS:
            word_end = position - 1
            found = patterns.particle_end.search(
                text, max(start, word_end - patterns.longest_particle), word_end
            )
            if found is None:
                break
            word_start = found.start()
            word = found.group()
            if word in self.tables.leading_particles and (
                word_start == 0
                or (not _is_word_char(text[word_start - 1]) and text[word_start - 1] not in "’'.")
            ):
                begin = word_start
            if word not in self.particles:
                break
            position = word_start
        return begin

    def _nicknamed(self, start: int, end: int) -> dict[int, tuple[int, int]]:
        """Map the surname's start to the given name's span in 'Robert "Bobby" Kaminski'."""
        return {m.start(2): m.span(1) for m in NICKNAME.finditer(self.text, start, end)}

    def singles_named(self, keys: set[str]) -> list[Mention]:
        """Parse the lone words that are one of ``keys`` (last names, lower case)."""
        mentions: list[Mention] = []
        for lower, start, end, paragraph in self.singles:
            if lower in keys:
                self._keep(self._parse_single(start, end, paragraph), mentions)
        return mentions

    def _parse_single(self, start: int, end: int, paragraph: Paragraph) -> Mention | None:
        """:meth:`_parse` for a lone capitalised word, without reading it into tokens.

        A word without a period is one token (one with a period may be
        initials: it takes the general way).  On one token :meth:`_parse`
        keeps a name word that is not a title alone or a not-name, as a last
        name without title.
        """
        word = self.text[start:end]
        if "." in word:
            return self._parse(self._tokens(start, end), paragraph)
        lower = word.lower()
        acronym = len(word) > 1 and word.isupper()
        compound = "-" in word and _has_lowercase_part(word)
        if acronym or compound or lower in self.reject_last or (lower,) in self.lex.titles:
            return None
        if lower in self.tables.not_name_ends or lower + "’s" in self.tables.not_name_ends:
            token = Token(word, start, end, lower, True, False, False, acronym, compound)
            if self._not_a_name([token], 0, 0, 1):
                return None
        # The fields in order, by position (see _parse): the six offsets up to surname_start
        # are the word's start; then surname_end, end, title, given, name_words, paragraph.
        return Mention(start, start, start, start, start, start, end, end, None, (), (lower,), paragraph)

    def _keep(
        self,
        mention: Mention | None,
        mentions: list[Mention],
        quoted_at: tuple[tuple[int, int], ...] | None = None,
    ) -> None:
        if mention is not None:
            mention.display = mention.paragraph.kind != "body"
            if quoted_at is None:
                mention.quoted = self.article.in_quotation(mention.article_start, mention.end)
            else:
                mention.quoted = any(self.article.in_quotation(a, b) for a, b in quoted_at)
            mentions.append(mention)

    def _tokens(self, start: int, end: int) -> list[Token]:
        return [_token(match.group(), match.start()) for match in self.token.finditer(self.text, start, end)]

    def _run_tokens(self, first: int, last: int) -> list[Token]:
        """:meth:`_tokens` for a run the chain pattern found, without the token pattern.

        Such a run is its words, each one separator apart (a comma and a space
        before "Jr."); the token pattern reads each word whole, and skips a
        lower-case word that is not a particle.
        """
        tokens = []
        position = first
        for piece in self.text[first:last].split():
            word = piece[:-1] if piece[-1] == "," else piece
            if word[0].isupper() or word in self.particles:
                tokens.append(_token(word, position))
            position += len(piece) + 1
        return tokens

    def _segments(self, tokens: list[Token]) -> list[list[Token]]:
        """Split a run at a sentence-ending period ("... Okafor. Delgado said")."""
        abbreviations = self.abbreviations
        if not any(t.text[-1] == "." and not t.initial and t.lower not in abbreviations for t in tokens):
            return [tokens] if tokens else []
        segments: list[list[Token]] = [[]]
        for token in tokens:
            segments[-1].append(token)
            if token.text[-1] == "." and not token.initial and token.lower not in abbreviations:
                token.text = token.text[:-1]
                token.lower = token.lower[:-1]
                token.end -= 1
                segments.append([])
        return [s for s in segments if s]

    # One segment ---------------------------------------------------------------------

    def _name_word(self, token: Token) -> bool:
        return (
            token.capital
            and not token.acronym
            and not token.compound
            and not token.initial
            and token.lower not in self.reject_last
        )

    def _extends(self, token: Token) -> bool:
        if token.particle:
            return token.lower in self.particles
        if token.initial:
            return token.lower not in self.descriptors
        return not token.acronym and not token.compound and token.lower not in self.stop_left

    def _parse(self, tokens: list[Token], paragraph: Paragraph) -> Mention | None:
        lex = self.lex
        lowered = [t.lower for t in tokens]
        stop = len(tokens)
        trailing = self.trailing
        while stop > 1 and lowered[stop - 1] in trailing:
            stop -= 1  # "Helen Okafor Monday", "Gen. Okoro Then"
        end = tokens[stop - 1].end
        suffixes = self.suffixes
        while stop > 1 and lowered[stop - 1] in suffixes:
            stop -= 1
        last = tokens[stop - 1]
        if not self._name_word(last):
            return None
        if (lowered[stop - 1],) in lex.titles and (stop == 1 or not self._extends(tokens[stop - 2])):
            return None  # "Mr. President", "the General"
        first = stop - 1
        title_ends = lex.title_ends
        while (
            first > 0
            and (lowered[first - 1] not in title_ends or lex.title_ending_at(lowered, first) is None)
            and self._extends(tokens[first - 1])
        ):
            first -= 1
        while (
            first < stop - 1 and tokens[first].particle and tokens[first].lower not in self.leading_particles
        ):
            first += 1
        if first > 0 and tokens[first - 1].capital and tokens[first - 1].lower in self.place_prefixes:
            return None  # Fort Bragg, Lake Tahoe, St. Louis
        if first == 0:
            first = self._after_connector(tokens, stop)
        name = tokens[first:stop]
        words = [t for t in name if t.capital and not t.initial]
        if not words or len(words) > MAX_NAME_WORDS:
            return None
        found = lex.title_ending_at(lowered, first) if first > 0 else None
        title, title_index = (found[0], found[1]) if found else (None, first)
        if self._not_a_name(tokens, title_index, first, stop):
            return None
        surname_index = self._surname_index(name)
        given = tuple([t.lower for t in name[:surname_index] if not t.particle])
        name_words = tuple(lowered[first + surname_index : stop])
        title_start = tokens[title_index].start if title else name[0].start
        title_end = tokens[first - 1].end if title else name[0].start
        article_start = self._article_start(title, title_start)
        descriptor_index = title_index
        while (
            descriptor_index > 0
            and tokens[descriptor_index - 1].lower not in self.boundaries
            and not tokens[descriptor_index - 1].particle
        ):
            descriptor_index -= 1
        descriptor_start = min(tokens[descriptor_index].start, article_start)
        name_start = name[0].start
        surname_start = name[surname_index].start
        full = bool(given) or bool(title and title.is_regnal)
        # The fields in order, by position: called with keywords, the class gathers them
        # in a dictionary first, which doubles the cost of each of the dozens of mentions.
        mention = Mention(
            descriptor_start, article_start, title_start, title_end, name_start, surname_start,
            last.end, end, title, given, name_words, paragraph, full,
        )  # fmt: skip
        if mention.full and len(given) == 1 and len(name) == 2:
            mention.surname_first = _korean_given(last.text) or given[0] in lex.words["family_names_first"]
        return mention

    def _after_connector(self, tokens: list[Token], stop: int) -> int:
        """In "Minister of Foreign Trade Olena Marchuk", keep only the last two words as the name.

        Called when the name would start at the first token; returns where it starts.
        """
        first = 0
        if stop <= 2:
            return first
        capital_words = [i for i in range(first, stop) if tokens[i].capital and not tokens[i].initial]
        if len(capital_words) <= 2:
            return first
        self._looked_back = True
        before = self.text[max(0, tokens[0].start - 40) : tokens[0].start]
        match = CONNECTOR_BEFORE.search(before)
        if match and (match.group(1).lower(),) in self.lex.titles:
            return capital_words[-2]
        return first

    def _not_a_name(self, tokens: list[Token], title_index: int, first: int, stop: int) -> bool:
        not_names = self.lex.not_names
        last = tokens[stop - 1].lower
        if last not in self.tables.not_name_ends and last + "’s" not in self.tables.not_name_ends:
            return False
        candidates = [
            " ".join(t.text for t in tokens[i:stop]) for i in range(max(0, title_index - 1), first + 1)
        ]
        end = tokens[stop - 1].end
        if self.text.startswith(("’s", "'s"), end):
            candidates.append(tokens[stop - 1].text + "’s")
        return any(normalise_phrase(c) in not_names for c in candidates)

    def _surname_index(self, name: list[Token]) -> int:
        index = len(name) - 1
        while index > 0:
            before = name[index - 1]
            if before.particle or (
                before.lower in self.particles and name[index].particle and before.capital
            ):
                index -= 1
                continue
            break
        return index

    def _article_start(self, title: Title | None, title_start: int) -> int:
        if title is None or not title.article:
            return title_start
        self._looked_back = True
        match = re.search(r"\b[Tt]he[ \u00a0]$", self.text[max(0, title_start - 4) : title_start])
        return title_start - (len(match.group()) if match else 0)


def _moved(mention: Mention, shift: int, paragraph: Paragraph) -> Mention:
    """A copy of a freshly parsed ``mention``, ``shift`` characters on, in ``paragraph``."""
    moved = Mention(
        mention.descriptor_start + shift, mention.article_start + shift, mention.title_start + shift,
        mention.title_end + shift, mention.name_start + shift, mention.surname_start + shift,
        mention.surname_end + shift, mention.end + shift, mention.title, mention.given,
        mention.name_words, paragraph, mention.full,
    )  # fmt: skip
    moved.surname_first = mention.surname_first
    return moved


def _holds(positions: list[int], start: int, end: int) -> bool:
    """True when one of the sorted ``positions`` is in ``start:end``."""
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


def _token(word: str, start: int) -> Token:
    """The token for ``word`` (a capitalised word, initials or a particle) at ``start``."""
    compound = "-" in word and _has_lowercase_part(word)
    if word[0].isupper():
        initial = word[-1] == "." and _is_initials(word)
        acronym = not initial and len(word) > 1 and word.isupper()
        return Token(word, start, start + len(word), word.lower(), True, False, initial, acronym, compound)
    return Token(word, start, start + len(word), word.lower(), False, True, False, False, compound)


def _is_initials(word: str) -> bool:
    """True for "C.", "H.W.", "U.S.": single letters, each followed by a period."""
    return len(word) <= 8 and word.endswith(".") and all(len(part) == 1 for part in word[:-1].split("."))


def _has_lowercase_part(word: str) -> bool:
    """True for "Austin-based" or "Twelve-year-old", not "Ocasio-Cortez" or the Korean "Ji-won"."""
    return any(part[:1].islower() for part in word.split("-")[1:]) and not _korean_given(word)


KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _korean_given(word: str) -> bool:
    """True for a romanised Korean given name such as "Ji-won" (lower case after the hyphen)."""
    return "-" in word and KOREAN_GIVEN.fullmatch(word) is not None


@dataclass
class Reading:
    """What one pass over an article found: the mentions of two or more words, and the lone words."""

    mentions: list[Mention]
    reader: _MentionReader

    def singles_named(self, keys: set[str]) -> list[Mention]:
        """The lone capitalised words that are one of ``keys`` (last names, lower case), as mentions."""
        return self.reader.singles_named(keys)


def find_mentions(article: Article, lexicon: Lexicon) -> Reading:
    """Read the mentions of (possible) people in the story paragraphs, in order."""
    reader = _MentionReader(article, lexicon)
    mentions = reader.read()
    _find_lowercase_titles(article, lexicon, mentions)
    return Reading(mentions, reader)


LOWER_TITLE = re.compile(r"(?:^|(?<=[\s(“\"—–]))([a-z][\w.’'-]*(?:[ \u00a0][a-z][\w.’'-]*){0,3})[ \u00a0]$")
LAST_WORD_REVERSED = re.compile(r"\n?[ \u00a0]([\w.’'-]+)")
"""The last word of :data:`LOWER_TITLE` (before one space that ends the text) for the reversed text."""
NOT_SPACE = re.compile(r"\S+")


def _find_lowercase_titles(article: Article, lex: Lexicon, mentions: list[Mention]) -> None:
    """Note a lower-case formal title directly before a full name ("former secretary Paul Brennan")."""
    text = article.text
    openers = lex.words["title_openers"]
    for mention in mentions:
        if not mention.full or mention.titled or mention.display:
            continue
        window_start = max(mention.paragraph.start, mention.name_start - 60)
        last = _last_word(LAST_WORD_REVERSED, text, window_start, mention.name_start)
        if last is None or (
            last not in lex.title_ends and ("-" not in last or last.rpartition("-")[2] not in lex.title_ends)
        ):
            continue  # no title ends at the word before the name
        match = LOWER_TITLE.search(text, window_start, mention.name_start)
        if match is None:
            continue
        words = match.group(1).split()
        offsets = [m.start() for m in NOT_SPACE.finditer(match.group(1))]
        for length in range(min(len(words), lex.longest_title), 0, -1):
            phrase = words[-length:]
            prefix = None
            if "-" in phrase[0]:
                head, _, rest = phrase[0].rpartition("-")
                if head in HYPHEN_PREFIXES:
                    prefix, phrase = head, [rest, *phrase[1:]]
            title = lex.title_for(tuple(phrase))
            if title is None or not title.is_formal or " ".join(phrase) in lex.words["everyday_titles"]:
                continue
            start = match.start(1) + offsets[-length] + (len(prefix) + 1 if prefix else 0)
            before_words = words[: len(words) - length]
            opener = prefix or (before_words[-1] if before_words else None)
            if opener is None:
                previous = text[max(mention.paragraph.start, start - 30) : start].rstrip()
                allowed = (
                    not previous
                    or previous[-1] in '.!?:;,(“"—–'
                    or bool(re.search(r"(?:[A-Z][\w.’'-]*|[A-Z]\.)$", previous))
                )
            else:
                allowed = opener in openers
            if allowed:
                mention.lower_title = (start, start + len(" ".join(phrase)), title)
            break


# Grouping mentions into people ------------------------------------------------------


def resolve(article: Article, reading: Reading, lexicon: Lexicon) -> Cast:
    """Group full names into people and attach every last-name reference to its person."""
    mentions = reading.mentions
    body = [m for m in mentions if not m.display]
    _mark_compound_surnames(body, lexicon)
    _mark_sentence_openers(article, body)
    people: list[Person] = []
    by_key: dict[str, list[Person]] = {}
    for mention in body:
        if mention.full:
            person = _match_person(by_key.get(mention.key, []), mention)
            if person is None:
                person = Person(key=mention.key, given=mention.given, intro=mention)
                people.append(person)
                by_key.setdefault(mention.key, []).append(person)
            person.mentions.append(mention)
            mention.person = person
            if person.title is None and mention.title is not None and not mention.title.is_courtesy:
                person.title = mention.title
            person.surname_first = person.surname_first or mention.surname_first
    by_given = {p.given[0]: p for p in people if len(p.given) == 1 and len(p.intro.name_words) == 1}
    orphans: dict[str, list[Mention]] = {}
    for mention in body:
        if mention.full or not mention.titled:
            continue
        namesakes = by_key.get(mention.key, [])
        if not namesakes and mention.key in by_given:
            person = by_given[mention.key]
            person.surname_first = True
            namesakes = [person]
        if namesakes:
            _attach(mention, namesakes)
        else:
            orphans.setdefault(mention.key, []).append(mention)
    singles = reading.singles_named(set(by_key) | set(by_given))
    body.extend(m for m in singles if not m.display)
    mentions = sorted(mentions + singles, key=attrgetter("article_start"))  # Mention.start
    places = _PlaceTest(article, lexicon)
    for mention in body:
        if mention.full or mention.titled or mention.namesakes:
            continue
        namesakes = by_key.get(mention.key, [])
        if not namesakes:
            person = by_given.get(mention.key)
            namesakes = [person] if person is not None and person.surname_first else []
        if namesakes and not places.is_place(mention):
            _attach(mention, namesakes)
    exception_ends = _tables(lexicon).exception_ends
    for mention in mentions:  # every person's mentions are among them
        mention.exempt = _exempt(article.text, mention, lexicon, exception_ends)
    for person in people:
        person.mentions.sort(key=attrgetter("article_start"))
        person.exempt = any(m.exempt for m in person.mentions)
    for mention in mentions:
        if mention.person is not None and mention.person.exempt:
            mention.exempt = True
    return Cast(people, by_key, orphans, mentions)


def _attach(mention: Mention, namesakes: list[Person]) -> None:
    mention.namesakes = namesakes
    if len(namesakes) == 1:
        mention.person = namesakes[0]
        namesakes[0].mentions.append(mention)


def _match_person(candidates: list[Person], mention: Mention) -> Person | None:
    first = mention.given[0] if mention.given else ""
    for person in candidates:
        known = person.given[0] if person.given else ""
        if first == known or first in person.given or known in mention.given:
            return person
        if (first.endswith(".") and known.startswith(first[0])) or (
            known.endswith(".") and first.startswith(known[0])
        ):
            return person  # "J. Smith" and "Jane Smith"

    return None


def _mark_compound_surnames(body: list[Mention], lex: Lexicon) -> None:
    """Read "Van der Linde" or "López Obrador" after "Andrés Manuel López Obrador" as a last name."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for mention in body:
        if mention.full and not (mention.title and mention.title.is_regnal):
            names.setdefault(mention.key, set()).add((*mention.given, *mention.name_words))
    compound: set[tuple[str, ...]] = set()
    for variants in names.values():
        for own in variants:
            for longer in variants:
                suffix = len(longer) > len(own) and longer[-len(own) :] == own
                if suffix and (
                    own[0] in lex.words["particles"] or (len(longer) >= 3 and own[0] != longer[0])
                ):
                    compound.add(own)
    if not compound:
        return
    for mention in body:
        own = (*mention.given, *mention.name_words)
        if mention.full and own in compound:
            mention.full = False
            mention.given = ()
            mention.name_words = own
            mention.surname_start = mention.name_start


def _mark_sentence_openers(article: Article, body: list[Mention]) -> None:
    """Read "Afterward Salo" as a reference to a known Salo, not a new person named Afterward."""
    text = article.text
    lowercase_words: set[str] | None = None
    full_by_key: dict[str, set[str]] = {}
    for mention in body:
        if mention.full and mention.given:
            full_by_key.setdefault(mention.key, set()).add(mention.given[0])
    for mention in body:
        if not mention.full or mention.titled or len(mention.given) != 1:
            continue
        if len(full_by_key.get(mention.key, ())) < 2 or not _sentence_start(text, mention):
            continue
        if lowercase_words is None:
            lowercase_words = set(re.findall(r"\b[a-z]+\b", text))
        if mention.given[0] in lowercase_words:
            mention.full = False
            mention.given = ()
            surname = re.search(r"\S+\s+", text[mention.name_start : mention.end])
            mention.surname_start = mention.name_start + (surname.end() if surname else 0)
            mention.name_start = mention.surname_start


def _sentence_start(text: str, mention: Mention) -> bool:
    before = text[max(mention.paragraph.start, mention.name_start - 4) : mention.name_start].rstrip(' “"')
    return mention.name_start == mention.paragraph.start or not before or before[-1] in '.!?”"'


WORD_BEFORE_REVERSED = re.compile(r"\n?[ \u00a0]+([\w’'.-]+)")
r"""``([\w’'.-]+)[ \u00a0]+$`` (a word, then spaces that end the text) for the reversed text."""
REGION_AFTER = re.compile(r",[ \u00a0]+([A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?)")
OF_AFTER = re.compile(r"[’']s[ \u00a0]+of[ \u00a0]+[A-Z]")
WORD_AFTER = re.compile(r"[ \u00a0]+([a-z]+)\b")


class _PlaceTest:
    """Tells a last name used as a place or a modifier ("in Austin", "the Austin plan") from a reference."""

    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.text = article.text
        self.words = lex.words
        self.places_list = _tables(lex).places_list
        self._lower_case: dict[str, bool] = {}

    def is_place(self, mention: Mention) -> bool:
        text = self.text
        start, end = mention.name_start, mention.end
        if start > 0 and text[start - 1] == "-":
            return True  # anti-Austin, pro-Austin
        if text.startswith(("&", " &"), end) or text[max(0, start - 2) : start] == "& ":
            return True  # Pemberton & Cole
        previous = _last_word(WORD_BEFORE_REVERSED, text, max(0, start - 30), start)
        word = previous.lower() if previous else ""
        if word in self.words["location_words"] or word in DETERMINERS:
            return True  # "in Austin"; "the Brandt administration", "a Brandt spokesman"
        if word in ("and", "or") and self.places_list.search(text, max(0, start - 80), start):
            return True  # "in Washington and Austin"

        if mention.key in self.words["place_names"] and word in self.words["place_name_words"]:
            return True
        following = REGION_AFTER.match(text[end : end + 30])
        if following and following.group(1).lower() in self.words["regions"]:
            return True
        if OF_AFTER.match(text[end : end + 12]):
            return True  # Lloyd’s of London
        return self._everyday_word(mention)

    def _everyday_word(self, mention: Mention) -> bool:
        """True for "Price rose" when "price" is also used as a word: a sentence opener, not a person."""
        if not _sentence_start(self.text, mention):
            return False
        used = self._lower_case.get(mention.key)
        if used is None:
            used = self._lower_case[mention.key] = _used_in_lower_case(self.text, mention.key)
        if not used:
            return False
        following = WORD_AFTER.match(self.text[mention.end : mention.end + 30])
        return following is not None and following.group(1) not in self.words["person_verbs"]


def _used_in_lower_case(text: str, key: str) -> bool:
    """True when ``key`` (a-z only) stands as a whole word in ``text`` ("price" in "the price rose").

    The same answer as ``key in set(re.findall(r"\\b[a-z]+\\b", text))``, without reading every word.
    """
    if not (key.isascii() and key.isalpha() and key.islower()):
        return False
    found = text.find(key)
    while found >= 0:
        end = found + len(key)
        if (found == 0 or not _is_word_char(text[found - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            return True
        found = text.find(key, found + 1)
    return False


def _is_word_char(char: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _exempt(text: str, mention: Mention, lex: Lexicon, ends: frozenset[str]) -> bool:
    """True for a regnal title or a name (or title) on the exceptions list; ``ends`` are their last words."""
    if mention.title is not None and mention.title.is_regnal:
        return True
    if mention.key not in ends and not (
        mention.titled and text[mention.title_start : mention.title_end].lower() in ends
    ):
        return False
    name = normalise_phrase(text[mention.name_start : mention.end])
    titled = normalise_phrase(text[mention.title_start : mention.end])
    title = normalise_phrase(text[mention.title_start : mention.title_end]) if mention.titled else ""
    return name in lex.exceptions or titled in lex.exceptions or (bool(title) and title in lex.exceptions)


# Title phrases before a name --------------------------------------------------------------


PHRASE_TOKEN = re.compile(r"[\w.’'-]+|[^\w\s]")
PREVIOUS_WORD_REVERSED = re.compile(r"[ \u00a0\n]+([\w.’'-]+)")
r"""``([\w.’'-]+)[ \u00a0\n]+$`` (a word, then spaces that end the text) for the reversed text."""


def _last_word(reversed_pattern: re.Pattern[str], text: str, start: int, end: int) -> str | None:
    """The word before the spaces that end ``text[start:end]``, or None.

    ``reversed_pattern`` matches the spaces and the word in the reversed text:
    read from the end, the word is found in one pass, where a search for the
    word and the spaces before the text's end tries every position.
    """
    found = reversed_pattern.match(text[start:end][::-1])
    return found.group(1)[::-1] if found else None


def title_phrase(
    article: Article, mention: Mention, lex: Lexicon, names: list[tuple[int, int]]
) -> tuple[int, int]:
    """Return ``(start, words)`` of the title and description before a full name.

    "Deputy Minister of Foreign Trade Olena Marchuk" gives the start of
    "Deputy" and 4 words (a title from the table counts as one word).  ``words`` is 0
    when no title stands in the phrase.  ``names`` are the sorted name spans
    of other mentions, which the phrase never crosses.
    """
    text = article.text
    word = _last_word(
        PREVIOUS_WORD_REVERSED,
        text,
        max(mention.paragraph.start, mention.name_start - 40),
        mention.name_start,
    )
    if word is None:
        return mention.name_start, 0
    if not word[0].isupper() and word.lower() not in CONNECTORS and (word.lower(),) not in lex.titles:
        return mention.name_start, 0  # "met with Helen Okafor": nothing before the name
    window_start = max(mention.paragraph.start, mention.name_start - 200)
    # Most phrases are short: read the last few words first, and the whole window only
    # when the phrase may reach back past them.
    near = max(window_start, mention.name_start - 48)
    taken = _phrase_words(text, near, mention.name_start, lex, names, whole=near == window_start)
    if taken is None:
        taken = _phrase_words(text, window_start, mention.name_start, lex, names, whole=True)
    while taken and taken[-1][1].lower() in CONNECTORS:
        taken.pop()
    if not taken:
        return mention.name_start, 0
    taken.reverse()
    lowered = [word.lower() for _, word in taken]
    count, has_title, position = 0, False, len(lowered)
    while position > 0:
        found = lex.title_ending_at(lowered, position)
        if found is not None:
            has_title = True
            position = found[1]
        else:
            position -= 1
        count += 1
    return taken[0][0], count if has_title else 0


def _phrase_words(
    text: str, start: int, end: int, lex: Lexicon, names: list[tuple[int, int]], whole: bool
) -> list[tuple[int, str]] | None:
    """The words ``(start, word)`` of the title phrase ending at ``end``, last first, read from ``start`` on.

    ``whole`` says that ``start`` is where the phrase must stop at the latest.
    Otherwise ``start`` may cut a word, so None is returned when the phrase takes
    every word from ``start`` or stops at the first one: only a longer window tells.
    The words are read backwards, from the reversed text (a word, or a mark, reads
    the same both ways), so that only those the phrase takes are read.
    """
    tokens = PHRASE_TOKEN.finditer(text[start:end][::-1])
    taken: list[tuple[int, str]] = []
    boundaries = _tables(lex).boundaries
    token = next(tokens, None)
    while token is not None:
        before = next(tokens, None)  # the word before this one in the text
        word = token.group()[::-1]
        word_start = end - token.end()
        lower = word.lower()
        index = bisect_right(names, word_start, key=itemgetter(0)) - 1
        if index >= 0 and names[index][1] > word_start:
            break
        if lower in CONNECTORS:
            taken.append((word_start, word))
        elif word[0].isupper():
            if lower in boundaries and (lower,) not in lex.titles:
                break
            taken.append((word_start, word))
        elif (lower,) in lex.titles:
            taken.append((word_start, word))
        else:
            break
        token = before
    else:
        return taken if whole else None
    return taken if whole or before is not None else None
