"""The attribution plugin's fast scans find exactly what its patterns find on their own.

``word_positions`` (one combined scan for verbs, participles and hint words)
and ``literal_positions`` (hedges by substring search) only say where the
patterns are tried; these tests compare the results with the patterns run
everywhere, on awkward text as well as news copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint_plugins.attribution_patterns import compile_vocabulary
from newslint_plugins.attribution_sources import (
    literal_positions,
    matches_by_sentence,
    search_from,
    word_positions,
)

from newslint.config import load_config
from newslint.model import Span

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = compile_vocabulary(load_config(ROOT / "rules.yaml").section("attribution"))
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
        for sentence in sentences:
            expected = pattern.search(text, sentence.start, sentence.end) is not None
            assert search_from(pattern, text, sentence.start, sentence.end, words[kind]) == expected
    expected = matches_by_sentence(vocab.hedge, text, sentences)
    found = matches_by_sentence(vocab.hedge, text, sentences, literal_positions(text, vocab.hedge_starts))
    assert [[m.span() for m in b] for b in found] == [[m.span() for m in b] for b in expected]


@pytest.mark.parametrize("text", AWKWARD)
@pytest.mark.parametrize("vocab", [VOCABULARY, DESK], ids=["defaults", "desk"])
def test_fast_scans_find_what_the_patterns_find(vocab, text: str) -> None:
    _check(vocab, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_fast_scans_agree_on_random_text(text: str) -> None:
    _check(DESK, text)


def test_case_oddities_fall_back_to_the_pattern() -> None:
    """'ſ' matches 's' case-insensitively but ``str.lower`` keeps it: no substring search then."""
    assert literal_positions("ſupposedly", VOCABULARY.hedge_starts) is None
    assert literal_positions("Supposedly", VOCABULARY.hedge_starts) == [0]
