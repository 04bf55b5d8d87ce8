"""Stress the glued-word reading on text it must leave alone: many names, and rare real words.

Two optional sources, neither shipped nor needed by newslint:

* ``--names``: first and last names from Faker's Latin-script locales
  (``pip install faker`` in a scratch venv).  Every name the lexicon does not
  know is read as a token in mid-sentence and at a sentence start; each one
  flagged is a false positive.
* ``--wordnet DIR``: the glosses of WordNet 3.0 (``DIR`` holds ``data.noun``
  and friends, e.g. from Debian's ``wordnet-base``): 9 MB of English
  definitions dense with rare compounds ("nightclothes", "copyhold").  Every
  unknown token flagged is counted and a sample printed to judge by eye.

Usage::

    /tmp/fakervenv/bin/pip install faker
    .venv/bin/python benchmarks/stress_spacing.py --wordnet /tmp/wn/usr/share/wordnet
    .venv/bin/python benchmarks/stress_spacing.py --names --faker-site /tmp/fakervenv/lib/python3.11/site-packages
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newslint_plugins.spacing_settings import settings_from  # noqa: E402
from newslint_plugins.spacing_splits import GlueAnalyser  # noqa: E402

from newslint.compounds import get_compounds  # noqa: E402
from newslint.config import load_config  # noqa: E402
from newslint.lexicon import get_lexicon  # noqa: E402

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LOCALES = [
    "en_US",
    "en_GB",
    "en_IN",
    "en_NG",
    "en_PH",
    "en_AU",
    "en_NZ",
    "en_IE",
    "en_CA",
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "fr_CA",
    "es_ES",
    "es_MX",
    "it_IT",
    "pl_PL",
    "cs_CZ",
    "sk_SK",
    "nl_NL",
    "sv_SE",
    "fi_FI",
    "da_DK",
    "no_NO",
    "tr_TR",
    "vi_VN",
    "id_ID",
    "pt_BR",
    "ro_RO",
    "hu_HU",
    "sl_SI",
    "hr_HR",
    "lv_LV",
    "lt_LT",
    "et_EE",
    "yo_NG",
    "zu_ZA",
    "sw",
    "tl_PH",
    "ga_IE",
]


def analyser() -> GlueAnalyser:
    """The analyser with the packaged defaults."""
    config = load_config(ROOT / "rules.yaml")
    return GlueAnalyser(get_lexicon(), get_compounds(), settings_from(config))


def names_stress(per_locale: int) -> None:
    """Read every unknown Faker name mid-sentence and at a sentence start; print the false positives."""
    from faker import Faker

    names: set[str] = set()
    for locale in LOCALES:
        fake = Faker(locale)
        fake.seed_instance(1)
        for _ in range(per_locale):
            for name in (fake.first_name(), fake.last_name()):
                for part in name.replace("-", " ").split():
                    if part.isalpha() and part[0].isupper() and part[1:].islower():
                        names.add(part)
    glue = analyser()
    unknown = sorted(n for n in names if not glue.lexicon.is_known(n))
    print(f"{len(names)} distinct names, {len(unknown)} unknown to the lexicon")
    for label, start in (("mid-sentence", False), ("sentence start", True)):
        flagged = [(n, c.suggestions[0]) for n in unknown if (c := glue.analyse(n, sentence_start=start))]
        share = 100 * len(flagged) / len(unknown)
        print(f"  {label}: {len(flagged)} flagged ({share:.2f}%) {flagged[:20]}")


def wordnet_stress(folder: Path, sample: int) -> None:
    """Flag unknown tokens in WordNet's glosses; print counts and a sample."""
    glosses = []
    for pos in ("noun", "verb", "adj", "adv"):
        with (folder / f"data.{pos}").open(encoding="utf-8") as fh:
            glosses.extend(line.split("| ", 1)[1] for line in fh if not line.startswith(" ") and "| " in line)
    text = "".join(glosses)
    counts = Counter(TOKEN.findall(text))
    glue = analyser()
    flagged = []
    for token, count in counts.items():
        correction = glue.analyse(token, repeated=count > 1)
        if correction is not None:
            flagged.append((token, count, correction.suggestions[0], correction.certain))
    words = sum(counts.values())
    occurrences = sum(f[1] for f in flagged)
    with_fix = sum(f[1] for f in flagged if f[3])
    print(
        f"WordNet glosses: {len(text) / 1e6:.1f} MB, {words} tokens, {len(counts)} distinct; "
        f"flagged {len(flagged)} distinct, {occurrences} occurrences ({with_fix} with a fix), "
        f"one per {words // max(occurrences, 1)} tokens"
    )
    random.seed(1)
    for item in random.sample(flagged, min(sample, len(flagged))):
        print("  ", item)


def main() -> None:
    """Run the requested stress tests."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", action="store_true", help="names from Faker (needs faker)")
    parser.add_argument("--faker-site", type=Path, help="a site-packages folder holding faker")
    parser.add_argument("--per-locale", type=int, default=3000)
    parser.add_argument("--wordnet", type=Path, help="folder with WordNet 3.0's data.* files")
    parser.add_argument("--sample", type=int, default=40)
    args = parser.parse_args()
    if args.faker_site:
        sys.path.append(str(args.faker_site))
    if args.names:
        names_stress(args.per_locale)
    if args.wordnet:
        wordnet_stress(args.wordnet, args.sample)


if __name__ == "__main__":
    main()
