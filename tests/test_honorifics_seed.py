"""The honorifics rules on the example article in shared/examples (read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint

SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"the example article is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


def spans(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` of ``phrase`` in ``text``."""
    found, start = [], text.find(phrase)
    while start != -1:
        found.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    return found


def test_ap_flags_every_courtesy_title_with_the_last_name_first(seed: str) -> None:
    findings = [f for f in lint(seed, rules="honorifics.courtesy-title")]
    assert sorted(f.text for f in findings) == ["Mr. Austin"] * 6 + ["Mr. Shoigu"]
    for finding in findings:
        assert finding.suggestions[0] == finding.text.removeprefix("Mr. ")
        assert finding.fix is not None
    assert {(f.start, f.end) for f in findings} == set(spans(seed, "Mr. Austin") + spans(seed, "Mr. Shoigu"))


def test_ap_flags_the_repeated_general(seed: str) -> None:
    findings = lint(seed, rules="honorifics.repeated-title")
    assert [(f.text, f.suggestions[0]) for f in findings] == [("Gen. Milley", "Milley")]
    assert findings[0].start == spans(seed, "Gen. Milley is")[0][0]


def test_ap_leaves_the_first_references_alone(seed: str) -> None:
    findings = [f for f in lint(seed, rules="honorifics") if f.rule != "honorifics.long-title"]
    for phrase in ("Army Gen. Mark Milley", "Gen. Valery Gerasimov", "Defense Secretary Lloyd Austin"):
        for start, end in spans(seed, phrase):
            assert not [f for f in findings if f.start < end and start < f.end], phrase


def test_the_byline_is_not_a_reference(seed: str) -> None:
    byline = next(line for line in seed.splitlines() if "By " in line)
    start = seed.index(byline)
    for config in (None, {"style": "courtesy-titles"}):
        assert not [
            f for f in lint(seed, config, rules="honorifics") if start <= f.start < start + len(byline)
        ]


def test_the_minister_inside_the_quotation_is_not_flagged(seed: str) -> None:
    (start, end), *_ = spans(seed, "Minister Shoigu")
    assert not [f for f in lint(seed, rules="honorifics") if f.start < end and start < f.end]


def test_the_long_title_before_shoigu_is_an_info_note(seed: str) -> None:
    findings = lint(seed, rules="honorifics.long-title")
    assert [(f.text, f.severity) for f in findings] == [("Russian Minister of Defense Sergey Shoigu", "info")]


def test_ap_finds_nothing_else(seed: str) -> None:
    rules = sorted({f.rule for f in lint(seed, rules="honorifics")})
    assert rules == ["honorifics.courtesy-title", "honorifics.long-title", "honorifics.repeated-title"]
    assert len(lint(seed, rules="honorifics")) == 9


def test_courtesy_title_style_finds_nothing(seed: str) -> None:
    assert lint(seed, {"style": "courtesy-titles"}, rules="honorifics") == []
