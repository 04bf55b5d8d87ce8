"""The typos plugin's shortcuts give the findings a plain scan would.

scan_words skips common capitalised words at sentence starts once it has
seen them there, and the repeated-word regex runs only on paragraphs whose
runs of letters hold two equal neighbours.  These tests pin the cases where
a shortcut could lose a finding.
"""

from __future__ import annotations

import re
import sys

from newslint_plugins.typos import ASCII_LOOKALIKES, REPEATED_WORD

from tests.conftest import lint


def findings(text: str) -> list[tuple[str, int, int, str]]:
    return [(f.rule, f.start, f.end, f.text) for f in lint(text, rules="typos.")]


def test_ascii_lookalikes_hold_every_character_a_case_insensitive_match_takes_for_an_ascii_letter() -> None:
    # The repeated-word screen reads ASCII letters only; text with one of these is scanned in full.
    everything = "".join(map(chr, range(0x80, sys.maxunicode + 1)))
    lookalikes = set(re.findall(r"(?i)[a-z]", everything))
    assert lookalikes <= set(ASCII_LOOKALIKES)


def test_repeated_word_spelt_with_a_lookalike_letter() -> None:
    text = "Headline for the story\n\nThe king \u212aing spoke on Monday.\n"
    assert findings(text) == [("typos.repeated-word", 28, 37, "king \u212aing")]


def test_repeated_words_are_found_in_whichever_paragraph_holds_them() -> None:
    paragraphs = [
        "Headline for the story",
        "The council met on Monday.",
        "Members said the the budget was late.",
        "“Nobody objected,” the clerk said.",
        "Later they voted and\nand adjourned.",
        "Residents left at noon.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    expected = []
    for match in REPEATED_WORD.finditer(text):
        expected.append(("typos.repeated-word", match.start(1), match.end(), match.group()))
    assert [f for f in findings(text) if f[0] == "typos.repeated-word"] == expected
    assert [f[3] for f in expected] == ["the the", "and\nand"]


def test_a_common_word_skipped_at_sentence_starts_still_counts_mid_sentence() -> None:
    # "The" at a sentence start is skipped once seen there; mid-sentence it still marks a name
    # ("The Amercian embassy" is left alone), while at a sentence start it does not.
    text = "The board met. Officials said they visited The Amercian embassy. The Amercian left.\n"
    first = text.rindex("Amercian")
    for _ in range(2):  # the second time, "The" is known to be skippable at sentence starts
        assert findings(text) == [("typos.misspelling", first, first + len("Amercian"), "Amercian")]


def test_text_with_a_lone_surrogate_is_checked() -> None:
    # Text given through the API may hold one; the screens encode it without failing.
    text = "Headline here\n\nThe \ud800 cat sat on the the mat.\n"
    start = text.index("the the")
    assert findings(text) == [("typos.repeated-word", start, start + 7, "the the")]
