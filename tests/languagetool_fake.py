"""A stand-in for a LanguageTool server, for the grammar tests.

It listens on a loopback port and answers the two requests
language-tool-python's remote mode makes, in the format of LanguageTool's
HTTP API (``https://languagetool.org/http-api/``):

- ``GET /v2/languages``: a list of ``{"name", "code", "longCode"}``;
- ``POST /v2/check`` (form fields ``text``, ``language``, ``disabledRules``
  ...): ``{"software", "warnings", "language", "matches"}``, each match with
  ``message``, ``shortMessage``, ``replacements``, ``offset`` and ``length``
  in UTF-16 code units (as Java counts), ``context``, ``sentence``, ``type``
  and ``rule`` (``id``, ``description``, ``issueType``, ``category``).

Which matches it returns is decided by :class:`FakeRule` patterns (each
regular-expression hit becomes a match), or by a canned document.  It can
also misbehave: hang, answer HTML, or answer JSON that is not a check result.

Run as a script (``python languagetool_fake.py PORT [RULES.json]``) it
serves forever: the fake ``java`` of the local-mode tests starts it that way.
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

PROBE_TEXT = "newslint"
TESTS = Path(__file__).resolve().parent

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]


@dataclass
class FakeRule:
    """Every hit of ``pattern`` (its group ``hit`` if it has one) becomes a LanguageTool match."""

    pattern: str
    id: str
    message: str
    replacements: list[str] = field(default_factory=list)
    category: str = "GRAMMAR"
    category_name: str = "Grammar"
    issue_type: str = "grammar"
    description: str = "A grammar rule"


DEFAULT_RULES = [
    FakeRule(
        r"\bthe (?P<hit>Russian are)\b",
        "RUSSIAN_ARE",
        "The plural “Russians” agrees with “are”.",
        ["Russians are"],
        description="Nationality noun and verb agreement",
    ),
    FakeRule(
        r"\b(?P<hit>Direct communications is)\b",
        "SUBJECT_VERB_AGREEMENT",
        "The subject “communications” is plural: use “are”.",
        ["Direct communications are"],
    ),
    FakeRule(
        r"\b(?P<hit>a (?=[aeio])\w+)",
        "EN_A_VS_AN",
        "Use “an” instead of “a” if the following word starts with a vowel sound.",
        ["an"],
        category="MISC",
        category_name="Miscellaneous",
        issue_type="misspelling",
        description="Use of 'a' vs. 'an'",
    ),
    FakeRule(
        r"\b(?P<hit>goverment|Zorblat|Okafor|Zelenskyy|hourlong|Hourlong|sixhour)\b",
        "MORFOLOGIK_RULE_EN_US",
        "Possible spelling mistake found.",
        ["government"],
        category="TYPOS",
        category_name="Possible Typo",
        issue_type="misspelling",
        description="Possible spelling mistake",
    ),
    FakeRule(
        r"\b(?P<hit>very unique)\b",
        "EN_REDUNDANCY_VERY_UNIQUE",
        "“Unique” cannot be graded: use “unique”.",
        ["unique"],
        category="REDUNDANCY",
        category_name="Redundant Phrases",
        issue_type="style",
        description="very unique (unique)",
    ),
    FakeRule(
        r"\S(?P<hit>  +)\S",
        "WHITESPACE_RULE",
        "Possible typo: you repeated a whitespace",
        [" "],
        category="TYPOGRAPHY",
        category_name="Typography",
        issue_type="whitespace",
        description="Whitespace repetition (bad formatting)",
    ),
    FakeRule(
        r"(?P<hit>🎉 party)",
        "EMOJI_PARTY",
        "A made-up rule whose span starts with an emoji.",
        ["celebration"],
        category="STYLE",
        category_name="Style",
        issue_type="style",
    ),
    FakeRule(
        r"\b(?P<hit>irregardless)\b",
        "IRREGARDLESS",
        "“Irregardless” is non-standard: use “regardless”.",
        ["regardless"],
        category="NONSTANDARD_PHRASES",
        category_name="Nonstandard Phrases",
        issue_type="grammar",
    ),
    FakeRule(
        r"(?P<hit>example\.com)",
        "URL_WORD",
        "A rule that fires inside URLs.",
        [],
    ),
]


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, as Java counts."""
    return len(text.encode("utf-16-le")) // 2


def matches_for(text: str, rules: list[FakeRule]) -> list[dict[str, Any]]:
    """Build LanguageTool matches for every rule hit in ``text``, with UTF-16 offsets."""
    found = []
    for rule in rules:
        for hit in re.finditer(rule.pattern, text):
            group = "hit" if "hit" in hit.re.groupindex else 0
            start, end = hit.span(group)
            offset, length = utf16_length(text[:start]), utf16_length(text[start:end])
            context_start = max(0, start - 40)
            context = text[context_start : end + 40]
            found.append(
                {
                    "message": rule.message,
                    "shortMessage": "",
                    "replacements": [{"value": value} for value in rule.replacements],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": context,
                        "offset": utf16_length(text[context_start:start]),
                        "length": length,
                    },
                    "sentence": text[max(0, text.rfind(".", 0, start) + 1) : end].strip(),
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule.id,
                        "description": rule.description,
                        "issueType": rule.issue_type,
                        "category": {"id": rule.category, "name": rule.category_name},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
    return sorted(found, key=lambda match: match["offset"])


def check_document(language: str, matches: list[dict[str, Any]], version: str) -> dict[str, Any]:
    """The whole ``/v2/check`` answer around ``matches``."""
    return {
        "software": {
            "name": "LanguageTool",
            "version": version,
            "buildDate": "2024-03-28 12:00:00 +0000",
            "apiVersion": 1,
            "premium": False,
            "premiumHint": "You might be missing errors only the Premium version can find.",
            "status": "",
        },
        "warnings": {"incompleteResults": False},
        "language": {
            "name": "English (US)",
            "code": language,
            "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.99},
        },
        "matches": matches,
    }


class FakeLanguageTool:
    """A LanguageTool stand-in on a loopback port; ``behaviour`` decides how it answers checks.

    ``ok`` answers from the rules (or ``canned``); ``hang`` waits ``delay``
    seconds before answering a check (the probe too when ``hang_probe``);
    ``garbage`` answers checks with an HTML error page (so does any check
    after the first ``fail_after``); ``not-a-result`` answers JSON that is
    not a check result.
    """

    def __init__(
        self,
        rules: list[FakeRule] | None = None,
        *,
        behaviour: str = "ok",
        version: str = "6.4",
        canned: dict[str, Any] | None = None,
        delay: float = 3.0,
        hang_probe: bool = False,
        fail_after: int | None = None,
        port: int = 0,
    ) -> None:
        self.rules = DEFAULT_RULES if rules is None else rules
        self.behaviour = behaviour
        self.version = version
        self.canned = canned
        self.delay = delay
        self.hang_probe = hang_probe
        self.fail_after = fail_after
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The server's root URL."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def checks(self) -> list[dict[str, str]]:
        """The form fields of every ``/v2/check`` request except newslint's version probe."""
        with self._lock:
            return [
                f for method, path, f in self.requests if path == "/v2/check" and f.get("text") != PROBE_TEXT
            ]

    def probes(self) -> int:
        """How many version probes were made."""
        with self._lock:
            return sum(
                1 for _, path, f in self.requests if path == "/v2/check" and f.get("text") == PROBE_TEXT
            )

    def __enter__(self) -> FakeLanguageTool:
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def _send(self, status: int, body: str, kind: str = "application/json") -> None:
                data = body.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", f"{kind}; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (a timeout test)

            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                fields = dict(urllib.parse.parse_qsl(query))
                with fake._lock:
                    fake.requests.append(("GET", path, fields))
                if path == "/v2/languages":
                    self._send(200, json.dumps(LANGUAGES))
                elif path == "/v2/healthcheck":
                    self._send(200, "OK", "text/plain")
                elif path == "/v2/check":
                    self._check(fields)
                else:
                    self._send(404, "Not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
                with fake._lock:
                    fake.requests.append(("POST", self.path, fields))
                if self.path == "/v2/check":
                    self._check(fields)
                else:
                    self._send(404, "Not found", "text/plain")

            def _check(self, fields: dict[str, str]) -> None:
                text, language = fields.get("text", ""), fields.get("language", "en-US")
                probe = text == PROBE_TEXT
                if language not in {entry["longCode"] for entry in LANGUAGES}:
                    self._send(
                        400,
                        f"Error: '{language}' is not a language code known to LanguageTool.",
                        "text/plain",
                    )
                    return
                if fake.behaviour == "hang" and (fake.hang_probe or not probe):
                    time.sleep(fake.delay)
                failing = fake.fail_after is not None and len(fake.checks()) > fake.fail_after
                if (fake.behaviour == "garbage" or failing) and not probe:
                    self._send(500, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")
                    return
                if fake.behaviour == "not-a-result" and not probe:
                    self._send(200, json.dumps({"status": "busy", "retry": True}))
                    return
                if fake.canned is not None and not probe:
                    self._send(200, json.dumps(fake.canned))
                    return
                disabled = set(filter(None, fields.get("disabledRules", "").split(",")))
                rules = [rule for rule in fake.rules if rule.id not in disabled]
                matches = [] if probe else matches_for(text, rules)
                self._send(200, json.dumps(check_document(language, matches, fake.version)))

        return Handler


# Helpers for the tests ---------------------------------------------------------------------


def refusing_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def fake_install(tmp_path: Path, monkeypatch: Any, *, java_version: str = "17.0.9") -> Path:
    """A LanguageTool install in language-tool-python's cache and a ``java`` that serves the fake API."""
    install = tmp_path / "ltp" / "LanguageTool-6.4"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "java-starts.log"
    java = bin_dir / "java"
    java.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        "if sys.argv[1:] == ['-version']:\n"
        f"    print('openjdk version \"{java_version}\" 2023-10-17', file=sys.stderr)\n"
        "    sys.exit(0)\n"
        f"open({str(log)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        f"sys.path.insert(0, {str(TESTS)!r})\n"
        "import languagetool_fake\n"
        "languagetool_fake.main([sys.argv[sys.argv.index('--port') + 1]])\n",
        encoding="utf-8",
    )
    java.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    return log


def write_rules(path: Path, rules: list[FakeRule]) -> Path:
    """Save rules for the script form (the fake ``java``)."""
    path.write_text(json.dumps([asdict(rule) for rule in rules]), encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    """Serve on ``argv[0]`` (a port) until killed, with rules from ``argv[1]`` if given."""
    rules = None
    if len(argv) > 1:
        rules = [FakeRule(**item) for item in json.loads(Path(argv[1]).read_text(encoding="utf-8"))]
    fake = FakeLanguageTool(rules, port=int(argv[0]))
    fake.server.serve_forever(0.05)


if __name__ == "__main__":
    main(sys.argv[1:])
