"""The hooks a newslint plugin can implement.

A plugin is a module (or any object) with functions named after these hooks
and marked with :data:`hookimpl`.  Each hook is documented in
``docs/plugins.md``; a test checks that every hook here appears there.

Plugins are found through the ``newslint`` entry-point group (the built-in
plugins register there too) and through local files listed under
``plugins:`` in rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from newslint.config import Config
    from newslint.context import CheckContext
    from newslint.findings import Finding
    from newslint.model import Article
    from newslint.rules import RuleSpec

PROJECT = "newslint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Decorator that marks a plugin's function as the implementation of a hook."""


@hookspec
def newslint_rules(config: Config) -> list[RuleSpec]:
    """Declare the plugin's rules.

    Return a list of :class:`newslint.rules.RuleSpec`: id, category, default
    severity, whether fixable, a one-line summary, the long documentation
    (what, why, a bad and a good example) and the options with their
    defaults.  ``config`` is given so that rules defined in the configuration
    (house style rules) can be declared too.
    """


@hookspec(firstresult=True)
def newslint_resolve_rule(rule_id: str, config: Config) -> RuleSpec | None:
    """Describe a rule that exists only at run time, or return None.

    For plugins whose rule ids come from elsewhere (``grammar.<id>`` from
    LanguageTool): return a :class:`RuleSpec` when ``rule_id`` belongs to the
    plugin, so that ``newslint explain``, per-rule severities and
    ``--select``/``--ignore`` accept it.
    """


@hookspec
def newslint_config_sections() -> list[str]:
    """Name the top-level rules.yaml sections this plugin reads (e.g. ``["honorifics"]``).

    Keys nobody declares are reported as configuration errors with a
    did-you-mean, so a misspelt section is never silently ignored.
    """


@hookspec
def newslint_config_errors(config: Config) -> list[str]:
    """Check the plugin's part of the configuration; return one message per problem.

    Called once when the configuration is loaded.  A non-empty result makes
    ``newslint`` exit with status 2 before linting anything.  Mention the
    key or rule id in each message.
    """


@hookspec
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Check one article and return the plugin's findings.

    Offsets in each :class:`newslint.findings.Finding` (and in its fix) are
    offsets into ``article.text``, the story text; the runner maps them to
    the file.  Use ``context.enabled(rule_id)`` to skip rules that are off and
    ``context.options(rule_id)`` to read a rule's options.  A plugin that
    raises is reported and does not stop the other plugins.
    """


@hookspec
def newslint_drop_findings(article: Article, findings: list[Finding], context: CheckContext) -> list[Finding]:
    """Name findings to drop once every plugin has checked the article.

    ``findings`` holds every plugin's findings for the article, with offsets
    in ``article.text``, before the runner maps them.  Return the ones not to
    report (the same objects), typically the plugin's own findings that
    repeat another plugin's: one problem, one finding.  Called once per
    article, after every check hook.
    """


@hookspec
def newslint_cache_key(config: Config, context: CheckContext) -> str | None:
    """Name what, besides the configuration and the plugin's version, decides its findings.

    The result cache keys its entries by it, so a change (a new LanguageTool
    version, LanguageTool becoming available) re-lints files instead of
    reusing findings made without it.  Called after
    :func:`newslint_start_run` when the result cache opens, and again before
    each result is stored: a key that moves mid-run stops the storing.
    Return quickly (remember the answer), or None when nothing outside the
    configuration matters.
    """


@hookspec
def newslint_start_run(config: Config) -> None:
    """Prepare for a run over many articles (open a connection, warm a cache).

    Called once per process before the first article is checked.
    """


@hookspec
def newslint_finish_run(config: Config) -> None:
    """Release what :func:`newslint_start_run` prepared; print end-of-run notices.

    Called once per process after the last article.
    """
