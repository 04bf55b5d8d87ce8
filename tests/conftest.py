"""Shared test helpers.

``lint`` lints a string with the packaged defaults (or a rules.yaml written
from a dict) and returns the findings; ``write_config`` writes a rules.yaml.
Tests run from a temporary directory so the repository's own rules.yaml is
not discovered by accident.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newslint.config import load_config
from newslint.findings import Finding
from newslint.runner import Runner
from newslint.session import Session

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_cwd(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    monkeypatch.setenv("NO_COLOR", "1")
    # No LanguageTool, and no cache outside the test's folders, unless a test asks for them.
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_MODE", "off")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)


_RUNNERS: dict[str, Runner] = {}


def make_runner(config: dict[str, Any] | None = None, tmp_dir: Path | None = None) -> Runner:
    """Return a runner for the defaults, or for the defaults merged with ``config``."""
    key = yaml.safe_dump(config, sort_keys=True) if config else ""
    if key in _RUNNERS and tmp_dir is None:
        return _RUNNERS[key]
    if config:
        folder = tmp_dir or Path(__import__("tempfile").mkdtemp(prefix="newslint-config-"))
        path = folder / "rules.yaml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        loaded = load_config(path)
    else:
        loaded = load_config(Path(__file__).parent.parent / "rules.yaml")
    runner = Runner(Session.create(loaded))
    runner.start()
    if tmp_dir is None:
        _RUNNERS[key] = runner
    return runner


def lint(
    text: str, config: dict[str, Any] | None = None, path: str = "article.txt", rules: str | None = None
) -> list[Finding]:
    """Lint ``text`` and return its findings; ``rules`` keeps only ids starting with it."""
    findings = make_runner(config).check_text(text, path).findings
    if rules is not None:
        findings = [f for f in findings if f.rule.startswith(rules)]
    return findings


def write_config(folder: Path, data: dict[str, Any] | str) -> Path:
    """Write a rules.yaml into ``folder`` and return its path."""
    path = folder / "rules.yaml"
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path
