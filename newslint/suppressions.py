"""Suppressions: findings an editor or a desk has chosen not to see.

Two sources, applied by the runner after the findings are mapped to the file:

* **Comments** in Markdown and HTML articles (the readers collect HTML
  comments with their file offsets into ``article.metadata["comments"]``)::

      <!-- newslint-disable -->                       every rule, until enabled again
      <!-- newslint-disable spacing typos.misspelling -->   these rules or categories
      <!-- newslint-enable spacing -->                those again
      <!-- newslint-enable -->                        everything again
      <!-- newslint-disable-next-line spacing.double-space -->   the line after the comment
      <!-- newslint-disable-line attribution -->      the line(s) the comment is on

  Names are rule ids, categories or plugin names, separated by spaces or
  commas; a reason may follow ``--``.  For a finding, the last ``disable`` or
  ``enable`` before it that names its rule (or names nothing) decides.  An
  unknown name or directive is a warning and suppresses nothing.

* **per_file_ignores** in rules.yaml, for any format: globs of paths mapped
  to the rule ids or categories not reported there.  Globs match the path
  relative to the configuration's folder, the path as given, or the file
  name, as ``ignore`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint.config import ConfigError, did_you_mean
from newslint.discovery import is_ignored

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding
    from newslint.model import Article
    from newslint.session import Session

DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-line")
DIRECTIVE = re.compile(r"\s*newslint-(?P<word>[a-z-]+)(?P<rest>(?:\s.*)?)\Z", re.DOTALL)
SEPARATOR = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class _Region:
    """A ``disable``/``enable`` comment taking effect from ``offset`` (file offset) on."""

    offset: int
    disable: bool
    names: frozenset[str]  # empty: every rule


@dataclass(frozen=True)
class _Lines:
    """A ``disable-next-line``/``disable-line`` comment covering 1-based lines ``first..last``."""

    first: int
    last: int
    names: frozenset[str]


def parse_names(value: Any) -> list[str]:
    """Split ``"spacing, typos.misspelling"`` or a list of names into names."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names: list[str] = []
    for item in items:
        names.extend(part for part in SEPARATOR.split(str(item)) if part)
    return names


def matches(finding: Finding, names: frozenset[str]) -> bool:
    """True when ``names`` is empty (every rule) or names the finding's rule, category or plugin."""
    if not names:
        return True
    return (
        finding.rule in names or (finding.category or "") in names or finding.rule.split(".", 1)[0] in names
    )


def check_per_file_ignores(session: Session) -> None:
    """Raise :class:`ConfigError` when ``per_file_ignores`` is malformed or names an unknown rule."""
    config = session.config
    table = config.data.get("per_file_ignores") or {}
    if not isinstance(table, dict):  # pragma: no cover - the loader checks the type
        raise ConfigError("'per_file_ignores' must be a mapping", *config.where("per_file_ignores"))
    known: set[str] | None = None
    for glob, value in table.items():
        file, line = config.where("per_file_ignores", str(glob))
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(
                f"per_file_ignores '{glob}': give rule ids or categories as a list or a string", file, line
            )
        for name in parse_names(value):
            if not session.is_known_name(name):
                known = known if known is not None else session.known_names()
                raise ConfigError(
                    f"per_file_ignores '{glob}': unknown rule id or category '{name}'{did_you_mean(name, known)}",
                    file,
                    line,
                )


class Suppressions:
    """Applies comment directives and ``per_file_ignores`` to one article's findings."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.root = session.config.root
        table = session.config.data.get("per_file_ignores") or {}
        self.per_file: list[tuple[str, frozenset[str]]] = [
            (str(glob), frozenset(parse_names(names))) for glob, names in table.items()
        ]
        self._per_path: dict[str, list[frozenset[str]]] = {}

    def apply(
        self, article: Article, findings: list[Finding]
    ) -> tuple[list[Finding], list[Finding], list[str]]:
        """Return ``(kept, suppressed, warnings)`` for an article's mapped findings."""
        warnings: list[str] = []
        regions, lines = self._directives(article, warnings)
        ignored = self._ignored_names(article.path)
        if not (regions or lines or ignored):
            return findings, [], warnings
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        for finding in findings:
            if self._suppressed(finding, regions, lines, ignored):
                suppressed.append(finding)
            else:
                kept.append(finding)
        return kept, suppressed, warnings

    # per_file_ignores ---------------------------------------------------------------

    def _ignored_names(self, path: str) -> list[frozenset[str]]:
        if not self.per_file:
            return []
        cached = self._per_path.get(path)
        if cached is None:
            cached = [names for glob, names in self.per_file if is_ignored(path, [glob], self.root)]
            self._per_path[path] = cached
        return cached

    # Comments -----------------------------------------------------------------------

    def _directives(self, article: Article, warnings: list[str]) -> tuple[list[_Region], list[_Lines]]:
        regions: list[_Region] = []
        lines: list[_Lines] = []
        for start, end, content in article.metadata.get("comments") or []:
            match = DIRECTIVE.match(content)
            if match is None:
                continue
            where = f"{article.path}:{article.line_col(start)[0]}"
            word = match.group("word")
            if word not in DIRECTIVES:
                warnings.append(
                    f"{where}: unknown directive 'newslint-{word}'{did_you_mean(word, set(DIRECTIVES))}; it suppresses nothing"
                )
                continue
            rest = match.group("rest").split(" --", 1)[0]
            names = self._checked_names(parse_names(rest), word, where, warnings)
            if names is None:
                continue
            if word in ("disable", "enable"):
                regions.append(_Region(end, word == "disable", names))
                continue
            first = article.line_col(start)[0]
            last = article.line_col(end)[0]
            if word == "disable-next-line":
                first = last = last + 1
            lines.append(_Lines(first, last, names))
        regions.sort(key=lambda region: region.offset)
        return regions, lines

    def _checked_names(
        self, names: Iterable[str], word: str, where: str, warnings: list[str]
    ) -> frozenset[str] | None:
        """Return the known names; warn about unknown ones (None when every name was unknown)."""
        given = list(names)
        good = [name for name in given if self.session.is_known_name(name)]
        for name in given:
            if name not in good:
                warnings.append(
                    f"{where}: unknown rule id or category '{name}' in newslint-{word}"
                    f"{did_you_mean(name, self.session.known_names())}"
                )
        if given and not good:
            return None
        return frozenset(good)

    @staticmethod
    def _suppressed(
        finding: Finding, regions: list[_Region], lines: list[_Lines], ignored: list[frozenset[str]]
    ) -> bool:
        if any(matches(finding, names) for names in ignored):
            return True
        if any(span.first <= finding.line <= span.last and matches(finding, span.names) for span in lines):
            return True
        for region in reversed(regions):
            if region.offset <= finding.start and matches(finding, region.names):
                return region.disable
        return False
