"""spacing: double spaces, spaces around punctuation, and words run together.

The simple rules live here.  Words run together by a lost space or hyphen
("Moscow’swar", "socalled") and line-end hyphens left in words
("communi- cations") are checked by ``spacing_glued`` and
``spacing_hyphenation``, which this plugin registers; the word decisions they
share are in ``spacing_splits`` and the ``spacing`` section of rules.yaml is
read by ``spacing_settings``.
"""

from __future__ import annotations

import re

from newslint_plugins import spacing_glued, spacing_hyphenation, spacing_settings

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.hookspecs import hookimpl
from newslint.model import Article
from newslint.rules import RuleSpec

DOUBLE_SPACE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
SPACE_BEFORE = re.compile(r"[ \u00a0]+(?P<mark>[,;:?!]|\.(?![.\w]))")
MISSING_AFTER = re.compile(r"(?P<mark>[.!?][”\"’)]?)(?=[A-Z][a-z])")
WORD_END = frozenset('”’")]')
SENTENCE_END_BEFORE = re.compile(r"[.!?][”\"’)]?$")

RULES = [
    RuleSpec(
        id="spacing.double-space",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="Two or more spaces between words or sentences",
        what="Flags a run of two or more spaces between two words, or after a sentence, on one line.",
        why=(
            "Double spaces come from typewriter habit or from copy pasted out of a layout. "
            "They show as uneven gaps online and break searches for phrases."
        ),
        bad="The minister spoke  on Friday.",
        good="The minister spoke on Friday.",
        source="AP Stylebook, “spacing”: one space after a period.",
    ),
    RuleSpec(
        id="spacing.space-before-punctuation",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="A space before a comma, period, semicolon, colon, question or exclamation mark",
        what=(
            "Flags spaces between a word and the punctuation that follows it: "
            "“said , adding”, “in May .”.  Ellipses and numbers such as “.50” are not flagged."
        ),
        why="A stray space before punctuation is a typing or export slip; the mark can wrap onto the next line alone.",
        bad="The talks ended , officials said .",
        good="The talks ended, officials said.",
    ),
    RuleSpec(
        id="spacing.missing-space-after-punctuation",
        category="spacing",
        severity="warning",
        fixable=True,
        summary="No space between a sentence's end and the next sentence (“said.The”)",
        what=(
            "Flags a period, question or exclamation mark (with any closing quotation mark) "
            "glued to the capitalised word of the next sentence.  Abbreviations such as “U.S.”, "
            "numbers such as “3.5”, times such as “a.m.”, URLs and e-mail addresses are not flagged."
        ),
        why="Sentences run together by a lost space read as one garbled word and defeat spell checkers.",
        bad="The call lasted an hour.The ministers agreed to talk again.",
        good="The call lasted an hour. The ministers agreed to talk again.",
    ),
]


@hookimpl
def newslint_rules() -> list[RuleSpec]:
    """Declare the simple spacing rules and the glued-word rules."""
    return [*RULES, spacing_glued.SPEC, spacing_hyphenation.SPEC]


@hookimpl
def newslint_config_sections() -> list[str]:
    """The ``spacing`` section holds the glued-word rules' word lists."""
    return [spacing_settings.SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the ``spacing`` section's word lists."""
    return spacing_settings.section_errors(config)


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Check every story paragraph for spacing problems and words run together."""
    findings = _simple(article, context)
    if context.enabled(spacing_glued.RULE):
        findings.extend(spacing_glued.check(article, context))
    if context.enabled(spacing_hyphenation.RULE):
        findings.extend(spacing_hyphenation.check(article, context))
    return findings


def _simple(article: Article, context: CheckContext) -> list[Finding]:
    """Double spaces and misplaced spaces around punctuation."""
    findings: list[Finding] = []
    text = article.text
    double = context.enabled("spacing.double-space")
    before = context.enabled("spacing.space-before-punctuation")
    after = context.enabled("spacing.missing-space-after-punctuation")
    for paragraph in article.story_paragraphs():
        start, end = paragraph.start, paragraph.end
        if double and ("  " in text[start:end] or "\u00a0" in text[start:end]):
            for match in DOUBLE_SPACE.finditer(text, start, end):
                if article.is_protected(match.start() - 1, match.end() + 1):
                    continue
                after_sentence = SENTENCE_END_BEFORE.search(
                    text, max(start, match.start() - 2), match.start()
                )
                message = (
                    "two spaces after the sentence; use one"
                    if after_sentence
                    else f"{len(match.group())} spaces between words; use one"
                )
                findings.append(
                    Finding(
                        "spacing.double-space",
                        message,
                        match.start(),
                        match.end(),
                        suggestions=[" "],
                        fix=Fix(match.start(), match.end(), " "),
                    )
                )
        if before:
            for match in SPACE_BEFORE.finditer(text, start, end):
                mark = match.group("mark")
                previous = text[match.start() - 1] if match.start() > start else " "
                if not (previous.isalnum() or previous == "_" or previous in WORD_END):
                    continue
                if article.is_protected(match.start(), match.end()):
                    continue
                findings.append(
                    Finding(
                        "spacing.space-before-punctuation",
                        f"space before “{mark}”",
                        match.start(),
                        match.end(),
                        suggestions=[mark],
                        fix=Fix(match.start(), match.end(), mark),
                    )
                )
        if after:
            for match in MISSING_AFTER.finditer(text, start, end):
                letters = text[max(start, match.start() - 2) : match.start()]
                if len(letters) < 2 or not (letters.isalpha() and letters.islower() and letters.isascii()):
                    continue
                if article.is_protected(match.start() - 2, match.end() + 1):
                    continue
                mark = match.group("mark")
                next_word = re.match(r"\w+", text[match.end() : match.end() + 40])
                shown = next_word.group() if next_word else text[match.end()]
                findings.append(
                    Finding(
                        "spacing.missing-space-after-punctuation",
                        f"no space after “{mark}” before “{shown}”",
                        match.start(),
                        match.end(),
                        suggestions=[mark + " "],
                        fix=Fix(match.start(), match.end(), mark + " "),
                    )
                )
    return findings
