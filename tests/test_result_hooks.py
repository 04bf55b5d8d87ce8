"""Core support for plugins like grammar: ``newslint_drop_findings``, ``newslint_cache_key``, unnamed rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_runner

from newslint.batch import Linter, make_cache
from newslint.cache import plugin_cache_keys

ECHO = '''
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.rules import RuleSpec

PLUGIN_NAME = "echo"


@hookimpl
def newslint_rules():
    """Declare one rule."""
    return [RuleSpec(id="echo.spaces", category="style", summary="s", what="w", why="y", bad="b", good="g")]


@hookimpl
def newslint_check(article, context):
    """Flag every run of two spaces, as the spacing plugin does, and one word it alone sees."""
    text = article.text
    found = [Finding("echo.spaces", "two spaces", i, i + 2) for i in range(len(text)) if text[i : i + 2] == "  "]
    word = text.index("budget")
    return found + [Finding("echo.spaces", "a word", word, word + 6)]


@hookimpl
def newslint_drop_findings(article, findings, context):
    """Drop this plugin's findings on a span another plugin already reports."""
    others = {(f.start, f.end) for f in findings if not f.rule.startswith("echo.")}
    return [f for f in findings if f.rule.startswith("echo.") and (f.start, f.end) in others]
'''

BROKEN = ECHO.replace(
    '    others = {(f.start, f.end) for f in findings if not f.rule.startswith("echo.")}',
    '    raise RuntimeError("the dedupe fell over")',
)

TEXT = "Council meets\n\nThe council  approved the budget.\n"


def runner_with(tmp_path: Path, source: str):
    (tmp_path / "echo.py").write_text(source, encoding="utf-8")
    return make_runner({"plugins": ["echo.py"]}, tmp_dir=tmp_path)


def test_a_plugin_drops_its_own_duplicates_and_keeps_the_rest(tmp_path):
    result = runner_with(tmp_path, ECHO).check_text(TEXT, "a.txt")
    assert sorted((f.rule, f.text) for f in result.findings) == [
        ("echo.spaces", "budget"),
        ("spacing.double-space", "  "),
    ]
    assert result.failures == []


def test_a_failing_drop_hook_is_reported_and_drops_nothing(tmp_path):
    result = runner_with(tmp_path, BROKEN).check_text(TEXT, "a.txt")
    assert [failure.plugin for failure in result.failures] == ["echo"]
    assert "the dedupe fell over" in result.failures[0].message
    assert sorted(f.rule for f in result.findings) == ["echo.spaces", "echo.spaces", "spacing.double-space"]


KEYED = """
from newslint.hookspecs import hookimpl

PLUGIN_NAME = "keyed"
STATE = {"key": "data v1"}


@hookimpl
def newslint_cache_key(config, context):
    \"\"\"What decides this plugin's findings besides the configuration.\"\"\"
    if STATE["key"] == "boom":
        raise RuntimeError("no key today")
    return STATE["key"]
"""


def keyed_runner(tmp_path: Path):
    (tmp_path / "keyed.py").write_text(KEYED, encoding="utf-8")
    runner = make_runner({"plugins": ["keyed.py"]}, tmp_dir=tmp_path)
    module = next(m for n, m in runner.session.manager.list_name_plugin() if n == "keyed")
    return runner, module


def test_plugin_cache_keys_go_into_the_result_cache_fingerprint(tmp_path):
    runner, module = keyed_runner(tmp_path)
    assert plugin_cache_keys(runner.session) == ("keyed=data v1",)
    first = make_cache(runner.session, tmp_path / "cache", True)
    module.STATE["key"] = "data v2"
    second = make_cache(runner.session, tmp_path / "cache", True)
    assert first is not None and second is not None
    assert first.fingerprint != second.fingerprint
    module.STATE["key"] = "boom"
    assert plugin_cache_keys(runner.session) != plugin_cache_keys(runner.session)  # never reused


def test_results_are_not_stored_once_a_plugin_key_moves(tmp_path):
    runner, module = keyed_runner(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    cache = make_cache(runner.session, tmp_path / "cache", True)
    module.STATE["key"] = "data v2"  # changed after the cache opened
    Linter(runner, cache).lint(str(article))
    assert not list((tmp_path / "cache").rglob("*.json"))
    module.STATE["key"] = "data v1"
    Linter(runner, cache).lint(str(article))
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1


@pytest.mark.parametrize(
    ("config", "select", "ignore", "expected"),
    [
        ({}, (), (), True),
        ({}, (), ("grammar",), False),
        ({}, ("spacing",), (), False),
        ({}, ("grammar",), (), True),
        ({}, ("grammar.en-a-vs-an",), (), False),  # only that rule, which is asked about by name
        ({"rules": {"grammar": "off"}}, (), (), False),
        ({"rules": {"grammar": "info"}}, (), (), True),
    ],
)
def test_unnamed_rules_of_a_plugin_follow_selection_and_settings(tmp_path, config, select, ignore, expected):
    from newslint.config import load_config
    from newslint.session import Session

    path = tmp_path / "rules.yaml"
    path.write_text(__import__("yaml").safe_dump(config), encoding="utf-8")
    session = Session.create(load_config(path), select=select, ignore=ignore)
    before = set(session.rules)
    assert session.context().unnamed_rules_run("grammar", "grammar") is expected
    assert set(session.rules) == before  # nothing made up is remembered
