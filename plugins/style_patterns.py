"""Patterns in house rules: word boundaries, compilation, and a static safety check.

Editors write house-rule patterns as Python regular expressions.  Before a
pattern is used it must compile and pass :func:`backtracking_risk`, a
conservative static check against patterns whose matching time can explode
(``(a+)+``, ``(.*)*``, ``(a|ab)+``, ``\\d+\\d+``).  A pattern the check
rejects is a configuration error naming the rule; a safe pattern may still
be rejected (rewrite it, or bound its repeats).

Python's ``re`` cannot be interrupted, so this check, together with the
per-chunk matching and the time budget in :mod:`style_match`, is what keeps
a house rule's run on an article bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

try:  # Python 3.11 and later
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_PATTERN_LENGTH = 1000
MAX_REPEAT_COUNT = 1000
_WORD_BEFORE = r"(?:(?<!\w)|(?!\w))"
_WORD_AFTER = r"(?:(?!\w)|(?<!\w))"
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_GROUPS = {sre.SUBPATTERN, getattr(sre, "ATOMIC_GROUP", sre.SUBPATTERN)}
_ASSERTS = {sre.ASSERT, sre.ASSERT_NOT}


def with_word_boundaries(source: str) -> str:
    """Wrap a pattern so a match never starts or ends inside a word.

    Unlike ``\\b``, the edges are only required where the match itself
    starts or ends with a word character, so ``Sept\\.`` still matches
    before a space and ``\\$5`` after one.
    """
    return f"{_WORD_BEFORE}(?:{source}){_WORD_AFTER}"


def plain_pattern(phrase: str) -> str:
    """Return a pattern for a plain word or phrase: literal, any run of spaces, either apostrophe."""
    parts = []
    for char in phrase.strip():
        if char.isspace():
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def word_alternation(phrases: list[str]) -> str:
    """Return one pattern for many plain phrases, factored by common prefixes (a trie).

    ``re`` tries the alternatives of ``a|b|c`` one by one at each position;
    factoring ``twenty|twenty-one|twenty-two`` into ``twenty(?:-(?:one|two))?``
    keeps a list of a hundred words as fast as a list of ten.  Longer
    phrases win over their prefixes, as the repeat is greedy.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for unit in _units(phrase):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _trie_pattern(trie)


def _units(phrase: str) -> list[str]:
    units: list[str] = []
    for char in phrase.strip():
        if char.isspace():
            if units and units[-1] != r"\s+":
                units.append(r"\s+")
        elif char in "'’":
            units.append("['’]")
        else:
            units.append(re.escape(char))
    return units


def _trie_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [unit + _trie_pattern(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def fast_scout(source: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a scout for ``source`` that ``re`` can run quickly.

    ``re`` skips ahead quickly only when a pattern opens with a literal or a
    character class; a pattern opening with a group or a repeat is tried at
    every position.  Such a pattern is given a leading class of its possible
    first characters, with the pattern itself checked from that character:
    ``[0-9](?<=(?=PATTERN).)``.  The match is one character long; only its
    start counts.
    """
    plain = re.compile(source, flags)
    try:
        tree = _parse(source, flags)
    except re.error:  # pragma: no cover - the source compiled above
        return plain
    items = _flatten(tree)
    if not items or _opens_with_literal(items[0]):
        return plain
    first = _first(items)
    if first.anything or (not first.chars and not first.categories):
        return plain
    parts = [re.escape(char) for char in sorted(first.chars) if len(char) == 1]
    parts += [{"digit": r"\d", "word": r"\w", "space": r"\s"}[name] for name in sorted(first.categories)]
    try:
        return re.compile(f"[{''.join(parts)}](?<=(?=(?:{source})).)", flags)
    except re.error:
        return plain


def necessary_literals(source: str, flags: int = 0) -> list[str] | None:
    """Return strings of which every match of ``source`` contains at least one, or None.

    Searching a stretch of text for a pattern can be skipped when none of
    them occurs in it, which ``str.find`` checks far faster than ``re``
    scans.  With ``re.IGNORECASE`` the strings are lower-cased (and only
    ASCII ones are given), to be looked for in lower-cased text.
    """
    try:
        tree = _parse(source, flags)
        if not flags & re.IGNORECASE and _ignores_case_inside(tree):
            return None  # "(?i:...)": its literals may appear in any case
        found = _necessary(_flatten(tree))
    except (re.error, RecursionError):  # pragma: no cover - the source compiled before
        return None
    if not found or all(not literal.strip() for literal in found):
        return None
    if flags & re.IGNORECASE:
        if not all(literal.isascii() for literal in found):
            return None
        found = {literal.lower() for literal in found}
    return sorted(found)


def _ignores_case_inside(tree: Any) -> bool:
    for op, av in tree:
        if op is sre.SUBPATTERN and av[1] & re.IGNORECASE:
            return True
        if any(_ignores_case_inside(child) for child in _children(op, av)):
            return True
    return False


def _necessary(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The best set of literals one of which every match of the sequence contains."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        if op is sre.BRANCH:
            alternatives = [_necessary(_flatten(branch)) for branch in av[1]]
            if all(alternatives):
                options.append(set().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            inner = _necessary(_flatten(av[2]))
            if inner:
                options.append(inner)
        elif op is sre.ASSERT and av[0] == 1:  # a lookahead: what it needs lies after the position
            inner = _necessary(_flatten(av[1]))
            if inner:
                options.append(inner)
    if not options:
        return None
    return max(options, key=lambda option: (min(len(literal) for literal in option), -len(option)))


def _opens_with_literal(item: tuple[Any, Any]) -> bool:
    """True when ``re`` can already skip ahead: a literal, a class, or alternatives that each open with a literal."""
    op, av = item
    if op in (sre.LITERAL, sre.IN):
        return True
    if op is sre.BRANCH:
        return all(len(branch) > 0 and branch[0][0] is sre.LITERAL for branch in av[1])
    return False


def normalise_phrase(text: str, match_case: bool) -> str:
    """Return the form under which a plain phrase is looked up: single spaces, straight apostrophes."""
    text = " ".join(text.split()).replace("’", "'")
    return text if match_case else text.lower()


def compile_checked(
    source: str, flags: int = 0, *, empty_ok: bool = False
) -> tuple[re.Pattern[str] | None, str | None]:
    """Compile a pattern an editor wrote; return ``(pattern, None)`` or ``(None, reason)``.

    ``empty_ok`` accepts a pattern that can match empty text (a context such as ``(?!\\d)``).
    """
    if not isinstance(source, str) or not source:
        return None, "is empty"
    if len(source) > MAX_PATTERN_LENGTH:
        return None, f"is longer than {MAX_PATTERN_LENGTH} characters"
    try:
        compiled = re.compile(source, flags)
        re.compile(with_word_boundaries(source), flags)
    except re.error as exc:
        return None, f"does not compile: {exc}"
    except (OverflowError, RecursionError, ValueError) as exc:
        return None, f"does not compile: {exc}"
    risk = backtracking_risk(source, flags, empty_ok=empty_ok)
    if risk:
        return None, risk
    return compiled, None


def has_backreference(source: str) -> bool:
    """True when the pattern refers back to one of its groups (it cannot be merged with others)."""
    return _contains(_parse(source), {sre.GROUPREF, sre.GROUPREF_EXISTS})


# The static check ----------------------------------------------------------------


@dataclass(frozen=True)
class CharSet:
    """An over-approximation of the characters a piece of pattern can match."""

    chars: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()  # "digit", "word", "space"
    anything: bool = False

    def __or__(self, other: CharSet) -> CharSet:
        return CharSet(
            self.chars | other.chars, self.categories | other.categories, self.anything or other.anything
        )

    def overlaps(self, other: CharSet) -> bool:
        """True when some character could be matched by both."""
        if self.anything and (other.anything or other.chars or other.categories):
            return True
        if other.anything and (self.chars or self.categories):
            return True
        if self.chars & other.chars:
            return True
        if _categories_overlap(self.categories, other.categories):
            return True
        return _in_categories(self.chars, other.categories) or _in_categories(other.chars, self.categories)


_NOTHING = CharSet()
_ANYTHING = CharSet(anything=True)
_CATEGORY_NAMES = {
    sre.CATEGORY_DIGIT: "digit",
    sre.CATEGORY_WORD: "word",
    sre.CATEGORY_SPACE: "space",
}


def _categories_overlap(first: frozenset[str], second: frozenset[str]) -> bool:
    if not first or not second:
        return False
    if first & second:
        return True
    return bool({"digit", "word"} <= (first | second))


def _in_categories(chars: frozenset[str], categories: frozenset[str]) -> bool:
    tests = {
        "digit": str.isdigit,
        "word": lambda c: c.isalnum() or c == "_",
        "space": str.isspace,
    }
    return any(tests[name](char) for name in categories for char in chars)


def _literal(code: int) -> CharSet:
    char = chr(code)
    return CharSet(frozenset({char, char.lower(), char.upper()}))


def _class(items: Iterable[tuple[Any, Any]]) -> CharSet:
    result = _NOTHING
    for op, av in items:
        if op is sre.NEGATE:
            return _ANYTHING
        if op is sre.LITERAL:
            result = result | _literal(av)
        elif op is sre.RANGE:
            low, high = av
            if high - low > 256:
                return _ANYTHING
            chars = frozenset(
                c for code in range(low, high + 1) for c in (chr(code).lower(), chr(code).upper())
            )
            result = result | CharSet(chars)
        elif op is sre.CATEGORY and av in _CATEGORY_NAMES:
            result = result | CharSet(categories=frozenset({_CATEGORY_NAMES[av]}))
        else:
            return _ANYTHING  # negated categories and the like: assume anything
    return result


class PatternRisk(Exception):
    """Raised inside the check with the reason a pattern is rejected."""


_CATASTROPHIC = "could backtrack catastrophically: "


def backtracking_risk(source: str, flags: int = 0, *, empty_ok: bool = False) -> str | None:
    """Return why the pattern is unsafe to run, or None when it looks safe.

    The check is conservative.  It rejects a pattern that can match empty
    text (it would match everywhere), and one that
    - repeats a group that can match empty text (``(a?)*``);
    - repeats a group whose alternatives can start with the same character (``(a|ab)+``);
    - repeats a group in which one repeat can hand characters to another, or to itself in the
      next round (``(a+)+``, ``(\\w+\\s?)+``);
    - has two unbounded repeats in a row that can match the same characters with nothing
      certain between them (``\\d+\\d+``, ``.*x.*``, ``\\w+\\s*\\w+``): quadratic time or worse;
    - uses a repeat count over 1000 or a conditional group.
    """
    try:
        tree = _parse(source, flags)
        if _nullable(tree) and not empty_ok:
            return "can match empty text"
        _check_sequence(list(tree))
    except PatternRisk as risk:
        return str(risk)
    except RecursionError:
        return "is nested too deeply"
    return None


def _parse(source: str, flags: int = 0) -> Any:
    return sre_parse.parse(source, flags)


def _contains(tree: Any, ops: set[Any]) -> bool:
    for op, av in tree:
        if op in ops:
            return True
        if any(_contains(child, ops) for child in _children(op, av)):
            return True
    return False


def _children(op: Any, av: Any) -> list[Any]:
    if op in _GROUPS:
        return [av[-1] if isinstance(av, tuple) else av]
    if op in _REPEATS:
        return [av[2]]
    if op is sre.BRANCH:
        return list(av[1])
    if op in _ASSERTS:
        return [av[1]]
    if op is sre.GROUPREF_EXISTS:
        return [child for child in av[1:] if child is not None]
    return []


def _body(op: Any, av: Any) -> Any:
    return av[-1] if isinstance(av, tuple) else av


def _flatten(items: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Inline plain and atomic groups, so a walk sees the items that follow each other."""
    flat: list[tuple[Any, Any]] = []
    for op, av in items:
        if op in _GROUPS:
            flat.extend(_flatten(_body(op, av)))
        else:
            flat.append((op, av))
    return flat


def _nullable(items: Iterable[tuple[Any, Any]]) -> bool:
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op: Any, av: Any) -> bool:
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF):
        return True
    if op in _GROUPS:
        return _nullable(_body(op, av))
    if op in _REPEATS:
        return av[0] == 0 or _nullable(av[2])
    if op is sre.BRANCH:
        return any(_nullable(branch) for branch in av[1])
    return False


def _first(items: Iterable[tuple[Any, Any]]) -> CharSet:
    result = _NOTHING
    for op, av in items:
        result = result | _item_first(op, av)
        if not _item_nullable(op, av):
            break
    return result


def _item_first(op: Any, av: Any) -> CharSet:
    if op is sre.LITERAL:
        return _literal(av)
    if op is sre.IN:
        return _class(av)
    if op in (sre.ANY, sre.NOT_LITERAL, sre.GROUPREF):
        return _ANYTHING
    if op in _GROUPS:
        return _first(_body(op, av))
    if op in _REPEATS:
        return _first(av[2])
    if op is sre.BRANCH:
        result = _NOTHING
        for branch in av[1]:
            result = result | _first(branch)
        return result
    return _NOTHING


def _chars(items: Iterable[tuple[Any, Any]]) -> CharSet:
    result = _NOTHING
    for op, av in items:
        if op in _ASSERTS or op is sre.AT:
            continue
        if op in _GROUPS or op in _REPEATS or op is sre.BRANCH:
            for child in _children(op, av):
                result = result | _chars(child)
        else:
            result = result | _item_first(op, av)
    return result


def _repeats_inside(op: Any, av: Any, unbounded_only: bool) -> list[CharSet]:
    """Character sets of the repeats inside an item (the item itself included), outside lookarounds."""
    found = []
    if op in _REPEATS:
        low, high = av[0], av[1]
        counts = high == sre.MAXREPEAT if unbounded_only else low != high
        if counts:
            found.append(_chars(av[2]))
    if op in _ASSERTS:
        return found
    for child in _children(op, av):
        for child_op, child_av in child:
            found.extend(_repeats_inside(child_op, child_av, unbounded_only))
    return found


def _check_sequence(items: list[tuple[Any, Any]]) -> None:
    """Check one sequence of items, and everything nested in it."""
    flat = _flatten(items)
    for op, av in flat:
        if op is sre.GROUPREF_EXISTS:
            raise PatternRisk("uses a conditional group such as (?(1)...), which house rules do not support")
        if op in _REPEATS:
            low, high = av[0], av[1]
            if (high != sre.MAXREPEAT and high > MAX_REPEAT_COUNT) or low > MAX_REPEAT_COUNT:
                raise PatternRisk(f"uses a repeat count over {MAX_REPEAT_COUNT}")
            if high == sre.MAXREPEAT or high > 1:
                _check_loop(av[2])
            _check_sequence(list(av[2]))
        elif op is sre.BRANCH:
            for branch in av[1]:
                _check_sequence(list(branch))
        elif op in _ASSERTS:
            _check_sequence(list(av[1]))
    _check_neighbours(flat, unbounded_only=True)


def _check_loop(body: Any) -> None:
    """Check the body of a repeat that can run more than once."""
    items = _flatten(body)
    if _nullable(items):
        raise PatternRisk(_CATASTROPHIC + "a repeated group can match empty text, as in (a?)*")
    for op, av in items:
        if op is sre.BRANCH:
            branches = list(av[1])
            for index, branch in enumerate(branches):
                clash = _nullable(branch) or any(
                    _first(branch).overlaps(_first(other)) for other in branches[index + 1 :]
                )
                if clash:
                    raise PatternRisk(
                        _CATASTROPHIC
                        + "a repeated group's alternatives can match the same text, as in (a|ab)+"
                    )
    # Two rounds of the loop in a row: a repeat in the first round must not be able to
    # hand characters to a repeat later in the round or in the next round.
    _check_neighbours(items + items, unbounded_only=False, stop=len(items))


def _check_neighbours(items: list[tuple[Any, Any]], unbounded_only: bool, stop: int | None = None) -> None:
    """Reject a repeat followed, with nothing certain in between, by a repeat over the same characters."""
    limit = len(items) if stop is None else stop
    for index in range(limit):
        op, av = items[index]
        sets = _repeats_inside(op, av, unbounded_only)
        if not sets:
            continue
        source = sets[0]
        for other in sets[1:]:
            source = source | other
        for next_op, next_av in items[index + 1 :]:
            first = _item_first(next_op, next_av)
            if first.overlaps(source) and any(
                source.overlaps(s) for s in _repeats_inside(next_op, next_av, unbounded_only)
            ):
                if unbounded_only:
                    raise PatternRisk(
                        _CATASTROPHIC
                        + "two repeats in a row can match the same characters, as in \\d+\\d+ or .*x.*"
                    )
                raise PatternRisk(
                    _CATASTROPHIC
                    + "a repeated group contains repeats that can match the same text, as in (a+)+"
                )
            if not _item_nullable(next_op, next_av) and not first.overlaps(source):
                break


# Where a search may stop -------------------------------------------------------------


def reads_past_the_end(source: str, flags: int = 0) -> bool:
    """True when a pattern can tell the end of the text from the whitespace after a paragraph.

    An end anchor (``$``, ``\\Z``) or a negative lookahead that can match
    whitespace (``(?!\\s)``) may match at a paragraph's end only when the
    search stops there, so such a rule searches each paragraph on its own.
    """
    try:
        return _reads_past_the_end(_parse(source, flags))
    except (re.error, RecursionError):  # pragma: no cover - the source compiled before
        return True


_END_ANCHORS = {sre.AT_END, sre.AT_END_STRING, getattr(sre, "AT_END_LINE", sre.AT_END)}
_WHITESPACE = CharSet(frozenset(" \n\t\r"), frozenset({"space"}))


def _reads_past_the_end(tree: Any) -> bool:
    for op, av in tree:
        if op is sre.AT and av in _END_ANCHORS:
            return True
        if op is sre.ASSERT_NOT and av[0] == 1:
            body = _flatten(av[1])
            if _nullable(body) or _first(body).overlaps(_WHITESPACE):
                return True
        if any(_reads_past_the_end(child) for child in _children(op, av)):
            return True
    return False
