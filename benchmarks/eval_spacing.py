"""Score the glued-word rules on the test set: precision, recall, correction accuracy.

The test set is ``tests/data/glued_cases.yaml`` (our own sentences).  Each case
is linted as one article (a headline, then the case as its body) with the
packaged defaults, plus the case's ``accept`` words as the house dictionary.

* a **true positive** is a finding of ``spacing.glued-words`` or
  ``spacing.broken-hyphenation`` whose text is the case's ``find``;
* every other finding of the two rules is a **false positive** (in clean
  cases, and elsewhere in flag cases);
* **recall** = true positives / flag cases; **precision** = true positives /
  all findings; **correction accuracy** = true positives whose first
  suggestion is ``want`` / true positives.

Usage::

    .venv/bin/python benchmarks/eval_spacing.py            # figures, and the misses
    .venv/bin/python benchmarks/eval_spacing.py --quiet    # figures only

Exits 1 when a figure is below its target (0.95).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint.config import load_config  # noqa: E402
from newslint.findings import Finding  # noqa: E402
from newslint.runner import Runner  # noqa: E402
from newslint.session import Session  # noqa: E402

CASES = ROOT / "tests" / "data" / "glued_cases.yaml"
RULES = ("spacing.glued-words", "spacing.broken-hyphenation")
HEADLINE = "Headline for the test case\n\n"
TARGET = 0.95


@dataclass
class Score:
    """Counts and the cases that went wrong."""

    flag_cases: int = 0
    clean_cases: int = 0
    true_positives: int = 0
    false_positives: int = 0
    correct: int = 0
    fixes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """True positives over all findings."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """True positives over flag cases."""
        return self.true_positives / self.flag_cases if self.flag_cases else 1.0

    @property
    def correction_accuracy(self) -> float:
        """Right first suggestions over true positives."""
        return self.correct / self.true_positives if self.true_positives else 1.0


def load_cases(path: Path = CASES) -> dict[str, list]:
    """Return the ``flag`` and ``clean`` lists of the test set."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _runner(accept: tuple[str, ...], folder: Path, cache: dict[tuple[str, ...], Runner]) -> Runner:
    runner = cache.get(accept)
    if runner is None:
        if accept:
            path = folder / f"rules-{len(cache)}.yaml"
            path.write_text(yaml.safe_dump({"dictionary": {"accept": list(accept)}}), encoding="utf-8")
            config = load_config(path)
        else:
            config = load_config(ROOT / "rules.yaml")
        runner = Runner(Session.create(config))
        runner.start()
        cache[accept] = runner
    return runner


def _findings(runner: Runner, body: str) -> list[Finding]:
    return [f for f in runner.check_text(HEADLINE + body, "case.txt").findings if f.rule in RULES]


def evaluate(path: Path = CASES) -> Score:
    """Lint every case and return the score."""
    import tempfile

    cases = load_cases(path)
    score = Score()
    cache: dict[tuple[str, ...], Runner] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for case in cases["flag"]:
            score.flag_cases += 1
            runner = _runner(tuple(case.get("accept") or ()), folder, cache)
            findings = _findings(runner, case["text"])
            hit = [f for f in findings if f.text == case["find"]]
            for finding in findings:
                if finding.text != case["find"]:
                    score.false_positives += 1
                    score.problems.append(f"false positive {finding.text!r} in flag case {case['text']!r}")
            if not hit:
                score.problems.append(f"missed {case['find']!r} in {case['text']!r}")
                continue
            score.true_positives += 1
            first = hit[0].suggestions[0] if hit[0].suggestions else None
            if first == case["want"]:
                score.correct += 1
            else:
                score.problems.append(f"wrong correction {case['find']!r}: {first!r}, want {case['want']!r}")
            if hit[0].fix is not None:
                score.fixes += 1
        for body in cases["clean"]:
            score.clean_cases += 1
            for finding in _findings(_runner((), folder, cache), body):
                score.false_positives += 1
                score.problems.append(f"false positive {finding.text!r} -> {finding.suggestions} in {body!r}")
    return score


def main() -> int:
    """Print the figures (and the problems unless --quiet); exit 1 below target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print the figures only")
    parser.add_argument("--cases", type=Path, default=CASES)
    args = parser.parse_args()
    score = evaluate(args.cases)
    if not args.quiet:
        for problem in score.problems:
            print(problem)
    print(
        f"cases: {score.flag_cases} must flag, {score.clean_cases} must not flag\n"
        f"true positives {score.true_positives}, false positives {score.false_positives}, "
        f"right first suggestion {score.correct}, with a fix {score.fixes}\n"
        f"precision {score.precision:.3f}  recall {score.recall:.3f}  "
        f"correction accuracy {score.correction_accuracy:.3f}  (targets {TARGET})"
    )
    below = min(score.precision, score.recall, score.correction_accuracy) < TARGET
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
