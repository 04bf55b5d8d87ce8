"""The runner: read each article, call every plugin, collect the findings.

Each plugin's check hook is called on its own, so a plugin that raises or
returns something that is not a list of findings is reported (with its name
and the article's path) and the other plugins' findings are still reported.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newslint.findings import Finding, Fix, fix_allowed_in_quotation
from newslint.model import Article
from newslint.readers import ArticleError, build_article, compile_boilerplate, decode
from newslint.session import Session, format_exception
from newslint.suppressions import Suppressions
from newslint.timeouts import time_limit


@dataclass
class PluginFailure:
    """A plugin that failed on an article."""

    plugin: str
    path: str
    message: str
    traceback: str = ""


@dataclass
class FileResult:
    """The outcome for one file: findings, or the reason it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    failures: list[PluginFailure] = field(default_factory=list)
    file_text: str | None = None
    encoding: str = "utf-8"
    suppressed: int = 0
    suppressed_findings: list[Finding] = field(default_factory=list)
    baselined: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """Return the file's entry in the JSON document of CONTRACTS.md."""
        if self.error is not None:
            return {"path": self.path, "error": self.error}
        return {"path": self.path, "findings": [f.to_dict() for f in self.findings]}


class Runner:
    """Checks articles with a session's plugins."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.context = session.context()
        self.boilerplate = compile_boilerplate(session.config.boilerplate)
        self.check_impls = session.manager.hook.newslint_check.get_hookimpls()
        self.suppressions = Suppressions(session)
        self.drop_impls = session.manager.hook.newslint_drop_findings.get_hookimpls()
        self._started = False
        self.timeout = session.config.plugin_timeout
        self._limit = time_limit(self.timeout)

    # Whole runs -----------------------------------------------------------------

    def start(self) -> None:
        """Call every plugin's start-of-run hook once."""
        if not self._started:
            self._started = True
            self._call_each("newslint_start_run", {"config": self.session.config})

    def finish(self) -> None:
        """Call every plugin's end-of-run hook once."""
        if self._started:
            self._call_each("newslint_finish_run", {"config": self.session.config})
            self._started = False

    def _call_each(self, hook_name: str, arguments: dict[str, object]) -> None:
        for impl in getattr(self.session.manager.hook, hook_name).get_hookimpls():
            try:
                impl.function(*[arguments[a] for a in impl.argnames])
            except Exception as exc:
                print(f"newslint: plugin {impl.plugin_name!r} failed in {hook_name}: {exc}", file=sys.stderr)

    # Files ------------------------------------------------------------------------

    def check_file(
        self, path: str, read: Callable[[], bytes] | None = None, display_path: str | None = None
    ) -> FileResult:
        """Read and check one file; unreadable or binary files get an error, not an exception."""
        shown = display_path or path
        try:
            raw = read() if read is not None else read_limited(path, self.session.config.max_file_size)
            text, encoding = decode(raw)
        except ArticleError as exc:
            return FileResult(shown, error=str(exc))
        except OSError as exc:
            return FileResult(shown, error=f"cannot read: {exc.strerror or exc}")
        try:
            result = self.check_text(text, shown)
        except ArticleError as exc:  # markup the reader cannot make sense of
            return FileResult(shown, error=str(exc))
        result.encoding = encoding
        return result

    def check_text(self, file_text: str, path: str) -> FileResult:
        """Check an article given as decoded text."""
        article = build_article(path, file_text, boilerplate=self.boilerplate)
        return self.check_article(article)

    def check_article(self, article: Article) -> FileResult:
        """Run every plugin on an article and return its sorted findings."""
        result = FileResult(article.path, file_text=article.file_text)
        collected: list[Finding] = []
        limit = self._limit
        limit.seconds = self.timeout
        limit.install()  # once per article: each plugin call then only sets the timer
        for impl in self.check_impls:
            arguments = {"article": article, "context": self.context}
            try:
                with limit:
                    returned = impl.function(*[arguments[a] for a in impl.argnames])
                collected.extend(self._validated(returned, impl.plugin_name, article))
            except Exception as exc:
                result.failures.append(
                    PluginFailure(
                        impl.plugin_name, article.path, f"{type(exc).__name__}: {exc}", format_exception(exc)
                    )
                )
        if self.drop_impls and collected:
            collected = self._drop(collected, article, result)
        findings = self._finish(collected, article)
        result.findings, result.suppressed_findings, result.warnings = self.suppressions.apply(
            article, findings
        )
        result.suppressed = len(result.suppressed_findings)
        return result

    def _drop(self, findings: list[Finding], article: Article, result: FileResult) -> list[Finding]:
        """Let plugins drop findings that repeat others (the ``newslint_drop_findings`` hook)."""
        for impl in self.drop_impls:
            arguments = {"article": article, "findings": list(findings), "context": self.context}
            try:
                dropped = impl.function(*[arguments[a] for a in impl.argnames]) or []
            except Exception as exc:
                result.failures.append(
                    PluginFailure(
                        impl.plugin_name, article.path, f"{type(exc).__name__}: {exc}", format_exception(exc)
                    )
                )
                continue
            gone = {id(finding) for finding in dropped}
            if gone:
                findings = [finding for finding in findings if id(finding) not in gone]
        return findings

    def _validated(self, returned: object, plugin: str, article: Article) -> Iterable[Finding]:
        if returned is None:
            return []
        if not isinstance(returned, (list, tuple)):
            raise TypeError(f"check hook returned {type(returned).__name__}, not a list of findings")
        length = len(article.text)
        for finding in returned:
            if not isinstance(finding, Finding):
                raise TypeError(f"check hook returned {type(finding).__name__}, not a Finding")
            if not (
                isinstance(finding.start, int)
                and isinstance(finding.end, int)
                and 0 <= finding.start <= finding.end <= length
            ):
                raise ValueError(
                    f"finding {finding.rule!r} has span {finding.start!r}-{finding.end!r} outside the text (length {length})"
                )
            if not isinstance(finding.rule, str) or not isinstance(finding.message, str):
                raise TypeError("a finding's rule and message must be strings")
        return returned

    def _finish(self, findings: list[Finding], article: Article) -> list[Finding]:
        session = self.session
        kept: dict[tuple[str, int, int], Finding] = {}
        skipped_kinds = {"publication"}
        for finding in findings:
            spec = session.resolve(finding.rule)
            if spec is None or not session.enabled(finding.rule):
                continue
            paragraph = article.paragraph_at(finding.start)
            if paragraph is not None and paragraph.kind in skipped_kinds:
                continue
            severity = session.severity(spec, finding.severity)
            if severity == "off":
                continue
            file_start, file_end = article.file_span(finding.start, finding.end)
            mapped = Finding(
                rule=finding.rule,
                message=finding.message,
                start=file_start,
                end=file_end,
                suggestions=[str(s) for s in finding.suggestions],
                fix=self._map_fix(finding.fix, article, spec.category),
                severity=severity,
                category=spec.category,
                text=article.file_text[file_start:file_end],
            )
            mapped.line, mapped.column = article.line_col(file_start)
            mapped.end_line, mapped.end_column = article.line_col(file_end)
            key = (mapped.rule, mapped.start, mapped.end)
            kept.setdefault(key, mapped)
        return sorted(kept.values(), key=Finding.sort_key)

    @staticmethod
    def _map_fix(fix: Fix | None, article: Article, category: str) -> Fix | None:
        if fix is None or not (0 <= fix.start <= fix.end <= len(article.text)):
            return None
        if not fix_allowed_in_quotation(category) and article.in_quotation(
            fix.start, max(fix.end, fix.start + 1)
        ):
            return None  # a quotation is the speaker's words: style fixes never rewrite it
        if not article.offsets.span_is_verbatim(fix.start, fix.end):
            return None  # the span crosses markup: not safe to rewrite
        start, end = article.file_span(fix.start, fix.end)
        if article.file_text[start:end] != article.text[fix.start : fix.end]:
            return None
        return Fix(start, end, fix.replacement)


def read_limited(path: str, limit: int) -> bytes:
    """Read a file's bytes, refusing files larger than ``limit`` with an :class:`ArticleError`.

    A regular file is read with a buffer of its own size (asking for
    ``limit + 1`` bytes would allocate that much for every small article);
    pipes and devices are read up to ``limit + 1`` bytes.
    """
    with open(path, "rb") as handle:
        status = os.fstat(handle.fileno())
        regular = stat.S_ISREG(status.st_mode)
        if regular and status.st_size > limit:
            data = b""  # refused below without reading it
        elif regular:
            data = handle.read(status.st_size + 1)  # one byte more notices a file that grew
            if len(data) > status.st_size:
                data += handle.read(limit + 1 - len(data))
        else:
            data = handle.read(limit + 1)
    if len(data) > limit or (regular and status.st_size > limit):
        raise ArticleError(f"file is larger than max_file_size ({limit} bytes)")
    return data
