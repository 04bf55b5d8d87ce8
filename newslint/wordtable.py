"""The word file behind :mod:`newslint.lexicon`, read so that a short run looks words up where they lie.

A run that lints one article looks up a thousand or two words; building a
dict of all ~88,000 words costs more (20-30 ms) than the rest of the
lexicon's work together.  So the file is laid out for looking words up
without unpacking it: one line per *key*, the first three letters of its
words (a shorter word is its own key), holding the key's words, sorted,
then their frequencies in the same order::

    <key>\\t<word> <word> ...\\t<centibels> <centibels> ...

Centibels are ``-100 * log10(frequency)``, written with three digits.  Lines
starting with ``#`` are comments.  Reading the file keeps each line as text;
a look-up finds the word in its key's line (about a microsecond).  After
:data:`UNPACK_AFTER` look-ups (a long run) the table unpacks itself into a
dict, which is faster per look-up, and hands that dict to whoever asked
(:attr:`PackedWords.on_unpack`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

KEY_LENGTH = 3
"""Words are grouped on lines by this many first letters."""

UNPACK_AFTER = 10_000
"""Look-ups after which the table unpacks into a dict (about what unpacking costs, in look-ups)."""

_WIDTH = 3  # digits of a centibel value


def word_key(word: str) -> str:
    """Return the key of the line that holds ``word``."""
    return word[:KEY_LENGTH]


def format_word_file(centibels: dict[str, int], header: Iterable[str] = ()) -> str:
    """Return the text of a word file for ``{word: centibels}``, with ``header`` lines as ``#`` comments."""
    lines: dict[str, list[str]] = {}
    for word in sorted(centibels):
        if not word or " " in word or "\t" in word or "\n" in word:
            raise ValueError(f"a word of the word file cannot be empty or hold white space: {word!r}")
        if not 0 <= centibels[word] < 10**_WIDTH:
            raise ValueError(f"centibels of {word!r} out of range: {centibels[word]}")
        lines.setdefault(word_key(word), []).append(word)
    out = [f"# {line}\n" for line in header]
    for key, words in sorted(lines.items()):
        values = " ".join(f"{centibels[word]:0{_WIDTH}d}" for word in words)
        out.append(f"{key}\t{' '.join(words)}\t{values}\n")
    return "".join(out)


class PackedWords:
    """A read-only ``{word: centibels}`` mapping over the lines of a word file.

    Supports what the lexicon asks of its word data: :meth:`get`, ``[]``,
    ``in``, ``len`` and iteration over the words.
    """

    def __init__(self, lines: dict[str, tuple[str, str]]) -> None:
        """Wrap ``{key: (" word word ... ", "cb cb ...")}``; use :meth:`read` for a file."""
        self._lines = lines
        self._lookups = 0
        self._unpacked: dict[str, int] | None = None
        self._size: int | None = None
        self.on_unpack: Callable[[dict[str, int]], None] | None = None
        """Called with the dict when the table unpacks itself."""

    @classmethod
    def read(cls, path: Path) -> PackedWords:
        """Read a word file (see the module documentation for its format)."""
        lines: dict[str, tuple[str, str]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line[0] == "#" or line == "\n":
                    continue
                key, words, values = line.rstrip("\n").split("\t")
                lines[key] = (f" {words} ", values)
        return cls(lines)

    def get(self, word: str, default: int | None = None) -> int | None:
        """Return the centibels of ``word``, or ``default`` when the file does not have it."""
        if self._unpacked is not None:
            return self._unpacked.get(word, default)
        self._lookups += 1
        if self._lookups > UNPACK_AFTER:
            return self.unpack().get(word, default)
        entry = self._lines.get(word_key(word))
        if entry is None or " " in word:
            return default
        words, values = entry
        at = words.find(f" {word} ")
        if at < 0:
            return default
        start = words.count(" ", 0, at) * (_WIDTH + 1)
        return int(values[start : start + _WIDTH])

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __len__(self) -> int:
        if self._size is None:
            self._size = sum(words.count(" ") - 1 for words, _ in self._lines.values())
        return self._size

    def __iter__(self) -> Iterator[str]:
        for words, _ in self._lines.values():
            yield from words.split()

    def words_starting_with(self, initial: str) -> list[str]:
        """The words whose first letter is ``initial`` (without unpacking the table)."""
        return [
            word for key, (words, _) in self._lines.items() if key[:1] == initial for word in words.split()
        ]

    def unpack(self) -> dict[str, int]:
        """Return the whole table as a dict (built once), and pass it to :attr:`on_unpack`."""
        if self._unpacked is None:
            table: dict[str, int] = {}
            for words, values in self._lines.values():
                table.update(zip(words.split(), map(int, values.split()), strict=True))
            self._unpacked = table
            if self.on_unpack is not None:
                self.on_unpack(table)
        return self._unpacked
