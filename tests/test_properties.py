"""Property-based tests over arbitrary text, with every built-in plugin on.

For plain text, Markdown and HTML: the run never raises and no plugin
fails; every finding's span lies inside the file and its text is the
file's text there; line and column agree with the offset; applying every
fix changes the text only inside the fixed spans, and a second pass finds
nothing more to fix.
"""

from __future__ import annotations

from conftest import make_runner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.findings import Finding

NEWS_PIECES = [
    "Mr. ",
    "Gen. ",
    "U.S. ",
    "said ",
    "the ",
    "the the ",
    "“",
    "”",
    '"',
    "’s",
    "'",
    "  ",
    " ,",
    ".",
    ". ",
    "?",
    "\n",
    "\n\n",
    "\r\n",
    "- By ",
    "WASHINGTON — ",
    "officials said ",
    "is considered ",
    "Austin ",
    "Shoigu ",
    "socalled ",
    "hadto ",
    "Moscow’swar ",
    "e-mail ",
    "https://example.com/x ",
    "@desk ",
    "#tag ",
    "3.5 ",
    "Feb. 18 ",
    "percent ",
    "recieve ",
    "Teh ",
    "`code` ",
    "# ",
    "* ",
    "> ",
    "<p>",
    "</p>",
    "&amp;",
    "<!-- x -->",
    "---\n",
    "\u00a0",
    "😀",
    "é",
    "\t",
    "commu-\nnications ",
    "anti- war ",
    "A senior official said ",
]

news_text = st.lists(st.one_of(st.sampled_from(NEWS_PIECES), st.text(max_size=12)), max_size=60).map("".join)
any_text = st.one_of(news_text, st.text(max_size=400))
PROPERTY_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, list[tuple[int, int]]]:
    """Apply non-overlapping fixes from the end backwards; return the text and the fixed spans."""
    fixes = sorted({f.fix for f in findings if f.fix is not None}, key=lambda fix: (fix.start, fix.end))
    chosen = []
    last_end = -1
    for fix in fixes:
        if fix.start >= last_end:
            chosen.append(fix)
            last_end = max(fix.end, fix.start + 1)
    for fix in reversed(chosen):
        text = text[: fix.start] + fix.replacement + text[fix.end :]
    return text, [(fix.start, fix.end) for fix in chosen]


def check_invariants(text: str, path: str) -> None:
    result = make_runner().check_text(text, path)
    assert result.failures == [], result.failures
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert (finding.line, finding.column) == line_col(text, finding.start)
        assert (finding.end_line, finding.end_column) == line_col(text, finding.end)
        if finding.fix is not None:
            assert 0 <= finding.fix.start <= finding.fix.end <= len(text)
    keys = [f.sort_key() for f in result.findings]
    assert keys == sorted(keys)
    fixed, spans = apply_fixes(text, result.findings)
    if spans:
        # Outside the fixed spans nothing changed: the text before the first fix and after the last is intact.
        assert fixed.startswith(text[: spans[0][0]])
        assert fixed.endswith(text[spans[-1][1] :])
        # Fixing until nothing changes converges, after which a further pass changes nothing.
        for _ in range(10):
            again, _spans = apply_fixes(fixed, make_runner().check_text(fixed, path).findings)
            if again == fixed:
                break
            fixed = again
        else:
            raise AssertionError(f"fixes do not converge on {text!r}")


@PROPERTY_SETTINGS
@given(any_text)
def test_plain_text_invariants(text):
    check_invariants(text, "article.txt")


@PROPERTY_SETTINGS
@given(any_text)
def test_markdown_invariants(text):
    check_invariants(text, "article.md")


@PROPERTY_SETTINGS
@given(any_text)
def test_html_invariants(text):
    check_invariants(text, "article.html")
