"""newslint's benchmark: cold start, corpus throughput, cache, memory, and proselint.

Usage::

    python benchmarks/bench.py [--articles 2000] [--runs 3] [--no-proselint] [--write-results]

It writes a deterministic corpus (``corpus.py``: about 4 KB per article,
written for this project, with realistic problems in it) under
``benchmarks/corpus/`` and runs the installed ``newslint`` as a user would,
in fresh processes.  Every time is the median of several runs, because the
machines are shared and noisy; ratios compare figures measured in the same
run.  proselint 0.16.0 is installed from PyPI into
``benchmarks/.proselint-venv`` the first time and run on the same corpus.
``--write-results`` writes ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
PROSELINT_VERSION = "0.16.0"
# LanguageTool off, as the targets say; bytecode caching on, as in an installed wheel
# (this machine sets PYTHONDONTWRITEBYTECODE, which would recompile on every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NEWSLINT_LANGUAGETOOL_MODE"] = "off"


def timed(command: list[str], runs: int, cwd: Path | None = None) -> list[float]:
    """Run ``command`` ``runs`` times; return the wall times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV
        )
        times.append(time.perf_counter() - start)
    return times


def peak_rss_mb(command: list[str], cwd: Path | None = None) -> float:
    """Return the largest resident memory of any process ``command`` starts, in MB."""
    wrapper = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True, env=ENV
    )
    return int(out.stdout.strip() or 0) / 1024


def proselint_command() -> list[str] | None:
    """Return the proselint command, installing it into the benchmark's venv if needed."""
    venv = HERE / ".proselint-venv"
    binary = venv / "bin" / "proselint"
    if not binary.exists():
        print(f"installing proselint {PROSELINT_VERSION} into {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        installed = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"proselint=={PROSELINT_VERSION}"], check=False
        )
        if installed.returncode != 0:
            return None
    return [str(binary), "-o", "compact", "check"]


def read_and_regex_mb_per_s(corpus: Path, runs: int) -> float:
    """The practical ceiling: read every file and run one regular expression over it."""
    files = sorted(corpus.rglob("*.txt"))
    word = re.compile(r"\b[A-Za-z]+\b")
    times = []
    total = 0
    for _ in range(runs):
        start = time.perf_counter()
        total = 0
        for path in files:
            text = path.read_text(encoding="utf-8")
            total += len(text.encode("utf-8"))
            word.findall(text)
        times.append(time.perf_counter() - start)
    return total / 1e6 / statistics.median(times)


def plugin_costs(corpus: Path, articles: int = 400) -> dict[str, float]:
    """CPU seconds per MB for reading the articles and for each plugin, in this process."""
    os.environ["NEWSLINT_LANGUAGETOOL_MODE"] = "off"
    from newslint.config import load_config
    from newslint.readers import build_article, decode
    from newslint.runner import Runner
    from newslint.session import Session

    runner = Runner(Session.create(load_config()))
    runner.start()
    files = sorted(corpus.rglob("*.txt"))[:articles]
    texts = [decode(path.read_bytes())[0] for path in files]
    mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    for text in texts[:20]:  # load word data and warm caches first
        runner.check_text(text, "warm.txt")
    start = time.process_time()
    built = [
        build_article(str(path), text, boilerplate=runner.boilerplate)
        for path, text in zip(files, texts, strict=True)
    ]
    costs = {"reading and structure": (time.process_time() - start) / mb}
    for impl in runner.check_impls:
        arguments = {"context": runner.context}
        start = time.process_time()
        for one_article in built:
            arguments["article"] = one_article
            impl.function(*[arguments[name] for name in impl.argnames])
        costs[impl.plugin_name] = (time.process_time() - start) / mb
    runner.finish()
    return {name: round(value, 3) for name, value in costs.items()}


def measure(args: argparse.Namespace) -> dict[str, object]:
    """Run every measurement and return the figures."""
    corpus = HERE / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    total = write_corpus(corpus, count=args.articles)
    mb = total / 1e6
    workdir = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    one = workdir / "one.txt"
    import random

    one.write_text(article(random.Random(7)), encoding="utf-8")
    newslint = [args.newslint]
    check = [*newslint, "check", "--format", "json"]
    figures: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
        "runs": args.runs,
        "corpus_articles": args.articles,
        "corpus_mb": round(mb, 2),
    }
    timed([*check, "--no-cache", str(one)], 1, cwd=workdir)  # write bytecode caches, as pip does at install
    baseline = statistics.median(timed([sys.executable, "-c", "import click, yaml, pluggy"], args.runs * 3))
    cold = statistics.median(timed([*check, "--no-cache", str(one)], args.runs * 3, cwd=workdir))
    figures["import_click_yaml_pluggy_s"] = round(baseline, 3)
    figures["cold_single_article_s"] = round(cold, 3)
    figures["cold_vs_import_ratio"] = round(cold / baseline, 2)
    for jobs in (1, 2):
        seconds = statistics.median(
            timed([*check, "--no-cache", "-j", str(jobs), str(corpus)], args.runs, cwd=workdir)
        )
        figures[f"corpus_jobs{jobs}_s"] = round(seconds, 2)
        figures[f"corpus_jobs{jobs}_mb_per_s"] = round(mb / seconds, 2)
    cache_dir = workdir / "cache"
    timed([*check, "--cache-dir", str(cache_dir), str(corpus)], 1, cwd=workdir)  # fill the cache
    warm = statistics.median(
        timed([*check, "--cache-dir", str(cache_dir), str(corpus)], args.runs, cwd=workdir)
    )
    figures["corpus_warm_cache_s"] = round(warm, 2)
    figures["peak_memory_per_worker_mb"] = round(
        peak_rss_mb([*check, "--no-cache", "-j", "2", str(corpus)], cwd=workdir), 1
    )
    figures["cpu_s_per_mb"] = plugin_costs(corpus)
    figures["read_plus_one_regex_mb_per_s"] = round(read_and_regex_mb_per_s(corpus, args.runs), 2)
    if not args.no_proselint:
        command = proselint_command()
        if command is None:
            figures["proselint"] = "could not be installed"
        else:
            seconds = statistics.median(timed([*command, str(corpus)], args.runs, cwd=workdir))
            figures["proselint_s"] = round(seconds, 2)
            figures["proselint_mb_per_s"] = round(mb / seconds, 3)
            figures["newslint_jobs2_vs_proselint"] = round(seconds / float(figures["corpus_jobs2_s"]), 1)
    shutil.rmtree(workdir, ignore_errors=True)
    return figures


RESULTS_TEMPLATE = """# Benchmark results

Measured by `python benchmarks/bench.py --runs {runs} --write-results` on {date}.
Machine: {machine}.  All offline rules on, LanguageTool off
(`NEWSLINT_LANGUAGETOOL_MODE=off`), bytecode caches written once before timing
(as pip does when it installs a wheel).  Every time is a
median of {runs} runs or more (the cold start: {cold_runs}); ratios compare figures
from the same run.

| what | figure | target |
| --- | --- | --- |
| corpus | {corpus_articles} articles, {corpus_mb} MB | about 8 MB |
| `import click, yaml, pluggy` | {import_click_yaml_pluggy_s} s | |
| one article from a cold start | {cold_single_article_s} s ({cold_vs_import_ratio}× the import) | ≤ 3× the import |
| corpus, `--jobs 1` | {corpus_jobs1_s} s ({corpus_jobs1_mb_per_s} MB/s) | |
| corpus, `--jobs 2` | {corpus_jobs2_s} s ({corpus_jobs2_mb_per_s} MB/s) | ≥ 3 MB/s |
| corpus again, warm cache | {corpus_warm_cache_s} s | < 1.5 s |
| peak memory per worker | {peak_memory_per_worker_mb} MB | < 250 MB |
| proselint {proselint_version} on the same corpus | {proselint_s} s ({proselint_mb_per_s} MB/s) | |
| newslint `--jobs 2` throughput ÷ proselint's | {newslint_jobs2_vs_proselint}× | ≥ 10× |
| read every file + one regular expression (the ceiling) | {read_plus_one_regex_mb_per_s} MB/s | |

Targets of issue 10: {verdict}

Where the time goes: CPU seconds per MB of the corpus, in one process, for
reading and building the article model and for each plugin's check hook
(400 articles, after a warm-up):

| part | CPU s per MB |
| --- | --- |
{cost_rows}
"""


def write_results(figures: dict[str, object]) -> None:
    """Write benchmarks/RESULTS.md from the figures."""
    values = {key: figures.get(key, "n/a") for key in figures}
    costs = figures.get("cpu_s_per_mb") or {}
    checks = {
        "cold start ≤ 3× the import": float(figures["cold_vs_import_ratio"]) <= 3,
        "≥ 3 MB/s with 2 jobs": float(figures["corpus_jobs2_mb_per_s"]) >= 3,
        "≥ 10× proselint": float(figures.get("newslint_jobs2_vs_proselint", 0) or 0) >= 10,
        "warm cache < 1.5 s": float(figures["corpus_warm_cache_s"]) < 1.5,
        "< 250 MB per worker": float(figures["peak_memory_per_worker_mb"]) < 250,
    }
    verdict = "; ".join(f"{name}: {'met' if ok else 'not met'}" for name, ok in checks.items()) + "."
    values.update(
        verdict=verdict,
        cost_rows="\n".join(f"| {name} | {value} |" for name, value in costs.items()),
        date=time.strftime("%Y-%m-%d"),
        cold_runs=int(figures["runs"]) * 3,
        proselint_version=PROSELINT_VERSION,
    )
    for key in ("proselint_s", "proselint_mb_per_s", "newslint_jobs2_vs_proselint"):
        values.setdefault(key, "n/a")
    (HERE / "RESULTS.md").write_text(RESULTS_TEMPLATE.format(**values), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--newslint", default=shutil.which("newslint") or str(Path(sys.executable).parent / "newslint")
    )
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument("--write-results", action="store_true", help="write benchmarks/RESULTS.md")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    figures = measure(args)
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key:<{width}}  {value}")
    if args.json:
        print(json.dumps(figures))
    if args.write_results:
        write_results(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
