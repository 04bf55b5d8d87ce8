"""spacing.glued-words: words run together by a lost space or hyphen ("Moscow’swar", "socalled").

Finds the tokens worth a look (unknown to the lexicon, or a known lost-hyphen
spelling such as "longterm") and asks :class:`GlueAnalyser` how each should
have been written.  Most tokens are known words and cost one set look-up.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint_plugins.spacing_settings import analyser_for
from newslint_plugins.spacing_splits import TITLE, Correction, TextNames

from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.model import Article, Paragraph
from newslint.rules import RuleSpec

RULE = "spacing.glued-words"
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
        "addresses, handles, hashtags and code are left alone.  Quotations are checked too: the "
        "lost space is the layout's damage, not the speaker's words.  A fix is offered only when "
        "one correction is clearly the likeliest."
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


def _places(text: str, token: str, paragraphs: list[Paragraph]) -> list[tuple[int, Paragraph]]:
    """Each whole-token occurrence of ``token`` lying inside one of ``paragraphs``, with that paragraph."""
    starts = [paragraph.start for paragraph in paragraphs]
    places = []
    for index in _occurrences(text, token, paragraphs[0].start, paragraphs[-1].end):
        paragraph = paragraphs[bisect_right(starts, index) - 1]
        if index + len(token) <= paragraph.end:
            places.append((index, paragraph))
    return places


def _message(token: str, correction: Correction) -> str:
    if correction.kind == "hyphen":
        return f"“{token}” looks like a hyphenated compound that lost its hyphen"
    return f"“{token}” looks like two words run together"


def check(article: Article, context: CheckContext, story: bytes | None = None) -> list[Finding]:
    """Return a finding for each glued token in the story paragraphs.

    ``story`` is the UTF-8 of the text from the first story paragraph's
    start to the last one's end (worked out when not given).  It is split at
    white space; chunks seen before and known to be fine drop out by one set
    difference against the analyser's cache, so only new chunks and unknown
    tokens cost Python work.  A token is located in the text only when some
    reading of it is glued.
    """
    analyser = analyser_for(context)
    text = article.text
    paragraphs = list(article.story_paragraphs())
    if not paragraphs:
        return []
    span_start, span_end = paragraphs[0].start, paragraphs[-1].end
    if story is None:
        story = text[span_start:span_end].encode("utf-8", "surrogatepass")
    chunks = set(story.split()) - analyser.fine_chunks
    suspects = analyser.suspects(chunks)
    if not suspects:
        return []
    names = TextNames(text, span_start, span_end)
    findings: list[Finding] = []
    for token in sorted(suspects):
        # A sentence start only adds readings, so if this one finds nothing, nothing will.
        anywhere = analyser.analyse(token, sentence_start=True, names=names)
        if anywhere is None:
            continue
        places = _places(text, token, paragraphs)
        if len(places) > 1 and TITLE.match(token):
            continue  # the same capitalised "slip" twice is a name
        inside: Correction | None = None
        inside_known = False  # the mid-sentence reading is computed on first need
        for index, paragraph in places:
            end = index + len(token)
            if (
                article.is_protected(index, end)
                or _touches_joiner(text, index, end)
                or _after_line_break_hyphen(text, index)
            ):
                continue
            correction = anywhere
            if not _sentence_start(text, index, paragraph.start):
                if not inside_known:
                    inside, inside_known = analyser.analyse(token, names=names), True
                correction = inside
            if correction is None:
                continue
            fix = Fix(index, end, correction.suggestions[0]) if correction.certain else None
            findings.append(
                Finding(RULE, _message(token, correction), index, end, list(correction.suggestions), fix)
            )
    return findings
