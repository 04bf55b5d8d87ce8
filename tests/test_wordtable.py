"""Tests for newslint.wordtable: the word file format and looking words up in it without unpacking."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import wordtable
from newslint.lexicon import Lexicon, _Shared
from newslint.wordtable import PackedWords, format_word_file, word_key

ROOT = Path(__file__).resolve().parent.parent
WORDS = {"a": 164, "i": 191, "the": 127, "then": 260, "there": 250, "they're": 330, "said": 230, "saids": 799}


@pytest.fixture
def packed(tmp_path: Path) -> PackedWords:
    path = tmp_path / "words.txt"
    path.write_text(format_word_file(WORDS, ["a test list"]), encoding="utf-8")
    return PackedWords.read(path)


def test_the_format_is_one_line_per_key_with_sorted_words_and_their_values() -> None:
    assert format_word_file(WORDS, ["header"]) == (
        "# header\n"
        "a\ta\t164\n"
        "i\ti\t191\n"
        "sai\tsaid saids\t230 799\n"
        "the\tthe then there they're\t127 260 250 330\n"
    )


@pytest.mark.parametrize("word", ["", "two words", "tab\tword"])
def test_words_with_white_space_cannot_be_written(word: str) -> None:
    with pytest.raises(ValueError, match="white space"):
        format_word_file({word: 300})


def test_values_must_fit_three_digits() -> None:
    with pytest.raises(ValueError, match="out of range"):
        format_word_file({"word": 1000})


def test_looking_up_answers_as_a_dict_would(packed: PackedWords) -> None:
    for word, value in WORDS.items():
        assert packed.get(word) == value
        assert packed[word] == value
        assert word in packed
    for absent in ["", "th", "thee", "then there", "the ", " the", "saidss", "x", "they", "'re", "re", "a:"]:
        assert packed.get(absent) is None, absent
        assert packed.get(absent, -1) == -1
        assert absent not in packed
        with pytest.raises(KeyError):
            packed[absent]
    assert 5 not in packed
    assert len(packed) == len(WORDS)
    assert sorted(packed) == sorted(WORDS)


def test_many_look_ups_unpack_the_table_into_a_dict(
    packed: PackedWords, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wordtable, "UNPACK_AFTER", 3)
    handed: list[dict[str, int]] = []
    packed.on_unpack = handed.append
    for word in ["the", "said", "nope"]:
        packed.get(word)
    assert not handed
    assert packed.get("there") == 250  # the fourth look-up unpacks
    assert handed == [WORDS]
    assert packed.get("then") == 260 and packed.get("nope") is None
    assert packed.unpack() is handed[0]


def test_a_lexicon_looks_words_up_in_the_dict_once_unpacked(
    packed: PackedWords, monkeypatch: pytest.MonkeyPatch
) -> None:
    lexicon = Lexicon(_Shared(packed))
    words = ["The", "they’re", "said", "Then", "xyz", "saids'"]

    def answers() -> list[tuple[bool, float, list[str]]]:
        return [(lexicon.is_known(w), lexicon.frequency(w), lexicon.suggest(w)) for w in words]

    packed_answers = answers()
    assert isinstance(lexicon._shared.centibels, PackedWords)
    monkeypatch.setattr(wordtable, "UNPACK_AFTER", 0)
    assert answers() == packed_answers
    assert lexicon._shared.centibels == WORDS  # the shared data is the dict now
    assert type(lexicon._shared.centibels) is dict


def test_words_starting_with_a_letter_come_from_its_lines(packed: PackedWords) -> None:
    assert sorted(packed.words_starting_with("t")) == ["the", "then", "there", "they're"]
    assert packed.words_starting_with("q") == []


def test_suggestions_from_the_packed_file_equal_those_from_the_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordtable, "UNPACK_AFTER", 10**9)
    path = ROOT / "newslint" / "data" / "en_words.txt"
    packed = Lexicon(_Shared(PackedWords.read(path)))
    unpacked = Lexicon(PackedWords.read(path).unpack())
    for typed in ["goverment", "Febuary", "seperate", "teh", "recieve", "Pentagaon", "zzyzx", "wierd"]:
        assert packed.suggest_scored(typed) == unpacked.suggest_scored(typed), typed
    assert isinstance(packed._shared.centibels, PackedWords)


def test_the_packaged_word_file_is_well_formed() -> None:
    text = (ROOT / "newslint" / "data" / "en_words.txt").read_text(encoding="utf-8")
    count = 0
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        key, words, values = line.split("\t")
        listed = words.split(" ")
        assert listed == sorted(listed) and all(word_key(w) == key for w in listed), key
        assert re.fullmatch(r"\d{3}(?: \d{3})*", values) and len(values.split()) == len(listed), key
        count += len(listed)
    assert count == len(PackedWords.read(ROOT / "newslint" / "data" / "en_words.txt")) > 80_000


def test_a_one_article_run_does_not_unpack_the_word_data(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Officials said the goverment would reopen the bridge on Monday.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from newslint import lint_paths\n"
        "from newslint.lexicon import get_lexicon\n"
        "from newslint.wordtable import PackedWords\n"
        f"results = lint_paths([{str(story)!r}])\n"
        "assert any(f.rule == 'typos.misspelling' for f in results[0].findings), results\n"
        "assert isinstance(get_lexicon()._shared.centibels, PackedWords)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
