"""``newslint check --fix`` and ``--diff``: certain fixes only, written safely, stable on a second run."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, make_runner, write_config

from newslint.cli import main
from newslint.findings import Finding, Fix
from newslint.fixer import apply_fixes, fix_file, fix_text, select_fixes, unified_diff

SEED = Path(__file__).parents[1].parent / "shared/examples/seed-article.txt"

# Our own article with spacing slips a copy desk fixes without thinking.
ARTICLE = (
    "Harbor Gazette\n"
    "\n"
    "Ferry service resumes after storm repairs\n"
    "\n"
    "By Lena Ortiz\n"
    "\n"
    "PORT ALDEN, Maine — The ferry to Granite Island ran again on Monday  after three weeks of repairs"
    " to the north pier , the harbor master said.Passengers waited in a line that reached the parking lot.\n"
    "\n"
    "“We missed the island  more than we expected ,” said Ruth Keane, who commutes daily.\n"
)
FIXED = (
    "Harbor Gazette\n"
    "\n"
    "Ferry service resumes after storm repairs\n"
    "\n"
    "By Lena Ortiz\n"
    "\n"
    "PORT ALDEN, Maine — The ferry to Granite Island ran again on Monday after three weeks of repairs"
    " to the north pier, the harbor master said. Passengers waited in a line that reached the parking lot.\n"
    "\n"
    "“We missed the island more than we expected,” said Ruth Keane, who commutes daily.\n"
)


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def finding(start: int, end: int, replacement: str, rule: str = "x.y") -> Finding:
    return Finding(rule, "m", start, end, fix=Fix(start, end, replacement))


# Applying fixes -----------------------------------------------------------------------


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    fixes = select_fixes([finding(0, 5, "A"), finding(3, 8, "B"), finding(8, 9, "C"), finding(8, 9, "C")])
    assert [(f.start, f.end, f.replacement) for f in fixes] == [(0, 5, "A"), (8, 9, "C")]


def test_two_insertions_at_one_point_conflict() -> None:
    fixes = select_fixes([finding(4, 4, " "), finding(4, 4, "-")])
    assert len(fixes) == 1


def test_apply_fixes_keeps_crlf_in_replacements() -> None:
    text = "one\r\ntwo three\r\n"
    fixed, changed = apply_fixes(text, [Fix(7, 8, "\n")])
    assert fixed == "one\r\ntw\r\n three\r\n" and changed == 1


def test_a_fix_never_splits_a_crlf_line_ending() -> None:
    assert apply_fixes("one \r\ntwo", [Fix(3, 5, "")]) == ("one \r\ntwo", 0)
    assert apply_fixes("one \r\ntwo", [Fix(3, 6, "\n")]) == ("one\r\ntwo", 1)


def test_a_fix_that_changes_nothing_is_not_counted() -> None:
    assert apply_fixes("abc", [Fix(0, 1, "a")]) == ("abc", 0)


def test_fix_text_reaches_a_fixed_point() -> None:
    runner = make_runner()
    fixed, applied, result = fix_text(ARTICLE, lambda text: runner.check_text(text, "story.txt"))
    assert fixed == FIXED
    assert applied == 5
    assert [f for f in result.findings if f.fix is not None] == []


# The command line --------------------------------------------------------------------------


def test_fix_changes_exactly_the_certain_fixes_and_a_second_run_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run("--fix", str(story))
    assert story.read_text(encoding="utf-8") == FIXED
    assert "fixed 5 problems in 1 file" in err
    assert status == 0, out
    before = story.stat().st_mtime_ns
    status, out, err = run("--fix", str(story))
    assert status == 0
    assert "fixed 0 problems in 0 files" in err
    assert story.read_text(encoding="utf-8") == FIXED
    assert story.stat().st_mtime_ns == before  # nothing to fix: the file is not even rewritten


def test_fix_keeps_crlf_and_byte_order_mark(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    run("--fix", str(story))
    assert story.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_fix_keeps_utf16_with_its_byte_order(tmp_path: Path) -> None:
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        story = tmp_path / f"story-{codec}.txt"
        story.write_bytes(bom + ARTICLE.encode(codec))
        run("--fix", str(story))
        assert story.read_bytes() == bom + FIXED.encode(codec)


def test_fix_keeps_permissions_and_symbolic_links(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    story.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(story)
    run("--fix", str(link))
    assert link.is_symlink()
    assert story.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if "newslint-tmp" in p.name] == []


def test_fix_refuses_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    edited = ARTICLE.replace("Monday", "Tuesday")
    runner = make_runner()

    class EditorSavesMidRun:
        """A runner whose first lint is interrupted by someone saving the file."""

        session = runner.session
        saved = False

        def check_text(self, text: str, path: str):  # type: ignore[no-untyped-def]
            if not self.saved:
                story.write_text(edited, encoding="utf-8")
                self.saved = True
            return runner.check_text(text, path)

    outcome = fix_file(EditorSavesMidRun(), str(story))  # type: ignore[arg-type]
    assert outcome.error is not None and "changed since it was read" in outcome.error
    assert story.read_text(encoding="utf-8") == edited  # the editor's version is untouched
    assert outcome.applied == 0
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_refusal_is_reported_and_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    import newslint.safewrite as safewrite

    real = safewrite._check_unchanged

    def someone_saves(snapshot: safewrite.Snapshot) -> None:
        Path(snapshot.real_path).write_text(ARTICLE + "\nA late paragraph.\n", encoding="utf-8")
        real(snapshot)

    monkeypatch.setattr(safewrite, "_check_unchanged", someone_saves)
    status, _out, err = run("--fix", str(story))
    assert status == 2
    assert "changed since it was read" in err
    assert story.read_text(encoding="utf-8").endswith("A late paragraph.\n")


def test_fix_refuses_hard_linked_files(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    os.link(story, tmp_path / "copy.txt")
    status, _out, err = run("--fix", str(story))
    assert status == 2 and "hard links" in err
    assert (tmp_path / "copy.txt").read_text(encoding="utf-8") == ARTICLE


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    status, out, err = run("--diff", str(story))
    assert story.read_text(encoding="utf-8") == ARTICLE
    assert status == 1
    expected = "".join(
        difflib.unified_diff(
            ARTICLE.splitlines(keepends=True),
            FIXED.splitlines(keepends=True),
            fromfile=f"a/{story}",
            tofile=f"b/{story}",
        )
    )
    assert out == expected
    assert "would fix 5 problems in 1 file" in err
    run("--fix", str(story))
    assert run("--diff", str(story))[:2] == (0, "")


def test_diff_marks_a_missing_final_newline() -> None:
    diff = unified_diff("s.txt", "a  b", "a b")
    assert diff.endswith("+a b\n\\ No newline at end of file\n")


def test_fix_from_standard_input_writes_the_text_to_stdout() -> None:
    status, out, err = run("--fix", "-", "--stdin-filename", "story.txt", input=ARTICLE.encode("utf-8"))
    assert out == FIXED
    assert "0 findings in 1 file" in err
    assert status == 0


def test_fix_reports_what_remains(tmp_path: Path) -> None:
    write_config(tmp_path, {"plugins": [str(FIXTURES / "desk_plugin.py")]})
    story = tmp_path / "story.txt"
    story.write_text(
        "Talks stall\n\nBy Ann Lee\n\nThe  talks stalled, city officials said.\n", encoding="utf-8"
    )
    status, out, _err = run("--fix", "--config", str(tmp_path / "rules.yaml"), str(story))
    assert story.read_text(encoding="utf-8").endswith("The talks stalled, city officials said.\n")
    assert "desk.unnamed-officials" in out and "spacing.double-space" not in out
    assert status == 0  # the remaining finding is only info


# Quotations -------------------------------------------------------------------------------


def test_style_fixes_never_rewrite_a_quotation_but_spacing_and_typo_fixes_do(tmp_path: Path) -> None:
    write_config(tmp_path, {"plugins": [str(FIXTURES / "desk_plugin.py")]})
    story = tmp_path / "story.txt"
    story.write_text(
        "Budget talks\n\nBy Ann Lee\n\n"
        "At this point in time the budget is late.\n\n"
        "“At this point in time we cannot  agree on teh numbers,” the chair said.\n",
        encoding="utf-8",
    )
    status, out, _err = run("--fix", "--config", str(tmp_path / "rules.yaml"), str(story))
    assert story.read_text(encoding="utf-8").endswith(
        "now the budget is late.\n\n“At this point in time we cannot agree on the numbers,” the chair said.\n"
    )
    # The quotation's wordiness is still reported, but left to the editor.
    assert out.count("desk.point-in-time") == 1
    assert status == 1


def test_overlapping_fixes_from_two_rules_settle_in_one_run(tmp_path: Path) -> None:
    write_config(tmp_path, {"plugins": [str(FIXTURES / "desk_plugin.py")]})
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nBy Ann Lee\n\nAt this point  in time talks go on.\n", encoding="utf-8")
    config = str(tmp_path / "rules.yaml")
    run("--fix", "--config", config, str(story))
    assert story.read_text(encoding="utf-8").endswith("now talks go on.\n")
    assert run("--diff", "--config", config, str(story))[:2] == (0, "")


# The example article ------------------------------------------------------------------------


@pytest.mark.skipif(not SEED.is_file(), reason=f"the shared example article is not at {SEED}")
def test_fix_on_the_example_article_changes_exactly_its_certain_fixes(tmp_path: Path) -> None:
    original = SEED.read_bytes().decode("utf-8-sig")
    runner = make_runner()
    before = runner.check_text(original, "seed-article.txt").findings
    fixes = select_fixes(before)
    for crlf_bom in (False, True):
        copy = tmp_path / f"seed-{crlf_bom}.txt"
        text = original.replace("\n", "\r\n") if crlf_bom else original
        copy.write_bytes((b"\xef\xbb\xbf" if crlf_bom else b"") + text.encode("utf-8"))
        run("--fix", str(copy))
        raw = copy.read_bytes()
        if crlf_bom:
            assert raw.startswith(b"\xef\xbb\xbf")
            assert raw.count(b"\n") == raw.count(b"\r\n")
        fixed = raw.decode("utf-8-sig").replace("\r\n", "\n")
        # Every change lies inside the span of a certain fix reported on the original.  A span is
        # widened over the spaces around it: difflib may report deleting "Mr. " from "and Mr. Shoigu"
        # as deleting " Mr.", the same edit shifted across a space.
        matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
        for tag, i1, i2, _j1, _j2 in matcher.get_opcodes():
            if tag != "equal":
                assert any(
                    _widened(original, f.start, f.end)[0] <= i1
                    and i2 <= _widened(original, f.start, f.end)[1]
                    for f in fixes
                ) or any(f.start == f.end == i1 for f in fixes), f"unexpected change at {i1}:{i2}"
        assert (fixed != original) == bool(fixes)
        _status, _out, err = run("--fix", str(copy))
        assert "fixed 0 problems" in err and copy.read_bytes() == raw


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``start:end`` grown over the spaces on either side."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return start, end
