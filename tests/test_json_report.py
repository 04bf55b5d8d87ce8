"""The JSON report writes each finding exactly as the json module would."""

from __future__ import annotations

import json

import pytest

from newslint.reporters.json_report import _dump_flat

TRICKY_STRINGS = [
    "",
    "plain",
    'quote " and backslash \\ and slash /',
    "tab\tnew line\ncarriage return\r bell\x07 nul\x00",
    "curly “quotes” — dashes – and ’apostrophes’",
    "non-Latin: Зеленський, 北京, emoji 🙂",
    "lone surrogate \ud800 stays as it is",
    "\u2028 line and \u2029 paragraph separators",
]


@pytest.mark.parametrize("text", TRICKY_STRINGS)
def test_a_finding_object_is_written_as_json_dumps_writes_it(text: str) -> None:
    finding = {
        "rule": "typos.misspelling",
        "message": text,
        "line": 12,
        "start": 0,
        "end": -1,
        "text": text[::-1],
        "suggestions": [text, "b"],
        "empty": [],
    }
    assert _dump_flat(finding) == json.dumps(finding, ensure_ascii=False)


def test_values_other_than_strings_integers_and_string_lists_fall_back_to_json() -> None:
    odd = {"flag": True, "none": None, "ratio": 0.5, "nested": {"a": [1, "x"]}, "mixed": [1, "x"]}
    assert _dump_flat(odd) == json.dumps(odd, ensure_ascii=False)
    assert json.loads(_dump_flat(odd)) == odd
