"""A generator must not hang: its caller gets an error after a time limit instead of waiting for ever."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class GeneratorTimeout(RuntimeError):
    """The generator did not finish in time (a loop that does not end, as the surname search once did)."""


@contextmanager
def deadline(seconds: float, what: str) -> Iterator[None]:
    """Raise ``GeneratorTimeout`` naming ``what`` if the block runs longer than ``seconds``.

    A real-time timer (SIGALRM) interrupts pure-Python loops; it works in the main thread, where the
    scripts and pytest (xdist workers too) run generators. Elsewhere the block runs without a limit.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise GeneratorTimeout(f"{what} did not finish in {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
