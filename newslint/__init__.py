"""newslint: a plugin-based linter for news copy.

The package keeps its import light: the command line, the plugin manager and
the word data are loaded only when they are used.  The public Python API is
:func:`lint_text` and :func:`lint_paths`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from newslint.findings import Finding, Fix
    from newslint.rules import RuleSpec

__all__ = ["Finding", "Fix", "RuleSpec", "__version__", "lint_paths", "lint_text"]


def lint_text(text: str, *, path: str = "<text>", config: Any = None) -> list[Finding]:
    """Lint one article given as a string and return its findings, sorted.

    ``path`` decides the reader (``.md`` and ``.html`` are read as Markdown and
    HTML, anything else as plain text) and names the article in messages.
    ``config`` is a :class:`newslint.config.Config`, a path to a rules.yaml, or
    ``None`` for the configuration discovered from the current directory.
    """
    from newslint.api import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)


def lint_paths(paths: list[str], *, config: Any = None) -> list[Any]:
    """Lint files and directories; return one :class:`FileResult` per article file."""
    from newslint.api import lint_paths as _lint_paths

    return _lint_paths(paths, config=config)


def __getattr__(name: str) -> Any:
    if name in {"Finding", "Fix"}:
        from newslint import findings

        return getattr(findings, name)
    if name == "RuleSpec":
        from newslint.rules import RuleSpec

        return RuleSpec
    raise AttributeError(name)
