"""Measure what the typos plugin costs: a cold single-article run, and corpus throughput.

    python benchmarks/typos_speed.py [--runs 9]

Cold run: ``newslint check --no-cache benchmarks/data/typo-article.txt`` (one article with
one misspelling) against the same command with ``--ignore typos``, run
alternately in fresh processes; the medians of wall time and of the
process's CPU time (which other load on the machine disturbs less) are
printed with their difference.

Throughput: the typos plugin's check hook alone, timed on a corpus of
articles built from the test set's sentences (tests/data/typos_cases.tsv) and
the repository's example article, after one warm-up pass; MB per second of
story text.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "benchmarks" / "data" / "typo-article.txt"


# Runs the command line in a fresh interpreter and reports that process's own CPU
# time at exit (finer than the clock ticks of os.times()).
RUNNER = (
    "import atexit, sys, time; "
    "atexit.register(lambda: sys.stderr.write(f'\\nCPU {time.process_time()}\\n')); "
    "sys.argv = ['newslint', *sys.argv[1:]]; "
    "from newslint.cli import main; main()"
)


def cold_run(args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh ``newslint`` process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    cpu = float(done.stderr.rsplit("CPU ", 1)[1])
    return wall, cpu


def measure_cold(runs: int) -> None:
    with_typos = ["check", "--no-cache", str(ARTICLE)]
    without = ["check", "--no-cache", "--ignore", "typos", str(ARTICLE)]
    results: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    cold_run(with_typos)  # warm the file cache, not the interpreter
    for _ in range(runs):
        results["with"].append(cold_run(with_typos))
        results["without"].append(cold_run(without))
    print(f"cold single-article run, median of {runs} alternating runs:")
    medians = {}
    for name, values in results.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        medians[name] = (wall, cpu)
        print(f"  {name:>7} typos: wall {wall * 1000:6.0f} ms, cpu {cpu * 1000:6.0f} ms")
    wall_cost = medians["with"][0] - medians["without"][0]
    cpu_cost = medians["with"][1] - medians["without"][1]
    print(f"  typos adds: wall {wall_cost * 1000:.0f} ms, cpu {cpu_cost * 1000:.0f} ms")


def corpus() -> list[str]:
    """Articles of about 4 KB: the test set's sentences, eight to a paragraph, plus the example article."""
    lines = (ROOT / "tests" / "data" / "typos_cases.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [line.split("\t")[2] for line in lines if line and not line.startswith("#")]
    articles = []
    for start in range(0, len(sentences), 24):
        chunk = sentences[start : start + 24]
        paragraphs = [" ".join(chunk[i : i + 8]) for i in range(0, len(chunk), 8)]
        articles.append("Headline for the test\n\n" + "\n\n".join(paragraphs) + "\n")
    articles.append((ROOT / "examples" / "sample-article.txt").read_text(encoding="utf-8"))
    return articles


def measure_throughput(repeat: int = 5) -> None:
    from newslint_plugins import typos

    from newslint.config import default_config_path, load_config
    from newslint.readers import build_article
    from newslint.session import Session

    session = Session.create(load_config(default_config_path()))
    context = session.context()
    articles = [build_article(f"a{i}.txt", text) for i, text in enumerate(corpus())]
    size = sum(len(a.text.encode()) for a in articles)
    for article in articles:  # warm-up: word data, indexes, caches
        typos.newslint_check(article, context)
    start = time.process_time()
    for _ in range(repeat):
        for article in articles:
            typos.newslint_check(article, context)
    seconds = time.process_time() - start
    print(
        f"throughput: {len(articles)} articles, {size / 1000:.0f} KB of story text, x{repeat}: "
        f"{seconds:.2f} s CPU, {size * repeat / seconds / 1e6:.2f} MB/s"
    )


def main() -> int:
    """Run both measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="cold runs of each command (default 9)")
    args = parser.parse_args()
    measure_cold(args.runs)
    measure_throughput()
    return 0


if __name__ == "__main__":
    sys.exit(main())
