"""A time limit for one plugin call, so a plugin that hangs cannot stall a run.

It uses a real-time interval timer (``signal.setitimer``), which works in
the main thread of a process on Unix: the main thread of the command line
and of each worker process.  Elsewhere (threads, Windows) the limit is not
enforced and the call runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class PluginTimeout(Exception):
    """A plugin call ran longer than the configured limit."""


def _can_limit() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`PluginTimeout` inside the block after ``seconds`` (0 or less: no limit)."""
    if seconds <= 0 or not _can_limit():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise PluginTimeout(f"took longer than {seconds:g} s (plugin_timeout)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
