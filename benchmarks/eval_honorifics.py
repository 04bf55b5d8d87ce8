"""Precision and recall of the honorifics rules on the hand-written evaluation set.

Each YAML file in ``tests/data/honorifics/`` holds an article and, for each
house style, the findings a copy editor expects (rule id and the text of
the span).  This script lints every article in every style it lists,
compares the ``honorifics.*`` findings with the expected ones (as multisets
of ``(rule, text)``), and prints precision and recall per rule, per style
and overall.

    python benchmarks/eval_honorifics.py            # the figures
    python benchmarks/eval_honorifics.py --verbose  # and every mismatch
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newslint.api import runner_for

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "honorifics"
STYLES = ("ap", "courtesy-titles")


@dataclass
class Score:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of reported findings that were expected (1.0 when nothing was reported)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of expected findings that were reported (1.0 when nothing was expected)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Report:
    """Scores overall, per style and per rule, and the mismatches."""

    overall: Score = field(default_factory=Score)
    by_style: dict[str, Score] = field(default_factory=dict)
    by_rule: dict[str, Score] = field(default_factory=dict)
    articles: int = 0
    cases: int = 0
    misses: list[str] = field(default_factory=list)


def load_cases(folder: Path = DATA) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """Return ``(file name, style, text, expected)`` for every article and style in the set."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for style, expected in (data.get("expected") or {}).items():
            if style not in STYLES:
                raise ValueError(f"{path.name}: unknown style {style!r}")
            pairs = [(str(rule), str(text)) for rule, text in expected or []]
            cases.append((path.name, style, data["text"], pairs))
    return cases


def evaluate(folder: Path = DATA) -> Report:
    """Lint every case and score the honorifics findings against the expected ones."""
    report = Report()
    cases = load_cases(folder)
    report.articles = len({name for name, *_ in cases})
    report.cases = len(cases)
    with tempfile.TemporaryDirectory(prefix="newslint-eval-") as tmp:
        runners = {}
        for style in STYLES:
            config = Path(tmp) / f"{style}.yaml"
            config.write_text(f"style: {style}\n", encoding="utf-8")
            runners[style] = runner_for(config)
        for name, style, text, expected in cases:
            result = runners[style].check_text(text, name.replace(".yaml", ".txt"))
            found = Counter((f.rule, f.text) for f in result.findings if f.rule.startswith("honorifics."))
            wanted = Counter(expected)
            score_case(report, style, name, found, wanted)
    return report


def score_case(report: Report, style: str, name: str, found: Counter, wanted: Counter) -> None:
    """Add one article's comparison to the report."""
    style_score = report.by_style.setdefault(style, Score())
    for key in found | wanted:
        rule = key[0]
        hit = min(found[key], wanted[key])
        case = Score(tp=hit, fp=found[key] - hit, fn=wanted[key] - hit)
        for score in (report.overall, style_score, report.by_rule.setdefault(rule, Score())):
            score.add(case)
        if case.fp:
            report.misses.append(f"{name} [{style}] unexpected {rule}: {key[1]!r} x{case.fp}")
        if case.fn:
            report.misses.append(f"{name} [{style}] missed {rule}: {key[1]!r} x{case.fn}")


def format_report(report: Report) -> str:
    """Return the report as a table."""
    lines = [f"honorifics evaluation: {report.articles} articles, {report.cases} article-style cases", ""]
    lines.append(f"{'':40} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7}")
    rows = [("overall", report.overall)]
    rows += [(f"style {style}", score) for style, score in sorted(report.by_style.items())]
    rows += [(rule, score) for rule, score in sorted(report.by_rule.items())]
    for label, score in rows:
        lines.append(
            f"{label:40} {score.tp:4} {score.fp:4} {score.fn:4} {score.precision:10.3f} {score.recall:7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures; with --verbose, every mismatch too."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every missed or unexpected finding")
    args = parser.parse_args(argv)
    report = evaluate()
    print(format_report(report))
    if args.verbose and report.misses:
        print()
        print("\n".join(report.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
