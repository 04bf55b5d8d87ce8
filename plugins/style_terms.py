"""Finding the words or patterns of one house rule in a stretch of text.

A :class:`TermSet` holds what one rule looks for: plain words and phrases
(matched in any case unless ``match_case``; any run of spaces and either
apostrophe match), or regular expressions.  Word boundaries are added for
the author.  ``followed_by`` and ``preceded_by`` are patterns the text
right after or before a match must match; ``exceptions`` are words or
patterns, and a match that lies inside one of them is not reported.

Matching is three-step for speed.  A stretch of text in which none of the
strings every match needs occurs (``str.find`` looks) is skipped.  In the
rest, a *scout* (the terms as written and the ``followed_by`` context,
which ``re`` can search for quickly by their first characters) finds
candidate positions, and the *exact* pattern (with the word boundaries)
and the checks of ``preceded_by`` and the exceptions confirm each one.
Plain words matched in any case are scouted in a lower-cased copy of the
text, made once per article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from newslint_plugins.style_patterns import (
    compile_checked,
    fast_scout,
    has_backreference,
    necessary_literals,
    normalise_phrase,
    plain_pattern,
    reads_past_the_end,
    with_word_boundaries,
    word_alternation,
)

CONTEXT_REACH = 100
"""How far (in characters) ``preceded_by`` and ``exceptions`` look before a match, and exceptions after it."""


class Bounds(Protocol):
    """A stretch of text a match must stay inside (a paragraph, or part of a long one)."""

    start: int
    end: int


@dataclass
class TermMatch:
    """One match: which term, where, and the stretch of text it was found in."""

    term: int
    start: int
    end: int
    match: re.Match[str]
    bounds: Bounds


@dataclass
class _Group:
    """Terms searched together: one scout, and the exact pattern of each term (or one shared)."""

    scout: re.Pattern[str]
    terms: list[int]
    exact: list[re.Pattern[str]]
    lowered: bool
    needs: list[str] | None = None  # one of these occurs in any stretch the scout can match in
    needs_lowered: bool = False  # look for them in the lower-cased text


@dataclass
class TermSet:
    """The compiled words or patterns of one rule.

    ``problems`` lists what is wrong with them (a pattern that does not
    compile, could backtrack catastrophically, or two plain words that are
    the same); a TermSet with problems is not used.
    """

    terms: list[str]
    regex: bool = False
    match_case: bool = False
    followed_by: str | None = None
    preceded_by: str | None = None
    exceptions: list[str] = field(default_factory=list)
    label: str = "word"
    problems: list[str] = field(default_factory=list)
    own_chunks: bool = False
    """True when a search must stop at each paragraph's end (see :func:`reads_past_the_end`)."""
    _groups: list[_Group] = field(default_factory=list, repr=False)
    _lookup: dict[str, int] = field(default_factory=dict, repr=False)
    _before: re.Pattern[str] | None = field(default=None, repr=False)
    _exceptions: list[tuple[re.Pattern[str], re.Pattern[str]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        flags = 0 if self.match_case else re.IGNORECASE
        after = self._context(self.followed_by, "followed_by", flags)
        before = self._context(self.preceded_by, "preceded_by", flags)
        lookahead = f"(?={self.followed_by})" if after is not None else ""
        if before is not None:
            self._before = re.compile(f"(?:{self.preceded_by})\\Z", flags)
        if self.regex:
            self._compile_patterns(flags, lookahead)
        else:
            self._compile_words(flags, lookahead)
        if not self.problems:
            sources = (self.terms if self.regex else []) + ([self.followed_by] if self.followed_by else [])
            self.own_chunks = any(reads_past_the_end(source, flags) for source in sources)
        self._compile_exceptions(flags)

    # Building ---------------------------------------------------------------------

    def _context(self, source: str | None, name: str, flags: int) -> re.Pattern[str] | None:
        if source is None:
            return None
        compiled, reason = compile_checked(source, flags, empty_ok=True)
        if reason:
            self.problems.append(f"{name} pattern {source!r} {reason}")
        return compiled

    def _compile_patterns(self, flags: int, lookahead: str) -> None:
        exact: list[re.Pattern[str]] = []
        mergeable = True
        for source in self.terms:
            compiled, reason = compile_checked(source, flags)
            if reason:
                self.problems.append(f"{self.label} pattern {source!r} {reason}")
                continue
            assert compiled is not None
            exact.append(re.compile(with_word_boundaries(source) + lookahead, flags))
            mergeable = mergeable and not has_backreference(source) and not compiled.groupindex
        if self.problems:
            return
        ignore_case = bool(flags & re.IGNORECASE)
        if mergeable and len(self.terms) > 1:
            joined = "|".join(f"(?:{source})" for source in self.terms)
            source = f"(?:{joined}){lookahead}"
            self._groups = [
                _Group(
                    fast_scout(source, flags),
                    list(range(len(self.terms))),
                    exact,
                    lowered=False,
                    needs=necessary_literals(source, flags),
                    needs_lowered=ignore_case,
                )
            ]
        else:
            self._groups = [
                _Group(
                    fast_scout(f"(?:{source}){lookahead}", flags),
                    [index],
                    [exact[index]],
                    lowered=False,
                    needs=necessary_literals(f"(?:{source}){lookahead}", flags),
                    needs_lowered=ignore_case,
                )
                for index, source in enumerate(self.terms)
            ]

    def _compile_words(self, flags: int, lookahead: str) -> None:
        for index, word in enumerate(self.terms):
            if not word.strip():
                self.problems.append(f"an empty {self.label}")
                continue
            key = normalise_phrase(word, self.match_case)
            if key in self._lookup:
                other = self.terms[self._lookup[key]]
                same = "the same" if self.match_case else "the same in any case"
                self.problems.append(f"{self.label}s {other!r} and {word!r} are {same}")
                continue
            self._lookup[key] = index
        if self.problems or not self.terms:
            return
        lowered = not self.match_case
        alternation = word_alternation([word.lower() if lowered else word for word in self.terms])
        # The context can only narrow the scout where it reads the text as the exact pattern does.
        source = alternation if lowered else f"(?:{alternation}){lookahead}"
        exact = re.compile(with_word_boundaries(alternation) + lookahead, flags)
        needs = necessary_literals(source)
        self._groups = [_Group(re.compile(source), [-1], [exact], lowered, needs, needs_lowered=lowered)]

    def _compile_exceptions(self, flags: int) -> None:
        for source in self.exceptions:
            if self.regex:
                _, reason = compile_checked(source, flags)
                if reason:
                    self.problems.append(f"exception pattern {source!r} {reason}")
                    continue
            elif not source.strip():
                self.problems.append("an empty exception")
                continue
            else:
                source = plain_pattern(source)
            self._exceptions.append(
                (fast_scout(source, flags), re.compile(with_word_boundaries(source), flags))
            )

    # Matching ---------------------------------------------------------------------

    def find(
        self, text: str, lowered: str, start: int, end: int, locate: Callable[[int], Bounds | None]
    ) -> Iterator[TermMatch]:
        """Yield the matches found by searching ``text[start:end]``, in order, not overlapping.

        ``lowered`` is ``text.lower()`` (same length), used to scout plain
        words in any case.  ``locate(position)`` gives the stretch of text a
        match starting there must stay inside, or None where nothing counts.
        """
        if self.problems:
            return
        if len(self._groups) == 1:
            yield from self._find_group(self._groups[0], text, lowered, start, end, locate)
            return
        found = [m for g in self._groups for m in self._find_group(g, text, lowered, start, end, locate)]
        found.sort(key=lambda m: (m.start, -m.end))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match

    def _find_group(
        self,
        group: _Group,
        text: str,
        lowered: str,
        start: int,
        end: int,
        locate: Callable[[int], Bounds | None],
    ) -> Iterator[TermMatch]:
        if group.needs is not None:
            where = lowered if group.needs_lowered else text
            if not any(where.find(literal, start, end) != -1 for literal in group.needs):
                return
        haystack = lowered if group.lowered else text
        position = start
        search = group.scout.search
        while position < end:
            candidate = search(haystack, position, end)
            if candidate is None:
                return
            at = candidate.start()
            bounds = locate(at)
            confirmed = self._confirm(group, text, at, bounds) if bounds is not None else None
            if confirmed is None:
                position = at + 1
                continue
            yield confirmed
            position = max(confirmed.end, at + 1)

    def _confirm(self, group: _Group, text: str, at: int, bounds: Bounds) -> TermMatch | None:
        start, end = bounds.start, bounds.end
        for index, exact in zip(group.terms, group.exact, strict=True):
            match = exact.match(text, at, end)
            if match is None or match.end() == match.start():
                continue
            term = index if index >= 0 else self._lookup.get(normalise_phrase(match.group(), self.match_case))
            if term is None:
                continue
            if self._before is not None and not self._before.search(text, max(start, at - CONTEXT_REACH), at):
                continue
            if self._excepted(text, match.start(), match.end(), start, end):
                continue
            return TermMatch(term, match.start(), match.end(), match, bounds)
        return None

    def _excepted(self, text: str, match_start: int, match_end: int, start: int, end: int) -> bool:
        """True when an exception's occurrence covers the match."""
        for scout, exact in self._exceptions:
            position = max(start, match_start - CONTEXT_REACH)
            limit = min(end, match_end + CONTEXT_REACH)
            while position <= match_start:
                candidate = scout.search(text, position, limit)
                if candidate is None or candidate.start() > match_start:
                    break
                found = exact.match(text, candidate.start(), limit)
                if found is not None and found.end() >= match_end:
                    return True
                position = candidate.start() + 1
        return False
