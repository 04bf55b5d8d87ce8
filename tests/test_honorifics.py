"""The honorifics rules: what they must flag, and just as carefully what they must not."""

from __future__ import annotations

import pytest
from conftest import lint
from newslint_plugins.honorifics_rules import RULES

from newslint.config import ConfigError, load_config
from newslint.session import Session

COURTESY = {"style": "courtesy-titles"}


def story(
    *paragraphs: str, headline: str = "Council passes budget", byline: str = "By Priya Ramanathan"
) -> str:
    """An article: headline, byline, then the body paragraphs."""
    return "\n\n".join([headline, byline, *paragraphs]) + "\n"


def found(text: str, config: dict | None = None, rule: str = "honorifics") -> list[tuple[str, str]]:
    """The honorifics findings as ``(rule, text)`` pairs."""
    return [(f.rule, f.text) for f in lint(text, config, rules=rule)]


def only(text: str, config: dict | None = None, rule: str = "honorifics"):
    """The single finding of ``rule``; fails when there is not exactly one."""
    findings = lint(text, config, rules=rule)
    assert len(findings) == 1, [(f.rule, f.text) for f in findings]
    return findings[0]


# AP: courtesy titles ------------------------------------------------------------------


def test_courtesy_title_is_flagged_with_the_last_name_as_fix() -> None:
    text = story("Mayor Helen Okafor signed the budget. Mr. Delgado objected.", "Marcus Delgado voted no.")
    finding = only(text, rule="honorifics.courtesy-title")
    assert finding.text == "Mr. Delgado"
    assert finding.suggestions[0] == "Delgado"
    assert finding.fix is not None and finding.fix.replacement == "Delgado"


def test_courtesy_title_before_a_full_name_keeps_the_name() -> None:
    finding = only(story("Ms. Janet Pruitt, the librarian, is retiring."), rule="honorifics.courtesy-title")
    assert finding.text == "Ms. Janet Pruitt"
    assert finding.suggestions == ["Janet Pruitt"]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_possessive_is_left_out_of_the_span(apostrophe: str) -> None:
    text = story(f"Developer Martin Esposito won approval. Mr. Esposito{apostrophe}s firm built six towers.")
    finding = only(text, rule="honorifics.courtesy-title")
    assert finding.text == "Mr. Esposito"
    assert finding.suggestions == ["Esposito"]


def test_fix_opening_a_sentence_is_capitalised() -> None:
    text = story(
        "Curator Pieter van der Linde bought the sketch.", "Mr. van der Linde said it was a bargain."
    )
    finding = only(text, rule="honorifics.courtesy-title")
    assert finding.text == "Mr. van der Linde"
    assert finding.suggestions == ["Van der Linde"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“Mr. Okafor's sister will not sell,” said Ruth Okafor.",
        '"Mr. Delgado knows what we need," Helen Okafor said.',
        "Helen Okafor said the offer was “the best Mr. Delgado will ever see.”",
    ],
)
def test_courtesy_title_inside_a_quotation_is_never_flagged(paragraph: str) -> None:
    text = story("Council President Marcus Delgado called a vote.", paragraph)
    assert found(text, rule="honorifics.courtesy-title") == []


def test_quotation_running_on_into_the_next_paragraph_is_still_a_quotation() -> None:
    text = story(
        "Grower Jorge Villanueva cut his water use by a third.",
        "“We are pulling out the oldest trees,” Villanueva said. “It hurts.",
        "“But Gov. Torres and Mr. Lang have told us there is no more water.”",
    )
    assert found(text) == []


def test_two_people_sharing_a_surname_get_no_fix() -> None:
    text = story(
        "Rosa Albescu and her brother, Tudor Albescu, opened a bakery.",
        "Ms. Albescu said the recipes were their grandmother's.",
    )
    finding = only(text, rule="honorifics.courtesy-title")
    assert finding.fix is None
    assert finding.suggestions == ["Rosa Albescu", "Tudor Albescu"]


def test_mr_and_mrs_is_one_finding_without_a_fix() -> None:
    text = story(
        "Arthur Kellerman and June Kellerman gave their farm away.",
        "Mr. and Mrs. Kellerman bought it in 1971.",
    )
    finding = only(text, rule="honorifics.courtesy-title")
    assert finding.text == "Mr. and Mrs. Kellerman"
    assert finding.fix is None
    assert finding.suggestions == ["Arthur and June Kellerman"]


def test_courtesy_title_in_the_headline_is_flagged_under_ap() -> None:
    text = story("Paul Delacroix won the seat.", headline="Mr. Delacroix goes to the statehouse")
    assert found(text) == [("honorifics.courtesy-title", "Mr. Delacroix")]


def test_exceptions_are_never_flagged() -> None:
    text = story("The show starred Mr. Rogers and Dr. Seuss in a cameo.", "Mr. Rogers sang.")
    assert found(text) == []


# AP: titles on later references ---------------------------------------------------------


def test_formal_title_repeated_on_a_later_reference() -> None:
    text = story(
        "Army Gen. Renata Halvorsen toured the base.",
        "Another official said Friday Gen. Halvorsen would return.",
    )
    finding = only(text, rule="honorifics.repeated-title")
    assert finding.text == "Gen. Halvorsen"
    assert finding.fix is not None and finding.fix.replacement == "Halvorsen"


def test_repeated_title_with_a_description_before_it_gets_no_fix() -> None:
    text = story(
        "Foreign Minister Ilse Brandauer of Austria met her counterpart.",
        "Austrian Foreign Minister Brandauer said the talks went well.",
    )
    finding = only(text, rule="honorifics.repeated-title")
    assert finding.text == "Austrian Foreign Minister Brandauer"
    assert finding.suggestions == ["Brandauer"] and finding.fix is None


def test_the_rev_on_a_later_reference_includes_the() -> None:
    text = story("The Rev. Angela Mercer led the service.", "The Rev. Mercer thanked the choir.")
    finding = only(text, rule="honorifics.repeated-title")
    assert finding.text == "The Rev. Mercer"
    assert finding.suggestions == ["Mercer"]


def test_a_name_written_twice_the_same_way_is_flagged_twice() -> None:
    text = story("Officials said Mr. Mark Rowe spoke. They said Mr. Mark Rowe spoke again.")
    findings = lint(text, rules="honorifics.courtesy-title")
    assert [(f.text, f.suggestions) for f in findings] == [("Mr. Mark Rowe", ["Mark Rowe"])] * 2
    assert findings[0].start < findings[1].start


def test_the_same_name_reads_its_own_surroundings_each_time() -> None:
    # The same words after "the" and after another word: only the first has "the".
    text = story("The crowd heard the Reverend Jane Doe speak. Then Reverend Jane Doe spoke again.")
    findings = lint(text, rules="honorifics.title-abbreviation")
    assert [f.suggestions for f in findings] == [["Rev."], ["the Rev."]]
    # After a title and "of" the last two words are the name; after "list of", all four.
    text = story(
        "The trade minister of Foreign Trade Olena Marchuk spoke. A list of Foreign Trade Olena Marchuk spoke."
    )
    assert found(text, rule="honorifics.long-title") == [
        ("honorifics.long-title", "minister of Foreign Trade Olena Marchuk")
    ]


def test_regnal_titles_stay_on_later_references() -> None:
    text = story("Pope Leo will visit the region next week.", "Pope Leo last visited in the spring.")
    assert found(text) == []


def test_first_reference_with_title_is_not_a_repeat() -> None:
    text = story("Gen. Tarik Ozer, the chief of staff, spoke first.", "Ozer said little.")
    assert found(text) == []


# First references -------------------------------------------------------------------------


def test_title_and_last_name_before_the_full_name() -> None:
    text = story(
        "Adm. Okonkwo will take command next month, officials said.",
        "Adm. Chidi Okonkwo led the logistics command.",
    )
    finding = only(text, rule="honorifics.first-reference")
    assert finding.text == "Adm. Okonkwo"
    assert finding.suggestions == ["Adm. Chidi Okonkwo"]


def test_bare_last_name_before_the_full_name() -> None:
    text = story("Prosecutors say Kessler misled investors.", "Nora Kessler, 34, founded the company.")
    assert found(text) == [("honorifics.first-reference", "Kessler")]


def test_titled_name_never_given_in_full() -> None:
    text = story("Sen. Hargrove said the vote would slip.", "Sen. Hargrove blamed late changes.")
    assert found(text) == [
        ("honorifics.first-reference", "Sen. Hargrove"),
        ("honorifics.repeated-title", "Sen. Hargrove"),
    ]
    assert found(text, COURTESY) == [("honorifics.first-reference", "Sen. Hargrove")]


def test_last_name_in_the_headline_is_not_a_first_reference() -> None:
    text = story(
        "Mayor Helen Okafor won a second term.", "Okafor thanked volunteers.", headline="Okafor wins again"
    )
    assert found(text) == []


def test_last_name_in_a_quotation_is_not_a_first_reference() -> None:
    text = story("“Kessler did nothing wrong,” her lawyer said.", "Nora Kessler, 34, pleaded not guilty.")
    assert found(text) == []


def test_byline_is_not_a_reference() -> None:
    text = story("Lindgren said the call lasted an hour.", byline="- By Marta C. Lindgren")
    assert found(text) == []
    assert found(text, COURTESY) == []


# Titles before full names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "title", "replacement"),
    [
        ("General Mark Okoro", "General", "Gen."),
        ("Senator Claire Whitmore", "Senator", "Sen."),
        ("Governor Ray Dunford", "Governor", "Gov."),
        ("Lieutenant Colonel Irene Vasquez", "Lieutenant Colonel", "Lt. Col."),
        ("Lieutenant Governor Ana Ruiz", "Lieutenant Governor", "Lt. Gov."),
        ("Representative Joan Ellery", "Representative", "Rep."),
    ],
)
def test_spelt_out_title_is_abbreviated(phrase: str, title: str, replacement: str) -> None:
    finding = only(story(f"Officials said {phrase} would attend."), rule="honorifics.title-abbreviation")
    assert finding.text == title
    assert finding.fix is not None and finding.fix.replacement == replacement


def test_reverend_becomes_the_rev() -> None:
    with_the = only(
        story("The service was led by the Reverend Thomas Achebe."), rule="honorifics.title-abbreviation"
    )
    assert with_the.suggestions == ["Rev."]
    without = only(story("Mourners heard Reverend Thomas Achebe."), rule="honorifics.title-abbreviation")
    assert without.suggestions == ["the Rev."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Attorney General Rosa Kincaid announced the deal.",
        "President Elena Marsh spoke last.",
        "Secretary of State Gloria Mbeki will travel to Ohio.",
        "General Motors agreed to pay $120 million.",
        "The general counsel of General Motors, Phillip Strand, declined to comment.",
        "Gen. Mark Okoro will attend.",
    ],
)
def test_titles_ap_does_not_abbreviate(sentence: str) -> None:
    assert found(story(sentence), rule="honorifics.title-abbreviation") == []


def test_spelt_out_title_is_not_flagged_in_courtesy_title_style() -> None:
    assert found(story("Officials said General Mark Okoro would attend."), COURTESY) == []


def test_lowercase_formal_title_before_a_name() -> None:
    text = story("The talks were attended by former secretary Paul Brennan.")
    finding = only(text, rule="honorifics.lowercase-title")
    assert finding.text == "secretary"
    assert finding.fix is not None and finding.fix.replacement == "Secretary"


def test_lowercase_multiword_title_after_a_nationality() -> None:
    assert found(story("Turkish president Emre Kaya hosted the talks.")) == [
        ("honorifics.lowercase-title", "president")
    ]
    assert found(story("The meeting was chaired by foreign minister Selin Arda.")) == [
        ("honorifics.lowercase-title", "foreign minister")
    ]


def test_lowercase_abbreviable_title_under_ap_is_abbreviated() -> None:
    finding = only(story("Also present was general Tarik Ozer."), rule="honorifics")
    assert (finding.rule, finding.text, finding.suggestions) == (
        "honorifics.title-abbreviation",
        "general",
        ["Gen."],
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "White House press secretary Karina Dale took questions.",
        "The company president Jane Smith resigned.",
        "Athletic director Neil Foster led the search.",
        "Union leader Carmen Alvarado said talks stalled.",
        "In private Jane Smith told friends she would run.",
    ],
)
def test_job_descriptions_in_lower_case_are_fine(sentence: str) -> None:
    assert found(story(sentence)) == []


def test_long_title_is_an_info_note() -> None:
    text = story("WASHINGTON — Deputy Minister of Foreign Trade Olena Marchuk met the negotiator.")
    finding = only(text, rule="honorifics.long-title")
    assert finding.text == "Deputy Minister of Foreign Trade Olena Marchuk"
    assert finding.severity == "info"
    assert finding.fix is None


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S. Defense Secretary Lloyd Ramos spoke on Friday.",
        "Air Force Lt. Gen. Joan Ridley oversees the region.",
        "Secretary of State Gloria Mbeki will travel.",
        "The call came from Mr. Ramos and Army Gen. Mark Okoro, the chairman.",
    ],
)
def test_short_titles_are_not_long(sentence: str) -> None:
    assert found(story(sentence), rule="honorifics.long-title") == []


def test_long_title_option_changes_the_limit() -> None:
    text = story("U.S. Defense Secretary Lloyd Ramos spoke on Friday.")
    config = {"rules": {"honorifics.long-title": {"min_words": 2}}}
    assert found(text, config, rule="honorifics.long-title") == [
        ("honorifics.long-title", "U.S. Defense Secretary Lloyd Ramos")
    ]


# Things that look like names ----------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Brokers in Washington and Austin were warned, Nina Austin said.",
        "Nina Austin flew to Austin, Texas, on Monday.",
        "A syndicate at Lloyd’s of London stopped writing policies, Jane Lloyd said.",
        "Troops at Fort Bragg were moved, Maj. Gen. Ana Bragg said.",
        "The Hollis Foundation will give $50 million, Diane Hollis said.",
        "The Brandt administration backed the bill, Gov. Evelyn Brandt said. A Brandt spokesman agreed.",
        "The anti-Austin protesters left, Nina Austin said.",
    ],
)
def test_places_and_organisations_are_not_references(paragraph: str) -> None:
    assert found(story(paragraph), COURTESY) == []


def test_a_capitalised_sentence_opener_is_not_a_given_name() -> None:
    text = story(
        "Aditi Raman drew with champion Viktor Salo on Sunday.",
        "Then Salo offered a rematch. After the game Raman said she was tired.",
    )
    assert found(text) == []
    assert found(text, COURTESY) == [
        ("honorifics.missing-courtesy-title", "Salo"),
        ("honorifics.missing-courtesy-title", "Raman"),
    ]


def test_a_surname_that_is_an_everyday_word_opening_a_sentence() -> None:
    text = story(
        "Grocer Devon Price said the price of eggs had doubled.",
        "Price increases hit poor families hardest. Price said he had cut his margins.",
    )
    assert found(text, COURTESY) == [("honorifics.missing-courtesy-title", "Price")]
    assert lint(text, COURTESY, rules="honorifics")[0].start == text.index("Price said he")


def test_middle_initials_and_suffixes() -> None:
    text = story(
        "U.S. District Judge Harold T. Jefferson Jr. ordered a new trial.",
        "Judge Jefferson gave prosecutors 30 days. The contractor, Wendell Baptiste III, was relieved.",
        "Baptiste thanked his lawyer.",
    )
    assert found(text) == [("honorifics.repeated-title", "Judge Jefferson")]


def test_family_name_first() -> None:
    text = story(
        "Park Ji-won will become chief executive.",
        "Park, 52, joined in 1998. Mr. Park will replace Lee Sung-ho.",
    )
    assert found(text) == [("honorifics.courtesy-title", "Mr. Park")]
    assert found(text, COURTESY) == [("honorifics.missing-courtesy-title", "Park")]


@pytest.mark.parametrize("marks", ['""', "“”"])
def test_nickname_in_quotation_marks_inside_a_name(marks: str) -> None:
    text = story(
        f"Robert {marks[0]}Bobby{marks[1]} Kaminski trained three champions.",
        "Mr. Kaminski, 79, still coaches.",
    )
    assert found(text) == [("honorifics.courtesy-title", "Mr. Kaminski")]
    assert found(text, COURTESY) == []


def test_chinese_family_name_first() -> None:
    text = story("Chinese Premier Liu Wenhai signed the agreement.", "Liu said the line would open by 2030.")
    assert found(text) == []
    finding = only(text, COURTESY)
    assert (finding.text, finding.suggestions) == ("Liu", ["Mr. Liu", "Ms. Liu"])


# Courtesy-title house style --------------------------------------------------------------------


def test_bare_later_reference_offers_both_courtesy_titles_without_a_fix() -> None:
    text = story("Simon Ashworth runs the syndicate.", "Ashworth said losses were heavy.")
    finding = only(text, COURTESY)
    assert (finding.rule, finding.text) == ("honorifics.missing-courtesy-title", "Ashworth")
    assert finding.suggestions == ["Mr. Ashworth", "Ms. Ashworth"]
    assert finding.fix is None


def test_bare_later_reference_takes_the_title_the_house_repeats() -> None:
    text = story("Dr. Miriam Castellanos warned lawmakers.", "Castellanos said 140 jobs were open.")
    finding = only(text, COURTESY)
    assert finding.suggestions == ["Dr. Castellanos"]
    assert finding.fix is not None and finding.fix.replacement == "Dr. Castellanos"


def test_bare_later_reference_takes_the_courtesy_title_the_article_uses() -> None:
    text = story("Helen Okafor signed the budget.", "Ms. Okafor thanked the council. Okafor then left.")
    finding = only(text, COURTESY)
    assert finding.suggestions == ["Ms. Okafor"]
    assert finding.fix is not None


def test_courtesy_title_options_are_configurable() -> None:
    text = story("Jordan Ellis runs the clinic.", "Ellis said many residents drive an hour.")
    config = {
        "style": "courtesy-titles",
        "rules": {"honorifics.missing-courtesy-title": {"courtesy_titles": ["Mx."]}},
    }
    assert only(text, config).suggestions == ["Mx. Ellis"]


def test_courtesy_title_before_a_full_name() -> None:
    finding = only(story("Ms. Janet Pruitt is retiring.", "Ms. Pruitt will travel."), COURTESY)
    assert (finding.rule, finding.text) == ("honorifics.courtesy-title-full-name", "Ms. Janet Pruitt")
    assert finding.fix is not None and finding.fix.replacement == "Janet Pruitt"


def test_clean_courtesy_title_copy() -> None:
    text = story(
        "The orchestra named Anika Sorensen its music director.",
        "Ms. Sorensen, 41, has led orchestras in Oslo. Its chairman, Victor Lam, praised her.",
        "“Ms. Sorensen brings energy,” Mr. Lam said. Gen. Mark Okoro attended.",
    )
    assert found(text, COURTESY) == []


def test_inconsistent_courtesy_titles() -> None:
    text = story(
        "Sam Whitfield was named teacher of the year.",
        "Ms. Whitfield has taught since 2009. Ms. Whitfield thanked her students.",
        "Mrs. Whitfield's principal praised her.",
    )
    finding = only(text, COURTESY)
    assert (finding.rule, finding.text) == ("honorifics.inconsistent-reference", "Mrs. Whitfield")
    assert finding.suggestions == ["Ms. Whitfield"]


def test_inconsistent_reference_is_not_reported_twice_under_ap() -> None:
    text = story("Helen Okafor signed it.", "Okafor said so. Okafor left. Ms. Okafor returned.")
    assert found(text) == [("honorifics.courtesy-title", "Ms. Okafor")]


def test_inconsistent_reference_backs_up_a_rule_that_is_off() -> None:
    text = story("Helen Okafor signed it.", "Okafor said so. Okafor left. Ms. Okafor returned.")
    config = {"rules": {"honorifics.courtesy-title": "off"}}
    assert found(text, config) == [("honorifics.inconsistent-reference", "Ms. Okafor")]


def test_style_required_form_in_a_minority_is_not_inconsistent() -> None:
    text = story("Helen Okafor signed it.", "Ms. Okafor said so. Ms. Okafor left. Okafor returned.")
    assert found(text, {"rules": {"honorifics.courtesy-title": "off"}}) == []


# Configuration ------------------------------------------------------------------------------------


def test_a_desk_can_add_a_title(tmp_path) -> None:
    config = {"honorifics": {"titles": {"Warden": {"kind": "formal", "abbreviation": "Wdn.", "later": True}}}}
    text = story("Warden Ines Marlow toured the prison.", "Marlow said the wing would reopen.")
    assert found(text, config) == [("honorifics.title-abbreviation", "Warden")]
    courtesy = {**config, "style": "courtesy-titles"}
    assert only(text, courtesy).suggestions == ["Wdn. Marlow"]


def test_a_desk_can_drop_a_title() -> None:
    config = {"honorifics": {"titles": {"General": None}}}
    assert found(story("Officials said General Mark Okoro would attend.", "Okoro did."), config) == []


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"titles": {"Warden": {"kind": "formall"}}}, "kind must be one of"),
        ({"titles": {"Warden": {"abreviation": "Wdn."}}}, "unknown key 'abreviation'"),
        ({"titles": ["General"]}, "must be a mapping"),
        ({"exceptions": "the pope"}, "must be a list"),
        ({"tittles": {}}, "unknown key 'honorifics.tittles'"),
    ],
)
def test_bad_configuration_is_an_error(tmp_path, section: dict, message: str) -> None:
    import yaml

    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump({"honorifics": section}), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Session.create(load_config(path))


def test_every_rule_is_documented() -> None:
    for spec in RULES:
        assert spec.documentation_problems() == [], spec.id
        assert spec.category == "honorifics"


def test_rules_that_are_off_do_not_run() -> None:
    text = story("Helen Okafor signed it.", "Mr. Delgado objected.")
    assert found(text, {"rules": {"honorifics": "off"}}) == []
