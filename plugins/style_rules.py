"""House rules: the ``house:`` section of rules.yaml read into checked rule definitions.

Each entry has an id (``house.<name>``), an optional message, severity,
link, exceptions and documentation, and the fields of one kind:

- ``substitution``: ``swap`` (wrong → right), with ``regex``, ``match_case``,
  ``followed_by``, ``preceded_by`` and ``fix``;
- ``existence``: ``tokens`` (plain words) or ``patterns``;
- ``occurrence``: ``max`` per ``sentence`` (words) or ``paragraph`` (sentences);
- ``consistency``: ``pairs``, groups of forms of which an article uses one;
- ``capitalization``: ``case`` (``sentence`` or ``title``) for the headline.

``kind`` may be left out when the fields make it plain.  An entry set to
``null`` or ``off`` is dropped (a desk removing a preset's rule).  Problems
are collected, not raised: :func:`house_rules` returns them and the plugin
reports them as configuration errors naming the rule.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newslint.config import Config, did_you_mean
from newslint.rules import CATEGORIES

if TYPE_CHECKING:  # pragma: no cover
    from newslint_plugins.style_terms import TermSet

SECTION = "house"
RULE_ID = re.compile(r"^house\.[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_FIELDS = {
    "substitution": {"swap", "regex", "match_case", "followed_by", "preceded_by", "fix", "quotations"},
    "existence": {"tokens", "patterns", "match_case", "followed_by", "preceded_by", "quotations"},
    "occurrence": {"max", "per"},
    "consistency": {"pairs", "regex", "match_case"},
    "capitalization": {"case"},
}
KIND_MARKERS = {"swap": "substitution", "tokens": "existence", "patterns": "existence"}
KIND_MARKERS.update(
    {"max": "occurrence", "per": "occurrence", "pairs": "consistency", "case": "capitalization"}
)
COMMON_FIELDS = {"id", "kind", "message", "severity", "category", "link", "scope", "exceptions"}
DOC_FIELDS = {"summary", "description", "why", "example", "instead"}
SCOPES = {"story": ("headline", "subheadline", "body"), "headline": ("headline",)}
SCOPES.update({"subheadline": ("subheadline",), "body": ("body",)})
DEFAULT_SCOPE = {"occurrence": "body", "capitalization": "headline"}
PLACEHOLDERS = {
    "substitution": {"match", "right"},
    "existence": {"match"},
    "consistency": {"match", "first"},
    "occurrence": {"count", "max", "unit"},
    "capitalization": {"match", "case"},
}
DEFAULT_MESSAGES = {
    "substitution": "use “{right}”, not “{match}”",
    "existence": "avoid “{match}”",
    "consistency": "“{match}” here, but “{first}” earlier in the article: use one form throughout",
    "occurrence": "{count} {unit}; the house limit is {max}",
    "capitalization": "headline looks title-cased: house headlines are in sentence case (capitalise the "
    "first word and proper nouns only)",
}
TITLE_CASE_MESSAGE = "“{match}” is lower case: house headlines are in title case"


@dataclass
class HouseRule:
    """One house rule, checked.  ``problems`` is empty when it can run."""

    id: str
    kind: str = "existence"
    message: str = ""
    severity: str = "warning"
    category: str = "style"
    link: str = ""
    scope: tuple[str, ...] = SCOPES["story"]
    quotations: str = "skip"
    fix: bool = True
    regex: bool = False
    match_case: bool = False
    exceptions: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    right: list[list[str]] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    limit: int = 0
    per: str = "sentence"
    case: str = "sentence"
    docs: dict[str, str] = field(default_factory=dict)
    terms: TermSet | None = None
    group_terms: list[TermSet] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class HouseRules:
    """Every house rule of a configuration, and every problem found in them."""

    rules: list[HouseRule]
    problems: list[str]

    def runnable(self) -> list[HouseRule]:
        """The rules without problems."""
        return [rule for rule in self.rules if not rule.problems]


_CACHE: dict[int, tuple[Config, HouseRules]] = {}


def house_rules(config: Config) -> HouseRules:
    """Return the configuration's house rules, read once per configuration object."""
    cached = _CACHE.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    result = read_house_rules(config.data.get(SECTION), config)
    if len(_CACHE) >= 8:
        _CACHE.clear()
    _CACHE[id(config)] = (config, result)
    return result


def read_house_rules(section: Any, config: Config | None = None) -> HouseRules:
    """Read a ``house:`` section (a mapping of id to rule; lists are turned into one by the loader)."""
    if section is None:
        return HouseRules([], [])
    if not isinstance(section, dict):
        return HouseRules([], [f"'{SECTION}' must be a mapping of rule ids to rules, or a list of rules"])
    rules: list[HouseRule] = []
    problems: list[str] = []
    for key, entry in section.items():
        if entry is None or entry is False:
            continue  # a desk dropping a preset's rule
        rule_id = str(key)
        where = _where(config, rule_id)
        if not RULE_ID.match(rule_id):
            slug = re.sub(r"[^a-z0-9]+", "-", rule_id.lower().removeprefix("house.")).strip("-") or "name"
            problems.append(f"house rule id {rule_id!r}{where} must be 'house.<name>', e.g. 'house.{slug}'")
            continue
        rule = _read_rule(rule_id, entry)
        rules.append(rule)
        problems.extend(f"{rule_id}{where}: {problem}" for problem in rule.problems)
    return HouseRules(rules, problems)


def _where(config: Config | None, rule_id: str) -> str:
    if config is None:
        return ""
    file, line = config.where(SECTION, rule_id)
    return f" ({file}, line {line})" if file and line else ""


# Reading one rule ----------------------------------------------------------------------


def _read_rule(rule_id: str, entry: Any) -> HouseRule:
    rule = HouseRule(rule_id)
    if not isinstance(entry, dict):
        rule.problems.append("a rule must be a mapping of fields (kind, message, swap, ...)")
        return rule
    fields = {str(k): v for k, v in entry.items()}
    if "id" in fields and fields["id"] != rule_id:
        rule.problems.append(f"its 'id' ({fields['id']!r}) differs from its key")
    kind = _kind(fields, rule)
    if kind is None:
        return rule
    rule.kind = kind
    allowed = COMMON_FIELDS | DOC_FIELDS | KIND_FIELDS[kind]
    for name in fields:
        if name not in allowed:
            belongs = KIND_MARKERS.get(name) or next((k for k, f in KIND_FIELDS.items() if name in f), None)
            hint = (
                f" (it belongs to {belongs} rules)"
                if belongs
                else did_you_mean(name, allowed | set(KIND_MARKERS))
            )
            rule.problems.append(f"unknown field {name!r} for a {kind} rule{hint}")
    _read_common(fields, rule)
    {
        "substitution": _read_substitution,
        "existence": _read_existence,
        "occurrence": _read_occurrence,
        "consistency": _read_consistency,
        "capitalization": _read_capitalization,
    }[kind](fields, rule)
    _read_message(fields, rule)
    return rule


def _kind(fields: dict[str, Any], rule: HouseRule) -> str | None:
    implied = sorted({KIND_MARKERS[name] for name in fields if name in KIND_MARKERS})
    kind = fields.get("kind")
    if kind is None:
        if len(implied) == 1:
            return implied[0]
        if not implied:
            rule.problems.append(f"no 'kind' ({', '.join(KIND_FIELDS)}) and no field that implies one")
        else:
            rule.problems.append(f"fields of several kinds ({', '.join(implied)}): give one kind")
        return None
    if kind not in KIND_FIELDS:
        rule.problems.append(
            f"kind {kind!r} is not one of {', '.join(KIND_FIELDS)}{did_you_mean(str(kind), set(KIND_FIELDS))}"
        )
        return None
    return str(kind)


def _text(fields: dict[str, Any], name: str, rule: HouseRule, default: str = "") -> str:
    value = fields.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        rule.problems.append(f"{name!r} must be text")
        return default
    return str(value)


def _flag(fields: dict[str, Any], name: str, rule: HouseRule, default: bool) -> bool:
    value = fields.get(name, default)
    if not isinstance(value, bool):
        rule.problems.append(f"{name!r} must be true or false")
        return default
    return value


def _choice(
    fields: dict[str, Any], name: str, rule: HouseRule, choices: tuple[str, ...], default: str
) -> str:
    value = fields.get(name, default)
    if value not in choices:
        rule.problems.append(f"{name!r} must be one of {', '.join(choices)}, not {value!r}")
        return default
    return str(value)


def _words(value: Any, name: str, rule: HouseRule) -> list[str]:
    """A list of words or patterns (a single one may be given alone)."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not value:
        rule.problems.append(f"{name!r} must be a non-empty list")
        return []
    words = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            rule.problems.append(
                f"{name!r} holds {item!r}, which is not text (quote words like yes, no, on, off)"
            )
            continue
        words.append(str(item))
    return words


def _read_common(fields: dict[str, Any], rule: HouseRule) -> None:
    rule.severity = _choice(fields, "severity", rule, ("error", "warning", "info"), "warning")
    rule.category = _choice(fields, "category", rule, CATEGORIES, "style")
    rule.link = _text(fields, "link", rule)
    for name in DOC_FIELDS:
        if name in fields:
            rule.docs[name] = _text(fields, name, rule).strip()
    scope = fields.get("scope", DEFAULT_SCOPE.get(rule.kind, "story"))
    names = [scope] if isinstance(scope, str) else scope if isinstance(scope, list) else [None]
    kinds: list[str] = []
    for name in names:
        if name not in SCOPES:
            rule.problems.append(
                f"'scope' must be story, body, headline or subheadline (or a list), not {name!r}"
            )
            break
        kinds.extend(k for k in SCOPES[name] if k not in kinds)
    else:
        rule.scope = tuple(kinds)
    if "exceptions" in fields:
        if rule.kind == "occurrence":
            rule.problems.append("'exceptions' do not apply to occurrence rules")
        else:
            rule.exceptions = _words(fields["exceptions"], "exceptions", rule)


def _term_set(rule: HouseRule, terms: list[str], fields: dict[str, Any], label: str) -> TermSet:
    from newslint_plugins.style_terms import TermSet  # not imported by a configuration without rules

    term_set = TermSet(
        terms,
        regex=rule.regex,
        match_case=rule.match_case,
        followed_by=_optional_pattern(fields, "followed_by", rule),
        preceded_by=_optional_pattern(fields, "preceded_by", rule),
        exceptions=rule.exceptions,
        label=label,
    )
    rule.problems.extend(term_set.problems)
    return term_set


def _optional_pattern(fields: dict[str, Any], name: str, rule: HouseRule) -> str | None:
    if fields.get(name) is None:
        return None
    return _text(fields, name, rule) or None


def _read_matching(fields: dict[str, Any], rule: HouseRule, regex: bool) -> None:
    rule.regex = regex
    rule.match_case = _flag(fields, "match_case", rule, regex)
    rule.quotations = _choice(fields, "quotations", rule, ("skip", "report"), "skip")


def _read_substitution(fields: dict[str, Any], rule: HouseRule) -> None:
    _read_matching(fields, rule, _flag(fields, "regex", rule, False))
    rule.fix = _flag(fields, "fix", rule, True)
    swap = fields.get("swap")
    if not isinstance(swap, dict) or not swap:
        rule.problems.append("'swap' must be a non-empty mapping of wrong form to right form")
        return
    for wrong, right in swap.items():
        if isinstance(wrong, bool) or wrong is None:
            rule.problems.append(f"swap key {wrong!r} is not a word: quote words like yes, no, on, off, null")
            continue
        rights = _words(right, f"swap value for {wrong!r}", rule)
        if rights:
            rule.wrong.append(str(wrong))
            rule.right.append(rights)
    if rule.wrong:
        rule.terms = _term_set(rule, rule.wrong, fields, "swap")
    if rule.regex and not rule.problems:
        for wrong, rights in zip(rule.wrong, rule.right, strict=True):
            for right in rights:
                try:
                    re.compile(wrong).sub(right, "")  # checks the groups the right form refers to
                except (re.error, IndexError) as exc:
                    rule.problems.append(
                        f"swap value {right!r} for {wrong!r} is not a valid replacement: {exc}"
                    )


def _read_existence(fields: dict[str, Any], rule: HouseRule) -> None:
    if ("tokens" in fields) == ("patterns" in fields):
        rule.problems.append("give either 'tokens' (plain words) or 'patterns' (regular expressions)")
        return
    name = "tokens" if "tokens" in fields else "patterns"
    _read_matching(fields, rule, name == "patterns")
    rule.wrong = _words(fields[name], name, rule)
    if rule.wrong:
        rule.terms = _term_set(rule, rule.wrong, fields, name[:-1])


def _read_consistency(fields: dict[str, Any], rule: HouseRule) -> None:
    _read_matching(fields, rule, _flag(fields, "regex", rule, False))
    pairs = fields.get("pairs")
    if isinstance(pairs, list) and pairs and all(isinstance(p, str) for p in pairs):
        pairs = [pairs]  # a single group written flat
    if not isinstance(pairs, list) or not pairs:
        rule.problems.append("'pairs' must be a list of groups of forms, e.g. [[adviser, advisor]]")
        return
    for group in pairs:
        forms = _words(group, "pairs", rule)
        if len(forms) < 2:
            rule.problems.append(f"each group in 'pairs' needs two forms or more, not {group!r}")
            continue
        rule.groups.append(forms)
        rule.group_terms.append(_term_set(rule, forms, fields, "form"))


def _read_occurrence(fields: dict[str, Any], rule: HouseRule) -> None:
    limit = fields.get("max")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        rule.problems.append(f"'max' must be a whole number of 1 or more, not {limit!r}")
    else:
        rule.limit = limit
    rule.per = _choice(fields, "per", rule, ("sentence", "paragraph"), "sentence")


def _read_capitalization(fields: dict[str, Any], rule: HouseRule) -> None:
    rule.case = _choice(fields, "case", rule, ("sentence", "title"), "sentence")


def _read_message(fields: dict[str, Any], rule: HouseRule) -> None:
    default = DEFAULT_MESSAGES[rule.kind]
    if rule.kind == "capitalization" and rule.case == "title":
        default = TITLE_CASE_MESSAGE
    rule.message = _text(fields, "message", rule, default)
    allowed = PLACEHOLDERS[rule.kind]
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(rule.message) if name is not None}
    except ValueError as exc:
        rule.problems.append(f"message {rule.message!r} has a stray brace ({exc}); write {{{{ for a brace")
        return
    unknown = sorted(name for name in names if name not in allowed)
    if unknown:
        rule.problems.append(
            f"message uses {{{unknown[0]}}}; a {rule.kind} message may use "
            + ", ".join(f"{{{name}}}" for name in sorted(allowed))
        )
