"""Finding and starting LanguageTool.

:func:`choose_target` decides, from the settings and the file system alone
(no network, no download), what a run would use: the configured server,
else (in ``auto`` and ``local`` mode) a LanguageTool that
language-tool-python already downloaded (its cache folder, ``$LTP_PATH`` or
``~/.cache/language_tool_python``) or that ``$LTP_JAR_DIR_PATH`` points at.

A local install is started by newslint itself (``java -cp
languagetool-server.jar org.languagetool.server.HTTPServer``) on a free
loopback port the first time an answer is not in the cache, shared by the
run's worker processes (:class:`SharedLocalServer`), and stopped when the
run ends.  Only ``newslint languagetool install`` downloads LanguageTool,
on purpose.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint_plugins.grammar_settings import SERVER_ENV, LanguageToolSettings

# The environment variables language-tool-python reads (language_tool_python.utils).
LTP_PATH_ENV = "LTP_PATH"
LTP_JAR_DIR_ENV = "LTP_JAR_DIR_PATH"
SERVER_JARS = ("languagetool-server.jar", "languagetool.jar", "LanguageTool.jar")
SERVER_CLASS = "org.languagetool.server.HTTPServer"
START_TIMEOUT = 60.0


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used for this run; the message is one line for the user."""


@dataclass(frozen=True)
class LocalInstall:
    """A LanguageTool on disk: its folder, server jar, version and how it was found."""

    directory: Path
    jar: Path
    version: str
    source: str


@dataclass(frozen=True)
class JavaInfo:
    """The ``java`` on the PATH and its major version (0 when it could not be read)."""

    path: str
    major: int
    description: str


@dataclass(frozen=True)
class Target:
    """What a run uses: ``server``, ``local``, or ``none`` (with the reason) or ``off``."""

    kind: str
    server: str | None = None
    install: LocalInstall | None = None
    reason: str = ""


# Finding LanguageTool -----------------------------------------------------------


def ltp_download_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Return the folder language-tool-python downloads LanguageTool into (without creating it)."""
    environ = os.environ if environ is None else environ
    configured = environ.get(LTP_PATH_ENV)
    return Path(configured) if configured else Path.home() / ".cache" / "language_tool_python"


def find_local_install(environ: Mapping[str, str] | None = None) -> LocalInstall | None:
    """Return the LanguageTool to start locally: ``$LTP_JAR_DIR_PATH``, else the newest download."""
    environ = os.environ if environ is None else environ
    jar_dir = environ.get(LTP_JAR_DIR_ENV)
    if jar_dir:
        jar = _server_jar(Path(jar_dir))
        if jar is None:
            return None
        return LocalInstall(Path(jar_dir), jar, _jar_version(jar, Path(jar_dir)), LTP_JAR_DIR_ENV)
    folder = ltp_download_dir(environ)
    candidates = []
    try:
        entries = list(folder.glob("LanguageTool-*"))
    except OSError:
        return None
    for directory in entries:
        jar = _server_jar(directory) if directory.is_dir() else None
        if jar is not None:
            version = directory.name[len("LanguageTool-") :]
            candidates.append((_version_order(version), LocalInstall(directory, jar, version, str(folder))))
    return max(candidates, key=lambda item: item[0])[1] if candidates else None


def _server_jar(directory: Path) -> Path | None:
    for name in SERVER_JARS:
        if (directory / name).is_file():
            return directory / name
    return None


def _version_order(version: str) -> tuple[int, tuple[int, ...]]:
    """Order as language-tool-python does: snapshots (dates) after releases, then by number."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", version))
    return (1 if re.fullmatch(r"\d{8}", version) else 0, numbers)


def _jar_version(jar: Path, directory: Path) -> str:
    """Read ``Implementation-Version`` from the jar's manifest; fall back to the folder's name."""
    try:
        with zipfile.ZipFile(jar) as archive:
            manifest = archive.read("META-INF/MANIFEST.MF").decode("utf-8", "replace")
        match = re.search(r"^Implementation-Version:\s*(\S+)", manifest, re.MULTILINE)
        if match:
            return match.group(1)
    except (OSError, KeyError, zipfile.BadZipFile):
        pass
    match = re.search(r"LanguageTool-(.+)$", directory.name)
    if match:
        return match.group(1)
    try:
        return f"unknown (jar of {int(jar.stat().st_mtime)})"
    except OSError:
        return "unknown"


_JAVA_CACHE: dict[str, JavaInfo | None] = {}


def find_java() -> JavaInfo | None:
    """Return the ``java`` on the PATH and its version, or None when there is none."""
    path = shutil.which("java")
    if path is None:
        return None
    if path not in _JAVA_CACHE:
        try:
            done = subprocess.run([path, "-version"], capture_output=True, text=True, timeout=20, check=False)
            output = (done.stderr or "") + (done.stdout or "")
        except (OSError, subprocess.SubprocessError) as exc:
            output = str(exc)
        match = re.search(r'version "(?:1\.)?(\d+)', output) or re.search(r"\b(?:java|openjdk) (\d+)", output)
        first = output.strip().splitlines()[0] if output.strip() else "no version output"
        _JAVA_CACHE[path] = JavaInfo(path, int(match.group(1)) if match else 0, first)
    return _JAVA_CACHE[path]


def java_needed(version: str) -> int:
    """Java major version a LanguageTool version needs: 17 from 6.6 on (and snapshots), else 9."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.\d+)?", version)
    if match and (int(match.group(1)), int(match.group(2))) < (6, 6):
        return 9
    return 17


def normalized_server(url: str) -> str:
    """Return the server's root URL with a trailing slash and without ``/v2``."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def choose_target(settings: LanguageToolSettings, environ: Mapping[str, str] | None = None) -> Target:
    """Decide what a run uses, from the settings and the file system (no network, no download)."""
    environ = os.environ if environ is None else environ
    if settings.mode == "off":
        return Target("off", reason="languagetool.mode is off")
    server = settings.server or environ.get(SERVER_ENV)
    if settings.mode in ("server", "auto") and server:
        return Target("server", server=normalized_server(server))
    if settings.mode == "server":
        return Target("none", reason="languagetool.mode is server but no languagetool.server URL is set")
    install = find_local_install(environ)
    if install is not None:
        return Target("local", install=install)
    where = environ.get(LTP_JAR_DIR_ENV) or str(ltp_download_dir(environ))
    missing = f"no local LanguageTool in {where} (`newslint languagetool install` downloads one)"
    if settings.mode == "local":
        return Target("none", reason=f"languagetool.mode is local but there is {missing}")
    return Target("none", reason=f"LanguageTool is not set up: no languagetool.server and {missing}")


# Starting a local LanguageTool -------------------------------------------------------


class LocalServer:
    """A LanguageTool HTTP server started from a local install, on a free loopback port."""

    def __init__(self, install: LocalInstall, java: JavaInfo, start_timeout: float = START_TIMEOUT) -> None:
        self.install = install
        self.java = java
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.root = ""
        self.owner_pid = os.getpid()
        self._log: Any = None

    def start(self) -> str:
        """Start the server and wait until it answers; return its root URL."""
        port = _free_port()
        self.root = f"http://127.0.0.1:{port}/"
        command = [self.java.path, "-cp", str(self.install.jar), SERVER_CLASS, "--port", str(port)]
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - open while the server runs
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._log
            )
        except OSError as exc:
            raise LanguageToolUnavailable(f"cannot start Java for LanguageTool: {exc}") from None
        atexit.register(self.close)
        deadline = time.monotonic() + self.start_timeout
        opener = loopback_opener(self.root)
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                detail = self._log_tail()
                raise LanguageToolUnavailable(
                    f"local LanguageTool {self.install.version} stopped at start (exit status {code})"
                    + (f": {detail}" if detail else "")
                )
            try:
                with opener.open(self.root + "v2/languages", timeout=2) as response:
                    if response.status == 200:
                        return self.root
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.close()
        raise LanguageToolUnavailable(
            f"local LanguageTool {self.install.version} did not start within {self.start_timeout:g} s"
        )

    def _log_tail(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        lines = [line for line in self._log.read().decode("utf-8", "replace").splitlines() if line.strip()]
        return first_line(lines[-1]) if lines else ""

    def close(self) -> None:
        """Stop the server (politely, then firmly); a forked copy of this object leaves it alone."""
        process, self.process = self.process, None
        if os.getpid() != self.owner_pid:
            return
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None


class SharedLocalServer:
    """One local LanguageTool per run, shared by the run's worker processes.

    ``newslint check --jobs N`` lints in forked worker processes; each would
    otherwise start its own LanguageTool (a Java process of several hundred
    MB).  The first process that needs one starts it and records its URL in
    a file named after the run's main process; the others find it there,
    under a file lock.  The process that started it stops it when its run
    ends: workers end together, after the last file.  Without ``fcntl``
    (Windows, where there are no forked workers) each process starts its own.
    """

    def __init__(self, install: LocalInstall, java: JavaInfo, root_pid: int | None = None) -> None:
        self.install = install
        self.java = java
        self.root_pid = _run_root_pid() if root_pid is None else root_pid
        folder = Path(tempfile.gettempdir()) / f"newslint-languagetool-{_user_id()}"
        self.record = folder / f"run-{self.root_pid}.json"
        self.owned: LocalServer | None = None

    def acquire(self) -> str:
        """Return the root URL of the run's local LanguageTool, starting it if no process has."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            self.owned = LocalServer(self.install, self.java)
            return self.owned.start()
        self.record.parent.mkdir(parents=True, exist_ok=True)
        with open(self.record.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                found = self._recorded()
                if found is not None:
                    return found
                self.owned = LocalServer(self.install, self.java)
                try:
                    root = self.owned.start()
                except LanguageToolUnavailable as problem:  # the other workers need not try again
                    self._write({"error": str(problem), "jar": str(self.install.jar)})
                    raise
                self._write({"url": root, "jar": str(self.install.jar)})
                return root
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, data: dict[str, str]) -> None:
        with contextlib.suppress(OSError):
            self.record.write_text(json.dumps(data), encoding="utf-8")

    def _recorded(self) -> str | None:
        """The URL another process of this run recorded, if that LanguageTool still answers.

        Raises :class:`LanguageToolUnavailable` when that process failed to start it.
        """
        try:
            data = json.loads(self.record.read_text(encoding="utf-8"))
            jar = str(data["jar"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if jar != str(self.install.jar):
            return None
        if "error" in data:
            raise LanguageToolUnavailable(str(data["error"]))
        root = str(data.get("url", ""))
        try:
            with loopback_opener(root).open(root + "v2/languages", timeout=2) as response:
                return root if response.status == 200 else None
        except (urllib.error.URLError, OSError):
            return None

    def release(self) -> None:
        """Stop the LanguageTool this process started (others just stop using it)."""
        owned, self.owned = self.owned, None
        if owned is not None and owned.owner_pid == os.getpid():  # not a copy inherited by a fork
            owned.close()
            for path in (self.record, self.record.with_suffix(".lock")):
                with contextlib.suppress(OSError):
                    path.unlink()


def _run_root_pid() -> int:
    """The run's main process: the parent of a worker process, else this process."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    return parent.pid if parent is not None and parent.pid else os.getpid()


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else "user"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe_socket:
        probe_socket.bind(("127.0.0.1", 0))
        return int(probe_socket.getsockname()[1])


# Small helpers ----------------------------------------------------------------------


def loopback_opener(root: str) -> urllib.request.OpenerDirector:
    """A URL opener that reaches a loopback address directly, whatever proxy the environment sets."""
    host = urllib.parse.urlsplit(root).hostname or ""
    if host in ("127.0.0.1", "localhost", "::1"):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def network_problem(root: str, exc: BaseException, timeout: float) -> str:
    """One line for a request to ``root`` that failed below HTTP."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"LanguageTool server {root} did not answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"LanguageTool server {root} refused the connection"
    if isinstance(reason, socket.gaierror):
        return f"LanguageTool server {root} cannot be found ({reason.strerror or reason})"
    return f"LanguageTool server {root} cannot be reached ({first_line(str(reason))})"


def first_line(text: str, limit: int = 160) -> str:
    """The first non-blank line of ``text``, without HTML tags, at most ``limit`` characters."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    line = re.sub(r"<[^>]+>", "", line).strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"
