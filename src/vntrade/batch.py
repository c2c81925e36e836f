"""Running the pipeline over many articles: in this process, in a local process pool, or on Dask.

The unit of work is a chunk of articles. A worker loads the pipeline once (it is cached per
process), runs `nlp.pipe` over the chunk and sends back small JSON strings, one per article;
the driver keeps only a bounded number of chunks in flight, so memory stays flat.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from vntrade.errors import DataFileError, EngineError, VntradeError
from vntrade.orphans import exit_with_driver
from vntrade.records import Article
from vntrade.store import EXTRACTION_KEYS

# Numeric libraries must not start a thread pool per worker: processes already use every core.
THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
PIPE_BATCH = 64


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What identifies a pipeline: small and picklable, so it travels to workers."""

    model: str | None = None
    actors_file: str | None = None
    commodities_file: str | None = None

    def fingerprint(self) -> str:
        """The pipeline version, computed without loading spaCy."""
        from vntrade.nlp.pipeline import model_name, pipeline_fingerprint

        return pipeline_fingerprint(model_name(self.model), self.actors_file, self.commodities_file)

    def load(self) -> Any:  # -> spacy.language.Language
        """The pipeline, loaded once per process; any failure is a user-facing error."""
        from vntrade.nlp.pipeline import load_pipeline

        try:
            return load_pipeline(self.model, self.actors_file, self.commodities_file)
        except VntradeError:
            raise
        except Exception as error:  # e.g. a broken pattern file
            raise DataFileError(
                f"cannot load the pipeline: {error.__class__.__name__}: {error}. "
                "Check --model, --actors and --commodities."
            ) from None


class Outcome(NamedTuple):
    """The pipeline's result for one article: its extraction fields as JSON, or an error."""

    extraction: str | None
    reference_date: str | None
    error: str | None


class ChunkResult(NamedTuple):
    """A worker's answer for one chunk, in the chunk's order."""

    fingerprint: str
    outcomes: list[Outcome]


def extract_chunk(spec: PipelineSpec, articles: list[Article]) -> ChunkResult:
    """Run the pipeline over one chunk; an article that makes it raise becomes an error outcome."""
    from vntrade.nlp.extract import extract_articles

    nlp = spec.load()
    fingerprint = nlp.meta["vntrade_fingerprint"]
    try:
        extractions = list(extract_articles(nlp, articles, min(PIPE_BATCH, len(articles))))
        return ChunkResult(fingerprint, [_outcome(e) for e in extractions])
    except Exception:  # retry one by one to pin the failure on its article
        outcomes = []
        for article in articles:
            try:
                outcomes.extend(_outcome(e) for e in extract_articles(nlp, [article], 1))
            except Exception as error:  # a bad input must not stop the batch
                outcomes.append(Outcome(None, None, describe_error(error)))
        return ChunkResult(fingerprint, outcomes)


def _outcome(extraction: Any) -> Outcome:
    record = extraction.to_dict(with_text=False)
    fields = {key: record[key] for key in EXTRACTION_KEYS}
    return Outcome(json.dumps(fields, ensure_ascii=False), record["reference_date"], None)


def describe_error(error: BaseException) -> str:
    """A one-line reason for a failure record."""
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{error.__class__.__name__}: {first_line}" if first_line else error.__class__.__name__
    return f"extraction failed: {text[:300]}"


class Handle(Protocol):
    """A chunk's result to come (a concurrent or a Dask future)."""

    def result(self) -> ChunkResult: ...

    def done(self) -> bool: ...


class Engine(Protocol):
    """Somewhere chunks of articles are sent to be processed."""

    workers: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self, abort: bool = False) -> None:
        """Stop the workers; with `abort`, without waiting for chunks under way."""


class InlineEngine:
    """Runs chunks in this process: no pickling, the model loaded here once."""

    workers = 1

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def submit(self, articles: list[Article]) -> Handle:
        future: Future[ChunkResult] = Future()
        future.set_result(extract_chunk(self.spec, articles))
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

        for name in THREAD_LIMITS:
            os.environ.setdefault(name, "1")
        # forkserver (or spawn) rather than fork: the driver may run threads (progress bar).
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            context.set_forkserver_preload(["vntrade.batch", "spacy"])
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, articles: list[Article]) -> Handle:
        from concurrent.futures.process import BrokenProcessPool

        if self.pool is None:
            self.pool = self._start()
        try:
            return self.pool.submit(extract_chunk, self.spec, articles)
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


def init_worker(driver: int) -> None:
    """Workers leave Ctrl-C to the driver, which rolls back and stops them, and never outlive
    it: killed with SIGKILL, the driver cannot stop them, so they watch it themselves."""
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


def make_engine(
    spec: PipelineSpec, engine: str = "local", workers: int = 1, scheduler: str | None = None
) -> Engine:
    """The engine for `--engine`, `--workers` and `--scheduler`."""
    if engine == "dask":
        from vntrade.batch_dask import DaskEngine

        return DaskEngine(spec, workers, scheduler)
    if workers <= 1:
        return InlineEngine(spec)
    return PoolEngine(spec, workers)


def chunked(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
