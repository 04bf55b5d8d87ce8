"""style: house style rules written in rules.yaml, with no Python.

A desk lists its rules under ``house:`` (see README, "House style rules");
``extends: [ap]`` adds the AP starter set shipped in
``newslint/presets/ap.yaml``, written in the same format.  Each house rule
is declared like a built-in rule, so ``newslint rules``, ``newslint
explain``, severities, ``off`` and ``--select`` work on it.

The work is split by job: :mod:`style_rules` reads and checks the rules,
:mod:`style_docs` documents them, :mod:`style_patterns` vets their
regular expressions, :mod:`style_terms` finds words and patterns,
:mod:`style_check` runs the word rules on an article and
:mod:`style_layout` the sentence-length and headline-case rules.  The
modules that run rules are imported only when there are rules to run.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from newslint_plugins.style_docs import rule_spec
from newslint_plugins.style_rules import SECTION, HouseRule, house_rules

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.model import Article
from newslint.rules import RuleSpec

if TYPE_CHECKING:  # pragma: no cover
    from newslint_plugins.style_check import ArticleView


@cache
def checks() -> dict[str, Callable[[HouseRule, ArticleView], list[Finding]]]:
    """The check of each kind of rule, by kind.

    Imported on first use: a desk without house rules never needs them.
    """
    from newslint_plugins.style_check import check_consistency, check_existence, check_substitution
    from newslint_plugins.style_layout import check_capitalization, check_occurrence

    return {
        "substitution": check_substitution,
        "existence": check_existence,
        "consistency": check_consistency,
        "occurrence": check_occurrence,
        "capitalization": check_capitalization,
    }


@hookimpl
def newslint_config_sections() -> list[str]:
    """The house rules live under ``house:``."""
    return [SECTION]


@hookimpl
def newslint_rules(config: Config) -> list[RuleSpec]:
    """Declare every house rule of the configuration (a preset's included), documented from its fields."""
    return [rule_spec(rule) for rule in house_rules(config).rules]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Report house rules that cannot run: unknown fields, bad values, unsafe or broken patterns."""
    return house_rules(config).problems


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Run every enabled house rule on the article."""
    rules = [rule for rule in house_rules(context.config).runnable() if context.enabled(rule.id)]
    if not rules:
        return []
    from newslint_plugins.style_check import ArticleView

    view = ArticleView(article)
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(checks()[rule.kind](rule, view))
    return findings


@hookimpl
def newslint_finish_run(config: Config) -> None:
    """Say which house rules ran out of time on some articles (they stopped early there)."""
    style_check = sys.modules.get("newslint_plugins.style_check")
    if style_check is None:
        return  # no house rule has run in this process
    for rule_id, articles in sorted(style_check.OVERRUNS.items()):
        print(
            f"newslint: house rule {rule_id} used its {style_check.TIME_BUDGET} s on {articles} "
            f"article{'s' if articles != 1 else ''} and stopped early there; simplify its patterns",
            file=sys.stderr,
        )
    style_check.OVERRUNS.clear()
