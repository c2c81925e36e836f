"""The Dask engine: chunks of articles processed on a `dask.distributed` cluster.

With no scheduler address, a local cluster of worker processes is started for the run; with
one, the run uses that cluster. Workers run the same `extract_chunk` as local processes, so
each loads the pipeline once (cached per worker process) and results are identical.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

import click

from vntrade.batch import PipelineSpec, extract_chunk
from vntrade.records import Article


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise click.ClickException(
            "--engine dask needs dask.distributed: install it with `pip install 'vntrade[dask]'`."
        ) from None
    return distributed


class DaskEngine:
    """Sends chunks to Dask workers with `client.submit`; the driver bounds how many are out."""

    def __init__(self, spec: PipelineSpec, workers: int, scheduler: str | None) -> None:
        distributed = _distributed()
        self.spec = spec
        self.cluster = None
        if scheduler:
            try:
                # The wait is Dask's own `distributed.comm.timeouts.connect` setting.
                self.client = distributed.Client(scheduler)
            except (OSError, TimeoutError) as error:
                raise click.ClickException(
                    f"cannot reach a Dask scheduler at {scheduler} ({error}). Start one with "
                    "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                    "--scheduler to use a local cluster."
                ) from None
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        else:
            with warnings.catch_warnings():
                # Without a dashboard the scheduler's HTTP port does not matter to anyone.
                warnings.filterwarnings("ignore", "Port .* is already in use")
                self.cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,  # spaCy is CPU-bound: one process per core
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = distributed.Client(self.cluster)
            self.workers = workers

    def submit(self, articles: list[Article]) -> Any:
        # pure=False: hashing a chunk to deduplicate it would cost more than it could save.
        return self.client.submit(extract_chunk, self.spec, articles, pure=False)

    def close(self, abort: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
