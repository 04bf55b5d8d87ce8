"""Baselines: record today's findings, then report and fail on new ones only."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.baseline import surroundings
from newslint.cli import main

OLD = "Storm closes schools\n\nBy Ann Lee\n\nThe storm  closed schools , police said.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "old.txt").write_text(OLD, encoding="utf-8")
    (folder / "clean.txt").write_text("Quiet day\n\nBy Ann Lee\n\nNothing happened.\n", encoding="utf-8")
    return folder


def test_write_baseline_records_findings_by_rule_file_and_text(tmp_path: Path) -> None:
    folder = archive(tmp_path)
    baseline = tmp_path / "newslint-baseline.json"
    status, _out, err = run("--write-baseline", str(baseline), str(folder))
    assert status == 0
    assert f"recorded 2 findings in {baseline}" in err
    document = json.loads(baseline.read_text(encoding="utf-8"))
    assert document["version"] == 1
    assert document["findings"] == [
        {
            "rule": "spacing.double-space",
            "path": "articles/old.txt",
            "text": " ",
            "before": "The storm",
            "after": "closed schools , police ",
            "count": 1,
        },
        {
            "rule": "spacing.space-before-punctuation",
            "path": "articles/old.txt",
            "text": " ,",
            "before": "The storm closed schools",
            "after": " police said.",
            "count": 1,
        },
    ]
    assert "line" not in json.dumps(document)


def test_baseline_hides_known_findings_and_survives_edits_elsewhere(tmp_path: Path) -> None:
    folder = archive(tmp_path)
    baseline = tmp_path / "baseline.json"
    run("--write-baseline", str(baseline), str(folder))
    assert run("--baseline", str(baseline), str(folder))[0] == 0
    # A new paragraph above moves every line; the old findings are still known.
    story = folder / "old.txt"
    story.write_text(
        OLD.replace("By Ann Lee\n\n", "By Ann Lee\n\nA new first paragraph.\n\n"), encoding="utf-8"
    )
    status, out, _err = run("--baseline", str(baseline), "--show-suppressed", str(folder))
    assert status == 0, out
    assert "0 findings in 2 files; 0 suppressed; 2 in the baseline" in out
    # A new problem is reported, and only it.
    story.write_text(story.read_text(encoding="utf-8") + "\nA second  storm is due.\n", encoding="utf-8")
    status, out, _err = run("--baseline", str(baseline), "--format", "json", str(folder))
    assert status == 1
    findings = [f for entry in json.loads(out)["files"] for f in entry["findings"]]
    assert [(f["rule"], f["line"]) for f in findings] == [("spacing.double-space", 9)]


def test_identical_findings_are_counted(tmp_path: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    story = folder / "s.txt"
    line = "The storm  closed schools.\n"
    story.write_text("Storm\n\nBy Ann Lee\n\n" + line * 2, encoding="utf-8")
    baseline = tmp_path / "b.json"
    run("--write-baseline", str(baseline), str(folder))
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"][-1]["count"] == 1
    story.write_text("Storm\n\nBy Ann Lee\n\n" + line * 3, encoding="utf-8")
    status, out, _err = run("--baseline", str(baseline), "--format", "json", str(folder))
    assert status == 1
    assert len(json.loads(out)["files"][0]["findings"]) == 1


def test_paths_are_relative_to_the_baseline_so_it_travels(tmp_path: Path, monkeypatch) -> None:
    folder = archive(tmp_path)
    baseline = tmp_path / "baseline.json"
    monkeypatch.chdir(folder)
    run("--write-baseline", str(baseline), "old.txt")
    monkeypatch.chdir(tmp_path)
    assert run("--baseline", str(baseline), "articles/old.txt")[0] == 0


def test_a_fixed_finding_is_simply_gone(tmp_path: Path) -> None:
    folder = archive(tmp_path)
    baseline = tmp_path / "baseline.json"
    run("--write-baseline", str(baseline), str(folder))
    run("--fix", str(folder))
    assert run("--baseline", str(baseline), str(folder))[0] == 0


def test_a_missing_or_broken_baseline_is_an_error(tmp_path: Path) -> None:
    folder = archive(tmp_path)
    status, _out, err = run("--baseline", str(tmp_path / "nope.json"), str(folder))
    assert status == 2 and "cannot read baseline" in err
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    status, _out, err = run("--baseline", str(tmp_path / "bad.json"), str(folder))
    assert status == 2 and "not a newslint baseline" in err
    status, _out, err = run("--baseline", "a.json", "--write-baseline", "b.json", str(folder))
    assert status == 2 and "cannot be combined" in err


def test_surroundings_ignore_line_wrapping() -> None:
    one = "the storm closed\nschools  on Monday and\r\nagain today"
    two = "the storm closed schools  on Monday and again today"
    at_one, at_two = one.index("  "), two.index("  ")
    assert surroundings(one, at_one, at_one + 2) == surroundings(two, at_two, at_two + 2)
