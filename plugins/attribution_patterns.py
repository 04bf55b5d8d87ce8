"""attribution: turn the ``attribution:`` word lists of rules.yaml into compiled patterns.

The lists name words, not sentences: a verb is given once (``argue``) and every
inflection is built from it (``argues``, ``argued``, ``arguing``); a passive
entry names the verb and, optionally, what must follow its participle
(``see/seen as``); phrases use a small syntax (``a|b`` alternatives, ``*`` for
any ending, ``...`` for a gap of a few words, and ``not`` also matching
``n't``).  The grammar that puts the words together (auxiliaries, adverbs,
subjects) lives in :mod:`newslint_plugins.attribution_sources` and
:mod:`newslint_plugins.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

SECTION = "attribution"

LIST_KEYS: dict[str, str] = {
    "speech_verbs": "verbs that attribute words to a speaker (base[/past[/participle]])",
    "opinion_verbs": "verbs that attribute a view to someone (base[/past[/participle]])",
    "passive_verbs": "verbs whose agentless passive hides a source (base[/participle] [complement|...])",
    "vague_groups": "nouns for groups too vague to be a source (critics, experts)",
    "vague_quantifiers": "words that make any plural subject a vague group (some, many)",
    "hedges": "words and phrases that launder a claim (reportedly, according to reports)",
    "anonymous_sources": "people who are anonymous sources when not named (official, source)",
    "qualified_sources": "people who are anonymous sources only with a qualifier (person/people)",
    "anonymity_qualifiers": "phrases that make a person an anonymous source (familiar with, briefed on)",
    "anonymity_markers": "phrases that make a speaker anonymous (who declined to be named)",
    "quotation_labels": "nouns that introduce a quotation nobody spoke (slogan, motto, sign)",
    "institutions": "bodies whose officials speak for them (police officials, hospital officials)",
    "anonymity_reasons": "phrases that say why anonymity was granted",
}
"""Every list of the ``attribution:`` section, with what it holds."""

PHRASE_KEYS = ("hedges", "anonymity_qualifiers", "anonymity_reasons", "anonymity_markers")
WORD = r"[\w’'\-]+"
APOSTROPHES = "[’']"
GAP_WORDS = 8


VAGUE_PRONOUNS = frozenset({"some", "many", "most", "others", "few"})
"""Quantifiers that stand alone as a vague subject ("Some argue", "Many believe")."""
VAGUE_WORDS = VAGUE_PRONOUNS | {"lot", "lots", "plenty", "number", "host"}
"""With the vague groups and quantifiers: every word a vague speaker phrase must hold."""
ANONYMITY_WORDS = frozenset({"named", "identified", "anonymity", "anonymously", "withheld"})
"""Words of the anonymity markers ("who declined to be named"): any speaker can be anonymous with them."""


def words(text: str) -> frozenset[str]:
    """Return the set of space-separated words in ``text`` (for the grammar's small word classes)."""
    return frozenset(text.split())


# Inflections -------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbForms:
    """The forms of one verb (or phrasal verb such as ``point out``)."""

    base: str
    third: str
    past: str
    participle: str
    ing: str

    def all(self) -> tuple[str, ...]:
        """Every distinct form."""
        return tuple(dict.fromkeys((self.base, self.third, self.past, self.participle, self.ing)))


_ONE_SYLLABLE_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")


def _doubles(word: str) -> bool:
    return bool(_ONE_SYLLABLE_CVC.match(word))


def _third(word: str) -> str:
    if re.search(r"(?:s|sh|ch|x|z)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ied"
    if _doubles(word):
        return word + word[-1] + "ed"
    return word + "ed"


def _ing(word: str) -> str:
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("ee"):
        return word + "ing"
    if word.endswith("e"):
        return word[:-1] + "ing"
    if _doubles(word):
        return word + word[-1] + "ing"
    return word + "ing"


def inflect(entry: str) -> VerbForms:
    """Return the forms of a verb entry ``base[/past[/participle]]``.

    ``argue`` gives argues, argued, arguing; ``say/said`` gives says, said;
    ``write/wrote/written``; ``point out`` inflects ``point`` and keeps ``out``.
    """
    parts = [part.strip().lower() for part in entry.split("/")]
    words = parts[0].split()
    head, tail = words[0], " ".join(words[1:])
    suffix = f" {tail}" if tail else ""
    past = parts[1] if len(parts) > 1 and parts[1] else _past(head)
    participle = parts[2] if len(parts) > 2 and parts[2] else past
    return VerbForms(
        base=head + suffix,
        third=_third(head) + suffix,
        past=past + suffix,
        participle=participle + suffix,
        ing=_ing(head) + suffix,
    )


def plural(noun: str) -> str:
    """Return the regular plural of a noun (``official`` → ``officials``, ``party`` → ``parties``)."""
    return _third(noun)


def noun_forms(entry: str) -> tuple[str, str]:
    """Return ``(singular, plural)`` of a noun entry ``singular[/plural]``."""
    parts = [part.strip().lower() for part in entry.split("/")]
    return parts[0], parts[1] if len(parts) > 1 and parts[1] else plural(parts[0])


# Phrases -----------------------------------------------------------------------------------


def _token(alternatives: str, first: bool) -> str:
    options = []
    for word in alternatives.split("|"):
        word = word.strip().lower()
        if not word:
            continue
        wildcard = word.endswith("*")
        word = word.rstrip("*")
        text = re.escape(word).replace("’", "'").replace("'", APOSTROPHES)
        if wildcard:
            text += r"[\w’'\-]*"
        lead = r"(?<![\w’'])" if first else r"\W+"
        if word == "not":
            options.append(lead + r"not|n[’']t")
        else:
            options.append(lead + text)
    if not options:
        raise ValueError("empty alternative")
    return "(?:" + "|".join(options) + r")(?![\w’'])"


def phrase_regex(phrase: str) -> str:
    """Return the regular expression (a string) for a phrase of the lists.

    Words are matched whole and case-insensitively, separated by any spaces
    or punctuation; ``a|b`` matches either word; a trailing ``*`` any ending
    (``authori*``); ``...`` up to eight words; ``not`` also ``n't``
    (``wasn't``).
    """
    tokens = phrase.split()
    if not tokens or all(token == "..." for token in tokens):
        raise ValueError("a phrase needs at least one word")
    pieces = []
    first = True
    for token in tokens:
        if token == "...":
            pieces.append(rf"(?:\W+{WORD}){{0,{GAP_WORDS}}}?")
            continue
        pieces.append(_token(token, first))
        first = False
    return "".join(pieces)


def alternation(words: Iterable[str]) -> str:
    """Return a non-capturing alternation of literal words, as a trie (fast), spaces flexible.

    ``["said", "says", "say"]`` gives ``(?:sa(?:id|ys?))``: the regex engine
    then tries one branch per letter instead of every word at every position.
    """
    unique = {w.lower().replace("’", "'") for w in words if w}
    return "(?:" + _trie(sorted(unique)) + ")" if unique else "(?!x)x"


def _trie(strings: list[str]) -> str:
    """Regex for a sorted list of distinct literal strings, sharing their prefixes."""
    prefix = ""
    while True:  # a run of letters every string shares is written out without recursing
        branches: dict[str, list[str]] = {}
        ends = False
        for string in strings:
            if string:
                branches.setdefault(string[0], []).append(string[1:])
            else:
                ends = True
        if ends or len(branches) != 1:
            break
        ((char, strings),) = branches.items()
        prefix += _char(char)
    parts = [_char(char) + _trie(rests) for char, rests in branches.items()]
    if not parts:
        return prefix
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return prefix + (f"(?:{body})?" if ends else body)


@cache
def _char(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return APOSTROPHES
    return re.escape(char)


def _first_words(phrase: str) -> list[str]:
    """The literal beginnings a phrase can start with (for a fast look-ahead)."""
    token = next(t for t in phrase.split() if t != "...")
    starts = []
    for word in token.lower().split("|"):
        word = word.rstrip("*").replace("’", "'")
        starts += ["not", "n't"] if word == "not" else [word]
    return starts


# The compiled vocabulary ---------------------------------------------------------------------


@dataclass(frozen=True)
class PassiveVerb:
    """A participle whose agentless passive hides a source, and what may follow it."""

    participle: str
    complements: frozenset[str] | None
    """Words one of which must follow the participle, or None for any complement."""


@dataclass(frozen=True)
class Vocabulary:
    """The attribution section, compiled."""

    attribution_verb: re.Pattern[str]
    verb_bases: dict[str, str]
    participles: frozenset[str]
    passive: re.Pattern[str]
    """The participles of the passive verbs; :data:`PASSIVE_LEAD` must come before them.  One that
    needs a complement is matched only before a word that starts like one."""
    passive_verbs: dict[str, tuple[PassiveVerb, ...]]
    passive_complements: dict[str, tuple[frozenset[str], bool]]
    """For each participle of :attr:`passive_verbs`: the words one of its entries needs after it,
    and whether one of its entries takes any complement."""
    vague_groups: frozenset[str]
    vague_quantifiers: tuple[tuple[str, ...], ...]
    quantifier_starts: frozenset[str]
    hedge: re.Pattern[str] | None
    hedge_starts: tuple[str, ...] | None
    """The words (in lower case) every hedge starts with, to find them with ``str.find`` in a
    lower-cased text before the pattern confirms them; None when the words do not allow it."""
    anonymous_sources: frozenset[str]
    qualified_sources: frozenset[str]
    anonymity_qualifier: re.Pattern[str] | None
    institutions: frozenset[str]
    anonymity_reason: re.Pattern[str] | None
    anonymity_marker: re.Pattern[str] | None
    quotation_label: re.Pattern[str] | None
    anonymous_hint: re.Pattern[str]
    """Words without one of which no speaker in a sentence can be anonymous (a quick filter)."""
    vague_hint: re.Pattern[str]
    """Words without one of which no speaker in a sentence can be a vague group (a quick filter)."""
    start_scan: re.Pattern[bytes] | None = None
    """The first words of the verb, participle, hint and hedge patterns' entries, in one pattern
    for the text reduced to lower-case ASCII letters and spaces (see
    ``attribution_sources.word_positions``), or None when no pattern allows it."""
    start_kinds: dict[bytes, tuple[str, ...]] = field(default_factory=dict)
    """For each word :attr:`start_scan` finds, the patterns (``verb``, ``passive``, ``vague``,
    ``anonymous``, ``hedge``) with an entry starting with it."""
    scanned: frozenset[str] = frozenset()
    """The patterns :attr:`start_scan` finds the first words of.  A pattern one of whose first
    words is not plain ASCII letters is left out (searched for everywhere)."""
    speaker_kinds: dict[tuple[tuple[str, ...], bool], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    """The kinds of the speaker phrases classified so far (``attribution_sources.classify``)."""


def section_lists(section: dict[str, Any]) -> dict[str, list[str]]:
    """Return every list of the section with its ``extra:`` entries added."""
    extra = section.get("extra") or {}
    lists: dict[str, list[str]] = {}
    for key in LIST_KEYS:
        values = [str(v) for v in section.get(key) or []]
        values += [str(v) for v in (extra.get(key) or []) if str(v) not in values]
        lists[key] = values
    return lists


def config_errors(section: Any) -> list[str]:
    """Return one message per problem in the ``attribution:`` section (empty when it is fine)."""
    if section is None:
        return []
    if not isinstance(section, dict):
        return ["'attribution' must be a mapping of lists"]
    problems = []
    known = {*LIST_KEYS, "extra"}
    for key, value in section.items():
        if key not in known:
            close = [k for k in known if k.split("_")[0] in str(key) or str(key) in k]
            hint = f"; did you mean {sorted(close)[0]!r}?" if close else ""
            problems.append(f"unknown key 'attribution.{key}'{hint}")
        elif key == "extra":
            if value is not None and not isinstance(value, dict):
                problems.append("'attribution.extra' must be a mapping of lists")
                continue
            for extra_key, extra_value in (value or {}).items():
                if extra_key not in LIST_KEYS:
                    problems.append(f"unknown key 'attribution.extra.{extra_key}'")
                else:
                    problems += _list_errors(f"attribution.extra.{extra_key}", extra_key, extra_value)
        else:
            problems += _list_errors(f"attribution.{key}", key, value)
    return problems


def _list_errors(where: str, key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        return [f"'{where}' must be a list of words or phrases"]
    problems = []
    for entry in value:
        text = str(entry).strip()
        if not text:
            problems.append(f"'{where}' has an empty entry")
        elif key in PHRASE_KEYS:
            # Building the pattern text is the check: it is made of escaped words and
            # fixed pieces, so it always compiles (not compiled here: that is slow).
            try:
                phrase_regex(text)
            except ValueError as exc:
                problems.append(f"'{where}': phrase {text!r} is not usable: {exc}")
        elif not re.fullmatch(r"[\w’' \-/|.]+", text):
            problems.append(f"'{where}': {text!r} should hold only words, '/' and '|'")
    return problems


_AUX = (
    r"(?:is|are|was|were|be|been|being|am|isn[’']t|aren[’']t|wasn[’']t|weren[’']t"
    r"|(?:it|he|she|that|there|what|who)[’']s)"
)
ADVERB = (
    r"(?:[a-z]+ly|not|still|also|now|never|long|often|once|already|even|so|much|well|always"
    r"|further|again|mostly|sometimes|nonetheless|however|thus|therefore|too|all|both)"
)
_REDUCED_ADVERB = r"(?:widely|generally|commonly|broadly|universally|popularly|largely|often|long)"
_PERFECT_OR_MODAL = r"(?:(?:has|have|had|will|would|could|may|might|must|should|can)(?:\s+not)?\s+(?=be))?"
PASSIVE_LEAD = re.compile(
    rf"(?:(?<![\w’']){_PERFECT_OR_MODAL}{_AUX}(?:\s+{ADVERB}){{0,3}}"  # is (still widely) considered
    rf"|(?<![\w’'])(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s){_REDUCED_ADVERB}"  # widely seen as
    rf"|(?<=,)\s*{ADVERB}(?:\s+{ADVERB})?)"  # The railway, still considered ...
    r"\s+\Z",
    re.IGNORECASE,
)
"""What must come right before a participle for a passive of belief: an auxiliary, or an adverb
of how widely a view is held.  Matched against the few words before each participle."""


def compile_vocabulary(section: dict[str, Any]) -> Vocabulary:
    """Compile the attribution section (defaults plus a desk's changes) into a :class:`Vocabulary`."""
    lists = section_lists(section)
    verb_bases: dict[str, str] = {}
    participles: set[str] = set()
    for entry in lists["speech_verbs"] + lists["opinion_verbs"]:
        forms = inflect(entry)
        for form in forms.all():
            verb_bases[form] = forms.base
        participles.add(forms.participle)
        participles.add(forms.past)
    passive_verbs: dict[str, list[PassiveVerb]] = {}
    for entry in lists["passive_verbs"]:
        verb, _, complement = entry.strip().partition(" ")
        participle = inflect(verb).participle
        allowed = frozenset(c.strip().lower() for c in complement.split("|") if c.strip()) or None
        passive_verbs.setdefault(participle, []).append(PassiveVerb(participle, allowed))
    # Verb forms are matched in lower case only (case-sensitive matching is twice as fast, and
    # a capitalized verb form opens a sentence, where it is never an attribution or a passive).
    # A participle that needs a complement ("said to", "seen as") is matched only before a word
    # that starts like one (in any case), which rules out most ("said the"); the caller checks
    # the word itself.
    closed = {p for p, entries in passive_verbs.items() if all(e.complements is not None for e in entries)}
    complements = {word for p in closed for entry in passive_verbs[p] for word in entry.complements or ()}
    passive = re.compile(
        rf"(?<![\w’'\-])(?:{alternation(set(passive_verbs) - closed)}(?![\w’'\-])"
        rf"|{alternation(closed)}(?![\w’'\-])(?=\s*(?i:{alternation(complements)})))"
    )
    quantifiers = tuple(tuple(q.lower().split()) for q in lists["vague_quantifiers"])
    anonymous: set[str] = set()
    for entry in lists["anonymous_sources"]:
        anonymous.update(noun_forms(entry))
    qualified: set[str] = set()
    for entry in lists["qualified_sources"]:
        qualified.update(noun_forms(entry))
    groups: set[str] = set()
    for entry in lists["vague_groups"]:
        groups.update(noun_forms(entry) if "/" in entry else (entry.lower(),))
    institutions = frozenset(e.lower() for e in lists["institutions"])
    anonymous_words = anonymous | qualified | ANONYMITY_WORDS
    vague_words = groups | {w for q in quantifiers for w in q} - {"a", "of"} | VAGUE_WORDS
    start_scan, start_kinds, scanned = _start_scan(
        {
            "verb": _entry_starts(_literal_forms(verb_bases)),
            "passive": _entry_starts(_literal_forms(passive_verbs)),
            "vague": _entry_starts(_literal_forms(vague_words)),
            "anonymous": _entry_starts(_literal_forms(anonymous_words)),
            "hedge": _phrase_starts(lists["hedges"]),
        }
    )
    return Vocabulary(
        attribution_verb=re.compile(rf"(?<![\w’'\-])(?P<verb>{alternation(verb_bases)})(?![\w’'\-])"),
        verb_bases=verb_bases,
        participles=frozenset(participles),
        passive=passive,
        passive_verbs={k: tuple(v) for k, v in passive_verbs.items()},
        passive_complements={
            participle: (
                frozenset(word for entry in entries for word in entry.complements or ()),
                any(entry.complements is None for entry in entries),
            )
            for participle, entries in passive_verbs.items()
        },
        vague_groups=frozenset(groups),
        vague_quantifiers=quantifiers,
        quantifier_starts=frozenset(q[0] for q in quantifiers if q),
        hedge=_phrases(lists["hedges"]),
        hedge_starts=literal_starts(lists["hedges"]),
        anonymous_sources=frozenset(anonymous),
        qualified_sources=frozenset(qualified),
        anonymity_qualifier=_phrases(lists["anonymity_qualifiers"], anchored=True),
        institutions=institutions,
        anonymity_reason=_phrases(lists["anonymity_reasons"]),
        anonymity_marker=_phrases(lists["anonymity_markers"]),
        quotation_label=_phrases(lists["quotation_labels"]),
        anonymous_hint=_any_word(anonymous_words),
        vague_hint=_any_word(vague_words),
        start_scan=start_scan,
        start_kinds=start_kinds,
        scanned=scanned,
    )


def _literal_forms(words: Iterable[str]) -> set[str]:
    """The strings :func:`alternation` matches (its apostrophes as ``'``)."""
    return {w.lower().replace("’", "'") for w in words if w}


def _capitalized_forms(words: Iterable[str]) -> set[str]:
    """The strings :func:`_any_word` matches: each word in lower case and capitalized."""
    lower = _literal_forms(words)
    return lower | {w[:1].upper() + w[1:] for w in lower}


def _any_word(words: set[str]) -> re.Pattern[str]:
    """A case-sensitive pattern for any of ``words``, lower case or capitalized (faster than IGNORECASE)."""
    forms = sorted(_capitalized_forms(words))
    return re.compile(rf"(?<![\w’'\-])(?:{_trie(forms)})(?![\w’'\-])")


_FIRST_WORD = re.compile(r"[\w'\-]+")


def _plain(word: str) -> bool:
    """True for a word of lower-case ASCII letters only."""
    return word.isascii() and word.isalpha() and word.islower()


def _entry_starts(entries: Iterable[str]) -> set[str] | None:
    """The first words of a word pattern's entries (as :func:`_literal_forms` gives them), or None
    when one is not plain ASCII letters."""
    starts = set()
    for entry in entries:
        first = _FIRST_WORD.match(entry)
        if first is None or not _plain(first.group()):
            return None
        starts.add(first.group())
    return starts


def _phrase_starts(phrases: list[str]) -> set[str] | None:
    """The words a phrase pattern's (:func:`_phrases`) matches start with, or None when one is not
    plain ASCII letters (``n't``, a wildcard ``authori*``)."""
    starts = set()
    for phrase in phrases:
        token = next((t for t in phrase.split() if t != "..."), "")
        for word in token.lower().split("|"):
            word = word.strip()
            if not word:
                continue
            if word == "not" or not _plain(word):
                return None
            starts.add(word)
    return starts


def _start_scan(
    starts: dict[str, set[str] | None],
) -> tuple[re.Pattern[bytes] | None, dict[bytes, tuple[str, ...]], frozenset[str]]:
    """One pattern for the first words of several patterns, which patterns each word is for, and
    which patterns it covers.

    ``starts`` gives each pattern's first words (None: not plain letters, the
    pattern is left out).  The pattern runs over the text with every byte
    but a letter turned into a space, between spaces: ``" said "``.
    """
    kinds: dict[bytes, list[str]] = {}
    for kind, words in starts.items():
        for word in sorted(words or ()):
            kinds.setdefault(word.encode("ascii"), []).append(kind)
    if not kinds:
        return None, {}, frozenset()
    every = sorted(word.decode("ascii") for word in kinds)
    pattern = re.compile(rf" ({_trie(every)})(?= )".encode("ascii"))
    scanned = frozenset(kind for found in kinds.values() for kind in found)
    return pattern, {word: tuple(found) for word, found in kinds.items()}, scanned


def literal_starts(phrases: list[str]) -> tuple[str, ...] | None:
    """The lower-case words any match of the (unanchored) phrase pattern begins with, or None.

    Every match of :func:`_phrases`' pattern begins with one of its first words,
    in any case; found in the text lowered by :func:`str.lower`, they are where a
    match can start.  Words with letters beyond ASCII are left to the pattern
    (case-insensitive matching and ``str.lower`` may disagree about them); both
    apostrophes are given for a word holding one.
    """
    if not phrases:
        return None
    starts: set[str] = set()
    for phrase in phrases:
        for word in _first_words(phrase):
            if not word or not re.fullmatch(r"[a-z0-9_'\-]+", word) or word.count("'") > 1:
                return None
            starts.update({word, word.replace("'", "’")})
    return tuple(sorted(starts))


def _phrases(phrases: list[str], anchored: bool = False) -> re.Pattern[str] | None:
    if not phrases:
        return None
    body = "|".join(f"(?:{phrase_regex(p)})" for p in phrases)
    if anchored:
        return re.compile(rf"\A\s*(?:{body})", re.IGNORECASE)
    starts = sorted({w for p in phrases for w in _first_words(p) if w and w != "n't"})
    prefilter = rf"(?<![\w’'])(?={_trie(starts)})"
    if any("n't" in _first_words(p) for p in phrases):
        prefilter = rf"(?:{prefilter}|(?=n[’']t))"
    return re.compile(rf"{prefilter}(?:{body})", re.IGNORECASE)
