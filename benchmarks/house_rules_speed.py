"""CPU time of the house-style rules (the style plugin) on the benchmark corpus, rule by rule.

Usage::

    python benchmarks/house_rules_speed.py [--articles 250] [--runs 5] [--config rules.yaml]

Without ``--config`` it measures the AP starter set with every rule on
(``extends: [ap]``, ``house.more-than`` and ``house.percent-sign`` switched
on).  Articles come from ``corpus.py`` (seeded, so the same every time) and
are parsed once; the times are the style plugin's alone, in CPU seconds
(``time.process_time``, the least of ``--runs`` runs), which shared and
busy machines disturb less than wall time.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import article
from newslint_plugins import style
from newslint_plugins.style_check import ArticleView
from newslint_plugins.style_rules import house_rules

from newslint.config import load_config
from newslint.readers import build_article, compile_boilerplate
from newslint.session import Session

ALL_AP_RULES = "extends: [ap]\nrules: {house.more-than: info, house.percent-sign: warning}\n"


def least_cpu(work: object, runs: int) -> float:
    """The least CPU time of ``runs`` calls of ``work``."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        work()  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=250)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--config", help="a rules.yaml with house rules (default: the whole AP set)")
    args = parser.parse_args()
    if args.config:
        config_path = Path(args.config)
    else:
        config_path = Path(tempfile.mkdtemp(prefix="newslint-house-")) / "rules.yaml"
        config_path.write_text(ALL_AP_RULES, encoding="utf-8")
    config = load_config(config_path)
    context = Session.create(config).context()
    rng = random.Random(7)
    texts = [article(rng) for _ in range(args.articles)]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    boilerplate = compile_boilerplate(config.boilerplate)
    articles = [build_article(f"a{i}.txt", text, boilerplate=boilerplate) for i, text in enumerate(texts)]
    print(f"{args.articles} articles, {megabytes:.2f} MB; CPU seconds, least of {args.runs} runs")
    views = [ArticleView(a) for a in articles]
    for rule in house_rules(config).runnable():
        check = style.CHECKS[rule.kind]
        seconds = least_cpu(lambda rule=rule, check=check: [check(rule, view) for view in views], args.runs)
        print(f"  {rule.id:<34} {seconds * 1000:7.1f} ms")
    total = least_cpu(lambda: [style.newslint_check(a, context) for a in articles], args.runs)
    print(f"style plugin, all rules: {total:.3f} s = {megabytes / total:.1f} MB/s of CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
