"""Events at ingest: each stored article's events, clustered as the article arrives.

For every batch of records, `EventIndexer.index` gives what the batch's transaction writes to
the events tables: the records' events (with the year of the corpus where an article gives
none), each joined to the cluster it matches or a new one, the clusters it touched rebuilt
(their clustering profile and their timeline entry), and the articles' actors and goods.
What one record gives alone comes ready from ingest's workers (`ingest.derive`): here the
events are only placed into clusters. Only clusters near the new events' dates are read from
the store, once per run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import MAXYEAR, date
from operator import itemgetter
from typing import Any

from vntrade.events.clustering import LONGEST_PERIOD, WINDOW_DAYS, Cluster, Clusterer, EventRef
from vntrade.events.entries import TimelineEntry, day_key
from vntrade.events.model import EventReport
from vntrade.events.refs import make_ref
from vntrade.ingest.derive import Arrival, add_votes, derive
from vntrade.periods import Period, YearVotes, add_days, add_months, parse_period
from vntrade.store import EventsState, Store
from vntrade.store.base import id_chunks
from vntrade.store.rows import ClusterRow, EntryRow, EventRow, EventWrite

# `json.dumps(obj, ensure_ascii=False)`, without making an encoder for every row
_to_json = json.JSONEncoder(ensure_ascii=False).encode

Member = tuple[str, bool, bool, EventReport]  # (article, lead, inferred, the report)
# A cluster's member and its stored event's id (an event written by this batch: its row,
# which the store gives its id)
Kept = tuple[int | EventRow, Member]


class EventIndexer:
    """Clusters the events of the records an ingest run stores."""

    def __init__(self, store: Store, *, cluster: bool = True) -> None:
        self.store = store
        self.cluster = cluster
        self.clusterer = Clusterer(next_id=store.next_cluster_id())
        self.votes = YearVotes.from_json(store.meta("year_votes"))
        self.loaded: set[tuple[int, int]] = set()  # months whose clusters are in memory
        # The members of the clusters the last stored batch wrote, by event id: the next
        # batch mostly touches the same ones (a story told day after day), and need not read
        # and decode them again. `written` keeps them once the store has the batch.
        self.kept: dict[int, list[tuple[int, Member]]] = {}
        self._found: dict[int, list[Kept]] = {}  # the members of the batch being written

    def index(self, arrivals: list[Arrival]) -> EventWrite:
        """What storing the `arrivals` (new or updated articles) changes in the events tables;
        call `written` once the store has it."""
        if self._found:  # the last batch was not stored: what is kept may not be the store's
            self.kept, self._found = {}, {}
        records: dict[int, dict[str, Any]] = {}  # those parsed here, by place
        for place, arrival in enumerate(arrivals):
            if arrival.derived is not None and arrival.derived.votes is not None:
                add_votes(self.votes, arrival.derived.votes)
            else:
                records[place] = arrival.record()
                self.votes.add(records[place])
        year = self.votes.year
        derived = []
        for place, arrival in enumerate(arrivals):
            found = arrival.derived
            if found is None or not found.fits(year):
                record = records[place] if place in records else arrival.record()
                found = derive(record, year)
            derived.append(found)
        ids = [found.article for found in derived]
        write = EventWrite(articles=ids)
        touched: set[int] = self._forget(ids)
        placed: list[tuple[EventRow, EventReport]] = []
        for found in derived:
            for row, ref, report in found.events:
                if self.cluster:
                    row.cluster = self._place(ref)
                    placed.append((row, report))
                write.events.append(row)
            write.names += found.names
            write.statements += found.statements
        clusterer = self.clusterer
        # Events placed early in the batch may since have moved, with their cluster or alone.
        new: dict[int, list[Kept]] = {}
        for row, report in placed:
            row.cluster = clusterer.place(row.article, row.value, row.cluster)
            member = (row.article, row.lead, row.inferred, report)
            new.setdefault(row.cluster, []).append((row, member))
        touched |= set(new) | clusterer.touched
        clusterer.take_touched()
        write.merged = [(cid, clusterer.resolve(cid)) for cid in clusterer.merged]
        write.moved = [
            (a, v, clusterer.place(a, v, cid)) for (a, v), cid in clusterer.moved.items()
        ]
        if touched:
            write.clusters, write.dropped = self._rebuild(touched, new, set(ids))
        # A move takes every stored event of its article and value, some maybe of clusters
        # not read here (an article with two events of one value): read it again next time.
        for _, _, target in write.moved:
            self._found.pop(target, None)
        clusterer.merged.clear()
        clusterer.moved.clear()
        write.year_votes = self.votes.to_json()
        return write

    def _place(self, ref: EventRef | None) -> int:
        """The cluster an event joins (a new one for an event not on the calendar)."""
        if ref is None:
            return self.clusterer.new_id()
        if ref.matchable:
            self._load_around(ref)
        return self.clusterer.add(ref)

    def _forget(self, ids: list[str]) -> set[int]:
        """Take the stored events of these (updated) articles out of their clusters; the
        clusters they were in."""
        old = self.store.events_of(ids)
        clusters = {cluster for _, cluster, _ in old if cluster is not None}
        if not self.cluster or not clusters:
            return clusters
        self._load_ids(clusters)
        for _, cluster, data in old:
            ref = _ref(json.loads(data))
            if ref is not None and cluster in self.clusterer.clusters:
                self.clusterer.remove(ref, cluster)
        return clusters

    def _load_ids(self, ids: Iterable[int]) -> None:
        wanted = [i for i in ids if i not in self.clusterer.clusters]
        profiles = self.store.cluster_profiles(wanted)
        for profile in profiles:
            self.clusterer.load(Cluster.from_dict(json.loads(profile)))

    def _load_around(self, ref: EventRef) -> None:
        """Bring the stored clusters an event may join into memory (each month once)."""
        first = add_days(ref.start, -(WINDOW_DAYS + LONGEST_PERIOD))
        last = add_days(ref.end, WINDOW_DAYS)
        month = (first.year, first.month)
        while month <= (last.year, last.month):
            if month not in self.loaded:
                self.loaded.add(month)
                self._load_month(*month)
            month = add_months(*month, 1)

    def _load_month(self, year: int, month: int) -> None:
        start = date(year, month, 1).isoformat()
        # The month after December 9999 is past the calendar: its end is any later text.
        end = date(*add_months(year, month, 1), 1).isoformat() if year < MAXYEAR else "A"
        profiles = self.store.cluster_profiles_starting(start, end)
        for profile in profiles:
            cluster = Cluster.from_dict(json.loads(profile))
            # ours is newer; a merged one is gone once this batch is written
            if (
                cluster.id not in self.clusterer.clusters
                and cluster.id not in self.clusterer.merged
            ):
                self.clusterer.load(cluster)

    def written(self) -> None:
        """The store has the batch `index` gave: keep the members of the clusters it wrote."""
        self.kept = {
            cid: [
                (ref if isinstance(ref, int) else _stored_id(ref), member) for ref, member in items
            ]
            for cid, items in self._found.items()
        }
        self._found = {}

    def _rebuild(
        self, touched: set[int], new: dict[int, list[Kept]], replaced: set[str]
    ) -> tuple[list[ClusterRow], list[int]]:
        """The rows of the touched clusters (from their stored and new members), and the
        ids of those left without any member."""
        found: dict[int, list[Kept]] = {cid: [] for cid in touched}
        # where each stored member is now, in the order they were stored: its cluster may
        # be merged, or the event moved
        for id_, cid, member in self._stored_members(touched, replaced):
            now = self.clusterer.place(member[0], member[3].value, cid)
            found.setdefault(now, []).append((id_, member))
        for cid, items in new.items():
            found[cid] += items
        rows, dropped = [], []
        for cid, items in sorted(found.items()):
            if not items:
                dropped.append(cid)
                self.clusterer.drop(cid)
                continue
            members = [member for _, member in items]
            rows.append(cluster_row(cid, members, self.clusterer.clusters.get(cid)))
        self._found = {cid: items for cid, items in found.items() if items}
        return rows, dropped

    def _stored_members(
        self, clusters: set[int], replaced: set[str]
    ) -> list[tuple[int, int, Member]]:
        """(event id, cluster, member) of the stored events of `clusters`, but those of the
        `replaced` articles, in the order the store gives them (by id within each query of
        `id_chunks` clusters): those the last batch wrote from memory, others read."""
        found = []
        for chunk in id_chunks(clusters):
            members = [
                (id_, cid, member)
                for cid in chunk
                for id_, member in self.kept.get(cid, ())
                if member[0] not in replaced
            ]
            unkept = [cid for cid in chunk if cid not in self.kept]
            for id_, cid, article, lead, inferred, data in self.store.cluster_members(unkept):
                if article not in replaced:
                    member = (article, bool(lead), bool(inferred), _event(json.loads(data)))
                    members.append((id_, cid, member))
            found += sorted(members, key=itemgetter(0))
        return found


def cluster_row(cid: int, items: list[Member], profile: Cluster | None) -> ClusterRow:
    """A cluster's row: compare's counts, its clustering profile and its timeline entries,
    one per day its members give (reports a day apart are one event, but the timeline shows
    both dates: it cannot know which one is right)."""
    days: dict[str, list[tuple[EventReport, Period, bool]]] = {}
    for _, _, inferred, event in items:
        period = parse_period(event.value)
        if period is None:
            continue  # floating ("some Tuesday"): counted, on no timeline entry of its own
        days.setdefault(day_key(period), []).append((event, period, inferred))
    entries = [_entry_row(members) for members in days.values()]
    leads = sorted({article for article, lead, _, _ in items if lead})
    placed = [(e.start, e.end) for e in entries if e.start and e.end]
    span_start = None
    if profile is not None and profile.matchable:
        span_start = profile.span()[0].isoformat()
    return ClusterRow(
        id=cid,
        start=min(start for start, _ in placed) if placed else None,
        end=max(end for _, end in placed) if placed else None,
        events=len(items),
        leads=len(leads),
        first_article=leads[0] if leads else None,
        span_start=span_start,
        profile=_to_json(profile.to_dict()) if profile else None,
        entries=entries,
    )


def _entry_row(members: list[tuple[EventReport, Period, bool]]) -> EntryRow:
    event, period, inferred = members[0]
    entry = TimelineEntry(event.value, period, inferred, [event for event, _, _ in members])
    row = entry.to_row()
    start = period.start.isoformat() if period.start else None
    return EntryRow(
        sort_key=entry.sort_key(),
        start=start,
        end=period.end.isoformat() if period.end else None,
        kind=entry.kind,
        entry=_to_json(row),
        actors=row["actors"],
        commodities=row["commodities"],
    )


def _stored_id(row: EventRow) -> int:
    assert row.id is not None, "an event row the store has not written"
    return row.id


def _event(data: dict[str, Any]) -> EventReport:
    fields = {key: value for key, value in data.items() if key != "keys"}
    return EventReport(**{**fields, "words": set(data["words"])})


def _ref(data: dict[str, Any]) -> EventRef | None:
    """The clustering reference of a stored event."""
    return make_ref(_event(data), set(data.get("keys", ())))


def recluster(
    store: Store, progress: Callable[[int], None] | None = None, batch_size: int = 256
) -> int:
    """Make every stored article's events and clusters afresh (after a rule change, or for a
    store ingested with clustering deferred), in publication order; the articles done.

    All in one transaction: a run that fails (a record that is not JSON, a full disk) or is
    interrupted, even killed, leaves the store as it was, its old clusters readable."""
    with store.writing():
        store.set_events_state(EventsState.PENDING, clear_events=True)
        ids = store.article_ids_by_date()
        indexer = EventIndexer(store)
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            found = store.records(chunk)
            arrivals = [Arrival.of(found[i]) for i in chunk if i in found]
            store.commit_events(indexer.index(arrivals))
            indexer.written()
            if progress:
                progress(len(chunk))
        store.set_events_state(EventsState.CURRENT)
    return len(ids)
