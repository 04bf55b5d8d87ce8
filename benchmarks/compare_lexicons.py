"""Compare offline English word resources for newslint's shared lexicon.

Run it with a Python that has some of the resources installed, for example::

    python -m venv /tmp/wordsvenv
    /tmp/wordsvenv/bin/pip install wordfreq symspellpy wordsegment pyspellchecker
    PYTHONPATH=. /tmp/wordsvenv/bin/python benchmarks/compare_lexicons.py

A resource that is not installed is skipped (the script says so).  The
newslint lexicon itself is measured too when ``newslint.lexicon`` imports.

For every resource the script reports:

* coverage of a hand-written set of news-like words (common words,
  inflections, compounds, capitalised words) -- higher is better;
* how much of a set of misspellings and glued words it *accepts* -- lower is
  better, because a lexicon that accepts garbage hides typos;
* cold load time: median wall time of ``python -c "<load and look up one
  word>"`` over 5 fresh processes, minus the median of ``python -c "pass"``;
* resident memory: peak RSS (VmHWM, so Linux only) of such a process minus
  that of the bare interpreter.

The test words are the project's own; none come from the resources.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

# --- test set -------------------------------------------------------------

# Words a news lexicon must know.  Grouped so that the report can show where
# a resource is weak.
KNOWN: dict[str, list[str]] = {
    "common": [
        "the",
        "said",
        "officials",
        "government",
        "president",
        "minister",
        "military",
        "election",
        "percent",
        "according",
        "spokesman",
        "statement",
        "reporters",
        "economy",
        "inflation",
        "investigation",
        "police",
        "court",
        "lawsuit",
        "congress",
        "senate",
        "budget",
        "agreement",
        "negotiations",
        "troops",
        "attack",
        "weapons",
        "border",
        "refugees",
        "humanitarian",
        "campaign",
        "voters",
        "policy",
        "senior",
        "defense",
        "secretary",
        "counterpart",
        "communications",
        "crucial",
        "described",
        "conversation",
        "invasion",
        "sanctions",
        "allies",
    ],
    "inflections": [
        "says",
        "saying",
        "reported",
        "reporting",
        "countries",
        "fled",
        "struck",
        "sought",
        "briefed",
        "escalating",
        "escalated",
        "hostilities",
        "negotiators",
        "talked",
        "spoke",
        "warned",
        "warning",
        "denied",
        "accused",
        "killed",
        "wounded",
        "injuries",
        "casualties",
        "launched",
        "intercepted",
        "deployed",
        "withdrew",
        "resigned",
        "appointed",
        "elected",
        "votes",
        "ruled",
        "sentenced",
        "charged",
        "arrested",
    ],
    "compounds": [
        "hourlong",
        "ceasefire",
        "deconfliction",
        "springboard",
        "nonprofit",
        "lawmakers",
        "policymakers",
        "spokesperson",
        "spokeswoman",
        "counteroffensive",
        "frontline",
        "nationwide",
        "statewide",
        "bipartisan",
        "midterm",
        "whistleblower",
        "cyberattack",
        "lockdown",
        "livestream",
        "airstrike",
        "airstrikes",
        "stockpile",
        "crackdown",
        "standoff",
        "wildfire",
        "wildfires",
        "heatwave",
        "shutdown",
        "workforce",
        "taxpayers",
        "groundbreaking",
        "lawmaker",
        "headquarters",
        "counterterrorism",
        "underway",
        "onboard",
        "worldwide",
        "longtime",
    ],
    "capitalised": [
        "February",
        "Monday",
        "Washington",
        "Pentagon",
        "Ukraine",
        "Russia",
        "Moscow",
        "Kremlin",
        "Congress",
        "American",
        "European",
        "NATO",
        "Wednesday",
        "September",
        "Christmas",
        "Republican",
        "Democrats",
    ],
}

# Tokens a spell checker should flag: misspellings and words run together.
GARBAGE: dict[str, list[str]] = {
    "misspellings": [
        "teh",
        "recieve",
        "goverment",
        "seperate",
        "definately",
        "occured",
        "untill",
        "wich",
        "thier",
        "accomodate",
        "beleive",
        "enviroment",
        "existance",
        "independant",
        "occurence",
        "publically",
        "tommorow",
        "neccessary",
        "embarass",
        "acheive",
        "arguement",
        "calender",
        "concious",
        "foriegn",
        "harrass",
        "begining",
        "wierd",
        "lenght",
        "adress",
        "Febuary",
        "goverments",
        "reccomend",
        "responsiblity",
        "comittee",
        "apparantly",
        "beacuse",
        "becuase",
        "whith",
        "thsi",
        "agressive",
    ],
    "glued": [
        "socalled",
        "hadto",
        "wellknown",
        "ofthe",
        "inthe",
        "tothe",
        "andthe",
        "saidthe",
        "forthe",
        "couldnot",
        "wouldbe",
        "hasbeen",
        "wasnot",
        "itis",
        "inorder",
        "aswell",
        "eventhough",
        "alot",
        "onthe",
        "fromthe",
        "hesaid",
        "didnot",
        "warsaid",
        "militaryofficials",
        "defensesecretary",
        "thepresident",
    ],
}

# --- resources ------------------------------------------------------------
# Each resource: (name, import check, loader code for the timing run,
# membership-test factory).  The factory returns ``is_known(word) -> bool``.


def _symspell_path() -> str:
    import importlib.resources

    return str(importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt")


def _make_symspell() -> Callable[[str], bool]:
    words: set[str] = set()
    with open(_symspell_path(), encoding="utf-8") as fh:
        for line in fh:
            words.add(line.split()[0])
    return lambda w: w.lower() in words


def _make_wordfreq(min_zipf: float) -> Callable[[], Callable[[str], bool]]:
    def factory() -> Callable[[str], bool]:
        import wordfreq

        freqs = wordfreq.get_frequency_dict("en", wordlist="large")
        floor = wordfreq.zipf_to_freq(min_zipf) if min_zipf > 0 else 0.0

        def known(w: str) -> bool:
            f = freqs.get(w.lower(), 0.0)
            return f > 0.0 and f >= floor

        return known

    return factory


def _make_wordsegment_unigrams() -> Callable[[str], bool]:
    import wordsegment

    wordsegment.load()
    return lambda w: w.lower() in wordsegment.UNIGRAMS


def _make_wordsegment_words() -> Callable[[str], bool]:
    import wordsegment

    wordsegment.load()
    words = set(wordsegment.WORDS)
    return lambda w: w.lower() in words


def _make_pyspellchecker() -> Callable[[str], bool]:
    from spellchecker import SpellChecker

    spell = SpellChecker()
    return lambda w: bool(spell.known([w.lower()]))


def _make_newslint() -> Callable[[str], bool]:
    from newslint.lexicon import get_lexicon

    lex = get_lexicon()
    return lex.is_known


RESOURCES: list[tuple[str, str, str, Callable[[], Callable[[str], bool]]]] = [
    # name, module to check, cold-load snippet, membership factory
    (
        "symspellpy 82_765 (set of words)",
        "symspellpy",
        "import importlib.resources as r;"
        "p=r.files('symspellpy')/'frequency_dictionary_en_82_765.txt';"
        "d={l.split()[0]:int(l.split()[1]) for l in open(p)}; 'x' in d",
        _make_symspell,
    ),
    (
        "symspellpy SymSpell(max_dist=2)",
        "symspellpy",
        "import importlib.resources as r; from symspellpy import SymSpell;"
        "p=r.files('symspellpy')/'frequency_dictionary_en_82_765.txt';"
        "s=SymSpell(max_dictionary_edit_distance=2); s.load_dictionary(str(p),0,1);"
        "s.lookup('x', 0)",
        _make_symspell,
    ),
    (
        "wordfreq large_en (any freq)",
        "wordfreq",
        "import wordfreq; wordfreq.zipf_frequency('x','en',wordlist='large')",
        _make_wordfreq(0.0),
    ),
    (
        "wordfreq large_en (zipf>=1.5)",
        "wordfreq",
        "import wordfreq; wordfreq.zipf_frequency('x','en',wordlist='large')",
        _make_wordfreq(1.5),
    ),
    (
        "wordfreq large_en (zipf>=2.0)",
        "wordfreq",
        "import wordfreq; wordfreq.zipf_frequency('x','en',wordlist='large')",
        _make_wordfreq(2.0),
    ),
    (
        "wordsegment unigrams",
        "wordsegment",
        "import wordsegment; wordsegment.load(); 'x' in wordsegment.UNIGRAMS",
        _make_wordsegment_unigrams,
    ),
    (
        "wordsegment words.txt",
        "wordsegment",
        "import wordsegment; wordsegment.load(); 'x' in wordsegment.WORDS",
        _make_wordsegment_words,
    ),
    (
        "pyspellchecker en",
        "spellchecker",
        "from spellchecker import SpellChecker; SpellChecker().known(['x'])",
        _make_pyspellchecker,
    ),
    (
        "newslint.lexicon",
        "newslint.lexicon",
        "from newslint.lexicon import get_lexicon; get_lexicon().is_known('x')",
        _make_newslint,
    ),
]

# --- measurement ----------------------------------------------------------

# Peak resident memory of the child, in KiB.  VmHWM (Linux) belongs to the new
# address space that exec creates; ru_maxrss would instead carry over the peak
# of this (forking) process, which has loaded every resource by then.
_RSS_SUFFIX = (
    ";import sys as _s;"
    "_s.stderr.write('RSS=%s\\n' % [l.split()[1] for l in open('/proc/self/status')"
    " if l.startswith('VmHWM')][0])"
)


def _cold_run(code: str) -> tuple[float, int]:
    """Run ``code`` in a fresh interpreter; return (seconds, peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code + _RSS_SUFFIX],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    rss = 0
    for line in proc.stderr.splitlines():
        if line.startswith("RSS="):
            rss = int(line[4:])
    return elapsed, rss


def cold_stats(code: str, runs: int) -> tuple[float, int]:
    """Median wall time and median peak RSS over ``runs`` fresh processes."""
    results = [_cold_run(code) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        int(statistics.median(r[1] for r in results)),
    )


def _importable(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Measure every installed resource and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs per resource")
    parser.add_argument("--json", help="also write raw results to this file")
    parser.add_argument("--verbose", action="store_true", help="list the words each resource gets wrong")
    args = parser.parse_args(argv)

    base_time, base_rss = cold_stats("pass", args.runs)
    print(f"baseline python -c pass: {base_time * 1000:.0f} ms, {base_rss / 1024:.1f} MiB")
    n_known = sum(len(v) for v in KNOWN.values())
    n_garbage = sum(len(v) for v in GARBAGE.values())
    print(f"test set: {n_known} news words, {n_garbage} misspelled or glued tokens\n")

    header = (
        "| resource | "
        + " | ".join(f"knows {k} ({len(v)})" for k, v in KNOWN.items())
        + " | knows all | "
        + " | ".join(f"accepts {k} ({len(v)})" for k, v in GARBAGE.items())
        + " | load s (cold, median) | RSS MiB (over bare python) |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    raw: list[dict[str, object]] = []
    for name, module, code, factory in RESOURCES:
        if not _importable(module):
            print(f"| {name} | skipped: `{module}` is not installed |")
            continue
        is_known = factory()
        row: dict[str, object] = {"resource": name}
        cells: list[str] = []
        all_known = 0
        for group, words in KNOWN.items():
            hits = [w for w in words if is_known(w)]
            all_known += len(hits)
            row[f"known_{group}"] = len(hits)
            row[f"missing_{group}"] = [w for w in words if w not in hits]
            cells.append(f"{len(hits)}")
        cells.append(f"{all_known}/{n_known} ({100 * all_known / n_known:.0f}%)")
        for group, words in GARBAGE.items():
            bad = [w for w in words if is_known(w)]
            row[f"accepted_{group}"] = bad
            cells.append(f"{len(bad)}")
        t, rss = cold_stats(code, args.runs)
        row["load_s"] = round(t - base_time, 3)
        row["rss_mib"] = round((rss - base_rss) / 1024, 1)
        cells.append(f"{t - base_time:.3f}")
        cells.append(f"{(rss - base_rss) / 1024:.1f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
        raw.append(row)

    if args.verbose:
        print()
        for row in raw:
            print(f"## {row['resource']}")
            for key, value in row.items():
                if (key.startswith("missing_") or key.startswith("accepted_")) and value:
                    print(f"  {key}: {', '.join(value)}")  # type: ignore[arg-type]
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(raw, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
