"""Measure what the glued-word and broken-hyphenation rules cost.

Two figures, both compared with the same run without the two rules:

1. **Throughput**: time ``Runner.check_text`` over ~2,000 articles of ~4 KB
   (8 MB), with every other rule on (or, with ``--alone``, only the core and
   the simple spacing rules), with and without the two rules; report the added
   CPU seconds and percentage (budget: 50%).  Two corpora: ``project`` is the
   benchmark corpus of ``benchmarks/corpus.py`` (news templates with names,
   places and some damage); ``varied`` is harder for these rules: words drawn
   by frequency from the whole lexicon, 6% made-up names, numbers, quotations
   and a few glued words, so many more tokens are unknown.
2. **Cold start**: median wall time of ``newslint check --no-cache one.txt``
   in a fresh process, with and without the rules (budget: +0.15 s), and the
   time the word data takes to load, measured inside fresh processes (less
   noisy than the difference of two wall times on a shared machine).

Usage::

    .venv/bin/python benchmarks/bench_spacing.py                   # project corpus, and cold start
    .venv/bin/python benchmarks/bench_spacing.py --corpus varied --skip-cold
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newslint.config import load_config  # noqa: E402
from newslint.lexicon import get_lexicon  # noqa: E402
from newslint.runner import Runner  # noqa: E402
from newslint.session import Session  # noqa: E402

RULES = ("spacing.glued-words", "spacing.broken-hyphenation")
SYLLABLES = ("ka", "ro", "vin", "del", "mar", "ost", "ya", "lu", "shen", "ber", "tov", "zia", "nak", "ol")
GLUED = ("hadto", "socalled", "ofthe", "Moscow’swar", "in2022", "wellknown", "communi- cations")


def _vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    lexicon = get_lexicon()
    data = lexicon._shared.centibels  # benchmark only: sample the word list by frequency
    words = sorted(data, key=data.get)[:size]
    weights = [10 ** (-data[w] / 100) for w in words]
    return words, weights


def make_article(rng: random.Random, words: list[str], weights: list[float], size: int = 4000) -> str:
    """Return one generated article of about ``size`` characters."""
    names = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize() for _ in range(6)]
    paragraphs = ["Generated headline " + " ".join(rng.choices(words, weights, k=5))]
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(1, 3)):
            picked = rng.choices(words, weights, k=rng.randint(8, 24))
            for i in range(len(picked)):
                roll = rng.random()
                if roll < 0.06:
                    picked[i] = rng.choice(names)
                elif roll < 0.08:
                    picked[i] = str(rng.randint(2, 2030))
                elif roll < 0.0815:
                    picked[i] = rng.choice(GLUED)
            sentence = " ".join(picked)
            sentence = sentence[0].upper() + sentence[1:] + rng.choice(".....?")
            if rng.random() < 0.2:
                sentence = f"“{sentence}” {rng.choice(names)} said."
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph)
    return "\n\n".join(paragraphs) + "\n"


def _runner(without: bool, alone: bool = False) -> Runner:
    """A runner with every rule on (or, ``alone``, only the spacing plugin's), less ours if ``without``."""
    config = load_config(ROOT / "rules.yaml")
    if without:
        config.data["rules"] = {**(config.data.get("rules") or {}), **dict.fromkeys(RULES, "off")}
    runner = Runner(Session.create(config, select=("spacing",) if alone else ()))
    runner.start()
    return runner


def make_corpus(kind: str, articles: int, seed: int) -> list[str]:
    """Return the articles of the ``project`` or the ``varied`` corpus."""
    rng = random.Random(seed)
    if kind == "project":
        from corpus import article

        return [article(rng) for _ in range(articles)]
    words, weights = _vocabulary(rng)
    return [make_article(rng, words, weights) for _ in range(articles)]


def throughput(kind: str, articles: int, seed: int, repeats: int, alone: bool) -> None:
    """Time the corpus with and without the rules; print seconds and the added share.

    The two configurations alternate ``repeats`` times and the fastest pass of
    each counts, which keeps machine noise out of the comparison.  Times are
    CPU seconds of this process (``time.process_time``), so other work on the
    machine does not count; wall seconds are printed too.  Each pass uses a
    fresh runner, so the rules' caches start cold every time.
    """
    corpus = make_corpus(kind, articles, seed)
    megabytes = sum(len(a.encode()) for a in corpus) / 1e6
    times: dict[str, list[float]] = {"core": [], "with rules": []}
    for _ in range(repeats):
        for label, without in (("core", True), ("with rules", False)):
            runner = _runner(without, alone)
            runner.check_text(corpus[0], "warm.txt")  # load word data outside the timing
            start, wall = time.process_time(), time.perf_counter()
            findings = 0
            for index, article in enumerate(corpus):
                findings += len(runner.check_text(article, f"a{index}.txt").findings)
            times[label].append(time.process_time() - start)
            wall = time.perf_counter() - wall
            print(
                f"{label:>11}: {times[label][-1]:.2f} CPU s ({wall:.2f} wall s) for {megabytes:.1f} MB "
                f"({findings} findings)"
            )
    core, rules = min(times["core"]), min(times["with rules"])
    print(f"fastest: core {core:.2f} CPU s ({megabytes / core:.2f} MB/s), with rules {rules:.2f} CPU s")
    print(f"added by the rules: {rules - core:.2f} CPU s, {100 * (rules - core) / core:.1f}% (budget 50%)")


def cold(runs: int) -> None:
    """Median wall time of ``newslint check one.txt`` cold, with and without the rules."""
    rng = random.Random(1)
    words, weights = _vocabulary(rng)
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "one.txt"
        article.write_text(make_article(rng, words, weights), encoding="utf-8")
        off = Path(folder) / "off.yaml"
        off.write_text("rules:\n" + "".join(f'  {r}: "off"\n' for r in RULES), encoding="utf-8")
        on = Path(folder) / "on.yaml"
        on.write_text("rules: {}\n", encoding="utf-8")
        exe = str(Path(sys.executable).with_name("newslint"))
        samples: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(runs):  # alternate, so drift in the machine's speed hits both alike
            for label, config in (("without", off), ("with", on)):
                start = time.perf_counter()
                done = subprocess.run(
                    [exe, "check", "--no-cache", "--config", str(config), str(article)], capture_output=True
                )
                samples[label].append(time.perf_counter() - start)
                if done.returncode not in (0, 1):
                    raise SystemExit(f"newslint failed: {done.stderr.decode()}")
        results = {label: statistics.median(values) for label, values in samples.items()}
        for label in ("without", "with"):
            print(f"cold `newslint check one.txt` {label} the rules: median {results[label]:.3f} s of {runs}")
        print(f"added by the rules: {results['with'] - results['without']:.3f} s (budget 0.150 s)")
    code = (
        "import time; t = time.perf_counter(); "
        "from newslint.lexicon import get_lexicon; from newslint.compounds import get_compounds; "
        "get_lexicon().is_known('x'); get_compounds().is_hyphenated('so', 'called'); "
        "print(time.perf_counter() - t)"
    )
    loads = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    print(
        f"loading the word data in a fresh process (measured inside it): median {statistics.median(loads):.3f} s"
    )


def main() -> None:
    """Parse the options and run the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("project", "varied"), default="project")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--cold-runs", type=int, default=9)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument(
        "--alone",
        action="store_true",
        help="compare with the core alone (reading, structure, the simple spacing rules), other plugins off",
    )
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    if not args.skip_throughput:
        throughput(args.corpus, args.articles, args.seed, args.repeats, args.alone)
    if not args.skip_cold:
        cold(args.cold_runs)


if __name__ == "__main__":
    main()
