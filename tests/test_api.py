"""The Python API: lint_text, lint_paths, and picklable inputs and outputs."""

from __future__ import annotations

import pickle

import newslint
from newslint.config import load_config


def test_lint_text_returns_sorted_findings():
    findings = newslint.lint_text("Headline here\n\nThe mayor spoke  on Monday , then left.\n")
    assert [f.rule for f in findings] == ["spacing.double-space", "spacing.space-before-punctuation"]
    assert findings[0].line == 3 and findings[0].severity == "warning" and findings[0].category == "spacing"


def test_lint_text_reads_markdown_by_path():
    findings = newslint.lint_text("# Head line\n\nRun `a  b` now.\n", path="story.md")
    assert findings == []


def test_lint_paths_lists_every_file(tmp_path):
    (tmp_path / "a.txt").write_text("Head line\n\nFine text.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Head\n\nTwo  spaces.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00")
    results = newslint.lint_paths([str(tmp_path)])
    assert [r.path.rsplit("/", 1)[-1] for r in results] == ["a.txt", "b.md", "c.txt"]
    assert results[0].findings == []
    assert [f.rule for f in results[1].findings] == ["spacing.double-space"]
    assert results[2].error is not None


def test_inputs_and_outputs_pickle(tmp_path):
    config = load_config()
    assert pickle.loads(pickle.dumps(config)).data == config.data
    (tmp_path / "a.txt").write_text("Head line\n\nTwo  spaces.\n", encoding="utf-8")
    results = newslint.lint_paths([str(tmp_path / "a.txt")], config=config)
    again = pickle.loads(pickle.dumps(results))
    assert again[0].findings == results[0].findings
    assert again[0].findings[0].fix == results[0].findings[0].fix
