"""Tests for newslint.lexicon: the shared word list, suggestions and glued-word splits."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.lexicon import (
    EXTRA_WORD_FREQUENCY,
    Lexicon,
    get_lexicon,
    osa_distance,
    typo_cost,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return get_lexicon()


# --- loading ------------------------------------------------------------------


def test_get_lexicon_is_cached(lex: Lexicon) -> None:
    assert get_lexicon() is lex
    assert get_lexicon("en") is lex
    assert len(lex) > 80_000


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no word data"):
        get_lexicon("xx-YY")


def test_importing_newslint_loads_no_word_data() -> None:
    code = (
        "import sys, newslint.lexicon as m; "
        "assert not m._CACHE, 'loaded at import'; "
        "m.get_lexicon(); assert m._CACHE"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_data_file_has_header_and_groups() -> None:
    text = (ROOT / "newslint" / "data" / "en_words.txt").read_text(encoding="utf-8")
    assert text.startswith("# newslint English word list")
    assert "CC-BY-SA-4.0" in text.split("\n", 3)[2]


# --- known words --------------------------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["the", "said", "officials", "government", "negotiations", "escalated", "casualties"],
)
def test_common_news_words_are_known(lex: Lexicon, word: str) -> None:
    assert lex.is_known(word)


@pytest.mark.parametrize(
    "word",
    ["hourlong", "ceasefire", "deconfliction", "springboard", "nonprofit", "lockdown"],
)
def test_news_compounds_are_known(lex: Lexicon, word: str) -> None:
    # "hourlong" and "deconfliction" come from tools/lexicon_include.txt.
    assert lex.is_known(word)


@pytest.mark.parametrize(
    "word",
    ["socalled", "hadto", "teh", "recieve", "wellknown", "goverment", "ofthe", "alot", "xqzt"],
)
def test_garbage_is_unknown(lex: Lexicon, word: str) -> None:
    assert not lex.is_known(word)
    assert lex.frequency(word) == 0.0


def test_case_is_ignored(lex: Lexicon) -> None:
    assert lex.frequency("The") == lex.frequency("the") == lex.frequency("THE") > 0.01
    assert lex.is_known("February") and lex.is_known("NATO") and lex.is_known("Moscow")


def test_possessives_and_contractions(lex: Lexicon) -> None:
    assert lex.is_known("Moscow’s") and lex.is_known("Moscow's")
    assert lex.is_known("officials'")
    assert lex.is_known("they’re") and lex.is_known("didn’t") and lex.is_known("won't")
    assert not lex.is_known("Moscow’swar")
    assert not lex.is_known("’s")
    assert lex.frequency("Moscow’s") == pytest.approx(lex.frequency("Moscow") * 0.1)


def test_numbers_and_hyphenated_words(lex: Lexicon) -> None:
    assert lex.is_known("2022") and lex.is_known("1,500")
    assert lex.frequency("2022") == 0.0
    assert lex.is_known("so-called") and lex.is_known("well-known")
    assert not lex.is_known("so-calld")


def test_frequency_orders_words_sensibly(lex: Lexicon) -> None:
    assert lex.frequency("the") > lex.frequency("government") > lex.frequency("springboard") > 0
    assert 7.0 < lex.zipf("the") < 8.0
    assert lex.zipf("socalled") == 0.0


# --- house dictionary -----------------------------------------------------------


def test_extra_words_share_data_and_leave_base_alone(lex: Lexicon) -> None:
    house = lex.with_extra_words(["Shoigu", "Gerasimov", "Baldor"])
    assert house.is_known("shoigu") and house.is_known("SHOIGU")
    assert house.frequency("Shoigu") == EXTRA_WORD_FREQUENCY
    assert not lex.is_known("Shoigu")
    assert house._shared is lex._shared  # no reload
    assert len(house) == len(lex) + 3
    more = house.with_extra_words(["Milley"])
    assert more.is_known("Shoigu") and more.is_known("Milley")
    assert not house.is_known("Milley")


def test_extra_words_are_suggested_in_their_spelling(lex: Lexicon) -> None:
    house = lex.with_extra_words(["Shoigu", "iPhone"])
    assert house.suggest("Shoiug")[0] == "Shoigu"
    assert house.suggest("iphnoe")[0] == "iPhone"
    assert "Shoigu" not in lex.suggest("Shoiug")


def test_extra_words_count_in_splits(lex: Lexicon) -> None:
    house = lex.with_extra_words(["Shoigu"])
    assert lex.split_candidates("Shoigusaid") == []
    assert house.split_candidates("Shoigusaid")[0][0] == ["Shoigu", "said"]


# --- suggestions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("recieve", "receive"),
        ("goverment", "government"),
        ("Febuary", "February"),
        ("teh", "the"),
        ("seperate", "separate"),
        ("definately", "definitely"),
        ("untill", "until"),
        ("thier", "their"),
        ("accomodate", "accommodate"),
        ("embarass", "embarrass"),
        ("tommorow", "tomorrow"),
        ("begining", "beginning"),
    ],
)
def test_suggest_puts_the_right_word_first(lex: Lexicon, typo: str, expected: str) -> None:
    assert lex.suggest(typo)[0] == expected


def test_suggest_respects_limit_edits_and_case(lex: Lexicon) -> None:
    out = lex.suggest("goverment", limit=2)
    assert len(out) == 2
    assert lex.suggest("GOVERMENT")[0] == "GOVERNMENT"
    assert "goverment" not in lex.suggest("goverment")
    assert lex.suggest("neccessary", max_edits=1) == ["necessary"]
    # two edits away: found with max_edits=2 only
    assert "necessary" not in lex.suggest("neccesary", max_edits=1)
    assert lex.suggest("neccesary", max_edits=2)[0] == "necessary"
    assert lex.suggest("") == [] and lex.suggest("word", max_edits=0) == []


def test_suggest_only_returns_known_words_within_the_edit_limit(lex: Lexicon) -> None:
    for typo in ("recieve", "seperate", "wierd"):
        for cand in lex.suggest(typo, limit=10):
            assert lex.is_known(cand)
            assert osa_distance(typo, cand.lower()) <= 2


def test_typo_cost_prefers_typical_slips() -> None:
    assert osa_distance("teh", "the") == 1
    assert osa_distance("kitten", "sitting") == 3
    assert typo_cost("teh", "the") < typo_cost("teh", "ten") < typo_cost("teh", "tea")
    assert typo_cost("teh", "the") == pytest.approx(0.7)  # transposition
    assert typo_cost("embarass", "embarrass") == pytest.approx(0.7)  # dropped doubled letter
    assert typo_cost("untill", "until") == pytest.approx(0.7)  # extra doubled letter
    assert typo_cost("tommorow", "tomorrow") == pytest.approx(1.4)  # one of each
    assert typo_cost("seperate", "separate") == pytest.approx(0.8)  # vowel swap
    assert typo_cost("wat", "war") == pytest.approx(0.8)  # neighbouring keys
    assert typo_cost("wat", "wam") == pytest.approx(1.0)  # any other substitution


# --- splits -----------------------------------------------------------------------


def test_split_hadto(lex: Lexicon) -> None:
    parts, score = lex.split_candidates("hadto")[0]
    assert parts == ["had", "to"]
    assert score < 0


def test_split_possessive_curly_and_straight(lex: Lexicon) -> None:
    assert lex.split_candidates("Moscow’swar")[0][0] == ["Moscow’s", "war"]
    assert lex.split_candidates("Moscow'swar")[0][0] == ["Moscow's", "war"]
    assert lex.split_candidates("didn’tsay")[0][0] == ["didn’t", "say"]


def test_split_number(lex: Lexicon) -> None:
    results = lex.split_candidates("in2022")
    assert results[0][0] == ["in", "2022"]
    assert all("2022" in parts for parts, _ in results)  # numbers are never cut


def test_split_socalled_ranked_plausibly(lex: Lexicon) -> None:
    results = lex.split_candidates("socalled")
    assert results[0][0] == ["so", "called"]
    # the best split beats the runner-up by a wide margin (10x or more)
    assert len(results) == 1 or results[0][1] - results[1][1] > 1.0


def test_split_three_words_and_scores_sorted(lex: Lexicon) -> None:
    results = lex.split_candidates("thepresidentsaid")
    assert results[0][0] == ["the", "president", "said"]
    scores = [s for _, s in results]
    assert scores == sorted(scores, reverse=True)
    assert lex.split_candidates("thepresidentsaid", max_words=2) == [] or all(
        len(p) == 2 for p, _ in lex.split_candidates("thepresidentsaid", max_words=2)
    )


def test_split_score_is_comparable_with_the_whole_word(lex: Lexicon) -> None:
    # A real compound is far more likely whole than as its parts.
    whole = math.log10(lex.frequency("springboard"))
    best_split = lex.split_candidates("springboard")[0][1]
    assert whole > best_split


def test_split_rejects_lone_letters_and_garbage(lex: Lexicon) -> None:
    assert lex.split_candidates("xqzt") == []
    assert lex.split_candidates("a") == []
    for parts, _ in lex.split_candidates("hadto", limit=20):
        assert all(len(p) > 1 or p.lower() in ("a", "i") for p in parts)


# --- built from frequencies (no data file) -----------------------------------------


def test_from_frequencies_small_lexicon() -> None:
    small = Lexicon.from_frequencies({"war": 1e-4, "was": 1e-2, "is": 1e-2, "Moscow": 1e-5})
    assert small.is_known("moscow") and not small.is_known("peace")
    assert small.suggest("waz") == ["was", "war"]
    assert small.split_candidates("warwas")[0][0] == ["war", "was"]
    assert small.frequency("war") == pytest.approx(1e-4, rel=0.03)


# --- additions for the typos plugin ---------------------------------------------------


def test_suggest_scored_matches_suggest_and_orders_scores(lex: Lexicon) -> None:
    scored = lex.suggest_scored("goverment", limit=3)
    assert [word for word, _ in scored] == lex.suggest("goverment", limit=3)
    scores = [score for _, score in scored]
    assert scores == sorted(scores)


def test_suggest_prefers_keeping_first_and_last_letters(lex: Lexicon) -> None:
    # "annualy" is "annually" with an l dropped, not "annual" with a y added.
    assert lex.suggest("annualy")[0] == "annually"
    assert lex.suggest("acused")[0] == "accused"


def test_suggest_builds_one_letter_index_at_a_time() -> None:
    code = (
        "from newslint.lexicon import get_lexicon; lex = get_lexicon();"
        "assert lex.suggest('goverment', max_edits=1) == ['government'];"
        "assert not lex._shared.indexes;"
        "lex.suggest('goverment'); assert set(lex._shared.indexes) == {'g'}"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("lockdowns", "lockdown"),
        ("livestreamed", "livestream"),
        ("influencer", "influence"),
        ("airdropped", "airdrop"),
    ],
)
def test_known_stem_of_regular_inflections(lex: Lexicon, word: str, stem: str) -> None:
    assert lex.known_stem(word) == stem


@pytest.mark.parametrize(
    "word",
    ["begining", "occured", "abandonned", "equiped", "potatos", "governer", "becomeing", "said", "xqzts"],
)
def test_known_stem_leaves_misspellings_and_known_words_alone(lex: Lexicon, word: str) -> None:
    assert lex.known_stem(word) is None


def test_news_words_added_for_the_typos_plugin(lex: Lexicon) -> None:
    for word in ("ad", "ok", "ruble", "rubles", "lede", "facto", "hoc", "von"):
        assert lex.is_known(word)
