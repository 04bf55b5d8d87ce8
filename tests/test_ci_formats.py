"""CI report formats: SARIF 2.1.0 (validated against the official schema), GitHub workflow commands, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import FIXTURES, write_config

from newslint.cli import main

SHARED = Path(__file__).parents[1].parent / "shared"
SCHEMA = SHARED / "data/sarif-schema-2.1.0.json"
SEED = SHARED / "examples/seed-article.txt"
needs_schema = pytest.mark.skipif(not SCHEMA.is_file(), reason=f"the SARIF schema is not at {SCHEMA}")

STORY = "Ferry resumes\n\nBy Lena Ortiz\n\nThe ferry ran  on Monday , the harbor master said.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


def validate_sarif(text: str) -> dict:
    log = json.loads(text)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    return log


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "desk" / "ferry.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


# SARIF ------------------------------------------------------------------------------------------


@needs_schema
@pytest.mark.skipif(not SEED.is_file(), reason=f"the shared example article is not at {SEED}")
def test_sarif_of_the_example_article_is_valid() -> None:
    status, out, _err = run("--format", "sarif", str(SEED))
    assert status in (0, 1)
    log = validate_sarif(out)
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["rules"]


@needs_schema
def test_sarif_results_rules_locations_and_fixes(story: Path) -> None:
    status, out, _err = run("--format", "sarif", "desk/ferry.txt", "desk/missing.txt")
    assert status == 2
    log = validate_sarif(out)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert "spacing.double-space" in ids
    double = rules[ids.index("spacing.double-space")]
    assert double["shortDescription"]["text"] == "Two or more spaces between words or sentences"
    assert double["defaultConfiguration"]["level"] == "warning"
    assert "spacing" in double["properties"]["tags"]
    assert "Why" in double["help"]["text"]
    assert run_["columnKind"] == "unicodeCodePoints"
    results = run_["results"]
    assert [r["ruleId"] for r in results] == ["spacing.double-space", "spacing.space-before-punctuation"]
    first = results[0]
    assert ids[first["ruleIndex"]] == first["ruleId"]
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "desk/ferry.txt"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {
        "startLine": 5,
        "startColumn": 14,
        "endLine": 5,
        "endColumn": 16,
        "charOffset": STORY.index("  "),
        "charLength": 2,
        "snippet": {"text": "  "},
    }
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == " "
    assert first["partialFingerprints"]["newslintContext/v1"]
    notification = run_["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["level"] == "error" and "no such file" in notification["message"]["text"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert [a["location"]["uri"] for a in run_["artifacts"]] == ["desk/ferry.txt", "desk/missing.txt"]


@needs_schema
def test_sarif_fingerprint_follows_the_text_not_the_line(story: Path) -> None:
    first = validate_sarif(run("--format", "sarif", str(story))[1])["runs"][0]["results"][0]
    story.write_text(
        STORY.replace("By Lena Ortiz\n\n", "By Lena Ortiz\n\nA new paragraph.\n\n"), encoding="utf-8"
    )
    moved = validate_sarif(run("--format", "sarif", str(story))[1])["runs"][0]["results"][0]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert moved["partialFingerprints"] == first["partialFingerprints"]


@needs_schema
def test_sarif_describes_local_rules_and_maps_info_to_note(story: Path, tmp_path: Path) -> None:
    write_config(tmp_path, {"plugins": [str(FIXTURES / "desk_plugin.py")]})
    story.write_text(STORY + "\nTeh ferry was late, city officials said.\n", encoding="utf-8")
    log = validate_sarif(run("--format", "sarif", "--config", "rules.yaml", str(story))[1])
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels["desk.unnamed-officials"] == "note"
    assert "desk.teh" in [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]


@needs_schema
def test_sarif_of_a_clean_run_is_valid(story: Path) -> None:
    story.write_text("Quiet\n\nBy Ann Lee\n\nNothing happened.\n", encoding="utf-8")
    status, out, _err = run("--format", "sarif", str(story))
    assert status == 0
    assert validate_sarif(out)["runs"][0]["results"] == []


# GitHub workflow commands -------------------------------------------------------------------------


def test_github_workflow_commands(story: Path) -> None:
    status, out, _err = run("--format", "github", "desk/ferry.txt")
    assert status == 1
    assert out.splitlines() == [
        "::warning file=desk/ferry.txt,line=5,col=14,endLine=5,endColumn=16,title=spacing.double-space"
        "::2 spaces between words; use one (suggestion: “ ”)",
        "::warning file=desk/ferry.txt,line=5,col=25,endLine=5,endColumn=27,"
        "title=spacing.space-before-punctuation::space before “,” (suggestion: “,”)",
    ]


def test_github_escapes_and_severities(story: Path, tmp_path: Path) -> None:
    rules = {"desk.teh": "error", "typos.misspelling": "off"}  # the typos plugin would flag "teh" too
    write_config(tmp_path, {"plugins": [str(FIXTURES / "desk_plugin.py")], "rules": rules})
    odd = tmp_path / "desk" / "a,b:c%.txt"
    odd.write_text("Ferry\n\nBy Ann Lee\n\nteh ferry was late, city officials said.\n", encoding="utf-8")
    out = run("--format", "github", "--config", "rules.yaml", "desk/a,b:c%.txt")[1]
    lines = out.splitlines()
    assert lines[0].startswith("::error file=desk/a%2Cb%3Ac%25.txt,line=5,col=1,")
    assert lines[1].startswith("::notice file=desk/a%2Cb%3Ac%25.txt,")
    from newslint.reporters.github import escape_data

    assert escape_data("50% off\r\nnow") == "50%25 off%0D%0Anow"


def test_github_reports_unreadable_files(story: Path) -> None:
    status, out, _err = run("--format", "github", "desk/missing.txt")
    assert status == 2
    assert out == "::error file=desk/missing.txt,title=newslint::no such file or directory\n"


# JUnit -----------------------------------------------------------------------------------------


def test_junit_has_one_test_case_per_article(story: Path) -> None:
    (story.parent / "clean.txt").write_text("Quiet\n\nBy Ann Lee\n\nNothing happened.\n", encoding="utf-8")
    status, out, _err = run("--format", "junit", "desk", "desk/missing.txt")
    assert status == 2
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"desk/clean.txt", "desk/ferry.txt", "desk/missing.txt"}
    assert list(cases["desk/clean.txt"]) == []
    failure = cases["desk/ferry.txt"].find("failure")
    assert failure is not None and failure.get("message") == "2 findings at or above warning"
    assert failure.text is not None and failure.text.splitlines() == [
        "desk/ferry.txt:5:14: warning spacing.double-space 2 spaces between words; use one (suggestion: “ ”)",
        "desk/ferry.txt:5:25: warning spacing.space-before-punctuation space before “,” (suggestion: “,”)",
    ]
    assert cases["desk/missing.txt"].find("error") is not None


def test_junit_lists_findings_below_the_fail_level_as_output(story: Path) -> None:
    status, out, _err = run("--format", "junit", "--fail-level", "error", "desk/ferry.txt")
    assert status == 0
    case = ET.fromstring(out).find("testsuite/testcase")
    assert case is not None and case.find("failure") is None
    output = case.find("system-out")
    assert output is not None and output.text is not None and "spacing.double-space" in output.text


def test_every_format_is_listed_in_help() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    for name in ("text", "json", "sarif", "github", "junit", "html"):
        assert name in result.stdout


def test_the_example_workflow_uploads_sarif_and_runs_the_gate() -> None:
    import yaml

    workflow = yaml.safe_load(
        (Path(__file__).parents[1] / "docs/github-actions.yml").read_text(encoding="utf-8")
    )
    steps = workflow["jobs"]["newslint"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    runs = " ".join(step.get("run", "") for step in steps)
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert "--format sarif --output newslint.sarif" in runs
    assert "--format github" in runs and "--format html" in runs
    assert workflow["permissions"]["security-events"] == "write"
