"""The ``languagetool:`` section of rules.yaml, and how rule ids are named.

The grammar plugin reads its settings from here: which LanguageTool to use
(``mode``, ``server``), what to ask it (``language``, rules and categories,
``picky``) and how patiently (``timeout``, request size, cache size).  Two
environment variables complete the file for machines that cannot change it:
``NEWSLINT_LANGUAGETOOL_URL`` names a server when ``server`` is not set, and
``NEWSLINT_LANGUAGETOOL_MODE`` overrides ``mode`` (``off`` in a test run, say).

LanguageTool rule ids (``EN_A_VS_AN``) become newslint rule ids
(``grammar.en-a-vs-an``): lower case, ``-`` for ``_``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from newslint.config import did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    from newslint.config import Config

SECTION = "languagetool"
RULE_PREFIX = "grammar."
MODES = ("auto", "local", "server", "off")
SERVER_ENV = "NEWSLINT_LANGUAGETOOL_URL"
MODE_ENV = "NEWSLINT_LANGUAGETOOL_MODE"

KEYS = {
    "mode": "auto, local, server or off",
    "server": "URL of a LanguageTool server",
    "language": "language code sent to LanguageTool (default: the config's language)",
    "disabled_rules": "LanguageTool rules never asked for",
    "enabled_rules": "LanguageTool rules that are off by default, asked for",
    "disabled_categories": "LanguageTool categories never asked for",
    "picky": "ask for LanguageTool's picky level",
    "timeout": "seconds to wait for one answer",
    "max_request_chars": "largest text sent in one request",
    "cache_size_mb": "largest size of the LanguageTool cache on disk, in MB (0: no cache)",
}

_LT_ID = re.compile(r"^[A-Za-z0-9_]+$")
_NEWSLINT_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


class LanguageToolSettings(NamedTuple):
    """The effective ``languagetool:`` settings for a run."""

    mode: str = "auto"
    server: str | None = None
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    timeout: float = 30.0
    max_request_chars: int = 15_000
    cache_size_mb: float = 64.0

    def request_options(self) -> dict[str, Any]:
        """The settings that change LanguageTool's answer (part of every cache key)."""
        return {
            "language": self.language,
            "disabled_rules": sorted(self.disabled_rules),
            "enabled_rules": sorted(self.enabled_rules),
            "disabled_categories": sorted(self.disabled_categories),
            "picky": self.picky,
        }


def lt_rule_id(name: str) -> str:
    """Return the LanguageTool id for ``EN_A_VS_AN``, ``en-a-vs-an`` or ``grammar.en-a-vs-an``."""
    name = name.strip()
    if name.startswith(RULE_PREFIX):
        name = name[len(RULE_PREFIX) :]
    return name.replace("-", "_").upper()


def newslint_rule_id(lt_id: str) -> str:
    """Return the newslint rule id for a LanguageTool rule id: ``EN_A_VS_AN`` → ``grammar.en-a-vs-an``."""
    name = re.sub(r"[^a-z0-9]+", "-", lt_id.lower()).strip("-") or "unknown"
    return RULE_PREFIX + name


def is_grammar_rule_id(rule_id: str) -> bool:
    """True for ids of the form ``grammar.<lower-case-name>``."""
    return rule_id.startswith(RULE_PREFIX) and bool(_NEWSLINT_NAME.match(rule_id[len(RULE_PREFIX) :]))


def read_settings(config: Config, environ: Mapping[str, str] | None = None) -> LanguageToolSettings:
    """Return the settings for ``config`` (validated by :func:`settings_errors` at load time)."""
    environ = os.environ if environ is None else environ
    section = config.section(SECTION)
    mode = str(environ.get(MODE_ENV) or section.get("mode") or "auto").strip().lower()
    server = section.get("server") or environ.get(SERVER_ENV) or None
    return LanguageToolSettings(
        mode=mode if mode in MODES else "auto",
        server=str(server).strip() if server else None,
        language=str(section.get("language") or config.language),
        disabled_rules=tuple(lt_rule_id(str(r)) for r in section.get("disabled_rules") or []),
        enabled_rules=tuple(lt_rule_id(str(r)) for r in section.get("enabled_rules") or []),
        disabled_categories=tuple(str(c).strip().upper() for c in section.get("disabled_categories") or []),
        picky=bool(section.get("picky", False)),
        timeout=float(section.get("timeout") or 30.0),
        max_request_chars=int(section.get("max_request_chars") or 15_000),
        cache_size_mb=float(section.get("cache_size_mb", 64.0)),
    )


def settings_errors(config: Config, environ: Mapping[str, str] | None = None) -> list[str]:
    """Return one message per problem in the ``languagetool:`` section (empty when it is fine)."""
    environ = os.environ if environ is None else environ
    raw = config.data.get(SECTION)
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [f"'{SECTION}' must be a mapping"]
    problems = []
    for key in raw:
        if key not in KEYS:
            problems.append(f"unknown key '{SECTION}.{key}'{did_you_mean(str(key), set(KEYS))}")
    mode = raw.get("mode", "auto")
    if mode not in MODES:
        problems.append(f"'{SECTION}.mode' must be one of {', '.join(MODES)}, not {mode!r}")
    env_mode = environ.get(MODE_ENV)
    if env_mode and env_mode.strip().lower() not in MODES:
        problems.append(f"{MODE_ENV} must be one of {', '.join(MODES)}, not {env_mode!r}")
    server = raw.get("server")
    if server is not None and not (isinstance(server, str) and _URL.match(server.strip())):
        problems.append(f"'{SECTION}.server' must be an http:// or https:// URL, not {server!r}")
    if (env_mode or mode) == "server" and not (server or environ.get(SERVER_ENV)):
        problems.append(f"'{SECTION}.mode' is server but no '{SECTION}.server' URL (or {SERVER_ENV}) is set")
    language = raw.get("language")
    if language is not None and not (
        isinstance(language, str) and re.fullmatch(r"[a-zA-Z-]{2,12}", language)
    ):
        problems.append(f"'{SECTION}.language' must be a language code such as en-US, not {language!r}")
    for key in ("disabled_rules", "enabled_rules", "disabled_categories"):
        problems.extend(_list_problems(raw, key))
    if "picky" in raw and not isinstance(raw["picky"], bool):
        problems.append(f"'{SECTION}.picky' must be true or false")
    for key, minimum in (("timeout", 0.0), ("max_request_chars", 500), ("cache_size_mb", 0.0)):
        problems.extend(_number_problems(raw, key, minimum))
    return problems


def _list_problems(raw: dict[str, Any], key: str) -> list[str]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        return [f"'{SECTION}.{key}' must be a list"]
    problems = []
    for item in value:
        name = lt_rule_id(str(item)) if key != "disabled_categories" else str(item)
        if not isinstance(item, str) or not _LT_ID.match(name):
            problems.append(f"'{SECTION}.{key}': {item!r} is not a LanguageTool id such as EN_A_VS_AN")
    return problems


def _number_problems(raw: dict[str, Any], key: str, minimum: float) -> list[str]:
    if key not in raw:
        return []
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        return [f"'{SECTION}.{key}' must be a number of at least {minimum:g}, not {value!r}"]
    if key == "timeout" and value == 0:
        return [f"'{SECTION}.timeout' must be more than 0 seconds"]
    return []
