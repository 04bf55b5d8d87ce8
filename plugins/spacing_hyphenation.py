"""spacing.broken-hyphenation: line-end hyphens left in running text ("communi- cations").

Finds a hyphen glued to the end of a word and followed by spaces or a line
break, then asks :meth:`GlueAnalyser.join_broken` whether the joined word
("communications") or the hyphenated compound ("anti-war") was meant.
"""

from __future__ import annotations

import re

from newslint_plugins.spacing_settings import analyser_for
from newslint_plugins.spacing_splits import TextNames

from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.model import Article
from newslint.rules import RuleSpec

RULE = "spacing.broken-hyphenation"
BREAK = re.compile(r"-(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=[^\W\d_])")
WORD_BEFORE = re.compile(r"(?<![\w'’-])[^\W_]+\Z")
WORD_AFTER = re.compile(r"[^\W\d_]+")

SPEC = RuleSpec(
    id=RULE,
    category="spacing",
    severity="error",
    fixable=True,
    summary="A line-end hyphen left inside a word (“communi- cations”, “commu-⏎nications”)",
    what=(
        "Flags a word split by a hyphen and a space or line break.  When the joined form is the "
        "word, it is offered as the fix (“communi- cations” → “communications”); when the "
        "hyphenated compound is the word, the hyphen stays and the space goes (“anti- war” → "
        "“anti-war”, “pro- Russian” → “pro-Russian”).  Suspended hyphens (“pre- and post-war "
        "talks”) are not flagged.  When neither form is a known word (a name broken in two), "
        "both are suggested without a fix."
    ),
    why=(
        "Text taken from print layouts and PDFs keeps the hyphens that broke words at line ends. "
        "Left in, they split words in the middle and defeat search."
    ),
    bad="The ministry restored communi- cations with the anti- war groups.",
    good="The ministry restored communications with the anti-war groups.",
)


def check(article: Article, context: CheckContext) -> list[Finding]:
    """Return a finding for each hyphen-and-space break inside a word in the story paragraphs."""
    text = article.text
    findings: list[Finding] = []
    analyser = None
    names: TextNames | None = None
    for paragraph in article.story_paragraphs():
        for match in BREAK.finditer(text, paragraph.start, paragraph.end):
            before = WORD_BEFORE.search(text, max(paragraph.start, match.start() - 60), match.start())
            after = WORD_AFTER.match(text, match.end(), paragraph.end)
            if before is None or after is None:
                continue
            start, end = before.start(), after.end()
            if article.is_protected(start, end):
                continue
            if analyser is None:
                analyser = analyser_for(context)
            if names is None:
                names = TextNames(text)
            correction = analyser.join_broken(before.group(), after.group(), names)
            if correction is None:
                continue
            shown = text[start:end].replace("\n", "⏎")
            message = (
                f"“{shown}”: a word broken by a line-end hyphen"
                if correction.kind == "joined"
                else f"“{shown}”: a hyphenated compound with a stray space"
            )
            fix = Fix(start, end, correction.suggestions[0]) if correction.certain else None
            findings.append(Finding(RULE, message, start, end, list(correction.suggestions), fix))
    return findings
