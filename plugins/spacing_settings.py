"""The ``spacing`` section of rules.yaml: word lists for the glued-word rules.

Reads and checks the section and builds the :class:`GlueAnalyser` the
glued-words and broken-hyphenation rules share (one per run, kept in the
check context, with the house dictionary added to the shared lexicon).
"""

from __future__ import annotations

from typing import Any

from newslint_plugins.spacing_splits import GlueAnalyser, GlueSettings

from newslint.compounds import get_compounds
from newslint.config import Config
from newslint.context import CheckContext
from newslint.lexicon import get_lexicon

SECTION = "spacing"
LISTS = {
    "closed_prefixes": "prefixes that close up with the word they join (“cyberattack”, “multiyear”)",
    "closed_suffixes": "endings that close up with the word before them (“hourlong”, “citywide”)",
    "hyphen_suffixes": "second elements joined with a hyphen (“Moscow-based”, “Kremlin-backed”)",
    "units": "unit and ordinal endings a number carries without a space (“5km”, “3pm”, “20th”)",
    "name_followers": "words that follow a name in news copy (“Kyivsaid” → “Kyiv said”)",
}
_STATE_KEY = "spacing.glue-analyser"


def section_errors(config: Config) -> list[str]:
    """Return one message per problem in the ``spacing`` section."""
    raw = config.data.get(SECTION)
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [f"'{SECTION}' must be a mapping of word lists"]
    problems = []
    for key, value in raw.items():
        if key not in LISTS:
            problems.append(f"unknown key '{SECTION}.{key}' (known: {', '.join(LISTS)})")
        elif not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"'{SECTION}.{key}' must be a list of words")
    return problems


def settings_from(config: Config) -> GlueSettings:
    """Return the analyser's settings with the configured word lists."""
    section: dict[str, Any] = config.section(SECTION)
    lists = {key: frozenset(str(w).strip().lower() for w in section.get(key) or []) for key in LISTS}
    return GlueSettings(**lists)


def analyser_for(context: CheckContext) -> GlueAnalyser:
    """Return the run's analyser, building it (and loading the word data) on first use."""
    analyser = context.state.get(_STATE_KEY)
    if analyser is None:
        config = context.config
        analyser = GlueAnalyser(
            get_lexicon(config.language),
            get_compounds(config.language),
            settings_from(config),
            house_words=config.accepted_words,
        )
        context.state[_STATE_KEY] = analyser
    return analyser
