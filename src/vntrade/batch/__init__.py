"""Running the pipeline over many articles: in this process, in a local process pool, or on Dask.

The unit of work is a chunk of articles. A worker loads the pipeline once (it is cached per
process), runs `nlp.pipe` over the chunk and sends back small JSON strings, one per article;
the driver keeps only a bounded number of chunks in flight, so memory stays flat.
"""

from __future__ import annotations

from vntrade.batch.local import (
    Engine,
    Handle,
    InlineEngine,
    PoolEngine,
    broken_pool_message,
    default_workers,
)
from vntrade.batch.work import (
    ChunkResult,
    Outcome,
    PipelineSpec,
    chunked,
    describe_error,
    extract_chunk,
)

__all__ = [
    "ChunkResult",
    "Engine",
    "Handle",
    "InlineEngine",
    "Outcome",
    "PipelineSpec",
    "PoolEngine",
    "broken_pool_message",
    "chunked",
    "default_workers",
    "describe_error",
    "extract_chunk",
    "make_engine",
]


def make_engine(
    spec: PipelineSpec, engine: str = "local", workers: int = 1, scheduler: str | None = None
) -> Engine:
    """The engine for `--engine`, `--workers` and `--scheduler`."""
    if engine == "dask":
        from vntrade.batch.on_dask import DaskEngine

        return DaskEngine(spec, workers, scheduler)
    if workers <= 1:
        return InlineEngine(spec)
    return PoolEngine(spec, workers)
