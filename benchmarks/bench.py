"""newslint's benchmark: cold start, corpus throughput, peak memory.

Usage::

    python benchmarks/bench.py [--articles 2000] [--runs 5] [--newslint PATH]

It writes a deterministic corpus (see ``corpus.py``) under
``benchmarks/corpus/`` and runs the installed ``newslint`` as a user would,
in fresh processes.  Times are medians of several runs, because the
machines are shared and noisy; ratios compare figures measured in the
same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import article, write_corpus

HERE = Path(__file__).parent


def timed(command: list[str], runs: int, cwd: Path | None = None) -> list[float]:
    """Run ``command`` ``runs`` times; return the wall times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def peak_rss_mb(command: list[str], cwd: Path | None = None) -> float:
    """Return the peak resident memory of ``command`` in MB (measured in a wrapper process)."""
    wrapper = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True)
    return int(out.stdout.strip() or 0) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--newslint", default=shutil.which("newslint") or str(Path(sys.executable).parent / "newslint")
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    corpus = HERE / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    total = write_corpus(corpus, count=args.articles)
    workdir = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    one = workdir / "one.txt"
    import random

    one.write_text(article(random.Random(7)), encoding="utf-8")
    newslint = [args.newslint]

    baseline = statistics.median(timed([sys.executable, "-c", "import click, yaml, pluggy"], args.runs * 2))
    cold = timed([*newslint, "check", str(one)], args.runs * 2, cwd=workdir)
    corpus_times = timed([*newslint, "check", "--format", "json", str(corpus)], args.runs, cwd=workdir)
    memory = peak_rss_mb([*newslint, "check", "--format", "json", str(corpus)], cwd=workdir)

    figures = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus_articles": args.articles,
        "corpus_mb": round(total / 1e6, 2),
        "import_click_yaml_pluggy_s": round(baseline, 3),
        "cold_single_article_s": round(statistics.median(cold), 3),
        "cold_vs_import_ratio": round(statistics.median(cold) / baseline, 2),
        "corpus_s": round(statistics.median(corpus_times), 2),
        "corpus_mb_per_s": round(total / 1e6 / statistics.median(corpus_times), 2),
        "peak_memory_mb": round(memory, 1),
        "runs": args.runs,
    }
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        print(json.dumps(figures))
    shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
