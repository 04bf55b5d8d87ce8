"""Write files safely: atomically, keeping permissions, refusing when the file moved under us.

A file is rewritten by writing a temporary file in the same folder and
renaming it over the original (``os.replace``), so a reader sees either the
old or the new file, never half of one.  The original's permission bits (and
owner, where the process may set it) are copied to the new file.  Before the
rename the file is read again and compared byte for byte with what was read
at first; if anyone changed it in between, nothing is written.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass


class WriteRefused(Exception):
    """The file was left untouched; the message says why."""


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes as read, and where it really lives (symbolic links resolved)."""

    path: str
    real_path: str
    data: bytes


def read_snapshot(path: str, limit: int | None = None) -> Snapshot:
    """Read a file's bytes; raise ``WriteRefused`` when it is larger than ``limit`` bytes."""
    real = os.path.realpath(path)
    with open(real, "rb") as handle:
        data = handle.read(limit + 1 if limit is not None else -1)
    if limit is not None and len(data) > limit:
        raise WriteRefused(f"file is larger than max_file_size ({limit} bytes)")
    return Snapshot(path, real, data)


def replace_file(snapshot: Snapshot, data: bytes) -> None:
    """Replace the snapshotted file with ``data`` atomically, or raise ``WriteRefused``.

    Refuses when the file's bytes are no longer those of the snapshot, and
    when the file has other hard links (a rename would split them).
    """
    real = snapshot.real_path
    try:
        info = os.stat(real)
    except OSError as exc:
        raise WriteRefused(f"cannot stat: {exc.strerror or exc}") from None
    if info.st_nlink > 1:
        raise WriteRefused(f"the file has {info.st_nlink} hard links; rewriting it would split them")
    _check_unchanged(snapshot)
    folder, name = os.path.split(real)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".newslint-tmp")
    except OSError as exc:
        raise WriteRefused(f"cannot write a temporary file beside it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temporary):
            with contextlib.suppress(OSError):  # only the owner or root may; the mode is what matters
                os.chown(temporary, info.st_uid, info.st_gid)
        _check_unchanged(snapshot)
        os.replace(temporary, real)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise WriteRefused(f"cannot write: {exc.strerror or exc}") from None
        raise
    _sync_folder(folder)


def write_new_file(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (for files newslint owns, such as a baseline)."""
    real = os.path.realpath(path)
    folder, name = os.path.split(real)
    mode = 0o666 & ~_umask()
    if os.path.exists(real):
        mode = stat.S_IMODE(os.stat(real).st_mode)
    handle, temporary = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".newslint-tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _check_unchanged(snapshot: Snapshot) -> None:
    try:
        with open(snapshot.real_path, "rb") as handle:
            current = handle.read(len(snapshot.data) + 1)
    except OSError as exc:
        raise WriteRefused(f"cannot read it again: {exc.strerror or exc}") from None
    if current != snapshot.data:
        raise WriteRefused("the file changed since it was read; not fixed (run newslint again)")


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _sync_folder(folder: str) -> None:
    """Flush the rename to disk where the platform allows opening a folder."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
