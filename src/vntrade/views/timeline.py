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
CANDIDATES = 50  # entries of a day an event naming no key actor is compared with, the latest
REPORTS = 20  # reports of an entry whose words an event is compared with, the first
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


def build_timeline(records: list[dict[str, Any]]) -> list[Entry]:
    """Every event of `records`, one entry per happening, in date order."""
    year = corpus_year(records)
    types = NameIndex.of_actors(records).types
    days: dict[str, _Day] = {}  # only same-day reports can match; a day and time is its day
    for record in records:
        for event in article_events(record):
            inferred = event.value.startswith("XXXX") and year is not None
            event.value = with_year(event.value, year)
            period = parse_period(event.value)
            if period is None:
                continue
            day = days.setdefault(day_key(period), _Day())
            keys = {name for name in event.actors if types.get(name) in KEY_ACTOR_TYPES}
            entry = _best_entry(day.candidates(event, keys), event, keys)
            if entry is None:
                entry = Entry(event.value, period, inferred)
            entry.events.append(event)
            day.add(entry, event, keys)
    return sorted((e for day in days.values() for e in day.entries), key=Entry.sort_key)


def day_key(period: Period) -> str:
    """What reports must share to be compared: the day of a day or a day and time
    ("2025-03-04TNI" meets "2025-03-04"), else the value."""
    return period.start.isoformat() if period.precision == "day" and period.start else period.value


@dataclass(slots=True)
class _Day:
    """The entries of one day, indexed so that an event is scored against a bounded few:
    those of its article or sharing a key actor, and the latest that may match by words."""

    entries: list[Entry] = field(default_factory=list)
    keys: dict[int, set[str]] = field(default_factory=dict)  # id(entry) -> its key actors
    order: dict[int, int] = field(default_factory=dict)  # id(entry) -> its position
    named: dict[str, list[Entry]] = field(default_factory=dict)  # by key actor or article
    unnamed: list[Entry] = field(default_factory=list)  # entries that named no key actor

    def candidates(self, event: Event, keys: set[str]) -> list[tuple[Entry, set[str], bool]]:
        """The entries `event` may match, in the order they were made, with their key actors
        and whether its article reports them already."""
        found = {id(e): e for e in self.named.get(f"article:{event.article}", ())}
        own = set(found)
        for name in keys:
            found.update((id(e), e) for e in self.named.get(name, ()))
        found.update((id(e), e) for e in self.unnamed[-CANDIDATES:] if not self.keys[id(e)])
        if not keys:
            found.update((id(e), e) for e in self.entries[-CANDIDATES:])
        ordered = sorted(found, key=self.order.__getitem__)
        return [(found[i], self.keys[i], i in own) for i in ordered]

    def add(self, entry: Entry, event: Event, keys: set[str]) -> None:
        """Index `entry` after `event` joined it (or made it)."""
        if id(entry) not in self.keys:
            self.order[id(entry)] = len(self.entries)
            self.entries.append(entry)
            self.keys[id(entry)] = set()
            if not keys:
                self.unnamed.append(entry)
        known = self.keys[id(entry)]
        for name in (f"article:{event.article}", *(keys - known)):
            listed = self.named.setdefault(name, [])
            if not listed or listed[-1] is not entry:
                listed.append(entry)
        known |= keys


def _best_entry(
    candidates: list[tuple[Entry, set[str], bool]], event: Event, keys: set[str]
) -> Entry | None:
    """The entry that reports the same happening as `event`, if any: the closest match."""
    best, best_score = None, None
    for entry, entry_keys, own in candidates:
        if not compatible(entry.kind, event.kind):
            continue
        score = _match_score(entry, entry_keys, own, event, keys)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = entry, score
    return best


def _match_score(
    entry: Entry, entry_keys: set[str], own: bool, event: Event, keys: set[str]
) -> tuple | None:
    """How well `event` fits `entry` (None: not the same happening); `keys` and `entry_keys`
    are their key actors, `own` says the event's article reports the entry already. Words
    are compared with the entry's first `REPORTS` reports."""
    if event.kind == "deadline" and not _same_addressee(entry, event):
        return None
    similarity = max(jaccard(other.words, event.words) for other in entry.events[:REPORTS])
    if own:  # a second report in one article: a photo caption
        return (0, similarity) if similarity >= SAME_CONTENT else None
    shared = len(keys & entry_keys)
    # One shared name is not enough for a busy minister's day: the topic must agree too.
    if shared >= 2 or (shared and (event.kind == "deadline" or similarity >= SAME_TOPIC)):
        return (shared, similarity)
    if (not keys or not entry_keys) and similarity >= SAME_CONTENT:
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
