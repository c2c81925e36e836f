"""What event clustering keeps: an event's reference (`EventRef`: its date, kind, key actors,
words and ordinals) and a cluster's profile (`Cluster`: counts over all its members).

A year-less value ("XXXX-07-02") is placed in the year `YEARLESS` so that equal months and
days meet; a floating value ("2025-WXX-2", some Tuesday: see `events.undated`) covers its
year, and stays a loose member of its cluster, to be placed again as day reports arrive.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from vntrade.events.undated import FLOATING
from vntrade.nlp.events.finder import WEAK_KINDS  # "said" tells little about what happened
from vntrade.periods import add_days, parse_period, with_year

LONGEST_PERIOD = 31  # days; an event dated more coarsely ("this year") is not matched
MAX_WORDS = 120  # words kept in a profile, the most frequent first
# The year that year-less values ("XXXX-07-02": a page with no date and no year) are placed
# in for clustering: a leap year no news is dated in, so equal months and days meet.
YEARLESS = 4
ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:\w+\s+){0,2}?(meeting|round|session|conference|dialogue|talks|visit)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EventRef:
    """What clustering needs of one reported event."""

    article: str
    value: str
    precision: str
    start: date
    end: date  # the day after the period
    kind: str
    actors: frozenset[str] = frozenset()  # key actors (people, organisations)
    words: frozenset[str] = frozenset()  # content words of the evidence, goods included
    ordinals: frozenset[str] = frozenset()  # "second round"
    weekday: int = 0  # of a floating value ("2025-WXX-2": some Tuesday): 1-7, 0 for any day
    # Read by every score: worked out once, from the fields above.
    day: date | None = field(init=False, repr=False, compare=False)  # a day-precision date
    # whether only the year is known, and perhaps the weekday (see `events.undated`)
    floating: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", self.start if self.precision == "day" else None)
        object.__setattr__(self, "floating", self.precision == "floating")

    @classmethod
    def make(
        cls,
        article: str,
        value: str,
        kind: str,
        actors: Iterable[str] = (),
        words: Iterable[str] = (),
        text: str = "",
    ) -> EventRef | None:
        """The reference of an event dated `value`, or None when the value has no place
        on the calendar. A day and time ("2025-03-04TNI") is its day; ordinals come from
        `text`."""
        ordinals = frozenset(f"{m[1].lower()} {m[2].lower()}" for m in ORDINAL.finditer(text))
        floating = FLOATING.match(value)
        if floating:  # some Tuesday, some day of the year: the whole year, a weekday
            year = YEARLESS if floating["year"] == "XXXX" else int(floating["year"])
            return cls(
                article, value, "floating", date(year, 1, 1), date(year + 1, 1, 1), kind,
                frozenset(actors), frozenset(words), ordinals, int(floating["weekday"] or 0),
            )  # fmt: skip
        period = parse_period(with_year(value, YEARLESS))
        if period is None or period.start is None or period.end is None:
            return None
        return cls(
            article, value, period.precision, period.start, period.end, kind,
            frozenset(actors), frozenset(words), ordinals,
        )  # fmt: skip

    @property
    def matchable(self) -> bool:
        return self.floating or (self.end - self.start).days <= LONGEST_PERIOD

    @property
    def key(self) -> tuple[str, str]:
        """(article, value): which stored event this is."""
        return self.article, self.value

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "value": self.value,
            "kind": self.kind,
            **{name: sorted(getattr(self, name)) for name in ("actors", "words", "ordinals")},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRef | None:
        ref = cls.make(data["article"], data["value"], data["kind"], data["actors"], data["words"])
        if ref is None:
            return None
        return dataclasses.replace(ref, ordinals=frozenset(data.get("ordinals", ())))


@dataclass(slots=True)
class Cluster:
    """The profile of one event cluster: counts over all its members."""

    id: int
    size: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    days: Counter[str] = field(default_factory=Counter)  # ISO day of day-precision members
    periods: Counter[str] = field(default_factory=Counter)  # "start/end" of coarser members
    actors: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    ordinals: Counter[str] = field(default_factory=Counter)
    floating: Counter[str] = field(default_factory=Counter)  # values of floating members
    # Members dated more coarsely than a day ("this week"), kept whole: the cluster that fits
    # them best may only come later, and they move there (see `Clusterer`).
    loose: dict[tuple[str, str], EventRef] = field(default_factory=dict)
    # What the properties below derive from the counts, kept until the next add or remove:
    # a cluster is scored against many more events than join it.
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    # When the cluster last changed (counted over all clusters): what a score of it may
    # reuse from an earlier one (see `Clusterer`) is only good from then on.
    changed: int = field(default_factory=lambda: next(CHANGES), repr=False, compare=False)

    @property
    def kind(self) -> str:
        if "kind" not in self._memo:
            kinds = self.kinds
            self._memo["kind"] = min(kinds, key=lambda k: (k in WEAK_KINDS, -kinds[k], k))
        return self._memo["kind"]

    @property
    def day(self) -> date | None:
        """The day most members give (the earliest on a tie); None for coarse dates only."""
        found = self._memo.get("day", _UNKNOWN)
        if found is _UNKNOWN:
            days = self.days
            found = self._memo["day"] = (
                date.fromisoformat(min(days, key=lambda d: (-days[d], d))) if days else None
            )
        return found

    def core(self, counts: Counter[str]) -> set[str]:
        """What more than half of the members have (all of it for a single member)."""
        key = id(counts)  # the other memos have names
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = {item for item, n in counts.items() if 2 * n > self.size}
        return found

    def remember(self, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        """`make()`, kept until the cluster changes (what scoring derives from its counts)."""
        found = self._memo.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._memo[key] = make()
        return found

    def _changing(self) -> None:
        self._memo = {}  # a new one: `take_out` may keep the old one
        self.changed = next(CHANGES)

    def add(self, event: EventRef) -> None:
        self._changing()
        self.size += 1
        self.kinds[event.kind] += 1
        if event.day:
            self.days[event.day.isoformat()] += 1
        else:
            if event.floating:
                self.floating[event.value] += 1
            else:
                self.periods[f"{event.start.isoformat()}/{event.end.isoformat()}"] += 1
            if event.article:
                self.loose[event.key] = event
        self.actors.update(event.actors)
        self.words.update(event.words)
        self.ordinals.update(event.ordinals)
        if len(self.words) > 2 * MAX_WORDS:
            kept = sorted(self.words.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
            self.words = Counter(dict(kept))

    def remove(self, event: EventRef) -> None:
        """Take back what `add(event)` counted (a re-ingested article's old event)."""
        self._changing()
        self.size = max(0, self.size - 1)
        self.loose.pop(event.key, None)
        counts = (self.kinds, self.actors, self.words, self.ordinals)
        items = ([event.kind], event.actors, event.words, event.ordinals)
        if event.day:
            counts += (self.days,)
            items += ([event.day.isoformat()],)
        elif event.floating:
            counts += (self.floating,)
            items += ([event.value],)
        else:
            counts += (self.periods,)
            items += ([f"{event.start.isoformat()}/{event.end.isoformat()}"],)
        for counter, keys in zip(counts, items, strict=True):
            held = [key for key in keys if key in counter]
            counter.subtract(held)
            for key in held:  # counts are positive: only these may have reached 0
                if counter[key] <= 0:
                    del counter[key]

    def take_out(self, event: EventRef) -> tuple[dict[Any, Any], int] | None:
        """`remove(event)`, and what `put_back` needs to make the cluster again what it was,
        with what was worked out of it and when it last changed; None when adding the event
        back would not make it the same (a word of it since dropped from the profile, another
        report of its article and value, a profile over `MAX_WORDS` words)."""
        same = (
            self.loose.get(event.key) is event
            and self.words.keys() >= event.words
            and len(self.words) <= 2 * MAX_WORDS
        )
        kept = self._memo, self.changed
        self.remove(event)
        return kept if same else None

    def put_back(self, event: EventRef, kept: tuple[dict[Any, Any], int] | None) -> None:
        """`add(event)` after `take_out(event)`: the cluster is what it was, and nothing a
        score of it made meanwhile knows of it (see `placings`)."""
        self.add(event)
        if kept is not None:
            self._memo, self.changed = kept

    def merge(self, other: Cluster) -> None:
        """Count `other`'s members as this cluster's own."""
        self._changing()
        self.size += other.size
        for name in _COUNTERS:
            getattr(self, name).update(getattr(other, name))
        self.loose.update(other.loose)

    def as_ref(self) -> EventRef:
        """The cluster as one event (what most members give), to score it against another."""
        return self.remember(("as ref", ""), self._as_ref)

    def _as_ref(self) -> EventRef:
        if self.floating_only:
            return min(self.loose.values(), key=lambda ref: (-self.floating[ref.value], ref.key))
        start, end = self.span()
        day = self.day
        return EventRef(
            article="",
            value=day.isoformat() if day else f"{start}/{end}",
            precision="day" if day else "period",
            start=start,
            end=end,
            kind=self.kind,
            actors=frozenset(self.core(self.actors)),
            words=frozenset(self.core(self.words)),
            ordinals=frozenset(self.core(self.ordinals)),
        )

    @property
    def matchable(self) -> bool:
        """Whether new events can join it (its span is at most `LONGEST_PERIOD` days, or
        only floating members give it one)."""
        if not self.size:
            return False
        if self.floating_only:
            return bool(self.loose)
        start, end = self.span()
        return (end - start).days <= LONGEST_PERIOD

    def span(self) -> tuple[date, date]:
        """The days the cluster's date covers: its day, or its coarse periods."""
        if "span" not in self._memo:
            self._memo["span"] = self._span()
        return self._memo["span"]

    @property
    def floating_only(self) -> bool:
        """Whether all its members are floating ("on Tuesday" in an undated article)."""
        return not self.days and not self.periods and bool(self.floating)

    def _span(self) -> tuple[date, date]:
        day = self.day
        if day:
            return day, add_days(day, 1)
        if self.floating_only:
            refs = list(self.loose.values())
            if refs:
                return min(r.start for r in refs), max(r.end for r in refs)
            year = min(int(v[:4]) if v[:4].isdigit() else YEARLESS for v in self.floating)
            return date(year, 1, 1), date(year + 1, 1, 1)
        bounds = [p.split("/") for p in self.periods]
        return (
            date.fromisoformat(min(b[0] for b in bounds)),
            date.fromisoformat(max(b[1] for b in bounds)),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a store (counters as dicts)."""
        return {
            "id": self.id,
            "size": self.size,
            **{name: dict(getattr(self, name)) for name in _COUNTERS},
            "loose": [ref.to_dict() for ref in self.loose.values()],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cluster:
        counters = {name: Counter(data.get(name, {})) for name in _COUNTERS}
        refs = (EventRef.from_dict(item) for item in data.get("loose", ()))
        loose = {ref.key: ref for ref in refs if ref is not None}
        return cls(id=data["id"], size=data["size"], **counters, loose=loose)


_UNKNOWN = object()  # not remembered yet
CHANGES = itertools.count()  # the clusters' changes, in order (see `Cluster.changed`)
_COUNTERS = ("kinds", "days", "periods", "actors", "words", "ordinals", "floating")
