"""The ``newslint`` command line."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newslint import __version__
from newslint.config import ConfigError, did_you_mean, load_config
from newslint.findings import SEVERITIES, severity_rank
from newslint.languagetool_cli import languagetool
from newslint.reporters import FORMATS, ReportOptions, get_reporter
from newslint.session import Session, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from newslint.baseline import Entry
    from newslint.fixer import FixOutcome
    from newslint.runner import FileResult, Runner

EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"newslint: {message}", err=True)
    sys.exit(EXIT_TROUBLE)


def _session(config_path: str | None, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> Session:
    try:
        config = load_config(config_path)
        return Session.create(config, select=select, ignore=ignore)
    except ConfigError as exc:
        _fail(f"configuration error: {exc}")
    except UsageError as exc:
        _fail(str(exc))
    raise AssertionError("unreachable")


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (default: nearest rules.yaml or .newslint.yaml, else the built-in defaults).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newslint")
def main() -> None:
    """newslint: lint news copy for typos, extraction damage, house style and attribution."""


main.add_command(languagetool)


@main.command()
@click.argument("paths", nargs=-1)
@config_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    "output_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--fail-level",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that makes the exit status 1 [default: warning].",
)
@click.option(
    "--select", multiple=True, help="Only these rule ids or categories (comma-separated or repeated)."
)
@click.option(
    "--ignore", multiple=True, help="Not these rule ids or categories (comma-separated or repeated)."
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the fixes rules mark as certain, then report what remains (stdin: fixed text on stdout, report on stderr).",
)
@click.option("--diff", is_flag=True, help="Print the certain fixes as a unified diff; write nothing.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Record every finding in this baseline file (exit 0 unless something could not be read).",
)
@click.option(
    "--show-suppressed",
    is_flag=True,
    help="Count findings hidden by newslint-disable comments, per_file_ignores and the baseline.",
)
@click.option(
    "--stdin-filename",
    default=None,
    help="Name for standard input (`-`) in reports; its extension picks the reader.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only the findings: no excerpts, no summary.")
@click.option(
    "--verbose", "-v", is_flag=True, help="Print tracebacks of plugin failures and what was loaded."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: number of CPUs].",
)
@click.option(
    "--no-cache", is_flag=True, help="Do not read or write the result cache or the LanguageTool cache."
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Result cache folder [default: .newslint_cache beside the config, else here].",
)
def check(
    paths: tuple[str, ...],
    config_path: str | None,
    output_format: str,
    output_path: str | None,
    fail_level: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fix: bool,
    diff: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    show_suppressed: bool,
    stdin_filename: str | None,
    quiet: bool,
    verbose: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: str | None,
) -> None:
    """Lint article files, folders of articles, or - for standard input."""
    from newslint.batch import StderrOnce, default_jobs, lint_files
    from newslint.discovery import expand_paths
    from newslint.runner import Runner

    if diff and output_format != "text":
        _fail("--diff prints a unified diff; it cannot be combined with --format")
    if baseline_path and write_baseline_path:
        _fail("--baseline and --write-baseline cannot be combined (--write-baseline rewrites the whole file)")
    known = _read_baseline(baseline_path) if baseline_path else None
    session = _session(config_path, select, ignore)
    session.config.use_cache = not no_cache
    trouble = bool(session.load_errors)
    for message in session.load_errors:
        click.echo(f"newslint: {message}", err=True)
    if verbose:
        for info in session.plugins:
            click.echo(f"newslint: loaded plugin {info.name} from {info.origin}", err=True)
    runner = Runner(session)
    printer = StderrOnce()
    targets = list(expand_paths(list(paths) or ["."], session.config.ignore, session.config.root))
    if len(targets) > 1:
        gc.enable()  # the program starts with it off (see newslint.__main__); a long run needs it
    fixing = fix or diff  # fixes run file by file in this process, without the result cache
    files = [] if fixing else [path for path in targets if path != "-"]
    if "-" in targets or fixing:
        captured = io.StringIO()
        with contextlib.redirect_stderr(captured):
            runner.start()
        printer.write(captured.getvalue())
    linted = lint_files(
        files,
        session,
        jobs=jobs or default_jobs(),
        cache_dir=cache_dir,
        cache=not no_cache,
        runner=runner,
        printer=printer,
    )
    results = []
    failed: set[tuple[str, str]] = set()
    fixes = _Fixes(write=fix and not diff)
    try:
        for path in targets:
            if fixing:
                result = fixes.run(runner, path, stdin_filename)
            elif path == "-":
                name = stdin_filename or "-"
                result = runner.check_file(name, read=sys.stdin.buffer.read, display_path=name)
            else:
                result = next(linted)
            results.append(result)
            if result.error is not None:
                trouble = True
                if output_format != "text" or diff:
                    click.echo(f"newslint: {result.path}: {result.error}", err=True)
            for warning in result.warnings:
                click.echo(f"newslint: warning: {warning}", err=True)
            for failure in result.failures:
                trouble = True
                if (failure.plugin, failure.message) in failed and not verbose:
                    continue  # a plugin that fails the same way on every file is reported once
                failed.add((failure.plugin, failure.message))
                click.echo(
                    f"newslint: plugin {failure.plugin!r} failed on {failure.path}: {failure.message}",
                    err=True,
                )
                if verbose:
                    click.echo(failure.traceback, err=True)
    finally:
        linted.close()
        runner.finish()
    trouble = fixes.finish(quiet) or trouble
    if diff:
        sys.stdout.write(fixes.diff_text())
        sys.exit(EXIT_TROUBLE if trouble else EXIT_FINDINGS if fixes.changed_files else EXIT_CLEAN)
    if write_baseline_path:
        from newslint.baseline import write_baseline

        try:
            count = write_baseline(results, write_baseline_path)
        except OSError as exc:
            _fail(f"cannot write baseline {write_baseline_path}: {exc.strerror or exc}")
        click.echo(f"newslint: recorded {count} findings in {write_baseline_path}", err=True)
        sys.exit(EXIT_TROUBLE if trouble else EXIT_CLEAN)
    if known is not None and baseline_path:
        from newslint.baseline import filter_known

        filter_known(results, known, Path(baseline_path).resolve().parent)
    level_name = fail_level or session.config.fail_level or "warning"
    options = ReportOptions(
        color=_use_color() and output_format == "text" and output_path is None and not fixes.stdin_output,
        quiet=quiet,
        session=session,
        show_suppressed=show_suppressed,
        fail_level=level_name,
    )
    report = get_reporter(output_format)(results, options)
    if output_path is not None:
        try:
            Path(output_path).write_text(report, encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output_path}: {exc.strerror or exc}")
    elif fixes.stdin_output is not None:
        click.echo(report, nl=False, err=True)  # standard output carries the fixed text
    else:
        click.echo(report, nl=False)
    if fixes.stdin_output is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(fixes.stdin_output)
        sys.stdout.buffer.flush()
    level = severity_rank(level_name)
    failing = any(severity_rank(f.severity or "warning") <= level for r in results for f in r.findings)
    sys.exit(EXIT_TROUBLE if trouble else EXIT_FINDINGS if failing else EXIT_CLEAN)


class _Fixes:
    """The ``--fix``/``--diff`` side of a run: fix each file, keep the diffs, count what changed."""

    def __init__(self, write: bool) -> None:
        self.write = write
        self.outcomes: list[FixOutcome] = []
        self.stdin_output: bytes | None = None

    def run(self, runner: Runner, path: str, stdin_filename: str | None) -> FileResult:
        """Fix one path (standard input for ``-``) and return what remains."""
        from newslint.fixer import fix_bytes, fix_file
        from newslint.runner import FileResult

        if path == "-":
            shown = stdin_filename or "-"
            outcome, data = fix_bytes(runner, sys.stdin.buffer.read(), shown)
            if self.write:
                self.stdin_output = data
        elif not os.path.exists(path) and not os.path.islink(path):
            return FileResult(path, error="no such file or directory")
        else:
            outcome = fix_file(runner, path, write=self.write)
        self.outcomes.append(outcome)
        return outcome.result

    @property
    def changed_files(self) -> int:
        """How many files the fixes change (or would change)."""
        return sum(1 for o in self.outcomes if o.changed and o.error is None)

    def diff_text(self) -> str:
        """The unified diff of every file's fixes."""
        from newslint.fixer import unified_diff

        return "".join(unified_diff(o.path, o.original, o.fixed) for o in self.outcomes if o.error is None)

    def finish(self, quiet: bool) -> bool:
        """Print refusals and the count of fixes on stderr; return True when a file was refused."""
        refused = False
        for outcome in self.outcomes:
            if outcome.error is not None and outcome.result.error is None:
                click.echo(f"newslint: {outcome.path}: {outcome.error}", err=True)
                refused = True
        applied = sum(o.applied for o in self.outcomes if o.error is None)
        if self.outcomes and not quiet:
            verb = "fixed" if self.write else "would fix"
            click.echo(
                f"newslint: {verb} {applied} problem{'s' if applied != 1 else ''} "
                f"in {self.changed_files} file{'s' if self.changed_files != 1 else ''}",
                err=True,
            )
        return refused


def _read_baseline(path: str) -> Counter[Entry]:
    from newslint.baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as exc:
        _fail(str(exc))
    raise AssertionError("unreachable")


@main.command()
@config_option
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rules(config_path: str | None, output_format: str) -> None:
    """List every rule: id, category, default severity, fixable, summary."""
    session = _session(config_path)
    specs = list(session.rules.values())
    if output_format == "json":
        import json

        rows = [
            {
                "id": s.id,
                "category": s.category,
                "severity": s.severity,
                "fixable": s.fixable,
                "summary": s.summary,
                "plugin": s.plugin,
                "enabled": session.enabled(s.id),
            }
            for s in specs
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max((len(s.id) for s in specs), default=10)
    click.echo(f"{'RULE':<{width}}  {'CATEGORY':<11}  {'SEVERITY':<8}  {'FIX':<3}  SUMMARY")
    for spec in specs:
        severity = spec.severity
        effective = session.severity(spec)
        if effective != severity:
            severity = f"{severity}→{effective}"
        click.echo(
            f"{spec.id:<{width}}  {spec.category:<11}  {severity:<8}  {'yes' if spec.fixable else '-':<3}  {spec.summary}"
        )


@main.command()
@click.argument("rule_id")
@config_option
def explain(rule_id: str, config_path: str | None) -> None:
    """Explain a rule: what it checks, why, examples, options."""
    session = _session(config_path)
    spec = session.resolve(rule_id)
    if spec is None:
        _fail(f"unknown rule id '{rule_id}'{did_you_mean(rule_id, set(session.rules))}")
    assert spec is not None
    lines = [
        f"{spec.id}  ({spec.category}, {spec.severity}{', fixable' if spec.fixable else ''}; plugin {spec.plugin or '?'})",
        "",
        spec.summary,
        "",
        "What it does",
        _indent(spec.what),
        "",
        "Why",
        _indent(spec.why),
        "",
        "Example",
        _indent(spec.bad),
        "",
        "Use instead",
        _indent(spec.good),
    ]
    if spec.options:
        lines += ["", "Options (under rules: in rules.yaml)"]
        for name, option in spec.options.items():
            lines.append(f"  {name} (default: {option.default!r}): {option.description}")
    if spec.source:
        lines += ["", f"Source: {spec.source}"]
    effective = session.severity(spec)
    if effective != spec.severity:
        lines += ["", f"Configured severity: {effective}"]
    click.echo("\n".join(lines))


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else "" for line in text.strip().splitlines())


@main.command()
@config_option
def plugins(config_path: str | None) -> None:
    """List loaded plugins and where each came from."""
    session = _session(config_path)
    counts: dict[str, int] = {}
    for spec in session.rules.values():
        counts[spec.plugin] = counts.get(spec.plugin, 0) + 1
    for info in session.plugins:
        click.echo(f"{info.name:<14} {info.kind:<12} {counts.get(info.name, 0):>3} rules  {info.origin}")
    for message in session.load_errors:
        click.echo(f"newslint: {message}", err=True)
    if session.load_errors:
        sys.exit(EXIT_TROUBLE)
