"""The plugin system: local plugins, isolation of failures, documentation of hooks and rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_runner, write_config

from newslint import hookspecs
from newslint.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "plugins.md"
ARTICLE = "Talks stall\n\nAt this point in time, the talks have stalled  again.\n"

CRASHING = '''
from newslint.hookspecs import hookimpl
from newslint.rules import RuleSpec

@hookimpl
def newslint_rules():
    """Declare one rule."""
    return [RuleSpec(id="broken.always", category="style", summary="s", what="w", why="y", bad="b", good="g")]

@hookimpl
def newslint_check(article, context):
    """Fail on every article."""
    raise RuntimeError("the desk plugin fell over")
'''

GARBAGE = '''
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.rules import RuleSpec

@hookimpl
def newslint_rules():
    """Declare one rule."""
    return [RuleSpec(id="garbage.span", category="style", summary="s", what="w", why="y", bad="b", good="g")]

@hookimpl
def newslint_check(article, context):
    """Return a finding outside the text."""
    return [Finding("garbage.span", "oops", 0, len(article.text) + 50)]
'''


def docs_example() -> str:
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(r"## A complete plugin.*?```python\n(.*?)```", text, re.DOTALL)
    assert match, "docs/plugins.md lost its complete example"
    return match.group(1)


def setup_desk(tmp_path: Path, source: str, name: str = "local_rules.py") -> Path:
    (tmp_path / "desk").mkdir(exist_ok=True)
    (tmp_path / "desk" / name).write_text(source, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return write_config(tmp_path, {"plugins": [f"desk/{name}"]})


def test_every_hook_is_documented_in_docs_plugins_md():
    text = DOCS.read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("newslint_")]
    assert hooks, "no hooks found"
    for hook in hooks:
        assert f"### {hook}" in text, f"{hook} is not documented in docs/plugins.md"
        assert getattr(hookspecs, hook).__doc__, f"{hook} has no docstring"


def test_every_rule_is_fully_documented():
    runner = make_runner()
    assert runner.session.rules
    for spec in runner.session.rules.values():
        assert spec.documentation_problems() == [], spec.id
        assert spec.plugin, spec.id


def test_every_builtin_rule_has_a_nonempty_explain():
    runner = CliRunner()
    ids = [row["id"] for row in json.loads(runner.invoke(main, ["rules", "--format", "json"]).output)]
    for rule_id in ids:
        result = runner.invoke(main, ["explain", rule_id])
        assert result.exit_code == 0
        assert "What it does" in result.output and "Use instead" in result.output


def test_docs_example_plugin_loads_from_a_local_path(tmp_path):
    config = setup_desk(tmp_path, docs_example())
    runner = CliRunner()
    rules = runner.invoke(main, ["rules", "--config", str(config)])
    assert "desk.point-in-time" in rules.output
    explained = runner.invoke(main, ["explain", "desk.point-in-time", "--config", str(config)])
    assert "at this point in time" in explained.output
    plugins = runner.invoke(main, ["plugins", "--config", str(config)])
    assert re.search(r"^desk\s+local file\s+1 rules\s+.*desk/local_rules\.py$", plugins.output, re.MULTILINE)
    checked = runner.invoke(
        main, ["check", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    findings = json.loads(checked.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["text"], f["suggestions"]) for f in findings] == [
        ("desk.point-in-time", "At this point in time", ["now"]),
        ("spacing.double-space", "  ", [" "]),
    ]
    assert checked.exit_code == 1


def test_local_plugin_options_come_from_the_config(tmp_path):
    setup_desk(tmp_path, docs_example())
    config = write_config(
        tmp_path,
        {"plugins": ["desk/local_rules.py"], "rules": {"desk.point-in-time": {"replacement": "today"}}},
    )
    result = CliRunner().invoke(
        main, ["check", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    assert json.loads(result.stdout)["files"][0]["findings"][0]["suggestions"] == ["today"]


def test_a_plugin_that_raises_does_not_stop_the_others(tmp_path):
    config = setup_desk(tmp_path, CRASHING, "broken.py")
    result = CliRunner().invoke(
        main, ["check", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2
    assert "plugin 'broken' failed on" in result.stderr
    assert "a.txt: RuntimeError: the desk plugin fell over" in result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["spacing.double-space"]


def test_verbose_prints_the_traceback(tmp_path):
    config = setup_desk(tmp_path, CRASHING, "broken.py")
    result = CliRunner().invoke(main, ["check", "-v", "--config", str(config), str(tmp_path / "a.txt")])
    assert "Traceback" in result.stderr


def test_a_plugin_returning_garbage_is_reported(tmp_path):
    config = setup_desk(tmp_path, GARBAGE, "garbage.py")
    result = CliRunner().invoke(
        main, ["check", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2
    assert "outside the text" in result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["spacing.double-space"]


def test_a_local_plugin_that_fails_to_import_is_reported(tmp_path):
    config = setup_desk(tmp_path, "import does_not_exist_anywhere\n", "bad_import.py")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "local plugin" in result.stderr and "bad_import.py failed to load" in result.stderr


def test_missing_local_plugin_file_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    config = write_config(tmp_path, {"plugins": ["desk/nowhere.py"]})
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "nowhere.py failed to load: PluginLoadError: no such file" in result.stderr


@pytest.mark.parametrize("hook", ["newslint_check", "newslint_rules"])
def test_builtin_plugins_register_through_entry_points(hook):
    from importlib.metadata import entry_points

    names = {entry.name for entry in entry_points(group="newslint")}
    assert "spacing" in names
    manager = make_runner().session.manager
    assert any(impl.plugin_name == "spacing" for impl in getattr(manager.hook, hook).get_hookimpls())
