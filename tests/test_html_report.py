"""The HTML report: a self-contained page, checked as markup and in a real headless Chromium."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, find_browser
from click.testing import CliRunner
from conftest import FIXTURES, write_config

from newslint.cli import main
from newslint.readers import build_article
from newslint.reporters.html import story_span

TEXT_ARTICLE = (
    "Harbor Gazette\n"
    "\n"
    "Ferry service resumes after storm repairs\n"
    "\n"
    "By Lena Ortiz\n"
    "\n"
    "PORT ALDEN, Maine — At this point in time the ferry runs twice a day , city officials said.\n"
    "\n"
    "“We missed teh island  more than we expected,” said Ruth Keane, who commutes daily.\n"
    "\n"
    "Fares stay the same at this point  in time.\n"
)
HTML_ARTICLE = (
    "<!DOCTYPE html><html><head><title>Mill</title><style>p{color:red}</style></head><body>\n"
    "<h1>Mill &amp; bakery reopen</h1>\n"
    "<p>By Sam Roe</p>\n"
    "<p>The <em>old</em> mill  reopened on Friday , city officials said.</p>\n"
    "</body></html>\n"
)
MARKDOWN_ARTICLE = (
    "---\ntitle: Library hours\n---\n"
    "# Library adds *evening* hours\n\n"
    "By Kim Doe\n\n"
    "The [library](https://example.org/lib) will stay open  until 9 p.m. , the director said.\n"
)
CLEAN_ARTICLE = "Quiet day\n\nBy Ann Lee\n\nNothing happened in town.\n"


def render_report(folder: Path) -> tuple[Path, dict]:
    """Write the articles and a desk config into ``folder``; return the HTML report and the JSON findings."""
    # The desk plugin's "teh" rule stands in for a typo; the typos plugin would flag it too.
    write_config(
        folder, {"plugins": [str(FIXTURES / "desk_plugin.py")], "rules": {"typos.misspelling": "off"}}
    )
    (folder / "ferry.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (folder / "mill.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (folder / "library.md").write_text(MARKDOWN_ARTICLE, encoding="utf-8")
    (folder / "quiet.txt").write_text(CLEAN_ARTICLE, encoding="utf-8")
    names = ["ferry.txt", "mill.html", "library.md", "quiet.txt"]
    config = str(folder / "rules.yaml")
    paths = [str(folder / n) for n in names]
    report = folder / "report.html"
    result = CliRunner().invoke(
        main, ["check", "--config", config, "--format", "html", "-o", str(report), *paths]
    )
    assert result.exit_code == 1, result.output
    document = json.loads(
        CliRunner().invoke(main, ["check", "--config", config, "--format", "json", *paths]).stdout
    )
    return report, document


# The page as markup ---------------------------------------------------------------------------


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    report, _ = render_report(tmp_path)
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "default-src 'none'" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#)""", page), "a link or source outside the page"
    assert "@import" not in page and "url(" not in page
    assert "<link" not in page


def test_article_text_is_escaped(tmp_path: Path) -> None:
    story = tmp_path / "odd.txt"
    story.write_text(
        "Odd <b>copy</b>\n\nBy Ann Lee\n\nA </script><script>alert(1)</script>  test.\n", encoding="utf-8"
    )
    page = CliRunner().invoke(main, ["check", "--format", "html", str(story)]).stdout
    assert "<script>alert(1)" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    data = re.search(r'<script type="application/json" id="findings-data">(.*?)</script>', page, re.S)
    assert data is not None and json.loads(data.group(1))[0][0]["rule"] == "spacing.double-space"


def test_story_span_inverts_the_readers_offsets() -> None:
    for path, text in (("a.html", HTML_ARTICLE), ("a.md", MARKDOWN_ARTICLE), ("a.txt", TEXT_ARTICLE)):
        article = build_article(path, text)
        for paragraph in article.paragraphs:
            for start in range(paragraph.start, paragraph.end, 7):
                end = min(start + 5, paragraph.end)
                if article.offsets.span_is_verbatim(start, end):
                    assert story_span(article, *article.file_span(start, end)) == (start, end)


def test_empty_run_renders() -> None:
    page = CliRunner().invoke(main, ["check", "--format", "html", "missing.txt"]).stdout
    assert "no such file or directory" in page and "</html>" in page


# The page in a browser ------------------------------------------------------------------------

CHROMIUM = find_browser()
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run installs it)"
)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Browser, dict, Path]]:
    assert CHROMIUM is not None
    folder = tmp_path_factory.mktemp("html-report")
    report, document = render_report(folder)
    browser = Browser(CHROMIUM, folder / "profile", width=1200, height=900)
    try:
        browser.open(report)
        yield browser, document, folder
    finally:
        browser.close()


MARKS_OF = """
(([a, f]) => [...document.querySelectorAll(`mark.hl[data-a="${a}"]`)]
    .filter(m => m.dataset.f.split(" ").includes(String(f))))
"""


def expected_story_text(document: dict) -> list[list[str]]:
    """What each highlight must cover: the finding's text as a reader sees it."""
    expected = []
    for entry in document["files"]:
        texts = [f["text"] for f in entry.get("findings", [])]
        expected.append([t.replace("&amp;", "&") for t in texts])
    return expected


@needs_browser
def test_the_page_makes_no_network_requests(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, folder = page
    assert browser.requested_urls() == [(folder / "report.html").resolve().as_uri()]


@needs_browser
def test_every_highlight_sits_on_the_words_of_its_finding(page: tuple[Browser, dict, Path]) -> None:
    browser, document, _ = page
    shown = browser.evaluate(
        """[...document.querySelectorAll("article.card[data-a]")].map(card => {
             const a = card.dataset.a;
             const count = new Set([...card.querySelectorAll("mark.hl")]
                 .flatMap(m => m.dataset.f.split(" "))).size;
             return [...Array(count).keys()].map(f => ("""
        + MARKS_OF
        + """)([a, f])
                 .map(m => m.textContent).join(""));
           })"""
    )
    flagged = [files for files in expected_story_text(document) if files]
    assert shown == flagged
    # The words, concretely: spacing slips, a style phrase, a typo, unnamed officials; in HTML and Markdown too.
    assert shown[0] == [
        "At this point in time",
        " ,",
        "officials said",
        "teh",
        "  ",
        "at this point  in time",
        "  ",
    ]
    assert shown[1] == ["  ", " ,", "officials said"]
    assert shown[2] == ["  "]


@needs_browser
def test_highlights_are_visible_and_coloured_by_severity(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, _ = page
    marks = browser.evaluate(
        """[...document.querySelectorAll("mark.hl")].map(m => {
             const r = m.getBoundingClientRect();
             m.scrollIntoView({block: "center"});
             const box = m.getBoundingClientRect();
             const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
             return {sev: [...m.classList].find(c => c.startsWith("sev-")), width: r.width, height: r.height,
                     onTop: top === m || m.contains(top), bg: getComputedStyle(m).backgroundColor,
                     text: m.textContent};
           })"""
    )
    assert marks and all(m["width"] > 0 and m["height"] > 0 and m["onTop"] for m in marks), marks
    colours = {m["sev"]: m["bg"] for m in marks}
    assert set(colours) == {"sev-error", "sev-warning", "sev-info"}
    assert len(set(colours.values())) == 3


@needs_browser
def test_hover_shows_the_message_and_suggestion(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, folder = page
    box = browser.evaluate(
        """(() => { const m = [...document.querySelectorAll("mark.hl")].find(m => m.textContent === "teh");
                  m.scrollIntoView({block: "center"}); const r = m.getBoundingClientRect();
                  return [r.left + r.width / 2, r.top + r.height / 2, r.top, r.bottom]; })()"""
    )
    browser.move_mouse(box[0], box[1])
    tip = browser.evaluate(
        """(() => { const t = document.getElementById("tip"); const r = t.getBoundingClientRect();
                  return {hidden: t.hidden, text: t.textContent, top: r.top, bottom: r.bottom}; })()"""
    )
    assert not tip["hidden"]
    assert "“teh” is a typo for “the”" in tip["text"] and "Suggestion: the" in tip["text"]
    assert "error" in tip["text"] and "fixable" in tip["text"]
    assert tip["bottom"] <= box[2] + 2 or tip["top"] >= box[3] - 2  # beside the word, not over it
    browser.screenshot(folder / "report-hover.png", full_page=False)
    browser.move_mouse(5, 5)
    assert browser.evaluate('document.getElementById("tip").hidden') is True


@needs_browser
def test_keyboard_focus_shows_the_note_and_escape_hides_it(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, _ = page
    browser.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(40):
        browser.press("Tab", "Tab", 9)
        if browser.evaluate('document.activeElement.matches("mark.hl")'):
            break
    focused = browser.evaluate("document.activeElement.textContent")
    assert focused == "At this point in time"
    tip = browser.evaluate(
        '[document.getElementById("tip").hidden, document.getElementById("tip").textContent]'
    )
    assert tip[0] is False and "wordy: say “now”" in tip[1] and "Suggestion: now" in tip[1]
    assert browser.evaluate('document.activeElement.getAttribute("aria-describedby")') == "tip"
    browser.press("Tab", "Tab", 9)
    assert browser.evaluate("document.activeElement.textContent") == " ,"
    assert "space before “,”" in browser.evaluate('document.getElementById("tip").textContent')
    browser.press("Escape", "Escape", 27)
    assert browser.evaluate('document.getElementById("tip").hidden') is True


@needs_browser
def test_filter_by_category(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, _ = page

    def state() -> dict:
        return browser.evaluate(
            """({muted: [...document.querySelectorAll("mark.hl.muted")].map(m => m.textContent),
                 rows: document.querySelectorAll(".row:not(.hidden)").length})"""
        )

    before = state()
    assert before["muted"] == []
    chip = browser.evaluate(
        """(() => { const c = document.querySelector('.chip[data-filter="cat"][data-value="spacing"]');
                  c.scrollIntoView({block: "center"}); const r = c.getBoundingClientRect();
                  return [r.left + r.width / 2, r.top + r.height / 2]; })()"""
    )
    browser.click(*chip)
    after = state()
    assert sorted(after["muted"]) == sorted(["  ", " ,"] * 2 + ["  "])
    assert after["rows"] == before["rows"] - 6
    # Where a spacing slip sits inside a style finding, the style highlight stays.
    assert browser.evaluate(
        """[...document.querySelectorAll("mark.hl.multi")].map(m => [m.textContent, m.classList.contains("muted")])"""
    ) == [["  ", False]]
    assert (
        browser.evaluate(
            'document.querySelector(\'.chip[data-value="spacing"]\').getAttribute("aria-pressed")'
        )
        == "false"
    )
    browser.click(*chip)
    assert state() == before


@needs_browser
def test_a_list_row_takes_the_reader_to_the_words(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, _ = page
    browser.evaluate('document.querySelector(\'.findings a[data-a="0"][data-f="3"]\').click()')
    assert browser.evaluate("document.activeElement.textContent") == "teh"
    assert browser.evaluate('document.getElementById("tip").hidden') is False


@needs_browser
def test_screenshot_of_the_report(page: tuple[Browser, dict, Path]) -> None:
    browser, _document, folder = page
    browser.press("Escape", "Escape", 27)
    browser.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    shot = browser.screenshot(folder / "report.png")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1200 and height > 900
    print(f"\nscreenshot: {shot}")
