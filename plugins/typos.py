"""typos: misspelt words, misspelt names, doubled words and the house dictionary.

Word knowledge comes from the shared lexicon (:mod:`newslint.lexicon`), with
the house dictionary's accepted words added.  Lower-case words are checked
against it; a capitalised word is flagged only when it is a slip of a common
word ("Febuary"), never merely for being an unknown name.  Names get their
own rules: near misses of the house dictionary's names, and one name spelt
two ways in an article.  Words run together ("socalled") belong to the
spacing plugin and get no typos finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import eq
from typing import Any

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding, Fix
from newslint.hookspecs import hookimpl
from newslint.lexicon import get_lexicon
from newslint.model import Article, Paragraph
from newslint.rules import RuleOption, RuleSpec

from .typos_names import NAME_MISSPELLING, NAME_VARIANT, HouseNames, name_findings
from .typos_words import LOWER, MISSPELLING, TITLE, TITLES, Dialects, Speller, Word, scan_words

REPEATED = "typos.repeated-word"
REJECTED = "typos.rejected-word"
SECTION = "typos"

RULES = [
    RuleSpec(
        id=MISSPELLING,
        category="typos",
        severity="warning",
        fixable=True,
        summary="A word that is not in the dictionary, with the likeliest corrections",
        what=(
            "Flags a lower-case word that neither the word list nor the house dictionary knows, "
            "and suggests the known words one or two edits away, likeliest first (a swapped pair, "
            "a neighbouring key, a doubled letter and a common word rank higher).  A capitalised "
            "word is flagged only when it is a typing slip of a common word (“Febuary”, “Amercian”, "
            "“Pentagaon”); an unknown name is left alone.  Also flags common misspellings the word "
            "list happens to accept (the `typos.misspellings` table in rules.yaml) and, when "
            "`flag_other_dialect` is on, British spellings in en-US copy (American ones in en-GB copy). "
            "Not flagged: acronyms, ordinals, words with digits, contractions and possessives, "
            "lower-case words of one or two letters, units after a number (“42 km”), "
            "hyphenated compounds of known words, URLs, e-mail addresses, handles, hashtags, and words "
            "run together (the spacing plugin reports those).  Words inside quotations are checked: a "
            "quote can be misspelt.  A fix is offered only when one correction clearly dominates."
        ),
        why=(
            "A misspelt word costs a story its credibility, and readers notice it first.  A checker "
            "that flags every name is switched off within a day, so this one stays quiet on names."
        ),
        bad="The goverment will publish the report in Febuary.",
        good="The government will publish the report in February.",
        options={
            "flag_other_dialect": RuleOption(
                False,
                "flag spellings of the other dialect (“colour” in en-US copy, “color” in en-GB copy); "
                "off by default because wire copy quotes both",
            ),
            "max_suggestions": RuleOption(5, "how many suggestions a finding lists at most"),
        },
    ),
    RuleSpec(
        id=NAME_MISSPELLING,
        category="typos",
        severity="warning",
        fixable=True,
        summary="A name one or two letters away from a name the house dictionary or the article establishes",
        what=(
            "Flags a capitalised word that the dictionary does not know and that is one edit (two for "
            "names of six letters or more) from a name in the house dictionary (`dictionary.accept`, "
            "`dictionary.files`), or from a spelling the article introduces with a full first reference "
            "(“Gen. Valery Gerasimov” … “Gerasimow”).  A multi-word house entry (“Keir Starmer”) also "
            "catches a misspelt part that happens to be a word (“Kier Starmer”), and only then is a fix "
            "offered.  Related forms are not flagged: “Ivanov”/“Ivanova”, “Zelensky”/“Zelenska”, "
            "“Kennedy”/“Kennedys”."
        ),
        why=(
            "A misspelt name is a correction waiting to happen, and spell checkers cannot see it.  A "
            "desk's list of verified names is its best defence."
        ),
        bad="Prime Minister Kier Starmer said on Tuesday …",
        good="Prime Minister Keir Starmer said on Tuesday …",
    ),
    RuleSpec(
        id=NAME_VARIANT,
        category="typos",
        severity="warning",
        summary="The same name spelt two ways in one article",
        what=(
            "Flags the rarer of two spellings of one capitalised name in an article (“Shoigu” three "
            "times, “Shoiguu” once) and suggests the one used more; on a tie, the one used first.  "
            "Only a spelling the dictionary does not know is flagged, spellings must share their first "
            "letter, and two spellings each introduced with a different first name (“Olena Zelenska”, "
            "“Volodymyr Zelensky”) are two people, not a variant."
        ),
        why="Readers take two spellings for two people; one of them is wrong, and a copy desk must pick.",
        bad="Shoigu spoke with Austin on Friday. … Shoiguu accepted the call.",
        good="Shoigu spoke with Austin on Friday. … Shoigu accepted the call.",
    ),
    RuleSpec(
        id=REPEATED,
        category="typos",
        severity="warning",
        fixable=True,
        summary="A word typed twice (“the the”), also across a line break",
        what=(
            "Flags a word repeated with only white space between (a line break too), and removes the "
            "second one.  Doubles that can be grammatical (“had had”, “that that”; the "
            "`typos.repeated_allowed` list in rules.yaml) and capitalised pairs that are names "
            "(“Walla Walla”, “Sirhan Sirhan”) are not flagged."
        ),
        why="A doubled word is the commonest slip in edited copy: the eye skips the second one.",
        bad="Officials said the the talks would resume.",
        good="Officials said the talks would resume.",
    ),
    RuleSpec(
        id=REJECTED,
        category="typos",
        severity="warning",
        fixable=True,
        summary="A word the house dictionary rejects, with its preferred form",
        what=(
            "Flags every word or phrase listed under `dictionary.reject` in rules.yaml, whatever the "
            "word list says, and offers the preferred form given there.  The fix is applied outside "
            "quotations only, and only when the entry gives one preferred form (“all right”, not "
            "“toward or towards”)."
        ),
        why="Every desk has spellings it has ruled on; the linter keeps them ruled on.",
        bad="The minister said the talks went alright.",
        good="The minister said the talks went all right.",
        source="The desk's own dictionary (`dictionary.reject`).",
    ),
]
RULE_IDS = tuple(spec.id for spec in RULES)

# Prefixes written with a hyphen that the word list may lack as words ("co-chair").
HYPHEN_PREFIXES = frozenset(
    [
        "co",
        "re",
        "pre",
        "non",
        "anti",
        "pro",
        "ex",
        "mid",
        "multi",
        "semi",
        "sub",
        "vice",
        "self",
        "post",
        "inter",
        "counter",
        "ultra",
        "mega",
        "micro",
        "macro",
        "bi",
        "tri",
        "de",
        "un",
        "neo",
        "pan",
        "quasi",
        "trans",
        "cyber",
        "geo",
        "socio",
        "eco",
        "euro",
        "afro",
        "al",
        "el",
    ]
)
# A word, white space, the same word in any case ("the the", "The the").  Only the
# back-reference ignores case: scanning case-sensitively is twice as fast.
# The word is taken whole in a look-ahead (an atomic group before Python 3.11): the
# engine then never retries shorter prefixes of every word, which cannot match anyway.
REPEATED_WORD = re.compile(r"\b(?=([A-Za-z]+))\1(\s+)((?i:\1))\b")
# The same after the character before the word: a pattern that opens with a character class
# lets the regex engine skip ahead to non-word characters instead of trying every position.
REPEATED_AFTER = re.compile(r"\W(?=([A-Za-z]+))\1(\s+)((?i:\1))\b")
# Every byte of a UTF-8 text but an ASCII letter made a space, capitals lower-cased: what is
# left are the text's runs of ASCII letters (see _paragraphs_with_doubles).
LETTER_RUNS = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 else 32 for code in range(256)
)
PARAGRAPH_MARK = b"\x01"  # stands between paragraphs' runs: a run that no text gives
# Characters that a case-insensitive match may take for an ASCII letter ("İ" for "i", the
# Kelvin sign for "k"; "ı" and "ſ" to be safe).  tests/test_typos_speed.py checks the list.
ASCII_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")
# Adverb particles that follow a verb and may be followed by the same preposition:
# "was sworn in in Taipei", "the rebels moved on on Sunday".
PARTICLES = frozenset(["in", "on", "up", "out", "off", "down", "over", "by", "through"])
IRREGULAR_VERBS = frozenset(
    [
        "sworn",
        "set",
        "put",
        "came",
        "come",
        "went",
        "go",
        "goes",
        "get",
        "got",
        "gotten",
        "brought",
        "built",
        "broke",
        "broken",
        "drove",
        "driven",
        "took",
        "taken",
        "gave",
        "given",
        "held",
        "kept",
        "left",
        "let",
        "made",
        "ran",
        "run",
        "sent",
        "shut",
        "stood",
        "stuck",
        "struck",
        "swore",
        "threw",
        "thrown",
        "took",
        "wore",
        "won",
    ]
)
# A capitalised word this common (Zipf) at a sentence start is capitalised by position, not
# a name ("After Milley spoke"); one yet more common is not a given name there either ("The").
COMMON_ZIPF = 4.0
FUNCTION_ZIPF = 4.5
NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s?$")
PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\s+$")
ALTERNATIVES = re.compile(r"\s*(?:,|/|;|\bor\b)\s*")


@hookimpl
def newslint_rules() -> list[RuleSpec]:
    """Declare the typos rules."""
    return RULES


@hookimpl
def newslint_config_sections() -> list[str]:
    """The typos plugin reads the ``typos:`` section of rules.yaml."""
    return [SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the ``typos:`` section and the house dictionary's ``reject`` entries."""
    problems = []
    section = config.data.get(SECTION)
    if section is not None and not isinstance(section, dict):
        return [f"'{SECTION}' must be a mapping"]
    section = section or {}
    for key in section:
        if key not in ("repeated_allowed", "misspellings"):
            problems.append(f"unknown key '{SECTION}.{key}' (known: repeated_allowed, misspellings)")
    allowed = section.get("repeated_allowed", [])
    if not isinstance(allowed, list) or not all(isinstance(w, str) for w in allowed):
        problems.append(f"'{SECTION}.repeated_allowed' must be a list of words")
    table = section.get("misspellings", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        problems.append(f"'{SECTION}.misspellings' must map each misspelling to its correction")
    reject = config.section("dictionary").get("reject")
    if reject is not None and not isinstance(reject, dict):
        problems.append("'dictionary.reject' must map each rejected word to its preferred form")
    elif reject:
        for word, preferred in reject.items():
            if not str(word).strip() or preferred is None or not str(preferred).strip():
                problems.append(f"'dictionary.reject': {word!r} needs a preferred form")
    return problems


@dataclass
class _Checker:
    """Everything the typos rules need for one configuration, built once per run."""

    speller: Speller
    house: HouseNames
    rejected: dict[str, str]
    rejected_pattern: re.Pattern[str] | None
    repeated_allowed: frozenset[str]


def _checker(context: CheckContext) -> _Checker:
    """Return the run's checker, building it on first use (the word data loads then)."""
    checker = context.state.get(SECTION)
    if isinstance(checker, _Checker):
        return checker
    config = context.config
    section = config.section(SECTION)
    spacing = config.section("spacing")  # the glued-words rule's compound lists, when present
    accepted = config.accepted_words
    tokens = {part for entry in accepted for part in entry.split()}
    lexicon = get_lexicon(config.language).with_extra_words(tokens)
    options: dict[str, Any] = context.options(MISSPELLING)
    rejected = {str(k).strip().lower(): str(v).strip() for k, v in config.rejected_words.items()}
    pattern = None
    if rejected:
        alternatives = sorted(rejected, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, key.split())) for key in alternatives)
        pattern = re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-]|[’']\w)", re.IGNORECASE)
    checker = _Checker(
        speller=Speller(
            lexicon,
            Dialects(lexicon, config.language),
            flag_dialect=bool(options.get("flag_other_dialect", False)),
            max_suggestions=int(options.get("max_suggestions", 5)),
            known_misspellings={
                str(k).lower(): str(v) for k, v in (section.get("misspellings") or {}).items()
            },
            closed_prefixes=_words(spacing.get("closed_prefixes")),
            closed_suffixes=_words(spacing.get("closed_suffixes")),
        ),
        house=HouseNames(accepted),
        rejected=rejected,
        rejected_pattern=pattern,
        repeated_allowed=frozenset(str(w).lower() for w in section.get("repeated_allowed") or []),
    )
    context.state[SECTION] = checker
    return checker


def _words(value: object) -> list[str]:
    """A list of words from the configuration, or an empty list."""
    return [str(v) for v in value] if isinstance(value, list) else []


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Check the headline and body for misspellings, misspelt names, doubled and rejected words."""
    on = {rule: context.enabled(rule) for rule in RULE_IDS}
    if not any(on.values()):
        return []
    checker = _checker(context)
    findings: list[Finding] = []
    text = article.text
    paragraph_texts = [text[paragraph.start : paragraph.end] for paragraph in article.story_paragraphs()]
    if on[REPEATED]:
        findings.extend(_repeated_words(article, checker.repeated_allowed, paragraph_texts))
    rejected_spans: list[tuple[int, int]] = []
    if checker.rejected_pattern is not None:
        rejected_findings = _rejected_words(article, checker)
        rejected_spans = [(f.start, f.end) for f in rejected_findings]
        if on[REJECTED]:
            findings.extend(rejected_findings)
    if not (on[MISSPELLING] or on[NAME_MISSPELLING] or on[NAME_VARIANT]):
        return findings
    words = scan_words(article, checker.speller.fine, checker.speller.quiet_initial, paragraph_texts)
    flagged = (
        {start for span in rejected_spans for start in range(span[0], span[1])} if rejected_spans else set()
    )
    misspellings = _misspellings(article.text, words, checker.speller, flagged, checker.house)
    if misspellings:
        flagged.update(f.start for f in misspellings)
    if on[MISSPELLING]:
        findings.extend(misspellings)
    if on[NAME_MISSPELLING] or on[NAME_VARIANT]:
        speller = checker.speller
        findings.extend(
            name_findings(
                article.text,
                words,
                unknown=lambda word: not speller.known(word),
                common=lambda word: speller.zipf(word) >= COMMON_ZIPF,
                function_word=lambda word: speller.zipf(word) >= FUNCTION_ZIPF,
                house=checker.house,
                skip=flagged,
                check_variants=on[NAME_VARIANT],
                check_misspellings=on[NAME_MISSPELLING],
            )
        )
    return findings


TEXT_DAMAGE_RULES = frozenset({"spacing.glued-words", "spacing.broken-hyphenation"})
"""Spacing rules that repair layout damage; a misspelling inside their span is the same problem."""


@hookimpl
def newslint_drop_findings(article: Article, findings: list[Finding], context: CheckContext) -> list[Finding]:
    """Drop misspellings that lie inside a glued word or a broken hyphenation (one problem, one finding).

    "overthe" is two words run together and "communi- cations" one word
    broken by a line-end hyphen: the spacing plugin reports and fixes them,
    so the pieces are not also reported as unknown words.
    """
    damage = [(f.start, f.end) for f in findings if f.rule in TEXT_DAMAGE_RULES]
    if not damage:
        return []
    return [
        finding
        for finding in findings
        if finding.rule == "typos.misspelling"
        and any(start <= finding.start and finding.end <= end for start, end in damage)
    ]


def _misspellings(
    text: str, words: list[Word], speller: Speller, skip: set[int], house: HouseNames
) -> list[Finding]:
    """Judge every lower-case and capitalised word; return the misspellings.

    Words found fine are remembered for the next articles' scans
    (:func:`scan_words`): a lower-case word anywhere ("said", "system’s": no
    rule looks at a lower-case word's neighbours), a capitalised one at a
    sentence start when no rule needs it there (:func:`_quiet_initial`).
    """
    findings = []
    for position, word in enumerate(words):
        if skip and word.start in skip:
            continue
        typed = word.base
        if word.kind == LOWER:
            verdict = speller.check_lower(typed)
            if verdict is None:
                if text[word.end : word.end + 1] != "-":
                    speller.fine.add(word.text)  # the next article's scan skips it
                continue
            if _is_hyphen_prefix(text, word) or _abbreviation(text, word):
                continue
        else:
            verdict = speller.check_title(typed)
            if verdict is None:
                if word.sentence_initial and _quiet_initial(word, speller, house):
                    speller.quiet_initial.add(word.text)  # the next article's scan skips it there
                continue
            if _name_context(text, words, position, speller):
                continue
        end = word.start + len(typed)
        findings.append(
            Finding(
                verdict.rule,
                verdict.message,
                word.start,
                end,
                suggestions=list(verdict.suggestions),
                fix=Fix(word.start, end, verdict.fix) if verdict.fix else None,
            )
        )
    return findings


def _quiet_initial(word: Word, speller: Speller, house: HouseNames) -> bool:
    """True when no rule needs the capitalised ``word`` (found no misspelling) at a sentence start.

    Such a word ("The", "Officials", "In") is common enough (Zipf
    ``FUNCTION_ZIPF``) to be neither a name nor a given name there (see
    :func:`_name_context` and :func:`name_findings`), is not an abbreviated
    title before a name ("Gen."), and is no part or near miss of a
    multi-word house name.  Leaving it out changes no neighbour's verdict:
    the rules take only words with nothing but spaces between for neighbours.
    """
    return (
        speller.zipf(word.base) >= FUNCTION_ZIPF
        and word.text.lower() not in TITLES
        and word.base.lower() not in TITLES
        and not house.near_phrase_part(word.base)
    )


def _is_hyphen_prefix(text: str, word: Word) -> bool:
    """True for "co" in "co-chair": a prefix written with a hyphen."""
    return word.text in HYPHEN_PREFIXES and text[word.end : word.end + 1] == "-"


def _abbreviation(text: str, word: Word) -> bool:
    """True for a short word after a number ("40 km", "5 mg") or before a period ("approx.", "vs.")."""
    if len(word.text) > 4:
        return False
    if text[word.end : word.end + 1] == "." and len(word.text) <= 3:
        return True
    return bool(NUMBER_BEFORE.search(text, max(0, word.start - 12), word.start))


def _adjacent(text: str, left: Word, right: Word) -> bool:
    return text[left.end : right.start].strip(" \u00a0") == ""


def _name_context(text: str, words: list[Word], position: int, speller: Speller) -> bool:
    """True when a capitalised word stands in a name: after "Gen.", or next to another name part.

    "Olena Zelenska", "Secretary Austin", "Gen. Milley": a word in such a run
    is a name, and an unknown name is not a misspelling.  Title-case
    headlines capitalise every word, so there only a title counts.
    """
    word = words[position]
    if word.after_title:
        return True
    if word.in_heading:
        return False
    if position > 0:
        previous = words[position - 1]
        if (
            previous.kind == TITLE
            and _adjacent(text, previous, word)
            and not (previous.sentence_initial and speller.zipf(previous.base) >= FUNCTION_ZIPF)
        ):
            return True
    if position + 1 < len(words):
        following = words[position + 1]
        if following.kind == TITLE and _adjacent(text, word, following) and not speller.known(following.base):
            return True
    return False


def _repeated_words(article: Article, allowed: frozenset[str], paragraph_texts: list[str]) -> list[Finding]:
    """Flag a word typed twice in a row ("the the"), line breaks included.

    ``paragraph_texts`` are the texts of the story paragraphs.
    """
    text = article.text
    findings = []
    for paragraph in _paragraphs_with_doubles(text, list(article.story_paragraphs()), paragraph_texts):
        for match in _repeated_matches(text, paragraph.start, paragraph.end):
            first, second = match.group(1), match.group(3)
            start, end = match.start(1), match.end()
            if first.lower() in allowed or (first[0].isupper() and second[0].isupper()):
                continue
            if first.lower() in PARTICLES and _after_verb(text, start, paragraph.start):
                continue  # "sworn in in Taipei", "signed off on"
            if article.is_protected(start, end):
                continue
            findings.append(
                Finding(
                    REPEATED,
                    f"“{first}” is repeated",
                    start,
                    end,
                    suggestions=[first],
                    fix=Fix(start, end, first),
                )
            )
    return findings


def _repeated_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``REPEATED_WORD`` in ``text[start:end]``, found faster.

    Group 1 is the first word, group 3 the second; ``end()`` is the second's end.
    A word at ``start`` itself is tried with ``REPEATED_WORD``; every later word
    with ``REPEATED_AFTER``, which also takes the character before it.
    """
    position = start
    opening = REPEATED_WORD.match(text, start, end)
    if opening is not None:
        yield opening
        position = opening.end()
    yield from REPEATED_AFTER.finditer(text, position, end)


def _paragraphs_with_doubles(text: str, paragraphs: list[Paragraph], texts: list[str]) -> list[Paragraph]:
    """The paragraphs in which ``REPEATED_WORD`` may match, in order: most articles have none.

    A match is a run of ASCII letters, white space, and the same run in any
    case.  So when a paragraph's UTF-8 bytes are lower-cased and every byte
    but a letter is made a space (:data:`LETTER_RUNS`), two neighbouring runs
    of letters are equal; that test runs at C speed, where the regex costs a
    try at every non-word character.  Text with a character that a
    case-insensitive match takes for an ASCII letter (:data:`ASCII_LOOKALIKES`)
    is scanned in full.  ``texts`` are the paragraphs' texts.
    """
    if not paragraphs:
        return []
    first, last = paragraphs[0].start, paragraphs[-1].end
    for lookalike in ASCII_LOOKALIKES:
        if text.find(lookalike, first, last) >= 0:
            return paragraphs
    letters = [paragraph.encode("utf-8", "surrogatepass").translate(LETTER_RUNS) for paragraph in texts]
    runs = (b" " + PARAGRAPH_MARK + b" ").join(letters).split()
    equal_to_next = bytes(map(eq, runs, runs[1:]))  # 1 where a run equals the next
    double = equal_to_next.find(1)
    if double < 0:
        return []
    paragraph_ends = bytes(map(PARAGRAPH_MARK.__eq__, runs))  # 1 at each paragraph's end
    chosen = []
    current = counted = 0  # the paragraph of run ``counted``
    while double >= 0:
        current += paragraph_ends.count(1, counted, double)
        counted = double
        if not chosen or chosen[-1] != current:
            chosen.append(current)
        double = equal_to_next.find(1, double + 1)
    return [paragraphs[index] for index in chosen]


def _after_verb(text: str, position: int, floor: int) -> bool:
    """True when the word before ``position`` looks like a verb ("sworn", "logged", "moving")."""
    match = PREVIOUS_WORD.search(text, max(floor, position - 30), position)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in IRREGULAR_VERBS or word.endswith(("ed", "ing", "en"))


def _rejected_words(article: Article, checker: _Checker) -> list[Finding]:
    """Flag the words and phrases of ``dictionary.reject`` with their preferred form."""
    assert checker.rejected_pattern is not None
    text = article.text
    findings = []
    for paragraph in article.story_paragraphs():
        for match in checker.rejected_pattern.finditer(text, paragraph.start, paragraph.end):
            start, end = match.span()
            if article.is_protected(start, end):
                continue
            typed = match.group()
            preferred = checker.rejected.get(" ".join(typed.lower().split()), "")
            forms = [_match_case(form, typed) for form in ALTERNATIVES.split(preferred) if form]
            certain = len(forms) == 1 and not article.in_quotation(start, end)
            findings.append(
                Finding(
                    REJECTED,
                    f"the house dictionary rejects “{typed}”: use “{' or '.join(forms)}”",
                    start,
                    end,
                    suggestions=forms,
                    fix=Fix(start, end, forms[0]) if certain else None,
                )
            )
    return findings


def _match_case(form: str, typed: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return form.upper()
    if typed[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
