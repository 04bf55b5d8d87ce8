"""The Python API: lint text or paths without the command line.

Results are plain dataclasses (:class:`~newslint.findings.Finding`,
:class:`~newslint.runner.FileResult`) that pickle, so the API can be mapped
over an archive with any engine that ships functions to workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newslint.config import Config, load_config
from newslint.findings import Finding
from newslint.runner import FileResult, Runner
from newslint.session import Session


def _config(config: Config | str | Path | None) -> Config:
    if isinstance(config, Config):
        return config
    return load_config(config)


_RUNNERS: dict[Any, Runner] = {}


def _runner_for(config_key: Any, config: Config) -> Runner:
    runner = _RUNNERS.get(config_key)
    if runner is None or (runner.session.config is not config and isinstance(config_key, int)):
        runner = Runner(Session.create(config))
        runner.start()
        if len(_RUNNERS) >= 8:
            _RUNNERS.clear()
        _RUNNERS[config_key] = runner
    return runner


def runner_for(config: Config | str | Path | None = None) -> Runner:
    """Return a ready :class:`Runner` for a configuration (cached per configuration object or path)."""
    resolved = _config(config)
    key = (
        id(config)
        if isinstance(config, Config)
        else (str(config) if config is not None else None, str(Path.cwd()))
    )
    return _runner_for(key, resolved)


def lint_text(text: str, *, path: str = "<text>", config: Config | str | Path | None = None) -> list[Finding]:
    """Lint one article given as text; return its findings sorted by position."""
    return runner_for(config).check_text(text, path).findings


def lint_paths(paths: list[str], *, config: Config | str | Path | None = None) -> list[FileResult]:
    """Lint files and folders as ``newslint check`` does; return one result per article file."""
    from newslint.discovery import expand_paths

    runner = runner_for(config)
    settings = runner.session.config
    return [runner.check_file(path) for path in expand_paths(list(paths), settings.ignore, settings.root)]
