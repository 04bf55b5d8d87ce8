"""Measure the typos plugin on its test set: precision, recall and top-1 suggestion accuracy.

    python benchmarks/eval_typos.py [--verbose]

The test set is ``tests/data/typos_cases.tsv``: real misspellings (from
Wikipedia's list of common misspellings) placed in news sentences, and
sentences full of names and newsroom words that must not be flagged.  Each
sentence is linted on its own, with the packaged default configuration and
only the typos rules selected.

* a misspelling counts as found when a typos finding covers it;
* every other typos finding is a false positive;
* top-1 accuracy is the share of found misspellings whose first suggestion
  is the correction.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "typos_cases.tsv"


@dataclass
class Case:
    """One sentence, with the misspelling it holds (empty for a must-not-flag sentence)."""

    typo: str
    correction: str
    sentence: str


@dataclass
class Result:
    """Counts and the cases behind them."""

    cases: int = 0
    misspellings: int = 0
    found: int = 0
    top1: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_top1: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        flagged = self.found + len(self.false_positives)
        return self.found / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.misspellings if self.misspellings else 1.0

    @property
    def top1_accuracy(self) -> float:
        return self.top1 / self.found if self.found else 0.0


def read_cases(path: Path = CASES) -> list[Case]:
    """Read the tab-separated test set, skipping ``#`` comment lines."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        typo, correction, sentence = line.split("\t")
        if typo == "-":
            typo = correction = ""
        elif sentence.count(typo) != 1:
            raise ValueError(f"{typo!r} must appear exactly once in: {sentence}")
        cases.append(Case(typo, correction, sentence))
    return cases


def evaluate(cases: list[Case]) -> Result:
    """Lint every case with the typos rules and count what was found."""
    from newslint.config import default_config_path, load_config
    from newslint.runner import Runner
    from newslint.session import Session

    runner = Runner(Session.create(load_config(default_config_path()), select=["typos"]))
    runner.start()
    result = Result(cases=len(cases))
    started = time.perf_counter()
    for case in cases:
        findings = runner.check_text(case.sentence + "\n", "case.txt").findings
        hit = None
        if case.typo:
            result.misspellings += 1
            start = case.sentence.index(case.typo)
            end = start + len(case.typo)
            for finding in findings:
                if finding.start < end and start < finding.end and hit is None:
                    hit = finding
        for finding in findings:
            if finding is not hit:
                result.false_positives.append(f"{finding.rule} {finding.text!r} in: {case.sentence}")
        if not case.typo:
            continue
        if hit is None:
            result.missed.append(f"{case.typo} → {case.correction}")
            continue
        result.found += 1
        first = hit.suggestions[0] if hit.suggestions else ""
        if first.lower() == case.correction.lower():
            result.top1 += 1
        else:
            result.wrong_top1.append(f"{case.typo} → {case.correction}: got {hit.suggestions[:3]}")
    result.seconds = time.perf_counter() - started
    runner.finish()
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the figures (and, with --verbose, every miss, false positive and wrong suggestion)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--verbose", action="store_true", help="list misses, false positives, wrong suggestions"
    )
    args = parser.parse_args(argv)
    cases = read_cases()
    result = evaluate(cases)
    clean = result.cases - result.misspellings
    print(f"cases: {result.cases} ({result.misspellings} misspellings, {clean} must-not-flag sentences)")
    print(
        f"found: {result.found}, missed: {len(result.missed)}, false positives: {len(result.false_positives)}"
    )
    print(f"precision: {result.precision:.3f}")
    print(f"recall: {result.recall:.3f}")
    print(f"top-1 suggestion accuracy: {result.top1_accuracy:.3f}")
    print(f"time: {result.seconds:.2f} s for {result.cases} sentences")
    if args.verbose:
        for title, items in (
            ("missed", result.missed),
            ("false positives", result.false_positives),
            ("wrong first suggestion", result.wrong_top1),
        ):
            print(f"\n{title}:")
            for item in items:
                print(f"  {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
