"""A time limit for one plugin call, so a plugin that hangs cannot stall a run.

It uses a real-time interval timer (``signal.setitimer``), which works in
the main thread of a process on Unix: the main thread of the command line
and of each worker process.  Elsewhere (threads, Windows) the limit is not
enforced and the call runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from types import TracebackType


class PluginTimeout(Exception):
    """A plugin call ran longer than the configured limit."""


def _expired(signum: int, frame: object) -> None:
    if _limit[0] > 0:
        raise PluginTimeout(f"took longer than {_limit[0]:g} s (plugin_timeout)")


_limit = [0.0]
"""The limit of the call under way (0 when none is): the handler raises only then."""


class time_limit:
    """Raise :class:`PluginTimeout` inside the block after ``seconds`` (0 or less: no limit).

    Call :meth:`install` before entering (the runner does once per article),
    then enter the object for each plugin call: a limited call costs two
    timer calls.  The signal handler stays in place between calls (it does
    nothing when no limit is running).
    """

    __slots__ = ("_armed", "_usable", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._armed = False
        self._usable = False

    def install(self) -> bool:
        """Install the handler if something replaced it; True when limits work in this thread."""
        self._usable = (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.get_ident() == threading.main_thread().ident
        )
        if self._usable and signal.getsignal(signal.SIGALRM) is not _expired:
            signal.signal(signal.SIGALRM, _expired)
        return self._usable

    def __enter__(self) -> None:
        if not self._usable:
            return
        _limit[0] = self.seconds
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        self._armed = True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _limit[0] = 0.0
            self._armed = False
