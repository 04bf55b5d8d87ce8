"""newslint.compounds: which compounds take a hyphen, and which closed spellings lost one."""

from __future__ import annotations

import pytest

from newslint.compounds import Compounds, get_compounds


@pytest.fixture(scope="module")
def compounds() -> Compounds:
    return get_compounds()


def test_get_compounds_is_cached(compounds: Compounds) -> None:
    assert get_compounds("en-GB") is compounds
    assert len(compounds) > 3000


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="no compound data"):
        get_compounds("xx")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("so", "called"),
        ("well", "known"),
        ("long", "term"),
        ("full", "time"),
        ("cease", "fire"),
        ("Self", "Defense"),
    ],
)
def test_hyphenated_compounds(compounds: Compounds, first: str, second: str) -> None:
    assert compounds.is_hyphenated(first, second)


@pytest.mark.parametrize(("first", "second"), [("had", "to"), ("in", "the"), ("military", "officials")])
def test_phrases_are_not_hyphenated_compounds(compounds: Compounds, first: str, second: str) -> None:
    assert not compounds.is_hyphenated(first, second)


def test_closed_spellings(compounds: Compounds) -> None:
    assert compounds.closed_spelling("longterm") == "long-term"
    assert compounds.closed_spelling("Rightwing") == "right-wing"
    for word in ("ceasefire", "online", "nonprofit", "hourlong", "frontrunner"):
        assert compounds.closed_spelling(word) is None


def test_compounds_from_data() -> None:
    data = Compounds({"so-called"}, {"socalled": "so-called"})
    assert data.is_hyphenated("So", "Called") and not data.is_hyphenated("so", "so")
    assert data.closed_spelling("SOCALLED") == "so-called"
