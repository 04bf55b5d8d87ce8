"""The ``newslint`` entry points of the installed distributions.

:func:`entry_points` answers what ``importlib.metadata.entry_points(group=...)``
does.  For the usual layout, ``*.dist-info`` and ``*.egg-info`` folders in the
folders of ``sys.path``, it reads their ``entry_points.txt`` itself:
importing importlib.metadata costs 15-25 ms (it brings in the e-mail
package, zipfile and csv), a tenth of a one-article run, to read a few small
text files.  The rules are importlib.metadata's: folders in ``sys.path``
order, one distribution per normalised name (the first found), and the
lines ``name = module[:attribute]`` of the group's section.  Where
``sys.path`` holds something else (a zip archive, an egg) or an import hook
describes distributions of its own, importlib.metadata answers.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import lru_cache, reduce
from importlib.machinery import PathFinder
from typing import Any, NamedTuple

_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
_INFO_SUFFIXES = (".dist-info", ".egg-info")


class EntryPoint(NamedTuple):
    """One entry point: its name, its value (``module:attribute``) and the metadata folder it came from."""

    name: str
    value: str
    folder: str

    def load(self) -> Any:
        """Import the module the entry point names and return it (or the attribute it names)."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"not 'module' or 'module:attribute': {self.value!r}")
        module = importlib.import_module(match.group("module"))
        return reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)

    def distribution(self) -> tuple[str, str] | None:
        """The ``Name`` and ``Version`` of the distribution that declares the entry point."""
        return _name_and_version(self.folder)


class MetadataEntryPoint:
    """An entry point found by importlib.metadata, with :class:`EntryPoint`'s methods."""

    def __init__(self, entry: Any) -> None:
        """Wrap an ``importlib.metadata.EntryPoint``."""
        self.entry = entry
        self.name: str = entry.name
        self.value: str = entry.value

    def load(self) -> Any:
        """Import what the entry point names."""
        return self.entry.load()

    def distribution(self) -> tuple[str, str] | None:
        """The ``Name`` and ``Version`` of the distribution that declares the entry point, if known."""
        dist = self.entry.dist
        if dist is None:
            return None
        metadata = dist.metadata  # parsed once for both (each of dist.name and dist.version parses it)
        return metadata["Name"], metadata["Version"]


def entry_points(group: str) -> list[EntryPoint] | list[MetadataEntryPoint]:
    """Return the entry points of ``group`` of every installed distribution."""
    found = read_entry_points(group)
    if found is None:
        from importlib.metadata import entry_points as metadata_entry_points

        return [MetadataEntryPoint(entry) for entry in metadata_entry_points(group=group)]
    return found


def read_entry_points(group: str) -> list[EntryPoint] | None:
    """Read the entry points of ``group`` from the metadata folders; None where this cannot answer."""
    if any(
        finder is not PathFinder and getattr(finder, "find_distributions", None) is not None
        for finder in sys.meta_path
    ):
        return None
    found: list[EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        if os.path.basename(folder).lower().endswith(".egg") or os.path.isfile(folder):
            return None
        for path in _metadata_folders(folder):
            name = _normalise(os.path.basename(path).rpartition(".")[0].partition("-")[0])
            if name not in seen:
                seen.add(name)
                found += _group_entries(path, group)
    return found


def _metadata_folders(folder: str) -> list[str]:
    """The metadata folders in ``folder``, grouped by normalised name in order of first appearance."""
    try:
        children = os.listdir(folder)
    except OSError:
        return []
    by_name: dict[str, list[str]] = {}
    for child in children:
        low = child.lower()
        if low.endswith(_INFO_SUFFIXES):
            by_name.setdefault(_normalise(low.rpartition(".")[0].partition("-")[0]), []).append(child)
    return [os.path.join(folder, child) for names in by_name.values() for child in names]


def _group_entries(folder: str, group: str) -> list[EntryPoint]:
    """The entry points of ``group`` in one distribution's ``entry_points.txt``."""
    entries = []
    section = None
    for line in (_read(folder, "entry_points.txt") or "").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, _, value = line.partition("=")
            entries.append(EntryPoint(name.strip(), value.strip(), folder))
    return entries


@lru_cache(maxsize=64)
def _name_and_version(folder: str) -> tuple[str, str]:
    """``Name`` and ``Version`` from the headers of a metadata folder's ``METADATA`` (or ``PKG-INFO``)."""
    text = _read(folder, "METADATA") or _read(folder, "PKG-INFO") or ""
    headers: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break  # the headers end at the first blank line; the description follows
        key, colon, value = line.partition(":")
        if colon and not line[:1].isspace():
            headers.setdefault(key.strip().lower(), value.strip())
    return str(headers.get("name")), str(headers.get("version"))  # "None" where missing, as before


def _normalise(name: str) -> str:
    """A distribution name as importlib.metadata compares them (``Foo.Bar-baz`` → ``foo_bar_baz``)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _read(folder: str, name: str) -> str | None:
    try:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None
