"""The corpus timeline: events of every article, merged when several articles report one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vntrade.periods import Period, corpus_year, parse_period, with_year
from vntrade.views.events import Event, article_events
from vntrade.views.kinds import compatible, kind_rank
from vntrade.views.names import NameIndex
from vntrade.views.text import fold, jaccard

KEY_ACTOR_TYPES = ("PERSON", "ORG")
# Jaccard of sentence topic words (content words but names and dates) above which two
# reports with no shared name match, and with a single shared name.
SAME_CONTENT = 0.2
SAME_TOPIC = 0.1
_PRECISION_ORDER = ("decade", "year", "half", "season", "quarter", "month", "week", "day")


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
        rank = _PRECISION_ORDER.index(self.period.precision)
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


def build_timeline(records: list[dict[str, Any]]) -> list[Entry]:
    """Every event of `records`, one entry per happening, in date order."""
    year = corpus_year(records)
    types = NameIndex.of_actors(records).types
    entries: dict[str, list[Entry]] = {}  # by date value: only same-day reports can match
    for record in records:
        for event in article_events(record):
            inferred = event.value.startswith("XXXX") and year is not None
            event.value = with_year(event.value, year)
            period = parse_period(event.value)
            if period is None:
                continue
            same_day = entries.setdefault(event.value, [])
            entry = _best_entry(same_day, event, types)
            if entry is None:
                entry = Entry(event.value, period, inferred)
                same_day.append(entry)
            entry.events.append(event)
    return sorted((e for day in entries.values() for e in day), key=Entry.sort_key)


def _best_entry(entries: list[Entry], event: Event, types: dict[str, str | None]) -> Entry | None:
    """The entry that reports the same happening as `event`, if any: the closest match."""
    best, best_score = None, None
    for entry in entries:
        if not compatible(entry.kind, event.kind):
            continue
        score = _match_score(entry, event, types)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = entry, score
    return best


def _match_score(entry: Entry, event: Event, types: dict[str, str | None]) -> tuple | None:
    """How well `event` fits `entry` (None: not the same happening)."""
    if event.kind == "deadline" and not _same_addressee(entry, event):
        return None
    similarity = max(jaccard(other.words, event.words) for other in entry.events)
    if event.article in entry.articles:  # a second report in one article: a photo caption
        return (0, similarity) if similarity >= SAME_CONTENT else None
    key = {name for name in event.actors if types.get(name) in KEY_ACTOR_TYPES}
    entry_key = {name for name in entry.actors if types.get(name) in KEY_ACTOR_TYPES}
    shared = len(key & entry_key)
    # One shared name is not enough for a busy minister's day: the topic must agree too.
    if shared >= 2 or (shared and (event.kind == "deadline" or similarity >= SAME_TOPIC)):
        return (shared, similarity)
    if (not key or not entry_key) and similarity >= SAME_CONTENT:
        return (0, similarity)
    return None


def _same_addressee(entry: Entry, event: Event) -> bool:
    """Deadlines for different addressees are different deadlines, even on one day."""
    if not event.addressee:
        return True
    mine = fold(event.addressee)
    for other in entry.events:
        theirs = fold(other.addressee or "")
        if theirs and mine not in theirs and theirs not in mine:
            return False
    return True


def filter_entries(
    entries: Iterable[Entry],
    *,
    since: Period | None = None,
    until: Period | None = None,
    actors: set[str] | None = None,
    commodities: set[str] | None = None,
    kinds: set[str] | None = None,
) -> list[Entry]:
    """Entries that overlap [since, until] and involve the actors, commodities and kinds given."""
    kept = []
    for entry in entries:
        period = entry.period
        if (since or until) and not period.placed:
            continue
        if since and period.end <= since.start:
            continue
        if until and period.start >= until.end:
            continue
        if actors is not None and not actors & set(entry.actors):
            continue
        if commodities is not None and not commodities & set(entry.commodities):
            continue
        if kinds and entry.kind not in kinds:
            continue
        kept.append(entry)
    return kept


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
