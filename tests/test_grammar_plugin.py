"""The grammar plugin end to end, against a stand-in LanguageTool server on a loopback port.

The server (``languagetool_fake.py``) answers ``/v2/languages`` and
``/v2/check`` in LanguageTool's documented JSON format, so
language-tool-python's real HTTP path (remote mode) is exercised.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_config
from languagetool_fake import (
    PROBE_TEXT,
    FakeLanguageTool,
    FakeRule,
    check_document,
    fake_install,
    refusing_url,
    utf16_length,
)

from newslint.cli import main

STORY = (
    "Talks resume as the Russian are said to be ready\n\n"
    "MOSCOW — Residents say the Russian are preparing for talks. "
    "Direct communications is considered vital, said Adaeze Okafor.\n"
)


@pytest.fixture(autouse=True)
def _languagetool_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """LanguageTool as the settings say, with no local install unless a test makes one."""
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_MODE", raising=False)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp-empty"))


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def setup(
    tmp_path: Path, text: str, section: dict[str, Any] | None = None, **config: Any
) -> tuple[Path, Path]:
    """Write an article and a rules.yaml; return their paths."""
    article = tmp_path / "story.txt"
    article.write_text(text, encoding="utf-8")
    data: dict[str, Any] = dict(config)
    if section is not None:
        data["languagetool"] = section
    return article, write_config(tmp_path, data)


def check_json(article: Path, config: Path, *extra: str) -> tuple[Any, list[dict[str, Any]]]:
    result = run("check", "--format", "json", "--config", str(config), *extra, str(article))
    document = json.loads(result.stdout)
    return result, document["files"][0]["findings"]


def server_section(fake: FakeLanguageTool, **more: Any) -> dict[str, Any]:
    return {"mode": "server", "server": fake.url, "timeout": 2, **more}


# Matches become findings --------------------------------------------------------------


def test_matches_become_findings_with_message_suggestions_and_file_positions(tmp_path):
    markdown = "---\ntitle: Talks\n---\n\n# Talks resume\n\nResidents say **the Russian are** preparing.\n"
    article = tmp_path / "story.md"
    article.write_text(markdown, encoding="utf-8")
    with FakeLanguageTool() as fake:
        config = write_config(tmp_path, {"languagetool": server_section(fake)})
        result, findings = check_json(article, config)
    assert result.exit_code == 1, result.output
    [finding] = findings
    assert finding["rule"] == "grammar.russian-are"
    assert finding["category"] == "grammar"
    assert finding["severity"] == "warning"
    assert finding["message"] == "The plural “Russians” agrees with “are”."
    assert finding["suggestions"] == ["Russians are"]
    assert finding["text"] == "Russian are"
    assert markdown[finding["start"] : finding["end"]] == "Russian are"
    assert (finding["line"], finding["column"]) == (7, 21)
    # Front matter and markup were not sent; the story text was.
    [sent] = fake.checks()
    assert "title:" not in sent["text"] and "**" not in sent["text"] and "#" not in sent["text"]
    assert sent["text"].startswith("Talks resume\n\nResidents say the Russian are")


def test_offsets_after_and_over_emoji_map_to_code_points(tmp_path):
    text = "Fans cheer 😀😀 loudly\n\nThe 🎉 crowd said the Russian are happy. A 🎉 party followed 🎉.\n"
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
    spans = {f["rule"]: text[f["start"] : f["end"]] for f in findings}
    assert spans == {"grammar.russian-are": "Russian are", "grammar.emoji-party": "🎉 party"}
    assert all(f["text"] == text[f["start"] : f["end"]] for f in findings)


def test_a_hand_written_check_answer_is_read_exactly(tmp_path):
    # A complete /v2/check answer written by hand in LanguageTool's format: offsets and
    # lengths in UTF-16 code units, so the emoji before the error counts two.
    text = "Rally ends 🎉\n\nThe crowd were its biggest, irregardless of rain.\n"
    sent = "Rally ends 🎉\n\nThe crowd were its biggest, irregardless of rain."
    offset = 43  # 42 characters before "irregardless", one of them an emoji of two UTF-16 units
    assert offset == utf16_length(sent[: sent.index("irregardless")]) == sent.index("irregardless") + 1
    canned = check_document(
        "en-US",
        [
            {
                "message": "“Irregardless” is non-standard; use “regardless”.",
                "shortMessage": "Non-standard word",
                "replacements": [{"value": "regardless"}, {"value": "irrespective"}],
                "offset": offset,
                "length": 12,
                "context": {
                    "text": "...crowd were its biggest, irregardless of rain.",
                    "offset": 29,
                    "length": 12,
                },
                "sentence": "The crowd were its biggest, irregardless of rain.",
                "type": {"typeName": "Other"},
                "rule": {
                    "id": "IRREGARDLESS",
                    "subId": "1",
                    "sourceFile": "grammar.xml",
                    "description": "irregardless (regardless)",
                    "issueType": "grammar",
                    "urls": [{"value": "https://example.org/irregardless"}],
                    "category": {"id": "NONSTANDARD_PHRASES", "name": "Nonstandard Phrases"},
                },
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 6,
            }
        ],
        "6.4",
    )
    with FakeLanguageTool(canned=canned) as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
        assert fake.checks()[0]["text"] == sent
    [finding] = findings
    assert finding["rule"] == "grammar.irregardless"
    assert finding["text"] == "irregardless"
    assert finding["suggestions"] == ["regardless", "irrespective"]


def test_the_request_carries_language_rules_categories_and_level(tmp_path):
    with FakeLanguageTool() as fake:
        section = server_section(
            fake,
            disabled_rules=["grammar.en-a-vs-an", "EN_QUOTES"],
            enabled_rules=["EN_PLAIN_ENGLISH_REPLACE"],
            disabled_categories=["TYPOGRAPHY"],
            picky=True,
        )
        article, config = setup(tmp_path, STORY, section, language="en-GB")
        _, findings = check_json(article, config)
    [sent] = fake.checks()
    assert sent["language"] == "en-GB"
    assert set(sent["disabledRules"].split(",")) == {"EN_A_VS_AN", "EN_QUOTES"}
    assert sent["enabledRules"] == "EN_PLAIN_ENGLISH_REPLACE"
    assert sent["disabledCategories"] == "TYPOGRAPHY"
    assert sent["level"] == "picky"
    assert {f["rule"] for f in findings} == {"grammar.russian-are", "grammar.subject-verb-agreement"}


def test_style_issues_are_info_and_errors_are_warnings(tmp_path):
    text = "Headline\n\nIt was a very unique day, and the Russian are pleased.\n"
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
    severities = {f["rule"]: f["severity"] for f in findings}
    assert severities == {"grammar.en-redundancy-very-unique": "info", "grammar.russian-are": "warning"}


# Filters -------------------------------------------------------------------------------


def test_spelling_matches_on_house_words_and_names_are_dropped_real_typos_kept(tmp_path):
    text = (
        "Council meets\n\n"
        "The goverment said Mayor Okafor would attend the hourlong meeting. "
        "Zorblat was not mentioned.\n\n"
        "Hourlong talks followed, Okafor’s aides said.\n"
    )
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake), dictionary={"accept": ["hourlong"]})
        _, findings = check_json(article, config)
    flagged = [f["text"] for f in findings if f["rule"] == "grammar.morfologik-rule-en-us"]
    # Okafor is a name (capitalised mid-sentence); hourlong is a house word, in either case.
    # Zorblat only starts a sentence, so nothing says it is a name.  The typos plugin
    # reports "goverment" itself, so LanguageTool's match on it is dropped as a duplicate.
    assert flagged == ["Zorblat"]
    assert [f["text"] for f in findings if f["rule"] == "typos.misspelling"] == ["goverment"]


def test_style_matches_inside_quotations_are_dropped_grammar_kept(tmp_path):
    text = (
        "Verdict reached\n\n"
        "“It is a very unique case, irregardless of the cost,” the judge said. "
        "Critics called it a very unique ruling.\n"
    )
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
    kept = [(f["rule"], f["start"]) for f in findings]
    quote_end = text.index("”")
    style = [start for rule, start in kept if rule == "grammar.en-redundancy-very-unique"]
    assert len(style) == 1 and style[0] > quote_end  # only the one outside the quotation
    assert any(rule == "grammar.irregardless" and start < quote_end for rule, start in kept)


def test_matches_over_urls_are_dropped(tmp_path):
    text = "Site launched\n\nDetails are at https://example.com/budget and example.com says more.\n"
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
    assert findings == []


def test_one_problem_one_finding_with_the_spacing_rules(tmp_path):
    text = "Port reopens\n\nThe port reopened  on Tuesday.\n"
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, text, server_section(fake))
        _, findings = check_json(article, config)
        assert [f["rule"] for f in findings] == ["spacing.double-space"]
        # With the spacing rule off, LanguageTool's finding is the one reported.
        _, findings = check_json(article, config, "--ignore", "spacing.double-space")
        assert [f["rule"] for f in findings] == ["grammar.whitespace-rule"]


# Rule ids in the configuration and on the command line ------------------------------------


def test_select_ignore_and_severities_work_on_grammar_ids(tmp_path):
    with FakeLanguageTool() as fake:
        rules = {"grammar.russian-are": "error", "grammar.subject-verb-agreement": "off"}
        article, config = setup(tmp_path, STORY, server_section(fake), rules=rules)
        _, findings = check_json(article, config)
        assert {(f["rule"], f["severity"]) for f in findings} == {("grammar.russian-are", "error")}
        _, findings = check_json(article, config, "--select", "grammar.en-a-vs-an,grammar.russian-are")
        assert {f["rule"] for f in findings} == {"grammar.russian-are"}
        before = len(fake.checks())
        result, findings = check_json(article, config, "--ignore", "grammar")
        assert findings == [] and result.exit_code == 0
        result, findings = check_json(article, config, "--select", "spacing")
        assert findings == []
        assert len(fake.checks()) == before  # LanguageTool was not asked when no grammar rule runs


def test_a_grammar_category_switched_off_asks_nothing(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake), rules={"grammar": "off"})
        result, findings = check_json(article, config)
    assert findings == [] and fake.requests == []
    assert result.stderr == ""


def test_explain_describes_a_grammar_rule_and_remembers_examples(tmp_path):
    result = run("explain", "grammar.en-a-vs-an")
    assert result.exit_code == 0
    assert "grammar.en-a-vs-an  (grammar" in result.output
    assert "The mayor named a interim director" in result.output
    assert "community.languagetool.org/rule/show/EN_A_VS_AN" in result.output
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        check_json(article, config)
    result = run("explain", "grammar.russian-are")
    assert result.exit_code == 0
    # The first example seen is kept: here the headline, with LanguageTool's suggestion applied.
    assert "Talks resume as the Russian are said to be ready" in result.output
    assert "Talks resume as the Russians are said to be ready" in result.output
    assert "category GRAMMAR" in result.output


def test_unknown_shapes_of_grammar_ids_are_rejected():
    result = run("explain", "grammar.EN_A_VS_AN")
    assert result.exit_code == 2
    assert "unknown rule id" in result.output


# One connection, and the LanguageTool cache ---------------------------------------------


def test_one_connection_per_run_and_no_second_check_of_unchanged_copy(tmp_path):
    with FakeLanguageTool() as fake:
        _, config = setup(tmp_path, STORY, server_section(fake))
        folder = tmp_path / "articles"
        folder.mkdir()
        for n in range(3):
            (folder / f"a{n}.txt").write_text(STORY.replace("Okafor", f"Okafor{n}"), encoding="utf-8")
        first = run("check", "--config", str(config), str(folder))
        languages = [r for r in fake.requests if r[1] == "/v2/languages"]
        assert len(languages) == 1 and fake.probes() == 1 and len(fake.checks()) == 3
        second = run("check", "--config", str(config), str(folder))
        assert len(fake.checks()) == 3  # all three answers came from the LanguageTool cache
        assert second.stdout == first.stdout
        run("check", "--no-cache", "--config", str(config), str(folder))
        assert len(fake.checks()) == 6
    cache = Path(__import__("os").environ["NEWSLINT_CACHE_DIR"]) / "languagetool"
    assert len(list(cache.glob("*/*.json"))) == 3


def test_changed_settings_or_server_version_miss_the_cache(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        check_json(article, config)
        write_config(tmp_path, {"languagetool": server_section(fake, picky=True)})
        check_json(article, config)
        assert len(fake.checks()) == 2
        fake.version = "6.5"
        check_json(article, config)
        assert len(fake.checks()) == 3


def test_no_cache_writes_nothing(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        check_json(article, config, "--no-cache")
    cache = Path(__import__("os").environ["NEWSLINT_CACHE_DIR"]) / "languagetool"
    assert not list(cache.glob("*/*.json"))


def test_a_long_article_goes_in_requests_within_the_limit(tmp_path):
    body = "\n\n".join(f"Paragraph {n}: the Russian are mentioned once more here." for n in range(60))
    with FakeLanguageTool() as fake:
        article, config = setup(
            tmp_path, "Headline\n\n" + body + "\n", server_section(fake, max_request_chars=1000)
        )
        _, findings = check_json(article, config)
    assert len(fake.checks()) > 3
    assert all(len(sent["text"]) <= 1000 for sent in fake.checks())
    assert len([f for f in findings if f["rule"] == "grammar.russian-are"]) == 60


# Modes ------------------------------------------------------------------------------------


def test_auto_without_languagetool_skips_with_one_notice_and_keeps_the_exit_status(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "clean.txt").write_text("Clean\n\nThe council met.\n", encoding="utf-8")
    (folder / "clean2.txt").write_text("Clean too\n\nThe council met again.\n", encoding="utf-8")
    config = write_config(tmp_path, {"languagetool": {"mode": "auto"}})
    result = run("check", "--config", str(config), str(folder))
    assert result.exit_code == 0
    assert result.stderr.count("newslint: grammar:") == 1
    assert "LanguageTool is not set up" in result.stderr
    (folder / "spaced.txt").write_text("Spaced\n\nThe council  met.\n", encoding="utf-8")
    result = run("check", "--config", str(config), str(folder))
    assert result.exit_code == 1  # the spacing finding, not the missing LanguageTool
    assert "spacing.double-space" in result.stdout


def test_off_asks_nothing_and_says_nothing(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, {"mode": "off", "server": fake.url})
        result, findings = check_json(article, config)
    assert findings == [] and fake.requests == [] and result.stderr == ""


def test_the_environment_can_switch_languagetool_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_MODE", "off")
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        check_json(article, config)
    assert fake.requests == []


def test_the_environment_can_name_the_server(tmp_path, monkeypatch):
    with FakeLanguageTool() as fake:
        monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", fake.url + "/v2/")
        article, config = setup(tmp_path, STORY, {"mode": "server"})
        _, findings = check_json(article, config)
    assert "grammar.russian-are" in {f["rule"] for f in findings}


SPACED_STORY = STORY.replace("Residents say", "Residents  say")


def test_a_refusing_server_is_one_error_line_and_exit_2_in_server_mode(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(SPACED_STORY, encoding="utf-8")
    config = write_config(
        tmp_path, {"languagetool": {"mode": "server", "server": refusing_url(), "timeout": 2}}
    )
    result = run("check", "--config", str(config), str(folder))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, result.stderr
    assert "refused the connection" in errors[0] and "Traceback" not in result.output
    assert result.stdout.count("spacing.double-space") == 3  # the other plugins' findings are all there


def test_a_refusing_server_in_auto_mode_is_a_notice_only(tmp_path):
    article, config = setup(tmp_path, SPACED_STORY, {"mode": "auto", "server": refusing_url()})
    result = run("check", "--config", str(config), str(article))
    assert result.exit_code == 1  # the spacing finding
    assert result.stderr.count("\n") == 1 and "refused the connection" in result.stderr
    assert "grammar rules skipped" in result.stderr


@pytest.mark.parametrize(
    ("behaviour", "hang_probe", "expected"),
    [
        ("hang", False, "did not answer within 0.5 s"),
        ("hang", True, "did not answer within 0.5 s"),
        ("garbage", False, "not a LanguageTool check result: 502 Bad Gateway"),
        ("not-a-result", False, "not a LanguageTool check result"),
    ],
)
def test_a_misbehaving_server_is_one_clear_line(tmp_path, behaviour, hang_probe, expected):
    with FakeLanguageTool(behaviour=behaviour, hang_probe=hang_probe, delay=2) as fake:
        article, config = setup(tmp_path, SPACED_STORY, server_section(fake, timeout=0.5))
        result = run("check", "--config", str(config), str(article))
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert expected in line and len(line) < 300
    assert "spacing.double-space" in result.stdout


def test_an_unsupported_language_is_named(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake, language="xx-YY"))
        result = run("check", "--config", str(config), str(article))
    assert result.exit_code == 2
    assert "answered HTTP 400" in result.stderr and "xx-YY" in result.stderr


def test_a_loopback_server_is_reached_even_with_a_proxy_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", refusing_url())
    monkeypatch.setenv("http_proxy", refusing_url())
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        result, findings = check_json(article, config)
    assert result.exit_code == 1 and findings


# A local LanguageTool, started by newslint ----------------------------------------------


def forbid_downloads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every download path of language-tool-python record itself and fail."""
    from language_tool_python import download_lt

    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append("download")
        raise AssertionError("a lint run tried to download LanguageTool")

    for cls in (download_lt.ReleaseLocalLanguageTool, download_lt.SnapshotLocalLanguageTool):
        monkeypatch.setattr(cls, "download", refuse)
    monkeypatch.setattr(download_lt.LocalLanguageTool, "_get_remote_zip", refuse)
    return attempts


def test_a_local_install_is_started_once_per_run_and_stopped(tmp_path, monkeypatch):
    attempts = forbid_downloads(monkeypatch)
    log = fake_install(tmp_path, monkeypatch)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(STORY.replace("Okafor", f"Okafor{n}"), encoding="utf-8")
    config = write_config(tmp_path, {"languagetool": {"mode": "auto"}})
    result = run("check", "--format", "json", "--config", str(config), str(folder))
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    document = json.loads(result.stdout)
    for entry in document["files"]:
        assert "grammar.russian-are" in {f["rule"] for f in entry["findings"]}
    starts = log.read_text(encoding="utf-8").splitlines()
    assert len(starts) == 1
    assert "org.languagetool.server.HTTPServer --port" in starts[0]
    assert str(tmp_path / "ltp" / "LanguageTool-6.4" / "languagetool-server.jar") in starts[0]
    port = int(starts[0].split("--port ")[1])
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass  # the server was stopped at the end of the run
    # Unchanged copy: everything comes from the cache, so LanguageTool is not even started.
    again = run("check", "--format", "json", "--config", str(config), str(folder))
    assert again.stdout == result.stdout
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    assert attempts == []


def test_a_jar_directory_in_the_environment_is_used(tmp_path, monkeypatch):
    log = fake_install(tmp_path, monkeypatch)
    jar_dir = tmp_path / "elsewhere"
    (tmp_path / "ltp" / "LanguageTool-6.4").rename(jar_dir)
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(jar_dir))
    article, config = setup(tmp_path, STORY, {"mode": "local"})
    _, findings = check_json(article, config)
    assert "grammar.russian-are" in {f["rule"] for f in findings}
    assert str(jar_dir / "languagetool-server.jar") in log.read_text(encoding="utf-8")


def test_local_mode_without_an_install_is_an_error_and_downloads_nothing(tmp_path, monkeypatch):
    attempts = forbid_downloads(monkeypatch)
    article, config = setup(tmp_path, SPACED_STORY, {"mode": "local"})
    result = run("check", "--config", str(config), str(article))
    assert result.exit_code == 2
    assert "no local LanguageTool" in result.stderr
    assert "spacing.double-space" in result.stdout
    assert attempts == [] and not (tmp_path / "ltp-empty").exists()


def test_a_java_too_old_for_the_install_is_named(tmp_path, monkeypatch):
    log = fake_install(tmp_path, monkeypatch, java_version="1.8.0_292")
    article, config = setup(tmp_path, STORY, {"mode": "local"})
    result = run("check", "--config", str(config), str(article))
    assert result.exit_code == 2
    assert "local LanguageTool 6.4 needs Java 9 or newer" in result.stderr and "is Java 8" in result.stderr
    assert not log.exists()  # never started


def test_the_probe_text_is_what_the_fake_ignores():
    assert PROBE_TEXT == __import__("newslint_plugins.grammar_client").grammar_client.PROBE_TEXT


def test_rules_of_the_fake_are_plain_data():
    rule = FakeRule(r"x", "X", "m")
    assert rule.category == "GRAMMAR"


# Parallel runs and the result cache ------------------------------------------------------


def many_files(tmp_path: Path, count: int = 16, text: str = STORY) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:02d}.txt").write_text(text.replace("Okafor", f"Okafor{n}"), encoding="utf-8")
    return folder


def test_parallel_workers_share_one_local_languagetool(tmp_path, monkeypatch):
    log = fake_install(tmp_path, monkeypatch)
    folder = many_files(tmp_path)
    config = write_config(tmp_path, {"languagetool": {"mode": "local"}})
    result = run("check", "--jobs", "2", "--format", "json", "--config", str(config), str(folder))
    assert result.exit_code == 1, result.output
    files = json.loads(result.stdout)["files"]
    assert len(files) == 16
    assert all("grammar.russian-are" in {f["rule"] for f in entry["findings"]} for entry in files)
    starts = log.read_text(encoding="utf-8").splitlines()
    assert len(starts) == 1, starts  # one LanguageTool for the whole run, not one per worker
    port = int(starts[0].split("--port ")[1])
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_parallel_failures_are_one_line(tmp_path):
    folder = many_files(tmp_path, text=SPACED_STORY)
    config = write_config(tmp_path, {"languagetool": {"mode": "server", "server": refusing_url()}})
    result = run("check", "--jobs", "2", "--config", str(config), str(folder))
    assert result.exit_code == 2
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr
    assert result.stdout.count("spacing.double-space") == 16
    auto = write_config(tmp_path, {"languagetool": {"mode": "auto"}})
    result = run("check", "--jobs", "2", "--config", str(auto), str(folder))
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1, result.stderr


def test_the_result_cache_notices_languagetool_arriving(tmp_path, monkeypatch):
    article, config = setup(tmp_path, STORY, {"mode": "auto"})
    first = run("check", "--format", "json", "--config", str(config), str(article))
    assert json.loads(first.stdout)["files"][0]["findings"] == []
    assert list((tmp_path / ".newslint_cache").rglob("*.json"))  # the result cache was used
    fake_install(tmp_path, monkeypatch)
    _, findings = check_json(article, config)
    assert "grammar.russian-are" in {f["rule"] for f in findings}


def test_results_after_languagetool_fails_mid_run_are_not_cached(tmp_path):
    folder = many_files(tmp_path, count=3)
    with FakeLanguageTool(fail_after=1) as fake:
        config = write_config(tmp_path, {"languagetool": {"mode": "auto", "server": fake.url}})
        first = run("check", "--format", "json", "--config", str(config), str(folder))
        assert "grammar rules skipped" in first.stderr
        counts = [len(entry["findings"]) for entry in json.loads(first.stdout)["files"]]
        assert counts[0] > 0 and counts[1:] == [0, 0]
        fake.fail_after = None
        second = run("check", "--format", "json", "--config", str(config), str(folder))
    for entry in json.loads(second.stdout)["files"]:
        assert "grammar.russian-are" in {f["rule"] for f in entry["findings"]}


def test_the_notice_is_given_when_every_result_comes_from_the_result_cache(tmp_path):
    folder = many_files(tmp_path)
    config = write_config(tmp_path, {"languagetool": {"mode": "auto"}})
    for jobs in ("1", "2", "2"):
        result = run("check", "--jobs", jobs, "--config", str(config), str(folder))
        assert result.stderr.count("LanguageTool is not set up") == 1, (jobs, result.stderr)
    assert list((tmp_path / ".newslint_cache").rglob("*.json"))


def test_sarif_lists_the_grammar_rules_that_reported(tmp_path):
    with FakeLanguageTool() as fake:
        article, config = setup(tmp_path, STORY, server_section(fake))
        result = run("check", "--format", "sarif", "--config", str(config), str(article))
    driver = json.loads(result.stdout)["runs"][0]["tool"]["driver"]
    grammar = sorted(rule["id"] for rule in driver["rules"] if rule["id"].startswith("grammar."))
    assert grammar == ["grammar.russian-are", "grammar.subject-verb-agreement"]


def test_a_local_languagetool_that_cannot_start_is_tried_once_per_run(tmp_path, monkeypatch):
    log = fake_install(tmp_path, monkeypatch)
    java = tmp_path / "bin" / "java"
    java.write_text(
        java.read_text(encoding="utf-8").replace(
            "import languagetool_fake\n",
            "sys.stderr.write('Error: could not open the jar\\n'); sys.exit(1)\n",
        ),
        encoding="utf-8",
    )
    folder = many_files(tmp_path)
    config = write_config(tmp_path, {"languagetool": {"mode": "local"}})
    result = run("check", "--jobs", "2", "--config", str(config), str(folder))
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert "local LanguageTool 6.4 stopped at start (exit status 1): Error: could not open the jar" in line
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1  # the second worker did not try again


SEED = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "seed-article.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is not on this machine")
def test_the_seed_article_gets_its_agreement_error_and_keeps_its_names(tmp_path):
    rules = [
        FakeRule(r"\bthe (?P<hit>Russian are)\b", "RUSSIAN_ARE", "Use “Russians are”.", ["Russians are"]),
        FakeRule(
            r"\b(?P<hit>Shoigu|Austin|Baldor)\b",
            "MORFOLOGIK_RULE_EN_US",
            "Possible spelling mistake found.",
            category="TYPOS",
            issue_type="misspelling",
        ),
    ]
    text = SEED.read_text(encoding="utf-8")
    with FakeLanguageTool(rules) as fake:
        article = tmp_path / "seed.txt"
        article.write_text(text, encoding="utf-8")
        config = write_config(tmp_path, {"languagetool": server_section(fake)})
        _, findings = check_json(article, config)
        sent = "".join(check["text"] for check in fake.checks())
    grammar = [f for f in findings if f["rule"].startswith("grammar.")]
    assert [(f["rule"], f["text"]) for f in grammar] == [("grammar.russian-are", "Russian are")]
    assert text[grammar[0]["start"] : grammar[0]["end"]] == "Russian are"
    assert "Newspapers in English" not in sent and "Post-Gazette" not in sent  # boilerplate, publication
    assert "Baldor" not in sent  # the byline is not story text
