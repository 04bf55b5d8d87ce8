"""House-rule patterns: the static safety check, word boundaries, and the fast forms used to search."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newslint_plugins.style_patterns import (
    backtracking_risk,
    compile_checked,
    fast_scout,
    necessary_literals,
    with_word_boundaries,
    word_alternation,
)

CATASTROPHIC = [
    r"(a+)+",
    r"(a+)+b",
    r"(x+x+)+y",
    r"(a|a)+",
    r"(a|ab)+c",
    r"(a|aa)+",
    r"(a{1,2})+",
    r"(\w+\s?)+$",
    r"(?:\d+|x)+",
    r"\d+(?:,?\d+)*",
    r"(a?)*b",
    r"(?:a|)+b",
    r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@)",
]
QUADRATIC = [r"\d+\d+", r".*.*x", r".*x.*y", r"\w+\s*\w+", r"\w+ly\w+", r"(?=.*x.*y)z"]
SAFE = [
    r"e-mail",
    r"(?:\w+ )+",
    r"(?: \w+)+x",
    r"\d{1,2}:\d\d",
    r"[A-Z][a-z]+",
    r"(?:Jan|Feb)\.",
    r"colou?r",
    r"\d+(?:,\d{3})*",
    r"\w+ly",
    r"x.*y",
    r"(\w+) \1",
    r"over(?= \d)",
    r"(\d{1,2}(?::\d\d)?) ?(?:am|AM|A\.M\.?|a\.m(?!\.))",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_nested_and_overlapping_repeats_are_rejected(pattern: str) -> None:
    reason = backtracking_risk(pattern)
    assert reason is not None and "catastrophically" in reason


@pytest.mark.parametrize("pattern", QUADRATIC)
def test_neighbouring_repeats_over_the_same_characters_are_rejected(pattern: str) -> None:
    reason = backtracking_risk(pattern)
    assert reason is not None and "two repeats in a row" in reason


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert backtracking_risk(pattern) is None
    compiled, reason = compile_checked(pattern)
    assert reason is None and compiled is not None


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(", "does not compile"),
        ("a?", "can match empty text"),
        ("", "is empty"),
        ("a{2000}", "repeat count over 1000"),
        ("(a)?(?(1)b|c)", "conditional group"),
        ("x" * 1001, "longer than 1000"),
    ],
)
def test_other_rejections_say_why(pattern: str, reason: str) -> None:
    compiled, problem = compile_checked(pattern)
    assert compiled is None and problem is not None and reason in problem


def test_a_context_may_match_empty_text() -> None:
    assert compile_checked(r"(?!\d)", empty_ok=True)[1] is None
    assert compile_checked(r"(?!\d)")[1] == "can match empty text"


def test_a_rejected_pattern_really_is_slow_with_re() -> None:
    """The check is not theoretical: the classic case takes seconds with ``re`` (kept small here)."""
    pattern = re.compile(r"(a+)+b")
    start = time.perf_counter()
    pattern.search("a" * 20)
    assert time.perf_counter() - start > 0.01


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("mail", "email mail", ["mail"]),
        (r"Sept\.", "on Sept. 5", ["Sept."]),
        (r"\$5", "a $5 bill", ["$5"]),
        ("e-mail", "e-mails and an e-mail", ["e-mail"]),
        ("okay", "okayed okay", ["okay"]),
    ],
)
def test_word_boundaries_apply_only_where_the_match_has_word_characters(
    pattern: str, text: str, expected: list[str]
) -> None:
    found = [m.group() for m in re.finditer(with_word_boundaries(pattern), text)]
    assert found == expected


WORDS = st.lists(st.text(alphabet="abc -'", min_size=1, max_size=6).filter(str.strip), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abc -'’\n", max_size=40))
def test_the_factored_word_list_matches_like_the_plain_one(words: list[str], text: str) -> None:
    """A trie-factored alternation finds the same longest words as the plain alternation, longest first."""
    plain = "|".join(
        re.escape(w.strip()).replace(r"\ ", r"\s+").replace("'", "['’]")
        for w in sorted({w.strip() for w in words}, key=len, reverse=True)
    )
    factored = word_alternation(words)
    for position in range(len(text) + 1):
        expected = re.compile(f"(?:{plain})(?![a-z])").match(text, position)
        got = re.compile(f"(?:{factored})(?![a-z])").match(text, position)
        assert (expected and expected.group()) == (got and got.group()), (plain, factored, text, position)


@pytest.mark.parametrize(
    "pattern",
    [r"(\d+(?:[.,]\d+)*) ?%", r"[Oo]kay|ok|O\.K\.?", r"(?<=\d )am", r"(?:(\d)pm)|(?:(\d)am)", "e-mail"],
)
def test_the_fast_scout_finds_the_same_starts(pattern: str) -> None:
    text = "At 5pm and 6am, 3.5% or 10 % rose; okay, ok, O.K. and an e-mail at 7 am."
    expected = [m.start() for m in re.finditer(pattern, text)]
    scout = fast_scout(pattern)
    starts = []
    position = 0
    while (found := scout.search(text, position)) is not None:
        starts.append(found.start())
        position = found.start() + 1
    assert [s for s in starts if s in expected] == expected
    # no extra starts that the pattern itself would not match at
    assert all(re.compile(pattern).match(text, s) for s in starts)


NEEDS_PATTERNS = [
    (r"(\d+(?:[.,]\d+)*) ?%", 0),
    (r"(?:one|two)(?=[- ](?:years?|months?)[- ]old\b| percent\b)", 0),
    (r"(?:(\d{1,2}) ?(?:am|AM|A\.M\.?|a\.m(?!\.)))|(?:(\d{1,2}):00(?= [ap]\.m\.))", 0),
    (r"[Oo]kay|ok|O\.K\.?", 0),
    (r"e-?mail", re.IGNORECASE),
    (r"(?:ab)+c|d", 0),
    (r"(?i:okay)|OK", 0),
]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="12 .:%-okayOKAYmpeilonwtyrsdbc", max_size=30))
def test_every_match_contains_one_of_the_necessary_literals(text: str) -> None:
    for source, flags in NEEDS_PATTERNS:
        needs = necessary_literals(source, flags)
        if needs is None or not re.search(source, text, flags):
            continue
        haystack = text.lower() if flags & re.IGNORECASE else text
        assert any(literal in haystack for literal in needs), (source, needs, text)


def test_necessary_literals_are_found_where_they_help() -> None:
    assert necessary_literals(r"(\d+(?:[.,]\d+)*) ?%") == ["%"]
    assert necessary_literals("E-mail", re.IGNORECASE) == ["e-mail"]
    assert necessary_literals(r"[1-9](?= [a-z])") is None  # only a space: no help
    assert necessary_literals(r"a|\d") is None  # one alternative needs no literal
