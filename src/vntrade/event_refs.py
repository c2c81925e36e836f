"""The events of an extraction record as clustering references (`clustering.EventRef`)."""

from __future__ import annotations

from typing import Any

from vntrade.clustering import EventRef
from vntrade.views.events import Event, article_events
from vntrade.views.text import fold
from vntrade.views.timeline import KEY_ACTOR_TYPES  # countries name every story


def record_refs(record: dict[str, Any], *, lead_only: bool = False) -> list[EventRef]:
    """The references of a record's events (deadlines included); with `lead_only`, those
    of its first dated sentence that is not a deadline, which say what the article reports."""
    events = article_events(record)
    if lead_only:
        reported = [e for e in events if e.kind != "deadline"]
        first = min((e.order for e in reported), default=None)
        events = [e for e in reported if e.order == first]
    types = {actor["name"]: actor.get("type") for actor in record.get("actors", [])}
    refs = (event_ref(event, types) for event in events)
    return [ref for ref in refs if ref is not None]


def event_ref(event: Event, types: dict[str, str | None]) -> EventRef | None:
    """The reference of one event; `types` maps actor names to PERSON, ORG or GPE."""
    actors = {fold(name) for name in event.actors if types.get(name) in KEY_ACTOR_TYPES}
    words = set(event.words) | {fold(item) for item in event.commodities}
    return EventRef.make(event.article, event.value, event.kind, actors, words, event.sentence)
