"""Documentation for ``grammar.<id>`` rules, which exist only when LanguageTool reports them.

LanguageTool has thousands of rules and no way to list them without a
server, so newslint does not declare them up front.  When a rule id is
asked for (``newslint explain``, ``--select``, ``rules:`` in rules.yaml, or a
finding), :func:`describe_rule` builds its :class:`RuleSpec` from, in order:
a short table of common English rules written for newslint, what this
machine's LanguageTool cache remembers about the rule (its category, its
message and an example from your own copy), or a generic description that
points at LanguageTool's page for the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint_plugins.grammar_settings import is_grammar_rule_id, lt_rule_id

from newslint.rules import RuleSpec

PLUGIN = "grammar"
WHY = (
    "LanguageTool catches what word lists and patterns of newslint's own cannot: "
    "agreement (“the minister and her deputy was there”), confused words, a/an, missing words.  "
    "Its findings are suggestions: read each one, and switch a rule that does not suit "
    "the desk off with `rules: {RULE: off}` or `languagetool.disabled_rules`."
)
WARNING_ISSUES = frozenset({"misspelling", "grammar", "duplication", "whitespace", "locale-violation"})


@dataclass(frozen=True)
class _Known:
    issue: str
    summary: str
    bad: str
    good: str


# Common LanguageTool rules for English, with examples written for newslint.
KNOWN: dict[str, _Known] = {
    "EN_A_VS_AN": _Known(
        "misspelling",
        "“a” before a vowel sound, or “an” before a consonant sound",
        "The mayor named a interim director on Monday.",
        "The mayor named an interim director on Monday.",
    ),
    "MORFOLOGIK_RULE_EN_US": _Known(
        "misspelling",
        "A word not in LanguageTool's American English dictionary",
        "The goverment will publish the figures on Friday.",
        "The government will publish the figures on Friday.",
    ),
    "MORFOLOGIK_RULE_EN_GB": _Known(
        "misspelling",
        "A word not in LanguageTool's British English dictionary",
        "The goverment will publish the figures on Friday.",
        "The government will publish the figures on Friday.",
    ),
    "ENGLISH_WORD_REPEAT_RULE": _Known(
        "duplication",
        "The same word twice in a row",
        "The council will will meet again in March.",
        "The council will meet again in March.",
    ),
    "UPPERCASE_SENTENCE_START": _Known(
        "typographical",
        "A sentence that starts with a lower-case letter",
        "The vote was close. it passed by one.",
        "The vote was close. It passed by one.",
    ),
    "COMMA_PARENTHESIS_WHITESPACE": _Known(
        "whitespace",
        "A space before a comma or closing parenthesis, or none after a comma",
        "The port reopened on Tuesday ,after the storm.",
        "The port reopened on Tuesday, after the storm.",
    ),
    "WHITESPACE_RULE": _Known(
        "whitespace",
        "Two or more spaces in a row",
        "The port reopened  on Tuesday.",
        "The port reopened on Tuesday.",
    ),
    "EN_CONTRACTION_SPELLING": _Known(
        "misspelling",
        "A contraction written without its apostrophe",
        "Officials said they dont expect delays.",
        "Officials said they don't expect delays.",
    ),
}


def rule_url(lt_id: str) -> str:
    """LanguageTool's page for a rule."""
    return f"https://community.languagetool.org/rule/show/{lt_id}?lang=en"


def severity_for(issue: str) -> str:
    """newslint severity for a LanguageTool issue type: warning for errors, info for style."""
    return "warning" if issue in WARNING_ISSUES else "info"


def describe_rule(rule_id: str, seen: dict[str, dict[str, str]] | None = None) -> RuleSpec | None:
    """Return the documentation of ``grammar.<id>``, or None for any other id."""
    if not is_grammar_rule_id(rule_id):
        return None
    lt_id = lt_rule_id(rule_id)
    url = rule_url(lt_id)
    known = KNOWN.get(lt_id)
    remembered = (seen or {}).get(lt_id) or {}
    category = remembered.get("category", "")
    issue = remembered.get("issue", "") or (known.issue if known else "")
    kind = f" (LanguageTool category {category}, issue type {issue})" if category else ""
    what = (
        f"Reports what LanguageTool's rule {lt_id}{kind} finds in the story text, with "
        "LanguageTool's own message and suggestions.  newslint drops its spelling matches on "
        "house-dictionary words and names, its style matches inside quotations, and matches "
        "that repeat a typos or spacing finding."
    )
    if known is not None:
        summary, bad, good = f"{known.summary} (LanguageTool)", known.bad, known.good
    elif remembered.get("example"):
        message = remembered.get("message") or f"LanguageTool rule {lt_id}"
        summary = f"{message.rstrip('.')} (LanguageTool)"
        bad = remembered["example"]
        good = remembered.get("corrected") or f"Follow LanguageTool's suggestion; examples: {url}"
    else:
        summary = f"LanguageTool rule {lt_id}"
        what += "  LanguageTool has not reported this rule on this machine yet; its page has the details."
        bad = f"See LanguageTool's examples for {lt_id}: {url}"
        good = f"See LanguageTool's examples for {lt_id}: {url}"
    return RuleSpec(
        id=rule_id,
        category="grammar",
        summary=summary,
        what=what,
        why=WHY.replace("RULE", rule_id),
        bad=bad,
        good=good,
        severity=severity_for(issue) if issue else "warning",
        source=f"LanguageTool rule {lt_id}: {url}",
        plugin=PLUGIN,
    )
