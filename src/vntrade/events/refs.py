"""The events of an extraction record as clustering references (`clustering.EventRef`), and
the rule that picks the event an article leads with."""

from __future__ import annotations

from typing import Any

from vntrade.events.clustering import EventRef
from vntrade.events.model import EventReport, article_events, article_year
from vntrade.events.text import fold
from vntrade.periods import with_year

KEY_ACTOR_TYPES = ("PERSON", "ORG")  # the actors clustering matches on: countries name every story


def record_refs(
    record: dict[str, Any], *, lead_only: bool = False, year: int | None = None
) -> list[EventRef]:
    """The references of a record's events (deadlines included); with `lead_only`, those
    of its lead sentence (see `lead_events`). Year-less values take the article's own year,
    else `year` (the corpus's)."""
    types = actor_types(record)
    events = article_events(record, year)
    if lead_only:
        year = article_year(record) or year
        return [ref for _, ref in lead_events(events, types, year) if ref is not None]
    refs = (event_ref(event, types) for event in events)
    return [ref for ref in refs if ref is not None]


def lead_events(
    events: list[EventReport], types: dict[str, str | None], year: int | None = None
) -> list[tuple[EventReport, EventRef | None]]:
    """The events of the article's first dated sentence that is not a deadline (what the
    article reports), with their references, earliest first; the first one with a reference
    places the article. `year` fills in year-less values."""
    reported = [e for e in events if e.kind != "deadline"]
    first = min((e.order for e in reported), default=None)
    placed = []
    for event in (e for e in reported if e.order == first):
        event.value = with_year(event.value, year)
        ref = event_ref(event, types)
        placed.append((ref.start if ref else None, event, ref))
    placed.sort(key=lambda item: (item[0] is None, item[0] or 0, item[1].value))
    return [(event, ref) for _, event, ref in placed]


def actor_types(record: dict[str, Any]) -> dict[str, str | None]:
    """Actor name → type (PERSON, ORG, GPE) in one record."""
    return {actor["name"]: actor.get("type") for actor in record.get("actors", [])}


def key_actors(event: EventReport, types: dict[str, str | None]) -> set[str]:
    """The event's people and organisations, folded: what clustering matches on."""
    return {fold(name) for name in event.actors if types.get(name) in KEY_ACTOR_TYPES}


def event_ref(event: EventReport, types: dict[str, str | None]) -> EventRef | None:
    """The reference of one event; `types` maps actor names to PERSON, ORG or GPE."""
    return make_ref(event, key_actors(event, types))


def make_ref(event: EventReport, keys: set[str]) -> EventRef | None:
    """The reference of one event whose key actors (folded) are `keys`."""
    words = set(event.words) | {fold(item) for item in event.commodities}
    return EventRef.make(event.article, event.value, event.kind, keys, words, event.sentence)
