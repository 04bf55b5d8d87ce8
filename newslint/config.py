"""Configuration: discovery, loading, merging over the defaults, validation.

A desk's ``rules.yaml`` (or ``.newslint.yaml``) is read with
``yaml.safe_load`` and merged over the packaged default configuration, so it
holds only what it changes.  Mappings merge key by key; the lists of the
house dictionary, ``ignore``, ``boilerplate`` and ``plugins`` add to the
defaults; any other value replaces the default.  Errors name the file and
the line, and misspelt keys or rule ids get a did-you-mean.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAMES = ("rules.yaml", ".newslint.yaml")
SEVERITY_VALUES = ("error", "warning", "info", "off")
CORE_KEYS = {
    "style": "house style for names and titles: ap or courtesy-titles",
    "language": "language of the copy: en-US or en-GB",
    "fail_level": "lowest severity that makes `newslint check` exit 1",
    "rules": "per-rule (or per-category) severity, off, and options",
    "dictionary": "house dictionary: accept, files, reject",
    "ignore": "globs of paths not to lint",
    "boilerplate": "regular expressions for lines that are not story text",
    "plugins": "local plugin files, relative to the config file",
    "extends": "presets or other config files to build on",
    "per_file_ignores": "globs of paths to rule ids or categories not reported there",
    "max_file_size": "largest file to lint, in bytes",
    "plugin_timeout": "seconds one plugin may spend on one article before it is stopped",
}
ADDITIVE_LISTS = {
    ("dictionary", "accept"),
    ("dictionary", "files"),
    ("ignore",),
    ("boilerplate",),
    ("plugins",),
}
KEYED_SECTIONS = {"house": "id"}
"""Top-level sections made of entries keyed by an id (the value names the key inside a list entry).

A file may write such a section as a mapping of id to entry or as a list of
entries that each carry the id.  When files are merged, a later file's entry
replaces an earlier entry with the same id whole (it is not merged key by
key), so a desk can redefine a rule from a preset.
"""
KEYED_SECTIONS_PATHS = {(name,) for name in KEYED_SECTIONS}
STYLES = ("ap", "courtesy-titles")
LANGUAGES = ("en-US", "en-GB")


class ConfigError(Exception):
    """A configuration problem: ``file:line: what is wrong``."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.detail = message
        where = ""
        if self.path:
            where = f"{self.path}:{line}: " if line else f"{self.path}: "
        super().__init__(f"{where}{message}")


def did_you_mean(word: str, candidates: list[str] | set[str]) -> str:
    """Return "; did you mean 'x'?" for the closest candidate, or an empty string."""
    import difflib  # only when something is wrong: not paid by a clean run

    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


_PACKAGE_DIR = Path(__file__).parent
"""The installed newslint package: the packaged rules.yaml and presets are files in it."""


def default_config_path() -> Path:
    """Return the packaged default rules.yaml (the repository's, in a source checkout)."""
    packaged = _PACKAGE_DIR / "rules.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules.yaml"


def discover_config(start: Path | None = None) -> Path | None:
    """Return the nearest rules.yaml or .newslint.yaml from ``start`` upward, or None."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


@dataclass
class RuleSetting:
    """What the configuration says about one rule id, category or plugin."""

    severity: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    source: str | None = None


@dataclass
class Config:
    """The effective configuration: defaults merged with a desk's files."""

    data: dict[str, Any]
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    lines: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict)
    use_cache: bool = True
    """False under ``newslint check --no-cache``: plugins neither read nor write on-disk caches."""
    _accepted: frozenset[str] | None = field(default=None, repr=False)

    # Simple settings ----------------------------------------------------------

    @property
    def style(self) -> str:
        """House style: ``ap`` (default) or ``courtesy-titles``."""
        return str(self.data.get("style", "ap"))

    @property
    def language(self) -> str:
        """Language of the copy, ``en-US`` by default."""
        return str(self.data.get("language", "en-US"))

    @property
    def ignore(self) -> list[str]:
        """Globs of paths not to lint."""
        return list(self.data.get("ignore") or [])

    @property
    def boilerplate(self) -> list[str]:
        """Regular expressions for whole lines that are not story text."""
        return list(self.data.get("boilerplate") or [])

    @property
    def plugin_paths(self) -> list[Path]:
        """Local plugin files (already resolved relative to the file that named them)."""
        return [Path(p) for p in self.data.get("plugins") or []]

    @property
    def fail_level(self) -> str | None:
        """The configured fail level, if any."""
        value = self.data.get("fail_level")
        return str(value) if value else None

    @property
    def max_file_size(self) -> int:
        """Largest file newslint reads, in bytes (default 20 MB)."""
        return int(self.data.get("max_file_size") or 20_000_000)

    @property
    def plugin_timeout(self) -> float:
        """Seconds one plugin may spend on one article (default 60; 0 for no limit)."""
        value = self.data.get("plugin_timeout")
        return 60.0 if value is None else float(value)

    def section(self, name: str) -> dict[str, Any]:
        """Return a top-level mapping such as ``honorifics:`` or ``languagetool:`` (empty if absent)."""
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}

    # House dictionary -----------------------------------------------------------

    @property
    def accepted_words(self) -> frozenset[str]:
        """Words and names the house dictionary accepts, inline and from its word-list files."""
        if self._accepted is None:
            dictionary = self.section("dictionary")
            words = {str(w).strip() for w in dictionary.get("accept") or [] if str(w).strip()}
            for name in dictionary.get("files") or []:
                words.update(read_word_list(Path(name)))
            self._accepted = frozenset(words)
        return self._accepted

    @property
    def rejected_words(self) -> dict[str, str]:
        """Words always flagged, each with its preferred form."""
        rejected = self.section("dictionary").get("reject") or {}
        return {str(k): str(v) for k, v in rejected.items()} if isinstance(rejected, dict) else {}

    # Rules ------------------------------------------------------------------------

    def rule_settings(self) -> dict[str, RuleSetting]:
        """Return the ``rules:`` section parsed into :class:`RuleSetting` objects."""
        settings: dict[str, RuleSetting] = {}
        for key, value in (self.data.get("rules") or {}).items():
            where = self.lines.get(("rules", str(key)), (None, None))
            if isinstance(value, dict):
                options = {k: v for k, v in value.items() if k != "severity"}
                severity = value.get("severity")
            else:
                options, severity = {}, value
            if severity is False:
                severity = "off"  # YAML reads an unquoted `off` as false
            settings[str(key)] = RuleSetting(
                severity=str(severity) if severity is not None else None,
                options=options,
                line=where[1],
                source=where[0],
            )
        return settings

    def where(self, *path: str) -> tuple[str | None, int | None]:
        """Return ``(file, line)`` where a key was set, for error messages."""
        return self.lines.get(tuple(path), (None, None))


def read_word_list(path: Path) -> list[str]:
    """Read a word list: one entry per line; blank lines and ``#`` comments are skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read word list: {exc}", path) from None
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


# Loading ---------------------------------------------------------------------------


MAX_CONFIG_BYTES = 2_000_000
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (fifteen times faster on a preset), else the Python one."""
MAX_CONFIG_NODES = 200_000


def _load_yaml(path: Path) -> tuple[dict[str, Any], dict[tuple[str, ...], int]]:
    """Read one YAML file safely; return its mapping and the line of each key."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {exc.strerror or exc}", path) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(f"configuration is larger than {MAX_CONFIG_BYTES} bytes", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"configuration is not valid UTF-8 (byte {exc.start})", path) from None
    loader = _SAFE_LOADER(text)  # parses once: the nodes give the lines, then the values
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"invalid YAML: {problem}", path, mark.line + 1 if mark else None) from None
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise ConfigError(
                "configuration must be a mapping of keys to values", path, node.start_mark.line + 1
            )
        lines: dict[tuple[str, ...], int] = {}
        _record_lines(node, (), lines, [0])
        try:
            data = loader.construct_document(node)
        except yaml.YAMLError as exc:  # a tag the safe loader refuses (!!python/object, say)
            raise ConfigError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    return data or {}, lines


def _record_lines(
    node: yaml.Node, path: tuple[str, ...], lines: dict[tuple[str, ...], int], count: list[int]
) -> None:
    count[0] += 1
    if count[0] > MAX_CONFIG_NODES:
        raise ConfigError(f"configuration has more than {MAX_CONFIG_NODES} values (an alias bomb?)")
    if isinstance(node, yaml.MappingNode) and len(path) < 4:
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "?"
            lines[(*path, name)] = key.start_mark.line + 1
            _record_lines(value, (*path, name), lines, count)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _record_lines(item, path, lines, count)


def _resolve_paths(data: dict[str, Any], base: Path) -> None:
    """Make the file paths in one file's settings relative to that file's folder."""
    dictionary = data.get("dictionary")
    if isinstance(dictionary, dict) and isinstance(dictionary.get("files"), list):
        dictionary["files"] = [str((base / str(p)).resolve()) for p in dictionary["files"]]
    if isinstance(data.get("plugins"), list):
        data["plugins"] = [str((base / str(p)).resolve()) for p in data["plugins"]]


def merge(base: dict[str, Any], override: dict[str, Any], path: tuple[str, ...] = ()) -> dict[str, Any]:
    """Merge ``override`` over ``base``: mappings key by key, additive lists extended."""
    result = dict(base)
    for key, value in override.items():
        key_path = (*path, str(key))
        old = result.get(key)
        if key_path in KEYED_SECTIONS_PATHS and isinstance(old, dict) and isinstance(value, dict):
            result[key] = {**old, **value}
        elif isinstance(old, dict) and isinstance(value, dict):
            result[key] = merge(old, value, key_path)
        elif key_path in ADDITIVE_LISTS and isinstance(old, list) and isinstance(value, list):
            result[key] = old + [v for v in value if v not in old]
        else:
            result[key] = value
    return result


def _key_entries(data: dict[str, Any], path: Path, lines: dict[tuple[str, ...], int]) -> None:
    """Turn each keyed section written as a list into a mapping of id to entry (see KEYED_SECTIONS)."""
    for section, id_key in KEYED_SECTIONS.items():
        entries = data.get(section)
        if entries is None:
            data.pop(section, None)  # an empty section adds nothing and removes nothing
            continue
        if isinstance(entries, dict):
            continue
        if not isinstance(entries, list):
            raise ConfigError(f"'{section}' must be a mapping or a list", path, lines.get((section,)))
        keyed: dict[str, Any] = {}
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not isinstance(entry.get(id_key), str):
                raise ConfigError(
                    f"'{section}' entry {number} must be a mapping with an '{id_key}'",
                    path,
                    lines.get((section,)),
                )
            entry = dict(entry)
            entry_id = entry.pop(id_key)
            if entry_id in keyed:
                raise ConfigError(f"'{section}': {entry_id!r} is defined twice", path, lines.get((section,)))
            keyed[entry_id] = entry
        data[section] = keyed


def preset_path(name: str) -> Path | None:
    """Return the packaged preset ``name`` (``extends: [ap]``), if there is one."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        return None
    packaged = _PACKAGE_DIR / "presets" / f"{name}.yaml"
    return packaged if packaged.is_file() else None


def _load_layer(path: Path, seen: set[Path]) -> tuple[dict[str, Any], dict[tuple[str, ...], tuple[str, int]]]:
    """Load one config file and whatever it ``extends``, merged in order."""
    resolved = path.resolve()
    if resolved in seen:
        raise ConfigError("'extends' loops back to this file", path)
    seen = seen | {resolved}
    data, key_lines = _load_yaml(path)
    _check_types(data, path, key_lines)
    _key_entries(data, path, key_lines)
    _resolve_paths(data, path.parent)
    lines = {key: (str(path), line) for key, line in key_lines.items()}
    merged: dict[str, Any] = {}
    merged_lines: dict[tuple[str, ...], tuple[str, int]] = {}
    extends = data.pop("extends", None) or []
    if isinstance(extends, str):
        extends = [extends]
    for name in extends:
        target = preset_path(str(name))
        if target is None:
            candidate = (path.parent / str(name)).resolve()
            if not candidate.is_file():
                line = key_lines.get(("extends",))
                raise ConfigError(f"'extends': no preset or file named {name!r}", path, line)
            target = candidate
        layer, layer_lines = _load_layer(target, seen)
        merged = merge(merged, layer)
        merged_lines.update(layer_lines)
    merged = merge(merged, data)
    merged_lines.update(lines)
    return merged, merged_lines


def _check_types(data: dict[str, Any], path: Path, lines: dict[tuple[str, ...], int]) -> None:
    def fail(key: str, message: str) -> None:
        raise ConfigError(message, path, lines.get((key,)))

    expected = {
        "rules": dict,
        "dictionary": dict,
        "ignore": list,
        "boilerplate": list,
        "plugins": list,
        "per_file_ignores": dict,
    }
    for key, kind in expected.items():
        if key in data and data[key] is not None and not isinstance(data[key], kind):
            fail(key, f"'{key}' must be a {'mapping' if kind is dict else 'list'}")
    if "style" in data and data["style"] not in STYLES:
        fail(
            "style",
            f"'style' must be one of {', '.join(STYLES)}, not {data['style']!r}{did_you_mean(str(data['style']), set(STYLES))}",
        )
    if "language" in data and data["language"] not in LANGUAGES:
        fail("language", f"'language' must be one of {', '.join(LANGUAGES)}, not {data['language']!r}")
    if "fail_level" in data and data["fail_level"] not in ("error", "warning", "info"):
        fail("fail_level", "'fail_level' must be error, warning or info")
    if "max_file_size" in data and (not isinstance(data["max_file_size"], int) or data["max_file_size"] <= 0):
        fail("max_file_size", "'max_file_size' must be a positive number of bytes")
    if "plugin_timeout" in data and (
        isinstance(data["plugin_timeout"], bool)
        or not isinstance(data["plugin_timeout"], (int, float))
        or data["plugin_timeout"] < 0
    ):
        fail("plugin_timeout", "'plugin_timeout' must be a number of seconds (0 for no limit)")
    for index, pattern in enumerate(data.get("boilerplate") or []):
        try:
            re.compile(str(pattern))
        except re.error as exc:
            raise ConfigError(
                f"boilerplate pattern {index + 1} does not compile: {exc}", path, lines.get(("boilerplate",))
            ) from None
    dictionary = data.get("dictionary") or {}
    for key in dictionary:
        if key not in ("accept", "files", "reject"):
            raise ConfigError(
                f"unknown key 'dictionary.{key}'{did_you_mean(str(key), {'accept', 'files', 'reject'})}",
                path,
                lines.get(("dictionary", str(key))),
            )


def load_config(config_path: str | Path | None = None, *, start: Path | None = None) -> Config:
    """Load the effective configuration.

    ``config_path`` (``--config``) wins; otherwise the nearest rules.yaml or
    .newslint.yaml from ``start`` (the current directory) upward; otherwise
    the packaged defaults alone.
    """
    default_path = default_config_path()
    data, lines = _load_layer(default_path, set())
    user_path: Path | None
    if config_path is not None:
        user_path = Path(config_path)
        if not user_path.is_file():
            raise ConfigError("no such configuration file", user_path)
    else:
        user_path = discover_config(start)
    if user_path is not None and user_path.resolve() != default_path.resolve():
        user_data, user_lines = _load_layer(user_path, set())
        data = merge(data, user_data)
        lines.update(user_lines)
    root = user_path.resolve().parent if user_path is not None else Path.cwd()
    return Config(data=data, path=user_path, root=root, lines=lines)


def validate_top_level(config: Config, plugin_sections: set[str]) -> None:
    """Raise :class:`ConfigError` for a top-level key no one knows."""
    known = set(CORE_KEYS) | plugin_sections
    for key in config.data:
        if key not in known:
            file, line = config.where(str(key))
            raise ConfigError(f"unknown key '{key}'{did_you_mean(str(key), known)}", file, line)


def environment_flag(name: str) -> bool:
    """True when environment variable ``name`` is set to something other than 0/false/empty."""
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")
