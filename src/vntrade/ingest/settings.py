"""What one `vntrade ingest` run is asked to do, as one value: its inputs, where the records
go, the engine that runs the pipeline, and the pipeline itself."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vntrade.batch import PipelineSpec
from vntrade.loader import DEFAULT_MAX_BYTES
from vntrade.nlp.budget import DEFAULT_ARTICLE_TIMEOUT
from vntrade.records import ARTICLE_BATCH
from vntrade.store import DEFAULT_DB
from vntrade.store.dataset import INDEX_NAME

DEFAULT_WAIT = 60.0  # seconds an ingest waits for another one writing to the same store


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """The options of one ingest run (`vntrade ingest --help` says what each does)."""

    paths: tuple[str, ...]
    db: str = DEFAULT_DB
    output_dir: str | None = None  # a Parquet dataset instead of a store
    engine: str = "local"  # or "dask"
    workers: int | None = None  # None: one per core
    scheduler: str | None = None  # a running Dask scheduler's address
    batch_size: int = ARTICLE_BATCH
    defer_clustering: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    model: str | None = None
    actors_file: str | None = None
    commodities_file: str | None = None
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT
    wait: float = DEFAULT_WAIT

    @property
    def spec(self) -> PipelineSpec:
        """The pipeline the articles go through."""
        return PipelineSpec(
            self.model, self.actors_file, self.commodities_file, self.article_timeout or None
        )

    @property
    def store_path(self) -> Path:
        """The store written: --db, or the dataset's own incremental index."""
        return Path(self.output_dir) / INDEX_NAME if self.output_dir else Path(self.db)
