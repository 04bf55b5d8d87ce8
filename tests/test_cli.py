"""The command line, through click's test runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, write_config

from newslint import __version__
from newslint.cli import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CLEAN = "Council approves budget\n\nThe council approved the budget on Monday.\n"
DIRTY = "Council approves budget\n\nThe council approved  the budget on Monday.\n"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_clean_article_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 0, result.output
    assert "0 findings in 1 file" in result.output


def test_text_report_shows_location_excerpt_and_suggestion(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{path}:3:21: warning spacing.double-space 2 spaces between words; use one"
    assert lines[1] == "    | The council approved  the budget on Monday."
    assert lines[2].startswith("    |                     ^^ → “ ”")
    assert "1 finding in 1 file (1 warning)" in result.output
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_quiet_prints_only_findings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    result = run("check", "--quiet", str(path))
    assert result.output.count("\n") == 1


def test_json_report_follows_the_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\ufeff" + DIRTY.replace("\n", "\r\n"), encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    document = json.loads(result.output)
    assert document["version"] == 1
    (entry,) = document["files"]
    (finding,) = entry["findings"]
    text = path.read_bytes().decode("utf-8-sig")
    assert text[finding["start"] : finding["end"]] == finding["text"] == "  "
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 21, 23)
    assert set(finding) == {
        "rule",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "text",
        "suggestions",
    }
    assert document["summary"] == {"files": 1, "findings": 1, "error": 0, "warning": 1, "info": 0}


@pytest.mark.skipif(
    not (SHARED / "tools" / "check-contract").exists(),
    reason="../shared/tools/check-contract is not beside this checkout",
)
def test_shared_contract_checker_accepts_our_output(tmp_path):
    inputs = [
        str(FIXTURES / name) for name in ("plain-article.txt", "markdown-article.md", "html-article.html")
    ]
    seed = SHARED / "examples" / "seed-article.txt"
    if seed.exists():
        inputs.append(str(seed))
    output = tmp_path / "out.json"
    output.write_text(run("check", "--format", "json", *inputs).output, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check-contract"), "--json", str(output), *inputs],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("contract ok")


def test_directory_with_binary_and_invalid_files_reports_them_and_lints_the_rest(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 society".encode("latin-1"))
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    by_name = {Path(f["path"]).name: f for f in document["files"]}
    assert set(by_name) == {"binary.txt", "latin1.txt", "good.txt"}
    assert "binary file" in by_name["binary.txt"]["error"]
    assert "not valid UTF-8" in by_name["latin1.txt"]["error"]
    assert [f["rule"] for f in by_name["good.txt"]["findings"]] == ["spacing.double-space"]


def test_unreadable_file_error_is_one_line_naming_the_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"abc\xff")
    result = run("check", str(tmp_path / "bad.txt"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.txt'}: error: not valid UTF-8" in result.output


def test_missing_file_is_an_error_but_the_batch_runs(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path / "missing.txt"), str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    files = json.loads(result.stdout)["files"]
    assert files[0]["error"] == "no such file or directory"
    assert len(files[1]["findings"]) == 1


def test_ignore_globs_skip_paths_in_folders(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "new.txt").write_text(DIRTY, encoding="utf-8")
    config = write_config(tmp_path, {"ignore": ["archive/**", "*.md"]})
    result = run("check", "--config", str(config), "--format", "json", str(tmp_path))
    assert [Path(f["path"]).name for f in json.loads(result.stdout)["files"]] == ["new.txt"]


def test_stdin_with_a_filename(tmp_path):
    result = run("check", "-", "--stdin-filename", "story.md", "--format", "json", input=DIRTY.encode())
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["path"] == "story.md"
    assert entry["findings"][0]["rule"] == "spacing.double-space"


def test_fail_level_error_ignores_warnings(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert run("check", "--fail-level", "error", str(tmp_path / "a.txt")).exit_code == 0
    assert run("check", "--fail-level", "info", str(tmp_path / "a.txt")).exit_code == 1


def test_select_and_ignore(tmp_path):
    (tmp_path / "a.txt").write_text("Head\n\nHe spoke  on Monday , then left.\n", encoding="utf-8")
    path = str(tmp_path / "a.txt")

    def rules(*args):
        return [
            f["rule"]
            for f in json.loads(run("check", "--format", "json", *args, path).stdout)["files"][0]["findings"]
        ]

    assert rules() == ["spacing.double-space", "spacing.space-before-punctuation"]
    assert rules("--select", "spacing.double-space") == ["spacing.double-space"]
    assert rules("--ignore", "spacing.double-space,spacing.missing-space-after-punctuation") == [
        "spacing.space-before-punctuation"
    ]
    assert rules("--ignore", "spacing") == []


def test_unknown_selector_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", "--select", "spacing.dubble-space", "x.txt"])
    assert result.exit_code == 2
    assert "did you mean 'spacing.double-space'" in result.output


def test_config_with_misspelt_rule_id_exits_2_with_suggestion(tmp_path):
    config = write_config(tmp_path, "rules:\n  spacing.doubel-space: off\n")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert f"{config}:2: unknown rule id or category 'spacing.doubel-space'" in result.output
    assert "did you mean 'spacing.double-space'" in result.output


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == ["RULE", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"]
    row = next(line for line in result.output.splitlines() if line.startswith("spacing.double-space"))
    assert row.split()[1:4] == ["spacing", "warning", "yes"]


def test_rules_json():
    rows = json.loads(run("rules", "--format", "json").output)
    assert {"id", "category", "severity", "fixable", "summary"} <= set(rows[0])


def test_explain_prints_the_documentation():
    result = run("explain", "spacing.missing-space-after-punctuation")
    assert result.exit_code == 0
    for heading in ("What it does", "Why", "Example", "Use instead"):
        assert heading in result.output
    assert "hour.The ministers" in result.output


def test_explain_unknown_rule_suggests():
    result = CliRunner().invoke(main, ["explain", "spacing.double-spaces"])
    assert result.exit_code == 2
    assert "did you mean 'spacing.double-space'" in result.output


def test_plugins_lists_builtin_entry_points():
    result = run("plugins")
    assert result.exit_code == 0
    line = next(line for line in result.output.splitlines() if line.startswith("spacing"))
    assert "entry point" in line and "newslint_plugins.spacing" in line


def test_no_color_env_and_non_terminal_mean_no_escape_codes(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert "\x1b[" not in run("check", str(tmp_path / "a.txt")).output
