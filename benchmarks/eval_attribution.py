"""Precision and recall of the attribution rules on the hand-written test sets.

Usage::

    python benchmarks/eval_attribution.py                 # every set, one table each
    python benchmarks/eval_attribution.py --verbose       # and every case a rule got wrong
    python benchmarks/eval_attribution.py tests/data/attribution/cases.yaml

Each case (see ``tests/data/attribution/README.md``) lists the rules that must
fire on its text.  A rule fires on a case when it reports at least one
finding there.  Per rule: precision = TP / (TP + FP), recall = TP / (TP + FN),
counted over cases.  Cases are linted with the repository's default
rules.yaml, each as its own article under a one-line headline.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "attribution"
DEFAULT_SETS = (DATA / "cases.yaml", DATA / "holdout.yaml", DATA / "holdout2.yaml")
SHORT_NAMES = {
    "claim": "attribution.unattributed-claim",
    "quote": "attribution.unattributed-quote",
    "anonymous": "attribution.anonymous-source",
    "unexplained": "attribution.anonymity-unexplained",
}
HEADLINE = "Test story\n\n"


@dataclass
class RuleScore:
    """Counts for one rule over a test set."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP); 1.0 when the rule never fired."""
        fired = self.true_positives + self.false_positives
        return self.true_positives / fired if fired else 1.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN); 1.0 when nothing was expected."""
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Report:
    """The scores of every rule on one set, and the cases each rule got wrong."""

    path: Path
    cases: int = 0
    flagged_cases: int = 0
    scores: dict[str, RuleScore] = field(default_factory=lambda: {rule: RuleScore() for rule in SHORT_NAMES})
    mistakes: list[str] = field(default_factory=list)


def load_cases(path: Path) -> list[dict[str, object]]:
    """Read a test set: a YAML list of ``{text, flags, note}``."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for case in cases:
        unknown = set(case.get("flags") or []) - set(SHORT_NAMES)
        if unknown:
            raise ValueError(f"{path}: unknown flags {sorted(unknown)} in case {case['text'][:60]!r}")
    return cases


def evaluate(path: Path) -> Report:
    """Lint every case of ``path`` and count, per rule, hits, false alarms and misses."""
    from newslint.config import load_config
    from newslint.runner import Runner
    from newslint.session import Session

    runner = Runner(Session.create(load_config(ROOT / "rules.yaml")))
    runner.start()
    report = Report(path)
    for number, case in enumerate(load_cases(path), 1):
        text = str(case["text"]).strip() + "\n"
        expected = set(case.get("flags") or [])
        findings = runner.check_text(HEADLINE + text, f"case-{number}.txt").findings
        fired = {short for short, rule in SHORT_NAMES.items() if any(f.rule == rule for f in findings)}
        report.cases += 1
        report.flagged_cases += bool(expected)
        for short, score in report.scores.items():
            if short in expected and short in fired:
                score.true_positives += 1
            elif short in fired:
                score.false_positives += 1
                report.mistakes.append(f"{path.name}:{number}: {short} false alarm: {text.strip()[:150]}")
            elif short in expected:
                score.false_negatives += 1
                report.mistakes.append(f"{path.name}:{number}: {short} missed: {text.strip()[:150]}")
    runner.finish()
    return report


def format_report(report: Report) -> str:
    """Return the table of precision and recall per rule."""
    lines = [
        f"{report.path.relative_to(ROOT) if report.path.is_relative_to(ROOT) else report.path}: "
        f"{report.cases} cases, {report.flagged_cases} to flag, {report.cases - report.flagged_cases} clean",
        f"  {'rule':36} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}",
    ]
    for short, score in report.scores.items():
        lines.append(
            f"  {SHORT_NAMES[short]:36} {score.true_positives:4} {score.false_positives:4} "
            f"{score.false_negatives:4} {score.precision:10.3f} {score.recall:7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the tables; exit 1 when a rule is below ``--target`` on any set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "sets", nargs="*", type=Path, help="test sets (default: cases.yaml, holdout.yaml, holdout2.yaml)"
    )
    parser.add_argument("--verbose", action="store_true", help="list every case a rule got wrong")
    parser.add_argument("--target", type=float, default=0.85, help="lowest acceptable precision and recall")
    args = parser.parse_args(argv)
    below = False
    for path in args.sets or [p for p in DEFAULT_SETS if p.exists()]:
        report = evaluate(path)
        print(format_report(report))
        if args.verbose:
            print("\n".join(f"    {line}" for line in report.mistakes))
        below = below or any(min(s.precision, s.recall) < args.target for s in report.scores.values())
    return 1 if below else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
