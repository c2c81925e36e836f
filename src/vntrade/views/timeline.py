"""Timeline entries: the reports of one event (an event cluster, see `views.clustering`)
that give one day or coarser value, and the row the timeline prints for them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vntrade.periods import Period
from vntrade.views.events import Event
from vntrade.views.kinds import kind_rank

KEY_ACTOR_TYPES = ("PERSON", "ORG")
PRECISION_ORDER = ("decade", "year", "half", "season", "quarter", "month", "week", "day")


@dataclass(slots=True)
class Entry:
    """One event of the timeline, with every report of it."""

    value: str
    period: Period
    date_inferred: bool
    events: list[Event] = field(default_factory=list)

    @property
    def kind(self) -> str:
        counts = Counter(event.kind for event in self.events)
        return min(counts, key=lambda kind: (-counts[kind], kind_rank(kind)))

    @property
    def articles(self) -> list[str]:
        return _unique(event.article for event in self.events)

    @property
    def actors(self) -> list[str]:
        return _unique(actor for event in self.events for actor in event.actors)

    @property
    def commodities(self) -> list[str]:
        return _unique(item for event in self.events for item in event.commodities)

    @property
    def summary(self) -> str:
        kind = self.kind
        reports = [event for event in self.events if event.kind == kind]
        return min(reports, key=lambda event: event.caption).summary

    def sort_key(self) -> tuple[Any, ...]:
        start = self.period.start
        rank = PRECISION_ORDER.index(self.period.precision)
        return (start is None, start or "", rank, self.value, kind_rank(self.kind))

    def to_row(self) -> dict[str, Any]:
        start = self.period.start
        return {
            "date": self.value,
            "precision": self.period.precision,
            "start": start.isoformat() if start else None,
            "date_inferred": self.date_inferred,
            "kind": self.kind,
            "summary": self.summary,
            "actors": self.actors,
            "commodities": self.commodities,
            "articles": self.articles,
            "evidence": _unique_dicts(
                {"article": event.article, "sentence": event.sentence} for event in self.events
            ),
        }


def day_key(period: Period) -> str:
    """What reports must share to be compared: the day of a day or a day and time
    ("2025-03-04TNI" meets "2025-03-04"), else the value."""
    return period.start.isoformat() if period.precision == "day" and period.start else period.value


def _unique(items: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def _unique_dicts(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, kept = set(), []
    for item in items:
        key = tuple(item.values())
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
