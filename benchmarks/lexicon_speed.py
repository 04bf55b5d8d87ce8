"""Measure what newslint.lexicon costs: cold load, memory, suggestion and split speed.

    PYTHONPATH=. python benchmarks/lexicon_speed.py

Load cost is the median wall time of 7 fresh ``python -c`` processes that load
the lexicon and look up one word, minus the median of 7 ``python -c "pass"``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 7
LOAD = "from newslint.lexicon import get_lexicon; get_lexicon().is_known('x')"
# Peak resident memory in KiB (Linux VmHWM: reset by exec, unlike ru_maxrss).
RSS = ";print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
MISSPELLINGS = [
    "recieve",
    "goverment",
    "Febuary",
    "teh",
    "seperate",
    "definately",
    "untill",
    "thier",
    "accomodate",
    "neccessary",
    "embarass",
    "independant",
    "wierd",
    "lenght",
    "begining",
    "occured",
    "tommorow",
    "arguement",
    "acheive",
    "comittee",
]
GLUED = ["hadto", "Moscow’swar", "in2022", "socalled", "wellknown", "thepresidentsaid"]


def cold(code: str) -> tuple[float, int]:
    """Median wall seconds and median peak RSS (KiB) of RUNS fresh interpreters."""
    times, rss = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code + RSS], capture_output=True, text=True, check=True
        ).stdout
        times.append(time.perf_counter() - start)
        rss.append(int(out.split()[-1]))
    return statistics.median(times), int(statistics.median(rss))


def main() -> int:
    """Print the measurements."""
    base_t, base_rss = cold("pass")
    load_t, load_rss = cold(LOAD)
    print(f"python -c pass: {base_t * 1000:.0f} ms, {base_rss / 1024:.1f} MiB")
    print(f"load + is_known: {load_t * 1000:.0f} ms, {load_rss / 1024:.1f} MiB")
    print(f"added by the lexicon: {(load_t - base_t) * 1000:.0f} ms, {(load_rss - base_rss) / 1024:.1f} MiB")
    idx_t, idx_rss = cold(LOAD + ";get_lexicon().suggest('seperate')")
    print(
        f"first suggest() of an s- word (builds the largest one-letter index): +{(idx_t - load_t) * 1000:.0f} ms, "
        f"peak {(idx_rss - base_rss) / 1024:.1f} MiB over bare python"
    )
    every = LOAD + ";lex = get_lexicon();[lex.suggest(c + 'qzx') for c in 'abcdefghijklmnopqrstuvwxyz']"
    all_t, all_rss = cold(every)
    print(
        f"suggest() on every first letter (builds all the indexes): +{(all_t - load_t) * 1000:.0f} ms, "
        f"peak {(all_rss - base_rss) / 1024:.1f} MiB over bare python"
    )

    from newslint.lexicon import get_lexicon

    lex = get_lexicon()
    for word in MISSPELLINGS:
        lex.suggest(word)  # build the indexes these words need
    start = time.perf_counter()
    for word in MISSPELLINGS:
        lex.suggest(word)
    per = (time.perf_counter() - start) / len(MISSPELLINGS)
    print(f"suggest(max_edits=2), warm: {per * 1000:.1f} ms per word")
    start = time.perf_counter()
    for word in MISSPELLINGS:
        lex.suggest(word, max_edits=1)
    per = (time.perf_counter() - start) / len(MISSPELLINGS)
    print(f"suggest(max_edits=1), no index: {per * 1000:.2f} ms per word")
    start = time.perf_counter()
    for _ in range(100):
        for token in GLUED:
            lex.split_candidates(token)
    per = (time.perf_counter() - start) / (100 * len(GLUED))
    print(f"split_candidates: {per * 1e6:.0f} µs per token")
    return 0


if __name__ == "__main__":
    sys.exit(main())
