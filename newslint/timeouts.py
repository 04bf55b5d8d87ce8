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


def _expired(signum: int, frame: object) -> None:
    if _limit[0] > 0:
        raise PluginTimeout(f"took longer than {_limit[0]:g} s (plugin_timeout)")


_limit = [0.0]
"""The limit of the call under way (0 when none is): the handler raises only then."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`PluginTimeout` inside the block after ``seconds`` (0 or less: no limit).

    The signal handler is installed once and left in place (it does nothing
    when no limit is running), so a limited call costs two timer calls.
    """
    if seconds <= 0 or not _can_limit():
        yield
        return
    if signal.getsignal(signal.SIGALRM) is not _expired:
        signal.signal(signal.SIGALRM, _expired)
    _limit[0] = seconds
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _limit[0] = 0.0
