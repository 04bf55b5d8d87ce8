"""Suppressions: newslint-disable comments in Markdown and HTML, per_file_ignores, --show-suppressed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, lint, make_runner, write_config

from newslint.cli import main
from newslint.config import ConfigError, load_config
from newslint.session import Session

HEAD = "# Council meets\n\nBy Ann Lee\n\n"


def rules_of(findings: list) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in findings]


def check_text(text: str, path: str) -> object:
    return make_runner().check_text(text, path)


def test_disable_and_enable_a_region_in_markdown() -> None:
    text = (
        HEAD + "Before  the region.\n\n"
        "<!-- newslint-disable spacing.double-space -->\n\n"
        "Inside  the region , still.\n\n"
        "<!-- newslint-enable spacing.double-space -->\n\n"
        "After  the region.\n"
    )
    result = check_text(text, "story.md")
    assert rules_of(result.findings) == [
        ("spacing.double-space", "  "),
        ("spacing.space-before-punctuation", " ,"),
        ("spacing.double-space", "  "),
    ]
    assert result.findings[0].line == 5 and result.findings[2].line == 13
    assert [f.line for f in result.suppressed_findings] == [9]
    assert result.warnings == []


def test_disable_without_names_silences_everything_until_enable() -> None:
    text = (
        HEAD + "<!-- newslint-disable -->\n\nOne  two , three.\n\n<!-- newslint-enable -->\n\nFour  five.\n"
    )
    result = check_text(text, "story.md")
    assert [f.line for f in result.findings] == [11]
    assert result.suppressed == 2


def test_a_category_or_plugin_name_disables_its_rules() -> None:
    for name in ("spacing", "spacing.space-before-punctuation, spacing.double-space"):
        text = HEAD + f"<!-- newslint-disable {name} -->\n\nOne  two , three.\n"
        assert check_text(text, "story.md").findings == []


def test_the_last_directive_that_names_a_rule_wins() -> None:
    text = (
        HEAD + "<!-- newslint-disable -->\n\n"
        "<!-- newslint-enable spacing.double-space -- we want these here -->\n\n"
        "One  two , three.\n"
    )
    assert rules_of(check_text(text, "story.md").findings) == [("spacing.double-space", "  ")]


def test_disable_next_line_covers_only_the_next_line() -> None:
    text = HEAD + "<!-- newslint-disable-next-line spacing.double-space -->\nOne  two.\nThree  four.\n"
    result = check_text(text, "story.md")
    assert [f.line for f in result.findings] == [7]
    assert [f.line for f in result.suppressed_findings] == [6]


def test_disable_next_line_for_another_rule_suppresses_nothing() -> None:
    text = HEAD + "<!-- newslint-disable-next-line spacing.space-before-punctuation -->\nOne  two.\n"
    assert [f.line for f in check_text(text, "story.md").findings] == [6]


def test_disable_line_in_html() -> None:
    text = (
        "<html><body><h1>Council meets</h1><p>By Ann Lee</p>\n"
        "<p>One  two.</p> <!-- newslint-disable-line -->\n"
        "<p>Three  four.</p>\n"
        "</body></html>\n"
    )
    result = check_text(text, "story.html")
    assert [f.line for f in result.findings] == [3]
    assert result.suppressed == 1


def test_html_regions() -> None:
    text = (
        "<html><body><h1>Council meets</h1><p>By Ann Lee</p>\n"
        "<!-- newslint-disable spacing -->\n<p>One  two , three.</p>\n<!-- newslint-enable -->\n"
        "<p>Four  five.</p></body></html>\n"
    )
    result = check_text(text, "story.html")
    assert [f.line for f in result.findings] == [5]
    assert result.suppressed == 2


def test_comments_do_nothing_in_plain_text() -> None:
    text = "Council meets\n\nBy Ann Lee\n\n<!-- newslint-disable -->\nOne  two.\n"
    assert len(lint(text, rules="spacing")) == 1


def test_an_unknown_rule_id_is_a_warning_and_suppresses_nothing() -> None:
    text = HEAD + "<!-- newslint-disable spacing.double-spaces -->\n\nOne  two.\n"
    result = check_text(text, "story.md")
    assert len(result.findings) == 1
    assert result.warnings == [
        "story.md:5: unknown rule id or category 'spacing.double-spaces' in newslint-disable; "
        "did you mean 'spacing.double-space'?"
    ]


def test_a_misspelt_directive_is_a_warning() -> None:
    result = check_text(HEAD + "<!-- newslint-disabel -->\n\nOne  two.\n", "story.md")
    assert len(result.findings) == 1
    assert result.warnings and "unknown directive 'newslint-disabel'" in result.warnings[0]
    assert "did you mean 'disable'" in result.warnings[0]


def test_other_comments_are_ignored() -> None:
    result = check_text(HEAD + "<!-- editor: check the figures -->\n\nOne  two.\n", "story.md")
    assert len(result.findings) == 1 and result.warnings == []


def test_warnings_reach_stderr_without_changing_the_exit_status(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(HEAD + "<!-- newslint-disable nonsense -->\n\nAll is well.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(story)])
    assert result.exit_code == 0
    assert f"newslint: warning: {story}:5: unknown rule id or category 'nonsense'" in result.stderr


# per_file_ignores -----------------------------------------------------------------------------


def test_per_file_ignores_by_glob_for_any_format(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        {"per_file_ignores": {"archive/**": ["spacing.double-space"], "*.wire.txt": "spacing"}},
    )
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(HEAD + "One  two , three.\n", encoding="utf-8")
    (tmp_path / "today.wire.txt").write_text(HEAD + "One  two , three.\n", encoding="utf-8")
    (tmp_path / "today.txt").write_text(HEAD + "One  two , three.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--format",
            "json",
            "--show-suppressed",
            "--config",
            str(tmp_path / "rules.yaml"),
            str(tmp_path),
        ],
    )
    document = json.loads(result.stdout)
    rules = {Path(f["path"]).name: [x["rule"] for x in f["findings"]] for f in document["files"]}
    assert rules == {
        "old.txt": ["spacing.space-before-punctuation"],
        "today.wire.txt": [],
        "today.txt": ["spacing.double-space", "spacing.space-before-punctuation"],
    }
    summary = document["summary"]
    assert summary["suppressed"] == 3
    assert summary["suppressed_rules"] == {"spacing.double-space": 2, "spacing.space-before-punctuation": 1}


def test_show_suppressed_in_the_text_report(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(HEAD + "<!-- newslint-disable spacing -->\n\nOne  two , three.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--show-suppressed", str(story)])
    assert result.exit_code == 0
    assert (
        "0 findings in 1 file; 2 suppressed (spacing.double-space 1, spacing.space-before-punctuation 1)"
        in result.stdout
    )
    plain = CliRunner().invoke(main, ["check", str(story)])
    assert "suppressed" not in plain.stdout


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"*.md": ["spacing.double-spaces"]}, "unknown rule id or category 'spacing.double-spaces'"),
        ({"*.md": [3]}, "give rule ids or categories"),
        ({"*.md": {"spacing": True}}, "give rule ids or categories"),
    ],
)
def test_bad_per_file_ignores_are_configuration_errors(tmp_path: Path, table: dict, message: str) -> None:
    path = write_config(tmp_path, {"per_file_ignores": table})
    with pytest.raises(ConfigError, match=message) as raised:
        Session.create(load_config(path))
    assert raised.value.path == str(path) and raised.value.line == 2


def test_per_file_ignores_accept_categories_and_plugins_of_local_rules(tmp_path: Path) -> None:
    path = write_config(
        tmp_path,
        {"plugins": [str(FIXTURES / "desk_plugin.py")], "per_file_ignores": {"*.md": ["desk", "typos"]}},
    )
    Session.create(load_config(path))  # no error


def test_the_result_cache_keeps_suppressions_and_warnings(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(
        HEAD + "<!-- newslint-disable spacing.double-space nonsense -->\n\nOne  two , three.\n",
        encoding="utf-8",
    )
    args = ["check", "--show-suppressed", "--cache-dir", str(tmp_path / "cache"), str(story)]
    first = CliRunner().invoke(main, args)
    second = CliRunner().invoke(main, args)  # from the cache
    assert list((tmp_path / "cache").rglob("*.json"))
    for result in (first, second):
        assert "1 finding in 1 file (1 warning); 1 suppressed (spacing.double-space 1)" in result.stdout
        assert "unknown rule id or category 'nonsense'" in result.stderr
