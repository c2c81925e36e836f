"""Engines on this machine: in this process, or a pool of worker processes that load the
model once each and never outlive the driver."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from concurrent.futures import Future
from typing import Any, Protocol

from vntrade.batch.orphans import exit_with_driver
from vntrade.batch.work import ChunkResult, Finish, PipelineSpec, extract_chunk
from vntrade.errors import EngineError
from vntrade.nlp.matrices import THREAD_SETTINGS
from vntrade.records import Article

QUIET_TRACKER = "ignore::UserWarning:multiprocessing.resource_tracker"


class Handle(Protocol):
    """A chunk's result to come (a concurrent or a Dask future)."""

    def result(self) -> ChunkResult: ...

    def done(self) -> bool: ...


class Engine(Protocol):
    """Somewhere chunks of articles are sent to be processed."""

    workers: int

    def submit(self, articles: list[Article], finish: Finish | None = None) -> Handle:
        """Process a chunk, then `finish` each record (see `work.extract_chunk`)."""

    def close(self, abort: bool = False) -> None:
        """Stop the workers; with `abort`, without waiting for chunks under way."""


class InlineEngine:
    """Runs chunks in this process: no pickling, the model loaded here once."""

    workers = 1

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def submit(self, articles: list[Article], finish: Finish | None = None) -> Handle:
        future: Future[ChunkResult] = Future()
        future.set_result(extract_chunk(self.spec, articles, finish))
        return future

    def close(self, abort: bool = False) -> None:
        pass


class PoolEngine:
    """A pool of worker processes on this machine, each loading the model once.

    The pool starts with the first chunk to process, so a run where every article is
    unchanged starts no process at all.
    """

    def __init__(self, spec: PipelineSpec, workers: int) -> None:
        self.spec = spec
        self.workers = workers
        self.pool: Any = None

    def _start(self) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import forkserver, resource_tracker

        # forkserver (or spawn) rather than fork: the driver may run threads (progress bar).
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        env = worker_environment()
        # The helper processes copy the environment they start with: they get the workers'
        # (the forkserver imports spaCy, and with it the numeric libraries, for every
        # worker it forks), and the driver keeps its own.
        with _environment_while_starting(env):
            resource_tracker.ensure_running()
            if context.get_start_method() == "forkserver":
                context.set_forkserver_preload(["vntrade.batch", "spacy"])
                forkserver.ensure_running()
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(os.getpid(), env),
        )

    def submit(self, articles: list[Article], finish: Finish | None = None) -> Handle:
        from concurrent.futures.process import BrokenProcessPool

        if self.pool is None:
            self.pool = self._start()
        try:
            return self.pool.submit(extract_chunk, self.spec, articles, finish)
        except BrokenProcessPool:
            raise EngineError(broken_pool_message()) from None

    def close(self, abort: bool = False) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True)
            return
        processes = list(getattr(pool, "_processes", None) or {})
        pool.shutdown(wait=False, cancel_futures=True)
        for pid in processes:  # a chunk under way would delay the exit by its whole length
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)


def worker_environment() -> dict[str, str]:
    """What the workers' environment adds to the driver's: one thread per numeric library
    (processes already use every core), unless the user chose; and no warning from the
    resource tracker, which removes the semaphores of a driver killed by SIGKILL and would
    say so on stderr in a line of its own format."""
    env = {name: "1" for name in THREAD_SETTINGS if name not in os.environ}
    chosen = os.environ.get("PYTHONWARNINGS", "")
    if QUIET_TRACKER not in chosen:
        env["PYTHONWARNINGS"] = ",".join(filter(None, (chosen, QUIET_TRACKER)))
    return env


@contextlib.contextmanager
def _environment_while_starting(env: dict[str, str]) -> Iterator[None]:
    """`env` in this process's environment while helper processes start, then the driver's
    own environment as it was."""
    before = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def init_worker(driver: int, env: dict[str, str]) -> None:
    """A worker takes the environment the driver gives it (before the numeric libraries
    load, when it was spawned), leaves Ctrl-C to the driver, which rolls back and stops it,
    and never outlives it: killed with SIGKILL, the driver cannot stop it, so it watches it
    itself."""
    os.environ.update(env)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_driver(driver)


def broken_pool_message() -> str:
    return (
        "a worker process died (out of memory?); every committed batch is kept. "
        "Run the same command again to continue, perhaps with fewer --workers."
    )


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
