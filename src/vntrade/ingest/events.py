"""Events at ingest: each stored article's events, clustered as the article arrives.

For every batch of records, `EventIndexer.index` gives what the batch's transaction writes to
the events tables: the records' events (with the year of the corpus where an article gives
none), each joined to the cluster it matches or a new one, the clusters it touched rebuilt
(their clustering profile and their timeline entry), and the articles' actors and goods.
Only clusters near the new events' dates are read from the store, once per run.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import MAXYEAR, date
from typing import Any

from vntrade.events.clustering import LONGEST_PERIOD, WINDOW_DAYS, Cluster, Clusterer, EventRef
from vntrade.events.entries import TimelineEntry, day_key
from vntrade.events.model import EventReport, article_events
from vntrade.events.refs import actor_types, article_year, key_actors, lead_events, make_ref
from vntrade.events.undated import is_floating
from vntrade.folding import fold_key
from vntrade.periods import Period, YearVotes, add_days, add_months, parse_period, with_year
from vntrade.store import EventsState, Store
from vntrade.store.rows import ClusterRow, EntryRow, EventRow, EventWrite, NameRow
from vntrade.store.statements import statement_rows

EVENT_FIELDS = tuple(f.name for f in fields(EventReport))
Member = tuple[str, bool, bool, dict[str, Any]]  # (article, lead, inferred, event data)


class EventIndexer:
    """Derives and clusters the events of the records an ingest run stores."""

    def __init__(self, store: Store, *, cluster: bool = True) -> None:
        self.store = store
        self.cluster = cluster
        self.clusterer = Clusterer(next_id=store.next_cluster_id())
        self.votes = YearVotes.from_json(store.meta("year_votes"))
        self.loaded: set[tuple[int, int]] = set()  # months whose clusters are in memory

    def index(self, records: list[dict[str, Any]]) -> EventWrite:
        """What storing `records` (new or updated articles) changes in the events tables."""
        ids = [record["id"] for record in records]
        write = EventWrite(articles=ids)
        for record in records:
            self.votes.add(record)
        year = self.votes.year
        touched: set[int] = self._forget(ids)
        placed: list[tuple[EventRow, dict[str, Any]]] = []
        for record in records:
            for row, ref, data in self._rows(record, year):
                if self.cluster:
                    row.cluster = self._place(ref)
                    placed.append((row, data))
                write.events.append(row)
            write.names += name_rows(record)
            write.statements += statement_rows(record)
        clusterer = self.clusterer
        # Events placed early in the batch may since have moved, with their cluster or alone.
        new: dict[int, list[Member]] = {}
        for row, data in placed:
            row.cluster = clusterer.place(row.article, row.value, row.cluster)
            new.setdefault(row.cluster, []).append((row.article, row.lead, row.inferred, data))
        touched |= set(new) | clusterer.touched
        clusterer.take_touched()
        write.merged = [(cid, clusterer.resolve(cid)) for cid in clusterer.merged]
        write.moved = [
            (a, v, clusterer.place(a, v, cid)) for (a, v), cid in clusterer.moved.items()
        ]
        if touched:
            write.clusters, write.dropped = self._rebuild(touched, new, set(ids))
        clusterer.merged.clear()
        clusterer.moved.clear()
        write.year_votes = self.votes.to_json()
        return write

    def _rows(
        self, record: dict[str, Any], year: int | None
    ) -> list[tuple[EventRow, EventRef | None, dict[str, Any]]]:
        """The record's events as rows, with their clustering references and the data the
        rows hold as JSON."""
        types = actor_types(record)
        year = article_year(record) or year  # the article's own first, then the store's
        events = article_events(record, year)
        inferred = {id(e) for e in events if e.value.startswith("XXXX") and year is not None}
        lead = next((e for e, ref in lead_events(events, types, year) if ref), None)
        rows = []
        for event in events:
            event.value = with_year(event.value, year)
            period = parse_period(event.value)
            if period is None and not is_floating(event.value):
                continue  # the timeline cannot show it either
            keys = key_actors(event, types)
            data = {name: getattr(event, name) for name in EVENT_FIELDS}
            data |= {"words": sorted(event.words), "keys": sorted(keys)}
            row = EventRow(
                article=event.article,
                value=event.value,
                start=period.start.isoformat() if period and period.start else None,
                end=period.end.isoformat() if period and period.end else None,
                kind=event.kind,
                lead=event is lead,
                inferred=id(event) in inferred,
                cluster=None,
                data=json.dumps(data, ensure_ascii=False),
                actors=sorted(keys),
            )
            rows.append((row, make_ref(event, keys), data))
        return rows

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

    def _rebuild(
        self, touched: set[int], new: dict[int, list[Member]], replaced: set[str]
    ) -> tuple[list[ClusterRow], list[int]]:
        """The rows of the touched clusters (from their stored and new members), and the
        ids of those left without any member."""
        found: dict[int, list[Member]] = {cid: [] for cid in touched}
        stored = self.store.cluster_members(touched)
        for cid, article, lead, inferred, data in stored:
            if article not in replaced:
                event = json.loads(data)
                # where the event is now: its cluster may be merged, or the event moved
                now = self.clusterer.place(article, event["value"], cid)
                found.setdefault(now, []).append((article, bool(lead), bool(inferred), event))
        for cid, items in new.items():
            found[cid] += items
        rows, dropped = [], []
        for cid, items in sorted(found.items()):
            if not items:
                dropped.append(cid)
                self.clusterer.clusters.pop(cid, None)
                continue
            rows.append(cluster_row(cid, items, self.clusterer.clusters.get(cid)))
        return rows, dropped


def cluster_row(cid: int, items: list[Member], profile: Cluster | None) -> ClusterRow:
    """A cluster's row: compare's counts, its clustering profile and its timeline entries,
    one per day its members give (reports a day apart are one event, but the timeline shows
    both dates: it cannot know which one is right)."""
    days: dict[str, list[tuple[EventReport, Period, bool]]] = {}
    for _, _, inferred, data in items:
        event = _event(data)
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
        profile=json.dumps(profile.to_dict(), ensure_ascii=False) if profile else None,
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
        entry=json.dumps(row, ensure_ascii=False),
        actors=row["actors"],
        commodities=row["commodities"],
    )


def _event(data: dict[str, Any]) -> EventReport:
    fields = {key: value for key, value in data.items() if key != "keys"}
    return EventReport(**{**fields, "words": set(data["words"])})


def _ref(data: dict[str, Any]) -> EventRef | None:
    """The clustering reference of a stored event."""
    return make_ref(_event(data), set(data.get("keys", ())))


def name_rows(record: dict[str, Any]) -> list[NameRow]:
    """The record's actors and commodities, as the list views count them."""
    period = parse_period(record.get("published") or record.get("reference_date") or "")
    published = period.value if period and period.placed else None
    rows = []
    for actor in record.get("actors", []):
        texts = [m["text"] for m in actor.get("mentions", [])]
        rows.append(
            NameRow(record["id"], "actors", actor["name"], actor.get("type"), actor.get("role"),
                    json.dumps(actor.get("aliases", []), ensure_ascii=False),
                    json.dumps(texts, ensure_ascii=False), len(texts), 0, published,
                    _folded(actor["name"], *actor.get("aliases", []), *texts))
        )  # fmt: skip
    for commodity in record.get("commodities", []):
        texts = [m["text"] for m in commodity.get("mentions", [])]
        rows.append(
            NameRow(record["id"], "commodities", commodity["name"], commodity.get("category"),
                    None, "[]", json.dumps(texts, ensure_ascii=False), len(texts),
                    commodity_directives(record, commodity), published,
                    _folded(commodity["name"], *texts))
        )  # fmt: skip
    return rows


def commodity_directives(record: dict[str, Any], commodity: dict[str, Any]) -> int:
    """How many of the record's directive sentences name the commodity (sentences, not
    orders: directives are located by their sentence)."""
    spans = [(m["start"], m["end"]) for m in commodity.get("mentions", [])]
    return len(
        {
            (d["start"], d["end"])
            for d in record.get("directives", [])
            if any(d["start"] <= s and e <= d["end"] for s, e in spans)
        }
    )


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
            store.commit_events(indexer.index([found[i] for i in chunk if i in found]))
            if progress:
                progress(len(chunk))
        store.set_events_state(EventsState.CURRENT)
    return len(ids)


def _folded(*texts: str) -> list[str]:
    return sorted({fold_key(text) for text in texts if text})
