"""Instructions per article for each part of a run, counted by valgrind: a figure load cannot move.

Usage::

    python benchmarks/instructions.py [--articles 60] [part ...]

Timings on shared 2-core machines wander by 20% from one minute to the
next; a change that saves 3% cannot be seen in them.  This script runs the
work under ``valgrind --tool=cachegrind`` (about 50 times slower) and
counts the instructions the CPU executes, which do not depend on what else
the machine is doing.  Each part is run twice in a fresh process, once
with the articles and once without, and the difference is divided by the
number of articles, so start-up and the loading of word data drop out.

Parts: ``structure`` (reading an article into the model), ``check`` (every
plugin and the runner's own work on a built article) and each plugin's
check hook by name.  Articles come from the benchmark corpus (written by
``corpus.py`` if missing), after 40 warm-up articles.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
PARTS = ("structure", "check", "attribution", "honorifics", "spacing", "typos", "style")
WARM_UP = 40


def run_part(part: str, count: int) -> None:
    """Build and check ``count`` corpus articles for one part (``NEWSLINT_IR_SKIP=1``: set-up only)."""
    os.environ["NEWSLINT_LANGUAGETOOL_MODE"] = "off"
    from newslint.config import load_config
    from newslint.readers import build_article, decode
    from newslint.runner import Runner
    from newslint.session import Session

    runner = Runner(Session.create(load_config()))
    runner.start()
    files = sorted((HERE / "corpus").rglob("*.txt"))
    for path in files[:WARM_UP]:
        runner.check_text(decode(path.read_bytes())[0], "warm-up.txt")
    texts = [decode(path.read_bytes())[0] for path in files[1000 : 1000 + count]]
    built = [build_article("article.txt", text, boilerplate=runner.boilerplate) for text in texts]
    if os.environ.get("NEWSLINT_IR_SKIP"):
        return
    if part == "structure":
        for text in texts:
            build_article("article.txt", text, boilerplate=runner.boilerplate)
    elif part == "check":
        for one in built:
            runner.check_article(one)
    else:
        impl = next(impl for impl in runner.check_impls if impl.plugin_name == part)
        arguments: dict[str, object] = {"context": runner.context}
        for one in built:
            arguments["article"] = one
            impl.function(*[arguments[name] for name in impl.argnames])


def count_instructions(part: str, count: int, skip: bool) -> int:
    """Instructions valgrind counts for one run of :func:`run_part` in a fresh process."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if skip:
        env["NEWSLINT_IR_SKIP"] = "1"
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--run",
        part,
        "--articles",
        str(count),
    ]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", finished.stderr)
    if found is None:
        raise RuntimeError(f"valgrind printed no instruction count:\n{finished.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("parts", nargs="*", default=list(PARTS), help="parts to count (default: all)")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--run", help=argparse.SUPPRESS)  # inside valgrind: do the work
    args = parser.parse_args()
    if args.run:
        run_part(args.run, args.articles)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if not (HERE / "corpus").exists():
        sys.path.insert(0, str(HERE))
        from corpus import write_corpus

        write_corpus(HERE / "corpus")
    print("| part | instructions per article |")
    print("| --- | --- |")
    for part in args.parts:
        with_articles = count_instructions(part, args.articles, skip=False)
        without = count_instructions(part, args.articles, skip=True)
        print(f"| {part} | {(with_articles - without) // args.articles:,} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
