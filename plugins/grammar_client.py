"""Talking to LanguageTool: the run's one connection, through language-tool-python.

:class:`LanguageToolClient` connects on first use: to the configured
server, or to a local LanguageTool that :mod:`newslint_plugins.grammar_backend`
starts (once per run, shared by worker processes).  language-tool-python
then talks to it in its remote mode; newslint never lets it start a local
server itself, because that path downloads LanguageTool whenever the version
it wants is missing.

Before connecting to a server, :func:`probe` asks it to check one word: that
gives LanguageTool's version (part of every cache key) and a clear error,
within ``timeout``, when the server is down or is not LanguageTool.
Everything that goes wrong becomes a :class:`LanguageToolUnavailable` with
one line for the user.
"""

from __future__ import annotations

import contextlib
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from newslint_plugins.grammar_backend import (
    LanguageToolUnavailable,
    SharedLocalServer,
    Target,
    find_java,
    first_line,
    java_needed,
    loopback_opener,
    network_problem,
)
from newslint_plugins.grammar_settings import LanguageToolSettings
from newslint_plugins.grammar_text import Utf16Index

PROBE_TEXT = "newslint"
MAX_SUGGESTIONS = 5


def probe(root: str, language: str, timeout: float) -> dict[str, Any]:
    """Ask the server to check one word; return its ``software`` block (name, version, build date)."""
    data = urllib.parse.urlencode({"language": language, "text": PROBE_TEXT}).encode()
    request = urllib.request.Request(root + "v2/check", data=data, method="POST")
    request.add_header("Accept", "application/json")
    try:
        with loopback_opener(root).open(request, timeout=timeout) as response:
            body = response.read(2_000_000)
    except urllib.error.HTTPError as exc:
        detail = first_line(exc.read(500).decode("utf-8", "replace"))
        raise LanguageToolUnavailable(
            f"LanguageTool server {root} answered HTTP {exc.code}{': ' + detail if detail else ''}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        raise LanguageToolUnavailable(network_problem(root, exc, timeout)) from None
    try:
        answer = json.loads(body.decode("utf-8"))
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise ValueError("no list of matches")
    except (ValueError, UnicodeDecodeError):
        raise LanguageToolUnavailable(
            f"LanguageTool server {root} answered with something that is not a LanguageTool check result"
        ) from None
    software = answer.get("software")
    return software if isinstance(software, dict) else {}


class LanguageToolClient:
    """The run's one connection to LanguageTool (started or connected on first use)."""

    def __init__(self, settings: LanguageToolSettings, target: Target) -> None:
        if target.kind not in ("server", "local"):
            raise LanguageToolUnavailable(target.reason or "LanguageTool is not set up")
        self.settings = settings
        self.target = target
        self.local: SharedLocalServer | None = None
        self._tool: Any = None
        self._identity: str | None = None
        self.requests = 0

    @property
    def where(self) -> str:
        """The server URL, or the local install, for messages."""
        if self.target.kind == "server":
            return f"LanguageTool server {self.target.server}"
        assert self.target.install is not None
        return f"local LanguageTool {self.target.install.version}"

    def identity(self) -> str:
        """What answers: part of every cache key.  A local install is named without starting it."""
        if self._identity is None:
            if self.target.kind == "local":
                assert self.target.install is not None
                self._identity = f"local {self.target.install.version}"
            else:
                assert self.target.server is not None
                software = probe(self.target.server, self.settings.language, self.settings.timeout)
                version = software.get("version", "unknown")
                self._identity = (
                    f"server {self.target.server} {version} {software.get('buildDate', '')}".strip()
                )
        return self._identity

    def _connect(self) -> Any:
        if self._tool is not None:
            return self._tool
        if self.target.kind == "local":
            root = self._start_local()
        else:
            assert self.target.server is not None
            root = self.target.server
            self.identity()  # a quick probe: a clear error before language-tool-python's long timeout
        try:
            from language_tool_python import LanguageTool
        except ImportError as exc:  # pragma: no cover - it is a dependency
            raise LanguageToolUnavailable(f"language-tool-python cannot be imported: {exc}") from None
        # A loopback server is never reached through a proxy from the environment.
        loopback = urllib.parse.urlsplit(root).hostname in ("127.0.0.1", "localhost", "::1")
        try:
            tool = LanguageTool(
                language=self.settings.language,
                remote_server=root,
                proxies={"http": None, "https": None} if loopback else None,  # type: ignore[dict-item]
            )
        except ValueError as exc:
            raise LanguageToolUnavailable(f"{self.where}: {first_line(str(exc))}") from None
        except Exception as exc:
            raise LanguageToolUnavailable(self._problem(exc)) from None
        if hasattr(tool, "_TIMEOUT"):
            tool._TIMEOUT = self.settings.timeout  # language-tool-python's request timeout (300 s)
        tool.disabled_rules = set(self.settings.disabled_rules)
        tool.enabled_rules = set(self.settings.enabled_rules)
        tool.disabled_categories = set(self.settings.disabled_categories)
        tool.picky = self.settings.picky
        self._tool = tool
        return tool

    def _start_local(self) -> str:
        install = self.target.install
        assert install is not None
        java = find_java()
        needed = java_needed(install.version)
        if java is None:
            raise LanguageToolUnavailable(
                f"a local LanguageTool {install.version} is installed but Java was not found "
                f"(LanguageTool needs Java {needed} or newer)"
            )
        if 0 < java.major < needed:
            raise LanguageToolUnavailable(
                f"local LanguageTool {install.version} needs Java {needed} or newer; "
                f"{java.path} is Java {java.major}"
            )
        if self.local is not None:
            self.local.release()
        self.local = SharedLocalServer(install, java)
        return self.local.acquire()

    def check(self, text: str) -> list[dict[str, Any]]:
        """Check ``text``; return its matches with code point offsets into ``text``."""
        tool = self._connect()
        self.requests += 1
        try:
            matches = tool.check(text)
        except Exception as exc:
            raise LanguageToolUnavailable(self._problem(exc)) from None
        index = Utf16Index(text)
        found = []
        for match in matches:
            converted = _convert(match, index, len(text))
            if converted is not None:
                found.append(converted)
        return found

    def _problem(self, exc: Exception) -> str:
        """One line for what went wrong in language-tool-python or below it."""
        cause = exc.__cause__ or exc.__context__ or exc
        name = type(cause).__name__
        if "Timeout" in name or isinstance(cause, (TimeoutError, socket.timeout)):
            return f"{self.where} did not answer within {self.settings.timeout:g} s"
        if "ConnectionError" in name or isinstance(cause, ConnectionError):
            return f"{self.where} refused the connection or closed it"
        if isinstance(cause, json.JSONDecodeError) or isinstance(exc, (KeyError, TypeError, IndexError)):
            # language-tool-python puts the body of an answer that is not JSON in its message.
            detail = first_line(str(exc)) if isinstance(cause, json.JSONDecodeError) else ""
            return f"{self.where} answered with something that is not a LanguageTool check result" + (
                f": {detail}" if detail else ""
            )
        if type(exc).__name__ == "LanguageToolError":
            return f"{self.where} answered with an error: {first_line(str(exc))}"
        return f"{self.where} failed: {type(exc).__name__}: {first_line(str(exc))}"

    def close(self) -> None:
        """Close the connection and stop a local server."""
        tool, self._tool = self._tool, None
        if tool is not None:
            with contextlib.suppress(Exception):
                tool.close()
        if self.local is not None:
            self.local.release()
            self.local = None


def _convert(match: Any, index: Utf16Index, length: int) -> dict[str, Any] | None:
    """Turn a language-tool-python ``Match`` into a plain dict with code point offsets.

    language-tool-python already turns the match's start from UTF-16 code units
    into code points, but not its length, which is still in UTF-16 units.
    """
    try:
        start = int(match.offset)
        end = index.to_codepoint(index.to_utf16(start) + int(match.error_length), end=True)
        replacements = [str(r) for r in (match.replacements or [])][:MAX_SUGGESTIONS]
        converted = {
            "rule": str(match.rule_id),
            "category": str(getattr(match, "category", "") or ""),
            "issue": str(getattr(match, "rule_issue_type", "") or ""),
            "message": str(match.message or "").strip(),
            "replacements": replacements,
            "start": start,
            "end": end,
        }
    except (AttributeError, TypeError, ValueError):
        return None
    if not (0 <= start <= end <= length) or not converted["rule"]:
        return None
    return converted
