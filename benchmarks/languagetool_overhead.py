"""What the grammar plugin costs newslint, apart from LanguageTool's own checking time.

Writes a corpus of synthetic articles and lints it in this process (a
runner per configuration, no result cache), timing the linting only:

1. with the grammar rules ignored (the baseline: every other plugin);
2. in ``auto`` mode with no LanguageTool anywhere (the one-notice path);
3. against the stand-in LanguageTool server of the tests, with an empty
   LanguageTool cache (newslint, language-tool-python and HTTP, but no real
   checking: the stand-in answers at once);
4. the same again with the LanguageTool cache warm (LanguageTool is asked
   nothing but its version).

Usage: ``python benchmarks/languagetool_overhead.py [ARTICLES]`` (default 300).
A real LanguageTool adds its own time to run 3, per request; it cannot be
downloaded on the development machines, so it is not measured here.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from languagetool_fake import FakeLanguageTool  # noqa: E402

from newslint.config import load_config  # noqa: E402
from newslint.runner import Runner  # noqa: E402
from newslint.session import Session  # noqa: E402

PARAGRAPHS = [
    "SPRINGFIELD — The council voted 5-2 on Tuesday to raise spending on road repair, officials said.",
    "Mayor Adaeze Nwosu called the vote a turning point, though critics said the plan leaves parks short.",
    "The budget adds $4.2 million for paving and trims the library's evening hours by a third.",
    "“We heard every neighborhood,” Nwosu said. “Next year the choices get harder, not easier.”",
    "A city official who was not authorized to speak publicly said the reserve fund would fall again.",
    "Residents packed the chamber for the three-hour session, and many left before the final vote.",
]


def corpus(count: int) -> list[str]:
    """``count`` articles of about 600 bytes each."""
    articles = []
    for n in range(count):
        body = "\n\n".join(PARAGRAPHS[(n + k) % len(PARAGRAPHS)] + f" (Item {n}.{k}.)" for k in range(5))
        articles.append(f"Council acts on budget, day {n}\n\n{body}\n")
    return articles


def lint_all(config_path: Path, articles: list[str], ignore: tuple[str, ...] = ()) -> tuple[float, str]:
    """Lint every article with a fresh runner; return the seconds spent and what was printed on stderr."""
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        runner = Runner(Session.create(load_config(config_path), ignore=ignore))
        runner.start()
        start = time.perf_counter()
        for n, text in enumerate(articles):
            runner.check_text(text, f"article-{n}.txt")
        seconds = time.perf_counter() - start
        runner.finish()
    return seconds, stderr.getvalue()


def main() -> None:
    """Run the four measurements and print one line each."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    articles = corpus(count)
    size = sum(len(text.encode("utf-8")) for text in articles)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSLINT_CACHE_DIR"] = str(Path(tmp) / "cache")
        os.environ["LTP_PATH"] = str(Path(tmp) / "no-ltp")
        for name in ("NEWSLINT_LANGUAGETOOL_MODE", "NEWSLINT_LANGUAGETOOL_URL", "LTP_JAR_DIR_PATH"):
            os.environ.pop(name, None)
        config = Path(tmp) / "rules.yaml"

        def report(label: str, seconds: float) -> None:
            per = seconds / count * 1000
            print(f"{label:<40} {seconds:6.2f} s  {per:5.2f} ms/article  {size / seconds / 1e6:6.2f} MB/s")

        config.write_text("languagetool: {mode: auto}\n", encoding="utf-8")
        seconds, _ = lint_all(config, articles, ignore=("grammar",))
        report("grammar ignored (baseline)", seconds)
        seconds, printed = lint_all(config, articles)
        assert printed.count("newslint: grammar:") == 1, printed
        report("auto, no LanguageTool (one notice)", seconds)
        with FakeLanguageTool() as fake:
            config.write_text(f"languagetool: {{mode: server, server: '{fake.url}'}}\n", encoding="utf-8")
            seconds, printed = lint_all(config, articles)
            assert len(fake.checks()) == count, (len(fake.checks()), printed)
            report("stand-in server, empty LanguageTool cache", seconds)
            seconds, printed = lint_all(config, articles)
            assert len(fake.checks()) == count, "the LanguageTool cache was not used"
            report("stand-in server, warm LanguageTool cache", seconds)
        print(f"({count} articles, {size} bytes)")


if __name__ == "__main__":
    main()
