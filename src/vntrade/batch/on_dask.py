"""The Dask engine: chunks of articles processed on a `dask.distributed` cluster.

With no scheduler address, a local cluster of worker processes is started for the run; with
one, the run uses that cluster. Workers run the same `extract_chunk` as local processes, so
each loads the pipeline once (cached per worker process) and results are identical.
"""

from __future__ import annotations

import logging
import socket
import warnings
from typing import Any

from vntrade.batch.work import Finish, PipelineSpec, extract_chunk
from vntrade.errors import EngineError
from vntrade.records import Article


def loopback_problem() -> str | None:
    """Why a local cluster could not talk to itself over 127.0.0.1, or None if it can."""
    try:
        with socket.socket() as server, socket.socket() as client:
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            client.settimeout(2)
            client.connect(server.getsockname())
    except OSError as error:
        return (error.strerror or str(error)).lower()
    return None


def _quiet_logs() -> None:
    """Dask's own loggers stay silent: what matters reaches the user as one vntrade message
    (a lost worker, for one, becomes failure rows of its chunk's articles)."""
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineError(
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
        _quiet_logs()
        self.spec = spec
        self.workers = workers
        self.cluster: Any = None
        self.client: Any = None
        if scheduler:
            try:
                # The wait is Dask's own `distributed.comm.timeouts.connect` setting.
                self.client = self.distributed.Client(scheduler)
            except (OSError, TimeoutError) as error:
                raise EngineError(
                    f"cannot reach a Dask scheduler at {scheduler} ({error}). Start one with "
                    "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out "
                    "--scheduler to use a local cluster."
                ) from None
            self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def _start_local_cluster(self) -> None:
        problem = loopback_problem()
        if problem:
            raise EngineError(
                f"cannot start a local Dask cluster: this machine's loopback network does not "
                f"work ({problem}). Use --engine local, or --scheduler ADDRESS of a running "
                "Dask cluster."
            )
        try:
            with warnings.catch_warnings():
                # Without a dashboard the scheduler's HTTP port does not matter to anyone.
                warnings.filterwarnings("ignore", "Port .* is already in use")
                self.cluster = self.distributed.LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,  # spaCy is CPU-bound: one process per core
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.CRITICAL,
                )
                self.client = self.distributed.Client(self.cluster)
        except (OSError, RuntimeError, TimeoutError) as error:
            self.close()
            raise EngineError(
                f"cannot start a local Dask cluster ({error}). Use --engine local, or "
                "--scheduler ADDRESS of a running Dask cluster."
            ) from None

    def submit(self, articles: list[Article], finish: Finish | None = None) -> Any:
        if self.client is None:
            self._start_local_cluster()
        # pure=False: hashing a chunk to deduplicate it would cost more than it could save.
        return self.client.submit(extract_chunk, self.spec, articles, finish, pure=False)

    def close(self, abort: bool = False) -> None:
        client, cluster, self.client, self.cluster = self.client, self.cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
