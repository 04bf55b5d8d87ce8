"""Throughput of the honorifics plugin alone, and how it grows with the size of an article.

    python benchmarks/speed_honorifics.py

Prints megabytes per second (of CPU time) of story text checked by the honorifics plugin
(article parsing excluded: that is the core's cost, shared by all plugins)
on about 1 MB of the evaluation articles, which are dense with names, in
both house styles; on the benchmark corpus of ``corpus.py`` (400 articles,
ordinary density); then the time for one long article built from the
evaluation articles at two sizes, to show the work grows linearly.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml
from newslint_plugins import honorifics

from newslint.config import load_config
from newslint.model import Article
from newslint.readers import build_article
from newslint.session import Session

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "honorifics"


def evaluation_texts() -> list[str]:
    """The articles of the evaluation set."""
    return [yaml.safe_load(p.read_text(encoding="utf-8"))["text"] for p in sorted(DATA.glob("*.yaml"))]


def context_for(style: str, folder: Path):
    """A check context for the packaged defaults with ``style``."""
    path = folder / f"{style}.yaml"
    path.write_text(f"style: {style}\n", encoding="utf-8")
    return Session.create(load_config(path)).context()


def best_time(articles: list[Article], context, repeats: int = 3) -> float:
    """The least CPU time of ``repeats`` runs of the plugin over ``articles``, in seconds.

    CPU time, not wall time: the machines are shared, and other processes
    stretch wall time without changing the work done.
    """
    honorifics.newslint_check(articles[0], context)  # build the lexicon outside the timing
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for article in articles:
            honorifics.newslint_check(article, context)
        best = min(best, time.process_time() - start)
    return best


def long_article(texts: list[str], size: int) -> Article:
    """One article of about ``size`` bytes made of the evaluation articles' body paragraphs."""
    paragraphs: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            body = text.split("\n\n", 2)[-1]
            paragraphs.append(body)
            total += len(body.encode("utf-8"))
    return build_article("long.txt", "Headline\n\nBy Ann Lee\n\n" + "\n\n".join(paragraphs))


def main() -> int:
    """Print the figures."""
    texts = evaluation_texts()
    corpus: list[str] = []
    while sum(len(t.encode("utf-8")) for t in corpus) < 1_000_000:
        corpus.extend(texts)
    size = sum(len(t.encode("utf-8")) for t in corpus) / 1e6
    articles = [build_article(f"a{i}.txt", text) for i, text in enumerate(corpus)]
    with tempfile.TemporaryDirectory() as folder:
        for style in ("ap", "courtesy-titles"):
            seconds = best_time(articles, context_for(style, Path(folder)))
            print(
                f"{style:16} {size:.2f} MB in {len(articles)} articles: {seconds:.2f} s, {size / seconds:.1f} MB/s"
            )
        context = context_for("ap", Path(folder))
        sys.path.insert(0, str(Path(__file__).parent))
        from corpus import write_corpus

        corpus_folder = Path(folder) / "corpus"
        write_corpus(corpus_folder, 400)
        files = sorted(corpus_folder.rglob("*.txt"))
        built = [build_article(str(p), p.read_text(encoding="utf-8")) for p in files]
        size = sum(len(a.text.encode("utf-8")) for a in built) / 1e6
        seconds = best_time(built, context)
        print(
            f"{'benchmark corpus':16} {size:.2f} MB in {len(built)} articles: {seconds:.2f} s, {size / seconds:.1f} MB/s"
        )
        small, large = long_article(texts, 50_000), long_article(texts, 400_000)
        first, second = best_time([small], context), best_time([large], context)
        ratio = len(large.text) / len(small.text)
        print(
            f"one article of {len(small.text) / 1e3:.0f} kB: {first:.3f} s; {ratio:.1f} times longer: {second:.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
