"""A time budget for the work on one article: past it, the work is stopped with `ArticleTimeout`.

The rule components are plain Python: an unforeseen parse can send one into a long or endless
loop, and no article may stall a run. In the main thread (the CLI, a local worker process) the
budget is an interval timer whose SIGALRM raises in the running code; in another thread (a
Dask worker's task) a timer thread raises the same exception in that thread asynchronously.
Either way the exception arrives between two Python bytecodes, so compiled code (the model's
networks) finishes its call first.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

DEFAULT_ARTICLE_TIMEOUT = 30.0  # seconds of rule work on one article (the slowest seed: 0.04 s)


class ArticleTimeout(Exception):
    """The work on one article took longer than its budget."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds
        limit = f"{seconds:g} s" if seconds is not None else "its time budget"
        super().__init__(
            f"stopped after {limit} (--article-timeout): the article is skipped, the rest goes on"
        )


class Budget:
    """Seconds left for one article, spent across the pieces of a long one."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.spent = 0.0

    @contextlib.contextmanager
    def spending(self) -> Iterator[None]:
        """Run the block within what is left; raise `ArticleTimeout` when it runs out."""
        if self.seconds is None:
            yield
            return
        left = self.seconds - self.spent
        if left <= 0:
            raise ArticleTimeout(self.seconds)
        started = time.monotonic()
        try:
            with _time_limit(left, self.seconds):
                yield
        except ArticleTimeout as timeout:
            if timeout.seconds is None:  # raised from a timer thread, without the figure
                raise ArticleTimeout(self.seconds) from None
            raise
        finally:
            self.spent += time.monotonic() - started


def _time_limit(seconds: float, budget: float) -> contextlib.AbstractContextManager[None]:
    on_main = threading.current_thread() is threading.main_thread()
    if on_main and hasattr(signal, "setitimer"):
        return _alarm(seconds, budget)
    return _async_raise_after(seconds)


@contextlib.contextmanager
def _alarm(seconds: float, budget: float) -> Iterator[None]:
    """SIGALRM after `seconds`; the handler raises only while the block runs."""
    state = {"active": True}

    def expire(signum: int, frame: FrameType | None) -> None:
        if state["active"]:
            raise ArticleTimeout(budget)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        state["active"] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _async_raise_after(seconds: float) -> Iterator[None]:
    """Raise `ArticleTimeout` in this thread after `seconds`, from a timer thread."""
    ident = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                _set_async_exc(ident, ArticleTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:
                _set_async_exc(ident, None)  # clears it if it has not been raised yet
        timer.cancel()


def _set_async_exc(ident: int, exception: type[BaseException] | None) -> None:
    target = ctypes.py_object(exception) if exception is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), target)
