"""Find and load plugins: entry points (group ``newslint``) and local files.

Built-in plugins register through entry points exactly as third-party ones
do, so there is one discovery path (:mod:`newslint.entrypoints` finds them).
Local plugins are Python files named under ``plugins:`` in rules.yaml,
relative to that file; nothing else is imported.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pluggy

from newslint import hookspecs
from newslint.config import Config
from newslint.entrypoints import entry_points


@dataclass(frozen=True)
class PluginInfo:
    """A loaded plugin and where it came from."""

    name: str
    kind: str  # "entry point" or "local file"
    origin: str  # "module (distribution version)" or the file path
    version: str = ""


class PluginLoadError(Exception):
    """A plugin that could not be loaded; the message names it."""


def new_manager() -> pluggy.PluginManager:
    """Return a plugin manager that knows newslint's hook specifications."""
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    return manager


def load_plugins(config: Config) -> tuple[pluggy.PluginManager, list[PluginInfo], list[str]]:
    """Load every entry-point plugin and every local plugin the configuration names.

    Returns the manager, what was loaded, and one error line for each plugin
    that failed to load (the others are still loaded).
    """
    manager = new_manager()
    loaded: list[PluginInfo] = []
    errors: list[str] = []
    for entry in sorted(entry_points(hookspecs.PROJECT), key=lambda e: e.name):
        if manager.has_plugin(entry.name):
            continue
        try:
            module = entry.load()
            manager.register(module, name=entry.name)
        except Exception as exc:  # a broken plugin must not stop the others
            errors.append(
                f"plugin {entry.name!r} ({entry.value}) failed to load: {type(exc).__name__}: {exc}"
            )
            continue
        distribution = entry.distribution()
        name, version = distribution or ("", "")
        origin = entry.value + (f" ({name} {version})" if distribution else "")
        loaded.append(PluginInfo(entry.name, "entry point", origin, version))
    for path in config.plugin_paths:
        try:
            name, module = load_local_plugin(path)
            if manager.has_plugin(name):
                raise PluginLoadError(f"a plugin named {name!r} is already loaded")
            manager.register(module, name=name)
        except Exception as exc:
            errors.append(f"local plugin {path} failed to load: {type(exc).__name__}: {exc}")
            continue
        loaded.append(PluginInfo(name, "local file", str(path), str(getattr(module, "__version__", ""))))
    return manager, loaded, errors


def load_local_plugin(path: Path) -> tuple[str, object]:
    """Import a local plugin file and return ``(name, module)``.

    The plugin's name is its ``PLUGIN_NAME`` attribute, or the file's stem.
    """
    import hashlib
    import importlib.util

    if not path.is_file():
        raise PluginLoadError("no such file")
    stem = re.sub(r"\W", "_", path.stem)
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:8]
    module_name = f"newslint_local_{stem}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise PluginLoadError("not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return str(getattr(module, "PLUGIN_NAME", path.stem)), module
