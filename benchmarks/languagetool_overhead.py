"""What the grammar plugin costs newslint, apart from LanguageTool's own checking time.

Writes a corpus of synthetic articles and times ``newslint check`` on it:

1. with the grammar rules ignored (the baseline);
2. in ``auto`` mode with no LanguageTool anywhere (the one-notice path);
3. against the stand-in LanguageTool server of the tests, with an empty
   LanguageTool cache (newslint, language-tool-python and HTTP, but no real
   checking: the stand-in answers at once);
4. the same again with the cache filled (a re-run on unchanged copy).

Usage: ``python benchmarks/languagetool_overhead.py [ARTICLES]`` (default 300).
A real LanguageTool adds its own time to run 3, per request; it cannot be
downloaded on the development machines, so it is not measured here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from languagetool_fake import FakeLanguageTool  # noqa: E402

PARAGRAPHS = [
    "SPRINGFIELD — The council voted 5-2 on Tuesday to raise spending on road repair, officials said.",
    "Mayor Adaeze Nwosu called the vote a turning point, though critics said the plan leaves parks short.",
    "The budget adds $4.2 million for paving and trims the library's evening hours by a third.",
    "“We heard every neighborhood,” Nwosu said. “Next year the choices get harder, not easier.”",
    "A city official who was not authorized to speak publicly said the reserve fund would fall again.",
    "Residents packed the chamber for the three-hour session, and many left before the final vote.",
]


def write_corpus(folder: Path, count: int) -> int:
    """Write ``count`` articles of about 3 KB; return their total size in bytes."""
    total = 0
    for n in range(count):
        body = "\n\n".join(PARAGRAPHS[(n + k) % len(PARAGRAPHS)] + f" (Item {n}.{k}.)" for k in range(5))
        text = f"Council acts on budget, day {n}\n\n{body}\n"
        path = folder / f"article-{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - start, done


def main() -> None:
    """Run the four measurements and print one line each."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    newslint = str(Path(sys.executable).with_name("newslint"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        size = write_corpus(folder, count)
        env = dict(
            os.environ, NEWSLINT_CACHE_DIR=str(Path(tmp) / "cache"), LTP_PATH=str(Path(tmp) / "no-ltp")
        )
        for name in ("NEWSLINT_LANGUAGETOOL_MODE", "NEWSLINT_LANGUAGETOOL_URL", "LTP_JAR_DIR_PATH"):
            env.pop(name, None)
        config = Path(tmp) / "rules.yaml"

        def report(label: str, seconds: float) -> None:
            print(
                f"{label:<44} {seconds:6.2f} s  {size / seconds / 1e6:6.2f} MB/s  ({count} articles, {size} bytes)"
            )

        config.write_text("languagetool: {mode: auto}\n", encoding="utf-8")
        seconds, _ = timed(
            [newslint, "check", "-q", "--config", str(config), "--ignore", "grammar", str(folder)], env
        )
        report("grammar ignored (baseline)", seconds)
        seconds, done = timed([newslint, "check", "-q", "--config", str(config), str(folder)], env)
        assert done.stderr.count("newslint: grammar:") == 1, done.stderr
        report("auto, no LanguageTool (one notice)", seconds)
        with FakeLanguageTool() as fake:
            config.write_text(f"languagetool: {{mode: server, server: '{fake.url}'}}\n", encoding="utf-8")
            seconds, done = timed([newslint, "check", "-q", "--config", str(config), str(folder)], env)
            assert len(fake.checks()) == count, (len(fake.checks()), done.stderr)
            report("stand-in server, empty LanguageTool cache", seconds)
            seconds, done = timed([newslint, "check", "-q", "--config", str(config), str(folder)], env)
            assert len(fake.checks()) == count, "the warm run asked LanguageTool again"
            report("stand-in server, warm LanguageTool cache", seconds)


if __name__ == "__main__":
    main()
