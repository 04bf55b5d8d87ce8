"""attribution: find who a sentence attributes its words to, and what kind of source that is.

An *attribution* is a speech or opinion verb with its speaker, in either order
("Austin said", "said Austin", "critics have long argued"), "according to
X", or "in a statement".  Each speaker is classified from the shape of its
noun phrase, not from a list of whole phrases:

- ``named``: a name, a pronoun, an institution ("the Pentagon", "police"),
  a document ("the report"), or officials speaking for a named body
  ("Pentagon officials", "hospital officials");
- ``anonymous``: unnamed people whose head noun is an anonymous-source noun
  ("a senior Defense Department official", "officials", "two people familiar
  with the talks", "a juror who asked not to be named");
- ``vague``: a group too vague to be a source ("critics", "some experts",
  "many", "sources");
- ``elided``: the subject is shared with an earlier verb ("..., but said").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from newslint_plugins.attribution_patterns import ADVERB, VAGUE_PRONOUNS, Vocabulary, words

from newslint.model import Article, Span

SPEAKERS_KEPT = 4096
"""How many speaker phrases' kinds :func:`classify` keeps."""
LOOK_AFTER = 20
"""Tokens after a verb that its checks look at (directives, "said to be", an inverted speaker)."""
TAIL_CHARS = 200
"""How much of a sentence after its last verb is tokenized (an inverted speaker and a few words)."""
MAX_ASIDE = 40
"""Longest aside between commas before a verb ("Jane Holm, a senior official at the agency, said")."""
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w][\w’'\-]*|[^\w\s]")
START = attrgetter("start")
"""The start of a token or a quotation (a key to bisect them by)."""
END = attrgetter("end")

BOUNDARY_MARKS = frozenset(',;:—–()[]“”"‘!?')
"""Punctuation that ends a speaker phrase.  A period inside a sentence belongs to an abbreviation."""

BOUNDARY_WORDS = words(
    "and but or nor that while because although though whereas as since if when whether after "
    "before so yet where what how why than once unless until"
)
"""Words that open a new clause: a speaker phrase never runs across them."""

PRONOUNS = words("he she they it we i you who which one")
RELATIVES = words("who which that")
NOUN_CUES = words("the a an his her their its our my your these those this of no any every each such whose")
"""A word right before a verb form that shows it is a noun ("the claims", "his notes")."""

AUXILIARIES = words(
    "have has had 've will would may might could can should must do does did not n't also "
    "is are was were be been being am"
)
CONTRACTED_BE = words("he's she's it's that's there's what's who's")
BE_FORMS = words("is are was were be been being am")
MODALS_AND_FINITE = words(
    "is are was were be been am would will could can may might should must has have had did does do"
)
TIME_WORDS = words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later "
    "again recently previously once then now"
)
IDIOMS = frozenset({("that", "said"), ("having", "said"), ("all", "told"), ("needless", "say")})
"""(word before, verb) pairs that are set phrases, not attributions."""
DIRECTIVE_BASES = frozenset({"ask", "tell", "urge", "order"})
CALL_PARTICLES = words("for off on upon in up back out")

POSTMOD_STARTERS = words(
    "who which that whose of at from in with on for to close familiar briefed knowledgeable involved "
    "aware including inside within among speaking working based"
)
EXACT_NUMBERS = words("one two three four five six seven eight nine ten eleven twelve dozen dozens both")
NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens several multiple "
    "numerous both few"
)
RANKS = words("senior top high-ranking ranking junior mid-level former current another other some many")
GENERIC_MODIFIERS = words(
    "intelligence military security government administration federal defense defence diplomatic "
    "foreign local regional national international law enforcement top senior western eastern "
    "campaign party congressional white"
)
"""Modifiers that, capitalized only because they open the sentence, do not name a body."""

NATIONALITY = re.compile(
    r"^(?:(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:an|ian|ean|ese|ish|ic|i|ch|ern)|Arab|Thai|Greek|Swiss|Gulf|Allied)$"
)
REDUCED_ADVERBS = words("widely generally commonly broadly universally popularly largely often long")
MULTIWORD_QUANTIFIER = re.compile(r"^(?:a lot of|lots of|plenty of|a number of|a host of)\s+", re.IGNORECASE)
IRREGULAR_PLURALS = words("people men women children folk")
SELF_WORDS = words("they their them themselves we our us")
APPOSITION_INTRO = words("including such like among notably especially")
TITLE_FUNCTION_WORDS = words(
    "the a an who which whose that this these those he she they it we in on at of for with by "
    "speaking according"
)

ACCORDING_TO = re.compile(r"(?<![\w’'])according\s+to\s+", re.IGNORECASE)
FIRST_WORD = re.compile(r"[\w’'\-]+")
ADVERB_WORD = re.compile(ADVERB)
"""An adverb, matched whole (``fullmatch``) against a token in lower case."""


@lru_cache(maxsize=4096)
def is_adverb(word: str) -> bool:
    """True when ``word`` (a token in lower case) is an adverb (:data:`ADVERB_WORD`)."""
    return ADVERB_WORD.fullmatch(word) is not None


WHITESPACE = re.compile(r"\s+")
IN_A_STATEMENT = re.compile(
    r"(?<![\w’'])in\s+an?\s+(?:written\s+|brief\s+|joint\s+)?statement\b", re.IGNORECASE
)


class Token(NamedTuple):
    """A word or a punctuation mark of a sentence, with its place in the article text."""

    text: str
    start: int
    end: int
    quoted: bool
    lower: str
    """The token in lower case."""
    is_word: bool
    """True for words and numbers, False for punctuation."""

    @property
    def capitalized(self) -> bool:
        """True when the word starts with a capital letter."""
        return self.text[0].isupper()


@dataclass(frozen=True)
class Attribution:
    """One attribution found in a sentence."""

    start: int
    end: int
    kinds: frozenset[str]
    """Subset of ``named``, ``anonymous``, ``vague``, ``elided``."""
    speaker: str
    trailing: bool = False
    """True when it closes its sentence (``..., it said.``), so it may cover the sentence before."""
    about_self: bool = False
    """True when the speakers talk about themselves ("many said they had not slept")."""

    @property
    def names_source(self) -> bool:
        """True when the sentence's claims have someone behind them (named, anonymous or elided)."""
        return "vague" not in self.kinds and bool(self.kinds & {"named", "anonymous", "elided"})


def quotation_spans(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations that overlap ``start:end``, as ``(start, end)`` pairs in order."""
    quotations = article.quotations
    index = max(0, bisect_right(quotations, start, key=START) - 1)
    spans = []
    while index < len(quotations) and quotations[index].start < end:
        if quotations[index].end > start:
            spans.append((quotations[index].start, quotations[index].end))
        index += 1
    return spans


def tokenize(
    article: Article, start: int, end: int, spans: list[tuple[int, int]] | None = None
) -> list[Token]:
    """Split ``article.text[start:end]`` into tokens, marking those inside quotations.

    ``spans`` are the :func:`quotation_spans` of ``start:end`` (or of more), when the
    caller has them.
    """
    if spans is None:
        spans = quotation_spans(article, start, end)
    make = tuple.__new__  # Token(...) without NamedTuple's argument handling: this is the hot loop
    if len(spans) <= 1:  # most sentences quote no one, or one quotation: marked in passing
        quote_start, quote_end = spans[0] if spans else (end, end)
        return [
            make(
                Token,
                (
                    token,
                    token_start,
                    token_start + len(token),
                    quote_start < token_start + len(token) and token_start < quote_end,
                    token.lower(),
                    token[0].isalnum(),
                ),
            )
            for match in TOKEN.finditer(article.text, start, end)
            for token, token_start in ((match.group(), match.start()),)
        ]
    tokens: list[Token] = []
    append = tokens.append
    current = 0
    count = len(spans)
    for match in TOKEN.finditer(article.text, start, end):
        token = match.group()
        token_start = match.start()
        token_end = token_start + len(token)
        while current < count and spans[current][1] <= token_start:
            current += 1
        quoted = current < count and spans[current][0] < token_end
        append(make(Token, (token, token_start, token_end, quoted, token.lower(), token[0].isalnum())))
    return tokens


CASE_FOLD_ODDITIES = frozenset("\u0130\u0131\u017f\u212a")  # İ ı ſ and the kelvin sign
"""Letters a case-insensitive pattern matches to ASCII letters although ``str.lower`` does not."""


def literal_positions(text: str, words: tuple[str, ...] | None) -> list[int] | None:
    """Every offset where one of ``words`` (lower case) starts in ``text``, in any case; None if unknown.

    A plain substring search of the lower-cased text is many times faster
    than a case-insensitive pattern, and the offsets include every place a
    match of a pattern that must begin with one of the words can start.  None
    (run the pattern everywhere) when the words are not known or lower-casing
    the text would move offsets or miss a case-insensitive match.
    """
    if words is None:
        return None
    lowered = text.lower()
    if len(lowered) != len(text) or any(letter in text for letter in CASE_FOLD_ODDITIES):
        return None
    positions = []
    for word in words:
        find = lowered.find
        at = find(word)
        while at >= 0:
            positions.append(at)
            at = find(word, at + 1)
    positions.sort()
    return positions


def sentence_runs(sentences: list[Span]) -> list[tuple[int, int]]:
    """Index of the first and last sentence of each run of adjacent sentences (a paragraph, mostly)."""
    if not sentences:
        return []
    breaks = [i for i in range(1, len(sentences)) if sentences[i].start - sentences[i - 1].end > 2]
    return [(first, stop - 1) for first, stop in zip([0, *breaks], [*breaks, len(sentences)], strict=True)]


LOWER_LETTERS = bytes(
    ord(chr(byte).lower()) if chr(byte).isascii() and chr(byte).isalpha() else ord(" ") for byte in range(256)
)
"""A ``bytes.translate`` table: ASCII letters in lower case, every other byte a space."""


def word_positions(vocab: Vocabulary, text: str, sentences: list[Span]) -> dict[str, list[int]] | None:
    """Where the verb, participle, hint and hedge patterns can start a match, by one scan; or None.

    Returns, for each pattern of ``Vocabulary.scanned`` (``verb``, ``passive``,
    ``vague``, ``anonymous``, ``hedge``), the sorted offsets of the words its
    matches can start with, in any case: more places than it matches, which
    it confirms.  The scan reads the text as ASCII letters in lower case and
    spaces (every other character, ``’`` and ``é`` too, a space: one byte per
    character, so offsets stay put), where a regular expression finds words
    several times faster than in the text.  A word that a sentence's end cuts
    is given for every pattern, which may match its first part there.  None
    when the vocabulary has no scan.
    """
    scan = vocab.start_scan
    if scan is None:
        return None
    letters = b" " + text.encode("ascii", "replace").translate(LOWER_LETTERS) + b" "
    positions: dict[str, list[int]] = {kind: [] for kind in vocab.scanned}
    kinds = vocab.start_kinds
    for match in scan.finditer(letters):
        at = match.start()  # the space before the word, which is the word's offset in the text
        for kind in kinds[match.group(1)]:
            positions[kind].append(at)
    cut = [letters.rfind(b" ", 0, s.end) for s in sentences if letters[s.end] != 32 != letters[s.end + 1]]
    if cut:
        for found in positions.values():
            found += cut
            found.sort()
    if "hedge" in positions and any(letter in text for letter in CASE_FOLD_ODDITIES):
        del positions["hedge"]  # a hedge may start with a letter that is not ASCII ("ſupposedly")
    return positions


def search_from(
    pattern: re.Pattern[str], text: str, start: int, end: int, positions: list[int] | None
) -> bool:
    """True when ``pattern.search(text, start, end)`` finds a match; it can start only at ``positions``.

    ``positions`` (from :func:`word_positions`, or None: search) must hold every
    offset where a match can start, the first part of a word the sentence's end
    cuts included.
    """
    if positions is None:
        return pattern.search(text, start, end) is not None
    index = bisect_left(positions, start)
    while index < len(positions) and positions[index] < end:
        if pattern.match(text, positions[index], end) is not None:
            return True
        index += 1
    return False


def sentences_matching(
    pattern: re.Pattern[str], text: str, sentences: list[Span], positions: list[int] | None
) -> set[int]:
    """The indexes of the sentences in which :func:`search_from` finds a match, in one pass."""
    if positions is None:
        return {i for i, s in enumerate(sentences) if pattern.search(text, s.start, s.end) is not None}
    found: set[int] = set()
    current = 0
    for at in positions:
        current = bisect_right(sentences, at, lo=current, key=END)  # the first sentence ending after it
        if current == len(sentences):
            break
        sentence = sentences[current]
        if at >= sentence.start and current not in found and pattern.match(text, at, sentence.end):
            found.add(current)
    return found


def matches_by_sentence(
    pattern: re.Pattern[str],
    text: str,
    sentences: list[Span],
    positions: list[int] | None = None,
    runs: list[tuple[int, int]] | None = None,
) -> list[list[re.Match[str]]]:
    """Run ``pattern`` once over each run of adjacent sentences; return its matches sentence by sentence.

    One scan per paragraph costs far less than one call per sentence.  A match
    belongs to the sentence it starts in and is dropped if it runs past it.
    ``positions`` (:func:`literal_positions`, :func:`word_positions`), when
    given, are the only offsets where a match can start: the pattern is tried
    there only.  ``runs`` are the :func:`sentence_runs`, when the caller has them.
    """
    buckets: list[list[re.Match[str]]] = [[] for _ in sentences]
    if positions is not None and not positions:
        return buckets
    if runs is None:
        runs = sentence_runs(sentences)
    if positions is None:
        for index, stop in runs:
            current = index
            for match in pattern.finditer(text, sentences[index].start, sentences[stop].end):
                while current < stop and match.start() >= sentences[current].end:
                    current += 1
                if match.start() >= sentences[current].start and match.end() <= sentences[current].end:
                    buckets[current].append(match)
        return buckets
    # As finditer over each run would: try the positions in order, skipping those inside a match.
    for index, stop in runs:
        run_end = sentences[stop].end
        first = bisect_left(positions, sentences[index].start)
        last = bisect_left(positions, run_end, lo=first)
        current, sentence, resume = index, sentences[index], 0
        for at in positions[first:last]:
            if at < resume:
                continue
            match = pattern.match(text, at, run_end)
            if match is None:
                continue
            resume = match.end()
            while current < stop and at >= sentence.end:
                current += 1
                sentence = sentences[current]
            if at >= sentence.start and resume <= sentence.end:
                buckets[current].append(match)
    return buckets


def find_attributions(
    article: Article,
    start: int,
    end: int,
    vocab: Vocabulary,
    verbs: list[re.Match[str]] | None = None,
    hedges: list[re.Match[str]] | None = None,
) -> list[Attribution]:
    """Return the attributions of the sentence ``start:end`` (outside its quotations), in order.

    ``verbs`` and ``hedges`` are the sentence's matches of the vocabulary's
    attribution-verb and hedge patterns when the caller has them already
    (:func:`matches_by_sentence`).
    """
    text = article.text
    if verbs is None:
        verbs = list(vocab.attribution_verb.finditer(text, start, end))
    according = (
        list(ACCORDING_TO.finditer(text, start, end)) if text.find("ccording", start, end) >= 0 else []
    )
    found: list[Attribution] = []
    if text.find("statement", start, end) >= 0:
        for match in IN_A_STATEMENT.finditer(text, start, end):
            if not article.in_quotation(match.start()):
                found.append(Attribution(match.start(), match.end(), frozenset({"named"}), "a statement"))
    if not verbs and not according:
        return found
    # Nothing after the last verb's speaker matters: leave the rest of a long sentence untokenized.
    last = max(verbs[-1].end() if verbs else start, according[-1].end() if according else start)
    stop = min(end, last + TAIL_CHARS)
    spans = quotation_spans(article, start, stop)
    checked = 0  # how many of the verbs, from the first, are known not to be ruled out
    if according:
        tokens, whole = tokenize(article, start, stop, spans), True
    else:
        # The words before a verb often show it is no attribution ("the claims", "are expected
        # to"): tokenize up to each verb in turn (no token runs into a verb), and no further
        # when every verb is ruled out.
        tokens, whole = _words_before(article, start, verbs[0].start(), spans)
        upto = verbs[0].start()
        for ruled_out, match in enumerate(verbs):
            if ruled_out:
                tokens += tokenize(article, upto, match.start(), spans)
                upto = match.start()
            if not _ruled_out(tokens, len(tokens), _verb_key(match.group("verb")), vocab):
                tokens += tokenize(article, upto, stop, spans)
                verbs, checked = verbs[ruled_out:], 1
                break
        else:
            return _without_nested(found)
    if hedges is None and vocab.hedge is not None:
        hedges = list(vocab.hedge.finditer(text, start, end))
    hedge_spans = [m.span() for m in hedges or []]
    taken: list[tuple[int, int]] = []  # hedges and "according to" phrases: no verb inside is a speaker's
    if according:
        hedged = _Spans(hedge_spans)
        for match in according:
            if article.in_quotation(match.start()) or hedged.holds(match.start()):
                continue  # "according to reports" is a hedge, not a source
            index = bisect_left(tokens, match.end(), key=START)
            phrase = _phrase_after(tokens, index)
            if phrase:
                kinds = _classify_with_apposition(tokens, index, index + len(phrase), vocab)
                taken.append((match.start(), phrase[-1].end))
                found.append(
                    Attribution(
                        match.start(),
                        phrase[-1].end,
                        kinds,
                        _join(phrase),
                        trailing=_is_trailing(tokens, match.start(), phrase[-1].end),
                    )
                )
    taken_spans = _Spans(taken + hedge_spans) if taken or hedge_spans else None
    try:
        found += _verb_attributions(tokens, verbs, checked, taken_spans, vocab, whole)
    except _PartOfQuotation:
        tokens = tokenize(article, start, stop, spans)
        found += _verb_attributions(tokens, verbs, checked, taken_spans, vocab, True)
    return _without_nested(found)


def _verb_attributions(
    tokens: list[Token],
    verbs: list[re.Match[str]],
    checked: int,
    taken: _Spans | None,
    vocab: Vocabulary,
    whole: bool,
) -> list[Attribution]:
    """The attributions of a sentence's verbs (the first ``checked`` not ruled out already).

    ``taken`` are the spans where no verb has a speaker of its own (hedges, "according to"
    phrases); ``whole`` is False when quotations before the first verb are cut short
    (:func:`_words_before`).
    """
    found = []
    for position, match in enumerate(verbs):
        first = bisect_left(tokens, match.start(), key=START)
        last = bisect_left(tokens, match.end(), lo=first, key=START) - 1
        if first >= len(tokens) or tokens[first].start != match.start() or tokens[first].quoted:
            continue
        if taken is not None and taken.holds(match.start()):
            continue
        verb = _verb_key(match.group("verb"))
        if position >= checked and _ruled_out(tokens, first, verb, vocab):
            continue
        attribution = _verb_attribution(tokens, first, last, vocab, verb, whole)
        if attribution is not None:
            found.append(attribution)
    return found


class _PartOfQuotation(Exception):
    """Raised when the words left out of a quotation (:func:`_words_before`) may matter."""


def _words_before(
    article: Article, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[list[Token], bool]:
    """The tokens of ``start:end``, the words before a sentence's first verb, and whether all are there.

    Of a quotation that lies whole in them only the tokens up to its first word
    and its closing mark are kept: a speaker phrase stops at a quotation's
    closing mark, nothing after the verb looks back, and the sentence's first
    word stays.  Only an aside right before the verb ("..., a spokeswoman,
    said", :func:`_parenthetical`) may look past the mark:
    :func:`_verb_attribution` raises :class:`_PartOfQuotation` then.
    """
    tokens: list[Token] = []
    upto, whole = start, True
    for quote_start, quote_end in spans:
        if quote_start < upto or quote_end > end:
            continue
        tokens += tokenize(article, upto, quote_start, spans)
        for match in TOKEN.finditer(article.text, quote_start, quote_end - 1):
            tokens.append(_token(match, True))
            if tokens[-1].is_word:
                whole = False
                break
        closing = TOKEN.match(article.text, quote_end - 1, quote_end)
        if closing is not None:  # a closed quotation ends with its mark, a one-character token
            tokens.append(_token(closing, True))
        upto = quote_end
    tokens += tokenize(article, upto, end, spans)
    return tokens, whole


def _token(match: re.Match[str], quoted: bool) -> Token:
    """The token of a match of :data:`TOKEN`."""
    text = match.group()
    return Token(text, match.start(), match.end(), quoted, text.lower(), text[0].isalnum())


class _Spans:
    """Sorted, possibly overlapping spans; answers "is this offset inside one?" in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [a for a, _ in self.spans]
        reach, self._reach = -1, []
        for _, b in self.spans:  # the furthest end among the spans so far
            reach = max(reach, b)
            self._reach.append(reach)

    def holds(self, offset: int) -> bool:
        """True when ``offset`` lies inside one of the spans."""
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and self._reach[index] > offset


def anonymity_explained(article: Article, start: int, end: int, vocab: Vocabulary) -> bool:
    """True when ``article.text[start:end]`` says why a source was granted anonymity."""
    reason = vocab.anonymity_reason
    return reason is not None and reason.search(article.text, start, end) is not None


def classify(words: list[Token], vocab: Vocabulary, sentence_start: int = -1) -> frozenset[str]:
    """Classify a speaker phrase: ``named``, ``anonymous``, ``vague`` (both for bare "sources").

    A story names the same speakers again and again: the kinds of a phrase are
    kept in ``vocab.speaker_kinds``, by its words and whether it opens the
    sentence (which starts at ``sentence_start``), all they depend on.
    """
    words = [w for w in words if w.is_word]
    if not words:
        return frozenset({"elided"})
    key = (tuple([w.text for w in words]), words[0].start == sentence_start)
    kinds = vocab.speaker_kinds.get(key)
    if kinds is None:
        if len(vocab.speaker_kinds) >= SPEAKERS_KEPT:
            vocab.speaker_kinds.clear()
        kinds = vocab.speaker_kinds[key] = _classify(words, vocab, sentence_start)
    return kinds


def _classify(words: list[Token], vocab: Vocabulary, sentence_start: int) -> frozenset[str]:
    """:func:`classify` for a phrase of words (no punctuation), worked out."""
    lowered = [w.lower for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return frozenset({"named"})
    quantified = False
    # Only a phrase starting with "a", "lots" or "plenty" can open with a multiword quantifier.
    multiword = MULTIWORD_QUANTIFIER.match(" ".join(lowered)) if lowered[0][:1] in ("a", "l", "p") else None
    if multiword:
        skip = len(multiword.group().split())
        words, lowered, quantified = words[skip:], lowered[skip:], True
        if not words:
            return frozenset({"vague"})
    premods, head_index, postmods = split_phrase(words)
    head = lowered[head_index]
    qualified = bool(
        postmods
        and vocab.anonymity_qualifier is not None
        and vocab.anonymity_qualifier.match(" ".join(w.text for w in postmods))
    )
    premod_lower = [w.lower for w in premods]
    counted = exact = False
    if premod_lower:
        counted = any(p in NUMBER_WORDS or p[:1].isdigit() for p in premod_lower)
        exact = any(p in EXACT_NUMBERS or p[:1].isdigit() for p in premod_lower)
        quantified = quantified or any(
            _starts_quantifier(premod_lower, i, vocab)
            for i, premod in enumerate(premod_lower)
            if premod in vocab.quantifier_starts
        )
    kinds: set[str] = set()
    if head in vocab.anonymous_sources or (head in vocab.qualified_sources and qualified):
        ranked = counted or any(p in RANKS for p in premod_lower)
        if _is_plural(head) and not ranked and _institution_voice(premods, postmods, vocab, sentence_start):
            kinds.add("named")
        else:
            kinds.add("anonymous")
    vague_head = (
        head in vocab.vague_groups
        or (quantified and _is_plural(head))
        or (head in VAGUE_PRONOUNS and not premods and head_index == 0)
    )
    if (
        vague_head
        and ("anonymous" not in kinds or head in vocab.vague_groups)  # "several officials": anonymous only
        and not qualified
        and not exact
        and not _named_qualifier(postmods, vocab)
        and not (premod_lower and premod_lower[0] in ("the", "these", "those", "this", "that"))
        and not any(_proper(w, sentence_start) for w in premods)
        and not (head in VAGUE_PRONOUNS and postmods and any(w.capitalized for w in postmods[1:]))
    ):
        kinds.add("vague")
    if not kinds:
        kinds.add("named")
    return frozenset(kinds)


def split_phrase(words: list[Token]) -> tuple[list[Token], int, list[Token]]:
    """Split a noun phrase into modifiers, the index of its head noun, and what follows the head.

    "two people familiar with the talks" → (["two"], 1, ["familiar", "with", "the", "talks"]).
    """
    for split in range(1, len(words)):
        if words[split].lower in POSTMOD_STARTERS:
            return words[: split - 1], split - 1, words[split:]
    return words[:-1], len(words) - 1, []


def _marked_anonymous(phrase: list[Token], after: list[Token], vocab: Vocabulary) -> bool:
    """True when a common-noun speaker is said to be unnamed: "a spokesperson, who declined to be named"."""
    marker = vocab.anonymity_marker
    words = [t for t in phrase if t.is_word]
    if marker is None or not words:
        return False
    _, head_index, _ = split_phrase(words)
    head = words[head_index]
    if head.lower in PRONOUNS or (head.capitalized and head is not words[0]):
        return False
    if marker.search(" ".join([t.text for t in phrase])):
        return True
    window = [t for t in after[:10] if not t.quoted]
    return bool(
        window
        and (window[0].lower in ("on", "speaking") or (window[0].text == "," and len(window) > 1))
        and marker.search(" ".join([t.text for t in window]))
    )


# Verbs --------------------------------------------------------------------------------------


def _verb_key(verb: str) -> str:
    """A verb as the vocabulary lists it: in lower case, a phrasal verb's spaces as one ("point out")."""
    verb_lower = verb.lower()
    return verb_lower if verb_lower.isalpha() else WHITESPACE.sub(" ", verb_lower)


def _ruled_out(tokens: list[Token], first: int, verb_lower: str, vocab: Vocabulary) -> bool:
    """True when the words before the verb form at ``tokens[first]`` show it attributes nothing.

    Only ``tokens[:first]`` are read: "the claims", "the company's notes" (a
    noun), "declined to say" (an infinitive), "That said" (a set phrase), "are
    expected to" (a passive).
    """
    if first == 0:
        return False
    before = tokens[first - 1]
    past_form = verb_lower in vocab.participles
    if (
        before.is_word
        and (
            before.lower in NOUN_CUES
            or (
                _possessive(before)
                and not past_form
                and vocab.verb_bases.get(verb_lower, verb_lower) != "say"
            )
        )
        and not (past_form and before.lower == "her")  # "a person close to her said"
    ):
        return True
    if before.lower == "to" or (before.lower, verb_lower) in IDIOMS:
        return True  # "declined to say"; "That said, ...", "All told, ..."
    if not past_form:
        return False
    index = _skip_adverbs(tokens, first - 1)
    return index >= 0 and _is_be(tokens[index])


def _skip_adverbs(tokens: list[Token], index: int) -> int:
    """Step back from ``tokens[index]`` over adverbs ("is still widely said")."""
    while index >= 0 and tokens[index].is_word and is_adverb(tokens[index].lower):
        index -= 1
    return index


def _is_be(token: Token) -> bool:
    """True for a form of "be", contracted ones too ("it's")."""
    return token.lower in BE_FORMS or token.lower.replace("’", "'") in CONTRACTED_BE


def _verb_attribution(
    tokens: list[Token], first: int, last: int, vocab: Vocabulary, verb_lower: str, whole: bool = True
) -> Attribution | None:
    """The attribution of the verb form ``tokens[first:last + 1]`` (:func:`_verb_key`), or None.

    The words before it do not rule it out (:func:`_ruled_out`); ``whole`` is
    False when quotations before it are cut short (:func:`_words_before`).
    """
    base = vocab.verb_bases.get(verb_lower, verb_lower)
    verb_token = tokens[first]
    if first > 0 and verb_token.capitalized:
        return None  # "the United States": a verb form is lower case inside a sentence
    before = tokens[first - 1] if first > 0 else None
    after = tokens[last + 1 : last + 1 + LOOK_AFTER]
    if _is_directive(base, after):
        return None
    if _is_passive_use(tokens, first, verb_lower, vocab, after):
        return None
    end = tokens[last].end
    if before is not None and (before.text in ',”"’—' or before.text == "'"):
        inverted = _inverted_speaker(tokens, last + 1, vocab)
        if inverted is not None:
            phrase, kinds = inverted
            if "anonymous" not in kinds and _marked_anonymous(phrase, [], vocab):
                kinds = frozenset({"anonymous"})
            return Attribution(
                verb_token.start,
                phrase[-1].end,
                kinds,
                _join(phrase),
                trailing=_is_trailing(tokens, verb_token.start, phrase[-1].end),
            )
    subject_end = _skip_auxiliaries(tokens, first - 1)
    if subject_end < 0 or _is_boundary(tokens[subject_end]):
        if subject_end >= 0 and tokens[subject_end].text == ",":
            if not whole:
                raise _PartOfQuotation  # the aside's start may lie in a quotation cut short
            return _parenthetical(tokens, subject_end, first, end, vocab)
        return Attribution(verb_token.start, end, frozenset({"elided"}), "")
    subject_start = _subject_start(tokens, subject_end)
    subject = tokens[subject_start : subject_end + 1]
    words = [t for t in subject if t.is_word]
    if len(words) == 1 and words[0].lower in RELATIVES:
        antecedent = _antecedent(tokens, subject_start)
        if antecedent is not None:
            subject = antecedent
    kinds = classify(subject, vocab, _sentence_start(tokens))
    if "anonymous" not in kinds and "vague" not in kinds and _marked_anonymous(subject, after, vocab):
        kinds = frozenset({"anonymous"})
    about_self = _about_self(after)
    return Attribution(
        subject[0].start,
        end,
        kinds,
        _join(subject),
        trailing=_is_trailing(tokens, subject[0].start, end),
        about_self=about_self,
    )


def _is_directive(base: str, after: list[Token]) -> bool:
    """True for "asked residents to leave", "told him not to", "called for calm": not attribution."""
    if base == "call":
        return bool(after) and after[0].lower in CALL_PARTICLES
    if base == "agree":
        return bool(after) and after[0].lower in ("to", "on", "upon")
    if base not in DIRECTIVE_BASES:
        return False
    window = [t.lower for t in after[:5]]
    if "to" not in window:
        return False
    position = window.index("to")
    return (
        position + 1 < len(after) and after[position + 1].is_word and after[position + 1].lower != "reporters"
    )


def _is_passive_use(
    tokens: list[Token], first: int, verb_lower: str, vocab: Vocabulary, after: list[Token]
) -> bool:
    """True for "was told", "is said to be": the verb's subject is not its speaker."""
    if verb_lower not in vocab.participles:
        return False
    index = _skip_adverbs(tokens, first - 1)
    if index >= 0 and _is_be(tokens[index]):
        return True
    if first > 0 and tokens[first - 1].lower in REDUCED_ADVERBS and index >= 0 and tokens[index].text == ",":
        return True  # "The striker, often described as ...": a reduced passive
    if index >= 0 and tokens[index].text == "," and after and after[0].lower in ("as", "to", "by"):
        return True  # "The plan, described as ...", "The ship, said to be ..."
    return len(after) >= 2 and after[0].lower == "to" and after[1].lower in ("be", "have")


def _skip_auxiliaries(tokens: list[Token], index: int) -> int:
    """Step back over auxiliaries, adverbs and times between a subject and its verb."""
    while index >= 0:
        token = tokens[index]
        lower = token.lower
        if token.text == ".":
            index -= 1
        elif token.is_word and (lower in AUXILIARIES or lower in TIME_WORDS or is_adverb(lower)):
            if lower in TIME_WORDS and index > 0 and tokens[index - 1].lower == "on":
                index -= 1
            index -= 1
        elif (
            lower in ("week", "month", "year", "night")
            and index > 0
            and tokens[index - 1].lower in ("last", "this")
        ):
            index -= 2
        else:
            break
    return index


def _is_boundary(token: Token) -> bool:
    return token.quoted or token.text in BOUNDARY_MARKS or (token.is_word and token.lower in BOUNDARY_WORDS)


def _subject_start(tokens: list[Token], subject_end: int, limit: int = 14) -> int:
    """Where the subject ending at ``subject_end`` starts: at the last clause boundary before it.

    A short capitalized conjunct joins it ("U.S. and other Western officials",
    "Smith and Jones"), though "and" otherwise opens a new clause.
    """
    index = subject_end
    while index - 1 >= 0 and subject_end - index < limit and not _is_boundary(tokens[index - 1]):
        index -= 1
    if index >= 2 and tokens[index - 1].lower in ("and", "or"):
        left = index - 2
        first = left
        while first >= 0 and left - first < 2 and tokens[first].is_word and tokens[first].capitalized:
            first -= 1
        if first < left and (first < 0 or _is_boundary(tokens[first])):
            index = first + 1
    return index


def _antecedent(tokens: list[Token], relative_index: int) -> list[Token] | None:
    """The noun phrase a relative pronoun stands for: "a senior official, who said"."""
    index = relative_index - 1
    if index >= 0 and tokens[index].text == ",":
        index -= 1
    if index < 0 or _is_boundary(tokens[index]):
        return None
    start = _subject_start(tokens, index)
    return tokens[start : index + 1]


def _parenthetical(
    tokens: list[Token], comma: int, verb_index: int, end: int, vocab: Vocabulary
) -> Attribution | None:
    """Handle "Jane Holm, a senior official, said" and "A senior official, who ..., said"."""
    opening = comma - 1
    while (
        opening >= 0
        and comma - opening < MAX_ASIDE
        and tokens[opening].text != ","
        and tokens[opening].text not in ";:()—–"
    ):
        opening -= 1
    inside = [t for t in tokens[opening + 1 : comma] if not t.quoted]
    if opening < 0 or tokens[opening].text != ",":
        main: list[Token] = []
    else:
        main_end = opening - 1
        main = tokens[_subject_start(tokens, main_end) : main_end + 1] if main_end >= 0 else []
        if main and _is_boundary(main[-1]):
            main = []
    start = (main or inside or [tokens[verb_index]])[0].start
    words = [t for t in inside if t.is_word]
    if not words:
        return Attribution(tokens[verb_index].start, end, frozenset({"elided"}), "")
    sentence_start = _sentence_start(tokens)
    speaker = main or inside
    if _names_someone(words, sentence_start):
        kinds = frozenset({"named"})
    else:
        kinds = classify(speaker, vocab, sentence_start)
        if "anonymous" not in kinds and _marked_anonymous(
            speaker + inside, tokens[verb_index + 1 : verb_index + 1 + LOOK_AFTER], vocab
        ):
            kinds = frozenset({"anonymous"})
    return Attribution(start, end, kinds, _join(main or inside), trailing=_is_trailing(tokens, start, end))


def _names_someone(words: list[Token], sentence_start: int) -> bool:
    """True when an aside names a person: "Ines Mora", "including Sen. Ruth Alvarez"."""
    first = words[0]
    if first.capitalized and first.lower not in TITLE_FUNCTION_WORDS and not NATIONALITY.match(first.text):
        return True
    return first.lower in APPOSITION_INTRO and any(w.capitalized for w in words[1:])


def _inverted_speaker(
    tokens: list[Token], index: int, vocab: Vocabulary
) -> tuple[list[Token], frozenset[str]] | None:
    """The speaker after the verb: ", said Austin", "," said a senior official who ..."."""
    while index < len(tokens) and tokens[index].is_word and tokens[index].lower in TIME_WORDS:
        index += 1
    phrase = _phrase_after(tokens, index)
    if not phrase:
        return None
    core = []
    for token in phrase:
        if token.lower in RELATIVES:
            break
        core.append(token)
    words = [t for t in core if t.is_word]
    if not words or len(words) > 9 or any(w.lower in MODALS_AND_FINITE for w in words):
        return None
    first = words[0]
    if len(words) == 1 and first.lower in PRONOUNS - {"who", "which", "one"}:
        return phrase, frozenset({"named"})
    if not (
        first.capitalized
        or first.lower in NOUN_CUES
        or first.lower in NUMBER_WORDS
        or first.lower in RANKS
        or first.lower in vocab.vague_groups
        or first.lower in vocab.anonymous_sources
    ):
        return None
    kinds = _classify_with_apposition(tokens, index, index + len(phrase), vocab)
    return phrase, kinds


def _classify_with_apposition(
    tokens: list[Token], start: int, stop: int, vocab: Vocabulary
) -> frozenset[str]:
    """Classify a phrase, counting a name right after it: "a senior official, Jane Doe"."""
    phrase = tokens[start:stop]
    kinds = classify(phrase, vocab, _sentence_start(tokens))
    if "anonymous" in kinds or "vague" in kinds:
        following = [t for t in tokens[stop : stop + 4] if t.is_word]
        if stop < len(tokens) and tokens[stop].text == "," and following and _names_someone(following, -1):
            return frozenset({"named"})
    return kinds


def _phrase_after(tokens: list[Token], index: int, limit: int = 16) -> list[Token]:
    """Tokens from ``index`` up to the next punctuation that closes a phrase."""
    phrase = []
    while index < len(tokens) and len(phrase) < limit:
        token = tokens[index]
        if token.quoted or (token.text in BOUNDARY_MARKS and token.text != "(") or token.text in ".":
            if token.text == "." and phrase and index + 1 < len(tokens) and tokens[index + 1].is_word:
                index += 1  # the period of an abbreviation ("Sen.", "U.S.")
                continue
            break
        phrase.append(token)
        index += 1
    return phrase


def _is_trailing(tokens: list[Token], start: int, end: int) -> bool:
    """True when the attribution follows a comma and only a few words come after it."""
    first = bisect_left(tokens, start, key=START)
    if first == 0 or tokens[first - 1].text not in ',”"’':
        return False
    after = bisect_left(tokens, end, key=START)
    return len([t for t in tokens[after : after + 12] if t.is_word]) <= 4


def _about_self(after: list[Token]) -> bool:
    words = [t.lower for t in after[:3] if t.is_word]
    if words and words[0] == "that":
        words = words[1:]
    return bool(words) and words[0] in SELF_WORDS


def _sentence_start(tokens: list[Token]) -> int:
    """Offset of the sentence's first word (its capital says nothing about a proper noun)."""
    return next((token.start for token in tokens if token.is_word), -1)


def _proper(word: Token, sentence_start: int) -> bool:
    """True for a capitalized word that is a name or a body, not a sentence's first word."""
    if not word.capitalized or word.lower in TITLE_FUNCTION_WORDS:
        return False
    return word.start != sentence_start


def _institution_voice(
    premods: list[Token], postmods: list[Token], vocab: Vocabulary, sentence_start: int
) -> bool:
    """True when plural officials speak for a named body: "Pentagon officials", "officials at the Pentagon"."""
    for word in premods:
        lower = word.lower
        if lower in vocab.institutions:
            return True
        if not word.capitalized or NATIONALITY.match(word.text) or lower in TITLE_FUNCTION_WORDS:
            continue
        if word.start == sentence_start and lower in GENERIC_MODIFIERS:
            continue
        return True
    if postmods and postmods[0].lower in ("at", "from", "of", "in", "for"):
        rest = [w for w in postmods[1:4] if w.lower not in ("the", "a", "an")]
        if rest and (
            rest[0].lower in vocab.institutions
            or (rest[0].capitalized and not NATIONALITY.match(rest[0].text))
        ):
            return True
    return False


def _named_qualifier(postmods: list[Token], vocab: Vocabulary) -> bool:
    """True for "analysts at Moody's", "experts from the Geological Survey"."""
    if not postmods or postmods[0].lower not in ("at", "from", "with", "for", "including"):
        return False
    rest = [w for w in postmods[1:4] if w.lower not in ("the", "a", "an")]
    return bool(rest) and (rest[0].capitalized or rest[0].lower in vocab.institutions)


def _starts_quantifier(premods: list[str], index: int, vocab: Vocabulary) -> bool:
    if premods[index] not in vocab.quantifier_starts:
        return False
    for quantifier in vocab.vague_quantifiers:
        if tuple(premods[index : index + len(quantifier)]) == quantifier:
            following = premods[index + len(quantifier) : index + len(quantifier) + 1]
            return not (following and (following[0][:1].isdigit() or following[0] in NUMBER_WORDS))
    return False


def _is_plural(noun: str) -> bool:
    return noun in IRREGULAR_PLURALS or (noun.endswith("s") and not noun.endswith("ss"))


def _possessive(token: Token) -> bool:
    return token.text.endswith(("’s", "'s", "s’", "s'"))


def _join(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens if t.is_word)


def _without_nested(found: list[Attribution]) -> list[Attribution]:
    """Drop attributions inside a longer one ("a juror who asked ... said")."""
    if len(found) < 2:
        return found
    found.sort(key=lambda a: (a.start, -a.end))
    kept: list[Attribution] = []
    for attribution in found:
        if kept and attribution.start >= kept[-1].start and attribution.end <= kept[-1].end:
            continue
        kept.append(attribution)
    return kept
