"""What each kind of house rule flags, and what it leaves alone."""

from __future__ import annotations

import time

import pytest
from conftest import lint
from newslint_plugins import style, style_check

EMAIL = {"house": {"house.email": {"swap": {"e-mail": "email", "Web site": "website"}}}}


def house(text: str, config: dict) -> list:
    return lint(text, config, rules="house.")


def shown(findings: list) -> list[tuple]:
    return [(f.text, f.suggestions, f.fix.replacement if f.fix else None) for f in findings]


# Substitution -----------------------------------------------------------------------------------


def test_plain_words_keep_the_case_of_the_text() -> None:
    text = "E-mail the desk. Send an E-MAIL or an e-mail from the Web site."
    assert shown(house(text, EMAIL)) == [
        ("E-mail", ["Email"], "Email"),
        ("E-MAIL", ["EMAIL"], "EMAIL"),
        ("e-mail", ["email"], "email"),
        ("Web site", ["website"], "website"),
    ]


def test_a_capitalised_word_inside_a_sentence_gets_no_fix() -> None:
    """It may be part of a name or a title-cased heading: the suggestion is given, the fix is not."""
    findings = house("The company E-mail Partners Ltd. said so.", EMAIL)
    assert shown(findings) == [("E-mail", ["Email"], None)]


def test_quotations_are_left_alone_unless_the_rule_reports_them() -> None:
    text = "“Send an e-mail,” she said, and she sent an e-mail."
    assert [f.column for f in house(text, EMAIL)] == [45]
    reporting = {"house": {"house.email": {"swap": {"e-mail": "email"}, "quotations": "report"}}}
    assert shown(house(text, reporting)) == [("e-mail", ["email"], None), ("e-mail", ["email"], "email")]


def test_urls_addresses_and_datelines_are_never_matched() -> None:
    text = (
        "SPRINGFIELD, Ill. (AP) — Write to e-mail@example.com or see www.e-mail.example.org in Dayton, Ill."
    )
    config = {"house": {"house.ill": {"swap": {"Ill.": "Illinois", "e-mail": "email"}, "match_case": True}}}
    assert shown(house(text, config)) == [("Ill.", ["Illinois."], "Illinois.")]


def test_exceptions_followed_by_and_preceded_by() -> None:
    config = {
        "house": {
            "house.email": {"swap": {"e-mail": "email"}, "exceptions": ["e-mail address", "old e-mail"]},
            "house.over": {"swap": {"over": "more than"}, "followed_by": r" \d", "fix": False},
            "house.state": {"swap": {"OH": "Ohio"}, "match_case": True, "preceded_by": "[a-z], "},
        }
    }
    text = (
        "Her e-mail address and old e-mail were lost, the e-mail said. "
        "Over 300 people flew over the city in Dayton, OH. OH, said the boy."
    )
    assert shown(house(text, config)) == [
        ("e-mail", ["email"], "email"),
        ("Over", ["More than"], None),
        ("OH", ["Ohio"], "Ohio"),  # not "OH, said": a capital before the comma
    ]


def test_patterns_use_groups_in_the_right_form() -> None:
    config = {"house": {"house.time": {"regex": True, "swap": {r"(\d{1,2}) ?pm": r"\1 p.m."}}}}
    assert shown(house("They met at 5pm and at 11 pm. Then 5pm.", config)) == [
        ("5pm", ["5 p.m."], "5 p.m."),
        ("11 pm", ["11 p.m"], "11 p.m"),  # the sentence's own period follows: no second one
        ("5pm", ["5 p.m"], "5 p.m"),
    ]


def test_an_abbreviation_that_ends_the_sentence_keeps_its_period() -> None:
    config = {"house": {"house.state": {"swap": {"Ill.": "Illinois"}, "match_case": True}}}
    text = "She lives in Springfield, Ill. Her son lives in Joliet, Ill.\n\nHe moved to Peoria, Ill., in May."
    assert shown(house(text, config)) == [
        ("Ill.", ["Illinois."], None),  # a new sentence probably starts: suggested, not fixed
        ("Ill.", ["Illinois."], "Illinois."),  # the paragraph ends
        ("Ill.", ["Illinois"], "Illinois"),
    ]


def test_several_right_forms_are_suggestions_without_a_fix() -> None:
    config = {"house": {"house.impact": {"swap": {"impactful": ["effective", "influential"]}}}}
    assert shown(house("It was an impactful speech.", config)) == [
        ("impactful", ["effective", "influential"], None)
    ]


def test_fix_false_and_custom_messages() -> None:
    config = {
        "house": {
            "house.email": {"swap": {"e-mail": "email"}, "fix": False, "message": "“{match}”: say {right}"}
        }
    }
    (finding,) = house("Send an e-mail today.", config)
    assert (finding.message, finding.fix) == ("“e-mail”: say email", None)


def test_scope_limits_the_paragraphs_checked() -> None:
    text = "Officials e-mail residents\n\nBy Ann Writer\n\nThe city will e-mail residents today."
    body = {"house": {"house.email": {"swap": {"e-mail": "email"}, "scope": "body"}}}
    headline = {"house": {"house.email": {"swap": {"e-mail": "email"}, "scope": "headline"}}}
    assert [f.line for f in house(text, body)] == [5]
    assert [f.line for f in house(text, headline)] == [1]
    assert [f.line for f in house(text, EMAIL)] == [1, 5]


# Existence --------------------------------------------------------------------------------------


def test_existence_flags_tokens_and_patterns_outside_quotations() -> None:
    config = {
        "house": {
            "house.wordy": {"tokens": ["at this point in time", "very unique"]},
            "house.reportedly": {"patterns": [r"report(?:ed)?ly"], "message": "who reports “{match}”?"},
        }
    }
    text = "At this point in time, the very  unique plan reportedly failed. “It is very unique,” she said."
    findings = house(text, config)
    assert [(f.rule, f.text) for f in findings] == [
        ("house.wordy", "At this point in time"),
        ("house.wordy", "very  unique"),
        ("house.reportedly", "reportedly"),
    ]
    assert findings[2].message == "who reports “reportedly”?"
    assert all(f.fix is None and f.suggestions == [] for f in findings)


# Consistency ------------------------------------------------------------------------------------


def test_consistency_keeps_the_first_form_used() -> None:
    config = {"house": {"house.forms": {"pairs": [["adviser", "advisor"], ["OK", "okay"]]}}}
    text = (
        "The advisor said okay. Another adviser agreed.\n\n"
        "Advisers met; the advisor stayed. “My adviser was OK,” she said. It was OK."
    )
    findings = house(text, config)
    assert [(f.text, f.suggestions) for f in findings] == [("adviser", ["advisor"]), ("OK", ["okay"])]
    assert (
        findings[0].message == "“adviser” here, but “advisor” earlier in the article: use one form throughout"
    )
    assert all(f.fix is None for f in findings)


def test_consistency_is_quiet_when_one_form_is_used() -> None:
    config = {"house": {"house.forms": {"pairs": [["adviser", "advisor"]]}}}
    assert house("The adviser spoke. Adviser pay rose. The advisers met.", config) == []


# Occurrence -------------------------------------------------------------------------------------


def test_sentence_length_counts_words_outside_quotations() -> None:
    config = {"house": {"house.long": {"max": 8}}}
    long_quote = "“This is a long quotation that runs on for many words,” she said on Monday."
    long_prose = "The council met on Monday and agreed on the plan at last."
    findings = house(f"{long_quote} {long_prose}", config)
    assert [f.text for f in findings] == [long_prose]
    assert findings[0].message == "12 words in this sentence; the house limit is 8"


def test_paragraph_length_counts_sentences() -> None:
    config = {"house": {"house.paras": {"max": 2, "per": "paragraph"}}}
    text = "One. Two. Three.\n\nFour. Five."
    findings = house(text, config)
    assert [f.text for f in findings] == ["One. Two. Three."]
    assert findings[0].message == "3 sentences in this paragraph; the house limit is 2"


def test_dateline_and_abbreviations_do_not_inflate_the_count() -> None:
    config = {"house": {"house.long": {"max": 7}}}
    assert house("WASHINGTON — The U.S. Army said so on Friday.", config) == []  # seven words


# Capitalization ---------------------------------------------------------------------------------


SENTENCE = {"house": {"house.hed": {"case": "sentence", "exceptions": ["Senate"]}}}
TITLE = {"house": {"house.hed": {"case": "title", "exceptions": ["iPhone"]}}}


@pytest.mark.parametrize(
    "headline",
    [
        "Council Passes Budget After Long Debate",
        "Biden Says Talks Will Resume: Officials Upbeat",
    ],
)
def test_sentence_case_flags_title_cased_headlines(headline: str) -> None:
    findings = house(f"{headline}\n\nThe council met on Monday.", SENTENCE)
    assert [f.text for f in findings] == [headline]
    assert findings[0].fix is None


@pytest.mark.parametrize(
    "headline",
    [
        "U.S., Russian defense chiefs speak for 1st time since invasion",
        "Joe Biden meets Xi Jinping in Bali",
        "Biden Meets Xi",
        "Senate Passes Budget",  # "Senate" is an exception: two capitals are not enough
        "NATO, EU and UN leaders meet",
        "Mayor: ‘We Will Rebuild’ after storm",
    ],
)
def test_sentence_case_leaves_proper_nouns_and_acronyms(headline: str) -> None:
    assert house(f"{headline}\n\nThe council met on Monday.", SENTENCE) == []


def test_title_case_flags_lower_case_major_words_with_a_fix() -> None:
    findings = house("Council passes budget for the iPhone era and signs off\n\nThe council met.", TITLE)
    assert shown(findings) == [
        ("passes", ["Passes"], "Passes"),
        ("budget", ["Budget"], "Budget"),
        ("era", ["Era"], "Era"),
        ("signs", ["Signs"], "Signs"),
        ("off", ["Off"], "Off"),  # the last word is capitalised even when short
    ]


def test_title_case_is_quiet_on_a_title_cased_headline() -> None:
    assert house("Council Passes Budget for the New Year\n\nThe council met.", TITLE) == []


# Bounds -----------------------------------------------------------------------------------------


def test_long_paragraphs_are_searched_in_chunks_without_losing_matches() -> None:
    sentence = "The council will send an e-mail to residents about the new parking rules today. "
    text = sentence * 200  # about 16,000 characters in one paragraph
    assert len(house(text, EMAIL)) == 200


def test_a_slow_rule_stops_at_its_time_budget_and_is_named_at_the_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pattern the check lets through can still be slow on hostile text: the budget bounds it."""
    monkeypatch.setattr(style_check, "TIME_BUDGET", 0.05)
    style_check.OVERRUNS.clear()
    config = {"house": {"house.slow": {"patterns": [r"\w+ly"]}}}
    hostile = ("a" * 1995 + " ly ") * 150  # 300 KB of long "words": each search is quadratic in its chunk
    start = time.perf_counter()
    assert house(hostile, config) == []
    assert time.perf_counter() - start < 3
    assert style_check.OVERRUNS["house.slow"] == 1
    style.newslint_finish_run(None)
    assert "house rule house.slow used its 0.05 s on 1 article" in capsys.readouterr().err
    assert not style_check.OVERRUNS


def test_a_pattern_anchored_at_the_paragraph_end_sees_each_end() -> None:
    """Short paragraphs are searched together, but "$" still means the end of each paragraph."""
    config = {"house": {"house.trailing": {"patterns": [r"\d+$", r"etc(?!\s)"]}}}
    text = "The total was 12\n\nIt rose to 15\n\nAnd so on, etc\n\nEnd."
    assert [f.text for f in house(text, config)] == ["12", "15", "etc"]
