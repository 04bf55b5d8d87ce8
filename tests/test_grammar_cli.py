"""``newslint languagetool status`` and ``newslint languagetool install``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from click.testing import CliRunner
from conftest import write_config
from languagetool_fake import FakeLanguageTool, fake_install, refusing_url

from newslint.cli import main


@pytest.fixture(autouse=True)
def _languagetool_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_MODE", raising=False)
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def status(tmp_path: Path, section: dict[str, Any]) -> Any:
    config = write_config(tmp_path, {"languagetool": section})
    return run("languagetool", "status", "--config", str(config))


def field(output: str, name: str) -> str:
    line = next(line for line in output.splitlines() if line.startswith(name + " "))
    return line[len(name) :].strip()


def test_status_without_languagetool_exits_1_and_says_why(tmp_path):
    result = status(tmp_path, {"mode": "auto"})
    assert result.exit_code == 1
    assert field(result.output, "server").startswith("not configured")
    assert field(result.output, "local").startswith(f"none in {tmp_path / 'ltp'}")
    assert field(result.output, "a run uses").startswith("nothing: LanguageTool is not set up")
    assert field(result.output, "cache").startswith(str(Path(__import__("os").environ["NEWSLINT_CACHE_DIR"])))


def test_status_with_an_answering_server_exits_0(tmp_path):
    with FakeLanguageTool(version="6.3") as fake:
        result = status(tmp_path, {"mode": "server", "server": fake.url})
    assert result.exit_code == 0, result.output
    assert "answers: LanguageTool 6.3 (2024-03-28" in field(result.output, "server")
    assert field(result.output, "a run uses") == f"the server {fake.url}/"


def test_status_with_a_silent_server_exits_1(tmp_path):
    url = refusing_url()
    result = status(tmp_path, {"mode": "auto", "server": url})
    assert result.exit_code == 1
    assert "does not answer" in field(result.output, "server")
    assert "refused the connection" in field(result.output, "server")


def test_status_with_a_local_install_and_java_exits_0(tmp_path, monkeypatch):
    log = fake_install(tmp_path, monkeypatch)
    result = status(tmp_path, {"mode": "auto"})
    assert result.exit_code == 0, result.output
    assert field(result.output, "local").startswith(str(tmp_path / "ltp" / "LanguageTool-6.4"))
    assert 'openjdk version "17.0.9"' in field(result.output, "java")
    assert field(result.output, "a run uses") == "the local LanguageTool 6.4, started for the run"
    assert not log.exists()  # status does not start LanguageTool


def test_status_when_off_exits_1(tmp_path):
    result = status(tmp_path, {"mode": "off"})
    assert result.exit_code == 1
    assert field(result.output, "a run uses") == "nothing: languagetool.mode is off"


def test_status_reports_a_bad_configuration(tmp_path):
    result = status(tmp_path, {"mode": "sometimes"})
    assert result.exit_code == 2
    assert "languagetool.mode" in result.output


class _FakeDownload:
    """Stands in for language-tool-python's LocalLanguageTool: records and 'installs'."""

    calls: ClassVar[list[str]] = []

    def __init__(self, version: str, folder: Path, fail: bool = False) -> None:
        self.version, self.folder, self.fail = version, folder, fail

    def download(self) -> None:
        _FakeDownload.calls.append(self.version)
        if self.fail:
            raise OSError("Could not find at URL https://example.invalid/LanguageTool-9.9.zip")
        target = self.folder / f"LanguageTool-{self.version}"
        target.mkdir(parents=True)
        (target / "languagetool-server.jar").write_bytes(b"")


def patch_download(monkeypatch: pytest.MonkeyPatch, folder: Path, fail: bool = False) -> None:
    from language_tool_python import download_lt

    _FakeDownload.calls = []
    monkeypatch.setattr(
        download_lt.LocalLanguageTool,
        "from_version_name",
        classmethod(lambda cls, version: _FakeDownload(version, folder, fail)),
    )


def test_install_runs_language_tool_pythons_download(tmp_path, monkeypatch):
    fake_install(tmp_path, monkeypatch)  # a java on the PATH
    patch_download(monkeypatch, tmp_path / "ltp")
    result = run("languagetool", "install", "--version", "6.5")
    assert result.exit_code == 0, result.output
    assert _FakeDownload.calls == ["6.5"]
    assert "Downloading LanguageTool 6.5 (about 250 MB)" in result.stderr
    assert f"installed in {tmp_path / 'ltp' / 'LanguageTool-6.5'}" in result.stdout
    again = run("languagetool", "install", "--version", "6.5")
    assert again.exit_code == 0 and "already installed" in again.stdout
    assert _FakeDownload.calls == ["6.5"]


def test_install_reports_a_failed_download_in_one_line(tmp_path, monkeypatch):
    fake_install(tmp_path, monkeypatch)
    patch_download(monkeypatch, tmp_path / "ltp", fail=True)
    result = run("languagetool", "install", "--version", "9.9")
    assert result.exit_code == 1
    assert "newslint: the download failed: Could not find at URL" in result.stderr
    assert "Traceback" not in result.output


def test_install_needs_java(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-java-here"))
    patch_download(monkeypatch, tmp_path / "ltp")
    result = run("languagetool", "install")
    assert result.exit_code == 1
    assert "needs Java 17 or newer; no java on the PATH" in result.stderr
    assert _FakeDownload.calls == []


def test_install_leaves_a_jar_directory_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(tmp_path / "jars"))
    patch_download(monkeypatch, tmp_path / "ltp")
    result = run("languagetool", "install")
    assert result.exit_code == 1
    assert "LTP_JAR_DIR_PATH is set" in result.stderr
    assert _FakeDownload.calls == []
