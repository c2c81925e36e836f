"""The views over a store: timeline entries and comparisons read from its events tables.

Ingest (`vntrade.ingest.events`) gives every stored event a cluster and keeps each cluster's
timeline entry; here the timeline is one indexed, filtered query that streams, and `compare`
reads only the clusters it shows and the records of their articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vntrade.errors import StoreError, UsageError, shown
from vntrade.names import NameIndex
from vntrade.periods import Period, YearVotes
from vntrade.store import EventsState, Store
from vntrade.views.compare import cluster_of, compare_records, profiles, within

MAX_COMPARED = 200  # articles of one cluster compared side by side; the rest are only listed
MAX_CLUSTERS_PER_REQUEST = (
    2000  # clusters compared in one request (each reads its articles' records)
)
CLUSTERS_READ = 10  # clusters whose articles and records are read together (more: more memory)


def check_events(store: Store) -> None:
    """A `StoreError` unless every stored article's events are clustered."""
    state = store.events_state()
    if state is EventsState.CURRENT:
        return
    why = {
        EventsState.UNCLUSTERED: "it was ingested with --defer-clustering",
        EventsState.PENDING: "it was made by an older vntrade, or a re-clustering was interrupted",
    }.get(state, "its events are not indexed")
    raise StoreError(
        f"the events of {shown(store.path)} are not clustered ({why}). Cluster them with "
        f"`vntrade db recluster --db {shown(store.path)}`."
    )


def name_index(store: Store, field: str) -> NameIndex:
    """Every actor (field `actors`) or commodity (`commodities`) of the store by any alias."""
    index = NameIndex()
    for name, alias in store.aliases(field):
        index.aliases[name].add(alias)
    return index


@dataclass(slots=True)
class Comparison:
    """What `compare` prints: the document, each lone article's lead event, the clusters'
    numbers, and what was left out."""

    document: dict[str, Any]
    leads: dict[str, dict[str, Any]]
    numbers: list[int]
    shared: int = 0  # clusters in the whole store
    left_out: int = 0  # clusters not shown
    lone_left_out: bool = False  # articles alone, not listed
    notes: list[str] = field(default_factory=list)


def compare_store(
    store: Store,
    *,
    limit: int | None,
    number: int | None = None,
    period: Period | None = None,
    article: str | None = None,
    stream: bool = False,
) -> Comparison:
    """The clusters of articles that lead with the same event (largest first, at most
    `limit`, all for None), or cluster `number`, the clusters and lone articles of `period`,
    or the cluster of `article`.

    With `stream`, the document's clusters and lone articles are iterators that read each
    cluster's records as they are consumed (the store must stay open): any number of
    clusters in memory that does not grow with them."""
    return _Comparer(store, stream).compare(limit, number, period, article)


class _Comparer:
    def __init__(self, store: Store, stream: bool = False) -> None:
        self.store = store
        self.year = corpus_year_of(store)
        self.stream = stream

    def compare(
        self, limit: int | None, number: int | None, period: Period | None, article: str | None
    ) -> Comparison:
        total = self.store.count_shared()
        if (
            self.store.count_articles() == 2
            and number is None
            and period is None
            and article is None
        ):
            return self._pair(total)
        if number is not None:
            if number > total:
                raise UsageError(
                    f"there is no cluster {number}: these articles make {total} clusters.",
                    "--cluster",
                )
            ids = self.store.shared_clusters(1, number - 1)
            return self._result(ids, [number], [], total)
        if article is not None:
            return self._article(article, total)
        if period is not None:
            return self._period(period, total)
        ids = self.store.shared_clusters(limit)
        left_out = total - len(ids)
        lone: Iterable[str] = [] if left_out else self._lone(self.store.lone_articles())
        result = self._result(ids, list(range(1, len(ids) + 1)), lone, total)
        result.left_out, result.lone_left_out = left_out, bool(left_out)
        return result

    def _pair(self, total: int) -> Comparison:
        """Exactly two articles: side by side, whether or not they report one event."""
        records = list(self.store.iter_records())
        document, leads = compare_records(records, year=self.year)
        return Comparison(document, leads, list(range(1, len(document["clusters"]) + 1)), total)

    def _article(self, article: str, total: int) -> Comparison:
        found = self.store.lead_of(article)
        if found is None:
            raise UsageError(f"no article '{shown(article)}' among these articles.", "--article")
        cluster, leads = found
        if cluster is None or leads < 2:
            return self._result([], [], [article], total)
        return self._result([cluster], [self.store.shared_rank(cluster)], [], total)

    def _period(self, period: Period, total: int) -> Comparison:
        days = (period.start.isoformat(), period.end.isoformat())
        ranked = self.store.shared_ranks(days)  # one query, not one per cluster
        ids, numbers = [cid for cid, _ in ranked], [rank for _, rank in ranked]
        lone = list(self.store.lone_articles(days))
        result = self._result(ids, numbers, lone, total)
        document = result.document
        kept = [
            (n, c)
            for n, c in zip(result.numbers, document["clusters"], strict=True)
            if within(c["date"], period)
        ]
        document["clusters"] = [c for _, c in kept]
        result.numbers = [n for n, _ in kept]
        document["singletons"] = [
            i for i in document["singletons"] if within(result.leads.get(i, {}).get("date"), period)
        ]
        return result

    def _result(
        self, ids: list[int], numbers: list[int], lone: Iterable[str], total: int
    ) -> Comparison:
        if len(ids) > MAX_CLUSTERS_PER_REQUEST and not self.stream:
            raise UsageError(
                f"these articles make {len(ids):,} clusters to compare, more than the "
                f"{MAX_CLUSTERS_PER_REQUEST:,} one request compares side by side. Narrow them with "
                "--event DATE (a month: --event 2025-04; a week: --event 2025-W15), or give "
                "--limit N for the N largest (--format jsonl or csv stream every cluster)."
            )
        notes: list[str] = []
        clusters: Iterable[dict[str, Any]] = self._clusters(ids, notes)
        leads: dict[str, dict[str, Any]] = {}
        if not self.stream:
            clusters, lone = list(clusters), list(lone)
            leads = self._leads(lone)
        document = {"clusters": clusters, "singletons": lone}
        return Comparison(document, leads, numbers, total, notes=notes)

    def _clusters(self, ids: list[int], notes: list[str]) -> Iterator[dict[str, Any]]:
        """The comparison of each cluster, read as it is wanted: the articles and records of
        `CLUSTERS_READ` clusters at a time (a few queries, not one per cluster)."""
        for start in range(0, len(ids), CLUSTERS_READ):
            chunk = ids[start : start + CLUSTERS_READ]
            members = self.store.lead_articles(chunk)
            compared = {cid: members.get(cid, [])[:MAX_COMPARED] for cid in chunk}
            records = self.store.records(i for cid in chunk for i in compared[cid])
            for cid in chunk:
                if len(members.get(cid, [])) > len(compared[cid]):
                    notes.append(
                        f"a cluster of {len(members[cid])} articles: the first {MAX_COMPARED} "
                        "are compared."
                    )
                cluster = cluster_of(
                    profiles([records[i] for i in compared[cid] if i in records], self.year)
                )
                cluster["articles"] = members.get(cid, [])
                yield cluster

    def _lone(self, ids: Iterator[str]) -> Iterable[str]:
        """Lone article ids: streamed, or read now."""
        return ids if self.stream else list(ids)

    def _leads(self, lone: list[str]) -> dict[str, dict[str, Any]]:
        found = self.store.lead_events(lone)
        return {
            i: {"date": e["value"], "kind": e["kind"], "summary": e["summary"]}
            for i in lone
            if (e := found.get(i))
        }


def corpus_year_of(store: Store) -> int | None:
    """The year of the store's articles, when one year dominates (see `YearVotes`)."""
    return YearVotes.from_json(store.meta("year_votes")).year


def open_events(path: str) -> Store:
    """A store whose events the views can read, or a `StoreError` saying what to do."""
    store = Store.open(path)
    try:
        check_events(store)
    except StoreError:
        store.close()
        raise
    return store
