"""The AP starter set (``extends: [ap]``): every rule flags what it must and leaves correct style alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import lint

from newslint.config import load_config, preset_path
from newslint.session import Session

AP = {"extends": ["ap"]}
AP_ALL_ON = {"extends": ["ap"], "rules": {"house.more-than": "warning", "house.percent-sign": "warning"}}
SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"


def house(text: str, config: dict | None = None, rule: str | None = None) -> list:
    """Findings of house rules (of one rule when given)."""
    found = lint(text, config or AP, rules="house.")
    return [f for f in found if rule is None or f.rule == rule]


def preset_rule_ids() -> set[str]:
    path = preset_path("ap")
    assert path is not None
    return set(yaml.safe_load(path.read_text(encoding="utf-8"))["house"])


# (rule, text, flagged text, best suggestion or None, whether a fix is offered)
FLAGS = [
    ("house.numerals-under-ten", "The 3 officers spoke to reporters.", "3", "three", False),
    ("house.numerals-under-ten", "5 people were hurt in the crash.", "5", "Five", False),
    ("house.numerals-under-ten", "The talks lasted 2 hours on Monday.", "2", "two", False),
    ("house.ordinals-under-tenth", "It was the 2nd time the talks stalled.", "2nd", "second", True),
    ("house.numerals-ten-and-up", "The council met for fifteen minutes.", "fifteen", "15", False),
    ("house.numerals-ten-and-up", "She is a twenty-five-year-old nurse.", "twenty-five", "25", False),
    ("house.figures-ages-percentages", "The five-year-old boy was found.", "five", "5", True),
    ("house.figures-ages-percentages", "Prices rose six percent in May.", "six", "6", True),
    ("house.percent", "Prices rose 4 per cent last year.", "per cent", "percent", True),
    ("house.month-with-date", "The vote is set for November 3 at noon.", "November", "Nov.", True),
    ("house.month-with-date", "The vote is set for Sep. 5 at noon.", "Sep.", "Sept.", True),
    ("house.month-with-date", "The vote is set for Jan 5 at noon.", "Jan", "Jan.", True),
    ("house.month-alone", "The talks began in Feb. and ended later.", "Feb.", "February", True),
    ("house.month-alone", "The plant closed in Dec. 2022 for good.", "Dec.", "December", True),
    ("house.month-never-abbreviated", "The law takes effect Jul. 1 this year.", "Jul.", "July", True),
    ("house.month-never-abbreviated", "The law takes effect Apr 1 this year.", "Apr", "April", True),
    ("house.state-names", "The plant in Dayton, OH, will close.", "OH", "Ohio", True),
    ("house.state-names", "She grew up in Springfield, Ill., and moved.", "Ill.", "Illinois", True),
    ("house.a-m-p-m", "The polls close at 8 PM on Tuesday.", "8 PM", "8 p.m.", True),
    ("house.a-m-p-m", "The polls close at 8pm on Tuesday.", "8pm", "8 p.m.", True),
    ("house.a-m-p-m", "It starts at 10:00 a.m. on Friday.", "10:00", "10", True),
    ("house.ok", "The board gave its okay on Monday.", "okay", "OK", True),
    ("house.ok", "The board okayed the plan on Monday.", "okayed", "OK’d", True),
    ("house.toward", "The crowd moved towards the gate.", "towards", "toward", True),
    ("house.toward", "Afterwards, the crowd went home.", "Afterwards", "Afterward", True),
    ("house.email", "She sent an e-mail to the council.", "e-mail", "email", True),
    ("house.email", "E-mails reached the council late.", "E-mails", "Emails", True),
    ("house.website", "The rules are posted on its Web site.", "Web site", "website", True),
    ("house.adviser", "The governor's senior advisor resigned.", "advisor", "adviser", True),
    ("house.hourlong", "After an hour-long meeting, the strike ended.", "hour-long", "hourlong", True),
    ("house.hourlong", "The week-long festival opened.", "week-long", "weeklong", True),
    (
        "house.headline-case",
        "Senate Passes Budget After Long Debate\n\nThe Senate passed the budget on Friday.",
        "Senate Passes Budget After Long Debate",
        None,
        False,
    ),
    ("house.more-than", "Over 300 people attended the rally.", "Over", "More than", False),
    ("house.percent-sign", "Unemployment fell to 3.5% in May.", "3.5%", "3.5 percent", True),
]

# (rule, text that is correct AP style, or that the rule must leave alone)
NO_FLAGS = [
    (
        "house.numerals-under-ten",
        "Prices rose 5 percent to $5 million on Feb. 5 at 5 p.m. on Route 9 and page 3 after a 3 to 1 vote.",
    ),
    ("house.numerals-under-ten", "The boy, 5, was found with a 6 foot ladder and 2.5 gallons of water."),
    ("house.numerals-under-ten", "“We saw 3 men running,” the officer said."),
    (
        "house.numerals-under-ten",
        "Pupils in grades 3 through 8 saw 4 in 10 days at 5 below zero, iPhone 6 in hand.",
    ),
    ("house.numerals-under-ten", "U.S., Russian chiefs speak for 1st time in 3 months\n\nThe chiefs spoke."),
    ("house.ordinals-under-tenth", "1st Sgt. Ray Diaz of the 3rd District spoke in the 10th round."),
    ("house.numerals-ten-and-up", "Fifteen people came, the Big Ten met, and in the twenty-first century."),
    ("house.figures-ages-percentages", "Five percent of voters and the 5-year-old boy agreed on one thing."),
    ("house.percent", "Prices rose 4 percent, or 5%, last year."),
    ("house.month-with-date", "The war began in late February and ended Feb. 18, before January 2023."),
    ("house.month-alone", "The meeting on Feb. 18 was the first since February, and Sept. 5 the next."),
    (
        "house.month-never-abbreviated",
        "The law takes effect March 1 and July 4, not in May, with Marches planned.",
    ),
    ("house.state-names", "SPRINGFIELD, Ill. (AP) — Rep. Ann Lee, D-Calif., attended Mass. in Ohio."),
    ("house.state-names", "Fine, OK, the mayor said in Dayton, Ohio, on Friday."),
    ("house.a-m-p-m", "The polls close at 8 p.m., the AM radio host said at 10:30 a.m. on Friday."),
    ("house.ok", "The board said OK, and Ok Taec-yeon sang."),
    ("house.ok", "“It’s okay,” the coach said."),
    ("house.toward", "The crowd moved toward the gate and afterward went home."),
    ("house.email", "Write to desk@e-mail.example.com or email the desk."),
    ("house.email", "“Send me an e-mail,” she said."),
    ("house.website", "The website and www.web-site.example.com are down."),
    ("house.adviser", "The advisory board and an adviser met."),
    ("house.hourlong", "The hourlong talk lasted an hour long, and the daylong fair opened."),
    ("house.headline-case", "U.S., Russian defense chiefs speak for 1st time\n\nThe chiefs spoke on Friday."),
    ("house.headline-case", "Biden Meets Xi\n\nThe leaders met on Monday."),
    ("house.more-than", "More than 300 people attended over five years, and a plane flew over the city."),
    ("house.percent-sign", "Unemployment fell to 3.5 percent in May."),
]


@pytest.mark.parametrize(("rule", "text", "found", "suggestion", "fixable"), FLAGS)
def test_preset_rule_flags(rule: str, text: str, found: str, suggestion: str | None, fixable: bool) -> None:
    findings = house(text, AP_ALL_ON, rule)
    assert [f.text for f in findings] == [found]
    if suggestion is not None:
        assert findings[0].suggestions[0] == suggestion
    assert (findings[0].fix is not None) is fixable


@pytest.mark.parametrize(("rule", "text"), NO_FLAGS)
def test_preset_rule_does_not_flag(rule: str, text: str) -> None:
    assert house(text, AP_ALL_ON, rule) == []


def test_every_preset_rule_has_both_tests() -> None:
    ids = preset_rule_ids()
    assert {rule for rule, *_ in FLAGS} == ids
    assert {rule for rule, _ in NO_FLAGS} == ids


def test_rules_where_ap_allows_either_form_are_off_by_default() -> None:
    text = "Over 300 people came, and prices rose 3.5% last year."
    assert house(text, AP) == []
    assert {f.rule for f in house(text, AP_ALL_ON)} == {"house.more-than", "house.percent-sign"}


def test_preset_rules_are_fully_documented() -> None:
    """Every preset rule writes its own documentation (none of it generated) and it is complete."""
    path = preset_path("ap")
    assert path is not None
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["house"]
    for rule_id, entry in raw.items():
        missing = {"summary", "description", "why", "example", "instead", "link"} - set(entry)
        assert not missing, f"{rule_id} lacks {missing}"
    session = Session.create(load_config(_write(AP)))
    specs = [spec for spec in session.rules.values() if spec.id.startswith("house.")]
    assert {spec.id for spec in specs} == set(raw)
    for spec in specs:
        assert spec.documentation_problems() == [], spec.id
        assert spec.plugin == "style"
        assert spec.source.startswith("AP Stylebook")


def test_a_desk_switches_a_preset_rule_off_or_redefines_it() -> None:
    text = "She sent an e-mail towards noon."
    off = {"extends": ["ap"], "rules": {"house.email": "off"}}
    assert [f.rule for f in house(text, off)] == ["house.toward"]
    redefined = {
        "extends": ["ap"],
        "house": [{"id": "house.email", "swap": {"e-mail": "e-mail message"}, "fix": False}],
    }
    findings = house(text, redefined, "house.email")
    assert [(f.suggestions, f.fix) for f in findings] == [(["e-mail message"], None)]
    dropped = {"extends": ["ap"], "house": {"house.toward": None}}
    assert [f.rule for f in house(text, dropped)] == ["house.email"]


def _write(config: dict) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="newslint-ap-"))
    path = folder / "rules.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


# The example article -----------------------------------------------------------------------


@pytest.fixture
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip(f"the example article is not at {SEED}")
    return SEED.read_text(encoding="utf-8")


def _boilerplate_lines(text: str) -> set[int]:
    lines = text.splitlines()
    return {number for number, line in enumerate(lines, 1) if re.fullmatch(r"Newspapers (in|from) .+", line)}


def test_seed_article_follows_the_ap_points_the_preset_checks(seed_text: str) -> None:
    """The example breaks none of the starter set's points.

    "Feb. 18" is correct AP (a month with a date), "week 12" uses a figure
    for 10 and above, "two weeks" spells out a number under 10, "hourlong"
    is AP's form, "late February" spells out a month without a date, and
    "1st" in the headline is AP headline style (figures in headlines).  Its
    AP problems are courtesy titles and grammar, which other plugins check.
    """
    assert house(seed_text, AP_ALL_ON) == []


def test_seed_article_with_ap_slips_reports_them_and_nothing_in_the_boilerplate(seed_text: str) -> None:
    slipped = (
        seed_text.replace("Feb. 18", "February 18")
        .replace("hourlong", "hour-long")
        .replace("two weeks", "2 weeks")
        .replace("Over the past", "Towards the past")
    )
    findings = house(slipped, AP_ALL_ON)
    assert sorted((f.rule, f.text) for f in findings) == [
        ("house.hourlong", "hour-long"),
        ("house.month-with-date", "February"),
        ("house.numerals-under-ten", "2"),
        ("house.toward", "Towards"),
    ]
    boilerplate = _boilerplate_lines(slipped)
    assert boilerplate, "the example's export boilerplate lines were not found"
    assert all(f.line not in boilerplate for f in findings)
    assert all(f.line > 1 for f in findings)  # the publication line is not linted
