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
    """Sends chunks to Dask workers with `client.submit`; the driver bounds how many are out.

    A scheduler address is checked at once; a local cluster starts with the first chunk to
    process, so a run where every article is unchanged starts none.
    """

    def __init__(self, spec: PipelineSpec, workers: int, scheduler: str | None) -> None:
        self.distributed = _distributed()
        self.spec = spec
        self.workers = workers
        self.cluster: Any = None
        self.client: Any = None
        if scheduler:
            try:
                # The wait is Dask's own `distributed.comm.timeouts.connect` setting.
                self.client = self.distributed.Client(scheduler)
            except (OSError, TimeoutError) as error:
                raise click.ClickException(
                    f"cannot reach a Dask scheduler at {scheduler} ({error}). Start one with "
                    "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                    "--scheduler to use a local cluster."
                ) from None
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def _start_local_cluster(self) -> None:
        with warnings.catch_warnings():
            # Without a dashboard the scheduler's HTTP port does not matter to anyone.
            warnings.filterwarnings("ignore", "Port .* is already in use")
            self.cluster = self.distributed.LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,  # spaCy is CPU-bound: one process per core
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        self.client = self.distributed.Client(self.cluster)

    def submit(self, articles: list[Article]) -> Any:
        if self.client is None:
            self._start_local_cluster()
        # pure=False: hashing a chunk to deduplicate it would cost more than it could save.
        return self.client.submit(extract_chunk, self.spec, articles, pure=False)

    def close(self, abort: bool = False) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
