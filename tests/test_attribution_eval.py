"""The attribution rules reach their precision and recall targets on the hand-written test sets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "eval_attribution.py"
TARGET = 0.85


def _load_script():
    spec = importlib.util.spec_from_file_location("eval_attribution", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the script loads
    spec.loader.exec_module(module)
    return module


EVAL = _load_script()


@pytest.mark.parametrize("name", ["cases.yaml", "holdout.yaml", "holdout2.yaml"])
def test_rules_reach_the_targets(name: str) -> None:
    report = EVAL.evaluate(EVAL.DATA / name)
    for rule, score in report.scores.items():
        assert score.true_positives + score.false_negatives >= 3, f"{name}: too few {rule} cases"
        assert score.precision >= TARGET, (rule, score, report.mistakes)
        assert score.recall >= TARGET, (rule, score, report.mistakes)


def test_the_development_set_is_big_and_balanced() -> None:
    cases = EVAL.load_cases(EVAL.DATA / "cases.yaml")
    flagged = sum(1 for case in cases if case["flags"])
    assert len(cases) >= 150
    assert 0.4 <= flagged / len(cases) <= 0.6
    texts = [case["text"] for case in cases]
    assert len(set(texts)) == len(texts), "duplicate cases"


def test_the_script_prints_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    assert EVAL.main([str(EVAL.DATA / "holdout.yaml")]) == 0
    output = capsys.readouterr().out
    assert "precision" in output and "recall" in output
    assert "attribution.anonymity-unexplained" in output
