"""What the events tables store of one extraction record that no other article changes: its
events as rows with their clustering references, its names and statements, and its votes for
the corpus year. Ingest's workers derive it next to the pipeline (`derive_in_workers`), so the
writing process only places references into clusters and writes rows.

Only a record that gives no year of its own depends on the store: its year-less values take
the corpus year, which the writer knows; `Derived.fits` tells when it must derive it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from vntrade.events.clustering import EventRef
from vntrade.events.model import EventReport, article_events, article_year
from vntrade.events.refs import actor_types, key_actors, lead_events, make_ref
from vntrade.events.undated import is_floating
from vntrade.folding import fold_key
from vntrade.periods import YearVotes, parse_period, with_year
from vntrade.store.rows import EventRow, NameRow
from vntrade.store.statements import StatementRow, statement_rows

# `json.dumps(obj, ensure_ascii=False)`, without making an encoder for every row
_to_json = json.JSONEncoder(ensure_ascii=False).encode

EVENT_FIELDS = tuple(f.name for f in fields(EventReport))


class DerivedEvent(NamedTuple):
    """One event: its row (no cluster yet), its clustering reference (None when it has no
    place on the calendar) and the report the timeline entries are made of."""

    row: EventRow
    ref: EventRef | None
    report: EventReport


@dataclass(slots=True)
class Derived:
    """What one record gives the events tables, its year-less values in `year`."""

    article: str
    year: int | None  # the year its year-less values took: its own, else the corpus's
    own_year: int | None  # the year the article itself gives
    events: list[DerivedEvent]
    names: list[NameRow]
    statements: list[StatementRow]
    votes: YearVotes | None = None  # its votes for the corpus year (from a worker)

    def fits(self, corpus_year: int | None) -> bool:
        """Whether it was derived with the year the store now gives its year-less values."""
        return self.year == (self.own_year or corpus_year)


def derive(record: dict[str, Any], corpus_year: int | None = None) -> Derived:
    """The record's rows, year-less values in its own year, else in `corpus_year`."""
    own = article_year(record)
    return Derived(
        article=record["id"],
        year=own or corpus_year,
        own_year=own,
        events=event_rows(record, own or corpus_year),
        names=name_rows(record),
        statements=statement_rows(record),
    )


def derive_in_workers(records: list[dict[str, Any]]) -> list[Derived | None]:
    """`derive` where the pipeline ran, for one chunk's records, each with its votes: the
    year-less values of a record without a year of its own take the year the chunk's votes
    give (the store's, as a rule; the writer checks). None for a record it fails on (the
    writer then derives it again, and fails as it always has)."""
    votes = []
    chunk = YearVotes()
    for record in records:
        votes.append(YearVotes())
        votes[-1].add(record)
        add_votes(chunk, votes[-1])
    found: list[Derived | None] = []
    for record, own in zip(records, votes, strict=True):
        try:
            derived = derive(record, chunk.year)
        except Exception:
            derived = None
        else:
            derived.votes = own
        found.append(derived)
    return found


def add_votes(total: YearVotes, votes: YearVotes) -> None:
    """Count one record's `votes` in `total`, as `total.add(record)` would."""
    total.anchors.update(votes.anchors)
    total.mentions.update(votes.mentions)


def event_rows(record: dict[str, Any], year: int | None) -> list[DerivedEvent]:
    """The record's events as rows, with their clustering references; `year` is the one
    year-less values take."""
    types = actor_types(record)
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
            data=_to_json(data),
            actors=sorted(keys),
        )
        rows.append(DerivedEvent(row, make_ref(event, keys), event))
    return rows


def name_rows(record: dict[str, Any]) -> list[NameRow]:
    """The record's actors and commodities, as the list views count them."""
    period = parse_period(record.get("published") or record.get("reference_date") or "")
    published = period.value if period and period.placed else None
    rows = []
    for actor in record.get("actors", []):
        texts = [m["text"] for m in actor.get("mentions", [])]
        rows.append(
            NameRow(record["id"], "actors", actor["name"], actor.get("type"), actor.get("role"),
                    _to_json(actor.get("aliases", [])),
                    _to_json(texts), len(texts), 0, published,
                    _folded(actor["name"], *actor.get("aliases", []), *texts))
        )  # fmt: skip
    for commodity in record.get("commodities", []):
        texts = [m["text"] for m in commodity.get("mentions", [])]
        rows.append(
            NameRow(record["id"], "commodities", commodity["name"], commodity.get("category"),
                    None, "[]", _to_json(texts), len(texts),
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


def _folded(*texts: str) -> list[str]:
    return sorted({fold_key(text) for text in set(texts) if text})  # mentions repeat a name


class Arrival(NamedTuple):
    """A record on its way into the store: what a worker derived of it (None: nothing), and
    how to get the record itself, parsed only when the writer must derive it again."""

    derived: Derived | None
    record: Callable[[], dict[str, Any]]

    @classmethod
    def of(cls, record: dict[str, Any]) -> Arrival:
        """A record the writer derives itself (`db import`, `db recluster`)."""
        return cls(None, lambda: record)
