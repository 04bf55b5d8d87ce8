"""The grammar plugin's parts on their own: offsets, requests, names, settings, filters, cache, rules."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import write_config
from newslint_plugins.grammar_cache import LanguageToolCache, cache_root
from newslint_plugins.grammar_filters import HouseWords, is_name, names_in
from newslint_plugins.grammar_rules import KNOWN, describe_rule
from newslint_plugins.grammar_settings import (
    MODE_ENV,
    SERVER_ENV,
    is_grammar_rule_id,
    lt_rule_id,
    newslint_rule_id,
    read_settings,
    settings_errors,
)
from newslint_plugins.grammar_text import Utf16Index, build_chunks

from newslint.config import load_config
from newslint.readers import build_article, compile_boilerplate

# UTF-16 offsets ---------------------------------------------------------------------


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_utf16_index_is_identity_without_astral_characters():
    index = Utf16Index("Plain “curly” text — with a dash")
    for offset in range(20):
        assert index.to_utf16(offset) == offset
        assert index.to_codepoint(offset) == offset


def test_utf16_index_maps_around_emoji():
    text = "a🎉b😀😀c"
    index = Utf16Index(text)
    for position in range(len(text) + 1):
        units = utf16(text[:position])
        assert index.to_utf16(position) == units
        assert index.to_codepoint(units) == position
    # An offset inside a surrogate pair falls back to the emoji's start, or moves past it at an end.
    assert index.to_codepoint(2) == 1
    assert index.to_codepoint(2, end=True) == 2


# Requests -------------------------------------------------------------------------


ARTICLE = (
    "Council backs budget\n\n"
    "RIVERTON, Ohio — The council approved the budget on Tuesday. It was close.\n\n"
    "The mayor signed it the same night 🎉. Critics said they would appeal.\n\n"
    "Copyright 2027 Riverton Daily Ledger. All rights reserved.\n"
)


def test_chunks_hold_story_paragraphs_joined_by_blank_lines_and_map_back():
    defaults = load_config(Path(__file__).resolve().parents[1] / "rules.yaml")
    article = build_article("a.txt", ARTICLE, boilerplate=compile_boilerplate(defaults.boilerplate))
    [chunk] = build_chunks(article, 10_000)
    assert chunk.text.startswith("Council backs budget\n\nRIVERTON")
    assert "Copyright" not in chunk.text  # boilerplate never reaches the story text
    start = chunk.text.index("Critics")
    span = chunk.to_article(start, start + len("Critics"))
    assert span is not None
    assert article.text[span[0] : span[1]] == "Critics"


def test_a_span_across_two_paragraphs_is_not_mapped():
    article = build_article("a.txt", ARTICLE)
    [chunk] = build_chunks(article, 10_000)
    end_of_first = len("Council backs budget")
    assert chunk.to_article(end_of_first - 3, end_of_first + 3) is None


def test_long_articles_split_at_paragraph_boundaries_within_the_limit():
    paragraphs = [f"Paragraph {n} says the council met again on day {n}." for n in range(40)]
    article = build_article("a.txt", "Headline here\n\n" + "\n\n".join(paragraphs) + "\n")
    chunks = build_chunks(article, 300)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk.text) <= 300
        for piece in chunk.pieces:  # every piece is a whole paragraph
            paragraph = article.paragraph_at(piece.article_start)
            assert paragraph is not None
            assert (paragraph.start, paragraph.end) == (
                piece.article_start,
                piece.article_start + piece.length,
            )
    sent = "".join(chunk.text for chunk in chunks)
    assert all(p in sent for p in paragraphs)


def test_a_paragraph_longer_than_the_limit_splits_at_sentence_ends():
    sentences = [f"Sentence number {n} is about the council budget." for n in range(30)]
    article = build_article("a.txt", "Headline here\n\n" + " ".join(sentences) + "\n")
    chunks = build_chunks(article, 200)
    for chunk in chunks:
        assert len(chunk.text) <= 200
    body = [piece for chunk in chunks for piece in chunk.pieces][1:]
    for piece in body:
        text = article.text[piece.article_start : piece.article_start + piece.length]
        assert text.startswith("Sentence number")


def test_an_article_without_story_text_sends_nothing():
    article = build_article("a.txt", "")
    assert build_chunks(article, 1000) == []


# Rule ids -------------------------------------------------------------------------


def test_languagetool_ids_become_newslint_ids_and_back():
    assert newslint_rule_id("EN_A_VS_AN") == "grammar.en-a-vs-an"
    assert newslint_rule_id("MORFOLOGIK_RULE_EN_US") == "grammar.morfologik-rule-en-us"
    assert lt_rule_id("grammar.en-a-vs-an") == "EN_A_VS_AN"
    assert lt_rule_id("EN_QUOTES") == "EN_QUOTES"
    assert lt_rule_id("en-quotes") == "EN_QUOTES"
    assert is_grammar_rule_id("grammar.en-a-vs-an")
    assert not is_grammar_rule_id("grammar.EN_A_VS_AN")
    assert not is_grammar_rule_id("spacing.double-space")


# Settings -------------------------------------------------------------------------


def config_with(tmp_path: Path, section: object):
    return load_config(write_config(tmp_path, {"languagetool": section}))


def test_defaults_follow_the_config_language(tmp_path):
    config = load_config(write_config(tmp_path, {"language": "en-GB"}))
    settings = read_settings(config, environ={})
    assert (settings.mode, settings.language, settings.server) == ("auto", "en-GB", None)


def test_settings_read_rules_in_either_spelling(tmp_path):
    config = config_with(
        tmp_path,
        {
            "disabled_rules": ["grammar.en-quotes", "DASH_RULE"],
            "disabled_categories": ["typography"],
            "picky": True,
        },
    )
    settings = read_settings(config, environ={})
    assert settings.disabled_rules == ("EN_QUOTES", "DASH_RULE")
    assert settings.disabled_categories == ("TYPOGRAPHY",)
    assert settings.picky is True


def test_environment_supplies_the_server_and_overrides_the_mode(tmp_path):
    config = config_with(tmp_path, {"mode": "local"})
    settings = read_settings(config, environ={SERVER_ENV: "http://lt:8010", MODE_ENV: "off"})
    assert (settings.mode, settings.server) == ("off", "http://lt:8010")


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ({"mode": "remote"}, "'languagetool.mode' must be one of auto, local, server, off"),
        ({"sever": "http://x"}, "unknown key 'languagetool.sever'; did you mean 'server'?"),
        ({"server": "lt.internal:8010"}, "'languagetool.server' must be an http:// or https:// URL"),
        ({"mode": "server"}, "'languagetool.mode' is server but no 'languagetool.server' URL"),
        ({"disabled_rules": "EN_QUOTES"}, "'languagetool.disabled_rules' must be a list"),
        ({"enabled_rules": ["EN QUOTES"]}, "is not a LanguageTool id"),
        ({"picky": "yes"}, "'languagetool.picky' must be true or false"),
        ({"timeout": 0}, "'languagetool.timeout' must be more than 0 seconds"),
        ({"cache_size_mb": -1}, "'languagetool.cache_size_mb' must be a number of at least 0"),
        ({"language": "English please"}, "'languagetool.language' must be a language code"),
        ("server", "'languagetool' must be a mapping"),
    ],
)
def test_bad_settings_are_named(tmp_path, section, expected):
    problems = settings_errors(config_with(tmp_path, section), environ={})
    assert any(expected in problem for problem in problems), problems


def test_good_settings_have_no_problems(tmp_path):
    section = {
        "mode": "server",
        "server": "https://languagetool.internal:8010/v2",
        "language": "en-GB",
        "disabled_rules": ["EN_QUOTES", "grammar.dash-rule"],
        "enabled_rules": ["EN_PLAIN_ENGLISH_REPLACE"],
        "disabled_categories": ["TYPOGRAPHY"],
        "picky": False,
        "timeout": 2.5,
        "max_request_chars": 5000,
        "cache_size_mb": 0,
    }
    assert settings_errors(config_with(tmp_path, section), environ={}) == []


def test_the_packaged_defaults_are_valid():
    config = load_config(Path(__file__).resolve().parents[1] / "rules.yaml")
    assert settings_errors(config, environ={}) == []
    assert read_settings(config, environ={}).mode == "auto"


# Filters --------------------------------------------------------------------------


def test_house_words_match_exactly_or_capitalised_from_lower_case():
    words = HouseWords(["Okafor", "hourlong", "Volodymyr Zelenskyy"])
    assert words.accepts("Okafor") and words.accepts("Okafor’s")
    assert words.accepts("hourlong") and words.accepts("Hourlong")
    assert words.accepts("Zelenskyy") and words.accepts("Volodymyr")
    assert not words.accepts("okafor")  # a name's case matters
    assert not words.accepts("goverment")


def test_names_are_words_capitalised_inside_body_sentences():
    article = build_article(
        "a.txt",
        "Zorblat Wins Vote\n\n"
        "PARIS — Council members backed the plan. Mayor Adaeze Nwosu said Quillon would lead it.\n\n"
        "“Brimble is ready,” she said: Tuesday was the day. Glorp came later.\n",
    )
    names = names_in(article)
    assert {"Adaeze", "Nwosu", "Quillon"} <= names
    assert is_name("Nwosu’s", names)
    # Headlines are title case; sentence, quotation and colon starts are capitalised anyway.
    for word in ("Zorblat", "Wins", "Council", "Mayor", "Brimble", "Tuesday", "Glorp", "PARIS"):
        assert word not in names, word


# The LanguageTool cache -------------------------------------------------------------


def test_cache_root_follows_the_platform_convention():
    home = {"HOME": "/home/ed"}
    assert cache_root(home, "linux") == Path("/home/ed/.cache/newslint")
    assert cache_root({**home, "XDG_CACHE_HOME": "/var/cache/ed"}, "linux") == Path("/var/cache/ed/newslint")
    assert cache_root(home, "darwin") == Path("/home/ed/Library/Caches/newslint")
    assert cache_root({**home, "LOCALAPPDATA": "C:/Users/ed/AppData/Local"}, "win32") == Path(
        "C:/Users/ed/AppData/Local/newslint/Cache"
    )
    assert cache_root({**home, "NEWSLINT_CACHE_DIR": "/tmp/nl"}, "linux") == Path("/tmp/nl")


def test_cache_keys_change_with_version_settings_and_text():
    base = {"version": "local 6.4", "options": {"language": "en-US", "picky": False}, "text": "The text."}
    key = LanguageToolCache.key(**base)
    assert key == LanguageToolCache.key(**base)
    assert key != LanguageToolCache.key(**{**base, "version": "local 6.5"})
    assert key != LanguageToolCache.key(**{**base, "options": {"language": "en-GB", "picky": False}})
    assert key != LanguageToolCache.key(**{**base, "options": {"language": "en-US", "picky": True}})
    assert key != LanguageToolCache.key(**{**base, "text": "The text!"})


def test_cache_stores_reads_and_forgets_broken_entries(tmp_path):
    cache = LanguageToolCache(tmp_path, 1_000_000)
    matches = [{"rule": "EN_A_VS_AN", "start": 3, "end": 5}]
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, matches)
    assert cache.get("ab" * 32) == matches
    path = tmp_path / "ab" / f"{'ab' * 32}.json"
    path.write_text("{not json", encoding="utf-8")
    assert cache.get("ab" * 32) is None
    assert not path.exists()


def test_cache_is_bounded_and_drops_the_least_recently_used(tmp_path):
    cache = LanguageToolCache(tmp_path, 20_000)
    payload = [{"rule": "R", "message": "x" * 900}]
    for n in range(40):
        cache.put(f"{n:02d}" + "0" * 62, payload)
        os.utime(
            tmp_path / f"{n:02d}" / f"{n:02d}{'0' * 62}.json",
            (time.time() - 1000 + n, time.time() - 1000 + n),
        )
    cache.close()
    entries = cache.entries()
    assert sum(size for _, size, _ in entries) <= 20_000
    kept = {path.name[:2] for _, _, path in entries}
    assert "39" in kept and "00" not in kept  # newest kept, oldest gone


def test_a_cache_that_cannot_be_written_is_switched_off(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = LanguageToolCache(blocker / "languagetool", 1_000_000)
    cache.put("cd" * 32, [])
    assert not cache.enabled and "cannot write the LanguageTool cache" in (cache.problem or "")


def test_cache_remembers_rules_for_explain(tmp_path):
    cache = LanguageToolCache(tmp_path, 1_000_000)
    cache.remember("SOME_RULE", {"category": "GRAMMAR", "issue": "grammar", "message": "m", "example": "e"})
    cache.close()
    assert json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))["SOME_RULE"]["example"] == "e"
    assert cache.known_rules()["SOME_RULE"]["category"] == "GRAMMAR"


# Rule documentation ------------------------------------------------------------------


def test_every_described_rule_is_fully_documented():
    for lt_id in [*KNOWN, "SOME_UNSEEN_RULE"]:
        spec = describe_rule(newslint_rule_id(lt_id))
        assert spec is not None
        assert spec.documentation_problems() == [], lt_id
        assert spec.category == "grammar" and spec.plugin == "grammar"
        assert f"rule/show/{lt_id}" in spec.source


def test_remembered_rules_are_described_with_their_example():
    seen = {
        "RUSSIAN_ARE": {
            "category": "GRAMMAR",
            "issue": "grammar",
            "message": "The plural “Russians” agrees with “are”.",
            "example": "Officials say the Russian are ready.",
            "corrected": "Officials say the Russians are ready.",
        }
    }
    spec = describe_rule("grammar.russian-are", seen)
    assert spec is not None
    assert spec.bad == "Officials say the Russian are ready."
    assert spec.good == "Officials say the Russians are ready."
    assert "category GRAMMAR" in spec.what
    assert spec.severity == "warning"


def test_only_grammar_ids_are_described():
    assert describe_rule("spacing.double-space") is None
    assert describe_rule("grammar.Not_An_Id") is None
