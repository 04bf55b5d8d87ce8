"""Rule declarations: what a plugin tells newslint about each of its rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:[-_][a-z0-9]+)*$")
"""``<plugin>.<rule-name>``, lower case, words joined by ``-``."""

CATEGORIES: tuple[str, ...] = (
    "typos",
    "spacing",
    "honorifics",
    "attribution",
    "grammar",
    "style",
    "structure",
)


@dataclass(frozen=True)
class RuleOption:
    """One option of a rule: its default and what it does."""

    default: Any
    description: str


@dataclass(frozen=True)
class RuleSpec:
    """Everything newslint knows about a rule, declared by its plugin.

    ``what``, ``why``, ``bad`` and ``good`` follow ruff's rule documentation:
    what the rule checks, why it matters, an example it flags and the
    corrected form.  ``source`` names the style-guide entry where one exists.
    """

    id: str
    category: str
    summary: str
    what: str
    why: str
    bad: str
    good: str
    severity: str = "warning"
    fixable: bool = False
    options: dict[str, RuleOption] = field(default_factory=dict)
    source: str = ""
    plugin: str = ""

    @property
    def plugin_prefix(self) -> str:
        """The part of the id before the first dot."""
        return self.id.split(".", 1)[0]

    def option_defaults(self) -> dict[str, Any]:
        """Return ``{option: default}`` for every declared option."""
        return {name: option.default for name, option in self.options.items()}

    def documentation_problems(self) -> list[str]:
        """Return what is missing from this rule's documentation (empty when complete)."""
        problems = []
        if not RULE_ID.match(self.id):
            problems.append(f"id {self.id!r} is not '<plugin>.<rule-name>' in lower case")
        if self.category not in CATEGORIES:
            problems.append(f"category {self.category!r} is not one of {', '.join(CATEGORIES)}")
        if self.severity not in ("error", "warning", "info"):
            problems.append(f"severity {self.severity!r} is not error, warning or info")
        for name in ("summary", "what", "why", "bad", "good"):
            if not getattr(self, name).strip():
                problems.append(f"{name} is empty")
        for name, option in self.options.items():
            if not option.description.strip():
                problems.append(f"option {name!r} has no description")
        return problems
