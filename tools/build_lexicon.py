"""Generate ``newslint/data/en_words.txt``, the word data behind ``newslint.lexicon``.

Build-time only: needs ``symspellpy`` (for its bundled English frequency
dictionary) and ``wordfreq``, neither of which newslint needs at run time::

    python -m venv /tmp/wordsvenv
    /tmp/wordsvenv/bin/pip install symspellpy==6.10.1 wordfreq==3.1.1
    PYTHONPATH=. /tmp/wordsvenv/bin/python tools/build_lexicon.py

How the list is made (the reasons and measurements are in docs/lexicon.md):

1. **Base**: every word of symspellpy's ``frequency_dictionary_en_82_765.txt``
   (Google Books Ngram counts filtered through the SCOWL spelling lists, so it
   holds almost no misspellings).
2. **Supplement**: words of wordfreq's large English list that the base lacks,
   that are common enough (Zipf >= ``MIN_ZIPF``), and that pass two filters:

   * not a likely misspelling: no base word one edit away is ``TYPO_RATIO``
     times more frequent ("recieve", "teh", "thier" are dropped);
   * not likely two words glued: if the word splits into two base words, it
     must be more frequent than chance predicts from the parts
     (``log10(f(ab) / (f(a) * f(b))) >= GLUE_MIN_ASSOCIATION``), which keeps
     "lockdown" and "whistleblower" and drops "ofthe", "alot", "wellknown".

   Possessives ("moscow's") are left out: the lexicon derives them.
3. **Include list**: ``tools/lexicon_include.txt``, a short, commented list of
   news words the two steps above miss (each line says why).
4. **Frequencies** come from wordfreq (a blend of news, books, web, subtitles
   and Wikipedia) where it has the word, else from the symspellpy count.

The output gives each word its frequency in centibels (``-100 * log10(freq)``),
in the format of :mod:`newslint.wordtable`: one line per first three letters,
``<key>\\t<word> <word> ...\\t<centibels> <centibels> ...``, words sorted, so a
short run looks words up in the lines as read instead of building a dict.
"""

from __future__ import annotations

import argparse
import importlib.resources
import math
import re
import sys
from importlib.metadata import version
from pathlib import Path

from newslint.lexicon import _edits1
from newslint.wordtable import format_word_file

MIN_ZIPF = 2.5
TYPO_RATIO = 50.0
GLUE_MIN_ASSOCIATION = 0.5
WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")

OUT = Path(__file__).resolve().parent.parent / "newslint" / "data" / "en_words.txt"
# News words that both sources miss or that the filters above wrongly drop.
INCLUDE = Path(__file__).resolve().parent / "lexicon_include.txt"


def read_include(path: Path) -> list[str]:
    """Return the words of a forced-inclusion list (``#`` starts a comment)."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.append(word)
    return words


def load_symspell() -> dict[str, int]:
    """Return symspellpy's English word counts."""
    path = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, count = line.split()
            counts[word] = int(count)
    return counts


def looks_like_typo(word: str, freq: float, base_freq: dict[str, float]) -> str | None:
    """Return the far more frequent base word one edit from ``word``, if any."""
    for cand in _edits1(word):
        f = base_freq.get(cand)
        if f is not None and f >= TYPO_RATIO * freq:
            return cand
    return None


def looks_glued(word: str, freq: float, base_freq: dict[str, float]) -> tuple[str, str] | None:
    """Return the two base words ``word`` is a chance gluing of, if any."""
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if len(a) == 1 and a not in ("a", "i"):
            continue
        if len(b) == 1 and b not in ("a", "i"):
            continue
        fa, fb = base_freq.get(a), base_freq.get(b)
        if fa and fb and math.log10(freq / (fa * fb)) < GLUE_MIN_ASSOCIATION:
            return a, b
    return None


def build(report: bool) -> dict[str, float]:
    """Return the merged ``{word: frequency}``; print what was dropped if ``report``."""
    import wordfreq

    counts = load_symspell()
    total = sum(counts.values())
    wf = wordfreq.get_frequency_dict("en", wordlist="large")
    merged: dict[str, float] = {}
    for word, count in counts.items():
        merged[word] = wf.get(word) or count / total
    base_freq = dict(merged)

    floor = wordfreq.zipf_to_freq(MIN_ZIPF)
    added = dropped_typo = dropped_glued = 0
    for word, freq in wf.items():
        if freq < floor or word in base_freq or not WORD_RE.fullmatch(word):
            continue
        if len(word) < 3 or word.endswith("'s"):
            continue
        typo_of = looks_like_typo(word, freq, base_freq)
        if typo_of:
            dropped_typo += 1
            if report:
                print(f"typo?  {word} -> {typo_of}")
            continue
        glued = looks_glued(word, freq, base_freq)
        if glued:
            dropped_glued += 1
            if report:
                print(f"glued? {word} -> {glued[0]} {glued[1]}")
            continue
        merged[word] = freq
        added += 1
    for word in read_include(INCLUDE):
        merged[word] = wf.get(word) or wordfreq.zipf_to_freq(MIN_ZIPF)
    print(
        f"base {len(counts)} words; supplement +{added}; "
        f"dropped {dropped_typo} likely typos, {dropped_glued} likely glued words",
        file=sys.stderr,
    )
    return merged


HEADER = (
    "newslint English word list: <key>\\t<words>\\t<centibels>, one line per key (the words' first "
    "three letters); frequency = 10 ** (-centibels / 100)"
)


def write(merged: dict[str, float], out: Path) -> None:
    """Write ``merged`` in the word-file format of :mod:`newslint.wordtable`."""
    centibels = {word: max(0, round(-100 * math.log10(freq))) for word, freq in merged.items()}
    header = [
        HEADER,
        "Generated by tools/build_lexicon.py from symspellpy frequency_dictionary_en_82_765.txt and "
        f"wordfreq {version('wordfreq')} (large, en).",
        "Licence: CC-BY-SA-4.0 (see newslint/data/README.md for sources and credits).",
    ]
    out.write_text(format_word_file(centibels, header), encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    """Build the word list and write it (or only report with ``--dry-run``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", action="store_true", help="list every dropped word")
    parser.add_argument("--dry-run", action="store_true", help="do not write the file")
    args = parser.parse_args(argv)
    merged = build(args.report)
    if not args.dry_run:
        write(merged, args.out)
        print(f"wrote {len(merged)} words to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
