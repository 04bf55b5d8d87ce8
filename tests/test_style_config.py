"""House rules in rules.yaml: how they are written, merged, checked, declared and shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import lint, write_config
from newslint_plugins.style_rules import read_house_rules

from newslint.cli import main
from newslint.config import load_config
from newslint.session import Session

STORY = "Budget talks resume\n\nBy Ann Writer\n\nThe mayor sent an e-mail to the council on Monday.\n"


def run(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def problems(section: dict) -> list[str]:
    return read_house_rules(section).problems


# The done-when cases ---------------------------------------------------------------------------


def test_a_desk_substitution_gives_a_suggestion_and_a_fix(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"house": {"house.email": {"swap": {"e-mail": "email"}}}})
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    status, out, _ = run(["check", "--config", str(config), "--format", "json", str(tmp_path / "story.txt")])
    assert status == 1
    (finding,) = json.loads(out)["files"][0]["findings"]
    assert (finding["rule"], finding["text"], finding["suggestions"]) == ("house.email", "e-mail", ["email"])
    assert finding["category"] == "style"
    findings = lint(STORY, {"house": {"house.email": {"swap": {"e-mail": "email"}}}})
    assert [(f.fix.replacement, STORY[f.fix.start : f.fix.end]) for f in findings] == [("email", "e-mail")]


def test_a_bad_regular_expression_in_another_rule_exits_2_naming_that_rule(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        {
            "house": {
                "house.email": {"swap": {"e-mail": "email"}},
                "house.broken": {"patterns": ["(unclosed"]},
            }
        },
    )
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    status, out, err = run(["check", "--config", str(config), str(tmp_path / "story.txt")])
    assert status == 2
    assert "house.broken" in err and "does not compile" in err
    assert out == ""


def test_a_catastrophic_pattern_exits_2_naming_the_rule_and_the_reason(tmp_path: Path) -> None:
    config = write_config(tmp_path, {"house": [{"id": "house.slow", "patterns": ["(a+)+b"]}]})
    status, _, err = run(["rules", "--config", str(config)])
    assert status == 2
    assert "house.slow" in err and "backtrack catastrophically" in err


# Writing rules ------------------------------------------------------------------------------------


def test_rules_may_be_a_list_or_a_mapping_and_the_kind_may_be_implied() -> None:
    as_list = {"house": [{"id": "house.email", "kind": "substitution", "swap": {"e-mail": "email"}}]}
    as_mapping = {"house": {"house.email": {"swap": {"e-mail": "email"}}}}
    assert (
        [f.rule for f in lint(STORY, as_list)] == [f.rule for f in lint(STORY, as_mapping)] == ["house.email"]
    )


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ({"email": {"swap": {"a": "b"}}}, "must be 'house.<name>', e.g. 'house.email'"),
        ({"house.x": {"swpa": {"a": "b"}}}, "no 'kind'"),
        ({"house.x": {"kind": "substitution", "swpa": {"a": "b"}}}, "did you mean 'swap'"),
        ({"house.x": {"kind": "substitutoin", "swap": {"a": "b"}}}, "did you mean 'substitution'"),
        ({"house.x": {"swap": {"a": "b"}, "tokens": ["c"]}}, "fields of several kinds"),
        ({"house.x": {"kind": "existence", "tokens": ["c"], "swap": {"a": "b"}}}, "belongs to substitution"),
        ({"house.x": {"swap": {"a": "b"}, "severity": "fatal"}}, "'severity' must be one of error"),
        ({"house.x": {"swap": {"a": "b"}, "scope": "sidebar"}}, "'scope' must be story"),
        ({"house.x": {"swap": {False: "b"}}}, "quote words like yes, no"),
        ({"house.x": {"swap": {}}}, "'swap' must be a non-empty mapping"),
        ({"house.x": {"swap": {"a": "b"}, "message": "use {rigth}"}}, "message uses {rigth}"),
        ({"house.x": {"swap": {"a": "b"}, "message": "use {right"}}, "stray brace"),
        ({"house.x": {"swap": {"Web site": "website", "web site": "website"}}}, "the same in any case"),
        ({"house.x": {"regex": True, "swap": {r"(\d)pm": r"\2 p.m."}}}, "not a valid replacement"),
        ({"house.x": {"tokens": ["a"], "patterns": ["b"]}}, "either 'tokens'"),
        ({"house.x": {"max": 0}}, "'max' must be a whole number"),
        ({"house.x": {"max": 30, "per": "page"}}, "'per' must be one of sentence, paragraph"),
        ({"house.x": {"max": 30, "exceptions": ["a"]}}, "do not apply to occurrence"),
        ({"house.x": {"pairs": [["adviser"]]}}, "needs two forms or more"),
        ({"house.x": {"case": "upper"}}, "'case' must be one of sentence, title"),
        ({"house.x": {"swap": {"a": "b"}, "followed_by": "(a+)+"}}, "followed_by pattern"),
        ({"house.x": {"patterns": ["a"], "exceptions": ["(b"]}}, "exception pattern '(b' does not compile"),
        ({"house.x": "email"}, "must be a mapping of fields"),
    ],
)
def test_mistakes_are_reported_with_the_rule_id(section: dict, expected: str, tmp_path: Path) -> None:
    found = problems(section)
    assert found, f"no problem reported for {section}"
    assert expected in found[0], found
    assert found[0].startswith(("house.", "house rule id")), found
    # and through the command line: a configuration error, not a crash
    status, _, err = run(["rules", "--config", str(write_config(tmp_path, {"house": section}))])
    assert status == 2 and "configuration error" in err and expected in err


def test_a_correct_rule_of_each_kind_has_no_problems() -> None:
    section = {
        "house.a": {"swap": {"e-mail": "email"}, "exceptions": ["e-mail address"]},
        "house.b": {"kind": "existence", "patterns": [r"at this point in time"], "severity": "info"},
        "house.c": {"max": 35},
        "house.d": {"max": 4, "per": "paragraph"},
        "house.e": {"pairs": [["adviser", "advisor"], ["OK", "okay"]]},
        "house.f": {"case": "title", "exceptions": ["iPhone"]},
        "house.g": {"regex": True, "swap": {r"(\d)pm": r"\1 p.m."}, "link": "https://example.org/style"},
    }
    assert problems(section) == []


def test_a_rule_set_to_null_or_off_in_the_house_section_is_dropped() -> None:
    rules = read_house_rules({"house.a": None, "house.b": False, "house.c": {"swap": {"a": "b"}}})
    assert [rule.id for rule in rules.rules] == ["house.c"]


# Merging files ----------------------------------------------------------------------------------


def test_a_later_file_replaces_a_rule_with_the_same_id_whole(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(
        "house:\n  - id: house.email\n    swap: {e-mail: email}\n    message: old\n"
        "  - id: house.toward\n    swap: {towards: toward}\n",
        encoding="utf-8",
    )
    desk = write_config(tmp_path, "extends: [base.yaml]\nhouse:\n  house.email:\n    tokens: [e-mail]\n")
    config = load_config(desk)
    assert config.data["house"] == {
        "house.email": {"tokens": ["e-mail"]},  # no "swap" or "message" left over from base.yaml
        "house.toward": {"swap": {"towards": "toward"}},
    }
    Session.create(config)  # and it is a valid configuration


def test_an_empty_house_section_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(
        "house:\n  house.email:\n    swap: {e-mail: email}\n", encoding="utf-8"
    )
    config = load_config(write_config(tmp_path, "extends: [base.yaml]\nhouse:\n"))
    assert list(config.data["house"]) == ["house.email"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("house: 3\n", "'house' must be a mapping or a list"),
        ("house:\n  - swap: {a: b}\n", "'house' entry 1 must be a mapping with an 'id'"),
        ("house:\n  - {id: house.a, swap: {a: b}}\n  - {id: house.a, swap: {c: d}}\n", "defined twice"),
    ],
)
def test_a_malformed_house_section_is_a_configuration_error(tmp_path: Path, text: str, expected: str) -> None:
    status, _, err = run(["rules", "--config", str(write_config(tmp_path, text))])
    assert status == 2 and expected in err


def test_an_unquoted_off_switches_a_rule_off(tmp_path: Path) -> None:
    """YAML reads `off` as false; the core takes it as the severity `off`."""
    config = write_config(
        tmp_path, "house:\n  house.email:\n    swap: {e-mail: email}\nrules:\n  house.email: off\n"
    )
    session = Session.create(load_config(config))
    assert not session.enabled("house.email")


def test_the_error_names_the_file_and_line_of_the_rule(tmp_path: Path) -> None:
    config = write_config(
        tmp_path, "house:\n  house.ok:\n    swap: {okay: OK}\n  house.bad:\n    tokens: []\n"
    )
    status, _, err = run(["rules", "--config", str(config)])
    assert status == 2
    assert f"house.bad ({config}, line 4): 'tokens' must be a non-empty list" in err


# Shown like built-in rules ----------------------------------------------------------------------


def test_rules_and_explain_show_house_rules(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        {
            "house": {
                "house.email": {
                    "swap": {"e-mail": "email", "Web site": "website"},
                    "link": "https://example.org/style#email",
                    "severity": "error",
                },
                "house.wordy": {"tokens": ["at this point in time"], "why": "Readers skim past padding."},
            }
        },
    )
    status, out, _ = run(["rules", "--config", str(config), "--format", "json"])
    assert status == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["house.email"]["severity"] == "error" and rows["house.email"]["fixable"] is True
    assert rows["house.email"]["plugin"] == "style" and rows["house.email"]["category"] == "style"
    assert rows["house.wordy"]["summary"] == "Avoid “at this point in time”"
    status, out, _ = run(["explain", "house.email", "--config", str(config)])
    assert status == 0
    assert "“e-mail” → “email”" in out and "Source: https://example.org/style#email" in out
    assert "Text inside direct quotations is left alone." in out
    status, out, _ = run(["explain", "house.wordy", "--config", str(config)])
    assert "Readers skim past padding." in out


def test_generated_documentation_is_complete_for_every_kind(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        {
            "house": {
                "house.a": {"swap": {"e-mail": "email"}},
                "house.b": {"regex": True, "swap": {r"(\d)pm": r"\1 p.m."}},
                "house.c": {"patterns": ["at this point"]},
                "house.d": {"max": 35},
                "house.e": {"max": 4, "per": "paragraph"},
                "house.f": {"pairs": [["adviser", "advisor"]]},
                "house.g": {"case": "sentence"},
                "house.h": {"case": "title"},
            }
        },
    )
    session = Session.create(load_config(config))
    house = [spec for spec in session.rules.values() if spec.id.startswith("house.")]
    assert len(house) == 8
    for spec in house:
        assert spec.documentation_problems() == [], spec.id


def test_select_and_severity_by_the_house_prefix(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        {"house": {"house.email": {"swap": {"e-mail": "email"}}}, "rules": {"house": "error"}},
    )
    (tmp_path / "story.txt").write_text(STORY.replace("Monday.", "Monday.  Then"), encoding="utf-8")
    status, out, _ = run(
        [
            "check",
            "--config",
            str(config),
            "--select",
            "house",
            "--format",
            "json",
            str(tmp_path / "story.txt"),
        ]
    )
    findings = json.loads(out)["files"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("house.email", "error")]
    assert status == 1


def test_the_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## House style rules", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = write_config(tmp_path, example)
    session = Session.create(load_config(config))
    assert {"house.email", "house.wordy", "house.headlines", "house.numerals-under-ten"} <= set(session.rules)
    assert session.enabled("house.more-than") and not session.enabled("house.website")
    (tmp_path / "story.txt").write_text("The desk sent an e-mail at this point in time.\n", encoding="utf-8")
    status, out, _ = run(["check", "--config", str(config), "--format", "json", str(tmp_path / "story.txt")])
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert rules == ["house.email", "house.wordy"] and status == 1
