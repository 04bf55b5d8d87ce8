"""Precision and recall of the honorifics rules on the hand-written evaluation set (targets: 0.9)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "eval_honorifics.py"


def load_script():
    spec = importlib.util.spec_from_file_location("eval_honorifics", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_evaluation_set_is_large_enough_and_covers_both_styles() -> None:
    script = load_script()
    cases = script.load_cases()
    assert len({name for name, *_ in cases}) >= 30
    assert {style for _, style, *_ in cases} == {"ap", "courtesy-titles"}
    assert sum(len(expected) for *_, expected in cases) >= 100


def test_precision_and_recall_reach_the_targets() -> None:
    script = load_script()
    report = script.evaluate()
    message = script.format_report(report) + "\n" + "\n".join(report.misses)
    assert report.overall.precision >= 0.9, message
    assert report.overall.recall >= 0.9, message
    for style, score in report.by_style.items():
        assert score.precision >= 0.9 and score.recall >= 0.9, f"{style}\n{message}"


def test_the_scoring_counts_misses_and_extras() -> None:
    script = load_script()
    report = script.Report()
    wanted = script.Counter({("honorifics.courtesy-title", "Mr. Okafor"): 2})
    got = script.Counter(
        {("honorifics.courtesy-title", "Mr. Okafor"): 1, ("honorifics.first-reference", "Okafor"): 1}
    )
    script.score_case(report, "ap", "x.yaml", got, wanted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.overall.precision == 0.5 and report.overall.recall == 0.5
