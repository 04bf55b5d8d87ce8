"""Tests for the typos plugin: what it must flag, what it must leave alone, fixes and configuration."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.findings import Finding
from tests.conftest import lint

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"


def typos(text: str, config: dict | None = None) -> list[Finding]:
    """The typos findings for ``text`` (one body paragraph unless it has a headline)."""
    return lint(text, config, rules="typos.")


def flagged(text: str, config: dict | None = None) -> list[str]:
    return [f.text for f in typos(text, config)]


def apply_fixes(text: str, findings: list[Finding]) -> str:
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        assert finding.fix is not None
        text = text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end :]
    return text


# --- misspellings -------------------------------------------------------------------


def test_lower_case_misspelling_with_suggestions_and_fix() -> None:
    text = "Residents said the goverment had ignored them.\n"
    [finding] = typos(text)
    assert finding.rule == "typos.misspelling"
    assert finding.text == "goverment"
    assert finding.suggestions[0] == "government"
    assert apply_fixes(text, [finding]) == "Residents said the government had ignored them.\n"


def test_suggestions_are_ranked_by_likelihood() -> None:
    [finding] = typos("Investigators beleive the fire was set.\n")
    assert finding.suggestions[0] == "believe"
    [finding] = typos("He was charged with posession of a weapon.\n")
    assert finding.suggestions[0] == "possession"


def test_fix_only_when_one_suggestion_dominates() -> None:
    # "wich" could be "which" or "with": a suggestion, never an automatic fix.
    [finding] = typos("The report, wich was leaked, named three officials.\n")
    assert finding.suggestions[:2] and finding.fix is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Teh", "The"),
        ("Febuary", "February"),
        ("Wendesday", "Wednesday"),
        ("Amercian", "American"),
        ("Pentagaon", "Pentagon"),
        ("Phillipines", "Philippines"),
    ],
)
def test_capitalised_slips_of_common_words_are_flagged(word: str, expected: str) -> None:
    [finding] = typos(f"Officials said on Monday that {word} would matter.\n")
    assert finding.rule == "typos.misspelling" and finding.suggestions == [expected]


def test_capitalised_slip_at_sentence_start_and_in_possessive() -> None:
    findings = typos("Teh talks ended. The Pentagaon’s budget grew.\n")
    assert [(f.text, f.suggestions[0]) for f in findings] == [("Teh", "The"), ("Pentagaon", "Pentagon")]


def test_title_case_headline() -> None:
    text = "Goverment Weighs New Tax As Shoigu Meets Austin\n\nThe cabinet met on Monday.\n"
    assert [(f.text, f.suggestions) for f in typos(text)] == [("Goverment", ["Government"])]


NAMES = (
    "Defense Secretary Lloyd Austin spoke with Sergey Shoigu, and Gen. Mark Milley called Gen. Valery "
    "Gerasimov. Lolita C. Baldor reported from Washington on the Donbas region. Rishi Sunak met Javier "
    "Milei and William Ruto in Odesa, and Dmytro Kuleba briefed Jens Stoltenberg. Officials said Sunak "
    "and Milei agreed, and Starmer, Scholz, Blinken and Borrell were told. Peskov denied it. "
    "Officials said Ahn, Tian, Bassi, Kraemer, Larin, Martino and Achieng had signed.\n"
)


def test_names_are_not_misspellings() -> None:
    assert typos(NAMES) == []


def test_words_inside_quotations_are_checked() -> None:
    assert flagged("“We will recieve the aid,” the minister said.\n") == ["recieve"]


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO and the U.S. agreed, and the EU and the UN welcomed it.",
        "The 1st Armored Division and the 12th Regiment arrived on the 3rd.",
        "It didn’t work, it didn't help, and they’re angry; the officials’ and the officials' phones rang.",
        "Moscow’s war and Kyiv's allies were discussed.",
        "The so-called deal drew well-known critics and a long-term pledge from a pro-Kremlin group.",
        "COVID-19 cases rose, the F-16 jets flew, and 5G towers were checked.",
        "Write to tips@example.org, see https://example.gov/rprt-2024 or follow @nwsdesk and #ElctionNight.",
        "The runners covered 42 km, and the plane flew at 30,000 ft.",
        "The junta is the de facto government, and an ad hoc panel met en route.",
        "The ruble fell, and the campaign ad aired.",
        "The lockdowns ended and the meeting was livestreamed.",
        "Taiwan's Lai Ching-te was sworn in in Taipei.",
        "The hourlong call covered deconfliction.",
    ],
)
def test_must_not_flag(sentence: str) -> None:
    assert typos(sentence + "\n") == []


def test_very_long_tokens_are_left_alone_quickly() -> None:
    import time

    start = time.perf_counter()
    assert typos(("a" * 1995 + " ly ") * 20 + "\n") == []
    assert time.perf_counter() - start < 2


def test_boilerplate_and_byline_are_not_checked() -> None:
    text = "Ferry schedule changes\n\n- By Dana Okafro\n\nThe ferry will run on Sunday.\n\nNewspapers in Englsh\n"
    assert typos(text) == []


def test_glued_words_belong_to_spacing() -> None:
    # One problem, one finding: these are reported by the spacing plugin.
    assert typos("The socalled plan failed, Moscow’swar went on, and they hadto leave.\n") == []


def test_misspelling_that_only_splits_into_unlikely_words_is_flagged() -> None:
    assert flagged("Officials hope to acheive a ceasefire.\n") == ["acheive"]


def test_other_dialect_is_not_flagged_by_default() -> None:
    assert typos("The colour of the flag and the centre of the town were debated.\n") == []
    assert typos("The color of the flag was debated.\n", {"language": "en-GB"}) == []


def test_other_dialect_spelling_the_word_list_lacks_is_not_a_misspelling() -> None:
    assert typos("The plan would militarise the border.\n") == []


def test_other_dialect_is_flagged_when_configured() -> None:
    config = {"rules": {"typos.misspelling": {"flag_other_dialect": True}}}
    findings = typos("The colour of the flag and the Centre were debated.\n", config)
    assert [(f.text, f.suggestions[0]) for f in findings] == [("colour", "color"), ("Centre", "Center")]
    assert findings[0].fix is not None and findings[0].fix.replacement == "color"
    gb = {"language": "en-GB", **config}
    assert [f.suggestions[0] for f in typos("The color was debated.\n", gb)] == ["colour"]
    # -ize is good British spelling too (Oxford), so it is not flagged in en-GB copy.
    assert typos("They will organize the vote.\n", gb) == []


def test_common_misspellings_the_word_list_accepts() -> None:
    [finding] = typos("The fans were dissapointed.\n")
    assert finding.suggestions == ["disappointed"] and finding.fix is not None
    config = {"typos": {"misspellings": {"seperately": "separately"}}}
    assert flagged("They met seperately.\n", config) == ["seperately"]


# --- house dictionary ------------------------------------------------------------------


def test_accepted_words_are_never_flagged_and_are_suggested() -> None:
    config = {"dictionary": {"accept": ["zorbing", "Okafor"]}}
    assert typos("The zorbing event was run by Okafor.\n", config) == []
    [finding] = typos("The zorbng event was held.\n", config)
    assert finding.suggestions[0] == "zorbing"


def test_accepted_words_from_files(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "words.txt").write_text("# desk words\nzorbing\n", encoding="utf-8")
    from tests.conftest import make_runner

    runner = make_runner({"dictionary": {"files": ["desk/words.txt"]}}, tmp_dir=tmp_path)
    findings = runner.check_text("The zorbing event was held.\n", "a.txt").findings
    assert [f for f in findings if f.rule.startswith("typos")] == []


def test_rejected_words_with_preferred_form() -> None:
    config = {"dictionary": {"reject": {"alright": "all right", "towards": "toward"}}}
    text = "Alright, the talks went alright, and they moved towards a deal.\n"
    findings = typos(text, config)
    assert [(f.rule, f.text, f.suggestions) for f in findings] == [
        ("typos.rejected-word", "Alright", ["All right"]),
        ("typos.rejected-word", "alright", ["all right"]),
        ("typos.rejected-word", "towards", ["toward"]),
    ]
    assert (
        apply_fixes(text, findings) == "All right, the talks went all right, and they moved toward a deal.\n"
    )


def test_rejected_words_in_quotations_and_with_alternatives_get_no_fix() -> None:
    config = {"dictionary": {"reject": {"alright": "all right", "amongst": "among or amid"}}}
    findings = typos("“It went alright,” she said, amongst cheers.\n", config)
    assert [(f.text, f.suggestions, f.fix) for f in findings] == [
        ("alright", ["all right"], None),
        ("amongst", ["among", "amid"], None),
    ]


def test_rejected_phrase() -> None:
    config = {"dictionary": {"reject": {"sneak peak": "sneak peek"}}}
    [finding] = typos("The film offered a sneak peak at the sequel.\n", config)
    assert finding.text == "sneak peak" and finding.suggestions == ["sneak peek"]


# --- names ---------------------------------------------------------------------------


def test_name_variant_flags_the_rarer_spelling() -> None:
    text = (
        "Shoigu spoke first. Later Shoigu called again, and Shoigu agreed. "
        "Analysts said Shoiguu had little choice.\n"
    )
    [finding] = typos(text)
    assert finding.rule == "typos.name-variant"
    assert finding.text == "Shoiguu" and finding.suggestions == ["Shoigu"] and finding.fix is None


def test_name_variant_tie_keeps_the_first_spelling() -> None:
    [finding] = typos("Gerasimov was not on the call. Officials said Gerasimow would call later.\n")
    assert (finding.rule, finding.text, finding.suggestions) == (
        "typos.name-variant",
        "Gerasimow",
        ["Gerasimov"],
    )


def test_name_with_full_first_reference_is_authoritative() -> None:
    text = "Gen. Valery Gerasimov did not call. Gerasimow is expected to call next week.\n"
    [finding] = typos(text)
    assert (finding.rule, finding.text, finding.suggestions) == (
        "typos.name-misspelling",
        "Gerasimow",
        ["Gerasimov"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelensky and his wife, Olena Zelenska, attended. Zelensky spoke.",
        "Boris Ivanov and his sister Anna Ivanova testified.",
        "The Kennedy family gathered, and the Kennedys declined to comment.",
        "Yemen's government said Yemeni forces advanced.",
        "Mark Milley and Chris Miller spoke; Milley said Miller agreed.",
    ],
)
def test_related_names_are_not_variants(text: str) -> None:
    assert typos(text + "\n") == []


def test_near_miss_of_a_house_name_in_a_full_name() -> None:
    config = {"dictionary": {"accept": ["Keir Starmer"]}}
    text = "Prime Minister Kier Starmer said the talks would go on.\n"
    [finding] = typos(text, config)
    assert (finding.rule, finding.text, finding.suggestions) == ("typos.name-misspelling", "Kier", ["Keir"])
    assert apply_fixes(text, [finding]) == "Prime Minister Keir Starmer said the talks would go on.\n"


def test_near_miss_of_a_single_house_name() -> None:
    config = {"dictionary": {"accept": ["Shoigu"]}}
    [finding] = typos("The minister, Shoigo, did not answer.\n", config)
    assert (finding.rule, finding.suggestions) == ("typos.name-misspelling", ["Shoigu"])
    assert typos("The minister, Shoigu, did not answer.\n", config) == []


# --- repeated words --------------------------------------------------------------------


def test_repeated_word_with_fix() -> None:
    text = "Officials said the the talks would resume.\n"
    [finding] = typos(text)
    assert finding.rule == "typos.repeated-word" and finding.text == "the the"
    assert apply_fixes(text, [finding]) == "Officials said the talks would resume.\n"


def test_repeated_word_across_a_line_break() -> None:
    text = "Officials said that the\nthe talks would resume on Monday.\n"
    [finding] = typos(text)
    assert finding.rule == "typos.repeated-word"
    assert apply_fixes(text, [finding]) == "Officials said that the talks would resume on Monday.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "He had had enough of the delays.",
        "She said that that plan would fail.",
        "The minister was sworn in in Taipei.",
        "Voters in Walla Walla were split.",
        "The candidates, Sirhan Sirhan aside, were named.",
    ],
)
def test_grammatical_doubles_are_not_flagged(sentence: str) -> None:
    assert typos(sentence + "\n") == []


# --- configuration, rules, speed ---------------------------------------------------------


def test_bad_typos_configuration_is_an_error(tmp_path: Path) -> None:
    from newslint.config import ConfigError, load_config
    from newslint.session import Session
    from tests.conftest import write_config

    path = write_config(tmp_path, {"typos": {"repeated_allowed": "had", "misspelings": {}}})
    with pytest.raises(ConfigError, match="repeated_allowed"):
        Session.create(load_config(path))


def test_rules_are_documented() -> None:
    from newslint_plugins.typos import RULES

    assert {spec.id for spec in RULES} == {
        "typos.misspelling",
        "typos.name-misspelling",
        "typos.name-variant",
        "typos.repeated-word",
        "typos.rejected-word",
    }
    for spec in RULES:
        assert spec.documentation_problems() == []


def test_rules_can_be_switched_off() -> None:
    config = {"rules": {"typos.misspelling": "off"}}
    assert typos("The goverment said the the plan works.\n", config)[0].rule == "typos.repeated-word"


def test_no_suggestion_index_for_an_article_without_lower_case_typos() -> None:
    # Names and capitalised words are judged without the two-edit index:
    # a clean article costs no index build (the cold-run budget).
    code = (
        "import newslint, newslint.lexicon as lx;"
        f"newslint.lint_text({NAMES!r} + 'The hourlong call covered deconfliction in Donbas.\\n');"
        "assert not lx.get_lexicon()._shared.indexes, lx.get_lexicon()._shared.indexes.keys()"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_seed_article_has_no_typo_findings() -> None:
    if not SEED.is_file():
        pytest.skip(f"example article not found at {SEED}")
    findings = lint(SEED.read_text(encoding="utf-8"), rules="typos.")
    assert findings == []


def test_test_set_meets_the_targets() -> None:
    spec = importlib.util.spec_from_file_location("eval_typos", ROOT / "benchmarks" / "eval_typos.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    cases = module.read_cases()
    assert len(cases) >= 300
    result = module.evaluate(cases)
    assert result.misspellings >= 200 and result.cases - result.misspellings >= 100
    assert result.recall >= 0.9, result.missed
    assert result.precision >= 0.95, result.false_positives
    assert result.top1_accuracy >= 0.8, result.wrong_top1


def test_text_damage_is_reported_once_by_spacing_not_again_by_typos():
    text = (
        "Council weighs budget\n\nThe communi- cations budget was overthe limit. "
        "Gera- simov spoke, and the council recieved letters.\n"
    )
    findings = [(f.rule, f.text) for f in lint(text) if f.rule.startswith(("typos.", "spacing."))]
    assert ("spacing.broken-hyphenation", "communi- cations") in findings
    assert ("spacing.glued-words", "overthe") in findings
    assert ("spacing.broken-hyphenation", "Gera- simov") in findings
    assert [t for r, t in findings if r == "typos.misspelling"] == ["recieved"]
