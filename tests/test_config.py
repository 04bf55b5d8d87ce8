"""Configuration: discovery, merging over the defaults, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_config

from newslint.config import ConfigError, discover_config, load_config
from newslint.session import Session


def session_for(path: Path) -> Session:
    return Session.create(load_config(path))


def test_defaults_when_no_file_is_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.path is None
    assert config.style == "ap"
    assert config.language == "en-US"


def test_nearest_file_upward_is_discovered(tmp_path, monkeypatch):
    write_config(tmp_path, {"style": "courtesy-titles"})
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    assert discover_config() == tmp_path / "rules.yaml"
    assert load_config().style == "courtesy-titles"


def test_dot_newslint_yaml_is_discovered(tmp_path, monkeypatch):
    (tmp_path / ".newslint.yaml").write_text("language: en-GB\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_config().language == "en-GB"


def test_user_file_merges_over_defaults(tmp_path):
    path = write_config(tmp_path, {"dictionary": {"accept": ["Okafor"]}, "boilerplate": ["Page \\d+"]})
    config = load_config(path)
    assert config.style == "ap"  # untouched default
    assert "Okafor" in config.accepted_words
    assert "Page \\d+" in config.boilerplate
    assert any("Newspapers" in p for p in config.boilerplate)  # defaults kept: lists add


def test_word_list_files_are_relative_to_the_config(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "names.txt").write_text(
        "# verified names\nZelenskyy\n\nGerasimov\n", encoding="utf-8"
    )
    path = write_config(tmp_path, {"dictionary": {"files": ["desk/names.txt"]}})
    assert {"Zelenskyy", "Gerasimov"} <= load_config(path).accepted_words


def test_extends_another_file(tmp_path):
    (tmp_path / "base.yaml").write_text("style: courtesy-titles\nlanguage: en-GB\n", encoding="utf-8")
    path = write_config(tmp_path, {"extends": ["base.yaml"], "language": "en-US"})
    config = load_config(path)
    assert (config.style, config.language) == ("courtesy-titles", "en-US")


def test_invalid_yaml_names_file_and_line(tmp_path):
    path = write_config(tmp_path, "style: ap\nrules:\n  spacing.double-space: [off\n")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(error.value).startswith(f"{path}:")
    assert error.value.line is not None


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a string\n"])
def test_non_mapping_config_is_an_error(tmp_path, text):
    with pytest.raises(ConfigError, match="must be a mapping"):
        load_config(write_config(tmp_path, text))


def test_empty_config_is_the_defaults(tmp_path):
    assert load_config(write_config(tmp_path, "")).style == "ap"


def test_misspelt_top_level_key_gets_did_you_mean(tmp_path):
    path = write_config(tmp_path, "style: ap\ndictionnary:\n  accept: [x]\n")
    with pytest.raises(ConfigError) as error:
        session_for(path)
    assert "unknown key 'dictionnary'" in str(error.value)
    assert "did you mean 'dictionary'" in str(error.value)
    assert error.value.line == 2


def test_misspelt_rule_id_gets_did_you_mean(tmp_path):
    path = write_config(tmp_path, "rules:\n  spacing.dubble-space: off\n")
    with pytest.raises(ConfigError) as error:
        session_for(path)
    assert "unknown rule id or category 'spacing.dubble-space'" in str(error.value)
    assert "did you mean 'spacing.double-space'" in str(error.value)
    assert f"{path}:2:" in str(error.value)


def test_bad_severity_is_an_error(tmp_path):
    path = write_config(tmp_path, {"rules": {"spacing.double-space": "loud"}})
    with pytest.raises(ConfigError, match="severity must be one of"):
        session_for(path)


def test_unknown_rule_option_is_an_error(tmp_path):
    path = write_config(tmp_path, {"rules": {"spacing.double-space": {"severity": "info", "widht": 2}}})
    with pytest.raises(ConfigError, match="has no option 'widht'"):
        session_for(path)


def test_bad_style_value_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="'style' must be one of"):
        load_config(write_config(tmp_path, {"style": "apa"}))


def test_bad_boilerplate_pattern_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="boilerplate pattern 1 does not compile"):
        load_config(write_config(tmp_path, {"boilerplate": ["(unclosed"]}))


def test_category_severity_applies_to_its_rules(tmp_path):
    session = session_for(write_config(tmp_path, {"rules": {"spacing": "info"}}))
    spec = session.rules["spacing.double-space"]
    assert session.severity(spec) == "info"


def test_rule_off_does_not_run(tmp_path):
    session = session_for(write_config(tmp_path, {"rules": {"spacing.double-space": "off"}}))
    assert not session.enabled("spacing.double-space")
    assert session.enabled("spacing.space-before-punctuation")


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "nope.yaml")


def test_yaml_is_loaded_safely(tmp_path):
    path = write_config(tmp_path, "style: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        load_config(path)
