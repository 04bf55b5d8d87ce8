"""The simple spacing rules: what they must flag, and what they must not."""

from __future__ import annotations

import pytest
from conftest import lint

HEAD = "Headline for the test\n\n"


def found(body: str, rule: str) -> list[tuple[str, str | None]]:
    return [
        (f.text, f.fix.replacement if f.fix else None)
        for f in lint(HEAD + body, rules="spacing.")
        if f.rule == rule
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The mayor spoke  on Monday.", [("  ", " ")]),
        ("The mayor spoke   on Monday.", [("   ", " ")]),
        ("The mayor spoke.  Then she left.", [("  ", " ")]),
        ("A\u00a0 gap.", [("\u00a0 ", " ")]),
    ],
)
def test_double_space_flagged(body, expected):
    assert found(body, "spacing.double-space") == expected


@pytest.mark.parametrize(
    "body",
    [
        "One space only here.",
        "Line one\nLine two starts here.",
        "    Indented line in plain text.",
        "Trailing spaces at a line end  \nnext line.",
        "Visit https://example.com/a  b later.".replace("a  b", "ab"),
    ],
)
def test_double_space_not_flagged(body):
    assert found(body, "spacing.double-space") == []


def test_double_space_in_publication_line_or_boilerplate_is_not_reported():
    text = "Some  Gazette\n\nHeadline here\n\n- By A. Writer\n\nBody text.\n\nNewspapers in English\n"
    assert lint(text, rules="spacing.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The talks ended , officials said.", [(" ,", ",")]),
        ("They met in May .", [(" .", ".")]),
        ("Is that so ?", [(" ?", "?")]),
        ("Stop !", [(" !", "!")]),
        ("Three items : bread, milk.", [(" :", ":")]),
        ("He left ; she stayed.", [(" ;", ";")]),
        ("She said “no” , then left.", [(" ,", ",")]),
    ],
)
def test_space_before_punctuation_flagged(body, expected):
    assert found(body, "spacing.space-before-punctuation") == expected


@pytest.mark.parametrize(
    "body",
    [
        "He paused ... then spoke.",
        "The rifle fires .50 caliber rounds.",
        "The site runs on .NET and serves .com domains.",
        "Write to desk@example.com, then wait.",
        "Normal, well-punctuated text: yes; fine!",
    ],
)
def test_space_before_punctuation_not_flagged(body):
    assert found(body, "spacing.space-before-punctuation") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The call ended.The ministers left.", [(".", ". ")]),
        ("Was it over?Nobody knew.", [("?", "? ")]),
        ("He said “enough.”Then he left.", [(".”", ".” ")]),
    ],
)
def test_missing_space_after_punctuation_flagged(body, expected):
    assert found(body, "spacing.missing-space-after-punctuation") == expected


@pytest.mark.parametrize(
    "body",
    [
        "The U.S. Army and the U.K. Navy met.",
        "Inflation was 3.5 percent.",
        "They met at 9 a.m. Monday.",
        "Read more at www.example.com/News.Today soon.",
        "Write to first.Last@example.com today.",
        "The rapper will.i.am spoke.",
        "Lolita C. Baldor and J.R.R. Tolkien.",
        "The file README.Md was there.".replace("README.Md", "README.md"),
        "Ph.D. students and the St. Louis Cardinals.",
    ],
)
def test_missing_space_after_punctuation_not_flagged(body):
    assert found(body, "spacing.missing-space-after-punctuation") == []


def test_spacing_in_markdown_code_is_not_flagged():
    text = "# Headline here\n\nRun `a  b ,c.D` now.\n\n```\nx  y ,z\n```\n"
    assert lint(text, path="a.md", rules="spacing.") == []


def test_spacing_positions_in_html_point_into_the_file():
    text = "<html><body><h1>Head line</h1><p>The &amp; mayor spoke  on Monday.</p></body></html>"
    (finding,) = lint(text, path="a.html", rules="spacing.")
    assert text[finding.start : finding.end] == "  "
    assert finding.fix is not None and text[finding.fix.start : finding.fix.end] == "  "


def test_a_paragraph_opening_with_a_mark_does_not_stop_the_space_before_check():
    # A sentence end right at a paragraph's start once switched the check off for the rest of the article.
    assert found(".The first paragraph.\n\nThe dog , sat.", "spacing.space-before-punctuation") == [
        (" ,", ",")
    ]


def test_places_in_later_paragraphs_of_text_with_curly_quotes_and_no_break_spaces():
    # The rules look for their places in the story's UTF-8 bytes; the offsets must still be characters.
    text = (
        "“Quoted words” open ’this’ paragraph.\n\n"
        "The second paragraph has a\u00a0no-break space and “quotes” .\n\n"
        "In the third — after dashes — it ended.The next one , with  two spaces."
    )
    findings = [(f.rule, f.start, f.end) for f in lint(HEAD + text, rules="spacing.")]
    start = len(HEAD)
    assert sorted(findings) == sorted(
        [
            ("spacing.space-before-punctuation", start + text.index(" ."), start + text.index(" .") + 2),
            (
                "spacing.missing-space-after-punctuation",
                start + text.index(".The"),
                start + text.index(".The") + 1,
            ),
            ("spacing.space-before-punctuation", start + text.index(" ,"), start + text.index(" ,") + 2),
            ("spacing.double-space", start + text.index("  "), start + text.index("  ") + 2),
        ]
    )


def test_text_with_a_lone_surrogate_is_checked():
    # Text given through the API may hold one; the story is encoded without failing.
    assert found("The \ud800 cat  sat here.", "spacing.double-space") == [("  ", " ")]
