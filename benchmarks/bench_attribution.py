"""Speed of the attribution plugin alone, and its linearity.

Usage::

    python benchmarks/bench_attribution.py            # about 2 MB of articles, 3 runs
    python benchmarks/bench_attribution.py --corpus   # the project's benchmark corpus instead

Articles of about 4 KB are assembled (deterministically) from the
hand-written cases in ``tests/data/attribution/``: mostly news sentences full
of attributions, claims and quotations, so this is a dense, unfavourable
text for the plugin.  ``--corpus`` uses the articles of ``corpus.py`` (the
core benchmark's generator) instead.  The script prints the plugin's own check time (CPU
time, best of the runs; reading and structuring the articles is the core's
cost and is printed apart), then the time for one article of 1x and 4x the
size, to show the cost stays linear.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "attribution"


def paragraphs() -> list[str]:
    """Every case text of the test sets, as a paragraph."""
    found = []
    for path in sorted(DATA.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            found.append(str(case["text"]).strip())
    return found


def articles(total_bytes: int, seed: int = 2026, size: int = 4000) -> list[str]:
    """Deterministic articles of about ``size`` characters until ``total_bytes`` are reached."""
    rng = random.Random(seed)
    pool = paragraphs()
    result, total = [], 0
    while total < total_bytes:
        body, length = [], 0
        while length < size:
            paragraph = rng.choice(pool)
            body.append(paragraph)
            length += len(paragraph) + 2
        text = "Council weighs library closures\n\nBy Test Writer\n\n" + "\n\n".join(body) + "\n"
        result.append(text)
        total += len(text)
    return result


def corpus_articles(total_bytes: int, seed: int = 2026) -> list[str]:
    """Articles of the core benchmark's generator (``benchmarks/corpus.py``) until ``total_bytes``."""
    sys.path.insert(0, str(Path(__file__).parent))
    from corpus import article

    rng = random.Random(seed)
    result, total = [], 0
    while total < total_bytes:
        result.append(article(rng))
        total += len(result[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the plugin's throughput and its time on growing articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=2.0, help="size of the corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs; the best is printed")
    parser.add_argument("--corpus", action="store_true", help="use the core benchmark's corpus generator")
    args = parser.parse_args(argv)

    from newslint_plugins import attribution

    from newslint.config import load_config
    from newslint.readers import build_article
    from newslint.session import Session

    texts = (corpus_articles if args.corpus else articles)(int(args.megabytes * 1_000_000))
    size = sum(len(t) for t in texts) / 1e6
    start = time.process_time()
    built = [build_article(f"a{i}.txt", text) for i, text in enumerate(texts)]
    parse = time.process_time() - start
    context = Session.create(load_config(ROOT / "rules.yaml"), select=["attribution"]).context()
    attribution.newslint_check(built[0], context)  # compile the word lists once
    best, count = float("inf"), 0
    for _ in range(args.runs):
        start = time.process_time()
        count = sum(len(attribution.newslint_check(article, context)) for article in built)
        best = min(best, time.process_time() - start)
    print(f"{len(texts)} articles, {size:.2f} MB, {count} findings")
    print(
        f"attribution check: {best:.3f} s CPU = {size / best:.2f} MB/s (reading and structure: {parse:.3f} s)"
    )
    one = "\n\n".join(texts[:25])
    for factor in (1, 4):
        article = build_article("big.txt", one * factor if factor == 1 else "\n\n".join([one] * factor))
        start = time.process_time()
        attribution.newslint_check(article, context)
        print(f"one article of {len(article.text) / 1e3:.0f} KB: {time.process_time() - start:.3f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
