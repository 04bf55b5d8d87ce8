"""The attribution plugin's fast paths find exactly what its patterns and slow paths find.

``word_positions`` (one combined scan for verbs, participles, hint words and
hedges) and ``literal_positions`` (hedges by substring search) only say where
the patterns are tried; these tests compare the results with the patterns run
everywhere, on awkward text as well as news copy.  The shortcuts of
``find_attributions`` (quotations before the first verb cut short, verbs ruled
out by the words before them, speaker kinds kept) are compared with working
everything out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint_plugins import attribution_sources
from newslint_plugins.attribution_patterns import compile_vocabulary
from newslint_plugins.attribution_sources import (
    find_attributions,
    literal_positions,
    matches_by_sentence,
    search_from,
    sentences_matching,
    tokenize,
    word_positions,
)

from newslint.config import load_config
from newslint.model import Span
from newslint.readers import build_article

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY_SECTION = load_config(ROOT / "rules.yaml").section("attribution")
VOCABULARY = compile_vocabulary(VOCABULARY_SECTION)
DESK = compile_vocabulary(
    {
        **load_config(ROOT / "rules.yaml").section("attribution"),
        "extra": {"vague_groups": ["point"], "hedges": ["it is rumo*", "not confirmed"]},
    }
)

AWKWARD = [
    "Critics said the plan was considered crucial. Officials point out that it is expected to fail.",
    "The mayor pointed  out the cost.Some said it was reportedly late, according to reports.",
    "“It is over,” said a senior official. Many believe it; sources say the deal was known to insiders.",
    "REPORTEDLY the deal fell through. ſupposedly not. Word has it the K\u212a team said-so.",
    "Analysts' views were seen as optimistic; it is rumoured that people familiar with it said.",
    "The agency's officials said (as expected) the vote was n’t held, an official said.",
    "Experts’ warnings weren't heeded, said one—officials, others; the point out of reach.",
]

PIECES = [
    " said ",
    " says ",
    " point out ",
    " Some ",
    " officials ",
    " reportedly ",
    " according to reports ",
]
PIECES += [
    " considered ",
    " seen as ",
    " Critics ",
    " experts",
    ".",
    ",",
    "’",
    "'",
    "-",
    "“",
    "”",
    "\n",
    "ſ",
    "İ",
]
ALPHABET = st.sampled_from([*"aeiostdrn ", *PIECES])


def _sentences(text: str) -> list[Span]:
    """Sentences ending at each period (the tests need spans, not good sentence breaks)."""
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^.]*\.?", text) if m.group().strip()]


def _check(vocab, text: str) -> None:
    sentences = _sentences(text)
    words = word_positions(vocab, text, sentences)
    assert words is not None
    for pattern, kind in ((vocab.attribution_verb, "verb"), (vocab.passive, "passive")):
        expected = matches_by_sentence(pattern, text, sentences)
        found = matches_by_sentence(pattern, text, sentences, words[kind])
        assert [[m.span() for m in b] for b in found] == [[m.span() for m in b] for b in expected]
    for pattern, kind in ((vocab.vague_hint, "vague"), (vocab.anonymous_hint, "anonymous")):
        matching = set()
        for index, sentence in enumerate(sentences):
            expected = pattern.search(text, sentence.start, sentence.end) is not None
            assert search_from(pattern, text, sentence.start, sentence.end, words[kind]) == expected
            if expected:
                matching.add(index)
        assert sentences_matching(pattern, text, sentences, words[kind]) == matching
    expected = matches_by_sentence(vocab.hedge, text, sentences)
    hedge_starts = [literal_positions(text, vocab.hedge_starts)]
    if "hedge" in words:
        hedge_starts.append(words["hedge"])
    for starts in hedge_starts:
        found = matches_by_sentence(vocab.hedge, text, sentences, starts)
        assert [[m.span() for m in b] for b in found] == [[m.span() for m in b] for b in expected]


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("vocab", [VOCABULARY, DESK], ids=["defaults", "desk"])
def test_fast_scans_find_what_the_patterns_find(vocab, text: str) -> None:
    _check(vocab, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_fast_scans_agree_on_random_text(text: str) -> None:
    _check(DESK, text)


def test_hedges_share_the_scan_unless_a_hedge_does_not_start_with_plain_letters() -> None:
    """Default hedges start with plain words; the desk's "not confirmed" also matches "n't"."""
    assert "hedge" in VOCABULARY.scanned
    assert "hedge" not in DESK.scanned
    words = word_positions(VOCABULARY, "ſupposedly so.", [Span(0, 14)])
    assert words is not None and "hedge" not in words  # 'ſ' is 's' to the hedge pattern


def test_a_participle_needing_a_complement_is_matched_only_before_one() -> None:
    passive = VOCABULARY.passive
    assert [m.group() for m in passive.finditer("It is said to be late. He said the rest.")] == ["said"]
    assert [m.group() for m in passive.finditer("It is widely considered late.")] == ["considered"]
    assert [m.group() for m in passive.finditer("The ship was said\nTO be late.")] == ["said"]


SENTENCES = [
    "“We will stay,” Ines Mora, a spokeswoman, said.",
    "“Stay calm, ” a senior official, who asked not to be named, said on Monday.",
    "“It is over. We are done,” said a senior official.",
    "“The plan works,” critics said, and officials agreed.",
    "“Many people are angry” and “officials know it,” the mayor, a Democrat, told reporters.",
    "“No,” she said. “Not now,” officials said.",
    "The board, “after much thought,” the chair said, voted no.",
    "“A,” “B” and “C” some experts said.",
    "Critics, “who were never consulted” according to reports, say the plan was rushed.",
    "Smith, “we are, in fact, fine” a spokeswoman, said.",  # the aside reaches into the quotation
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_find_attributions_shortcuts_change_nothing(sentence: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quotations cut short before the first verb and kept speaker kinds give what tokenizing all gives."""
    article = build_article("a.txt", "Story\n\nBy A Writer\n\n" + sentence + "\n")
    body = [p for p in article.paragraphs if p.kind == "body"][-1]
    quick = find_attributions(article, body.start, body.end, VOCABULARY)
    quick_again = find_attributions(article, body.start, body.end, VOCABULARY)  # kinds kept this time
    monkeypatch.setattr(
        attribution_sources,
        "_words_before",
        lambda article, start, end, spans: (tokenize(article, start, end, spans), True),
    )
    slow = find_attributions(article, body.start, body.end, compile_vocabulary(VOCABULARY_SECTION))
    assert quick == quick_again == slow


def test_an_aside_after_a_quotation_still_finds_its_speaker() -> None:
    article = build_article("a.txt", "Story\n\nBy A Writer\n\n" + SENTENCES[0] + "\n")
    body = [p for p in article.paragraphs if p.kind == "body"][-1]
    [attribution] = find_attributions(article, body.start, body.end, VOCABULARY)
    assert attribution.speaker == "Ines Mora" and attribution.kinds == {"named"}


def test_case_oddities_fall_back_to_the_pattern() -> None:
    """'ſ' matches 's' case-insensitively but ``str.lower`` keeps it: no substring search then."""
    assert literal_positions("ſupposedly", VOCABULARY.hedge_starts) is None
    assert literal_positions("Supposedly", VOCABULARY.hedge_starts) == [0]
