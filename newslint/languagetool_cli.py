"""``newslint languagetool``: what the grammar rules would use, and installing LanguageTool.

``status`` says what a run would use (the server and whether it answers,
the local install and its version, Java) and exits 0 when LanguageTool is
usable, 1 when it is not.  ``install`` runs language-tool-python's download
on purpose, with its progress bar; a lint run never downloads.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

EXIT_USABLE, EXIT_UNUSABLE, EXIT_TROUBLE = 0, 1, 2

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Configuration file (default: nearest rules.yaml or .newslint.yaml, else the built-in defaults).",
)


def _settings(config_path: str | None) -> Any:
    """Load and validate the configuration; return the grammar plugin's settings."""
    from newslint_plugins.grammar_settings import read_settings

    from newslint.config import ConfigError, load_config
    from newslint.session import Session

    try:
        config = load_config(config_path)
        Session.create(config)
    except ConfigError as exc:
        click.echo(f"newslint: configuration error: {exc}", err=True)
        sys.exit(EXIT_TROUBLE)
    return read_settings(config)


@click.group()
def languagetool() -> None:
    """LanguageTool for the grammar rules: status and install."""


@languagetool.command()
@config_option
def status(config_path: str | None) -> None:
    """Say what a run would use; exit 0 when LanguageTool is usable, 1 when not."""
    from newslint_plugins import grammar_backend as backend
    from newslint_plugins.grammar_cache import LanguageToolCache, default_directory
    from newslint_plugins.grammar_client import probe

    settings = _settings(config_path)
    target = backend.choose_target(settings)
    lines = [("mode", settings.mode), ("language", settings.language)]
    usable = False
    verdict = ""

    server = target.server if target.kind == "server" else None
    if server:
        try:
            software = probe(server, settings.language, min(settings.timeout, 10.0))
            answer = f"answers: {software.get('name', 'LanguageTool')} {software.get('version', '?')}"
            if software.get("buildDate"):
                answer += f" ({software['buildDate']})"
            usable, verdict = True, f"the server {server}"
        except backend.LanguageToolUnavailable as exc:
            answer = f"does not answer: {exc}"
            verdict = f"the server {server}, which does not answer: grammar rules would be skipped"
        lines.append(("server", f"{server} — {answer}"))
    else:
        lines.append(("server", "not configured (languagetool.server or NEWSLINT_LANGUAGETOOL_URL)"))

    install = backend.find_local_install()
    if install is not None:
        lines.append(
            ("local", f"{install.directory} (LanguageTool {install.version}, from {install.source})")
        )
    else:
        where = os.environ.get(backend.LTP_JAR_DIR_ENV) or str(backend.ltp_download_dir())
        lines.append(("local", f"none in {where} (`newslint languagetool install` downloads one)"))

    java = backend.find_java()
    needed = backend.java_needed(install.version) if install else 17
    if java is None:
        lines.append(("java", f"not found on the PATH (a local LanguageTool needs Java {needed} or newer)"))
    else:
        enough = java.major == 0 or java.major >= needed
        lines.append(
            ("java", f"{java.path}: {java.description}" + ("" if enough else f" (too old: needs {needed})"))
        )

    if target.kind == "local":
        assert target.install is not None
        if java is not None and (java.major == 0 or java.major >= needed):
            usable, verdict = True, f"the local LanguageTool {target.install.version}, started for the run"
        else:
            verdict = f"nothing: the local LanguageTool needs Java {needed} or newer"
    elif target.kind in ("none", "off"):
        verdict = f"nothing: {target.reason}"

    cache = LanguageToolCache(default_directory(), int(settings.cache_size_mb * 1_000_000))
    entries = cache.entries()
    size = sum(entry[1] for entry in entries) / 1_000_000
    lines.append(
        (
            "cache",
            f"{cache.directory}: {len(entries)} answers, {size:.1f} MB of {settings.cache_size_mb:g} MB",
        )
    )
    lines.append(("a run uses", verdict))
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        click.echo(f"{name:<{width}}  {value}")
    sys.exit(EXIT_USABLE if usable else EXIT_UNUSABLE)


@languagetool.command()
@click.option(
    "--version", "version", default=None, help="LanguageTool version (default: language-tool-python's)."
)
def install(version: str | None) -> None:
    """Download LanguageTool (about 250 MB) with language-tool-python, showing progress."""
    from newslint_plugins import grammar_backend as backend

    jar_dir = os.environ.get(backend.LTP_JAR_DIR_ENV)
    if jar_dir:
        found = backend.find_local_install()
        click.echo(
            f"newslint: {backend.LTP_JAR_DIR_ENV} is set to {jar_dir}: the grammar rules use the LanguageTool "
            f"there{'' if found else ', but no languagetool-server.jar is in it'}; unset it to download one",
            err=True,
        )
        sys.exit(EXIT_USABLE if found else EXIT_UNUSABLE)
    try:
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool
    except ImportError as exc:
        click.echo(f"newslint: this language-tool-python cannot download LanguageTool: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    version = version or LTP_DOWNLOAD_VERSION
    java = backend.find_java()
    needed = backend.java_needed(version)
    if java is None or 0 < java.major < needed:
        found = "no java on the PATH" if java is None else f"{java.path} is Java {java.major}"
        click.echo(f"newslint: LanguageTool {version} needs Java {needed} or newer; {found}", err=True)
        sys.exit(EXIT_UNUSABLE)
    installed = backend.find_local_install()
    if installed is not None and installed.version == version:
        click.echo(f"LanguageTool {version} is already installed in {installed.directory}")
        return
    folder = backend.ltp_download_dir()
    click.echo(f"Downloading LanguageTool {version} (about 250 MB) into {folder} ...", err=True)
    try:
        LocalLanguageTool.from_version_name(version).download()
    except (Exception, SystemExit) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        click.echo(f"newslint: the download failed: {message}", err=True)
        sys.exit(EXIT_UNUSABLE)
    found = backend.find_local_install()
    where = found.directory if found is not None else folder
    click.echo(f"LanguageTool {version} is installed in {where}; `newslint languagetool status` checks it.")
