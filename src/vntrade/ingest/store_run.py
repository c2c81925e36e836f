"""What every way into a store shares, `vntrade ingest` and `vntrade db import` alike: the
run's row, the events state, each batch committed with its events, and a re-clustering at
the end when the store's events were not current."""

from __future__ import annotations

from vntrade.ingest.derive import Arrival
from vntrade.ingest.events import EventIndexer, recluster
from vntrade.ingest.summary import Summary
from vntrade.store import Batch, EventsState, Store


class StoreRun:
    """One run into a store: `start`, `commit` each batch, `finish_events`, then `end`."""

    def __init__(self, store: Store, pipeline: str, summary: Summary, *, cluster: bool) -> None:
        self.store = store
        self.pipeline = pipeline  # the run's label: the pipeline fingerprint, or "import"
        self.summary = summary
        self.cluster = cluster
        self.events = EventIndexer(store, cluster=cluster)
        self.id = 0
        self.state_before: EventsState | None = None

    def start(self) -> int:
        """Record the run's start (its number) and, without clustering, mark the events."""
        self.summary.run = self.id = self.store.start_run(self.pipeline)
        self.state_before = self.store.events_state()
        if not self.cluster:
            self.store.set_events_state(EventsState.UNCLUSTERED)
        return self.id

    def commit(self, batch: Batch, arrivals: list[Arrival]) -> None:
        """Write a batch with its new or updated records' events, in one transaction."""
        self.store.commit_batch(batch, self.id, self.events.index(arrivals))
        self.events.written()

    def finish_events(self) -> None:
        """Cluster every stored article's events afresh when the store's were not current
        (an older or deferred store) and this run clusters."""
        if self.cluster and self.state_before is not EventsState.CURRENT:
            recluster(self.store)

    def end(self) -> None:
        """Record how the run ended, with its counts."""
        self.store.finish_run(self.id, self.summary.status, self.summary.counts)
