"""spacing.glued-words: words run together by a lost space or hyphen ("Moscow’swar", "socalled").

Finds the tokens worth a look (unknown to the lexicon, or a known lost-hyphen
spelling such as "longterm") and asks :class:`GlueAnalyser` how each should
have been written.  Most tokens are known words and cost one set look-up.
"""

from __future__ import annotations

import re

from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.model import Article
from newslint.rules import RuleSpec
from newslint_plugins.spacing_settings import analyser_for
from newslint_plugins.spacing_splits import TITLE, Correction

RULE = "spacing.glued-words"
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
POSSESSIVE = re.compile(r"['’]s$")
SENTENCE_END = frozenset(".!?")
OPENERS = frozenset(" \t\n“‘\"'([")
JOINERS = frozenset("-‐/@#_\\")
"""A token touching one of these is part of something larger (a compound, path, address)."""
DOTS = frozenset(".:")

SPEC = RuleSpec(
    id=RULE,
    category="spacing",
    severity="error",
    fixable=True,
    summary="Two words run together by a lost space or hyphen (“Moscow’swar”, “socalled”)",
    what=(
        "Flags a token that is not a word but reads as two (or three) words run together, and "
        "suggests what was lost: a space (“hadto” → “had to”, “Moscow’swar” → “Moscow’s war”, "
        "“in2022” → “in 2022”, “NATOallies” → “NATO allies”) or a hyphen where the compound is "
        "hyphenated (“socalled” → “so-called”, “wellknown” → “well-known”, “longterm” → "
        "“long-term”).  Cuts are ranked by how likely the words are in news English.  Closed "
        "compounds that are words (“hourlong”, “nonprofit”, “ceasefire”, “springboard”) are not "
        "flagged.  Capitalised tokens are most often names, so “Shoigusaid” is cut only when "
        "“Shoigu” is in the house dictionary or stands alone elsewhere in the article.  Names, "
        "foreign words, acronyms, numbers with units (“5km”, “3pm”, “1990s”), URLs, e-mail "
        "addresses, handles, hashtags and code are left alone.  A fix is offered only when one "
        "correction is clearly the likeliest."
    ),
    why=(
        "Copy exported from print layouts, PDFs and OCR loses the space or hyphen at line ends. "
        "It is the commonest damage in such copy, and spell checkers report it as an unknown word "
        "with useless suggestions."
    ),
    bad="The talks did not change Moscow’swar aims, the socalled hardliners said.",
    good="The talks did not change Moscow’s war aims, the so-called hardliners said.",
    source="AP Stylebook, “hyphen”: compound modifiers (“so-called”, “well-known”) take a hyphen.",
)


def _sentence_start(text: str, start: int, floor: int) -> bool:
    """True when only opening quotes or brackets stand between ``start`` and a sentence's end."""
    index = start - 1
    while index >= floor and text[index] in OPENERS:
        index -= 1
    return index < floor or text[index] in SENTENCE_END


def _touches_joiner(text: str, start: int, end: int) -> bool:
    """True for a token inside a compound, path or address ("well-", "a.b", "x/y", "@x")."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in JOINERS or after in JOINERS:
        return True
    if before in DOTS and start > 1 and text[start - 2].isalnum():
        return True
    return after in DOTS and end + 1 < len(text) and text[end + 1].isalnum()


def _after_line_break_hyphen(text: str, start: int) -> bool:
    """True for "cations" in "communi- cations": the broken-hyphenation rule reads it."""
    window = text[max(0, start - 6) : start]
    return bool(re.search(r"[^\W_]-[ \t]*\r?\n?[ \t]*$", window)) and window[-1:].isspace()


def _occurrences(text: str, token: str, start: int, end: int) -> list[int]:
    """Offsets of ``token`` as a whole token within ``text[start:end]``."""
    found = []
    index = text.find(token, start, end)
    while index != -1:
        before = text[index - 1] if index > 0 else " "
        stop = index + len(token)
        after = text[stop] if stop < len(text) else " "
        if not (before.isalnum() or before in "'’") and not (after.isalnum() or after in "'’"):
            found.append(index)
        index = text.find(token, index + 1, end)
    return found


def _message(token: str, correction: Correction) -> str:
    if correction.kind == "hyphen":
        return f"“{token}” looks like a hyphenated compound that lost its hyphen"
    return f"“{token}” looks like two words run together"


def check(article: Article, context: CheckContext) -> list[Finding]:
    """Return a finding for each glued token in the story paragraphs."""
    analyser = analyser_for(context)
    text = article.text
    paragraphs = list(article.story_paragraphs())
    tokens: set[str] = set()
    for paragraph in paragraphs:
        tokens.update(TOKEN.findall(text, paragraph.start, paragraph.end))
    suspects = [t for t in tokens if len(t) >= 4 and not t.isupper() and not analyser.is_fine(t)]
    if not suspects:
        return []
    names: set[str] = set()
    if any(t[0].isupper() for t in suspects):
        for t in tokens:
            stem = POSSESSIVE.sub("", t)
            if TITLE.match(stem):
                names.add(stem.lower())
    findings: list[Finding] = []
    for token in sorted(suspects):
        places = [
            (index, paragraph)
            for paragraph in paragraphs
            for index in _occurrences(text, token, paragraph.start, paragraph.end)
        ]
        places = [
            (i, p)
            for i, p in places
            if not article.is_protected(i, i + len(token))
            and not _touches_joiner(text, i, i + len(token))
            and not _after_line_break_hyphen(text, i)
        ]
        if not places:
            continue
        repeated = len(places) > 1
        for index, paragraph in places:
            correction = analyser.analyse(
                token,
                sentence_start=_sentence_start(text, index, paragraph.start),
                names=names,
                repeated=repeated,
            )
            if correction is None:
                continue
            end = index + len(token)
            fix = Fix(index, end, correction.suggestions[0]) if correction.certain else None
            findings.append(
                Finding(RULE, _message(token, correction), index, end, list(correction.suggestions), fix)
            )
    return findings
