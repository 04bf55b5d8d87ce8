"""Hostile and bad inputs: each gets a clear one-line error naming the file, or a correct lint.

docs/robustness.md lists these inputs with their outcomes; keep the two in step.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_runner, write_config

from newslint.batch import lint_files
from newslint.cli import main
from newslint.config import ConfigError, load_config

DIRTY = "Council approves budget\n\nThe council approved  the budget.\n"


def check_json(*args: str) -> tuple[int, dict]:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)


def lint_bytes(tmp_path: Path, name: str, data: bytes) -> tuple[int, dict]:
    path = tmp_path / name
    path.write_bytes(data)
    code, document = check_json(str(path))
    return code, document["files"][0]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_empty_and_whitespace_files_lint_clean(tmp_path, data):
    code, entry = lint_bytes(tmp_path, "empty.txt", data)
    assert (code, entry["findings"]) == (0, [])


def test_one_megabyte_single_line_is_linted(tmp_path):
    line = ("The council met on Monday and voted  to approve the plan " * 18000)[:1_000_000]
    start = time.perf_counter()
    code, entry = lint_bytes(tmp_path, "long.txt", line.encode())
    assert time.perf_counter() - start < 30
    assert code == 1
    assert {f["rule"] for f in entry["findings"]} >= {"spacing.double-space"}


def test_file_over_the_size_limit_is_refused_with_a_clear_error(tmp_path):
    write_config(tmp_path, {"max_file_size": 1000})
    (tmp_path / "big.txt").write_bytes(b"word " * 400)
    (tmp_path / "small.txt").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--config", str(tmp_path / "rules.yaml"), "--format", "json", str(tmp_path)],
    )
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["big.txt"]["error"] == "file is larger than max_file_size (1000 bytes)"
    assert len(files["small.txt"]["findings"]) == 1
    assert result.exit_code == 2


def test_default_size_limit_refuses_a_fifty_megabyte_file_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk
    code, entry = check_json(str(path))
    assert code == 2
    assert entry["files"][0]["error"] == "file is larger than max_file_size (20000000 bytes)"


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("renamed.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x00stream", "binary file"),
        ("nul.txt", b"Headline\n\nBody\x00text.", "binary file (NUL byte at offset 14)"),
        ("latin1.txt", "Caf\xe9 au lait".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        ("cp1252.txt", b"He said \x93yes\x94.", "not valid UTF-8 (byte 0x93 at offset 8)"),
    ],
)
def test_binary_and_undecodable_files_are_one_line_errors(tmp_path, name, data, error):
    code, entry = lint_bytes(tmp_path, name, data)
    assert code == 2
    assert entry["error"].startswith(error)
    assert "\n" not in entry["error"]


def test_utf16_with_bom_is_linted_with_positions_in_the_decoded_text(tmp_path):
    code, entry = lint_bytes(tmp_path, "utf16.txt", DIRTY.encode("utf-16"))
    assert code == 1
    (finding,) = entry["findings"]
    assert DIRTY[finding["start"] : finding["end"]] == "  "


@pytest.mark.parametrize(
    "body",
    [
        "“An opening quote that never closes. And more text after it.",
        "A closing quote with no opening” here.",
        "“Nested “quotes” inside” quotes.",
        '"Straight and “curly” mixed" text.',
        "“" * 5000 + " after many openers.",
        ("“a” " * 3000) + "end.",
        ('"' * 7001) + " odd straight quotes.",
    ],
)
def test_unbalanced_nested_and_many_quotation_marks(body):
    result = make_runner().check_text("Headline here\n\n" + body + "\n", "q.txt")
    assert result.failures == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "deep.md",
            "# Head\n\n" + ">" * 5000 + " quoted\n\n" + "".join("  " * i + "- item\n" for i in range(300)),
        ),
        ("deep.html", "<html><body>" + "<div>" * 20000 + "text  here" + "</div>" * 20000 + "</body></html>"),
        ("broken.html", "<html><body><p>Unclosed <b>tags <i>everywhere <p>and  more" + "<" * 1000),
        ("fences.md", "# Head\n\n```\nnever closed  \n" + "text\n" * 100),
    ],
)
def test_deeply_nested_markdown_and_html(name, text):
    result = make_runner().check_text(text, name)
    assert result.failures == []


def test_symlink_loop_and_dangling_link_in_a_directory(tmp_path):
    (tmp_path / "good.txt").write_text(DIRTY, encoding="utf-8")
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    os.symlink(tmp_path, tmp_path / "self")  # a folder link back to itself: not followed
    code, document = check_json(str(tmp_path))
    files = {Path(f["path"]).name: f for f in document["files"]}
    assert code == 2
    assert files["loop-a.txt"]["error"].startswith("cannot read: Too many levels of symbolic links")
    assert len(files["good.txt"]["findings"]) == 1


def test_unreadable_file_is_an_error_and_the_rest_still_runs(tmp_path, monkeypatch):
    import newslint.batch as batch

    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(DIRTY, encoding="utf-8")
    real = batch.read_limited

    def deny(path: str, limit: int) -> bytes:
        if path.endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(path, limit)

    monkeypatch.setattr(batch, "read_limited", deny)
    results = list(
        lint_files(
            [str(tmp_path / "secret.txt"), str(tmp_path / "a.txt")], make_runner().session, cache=False
        )
    )
    assert results[0].error == "cannot read: Permission denied"
    assert len(results[1].findings) == 1


def test_file_deleted_during_the_run(tmp_path):
    paths = [str(tmp_path / f"a{i}.txt") for i in range(3)]
    for path in paths:
        Path(path).write_text(DIRTY, encoding="utf-8")
    results = lint_files(paths, make_runner().session, cache=False)
    first = next(results)
    os.unlink(paths[1])
    rest = list(results)
    assert len(first.findings) == 1
    assert rest[0].error == "no such file or directory"
    assert len(rest[1].findings) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("style: ap\n  rules: [\n", "invalid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
        ("42\n", "must be a mapping"),
        ("rules: [a, b]\n", "'rules' must be a mapping"),
    ],
)
def test_malformed_configs_exit_2_with_file_and_reason(tmp_path, text, message):
    config = write_config(tmp_path, text)
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert str(config) in result.output and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_empty_config_means_the_defaults(tmp_path):
    config = write_config(tmp_path, "")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    assert (
        CliRunner().invoke(main, ["check", "--config", str(config), str(tmp_path / "a.txt")]).exit_code == 1
    )


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        previous = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        bomb.append(
            f"{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]"
        )
    config = write_config(tmp_path, "\n".join(bomb) + "\n")
    start = time.perf_counter()
    with pytest.raises(ConfigError, match="alias bomb"):
        load_config(config)
    assert time.perf_counter() - start < 5


HANGING = '''
import time
from newslint.hookspecs import hookimpl

@hookimpl
def newslint_check(article):
    """Never finish."""
    time.sleep(60)
    return []
'''


def test_a_plugin_that_hangs_is_stopped_and_reported(tmp_path):
    (tmp_path / "hang.py").write_text(HANGING, encoding="utf-8")
    config = write_config(tmp_path, {"plugins": ["hang.py"], "plugin_timeout": 0.5})
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    start = time.perf_counter()
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    assert time.perf_counter() - start < 10
    assert result.exit_code == 2
    assert "plugin 'hang' failed on" in result.stderr and "plugin_timeout" in result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["spacing.double-space"]


WRONG_TYPES = '''
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.rules import RuleSpec

@hookimpl
def newslint_rules():
    """One rule."""
    return [RuleSpec(id="odd.rule", category="style", summary="s", what="w", why="y", bad="b", good="g")]

@hookimpl
def newslint_check(article):
    """Return things that are not findings."""
    return {"not": "a list"}
'''


def test_a_plugin_returning_wrong_types_is_reported(tmp_path):
    (tmp_path / "odd.py").write_text(WRONG_TYPES, encoding="utf-8")
    config = write_config(tmp_path, {"plugins": ["odd.py"]})
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--config", str(config), "--format", "json", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2
    assert "not a list of findings" in result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["files"][0]["findings"]] == ["spacing.double-space"]


@pytest.mark.parametrize("token", ["a" * 300_000, "Ab" * 150_000, "a" * 150_000 + "- " + "b" * 150_000])
def test_one_enormous_token_is_linted_in_linear_time(token):
    start = time.perf_counter()
    result = make_runner().check_text("Headline here\n\n" + token + "\n", "token.txt")
    assert result.failures == []
    assert time.perf_counter() - start < 5  # a quadratic rule takes about a minute here


def test_html_the_parser_gives_up_on_is_a_one_line_error_and_the_batch_goes_on(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("x<![0", encoding="utf-8")  # html.parser raises AssertionError on this
    good = tmp_path / "good.txt"
    good.write_text("The council met  on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", str(broken), str(good)])
    assert result.exit_code == 2
    assert f"{broken}: error: cannot read as HTML" in result.output
    assert "spacing.double-space" in result.output  # the good file was still linted
