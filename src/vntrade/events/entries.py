"""Timeline entries: the reports of one event (an event cluster, see `events.clustering`)
that give one day or coarser value, and the row the timeline prints for them.

An entry that gives no day (a month, quarter, season, half, year or decade) is never placed on
a day: it sorts after the dated entries of its period ("2025" after 2025-12-31, "2025-05"
after May 31) and says what it gives ("2025 (year only)")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vntrade.events.kinds import kind_rank
from vntrade.events.model import EventReport
from vntrade.periods import Period, add_days

PRECISION_ORDER = ("decade", "year", "half", "season", "quarter", "month", "week", "day")
# Precisions that give no day: such an entry sorts after the days of its period, the finer
# first (May, then Q2, then the first half, then the year).
DAY_UNKNOWN = frozenset(PRECISION_ORDER[:6])


@dataclass(slots=True)
class TimelineEntry:
    """One event of the timeline, with every report of it (all given when it is made)."""

    value: str
    period: Period
    date_inferred: bool
    events: list[EventReport] = field(default_factory=list)
    _kind: str = field(default="", init=False, repr=False, compare=False)

    @property
    def kind(self) -> str:
        """The kind most reports give (the more specific on a tie), worked out once."""
        if not self._kind:
            counts = Counter(event.kind for event in self.events)
            self._kind = min(counts, key=lambda kind: (-counts[kind], kind_rank(kind)))
        return self._kind

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

    def sort_key(self) -> str:
        """The timeline's order, as the store keeps it: `start|rank|value|kind` for a day or
        a week, `last day|~rank|value|kind` for a period that gives no day (`~` sorts after
        the digits of the days' ranks), `~|...` for an entry with no place."""
        precision, start, end = self.period.precision, self.period.start, self.period.end
        rank = PRECISION_ORDER.index(precision)
        if start is None or end is None:
            place = f"~|{rank}"
        elif precision in DAY_UNKNOWN:
            place = f"{add_days(end, -1).isoformat()}|~{len(PRECISION_ORDER) - rank}"
        else:
            place = f"{start.isoformat()}|{rank}"
        return f"{place}|{self.value}|{kind_rank(self.kind):03d}"

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
            "evidence": [
                {"article": article, "sentence": sentence}
                for article, sentence in _unique((e.article, e.sentence) for e in self.events)
            ],
        }


def day_key(period: Period) -> str:
    """What reports must share to be compared: the day of a day or a day and time
    ("2025-03-04TNI" meets "2025-03-04"), else the value."""
    return period.start.isoformat() if period.precision == "day" and period.start else period.value


def _unique(items: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(items))
