"""The shared example article: the contract holds and nothing is reported outside the story."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_runner

from newslint.readers import decode

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "seed-article.txt"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason="../shared/examples/seed-article.txt is not beside this checkout"
)


def test_nothing_is_reported_in_the_publication_line_or_the_export_lines():
    text, _ = decode(SEED.read_bytes())
    result = make_runner().check_text(text, str(SEED))
    lines = text.splitlines()
    last_story_line = max(
        i for i, line in enumerate(lines, 1) if line.strip() and not line.startswith("Newspapers")
    )
    for finding in result.findings:
        assert finding.line != 1, finding
        assert finding.line <= last_story_line, finding
    assert not result.failures


def test_publication_line_headline_and_byline_are_recognised():
    from newslint.readers import build_article, compile_boilerplate

    config = make_runner().session.config
    text, _ = decode(SEED.read_bytes())
    article = build_article(str(SEED), text, boilerplate=compile_boilerplate(config.boilerplate))
    kinds = [p.kind for p in article.paragraphs]
    assert kinds[:3] == ["publication", "headline", "byline"]
    assert set(kinds[3:]) == {"body"}
    assert "Newspapers" not in article.text
