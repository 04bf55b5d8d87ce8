"""Documentation for house rules: what ``newslint rules`` and ``newslint explain`` show.

A house rule's ``summary``, ``description``, ``why``, ``example`` and
``instead`` come from its YAML fields when it has them, and are generated
from the rule otherwise, so every house rule is documented as fully as a
built-in rule.  A few plain statements of how the rule matches (where it
looks, case, quotations, fixes) are always added to the description.
"""

from __future__ import annotations

from newslint_plugins.style_rules import SCOPES, HouseRule

from newslint.rules import RuleSpec

GENERIC_WHY = "House style, set in the desk's rules.yaml: copy that follows one style reads as edited copy."


def rule_spec(rule: HouseRule) -> RuleSpec:
    """Return the rule's declaration, its documentation written or generated from its fields."""
    generated = GENERATORS[rule.kind](rule)
    generated["why"] = GENERIC_WHY + (f" See {rule.link}." if rule.link else "")
    docs = {name: rule.docs.get(name) or text for name, text in generated.items()}
    what = docs["description"].rstrip()
    notes = _notes(rule)
    if notes:
        what = f"{what}\n\n{notes}"
    return RuleSpec(
        id=rule.id,
        category=rule.category,
        severity=rule.severity,
        fixable=(rule.kind == "substitution" and rule.fix)
        or (rule.kind == "capitalization" and rule.case == "title"),
        summary=docs["summary"],
        what=what,
        why=docs["why"],
        bad=docs["example"],
        good=docs["instead"],
        source=rule.link,
    )


def _quoted(words: list[str], limit: int = 3) -> str:
    shown = ", ".join(f"“{w}”" for w in words[:limit])
    return shown + (f" and {len(words) - limit} more" if len(words) > limit else "")


def _first_wrong(rule: HouseRule) -> str:
    first = rule.wrong[0] if rule.wrong else "…"
    return f"text matching {first}" if rule.regex else first


def _substitution(rule: HouseRule) -> dict[str, str]:
    swaps = [f"“{w}” → “{r[0]}”" for w, r in zip(rule.wrong, rule.right, strict=True)]
    if len(swaps) == 1 and not rule.regex:
        summary = f"Use “{rule.right[0][0]}”, not “{rule.wrong[0]}”"
    else:
        summary = "House forms: " + (", ".join(swaps[:3]) or "…")
        if len(swaps) > 3:
            summary += f" and {len(swaps) - 3} more"
    listed = ", ".join(swaps[:12]) + (" and more" if len(swaps) > 12 else "")
    return {
        "summary": summary,
        "description": f"Flags a form the house does not use and offers its house form: {listed}.",
        "example": _first_wrong(rule),
        "instead": rule.right[0][0] if rule.right else "…",
    }


def _existence(rule: HouseRule) -> dict[str, str]:
    return {
        "summary": f"Avoid {_quoted(rule.wrong)}",
        "description": f"Flags {_quoted(rule.wrong, 12)}.",
        "example": _first_wrong(rule),
        "instead": f"Rewrite the sentence without “{rule.wrong[0] if rule.wrong else '…'}”.",
    }


def _consistency(rule: HouseRule) -> dict[str, str]:
    groups = "; ".join(" / ".join(f"“{f}”" for f in group) for group in rule.groups) or "…"
    first = rule.groups[0] if rule.groups else ["…", "…"]
    return {
        "summary": f"One form throughout an article: {groups}",
        "description": (
            "The first form an article uses sets its form; a later use of another form of the same group "
            "is flagged, with the first as the suggestion and no fix (which form is right is the "
            f"writer's call).  Groups: {groups}."
        ),
        "example": f"“{first[0]}” in one paragraph and “{first[1]}” in another.",
        "instead": f"“{first[0]}” throughout.",
    }


def _occurrence(rule: HouseRule) -> dict[str, str]:
    unit, container = ("words", "sentence") if rule.per == "sentence" else ("sentences", "paragraph")
    return {
        "summary": f"{container.capitalize()}s longer than {rule.limit} {unit}",
        "description": f"Counts the {unit} of each {container} and flags a {container} of more than {rule.limit}.",
        "example": f"A {container} of {rule.limit + 1} {unit} or more.",
        "instead": f"{container.capitalize()}s of at most {rule.limit} {unit}: split the long one.",
    }


def _capitalization(rule: HouseRule) -> dict[str, str]:
    title_cased = "Senate Passes Budget After Long Debate"
    sentence_cased = "Senate passes budget after long debate"
    if rule.case == "title":
        return {
            "summary": "Headlines in title case",
            "description": (
                "Flags each lower-case word of a headline that title case capitalises: every word but "
                "articles and conjunctions and prepositions of three letters or fewer (those too when "
                "first or last).  Words with figures or inner capitals and the rule's exceptions are "
                "left alone."
            ),
            "example": sentence_cased,
            "instead": title_cased,
        }
    return {
        "summary": "Headlines in sentence case",
        "description": (
            "Flags a headline that looks title-cased: three or more capitalised words after the first and "
            "no lower-case word other than short articles, conjunctions and prepositions.  Acronyms, words "
            "with figures or inner capitals, the word after a colon and the rule's exceptions are not "
            "counted.  Proper nouns cannot be told from other words, so there is no fix."
        ),
        "example": title_cased,
        "instead": sentence_cased,
    }


GENERATORS = {
    "substitution": _substitution,
    "existence": _existence,
    "consistency": _consistency,
    "occurrence": _occurrence,
    "capitalization": _capitalization,
}


def _notes(rule: HouseRule) -> str:
    """Plain statements of how the rule matches, added to its description."""
    where = {
        SCOPES["story"]: "the headline, subheadlines and body",
        SCOPES["body"]: "the body",
        SCOPES["headline"]: "the headline",
    }.get(rule.scope, " and ".join(rule.scope))
    notes = [f"Checks {where} (not datelines)."]
    if rule.kind in ("substitution", "existence", "consistency"):
        if rule.regex:
            notes.append("Patterns are regular expressions; a match never starts or ends inside a word.")
        elif rule.match_case:
            notes.append("Words match only in the case written.")
        else:
            notes.append("Words match in any case; a suggestion keeps the case of the text.")
        if rule.exceptions and rule.regex:
            count = len(rule.exceptions)
            plural = "s" if count > 1 else ""
            notes.append(f"A match inside a match of its {count} exception pattern{plural} is not reported.")
        elif rule.exceptions:
            notes.append(f"Not reported inside {_quoted(rule.exceptions)}.")
    if rule.kind in ("substitution", "existence"):
        notes.append(
            "Text inside direct quotations is left alone."
            if rule.quotations == "skip"
            else "Inside direct quotations it reports without a fix."
        )
    if rule.kind == "substitution" and not rule.fix:
        notes.append("The house form is offered as a suggestion, not as a fix: check the context.")
    if rule.kind == "consistency":
        notes.append("Forms inside direct quotations are neither counted nor flagged.")
    if rule.kind == "occurrence" and rule.per == "sentence":
        notes.append("Words inside direct quotations are not counted.")
    return " ".join(notes)
