"""Cold start: what a one-article run does not import or compute, and the shortcuts it takes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_config
from newslint_plugins.attribution_patterns import _phrases, config_errors, phrase_regex

ARTICLE = "Officials said on Monday that the bridge would reopen.\n"


def _modules_after_a_run(tmp_path: Path, mode: str = "off") -> set[str]:
    """Run ``newslint check`` on one article in a fresh interpreter; return the modules it imported."""
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    script = (
        "import sys, json\n"
        "from newslint.cli import main\n"
        f"sys.argv = ['newslint', 'check', '--format', 'json', '--no-cache', {str(story)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "NEWSLINT_LANGUAGETOOL_MODE": mode}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stderr.splitlines()[-1]))


def test_a_one_article_run_imports_only_what_it_uses(tmp_path: Path) -> None:
    modules = _modules_after_a_run(tmp_path)
    assert "newslint_plugins.grammar" in modules  # the plugin is loaded ...
    for unused in (
        "newslint_plugins.grammar_backend",  # ... but not what talks to LanguageTool
        "newslint_plugins.grammar_client",
        "newslint_plugins.grammar_text",
        "newslint_plugins.grammar_rules",
        "urllib.request",
        "ssl",
        "multiprocessing",
        "concurrent.futures",
        "newslint_plugins.style_check",  # no house rules in the defaults: nothing to run them
        "newslint_plugins.style_terms",
        "newslint.cache",  # --no-cache
        "newslint.fixer",  # no --fix
        "newslint.safewrite",
        "difflib",
        "traceback",
        "hashlib",
    ):
        assert unused not in modules, unused


@pytest.mark.parametrize(
    "phrase",
    [
        "according to",
        "not|never ... named",
        "authori*",
        "who wasn’t|wasn't authorized",
        "a.b (c) [d] {e} ^f$ g+ h? i\\ j#",
        "*",
        "ça|déjà vu",
        "n't",
        "\\'",
    ],
)
def test_a_phrase_that_builds_always_compiles(phrase: str) -> None:
    """Configuration checks build each phrase's pattern text without compiling it: it must compile."""
    assert not config_errors({"hedges": [phrase]})
    re.compile(phrase_regex(phrase), re.IGNORECASE)
    assert _phrases([phrase]) is not None
    assert _phrases([phrase], anchored=True) is not None


def test_an_unusable_phrase_is_still_reported() -> None:
    assert config_errors({"hedges": ["... ..."]}) == [
        "'attribution.hedges': phrase '... ...' is not usable: a phrase needs at least one word"
    ]
    assert config_errors({"anonymity_reasons": ["granted", "a | b"]}) == [
        "'attribution.anonymity_reasons': phrase 'a | b' is not usable: empty alternative"
    ]


PROBE = """
import gc
import sys

from newslint.hookspecs import hookimpl


@hookimpl
def newslint_check(article, context):
    print(f"collector {'on' if gc.isenabled() else 'off'} for {article.path}", file=sys.stderr)
    return []
"""


@pytest.mark.parametrize(("stories", "state"), [(1, "off"), (2, "on")])
def test_the_program_collects_garbage_only_in_a_run_of_several_files(
    tmp_path: Path, stories: int, state: str
) -> None:
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    config = write_config(tmp_path, {"plugins": ["probe.py"]})
    for number in range(stories):
        (tmp_path / f"story{number}.txt").write_text(ARTICLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--config", str(config), "--no-cache", str(tmp_path)],
        cwd=tmp_path,
        env={**os.environ, "NEWSLINT_LANGUAGETOOL_MODE": "off"},
        capture_output=True,
        text=True,
    )
    reports = [line for line in done.stderr.splitlines() if line.startswith("collector")]
    assert len(reports) == stories, done.stderr
    assert all(line.startswith(f"collector {state} ") for line in reports), reports
