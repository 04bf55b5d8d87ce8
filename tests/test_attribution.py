"""The attribution plugin: unattributed claims and quotes, anonymous sources, unexplained anonymity."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import lint, write_config
from hypothesis import given
from hypothesis import strategies as st
from newslint_plugins.attribution import RULES
from newslint_plugins.attribution_patterns import (
    alternation,
    compile_vocabulary,
    config_errors,
    inflect,
    phrase_regex,
)
from newslint_plugins.attribution_sources import find_attributions

from newslint.cli import main
from newslint.config import ConfigError, load_config
from newslint.readers import build_article
from newslint.session import Session

CLAIM = "attribution.unattributed-claim"
QUOTE = "attribution.unattributed-quote"
ANONYMOUS = "attribution.anonymous-source"
UNEXPLAINED = "attribution.anonymity-unexplained"
ROOT = Path(__file__).resolve().parents[1]
SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"


def texts(text: str, rule: str, config: dict | None = None) -> list[str]:
    """The text of each finding of ``rule`` in ``text``."""
    return [f.text for f in lint(text, config, rules=rule)]


# Word lists into patterns ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "forms"),
    [
        ("argue", ("argue", "argues", "argued", "argued", "arguing")),
        ("say/said", ("say", "says", "said", "said", "saying")),
        ("write/wrote/written", ("write", "writes", "wrote", "written", "writing")),
        ("testify", ("testify", "testifies", "testified", "testified", "testifying")),
        ("tip", ("tip", "tips", "tipped", "tipped", "tipping")),
        ("agree", ("agree", "agrees", "agreed", "agreed", "agreeing")),
        ("point out", ("point out", "points out", "pointed out", "pointed out", "pointing out")),
        ("stress", ("stress", "stresses", "stressed", "stressed", "stressing")),
    ],
)
def test_inflect_builds_every_form(entry: str, forms: tuple[str, ...]) -> None:
    result = inflect(entry)
    assert (result.base, result.third, result.past, result.participle, result.ing) == forms


@given(
    st.sets(st.text(alphabet="abcdefg ’'", min_size=1, max_size=8).map(str.strip).filter(bool), min_size=1)
)
def test_alternation_matches_exactly_its_words(words: set[str]) -> None:
    pattern = re.compile(alternation(words))
    for word in words:
        assert pattern.fullmatch(word.replace("’", "'")), word
    assert not pattern.fullmatch("zzz")


@pytest.mark.parametrize(
    ("phrase", "text", "matches"),
    [
        ("not authori*|permitted to", "who wasn't authorized to speak", True),
        ("not authori*|permitted to", "who was not permitted to speak", True),
        ("not authori*|permitted to", "who was authorized to speak", False),
        ("anonymity ... because", "on condition of anonymity, because the talks are private", True),
        ("anonymity ... because", "anonymity " + "word " * 12 + "because", False),
        ("according to reports", "According to Reports, it rained", True),
        ("according to reports", "according to reportsmith", False),
    ],
)
def test_phrase_syntax(phrase: str, text: str, matches: bool) -> None:
    assert bool(re.search(phrase_regex(phrase), text, re.IGNORECASE)) is matches


# Speakers ------------------------------------------------------------------------------------------

VOCABULARY = compile_vocabulary(load_config(ROOT / "rules.yaml").section("attribution"))


def kinds_of(sentence: str) -> list[set[str]]:
    article = build_article("a.txt", sentence + "\n")
    body = next(article.body_paragraphs())
    return [set(a.kinds) for a in find_attributions(article, body.start, body.end, VOCABULARY)]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Austin said the call was useful.", "named"),
        ("The call was useful, said Austin.", "named"),
        ("The Pentagon said the drills would go on.", "named"),
        ("Police said the driver fled.", "named"),
        ("The report says the dam is safe.", "named"),
        ("Pentagon officials have repeatedly said they want talks.", "named"),
        ("Hospital officials confirmed two deaths.", "named"),
        ("Jane Holm, a senior official at the agency, said the rules would change.", "named"),
        ("The rules will change, said a senior official, Jane Holm.", "named"),
        ("Analysts at Moody’s say the debt is safe.", "named"),
        ("A senior Defense Department official said the call was useful.", "anonymous"),
        ("The call was useful, a senior official said.", "anonymous"),
        ("The call was useful, said a senior European diplomat.", "anonymous"),
        ("Officials said the fire started in a kitchen.", "anonymous"),
        ("Senior Pentagon officials said the carrier would stay.", "anonymous"),
        ("U.S. officials say the drone was shot down.", "anonymous"),
        ("Two people familiar with the talks said the offer was cut.", "anonymous"),
        ("A juror who asked not to be named said the panel voted twice.", "anonymous"),
        ("A spokesperson, who declined to be named, said the inquiry was closed.", "anonymous"),
        ("Critics say the stadium is a waste.", "vague"),
        ("The stadium is a waste, say critics.", "vague"),
        ("Some residents worry about the highway.", "vague"),
        ("Many believe the mill will never reopen.", "vague"),
    ],
)
def test_speakers_are_classified_by_the_shape_of_their_phrase(sentence: str, kind: str) -> None:
    found = kinds_of(sentence)
    assert found, sentence
    assert kind in found[0], (sentence, found)
    if kind != "vague":
        assert all("vague" not in k for k in found), (sentence, found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials asked residents to stay indoors.",  # an instruction, not attribution
        "The striker has agreed to a new contract.",  # consent
        "She was told to wait outside.",  # a passive: she is not the speaker
        "The company rejected the claims.",  # a noun
        "He declined to say how much he paid.",  # an infinitive
        "The United States sent aid.",  # a capitalized word is no verb inside a sentence
        "That said, the plan is widely seen as a failure.",  # a set phrase
        "All told, 40 people were hurt.",
    ],
)
def test_verb_forms_that_are_not_attributions(sentence: str) -> None:
    assert kinds_of(sentence) == []


# Unattributed claims -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The new runway is considered essential to the port.", "is considered essential"),
        ("The senator is still widely considered the front-runner.", "is still widely considered"),
        ("The reform has been described as a breakthrough.", "has been described as"),
        ("The vote is expected to be close.", "is expected to"),
        ("It is understood that the leaders will meet.", "is understood that"),
        ("The striker, often described as fearless, is injured.", "often described as"),
        ("Critics say the stadium drains money from schools.", "Critics say"),
        ("Some experts have warned that the bridge could fail.", "Some experts have warned"),
        ("The general reportedly resigned twice.", "reportedly"),
        ("According to reports, the deal is done.", "According to reports"),
    ],
)
def test_claims_are_flagged_with_their_span(text: str, span: str) -> None:
    assert texts(text, CLAIM) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "The new runway is considered essential to the port, the authority said.",
        "The dam is expected to open in May, according to the water agency.",
        "The mansion is considered a landmark by the city's historical commission.",
        "Analysts at Barclays say the merger could raise prices.",
        "The tunnel is expected to open in spring. It will carry 40,000 cars a day, the agency said.",
        "“The bridge is considered unsafe and we will close it,” the engineer said.",
        "The bill will be considered by the Senate next week.",
        "No injuries were reported.",
        "The final was seen by 20 million viewers.",
        "As expected, rates were left unchanged.",
        "Residents fled the flood. Many said they had not slept for days.",
    ],
)
def test_sourced_and_ordinary_sentences_are_not_claims(text: str) -> None:
    assert texts(text, CLAIM) == []


def test_the_next_sentence_must_close_with_the_source() -> None:
    """The wire form "..., it said." covers the sentence before; a fresh statement does not."""
    assert texts("The mine is expected to reopen. It will hire 200 people, the company said.", CLAIM) == []
    assert texts("The mine is expected to reopen. The company said it would hire 200 people.", CLAIM) == [
        "is expected to"
    ]


def test_claim_options_switch_parts_off() -> None:
    text = "The plan is considered risky. Critics say it will fail. It reportedly cost $2 million."
    assert len(texts(text, CLAIM)) == 3
    off = {"rules": {CLAIM: {"passives": False, "vague_groups": False}}}
    assert texts(text, CLAIM, off) == ["reportedly"]


def test_headlines_are_not_checked() -> None:
    text = "Plan considered risky, critics say\n\nThe council met on Tuesday.\n"
    assert lint(text, rules="attribution") == []


# Unattributed quotations ----------------------------------------------------------------------------


def test_a_quotation_with_no_speaker_is_flagged() -> None:
    text = "The plant closed in March. “It was the only real employer in this valley for fifty years.”\n"
    assert texts(text, QUOTE) == ["“It was the only real employer in this valley for fifty years.”"]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not close this plant,” Mayor Linda Okafor said.\n",
        "“Where were the inspectors when the wall cracked?” asked Delgado.\n",
        "“It is what it is,” the manager shrugged, “and we move on to the next game.”\n",
        "The company called the layoffs a “right-sizing.”\n",
        "She starred in “The Long Road Home to Galway” last year.\n",
        "The ad's slogan, “Built for the way you live,” has run since 2015.\n",
        "Ramos was blunt. “That was the worst night of my life, and I never want it again,” she said.\n",
    ],
)
def test_attributed_quotes_titles_and_phrases_are_not_flagged(text: str) -> None:
    assert texts(text, QUOTE) == []


def test_a_running_quote_carries_its_attribution() -> None:
    text = (
        "Okafor said: “We had no warning at all. Nobody called the town hall.\n\n"
        "“By the time the trucks came, the water was everywhere.\n\n"
        "“We lost the school and the clinic in one night.”\n"
    )
    assert texts(text, QUOTE) == []


def test_a_new_quotation_paragraph_needs_its_own_speaker() -> None:
    text = (
        "“We are ready for this,” the coach said.\n\n"
        "“The players have worked hard all summer and they deserve a full stadium.”\n"
    )
    assert len(texts(text, QUOTE)) == 1
    unattributed_run = "“We had nothing left after the fire.\n\n“The bank took the house and then the car.”\n"
    assert len(texts(unattributed_run, QUOTE)) == 2


def test_short_quotation_limit_is_an_option() -> None:
    text = "The shop stayed shut. “Back in five minutes, maybe ten.”\n"
    assert texts(text, QUOTE) == ["“Back in five minutes, maybe ten.”"]
    assert texts(text, QUOTE, {"rules": {QUOTE: {"max_short_words": 6}}}) == []


# Anonymous sources and their reasons -------------------------------------------------------------------


def test_anonymous_source_and_missing_reason_share_the_span() -> None:
    text = "The deal is close, a senior official said.\n"
    assert texts(text, ANONYMOUS) == ["a senior official said"]
    assert texts(text, UNEXPLAINED) == ["a senior official said"]
    assert {f.severity for f in lint(text, rules=ANONYMOUS)} == {"info"}


@pytest.mark.parametrize(
    "text",
    [
        "A senior official, who spoke on condition of anonymity because the talks are private, said the deal was close.",
        "Two officials said the strike hit a depot. They spoke on condition of anonymity to discuss intelligence.",
        "An aide, who wasn't authorized to comment on the case, said charges were likely.",
        "The plant will close, said an employee who asked not to be named for fear of losing her job.",
    ],
)
def test_a_reason_in_the_sentence_or_the_next_explains_anonymity(text: str) -> None:
    assert len(texts(text, ANONYMOUS)) == 1
    assert texts(text, UNEXPLAINED) == []


def test_anonymity_alone_is_not_a_reason_and_look_ahead_is_an_option() -> None:
    alone = "A senior official said the deal was close. The official spoke on condition of anonymity.\n"
    assert len(texts(alone, UNEXPLAINED)) == 1
    late = "An official said the deal was close. The talks resume Monday. She was not authorized to speak.\n"
    assert len(texts(late, UNEXPLAINED)) == 1
    assert texts(late, UNEXPLAINED, {"rules": {UNEXPLAINED: {"look_ahead": 2}}}) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said the drills would continue.",
        "Police said the driver was not hurt.",
        "A spokeswoman for the airline, Ines Mora, said flights would resume.",
        "City officials said the pool would reopen in June.",
        "The official residence was repainted last year.",
        "She said she had spoken with officials in three countries.",
    ],
)
def test_named_sources_and_institutions_are_not_anonymous(text: str) -> None:
    assert texts(text, ANONYMOUS) == []


# Configuration ------------------------------------------------------------------------------------------


def test_a_desk_extends_a_list_under_extra() -> None:
    text = "Bloggers insist the league will expand.\n"
    assert texts(text, CLAIM) == []
    config = {"attribution": {"extra": {"vague_groups": ["bloggers", "vloggers"]}}}
    assert texts(text, CLAIM, config) == ["Bloggers insist"]
    # the defaults are kept
    assert texts("Critics say the league will expand.\n", CLAIM, config) == ["Critics say"]


def test_a_desk_replaces_a_list() -> None:
    config = {"attribution": {"hedges": ["allegedly"]}}
    assert texts("The band reportedly split. The singer allegedly quit.\n", CLAIM, config) == ["allegedly"]


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"vague_group": ["x"]}, "unknown key 'attribution.vague_group'; did you mean 'vague_groups'?"),
        ({"hedges": "reportedly"}, "'attribution.hedges' must be a list"),
        ({"hedges": ["..."]}, "phrase '...' is not usable"),
        ({"extra": {"nope": ["x"]}}, "unknown key 'attribution.extra.nope'"),
        ({"speech_verbs": ["say(s)"]}, "should hold only words"),
    ],
)
def test_configuration_errors_name_the_key(section: dict, message: str, tmp_path: Path) -> None:
    assert any(message in problem for problem in config_errors(section)), config_errors(section)
    path = write_config(tmp_path, {"attribution": section})
    with pytest.raises(ConfigError, match=re.escape(message.split(";")[0])):
        Session.create(load_config(path))


def test_the_default_section_is_valid() -> None:
    assert config_errors(load_config(ROOT / "rules.yaml").section("attribution")) == []


# Documentation, command line, positions ------------------------------------------------------------------


def test_every_rule_is_fully_documented() -> None:
    for rule in RULES:
        assert rule.documentation_problems() == [], rule.id
        assert rule.category == "attribution"
        assert rule.source


def test_explain_prints_the_rule() -> None:
    result = CliRunner().invoke(main, ["explain", UNEXPLAINED])
    assert result.exit_code == 0
    assert "anonymity" in result.output and "look_ahead" in result.output


def test_markdown_positions_point_into_the_file() -> None:
    text = "---\ntitle: Test\n---\n\n# Budget vote\n\nThe plan is **widely seen as** a gamble.\n"
    findings = lint(text, path="story.md", rules=CLAIM)
    assert len(findings) == 1
    assert findings[0].text in text and "seen as" in findings[0].text


# Cost --------------------------------------------------------------------------------------------------------


def test_cost_stays_linear_on_a_pathological_sentence() -> None:
    """One 200 KB sentence full of attributions must not take quadratic time."""
    unit = "officials said the plan is considered risky and critics say, reportedly, a senior official said "
    small = "Headline\n\n" + unit * 400 + ".\n"
    large = "Headline\n\n" + unit * 1600 + ".\n"
    timings = []
    for text in (small, large):
        start = time.process_time()
        findings = lint(text, rules="attribution")
        timings.append(time.process_time() - start)
        assert findings
    assert timings[1] < 10 * max(timings[0], 0.02), timings  # 4x the text, well under 16x the time
    assert timings[1] < 5.0


def test_colon_paragraph_introduces_the_next_paragraphs_quotation() -> None:
    """ "The harbor master said:" ends a paragraph: the quotation below it has its speaker."""
    quote = "“Keep the boats tied up tonight. The swell will be worse by morning.”"
    intro = "Story\n\nThe wind rose all afternoon. The harbor master, Ruth Alvarez, said:\n\n"
    assert lint(intro + quote, rules=QUOTE) == []
    no_intro = intro.replace("said:", "said the forecast was wrong.")
    assert [f.rule for f in lint(no_intro + quote, rules=QUOTE)] == [QUOTE]


def test_skipping_sentences_never_changes_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speakers are worked out only where they can matter; working them out everywhere gives the same findings."""
    import yaml
    from newslint_plugins import attribution

    cases = [
        case
        for name in ("cases.yaml", "holdout.yaml", "holdout2.yaml")
        for case in yaml.safe_load((ROOT / "tests/data/attribution" / name).read_text(encoding="utf-8"))
    ]
    story = "Test story\n\nBy Test Writer\n\n" + "\n\n".join(str(c["text"]).strip() for c in cases) + "\n"
    article = build_article("story.txt", story)
    context = Session.create(load_config(ROOT / "rules.yaml"), select=["attribution"]).context()
    quick = [(f.rule, f.start, f.end) for f in attribution.newslint_check(article, context)]
    monkeypatch.setattr(
        attribution, "_sentences_to_analyse", lambda _article, sentences, *a: [True] * len(sentences)
    )
    full = [(f.rule, f.start, f.end) for f in attribution.newslint_check(article, context)]
    assert quick == full
    assert len(quick) > 100


# The example article ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> list:
    if not SEED.is_file():
        pytest.skip(f"the shared example article is not at {SEED}")
    return lint(SEED.read_text(encoding="utf-8"), rules="attribution")


def test_seed_article_claim(seed: list) -> None:
    claims = [f.text for f in seed if f.rule == CLAIM]
    assert "is considered crucial" in claims
    assert len(claims) == 1  # "is expected to" there is attributed to an official in its sentence


@pytest.mark.parametrize(
    "source",
    [
        "A senior Defense Department official said",
        "Another senior official said",
        "a senior U.S. Defense official said",
        "Several officials described",
        "The defense official said",
    ],
)
def test_seed_article_anonymous_sources_are_unexplained(seed: list, source: str) -> None:
    assert source in [f.text for f in seed if f.rule == ANONYMOUS]
    assert source in [f.text for f in seed if f.rule == UNEXPLAINED]


def test_seed_article_quotations_and_institutions(seed: list) -> None:
    assert [
        f for f in seed if f.rule == QUOTE
    ] == []  # all attributed; “acute issues”, “professional” are phrases
    anonymous = " | ".join(f.text for f in seed if f.rule == ANONYMOUS)
    assert "Pentagon" not in anonymous  # "Pentagon officials have repeatedly said" speak for the Pentagon
    assert "U.S. officials say" in anonymous
