"""Linear time on adversarial input: every built-in rule, 10 KB → 100 KB → 1 MB.

Usage::

    python benchmarks/linearity.py [--runs 3] [--max-ratio 20]

For each kind of hostile input it lints 10 KB, 100 KB and 1 MB of it in
this process (plugins loaded once) and prints the median times and the
ratio between consecutive sizes.  Linear work gives ratios near 10; the
script exits 1 when any ratio exceeds ``--max-ratio``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from newslint.config import load_config
from newslint.runner import Runner
from newslint.session import Session

SIZES = (10_000, 100_000, 1_000_000)


def repeat(piece: str) -> Callable[[int], str]:
    """Return a generator of ``size`` characters made of ``piece`` repeated."""
    return lambda size: (piece * (size // len(piece) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "one letter": repeat("a"),
    "one space": repeat(" "),
    "one period": repeat("."),
    "opening quotes": repeat("“"),
    "straight quotes": repeat('"'),
    "apostrophes": repeat("’"),
    "hyphens": repeat("-"),
    "newlines": repeat("\n"),
    "long words": repeat("Internationalisationwithoutanyspaces" * 3 + " "),
    "glued words": repeat("theofficialsaidthatthecouncilhadto "),
    "one long sentence": repeat("the council met and the mayor spoke and officials said "),
    "long quotation": lambda size: "“" + repeat("we will keep going and going ")(size - 2) + "”",
    "titles and names": repeat("Mr. Austin and Gen. Milley met Sen. Warren "),
    "capitalised words": repeat("Alpha Bravo Charlie Delta Echo Foxtrot "),
    "double spaces": repeat("word  "),
    "urls": repeat("https://example.com/" + "a" * 50 + " "),
    "at signs": repeat("@"),
    "markdown emphasis": repeat("*_"),
}


def median_time(runner: Runner, text: str, path: str, runs: int) -> float:
    """Median wall time of linting ``text`` ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        runner.check_text(text, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=20.0)
    parser.add_argument("--only", help="run only inputs whose name contains this")
    args = parser.parse_args()
    runner = Runner(Session.create(load_config()))
    runner.start()
    worst = 0.0
    print(f"{'input':<20} {'10 KB':>9} {'100 KB':>9} {'1 MB':>9} {'ratio':>7} {'ratio':>7}")
    for name, make in INPUTS.items():
        if args.only and args.only not in name:
            continue
        times = [median_time(runner, "Headline\n\n" + make(size), "input.txt", args.runs) for size in SIZES]
        ratios = [times[i + 1] / max(times[i], 1e-6) for i in range(len(times) - 1)]
        worst = max(worst, *ratios)
        print(
            f"{name:<20} {times[0]:>8.3f}s {times[1]:>8.3f}s {times[2]:>8.3f}s "
            + " ".join(f"{r:>6.1f}×" for r in ratios),
            flush=True,
        )
    runner.finish()
    print(f"worst ratio between consecutive sizes (10× more input): {worst:.1f}")
    return 0 if worst <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
