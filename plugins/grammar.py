"""grammar: LanguageTool's grammar, usage and spelling checks, through language-tool-python.

The story text (headline, subheadline and body; no front matter, markup,
code or boilerplate) goes to LanguageTool in requests split at paragraph
boundaries.  Each match becomes a finding with the rule id
``grammar.<languagetool id in lower case, - for _>``, LanguageTool's message
and its replacements as suggestions (never as an automatic fix).

Where LanguageTool comes from is set under ``languagetool:`` in rules.yaml
(see :mod:`newslint_plugins.grammar_settings`).  In the default ``auto``
mode a run uses a configured server, else a local LanguageTool that is
already installed, else it skips the grammar rules with one notice on
stderr and leaves the exit status alone.  A run never downloads anything.

One connection (or one local LanguageTool) serves the whole run, and answers
are kept in the LanguageTool cache on disk (``--no-cache`` skips it).  When
LanguageTool fails (no answer, a refusal, garbage), the run prints one error
line; that makes the exit status 2 only in ``mode: server`` or ``local``,
where the user asked for LanguageTool.

The modules that find, start and talk to LanguageTool (and describe its
rules) are imported only when a run uses them: a run with LanguageTool off
does not pay for them at start-up.
"""

from __future__ import annotations

import sys
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newslint_plugins.grammar_cache import RULES_FILE, LanguageToolCache, default_directory
from newslint_plugins.grammar_filters import (
    DEDUPE_CATEGORIES,
    OVERLAP_ISSUES,
    HouseWords,
    is_name,
    is_spelling,
    is_style_only,
    names_in,
    spans_overlap,
)
from newslint_plugins.grammar_settings import (
    RULE_PREFIX,
    SECTION,
    LanguageToolSettings,
    newslint_rule_id,
    read_settings,
    settings_errors,
)

from newslint.config import Config
from newslint.context import CheckContext
from newslint.findings import Finding
from newslint.hookspecs import hookimpl
from newslint.model import Article
from newslint.rules import RuleSpec

if TYPE_CHECKING:  # pragma: no cover
    from newslint_plugins.grammar_backend import LanguageToolUnavailable
    from newslint_plugins.grammar_client import LanguageToolClient
    from newslint_plugins.grammar_text import Chunk

PLUGIN_NAME = "grammar"
_EXAMPLE_LIMIT = 200


@dataclass
class GrammarFinding(Finding):
    """A finding from LanguageTool, with the match's category and issue type (for the filters)."""

    lt_category: str = ""
    lt_issue: str = ""


class GrammarRun:
    """Everything one run shares: settings, the LanguageTool cache and the one connection."""

    def __init__(self, config: Config) -> None:
        self.settings: LanguageToolSettings = read_settings(config)
        self.use_cache = getattr(config, "use_cache", True)
        self.words = HouseWords(config.accepted_words)
        self.cache = LanguageToolCache(
            default_directory(), int(self.settings.cache_size_mb * 1_000_000) if self.use_cache else 0
        )
        self.client: LanguageToolClient | None = None
        self.problem: LanguageToolUnavailable | None = None
        self._reported = False
        self._cache_notice_given = False

    @property
    def strict(self) -> bool:
        """True when the user asked for LanguageTool (``mode: server`` or ``local``)."""
        return self.settings.mode in ("server", "local")

    def _client(self) -> LanguageToolClient:
        if self.client is None:
            from newslint_plugins.grammar_backend import choose_target
            from newslint_plugins.grammar_client import LanguageToolClient

            self.client = LanguageToolClient(self.settings, choose_target(self.settings))
        return self.client

    def cache_key(self) -> str:
        """What answers this run (for the result cache): LanguageTool and its version, or why none.

        In ``auto`` mode a missing LanguageTool is reported here, because a run
        whose results all come from the result cache checks no article.
        """
        from newslint_plugins.grammar_backend import LanguageToolUnavailable

        if self.problem is None:
            try:
                return self._client().identity()
            except LanguageToolUnavailable as problem:
                self.problem = problem
                if not self.strict:
                    self.unavailable(problem)
        return f"unavailable: {self.problem}"

    def answers(self, chunk: Chunk) -> list[dict[str, Any]]:
        """LanguageTool's matches for one request, from the cache or from LanguageTool."""
        client = self._client()
        key = self.cache.key(
            version=client.identity(), options=self.settings.request_options(), text=chunk.text
        )
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        matches = client.check(chunk.text)
        self.cache.put(key, matches)
        if self.cache.problem and not self._cache_notice_given:
            self._cache_notice_given = True
            _notice(f"{self.cache.problem}; running without the LanguageTool cache")
        return matches

    def unavailable(self, problem: LanguageToolUnavailable) -> list[Finding]:
        """LanguageTool cannot be used for the rest of the run.

        In ``mode: server`` or ``local`` every article gets the same error (the
        command line prints it once; the exit status is 2, and no result is
        cached without its grammar findings).  In ``auto`` one notice is printed
        and the grammar rules are skipped.
        """
        if self.problem is None:
            self.problem = problem  # the connection is closed at the end of the run, with the others
        if self.strict:
            from newslint_plugins.grammar_backend import LanguageToolUnavailable

            raise LanguageToolUnavailable(f"{self.problem} (grammar rules skipped for this run)") from None
        if not self._reported:
            self._reported = True
            _notice(f"{self.problem}; grammar rules skipped (languagetool.mode: auto)")
        return []

    def close_client(self) -> None:
        """Stop the connection and any local LanguageTool."""
        client, self.client = self.client, None
        if client is not None:
            client.close()

    def close(self) -> None:
        """End of run: stop LanguageTool, write the cache's rule notes and prune it."""
        self.close_client()
        self.cache.close()


_RUNS: dict[int, GrammarRun] = {}


def _run_for(config: Config) -> GrammarRun:
    run = _RUNS.get(id(config))
    if run is None:
        run = GrammarRun(config)
        _RUNS[id(config)] = run
        weakref.finalize(config, _forget, id(config))
    return run


def _forget(key: int) -> None:
    run = _RUNS.pop(key, None)
    if run is not None:
        run.close()


def _notice(message: str) -> None:
    print(f"newslint: grammar: {message}", file=sys.stderr)


# Hooks -------------------------------------------------------------------------


@hookimpl
def newslint_config_sections() -> list[str]:
    """The grammar plugin reads the ``languagetool:`` section."""
    return [SECTION]


@hookimpl
def newslint_config_errors(config: Config) -> list[str]:
    """Check the ``languagetool:`` section."""
    return settings_errors(config)


@hookimpl
def newslint_resolve_rule(rule_id: str) -> RuleSpec | None:
    """Describe ``grammar.<id>`` rules, which exist only when LanguageTool reports them."""
    if not rule_id.startswith(RULE_PREFIX):
        return None
    from newslint_plugins.grammar_rules import describe_rule

    return describe_rule(rule_id, _known_rules())


_KNOWN_RULES: dict[tuple[str, float], dict[str, dict[str, str]]] = {}


def _known_rules() -> dict[str, dict[str, str]]:
    """The LanguageTool rules the cache remembers (read again only when the file changes)."""
    cache = LanguageToolCache(default_directory(), 1)
    try:
        stamp = (cache.directory / RULES_FILE).stat().st_mtime
    except OSError:
        return {}
    key = (str(cache.directory), stamp)
    if key not in _KNOWN_RULES:
        _KNOWN_RULES.clear()
        _KNOWN_RULES[key] = cache.known_rules()
    return _KNOWN_RULES[key]


@hookimpl
def newslint_start_run(config: Config) -> None:
    """Prepare the run's LanguageTool state (nothing connects until an answer is needed)."""
    _run_for(config)


@hookimpl
def newslint_finish_run(config: Config) -> None:
    """Stop LanguageTool and tidy the LanguageTool cache."""
    run = _RUNS.pop(id(config), None)
    if run is not None:
        run.close()


@hookimpl
def newslint_check(article: Article, context: CheckContext) -> list[Finding]:
    """Send the story text to LanguageTool and turn its matches into findings."""
    run = _run_for(context.config)
    if run.settings.mode == "off" or not _grammar_wanted(context):
        return []
    from newslint_plugins.grammar_backend import LanguageToolUnavailable
    from newslint_plugins.grammar_text import build_chunks

    chunks = build_chunks(article, run.settings.max_request_chars)
    if not chunks:
        return []
    if run.problem is not None:
        return run.unavailable(run.problem)
    try:
        answered = [(chunk, run.answers(chunk)) for chunk in chunks]
    except LanguageToolUnavailable as problem:
        return run.unavailable(problem)
    except Exception as exc:  # plugin_timeout while LanguageTool starts, say
        return run.unavailable(LanguageToolUnavailable(f"LanguageTool failed: {type(exc).__name__}: {exc}"))
    return _findings(article, answered, run)


@hookimpl
def newslint_cache_key(config: Config, context: CheckContext) -> str | None:
    """The LanguageTool this run uses and its version (or why there is none), for the result cache."""
    run = _run_for(config)
    if run.settings.mode == "off" or not _grammar_wanted(context):
        return None
    return run.cache_key()


@hookimpl
def newslint_drop_findings(article: Article, findings: list[Finding], context: CheckContext) -> list[Finding]:
    """Drop LanguageTool findings that repeat a typos or spacing finding (one problem, one finding)."""
    ours = [f for f in findings if isinstance(f, GrammarFinding)]
    if not ours:
        return []
    others = []
    for finding in findings:
        spec = context.rules.get(finding.rule)
        if (
            not isinstance(finding, GrammarFinding)
            and spec is not None
            and spec.category in DEDUPE_CATEGORIES
            and context.enabled(finding.rule)
        ):
            others.append((finding.start, finding.end))
    if not others:
        return []
    exact = set(others)
    dropped = []
    for finding in ours:
        span = (finding.start, finding.end)
        if span in exact or (
            finding.lt_issue in OVERLAP_ISSUES and any(spans_overlap(span, other) for other in others)
        ):
            dropped.append(finding)
    return dropped


# Matches to findings --------------------------------------------------------------


def _grammar_wanted(context: CheckContext) -> bool:
    """True when some grammar rule may run (not all off, deselected or ignored).

    Ids named in the configuration, ``--select`` or ``--ignore`` are resolved
    into ``context.rules`` by the session, so they are asked about one by one.
    """
    if context.unnamed_rules_run(PLUGIN_NAME, "grammar"):
        return True
    return any(rule.startswith(RULE_PREFIX) and context.enabled(rule) for rule in list(context.rules))


def _findings(
    article: Article, answered: list[tuple[Chunk, list[dict[str, Any]]]], run: GrammarRun
) -> list[Finding]:
    from newslint_plugins.grammar_rules import severity_for

    text = article.text
    names: frozenset[str] | None = None
    findings: list[Finding] = []
    for chunk, matches in answered:
        for match in matches:
            span = chunk.to_article(int(match["start"]), int(match["end"]))
            if span is None:
                continue
            start, end = span
            category, issue = str(match.get("category", "")), str(match.get("issue", ""))
            if article.is_protected(start, max(end, start + 1)):
                continue
            if is_spelling(category, issue):
                word = text[start:end].strip()
                if run.words.accepts(word):
                    continue
                if names is None:
                    names = names_in(article)
                if is_name(word, names):
                    continue
            if is_style_only(category, issue) and article.in_quotation(start, max(end, start + 1)):
                continue
            rule = newslint_rule_id(str(match["rule"]))
            replacements = [str(r) for r in match.get("replacements") or []]
            findings.append(
                GrammarFinding(
                    rule=rule,
                    message=str(match.get("message") or "LanguageTool found a problem here"),
                    start=start,
                    end=end,
                    suggestions=replacements,
                    severity=severity_for(issue),
                    lt_category=category,
                    lt_issue=issue,
                )
            )
            _remember(run, article, str(match["rule"]), category, issue, match, start, end, replacements)
    return findings


def _remember(
    run: GrammarRun,
    article: Article,
    lt_id: str,
    category: str,
    issue: str,
    match: dict[str, Any],
    start: int,
    end: int,
    replacements: list[str],
) -> None:
    """Note the rule and an example of it, for ``newslint explain``."""
    sentence = article.sentence_at(start)
    info = {"category": category, "issue": issue, "message": str(match.get("message") or "")}
    if sentence is not None and sentence.end - sentence.start <= _EXAMPLE_LIMIT and end <= sentence.end:
        example = article.text[sentence.start : sentence.end].strip()
        info["example"] = example
        if replacements:
            info["corrected"] = (
                article.text[sentence.start : start] + replacements[0] + article.text[end : sentence.end]
            ).strip()
    run.cache.remember(lt_id, info)
