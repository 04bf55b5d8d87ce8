"""spacing.glued-words and spacing.broken-hyphenation: what they flag, how they fix it, what they leave."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import lint, make_runner

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"
HEAD = "Headline for the test\n\n"
GLUED = "spacing.glued-words"
BROKEN = "spacing.broken-hyphenation"

sys.path.insert(0, str(ROOT / "benchmarks"))
import eval_spacing  # noqa: E402


def found(
    body: str, config: dict | None = None, path: str = "a.txt"
) -> list[tuple[str, str, list[str], str | None]]:
    """(rule, text, suggestions, fix) for each finding of the two rules."""
    text = body if path.endswith((".md", ".html")) else HEAD + body
    return [
        (f.rule, f.text, f.suggestions, f.fix.replacement if f.fix else None)
        for f in lint(text, config, path=path)
        if f.rule in (GLUED, BROKEN)
    ]


# --- the test set ---------------------------------------------------------------


def test_test_set_is_big_enough() -> None:
    cases = eval_spacing.load_cases()
    assert len(cases["flag"]) >= 100
    assert len(cases["clean"]) >= 100
    assert all(case["find"] and case["want"] for case in cases["flag"])


def test_precision_recall_and_correction_accuracy_meet_the_targets() -> None:
    score = eval_spacing.evaluate()
    detail = "\n".join(score.problems)
    assert score.precision >= 0.95, detail
    assert score.recall >= 0.95, detail
    assert score.correction_accuracy >= 0.95, detail


# --- the example article ----------------------------------------------------------


def test_seed_article_has_exactly_the_two_glued_words() -> None:
    if not SEED.is_file():
        pytest.skip(f"example article not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    findings = [
        f for f in make_runner().check_text(text, "seed.txt").findings if f.rule.startswith("spacing.")
    ]
    assert [(f.rule, f.text, f.suggestions[0]) for f in findings] == [
        (GLUED, "Moscow’swar", "Moscow’s war"),
        (GLUED, "socalled", "so-called"),
    ]
    assert all(f.fix is not None and f.fix.replacement == f.suggestions[0] for f in findings)
    assert all(text[f.start : f.end] == f.text for f in findings)


# --- what is restored ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "token", "fix"),
    [
        ("The envoys hadto wait outside.", "hadto", "had to"),
        ("Kyiv’sforces advanced at dawn.", "Kyiv’sforces", "Kyiv’s forces"),
        ("It wasn'tclear who fired.", "wasn'tclear", "wasn't clear"),
        ("The levy began in2019 and ended later.", "in2019", "in 2019"),
        ("The socalled reforms were shelved.", "socalled", "so-called"),
        ("A wellknown singer attended.", "wellknown", "well-known"),
        ("The longterm plan was dropped.", "longterm", "long-term"),
        ("She found fulltime work.", "fulltime", "full-time"),
        ("The Parisbased group objected. Paris was quiet.", "Parisbased", "Paris-based"),
        ("The drone hit NATOterritory, officials said.", "NATOterritory", "NATO territory"),
        ("Crowds cheered as theKremlin fell silent.", "theKremlin", "the Kremlin"),
    ],
)
def test_glued_words_are_restored(body: str, token: str, fix: str) -> None:
    assert found(body) == [(GLUED, token, [fix], fix)]


def test_house_dictionary_names_split_a_capitalised_token() -> None:
    body = "Minister Okonjosaid the budget was final."
    assert found(body) == []
    assert found(body, {"dictionary": {"accept": ["Okonjo"]}}) == [
        (GLUED, "Okonjosaid", ["Okonjo said"], "Okonjo said")
    ]


def test_names_used_elsewhere_in_the_article_split_a_capitalised_token() -> None:
    body = "Okonjo arrived late. Later Okonjosaid the budget was final."
    assert found(body) == [(GLUED, "Okonjosaid", ["Okonjo said"], "Okonjo said")]


def test_a_repeated_capitalised_token_is_a_name() -> None:
    body = "Okonjo met Okonjosaid. Okonjosaid spoke first, and Okonjo answered."
    assert found(body) == []


def test_rare_content_word_pairs_get_suggestions_but_no_fix() -> None:
    # "military officials" is likely, but a rare closed compound the lexicon lacks looks the same.
    [(rule, text, suggestions, fix)] = found("Senior militaryofficials met.")
    assert (rule, text, suggestions[0], fix) == (GLUED, "militaryofficials", "military officials", None)


def test_close_readings_give_no_fix() -> None:
    # "the man" and "them an" are both made of common words: both are suggested, neither applied.
    [(_, _, suggestions, fix)] = found("Police said theman was detained.")
    assert suggestions[:2] == ["the man", "them an"] and fix is None


def test_verb_particle_nouns_are_left_alone() -> None:
    # "runup", "takedown": closed nouns the lexicon may lack, not "run up", "take down".
    assert found("Debt grew in the runup to the takedown.") == []


@pytest.mark.parametrize(
    "body",
    [
        "The hourlong call was a springboard for a ceasefire.",
        "The nonprofit set up a deconfliction line.",
        "A cyberattack hit the counteroffensive planners during the lockdown.",
        "Gen. Valery Gerasimov visited Zaporizhzhia with Nguyen.",
        "BlackRock and PayPal listed on the exchange.",
        "NATO and the UN met the CEOs.",
        "The 5km run started at 3pm; the 1990s hits played; a 4x4 led; the 21st lap ended.",
        "See https://example.com/hadto, mail hadto@example.com, follow @socalled, tag #inthe.",
        "The so-called talks had well-known, long-term aims.",
        "Pre- and post-war rules, first- or second-degree charges and two- to three-year terms.",
        "They didn’t say why they’re late, and O’Neill can’t say.",
    ],
)
def test_not_flagged(body: str) -> None:
    assert found(body) == []


def test_text_in_markdown_code_is_not_flagged() -> None:
    text = "# Headline here\n\nRun `hadto --socalled` now.\n\n```\ninthe hadto\n```\n\nThe socalled end.\n"
    assert [t for _, t, _, _ in found(text, path="a.md")] == ["socalled"]


def test_boilerplate_and_publication_lines_are_not_flagged() -> None:
    text = "Dailynewsgroup Herald\n\nHeadline here\n\nThe vote passed.\n\nNewspapers in English\n"
    assert [f for f in lint(text) if f.rule in (GLUED, BROKEN)] == []


def test_glued_words_in_html_point_into_the_file() -> None:
    text = "<html><body><h1>Head line</h1><p>The &amp; envoys hadto wait.</p></body></html>"
    [finding] = [f for f in lint(text, path="a.html") if f.rule == GLUED]
    assert text[finding.start : finding.end] == "hadto"
    assert finding.fix is not None and text[finding.fix.start : finding.fix.end] == "hadto"


def test_rule_can_be_turned_off() -> None:
    assert found("The envoys hadto wait.", {"rules": {GLUED: "off"}}) == []


# --- broken hyphenation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "text", "fix"),
    [
        ("The army restored communi- cations.", "communi- cations", "communications"),
        ("The army restored commu-\nnications.", "commu-\nnications", "communications"),
        ("Thousands joined the anti- war march.", "anti- war", "anti-war"),
        ("The long- term costs rose.", "long- term", "long-term"),
        ("Several pro- Russian officials left.", "pro- Russian", "pro-Russian"),
        ("There was some- thing odd.", "some- thing", "something"),
        ("The state- run channel aired it.", "state- run", "state-run"),
    ],
)
def test_broken_hyphenation_is_restored(body: str, text: str, fix: str) -> None:
    assert found(body) == [(BROKEN, text, [fix], fix)]


def test_a_broken_name_is_joined_when_the_article_uses_it() -> None:
    body = "Okonjo spoke. The plan was Okon- jo’s idea."
    assert found(body) == [(BROKEN, "Okon- jo", ["Okonjo"], "Okonjo")]


def test_a_broken_unknown_word_gets_suggestions_only() -> None:
    [(rule, text, suggestions, fix)] = found("The Okon- jo plan failed.")
    assert (rule, text, fix) == (BROKEN, "Okon- jo", None)
    assert suggestions == ["Okonjo", "Okon-jo"]


@pytest.mark.parametrize(
    "body",
    [
        "Pre- and post-war records differ.",
        "He paused - then spoke.",
        "He left- she stayed.",
        "Lists:\n- one item\n- another item",
    ],
)
def test_broken_hyphenation_not_flagged(body: str) -> None:
    assert [r for r, *_ in found(body) if r == BROKEN] == []


# --- configuration and loading ---------------------------------------------------------


def test_spacing_section_is_checked(tmp_path: Path) -> None:
    from newslint.config import ConfigError

    with pytest.raises(ConfigError, match=r"spacing\.closed_prefix"):
        make_runner({"spacing": {"closed_prefix": ["x"]}}, tmp_dir=tmp_path)
    with pytest.raises(ConfigError, match="must be a list of words"):
        make_runner({"spacing": {"units": "km"}}, tmp_dir=tmp_path)


def test_a_desk_list_replaces_the_default(tmp_path: Path) -> None:
    # With "counter" no longer a closing prefix, "counterprotest" reads as two words.
    body = "A counterprotest was planned."
    assert found(body) == []
    runner = make_runner({"spacing": {"closed_prefixes": ["anti"]}}, tmp_dir=tmp_path)
    findings = [f for f in runner.check_text(HEAD + body, "a.txt").findings if f.rule == GLUED]
    assert [(f.suggestions[0], f.fix) for f in findings] == [("counter protest", None)]


def test_word_data_is_loaded_only_when_checking() -> None:
    code = (
        "import newslint.lexicon as lx, newslint.compounds as cp, newslint_plugins.spacing; "
        "assert not lx._CACHE and not cp._CACHE, 'word data loaded at import'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
