"""The honorifics plugin's vocabulary: the title table and the word lists.

The title table (``honorifics.titles`` in rules.yaml) says which words are
titles before a name, of which kind, and how AP abbreviates them.  The word
lists (``plugins/data/honorifics_words.yaml``) tell the words of a person's
name from the words around it: sentence openers, nationalities, the last
words of organisations and places.  Both are read once per configuration,
when the first article is checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SECTION = "honorifics"
KINDS = ("courtesy", "formal", "occupational", "regnal")
TITLE_KEYS = ("kind", "abbreviation", "later", "article")
SECTION_KEYS = ("titles", "exceptions", "not_names")
WORD_LISTS = (
    "function_words",
    "days",
    "months",
    "months_that_are_names",
    "descriptors",
    "organisations",
    "place_prefixes",
    "particles",
    "leading_particles",
    "suffixes",
    "location_words",
    "place_name_words",
    "place_names",
    "regions",
    "title_openers",
    "everyday_titles",
    "family_names_first",
    "person_verbs",
)


@dataclass(frozen=True)
class Title:
    """One title as it appears before a name ("General", "Gen.", "Mr.").

    ``name`` is the table's spelled-out form; ``written`` is this form (the
    same, or the abbreviation).  ``spelled_out`` is False for the
    abbreviated form of a title that has one.
    """

    name: str
    written: str
    kind: str
    abbreviation: str | None = None
    later: bool = False
    article: bool = False
    spelled_out: bool = True

    @property
    def is_courtesy(self) -> bool:
        """True for Mr., Mrs., Ms., Miss and Mx."""
        return self.kind == "courtesy"

    @property
    def is_regnal(self) -> bool:
        """True for titles that stay with the name (Pope, King, Queen)."""
        return self.kind == "regnal"

    @property
    def is_formal(self) -> bool:
        """True for titles of office, rank or clergy, capitalised before a name."""
        return self.kind == "formal"

    @property
    def later_form(self) -> str:
        """The form a courtesy-title house repeats on later references ("Gen.")."""
        return self.abbreviation or self.name


def title_words(text: str) -> tuple[str, ...]:
    """Split a title into the lower-case words used to look it up."""
    return tuple(text.lower().split())


@dataclass
class Lexicon:
    """Everything the honorifics rules look words up in, for one configuration."""

    titles: dict[tuple[str, ...], Title]
    longest_title: int
    words: dict[str, frozenset[str]]
    exceptions: frozenset[str]
    not_names: frozenset[str]
    derived: dict[str, Any] = field(default_factory=dict)
    """Tables other modules build from this lexicon once (word-set unions, patterns)."""
    title_ends: frozenset[str] = field(init=False, repr=False)
    """The last word of every title: no title ends at a word outside this set."""

    def __post_init__(self) -> None:
        self.title_ends = frozenset(words[-1] for words in self.titles if words)

    def title_ending_at(self, lowered: list[str], end: int, start: int = 0) -> tuple[Title, int] | None:
        """Return the longest title made of ``lowered[k:end]`` (``k >= start``) and ``k``, or None."""
        if end <= start or lowered[end - 1] not in self.title_ends:
            return None
        for length in range(min(self.longest_title, end - start), 0, -1):
            title = self.titles.get(tuple(lowered[end - length : end]))
            if title is not None:
                return title, end - length
        return None

    def title_for(self, words: tuple[str, ...]) -> Title | None:
        """Return the title spelled by ``words`` (lower case), or None."""
        return self.titles.get(words)


DATA = Path(__file__).parent / "data"
"""The plugins' data files (installed with the package; importlib.resources costs ~4 ms to import)."""


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    path = DATA / "honorifics_words.yaml"
    # libyaml's loader when PyYAML has it: the Python one takes a tenth of a second on this file.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(Path(str(path)).read_text(encoding="utf-8"), Loader=loader)
    return {name: frozenset(str(word).lower() for word in data.get(name) or []) for name in WORD_LISTS}


def build_lexicon(section: dict[str, Any]) -> Lexicon:
    """Build the lexicon from the ``honorifics`` section of the configuration (already validated)."""
    titles: dict[tuple[str, ...], Title] = {}
    for name, entry in (section.get("titles") or {}).items():
        if entry is None:
            continue
        kind = str(entry.get("kind", "formal"))
        abbreviation = entry.get("abbreviation")
        spelled = Title(
            name=str(name),
            written=str(name),
            kind=kind,
            abbreviation=str(abbreviation) if abbreviation else None,
            later=bool(entry.get("later", False)),
            article=bool(entry.get("article", False)),
        )
        titles.setdefault(title_words(spelled.name), spelled)
        if spelled.abbreviation:
            short = Title(
                name=spelled.name,
                written=spelled.abbreviation,
                kind=kind,
                abbreviation=spelled.abbreviation,
                later=spelled.later,
                article=spelled.article,
                spelled_out=False,
            )
            titles[title_words(short.written)] = short
    return Lexicon(
        titles=titles,
        longest_title=max((len(words) for words in titles), default=1),
        words=_word_lists(),
        exceptions=frozenset(_normalise(e) for e in section.get("exceptions") or []),
        not_names=frozenset(_normalise(n) for n in section.get("not_names") or []),
    )


def _normalise(phrase: object) -> str:
    return " ".join(str(phrase).replace("'", "’").lower().split())


def normalise_phrase(phrase: str) -> str:
    """Lower-case a phrase and unify apostrophes and spaces, for the exception lists."""
    return _normalise(phrase)


def config_errors(section: object) -> list[str]:
    """Return one message per problem in the ``honorifics`` section of rules.yaml."""
    if section is None:
        return []
    if not isinstance(section, dict):
        return ["'honorifics' must be a mapping with titles, exceptions and not_names"]
    problems = []
    for key in section:
        if key not in SECTION_KEYS:
            problems.append(f"unknown key 'honorifics.{key}' (known: {', '.join(SECTION_KEYS)})")
    titles = section.get("titles")
    if titles is not None and not isinstance(titles, dict):
        problems.append("'honorifics.titles' must be a mapping of title to its kind and abbreviation")
    for name, entry in (titles or {}).items() if isinstance(titles, dict) else []:
        problems.extend(_title_errors(str(name), entry))
    for key in ("exceptions", "not_names"):
        value = section.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            problems.append(f"'honorifics.{key}' must be a list of names or phrases")
    return problems


def _title_errors(name: str, entry: object) -> list[str]:
    where = f"'honorifics.titles.{name}'"
    if entry is None:
        return []
    if not isinstance(entry, dict):
        return [f"{where} must be a mapping such as {{kind: formal, abbreviation: Gen.}}, or null to drop it"]
    problems = [
        f"{where}: unknown key '{key}' (known: {', '.join(TITLE_KEYS)})"
        for key in entry
        if key not in TITLE_KEYS
    ]
    kind = entry.get("kind", "formal")
    if kind not in KINDS:
        problems.append(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    abbreviation = entry.get("abbreviation")
    if abbreviation is not None and (not isinstance(abbreviation, str) or not abbreviation.strip()):
        problems.append(f"{where}: abbreviation must be text such as 'Gen.'")
    for flag in ("later", "article"):
        if flag in entry and not isinstance(entry[flag], bool):
            problems.append(f"{where}: {flag} must be true or false")
    return problems
