"""The grammar plugin against a real LanguageTool.

Runs when ``NEWSLINT_LANGUAGETOOL_URL`` names a LanguageTool server (for
example ``docker run --rm -p 8010:8010 erikvl87/languagetool`` and
``NEWSLINT_LANGUAGETOOL_URL=http://localhost:8010``), or when a local
LanguageTool is installed (``newslint languagetool install``) and Java is on
the PATH; otherwise it is skipped, with that reason.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import write_config
from newslint_plugins.grammar_backend import find_java, find_local_install, java_needed

from newslint.cli import main

# Read before the test fixtures clear the environment.
SERVER = os.environ.get("NEWSLINT_LANGUAGETOOL_URL")
INSTALL = find_local_install()
JAVA = find_java() if INSTALL is not None else None
LOCAL_USABLE = (
    INSTALL is not None
    and JAVA is not None
    and (JAVA.major == 0 or JAVA.major >= java_needed(INSTALL.version))
)

if SERVER:
    SECTION: dict[str, Any] = {"mode": "server", "server": SERVER}
elif LOCAL_USABLE:
    SECTION = {"mode": "local"}
else:
    pytest.skip(
        "no real LanguageTool: set NEWSLINT_LANGUAGETOOL_URL to a server, or install one with "
        "`newslint languagetool install` (needs Java 17)",
        allow_module_level=True,
    )

STORY = (
    "Council delays vote 🎉\n\n"
    "SPRINGFIELD — Mayor Adaeze Nwosu said the the council would vote next week. "
    "She called it a important step for the city.\n"
)


@pytest.fixture(autouse=True)
def _real_languagetool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_MODE", raising=False)
    for name in ("LTP_PATH", "LTP_JAR_DIR_PATH"):
        if os.environ.get(name):
            monkeypatch.setenv(name, os.environ[name])


def test_a_real_languagetool_finds_grammar_and_maps_positions(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    config = write_config(tmp_path, {"languagetool": {**SECTION, "timeout": 60}})
    result = CliRunner().invoke(main, ["check", "--format", "json", "--config", str(config), str(article)])
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["files"][0]["findings"]
    grammar = [f for f in findings if f["rule"].startswith("grammar.")]
    assert grammar, findings
    for finding in grammar:
        assert finding["category"] == "grammar"
        assert finding["text"] == STORY[finding["start"] : finding["end"]]  # right after an emoji too
    texts = {f["text"].lower() for f in grammar}
    assert any("the the" in text or text == "the" for text in texts), texts  # the repeated word
    assert any(text.startswith("a") and len(text) <= 12 for text in texts), texts  # a important
    assert not any("nwosu" in text or "adaeze" in text for text in texts)  # names are not typos
