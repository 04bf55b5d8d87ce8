"""attribution: claims with no one behind them, quotations nobody said, anonymous sources.

Four rules, all in the ``attribution`` category:

- ``attribution.unattributed-claim``: agentless passives of belief and report
  ("is considered crucial"), vague groups as sources ("critics say") and
  hedges ("reportedly"), when the sentence names no source;
- ``attribution.unattributed-quote``: a quotation of a sentence or more with
  no speaker in its sentence or paragraph, unless it runs on from a quotation
  attributed in the paragraph before;
- ``attribution.anonymous-source``: every attribution to unnamed people;
- ``attribution.anonymity-unexplained``: an anonymous source whose sentence
  and the next say nothing of why anonymity was granted.

The words come from the ``attribution:`` section of rules.yaml
(:mod:`newslint_plugins.attribution_patterns`); finding and classifying
speakers is :mod:`newslint_plugins.attribution_sources`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newslint_plugins.attribution_patterns import (
    PASSIVE_LEAD,
    SECTION,
    Vocabulary,
    compile_vocabulary,
    config_errors,
    words,
)
from newslint_plugins.attribution_sources import (
    Attribution,
    anonymity_explained,
    classify,
    find_attributions,
    literal_positions,
    matches_by_sentence,
    sentence_runs,
    sentences_matching,
    tokenize,
    word_positions,
)

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.model import Article, Paragraph, Quotation, Sentence
from newslint.rules import RuleOption, RuleSpec

CLAIM = "attribution.unattributed-claim"
QUOTE = "attribution.unattributed-quote"
ANONYMOUS = "attribution.anonymous-source"
UNEXPLAINED = "attribution.anonymity-unexplained"

AP_ANONYMITY = "AP Stylebook, “anonymous sources”: the story says why the source was granted anonymity."

RULES = [
    RuleSpec(
        id=CLAIM,
        category="attribution",
        severity="warning",
        summary="A claim whose source is hidden or vague (“is considered crucial”, “critics say”, “reportedly”)",
        what=(
            "Flags, in a sentence that names no source, (1) agentless passives of belief, report and "
            "judgment, with any auxiliary and adverbs between (“is considered crucial”, “is still widely "
            "seen as”, “has been described as”, “is expected to”, “it is understood that”); (2) vague "
            "groups given as the source, in any tense (“critics say”, “some experts have warned”, "
            "“many believe”, “say critics”); (3) hedges (“reportedly”, “according to reports”, "
            "“sources say”).  A sentence names its source with an attribution (“the report said”, "
            "“according to the Pentagon”, “analysts at Moody’s say”, an agent such as “by the city’s "
            "historical commission”) or when the next sentence of the paragraph closes with one "
            "(wire style: “..., it said.”).  Text inside quotations is the speaker’s and is not checked."
        ),
        why=(
            "Every claim in a news story needs someone behind it.  A passive with no agent, an "
            "unnamed crowd of experts or “reportedly” presents an opinion or a rumour as fact and "
            "leaves the reader unable to judge it."
        ),
        bad="The new runway is considered essential to the airport’s expansion.",
        good="The new runway is essential to the airport’s expansion, the port authority said.",
        options={
            "passives": RuleOption(True, "flag agentless passives of belief and report (“is considered”)"),
            "vague_groups": RuleOption(True, "flag vague groups given as sources (“critics say”)"),
            "hedges": RuleOption(True, "flag hedges (“reportedly”, “according to reports”)"),
        },
        source="AP News Values and Principles: information that is not common knowledge is attributed to its source.",
    ),
    RuleSpec(
        id=QUOTE,
        category="attribution",
        severity="warning",
        summary="A direct quotation with no speaker in its sentence or paragraph",
        what=(
            "Flags a quotation of more than a few words (a sentence or more) when neither its sentence "
            "nor its paragraph says who spoke: no attribution verb with a speaker (“she said”, "
            "“said Okafor”, “according to the indictment”) and no dialogue tag after it "
            "(“…,” the manager shrugged).  A quotation that runs on from a paragraph whose quotation "
            "was attributed and left open (the wire convention for running quotes) is attributed.  "
            "Scare quotes, titles and quoted words or short phrases (up to `max_short_words` words: "
            "the so-called “peace dividend”) are not quotations that need a speaker."
        ),
        why=(
            "A quotation is someone’s exact words; without a speaker the reader cannot tell who "
            "said them, and a desk cannot check them.  Each new quotation paragraph needs its own "
            "attribution unless it continues the previous paragraph’s quotation."
        ),
        bad="“We will not close this plant while I am mayor. The jobs stay here.”",
        good="“We will not close this plant while I am mayor,” Mayor Linda Okafor said. “The jobs stay here.”",
        options={
            "max_short_words": RuleOption(
                4, "quotations of at most this many words are phrases or scare quotes, not checked"
            ),
        },
        source="AP Stylebook, “quotations in the news”.",
    ),
    RuleSpec(
        id=ANONYMOUS,
        category="attribution",
        severity="info",
        summary="An attribution to unnamed people (“a senior official said”, “according to two people familiar”)",
        what=(
            "Notes every attribution whose speaker is unnamed people: “a senior Defense Department "
            "official said”, “officials said”, “said a senior diplomat”, “according to two people "
            "familiar with the negotiations”, “a person briefed on the talks”, “sources”, “a juror who "
            "asked not to be named”.  Named people, pronouns, institutions (“the Pentagon said”, "
            "“police said”), documents (“the report said”) and officials speaking for a named body "
            "(“Pentagon officials”, “hospital officials”, but not “senior Pentagon officials” or "
            "“U.S. officials”) are not anonymous sources, nor is a phrase followed by the name "
            "(“a spokeswoman, Ines Mora, said”)."
        ),
        why=(
            "Anonymous sources are sometimes necessary but always cost the story credibility.  Listing "
            "them lets a standards editor see at a glance how much a story leans on them."
        ),
        bad="The talks stalled over the price of gas, a senior official said.",
        good="The talks stalled over the price of gas, Energy Minister Ana Costa said.",
        source="AP Stylebook, “anonymous sources”.",
    ),
    RuleSpec(
        id=UNEXPLAINED,
        category="attribution",
        severity="warning",
        summary="An anonymous source with no reason given for the anonymity",
        what=(
            "Flags an anonymous source when neither its sentence nor the next `look_ahead` sentences "
            "say why anonymity was granted: “who spoke on condition of anonymity because the talks "
            "are private”, “who was not authorized to discuss the plans”, “to discuss internal "
            "planning”, “for fear of losing her job”.  “On condition of anonymity” or “asked not to be "
            "named” alone is not a reason.  The reasons are phrases in rules.yaml "
            "(`attribution.anonymity_reasons`)."
        ),
        why="AP requires the story to tell readers why the source was granted anonymity.",
        bad="The deal is close, a senior official said.",
        good=(
            "The deal is close, said a senior official, who spoke on condition of anonymity because "
            "the negotiations are private."
        ),
        options={
            "look_ahead": RuleOption(1, "how many sentences after the source may give the reason"),
        },
        source=AP_ANONYMITY,
    ),
]
RULE_IDS = tuple(rule.id for rule in RULES)

NEXT_WORD = re.compile(r"\s*([\w’'\-]+|[^\w\s])")
GENERIC_STOPS = words(
    "at in on for during next this last later today tonight tomorrow yesterday when until before after "
    "again and or but with into from upon over separately monday tuesday wednesday thursday friday "
    "saturday sunday"
)
"""Words right after a participle that show it is not a judgment ("was considered at the meeting")."""
CLAUSE_END = re.compile(r"[,;:—–()]")
AGENT = re.compile(r"\bby\s+", re.IGNORECASE)
TIME_AGENT = re.compile(
    r"(?:the\s+)?(?:end|start|middle|time|then|now|noon|midnight|next|this|\d|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|far|mid|early|late)",
    re.IGNORECASE,
)
NAMED_AFTER_HEDGE = re.compile(r"\s+(?:by|from|in|on|of)\s+(?:the\s+)?[A-Z]")
DIALOGUE_TAG = re.compile(
    r"\s+(?:[A-Z][\w’'.\-]*|he|she|they|we|I|it|the|a|an|one|another|his|her|their|its)\b"
    r"[^.“”\"!?]{0,60}?\b[a-z]+(?:ed|s)\b"
)
NO_COMPLEMENT: tuple[frozenset[str], bool] = (frozenset(), False)
DETERMINERS = words("a an the one this these those his her its their our some many")
WORD = re.compile(r"[\w’'\-]+")
SMALL_TITLE_WORDS = words("a an the of to in on at for and or but from by with as vs")
STATE_KEY = "attribution.vocabulary"
ALL_SPEAKERS = 1
"""A sentence whose speakers are all worked out (``True`` counts as this)."""
ANY_SPEAKER = 2
"""A sentence of a quotation's paragraph: worked out until the paragraph has one speaker."""


# Hooks ---------------------------------------------------------------------------------------


@hookimpl
def newslint_rules() -> list[RuleSpec]:
    """Declare the attribution rules."""
    return RULES


@hookimpl
def newslint_config_sections() -> list[str]:
    """The ``attribution:`` section holds the rules' word lists."""
    return [SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the ``attribution:`` section: known keys, lists of words, phrases that compile."""
    return config_errors(config.data.get(SECTION))


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Check the body paragraphs for unattributed claims and quotations and anonymous sources."""
    enabled = {rule: context.enabled(rule) for rule in RULE_IDS}
    if not any(enabled.values()):
        return []
    vocab = vocabulary(context)
    paragraphs = list(article.body_paragraphs())
    sentences = [sentence for paragraph in paragraphs for sentence in paragraph.sentences]
    text = article.text
    runs = sentence_runs(sentences)
    words = word_positions(vocab, text, sentences)
    verbs = matches_by_sentence(vocab.attribution_verb, text, sentences, _kind(words, "verb"), runs)
    hedges: list[list[re.Match[str]]] = [[] for _ in sentences]
    if vocab.hedge is not None:
        starts = _kind(words, "hedge")
        if starts is None:
            starts = literal_positions(text, vocab.hedge_starts)
        hedges = matches_by_sentence(vocab.hedge, text, sentences, starts, runs)
    passives: list[list[Passive]] = [[] for _ in sentences]
    if enabled[CLAIM]:
        participles = matches_by_sentence(vocab.passive, text, sentences, _kind(words, "passive"), runs)
        for index, matches in enumerate(participles):
            if matches:
                passives[index] = passive_candidates(article, sentences[index], matches, vocab)
    body = {paragraph.index: paragraph for paragraph in paragraphs}
    needed = _sentences_to_analyse(article, sentences, hedges, passives, vocab, enabled, context, words, body)
    found: list[list[Attribution]] = [[] for _ in sentences]
    done = [False] * len(sentences)

    def analyse(index: int) -> list[Attribution]:
        sentence = sentences[index]
        found[index] = find_attributions(
            article, sentence.start, sentence.end, vocab, verbs[index], hedges[index]
        )
        done[index] = True
        return found[index]

    every = [index for index, need in enumerate(needed) if need == ALL_SPEAKERS]
    for index in every:
        analyse(index)
    if enabled[CLAIM]:
        # The next sentence of a paragraph may source a claim with its closing attribution
        # (wire style: "..., it said."): work it out only where a claim is left unsourced.
        for index in every:
            following = index + 1
            if (
                following < len(sentences)
                and not done[following]
                and sentences[following].paragraph == sentences[index].paragraph
                and _may_flag_claim(found[index], passives[index], hedges[index])
            ):
                analyse(following)
    if enabled[QUOTE]:
        # A quotation's paragraph needs only one speaker (see check_quotes): stop at the first.
        quoted_paragraphs: dict[int, list[int]] = {}
        for index, need in enumerate(needed):
            if need == ANY_SPEAKER:
                quoted_paragraphs.setdefault(sentences[index].paragraph, []).append(index)
        tagged = _tagged_paragraphs(article, body)
        spoken = {sentences[i].paragraph for i, attributions in enumerate(found) if attributions}
        for paragraph_index, indexes in quoted_paragraphs.items():
            if paragraph_index in tagged or paragraph_index in spoken:
                continue
            for index in indexes:
                if not done[index] and analyse(index):
                    break
    findings: list[Finding] = []
    if enabled[CLAIM]:
        findings += check_claims(article, sentences, found, passives, hedges, vocab, context.options(CLAIM))
    if enabled[ANONYMOUS] or enabled[UNEXPLAINED]:
        look_ahead = int(context.options(UNEXPLAINED).get("look_ahead", 1))
        findings += check_anonymous(article, sentences, found, vocab, enabled, look_ahead)
    if enabled[QUOTE]:
        max_short = int(context.options(QUOTE).get("max_short_words", 4))
        findings += check_quotes(article, paragraphs, sentences, found, vocab, max_short, tagged)
    return findings


def _sentences_to_analyse(
    article: Article,
    sentences: list[Sentence],
    hedges: list[list[re.Match[str]]],
    passives: list[list[Passive]],
    vocab: Vocabulary,
    enabled: dict[str, bool],
    context: CheckContext,
    words: dict[str, list[int]] | None = None,
    body: dict[int, Paragraph] | None = None,
) -> list[int]:
    """Which sentences need their speakers worked out; in the others no speaker can change a finding.

    Per sentence: :data:`ALL_SPEAKERS`, :data:`ANY_SPEAKER` (a quotation's
    paragraph needs one speaker, whichever sentence has it) or 0.

    Finding and classifying speakers is the costly part, and most sentences
    of a story ("Smith said the bridge would reopen") need none of it.  A
    sentence needs it when it holds a claim, a word without which no speaker
    can be anonymous or vague, or when its paragraph holds a quotation that
    needs a speaker or runs on (then the paragraph before it too when it ends
    with a colon: "Smith said:" introductions; a running quote's paragraph
    before holds an open quotation, so it is marked by its own).  The sentence
    after a claim, which may close with its source, is worked out later, and
    only when the claim is left unsourced (:func:`_may_flag_claim`).
    """
    text = article.text
    needed = [0] * len(sentences)
    if enabled[CLAIM]:
        for index, found in enumerate(hedges):
            if found or passives[index]:
                needed[index] = ALL_SPEAKERS
        for index in sentences_matching(vocab.vague_hint, text, sentences, _kind(words, "vague")):
            needed[index] = ALL_SPEAKERS
    if enabled[ANONYMOUS] or enabled[UNEXPLAINED]:
        for index in sentences_matching(vocab.anonymous_hint, text, sentences, _kind(words, "anonymous")):
            needed[index] = ALL_SPEAKERS
    if enabled[QUOTE]:
        max_short = int(context.options(QUOTE).get("max_short_words", 4))
        if body is None:
            body = {paragraph.index: paragraph for paragraph in article.body_paragraphs()}
        marked: set[int] = set()
        for quotation in article.quotations:
            if (
                not quotation.closed
                or quotation.continues_previous
                or not _is_phrase(text, quotation, max_short)
            ):
                marked.add(quotation.paragraph)
                previous = body.get(quotation.paragraph - 1)
                if previous is not None and text[previous.end - 1 : previous.end] == ":":
                    marked.add(previous.index)  # "Smith said:" introduces the quotation
        for index, sentence in enumerate(sentences):
            if sentence.paragraph in marked and not needed[index]:
                needed[index] = ANY_SPEAKER
    return needed


def _may_flag_claim(found: list[Attribution], passives: list[Passive], hedges: list[re.Match[str]]) -> bool:
    """True when :func:`check_claims` may flag something in a sentence unless the next one sources it."""
    if any(attribution.names_source for attribution in found):
        return False  # sourced by itself
    return bool(passives or hedges) or any(
        "vague" in attribution.kinds and not attribution.about_self for attribution in found
    )


def _kind(words: dict[str, list[int]] | None, kind: str) -> list[int] | None:
    """The offsets :func:`word_positions` found for one pattern, or None (search everywhere)."""
    return None if words is None else words.get(kind)


def vocabulary(context: CheckContext) -> Vocabulary:
    """Return the compiled word lists for this run (compiled once, on first use)."""
    vocab = context.state.get(STATE_KEY)
    if vocab is None:
        vocab = compile_vocabulary(context.config.section(SECTION))
        context.state[STATE_KEY] = vocab
    return vocab


# Unattributed claims ---------------------------------------------------------------------------


def check_claims(
    article: Article,
    sentences: list[Sentence],
    found: list[list[Attribution]],
    passives: list[list[Passive]],
    hedges: list[list[re.Match[str]]],
    vocab: Vocabulary,
    options: dict[str, Any],
) -> list[Finding]:
    """Flag passives, vague groups and hedges in sentences that name no source.

    ``passives`` (:func:`passive_candidates`) and ``hedges`` (the hedge pattern's matches) are
    given sentence by sentence.
    """
    findings: list[Finding] = []
    flag_passives, flag_vague, flag_hedges = (
        options.get(key, True) for key in ("passives", "vague_groups", "hedges")
    )
    for index, (sentence, passive, hedge, attributions) in enumerate(
        zip(sentences, passives, hedges, found, strict=True)
    ):
        if not (passive or hedge or attributions) or _sourced(sentences, found, index):
            continue  # nothing to flag, or a source named
        if flag_passives:
            findings += _passive_claims(article, sentence, passive, vocab)
        if flag_vague:
            for attribution in attributions:
                if "vague" in attribution.kinds and not attribution.about_self:
                    findings.append(
                        Finding(
                            CLAIM,
                            f"“{attribution.speaker}” is not a source: which ones? name them",
                            attribution.start,
                            attribution.end,
                        )
                    )
        if flag_hedges:
            findings += _hedges(article, sentence, hedge)
    return findings


def _sourced(sentences: list[Sentence], found: list[list[Attribution]], index: int) -> bool:
    """True when the sentence names a source, or the next one in its paragraph closes with one."""
    if any(a.names_source for a in found[index]):
        return True
    following = index + 1
    return (
        following < len(sentences)
        and sentences[following].paragraph == sentences[index].paragraph
        and any(a.names_source and a.trailing for a in found[following])
    )


@dataclass(frozen=True)
class Passive:
    """An agentless-passive candidate: "is considered crucial" (span), its participle's end."""

    start: int
    end: int
    participle_end: int


def passive_candidates(
    article: Article, sentence: Sentence, matches: list[re.Match[str]], vocab: Vocabulary
) -> list[Passive]:
    """The passives of belief in a sentence: a participle with its auxiliary and a fitting complement.

    Whether the sentence names a source, or a "by" phrase names the agent, is decided later.
    """
    text = article.text
    found = []
    for match in matches:
        # The complement is the cheap test and rules out most candidates ("said", "reported"), so
        # it comes before the search for an auxiliary.
        following = NEXT_WORD.match(text, match.end(), sentence.end)
        next_word = following.group(1) if following else ""
        lower = next_word.lower()
        complements, any_complement = vocab.passive_complements.get(match.group().lower(), NO_COMPLEMENT)
        if not (
            lower in complements
            or (
                any_complement
                and (next_word[:1].isalnum() or next_word in '“"')
                and lower not in GENERIC_STOPS
            )
        ):
            continue  # "was considered at the meeting", "was seen by millions", "No injuries were reported."
        lead = PASSIVE_LEAD.search(text, max(sentence.start, match.start() - 60), match.start())
        if lead is None or article.in_quotation(lead.start(), match.end()):
            continue
        start = lead.start() + len(lead.group()) - len(lead.group().lstrip())
        shown_next = next_word[:1].isalnum() and lower not in DETERMINERS
        end = following.end() if following and shown_next else match.end()
        found.append(Passive(start, end, match.end()))
    return found


def _passive_claims(
    article: Article, sentence: Sentence, passives: list[Passive], vocab: Vocabulary
) -> list[Finding]:
    findings = []
    for passive in passives:
        if _has_agent(article, passive.participle_end, sentence.end, vocab):
            continue
        shown = " ".join(article.text[passive.start : passive.end].split())
        findings.append(
            Finding(
                CLAIM,
                f"“{shown}” hides who holds this view: name the source or cut the claim",
                passive.start,
                passive.end,
            )
        )
    return findings


def _has_agent(article: Article, start: int, end: int, vocab: Vocabulary) -> bool:
    """True when a "by" phrase in the clause names who holds the view ("by the city's commission")."""
    text = article.text
    end = min(end, start + 200)
    clause_end = CLAUSE_END.search(text, start, end)
    stop = clause_end.start() if clause_end else end
    if "by" not in text[start:stop].lower():
        return False  # the quick test: no "by" in any case
    agent = AGENT.search(text, start, stop)
    if agent is None or re.search(r"\bto\b", text[start : agent.start()]):
        return False
    if TIME_AGENT.match(text, agent.end(), stop):
        return False
    words = tokenize(article, agent.end(), stop)
    return bool(words) and "vague" not in classify(words, vocab)


def _hedges(article: Article, sentence: Sentence, matches: list[re.Match[str]]) -> list[Finding]:
    findings = []
    text = article.text
    for match in matches:
        if article.in_quotation(match.start(), match.end()):
            continue
        if NAMED_AFTER_HEDGE.match(text, match.end(), sentence.end):
            continue  # "according to reports in The Times"
        shown = " ".join(match.group().split())
        findings.append(
            Finding(
                CLAIM,
                f"“{shown}” launders a claim: whose report? name the source",
                match.start(),
                match.end(),
            )
        )
    return findings


# Anonymous sources -----------------------------------------------------------------------------


def check_anonymous(
    article: Article,
    sentences: list[Sentence],
    found: list[list[Attribution]],
    vocab: Vocabulary,
    enabled: dict[str, bool],
    look_ahead: int,
) -> list[Finding]:
    """List anonymous sources and flag those whose anonymity the story does not explain."""
    findings = []
    reasons: dict[int, bool] = {}  # sentence index -> gives a reason for anonymity (searched once)

    def explained(index: int) -> bool:
        for following in range(index, min(len(sentences), index + max(0, look_ahead) + 1)):
            if following not in reasons:
                sentence = sentences[following]
                reasons[following] = anonymity_explained(article, sentence.start, sentence.end, vocab)
            if reasons[following]:
                return True
        return False

    for index, attributions in enumerate(found):
        for attribution in attributions:
            if "anonymous" not in attribution.kinds:
                continue
            speaker = attribution.speaker or "unnamed source"
            if enabled[ANONYMOUS]:
                findings.append(
                    Finding(ANONYMOUS, f"anonymous source: “{speaker}”", attribution.start, attribution.end)
                )
            if enabled[UNEXPLAINED] and not explained(index):
                findings.append(
                    Finding(
                        UNEXPLAINED,
                        f"anonymous source “{speaker}”: the story does not say why anonymity was granted",
                        attribution.start,
                        attribution.end,
                    )
                )
    return findings


# Unattributed quotations -----------------------------------------------------------------------


def check_quotes(
    article: Article,
    paragraphs: list[Paragraph],
    sentences: list[Sentence],
    found: list[list[Attribution]],
    vocab: Vocabulary,
    max_short: int,
    tagged: set[int] | None = None,
) -> list[Finding]:
    """Flag quotations of more than ``max_short`` words with no speaker in their paragraph.

    ``tagged`` are the :func:`_tagged_paragraphs`, when the caller has them.
    """
    text = article.text
    body = {p.index: p for p in paragraphs}
    sourced: dict[int, bool] = {}
    for sentence, attributions in zip(sentences, found, strict=True):
        if attributions:
            sourced[sentence.paragraph] = True
    for index in _tagged_paragraphs(article, body) if tagged is None else tagged:
        sourced[index] = True
    findings = []
    open_attributed = False
    for quotation in article.quotations:
        paragraph = body.get(quotation.paragraph)
        if paragraph is None:
            open_attributed = False
            continue
        attributed = sourced.get(paragraph.index, False) or (quotation.continues_previous and open_attributed)
        if not attributed and paragraph.index - 1 in body:
            previous = body[paragraph.index - 1]
            attributed = sourced.get(previous.index, False) and text[previous.end - 1 : previous.end] == ":"
        if not quotation.closed:
            open_attributed = attributed
        if (
            attributed
            or _is_phrase(text, quotation, max_short)
            or _labelled(text, quotation, paragraph, vocab)
        ):
            continue
        findings.append(
            Finding(
                QUOTE,
                "quotation with no speaker in its sentence or paragraph: who said it?",
                quotation.start,
                quotation.end,
            )
        )
    return findings


def _tagged_paragraphs(article: Article, body: dict[int, Paragraph]) -> set[int]:
    """The body paragraphs with a quotation followed by its speaker (:func:`_dialogue_tag`)."""
    return {
        quotation.paragraph
        for quotation in article.quotations
        if quotation.paragraph in body and _dialogue_tag(article.text, quotation, body[quotation.paragraph])
    }


def _dialogue_tag(text: str, quotation: Quotation, paragraph: Paragraph) -> bool:
    """True for a quotation closed by ``,”`` ``?”`` ``!”`` and followed by its speaker ("the manager shrugged")."""
    if not quotation.closed or quotation.inner_end <= quotation.inner_start:
        return False
    if text[quotation.inner_end - 1] not in ",?!":
        return False
    return DIALOGUE_TAG.match(text, quotation.end, paragraph.end) is not None


def _labelled(text: str, quotation: Quotation, paragraph: Paragraph, vocab: Vocabulary) -> bool:
    """True for a quotation named by the words before it: "the ad's slogan, “...”", "a sign reading “...”"."""
    if vocab.quotation_label is None:
        return False
    start = max(paragraph.start, quotation.start - 80)
    words = list(re.finditer(r"[\w’'\-]+", text[start : quotation.start]))[-5:]
    if not words:
        return False
    window = text[start + words[0].start() : quotation.start]
    return vocab.quotation_label.search(window) is not None


def _is_phrase(text: str, quotation: Quotation, max_short: int) -> bool:
    """True for quoted words, short phrases, scare quotes and titles."""
    count, significant, title = 0, False, True  # a title: every word but the small ones capitalized
    for match in WORD.finditer(text, quotation.inner_start, quotation.inner_end):
        count += 1
        word = match.group()
        if word.lower() not in SMALL_TITLE_WORDS:
            significant = True
            title = title and (word[0].isupper() or word[0].isdigit())
        if count > max_short and not title:
            return False  # a sentence
    return count <= max_short or (significant and title)
