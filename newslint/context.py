"""What a plugin's check hook gets besides the article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from newslint.config import Config
    from newslint.rules import RuleSpec


@dataclass
class CheckContext:
    """The run's configuration and which rules are on, with their options."""

    config: Config
    rules: dict[str, RuleSpec]
    enabled_rules: frozenset[str]
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    def enabled(self, rule_id: str) -> bool:
        """True when the rule runs in this run (not off, selected, not ignored)."""
        return rule_id in self.enabled_rules

    def options(self, rule_id: str) -> dict[str, Any]:
        """Return the rule's options: its declared defaults overridden by the configuration."""
        return self.rule_options.get(rule_id, {})

    def unnamed_rules_run(self, plugin: str, category: str) -> bool:
        """True when a rule of ``plugin`` in ``category`` that no setting or selector names may run.

        For plugins whose rule ids exist only at run time (``grammar.<id>``):
        false when the plugin or category is off, deselected or ignored.  Ids
        named in the configuration or on the command line are asked about with
        :meth:`enabled`.
        """
        return True
