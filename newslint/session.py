"""A session: the configuration, the loaded plugins and the rules they declare.

Building a session loads the plugins once, collects every rule, validates
the configuration against those rules, and works out which rules run and at
what severity.  The runner then checks articles with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pluggy

from newslint.config import SEVERITY_VALUES, Config, ConfigError, did_you_mean, validate_top_level
from newslint.context import CheckContext
from newslint.plugin_manager import PluginInfo, load_plugins
from newslint.rules import CATEGORIES, RuleSpec
from newslint.suppressions import check_per_file_ignores


class UsageError(Exception):
    """A bad command-line value (an unknown rule id in --select, say)."""


@dataclass
class Session:
    """Everything a run needs besides the articles."""

    config: Config
    manager: pluggy.PluginManager
    plugins: list[PluginInfo]
    rules: dict[str, RuleSpec]
    load_errors: list[str] = field(default_factory=list)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    _enabled_cache: dict[str, bool] = field(default_factory=dict, repr=False)
    _context: CheckContext | None = field(default=None, repr=False)

    # Building -------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        config: Config,
        *,
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> Session:
        """Load plugins and rules for ``config``; raise ConfigError or UsageError when they do not fit."""
        manager, plugins, load_errors = load_plugins(config)
        rules: dict[str, RuleSpec] = {}
        for impl in manager.hook.newslint_rules.get_hookimpls():
            try:
                declared = impl.function(*[{"config": config}[a] for a in impl.argnames])
            except Exception as exc:
                load_errors.append(
                    f"plugin {impl.plugin_name!r} failed to declare its rules: {type(exc).__name__}: {exc}"
                )
                continue
            for spec in declared or []:
                if not isinstance(spec, RuleSpec):
                    load_errors.append(
                        f"plugin {impl.plugin_name!r} declared something that is not a RuleSpec: {spec!r:.80}"
                    )
                    continue
                if not spec.plugin:
                    spec = _with_plugin(spec, impl.plugin_name)
                rules[spec.id] = spec
        session = cls(config, manager, plugins, dict(sorted(rules.items())), load_errors)
        sections: set[str] = set()
        for names in manager.hook.newslint_config_sections():
            sections.update(names or [])
        validate_top_level(config, sections)
        session._validate_rule_settings()
        check_per_file_ignores(session)
        problems: list[str] = []
        for impl in manager.hook.newslint_config_errors.get_hookimpls():
            try:
                problems.extend(impl.function(*[{"config": config}[a] for a in impl.argnames]) or [])
            except Exception as exc:
                problems.append(f"plugin {impl.plugin_name!r} failed to check the configuration: {exc}")
        if problems:
            raise ConfigError(
                problems[0] + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""),
                config.path,
            )
        session.select = tuple(session._check_selectors(select, "--select"))
        session.ignore = tuple(session._check_selectors(ignore, "--ignore"))
        return session

    def _known_names(self) -> set[str]:
        names = set(self.rules) | set(CATEGORIES)
        names.update(spec.plugin_prefix for spec in self.rules.values())
        names.update(info.name for info in self.plugins)
        return names

    def known_names(self) -> set[str]:
        """Return the rule ids, categories, rule prefixes and plugin names this session knows."""
        return self._known_names()

    def is_known_name(self, name: str) -> bool:
        """True when ``name`` is a rule id (run-time ids included), a category or a plugin name."""
        return name in self._known_names() or self.resolve(name) is not None

    def resolve(self, rule_id: str) -> RuleSpec | None:
        """Return the rule's declaration, asking plugins about run-time rule ids."""
        spec = self.rules.get(rule_id)
        if spec is None:
            try:
                spec = self.manager.hook.newslint_resolve_rule(rule_id=rule_id, config=self.config)
            except Exception:
                spec = None
            if isinstance(spec, RuleSpec):
                self.rules[rule_id] = spec
            else:
                spec = None
        return spec

    def _validate_rule_settings(self) -> None:
        known = self._known_names()
        for key, setting in self.config.rule_settings().items():
            if key not in known and self.resolve(key) is None:
                raise ConfigError(
                    f"unknown rule id or category '{key}'{did_you_mean(key, known)}",
                    setting.source,
                    setting.line,
                )
            if setting.severity is not None and setting.severity not in SEVERITY_VALUES:
                raise ConfigError(
                    f"'{key}': severity must be one of {', '.join(SEVERITY_VALUES)}, not {setting.severity!r}",
                    setting.source,
                    setting.line,
                )
            spec = self.rules.get(key)
            if spec is not None:
                for option in setting.options:
                    if option not in spec.options:
                        raise ConfigError(
                            f"'{key}' has no option '{option}'{did_you_mean(option, set(spec.options) | {'severity'})}",
                            setting.source,
                            setting.line,
                        )

    def _check_selectors(self, selectors: Iterable[str], flag: str) -> list[str]:
        result = []
        known = self._known_names()
        for item in selectors:
            for name in (part.strip() for part in item.split(",")):
                if not name:
                    continue
                if name not in known and self.resolve(name) is None:
                    raise UsageError(
                        f"{flag}: unknown rule id or category '{name}'{did_you_mean(name, known)}"
                    )
                result.append(name)
        return result

    # Rule state -------------------------------------------------------------------

    def _matches(self, spec: RuleSpec, names: tuple[str, ...]) -> bool:
        return spec.id in names or spec.category in names or spec.plugin_prefix in names

    def severity(self, spec: RuleSpec, suggested: str | None = None) -> str:
        """Return the rule's effective severity (or ``off``) from the configuration."""
        settings = self._settings()
        for key in (spec.id, spec.plugin_prefix, spec.category):
            setting = settings.get(key)
            if setting is not None and setting.severity is not None:
                return setting.severity
        return suggested or spec.severity

    def _settings(self) -> dict[str, Any]:
        cached = getattr(self, "_settings_cache", None)
        if cached is None:
            cached = self.config.rule_settings()
            self._settings_cache = cached
        return cached

    def enabled(self, rule_id: str) -> bool:
        """True when the rule runs: known, not off, selected and not ignored."""
        cached = self._enabled_cache.get(rule_id)
        if cached is not None:
            return cached
        spec = self.resolve(rule_id)
        result = spec is not None and self._spec_enabled(spec)
        self._enabled_cache[rule_id] = result
        return result

    def _spec_enabled(self, spec: RuleSpec) -> bool:
        result = self.severity(spec) != "off"
        if result and self.select:
            result = self._matches(spec, self.select)
        if result and self.ignore:
            result = not self._matches(spec, self.ignore)
        return result

    def unnamed_rules_run(self, plugin: str, category: str) -> bool:
        """True when a rule of ``plugin`` in ``category`` that no setting or selector names may run.

        For plugins whose rule ids exist only at run time (``grammar.*``): it
        answers for "any rule of mine" without resolving or remembering a rule.
        """
        blank = RuleSpec(id=f"{plugin}.*", category=category, summary="", what="", why="", bad="", good="")
        return self._spec_enabled(blank)

    def options(self, rule_id: str) -> dict[str, Any]:
        """Return the rule's options: declared defaults overridden by the configuration."""
        spec = self.resolve(rule_id)
        values = spec.option_defaults() if spec else {}
        setting = self._settings().get(rule_id)
        if setting is not None:
            values.update(setting.options)
        return values

    def context(self) -> CheckContext:
        """Return the context given to every plugin's check hook."""
        if self._context is None:
            enabled = frozenset(rule_id for rule_id in self.rules if self.enabled(rule_id))
            self._context = _SessionContext(
                config=self.config,
                rules=self.rules,
                enabled_rules=enabled,
                rule_options={rule_id: self.options(rule_id) for rule_id in enabled},
                session=self,
            )
        return self._context

    def rule_enabled_anywhere(self) -> bool:
        """True when at least one rule runs."""
        return any(self.enabled(rule_id) for rule_id in self.rules)


@dataclass
class _SessionContext(CheckContext):
    session: Session | None = None

    def enabled(self, rule_id: str) -> bool:
        if rule_id in self.enabled_rules:
            return True
        return self.session.enabled(rule_id) if self.session is not None else False

    def options(self, rule_id: str) -> dict[str, Any]:
        if rule_id in self.rule_options:
            return self.rule_options[rule_id]
        return self.session.options(rule_id) if self.session is not None else {}

    def unnamed_rules_run(self, plugin: str, category: str) -> bool:
        return self.session.unnamed_rules_run(plugin, category) if self.session is not None else True


def _with_plugin(spec: RuleSpec, plugin: str) -> RuleSpec:
    from dataclasses import replace

    return replace(spec, plugin=plugin)


def format_exception(exc: BaseException) -> str:
    """Return a traceback as text, for ``--verbose``."""
    import traceback  # only when a plugin failed

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
