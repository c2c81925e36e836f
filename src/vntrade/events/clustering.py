"""Incremental event clustering: each new report joins the one cluster it matches, or starts one.

A cluster keeps a profile (counts of the kinds, days, actors, words and ordinals of all its
members), and a new event is scored against that profile, not against any one member: its
actors must include the cluster's core actors (those of most members), its words are worth
the share of members that use them, and a day-precision event must fall on the cluster's
day. One odd member moves no core, so a weak link cannot chain two stories together.
Candidates come from a bounded window: clusters indexed by (key actor or kind, day), looked
up over the event's days ± `WINDOW_DAYS`. Cost per event is the window, memory is the clusters.

Two things keep the result close to independent of the order events arrive in: an actor
weighs by how few clusters of the window name it (idf), so one prominent actor shared on a
day says little; and once an event joins a cluster, the small clusters of its window that
now match the grown cluster are merged into it (a report that came first, alone, is not
left out of the story the later reports make).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from vntrade.events.kinds import KINDS, compatible
from vntrade.events.undated import FLOATING
from vntrade.periods import add_days, parse_period, with_year

WINDOW_DAYS = 3  # how far around its days an event looks for clusters
LONGEST_PERIOD = 31  # days; an event dated more coarsely ("this year") is not matched
JOIN = 0.55  # the score from which an event joins a cluster
NEAR_DAY = 0.4  # the date score of a report one day off the cluster's day
NEAR_DAY_JOIN = 0.8  # the score needed when the day is one off (time zones, late reports)
COARSE_JOIN = 0.7  # the score needed by a coarser date ("this week") or a coarse cluster
AMBIGUOUS = 0.1  # a coarse date matching two clusters within this margin joins neither
MIN_WORDS = 0.25  # the word score below which no event joins, whoever it names
PROMINENT_WORDS = 0.35  # ... when the actors it shares with the cluster are named all around
MAX_WORDS = 120  # words kept in a profile, the most frequent first
WEAK_KINDS = ("report", "briefing")  # "said" tells little about what happened
WEIGHTS = {"actors": 0.4, "words": 0.4, "date": 0.2}
OTHER_KIND = 0.1  # the score taken off an event whose kind the cluster's kinds do not allow
OTHER_KIND_WORDS = 0.4  # the word score such an event needs (same day, same people)
ONE_ACTOR_OTHER_KIND_WORDS = 0.55  # ... when the people it shares with the cluster are one
MERGE_SIZE = 3  # clusters this small are re-checked against a grown cluster of their window
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
    def day(self) -> date | None:
        return self.start if self.precision == "day" else None

    @property
    def matchable(self) -> bool:
        return self.floating or (self.end - self.start).days <= LONGEST_PERIOD

    @property
    def floating(self) -> bool:
        """Whether only the year is known, and perhaps the weekday (see `events.undated`)."""
        return self.precision == "floating"

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

    @property
    def kind(self) -> str:
        if "kind" not in self._memo:
            kinds = self.kinds
            self._memo["kind"] = min(kinds, key=lambda k: (k in WEAK_KINDS, -kinds[k], k))
        return self._memo["kind"]

    @property
    def day(self) -> date | None:
        """The day most members give (the earliest on a tie); None for coarse dates only."""
        if "day" not in self._memo:
            days = self.days
            self._memo["day"] = (
                date.fromisoformat(min(days, key=lambda d: (-days[d], d))) if days else None
            )
        return self._memo["day"]

    def core(self, counts: Counter[str]) -> set[str]:
        """What more than half of the members have (all of it for a single member)."""
        key = ("core", id(counts))
        if key not in self._memo:
            self._memo[key] = {item for item, n in counts.items() if 2 * n > self.size}
        return self._memo[key]

    def add(self, event: EventRef) -> None:
        self._memo.clear()
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
        self._memo.clear()
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
            counter.subtract(key for key in keys if key in counter)
            for key in [key for key, n in counter.items() if n <= 0]:
                del counter[key]

    def merge(self, other: Cluster) -> None:
        """Count `other`'s members as this cluster's own."""
        self._memo.clear()
        self.size += other.size
        for name in _COUNTERS:
            getattr(self, name).update(getattr(other, name))
        self.loose.update(other.loose)

    def as_ref(self) -> EventRef:
        """The cluster as one event (what most members give), to score it against another."""
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


_COUNTERS = ("kinds", "days", "periods", "actors", "words", "ordinals", "floating")


def score(event: EventRef, cluster: Cluster, weights: Mapping[str, float] | None = None) -> float:
    """How well `event` matches `cluster` (0 when it cannot belong to it); `weights` gives
    each actor's distinctiveness (1 / the clusters of the window naming it; 1 if absent)."""
    if not cluster.size:
        return 0.0  # emptied by re-ingested articles
    when = _date_score(event, cluster)
    if not when:
        return 0.0
    kinds_agree = _kinds_agree(event.kind, cluster)
    if not kinds_agree and (when < 1 or "deadline" in (event.kind, cluster.kind)):
        return 0.0
    core_ordinals = cluster.core(cluster.ordinals)
    if event.ordinals and core_ordinals and not event.ordinals & core_ordinals:
        return 0.0  # "the second round" is not "the third round"
    core_actors = cluster.core(cluster.actors)
    shared = event.actors & core_actors
    if event.actors and core_actors and not shared:
        return 0.0
    if _other_counterparts(event, cluster, shared, core_actors, weights):
        return 0.0
    actors = _actor_score(event.actors, core_actors, shared, weights)
    words = _word_score(event, cluster, weights)
    if _same_order(event, cluster, len(shared), when) or _same_happening(
        event, cluster, shared, actors, when
    ):
        words = max(words, MIN_WORDS)
    elif words < MIN_WORDS:
        return 0.0  # same people, same day, another subject: another event
    elif words < PROMINENT_WORDS and _only_prominent(shared, weights):
        return 0.0  # one much-reported official's day holds several events: say which
    total = WEIGHTS["actors"] * actors + WEIGHTS["words"] * words + WEIGHTS["date"] * when
    if not kinds_agree:
        # Reports name one happening differently ("talks" as a meeting, an announcement):
        # the same day, the same people and the same subject make it one event (a closer
        # subject when they share one person only).
        needed = OTHER_KIND_WORDS if len(shared) >= 2 else ONE_ACTOR_OTHER_KIND_WORDS
        if actors < 1 or words < needed:
            return 0.0
        total -= OTHER_KIND
    if when == NEAR_DAY and total < NEAR_DAY_JOIN:
        return 0.0  # a day off: only an otherwise very close report may join
    if when < 1 and total < COARSE_JOIN:
        return 0.0  # "this week" holds look-alikes too: it takes closer content
    return total


def _only_prominent(shared: frozenset[str], weights: Mapping[str, float] | None) -> bool:
    """Whether every shared actor is named by other clusters of the window too."""
    return bool(shared) and all(_weight(a, weights) < 0.5 for a in shared)


def _weight(actor: str, weights: Mapping[str, float] | None) -> float:
    return weights.get(actor, 1.0) if weights else 1.0


def _actor_score(
    actors: frozenset[str],
    core: set[str],
    shared: frozenset[str],
    weights: Mapping[str, float] | None,
) -> float:
    """The weight of the shared actors over that of the smaller side (1 when one side's
    actors are all the other's)."""
    if not shared:
        return 0.0
    if shared == actors or shared >= core:
        return 1.0
    mass = sum(_weight(a, weights) for a in shared)
    side = min(sum(_weight(a, weights) for a in actors), sum(_weight(a, weights) for a in core))
    return min(1.0, mass / side) if side else 0.0


def _other_counterparts(
    event: EventRef,
    cluster: Cluster,
    shared: frozenset[str],
    core: set[str],
    weights: Mapping[str, float] | None,
) -> bool:
    """Whether each side names someone the other does not while they share one actor, or
    only actors that weigh less than either side's own: Greer's call with one minister is
    not his call with another, whoever is named more often."""
    own = event.actors - cluster.actors.keys()
    theirs = core - event.actors
    if not own or not theirs:
        return False
    if len(shared) < 2:
        return True
    mass = sum(_weight(a, weights) for a in shared)
    return mass < min(
        sum(_weight(a, weights) for a in own), sum(_weight(a, weights) for a in theirs)
    )


def _same_order(event: EventRef, cluster: Cluster, shared: int, when: float) -> bool:
    """A deadline is who orders whom by when: the same issuer and addressee (two shared key
    actors) and the same day make the same deadline, however differently it is worded."""
    return event.kind == "deadline" and cluster.kind == "deadline" and shared >= 2 and when == 1


def _same_happening(
    event: EventRef, cluster: Cluster, shared: frozenset[str], actors: float, when: float
) -> bool:
    """A call (or meeting, round of talks...) of the same two or more people on the same day
    is one happening, however differently two reports word the rest ("phone call" and
    "spoke by telephone")."""
    return (
        when == 1
        and len(shared) >= 2
        and actors == 1
        and event.kind == cluster.kind
        and event.kind not in WEAK_KINDS
    )


def _kinds_may_meet(kind: str, other: str) -> bool:
    """Whether an event of `kind` may join a cluster with a member of kind `other`: every
    cluster `_kinds_agree` lets it join has one (its own kind is compatible, or weak)."""
    return kind in WEAK_KINDS or other in WEAK_KINDS or compatible(kind, other)


def _kinds_agree(kind: str, cluster: Cluster) -> bool:
    if kind in WEAK_KINDS:
        return True
    return all(k in WEAK_KINDS or compatible(kind, k) for k in cluster.core(cluster.kinds)) and (
        compatible(kind, cluster.kind) or cluster.kind in WEAK_KINDS
    )


def _date_score(event: EventRef, cluster: Cluster) -> float:
    """1 for the cluster's own day, `NEAR_DAY` for the next or previous one, 0.5 for a
    coarser value that holds it (or a day inside a cluster of coarse values), 0 otherwise."""
    day = cluster.day
    if event.floating or cluster.floating_only:
        return _floating_date_score(event, cluster)
    if event.day and day:
        distance = abs((event.day - day).days)
        return 1.0 if distance == 0 else NEAR_DAY if distance == 1 else 0.0
    start, end = cluster.span()
    if event.start <= start and end <= event.end:  # "this week" holding the cluster's days
        return 0.5
    if event.day and start <= event.day < end:  # a day inside a coarse-only cluster
        return 0.5
    return 0.0


def _floating_date_score(event: EventRef, cluster: Cluster) -> float:
    """0.5 for a floating value that a day cluster's day fits (its year, its weekday), or
    for a day a floating cluster's values fit; two floating values meet when equal."""
    day = cluster.day
    if event.floating and day is not None:
        return 0.5 if _fits(event, day) else 0.0
    if event.floating:
        return 0.5 if cluster.floating_only and event.value in cluster.floating else 0.0
    if event.day is not None and cluster.floating_only:
        return 0.5 if any(_fits(ref, event.day) for ref in cluster.loose.values()) else 0.0
    return 0.0


def _fits(ref: EventRef, day: date) -> bool:
    """Whether a floating value may be `day`."""
    return ref.start <= day < ref.end and (not ref.weekday or day.isoweekday() == ref.weekday)


def _word_score(
    event: EventRef, cluster: Cluster, weights: Mapping[str, float] | None = None
) -> float:
    """The share of members that use the event's words, and the share of the cluster's
    core words the event uses, averaged; each word weighs by how few of the competing
    clusters use it (`weights`, keys "w:word"), so "tariffs" tells apart less than "shrimp"."""
    if not event.words:
        return 0.0

    def weight(word: str) -> float:
        return weights.get(f"w:{word}", 1.0) if weights else 1.0

    mass = sum(weight(w) for w in event.words)
    used = sum(weight(w) * min(1.0, cluster.words[w] / cluster.size) for w in event.words) / mass
    core = cluster.core(cluster.words)
    covered = (
        sum(weight(w) for w in event.words & core) / sum(weight(w) for w in core) if core else 0.0
    )
    return (used + covered) / 2


class Clusterer:
    """Assigns events, one at a time, to clusters found in a bounded window."""

    def __init__(self, clusters: Iterable[Cluster] = (), next_id: int = 1) -> None:
        self.clusters: dict[int, Cluster] = {}
        self._index: dict[tuple[str, int], list[int]] = {}
        self.touched: set[int] = set()  # clusters changed since the last `take_touched`
        self.merged: dict[int, int] = {}  # a cluster merged into another → that other
        # Coarse members moved to a cluster that fits them better: (article, value) → cluster.
        self.moved: dict[tuple[str, str], int] = {}
        self.comparisons = 0  # events scored against clusters, for the benchmark
        self._next = next_id  # a store's clusters may be loaded only in part
        for cluster in clusters:
            self.load(cluster)

    def load(self, cluster: Cluster) -> None:
        """Add a cluster from a store (e.g. those in `window(event)` of new events)."""
        self.clusters[cluster.id] = cluster
        self._next = max(self._next, cluster.id + 1)
        self._reindex(cluster, _keys_of_cluster(cluster))

    def new_id(self) -> int:
        """A fresh cluster id, for an event that has no place on the calendar (alone)."""
        self._next += 1
        return self._next - 1

    def resolve(self, cluster_id: int) -> int:
        """The cluster `cluster_id` is now part of (itself unless it was merged)."""
        while cluster_id in self.merged:
            cluster_id = self.merged[cluster_id]
        return cluster_id

    def remove(self, event: EventRef, cluster_id: int) -> None:
        """Take `event` out of cluster `cluster_id` (which must be loaded)."""
        cluster = self.clusters[cluster_id]
        cluster.remove(event)
        self.touched.add(cluster_id)

    def add(self, event: EventRef) -> int:
        """Put `event` in the best matching cluster, or a new one; return the cluster's id
        (which `resolve` follows if a later merge moves the cluster)."""
        candidates: set[int] = set()
        weights: dict[str, float] = {}
        best = None
        if event.matchable:
            candidates = self._candidates(event)
            weights = self._weights(event, candidates)
            best = self._best(event, candidates, weights)
        if best is None:
            cluster = Cluster(self._next)
            self._next += 1
            self.clusters[cluster.id] = cluster
        else:
            cluster = self.clusters[best]
        cluster.add(event)
        self.touched.add(cluster.id)
        if event.matchable:
            self._reindex(cluster, _keys_of_event(event, cluster))
            others = candidates - {cluster.id}
            if best is not None:
                self._absorb(cluster, others)
            if event.day is not None:
                self._replace_loose(others, event)
        return cluster.id

    def place(self, article: str, value: str, cluster_id: int) -> int:
        """Where the event (`article`, `value`) first put in `cluster_id` is now."""
        return self.resolve(self.moved.get((article, value), cluster_id))

    def _best(
        self, event: EventRef, candidates: set[int], weights: Mapping[str, float]
    ) -> int | None:
        """The cluster `event` joins: the best score from `JOIN`, the lowest id on a tie; none
        when a coarse date ("this week") fits two clusters about as well (look-alikes)."""
        self.comparisons += len(candidates)
        found = sorted(
            ((score(event, self.clusters[cid], weights), cid) for cid in candidates),
            key=lambda pair: (-pair[0], pair[1]),
        )
        found = [pair for pair in found if pair[0] >= JOIN]
        if not found:
            return None
        if event.day is None and len(found) > 1 and found[0][0] - found[1][0] < AMBIGUOUS:
            return None
        return found[0][1]

    def _absorb(self, grown: Cluster, others: set[int]) -> None:
        """Merge into `grown` the small clusters of the window that would join it now, were
        they new: a report that came before the others, and alone matched none of them,
        joins the story they make."""
        for cid in sorted(others):
            other = self.clusters.get(cid)
            if other is None or not other.size or other.size > MERGE_SIZE or not other.matchable:
                continue
            if other.size > grown.size:
                continue  # the larger one absorbs, when its own turn comes
            ref = other.as_ref()
            candidates = self._candidates(ref) - {cid}
            if grown.id not in candidates:
                continue
            if self._best(ref, candidates, self._weights(ref, candidates)) != grown.id:
                continue
            keys = _keys_of_cluster(other)
            grown.merge(other)
            del self.clusters[cid]
            self.merged[cid] = grown.id
            self.touched.add(cid)
            self._reindex(grown, keys)

    def _replace_loose(self, others: set[int], event: EventRef) -> None:
        """Place again the coarse members ("this week", "on Tuesday" of an undated report) of
        the window's other clusters that `event`'s day fits and that share an actor with it:
        the day cluster that came after them may fit them better, or make them ambiguous."""
        day = event.day
        assert day is not None
        for cid in sorted(others):
            cluster = self.clusters.get(cid)
            if cluster is None or not cluster.loose:
                continue
            for ref in sorted(cluster.loose.values(), key=lambda r: r.key):
                if cluster.size < 2:
                    break  # alone, it is where it would start anyway
                if not _fits(ref, day) or not (ref.actors & event.actors or not ref.actors):
                    continue
                cluster.remove(ref)
                candidates = self._candidates(ref)
                best = self._best(ref, candidates, self._weights(ref, candidates))
                if best == cid:
                    cluster.add(ref)
                    continue
                target = self.clusters[best] if best is not None else Cluster(self._next)
                if best is None:
                    self._next += 1
                    self.clusters[target.id] = target
                target.add(ref)
                self.moved[ref.key] = target.id
                self.touched |= {cid, target.id}
                self._reindex(target, _keys_of_event(ref, target))

    def _weights(self, event: EventRef, candidates: set[int]) -> dict[str, float]:
        """Each actor of the event and of the candidates' cores: 1 / how many of the
        window's clusters (and the event) name it, as idf weighs a word (a floating event's
        window is a year: it weighs every actor alike)."""
        if event.floating:
            return {}
        actors = set(event.actors)
        for cid in candidates:
            cluster = self.clusters.get(cid)
            if cluster is not None:
                actors |= cluster.core(cluster.actors)
        first, last = window(event)
        days = range(first.toordinal(), last.toordinal())
        weights = {}
        clusters = [self.clusters[cid] for cid in candidates if cid in self.clusters]
        if len(clusters) > 1:  # words the competing clusters share tell them apart less
            words = set(event.words).union(*(c.core(c.words) for c in clusters))
            for word in words:
                used = sum(1 for c in clusters if word in c.words)
                weights[f"w:{word}"] = 1.0 / max(1, used)
        for actor in actors:
            named = {
                cid
                for day in days
                for cid in self._index.get((f"a:{actor}", day), ())
                if cid in self.clusters
            }
            weights[actor] = 1.0 / max(1, len(named) + (actor in event.actors))
        return weights

    def take_touched(self) -> list[Cluster]:
        """The clusters changed since the last call that still exist (what a store must
        write back); merged ones are in `merged`."""
        changed = [self.clusters[cid] for cid in sorted(self.touched) if cid in self.clusters]
        self.touched.clear()
        return changed

    def _candidates(self, event: EventRef) -> set[int]:
        first, last = window(event)
        # An event naming no key actor looks among the clusters of the kinds it may share.
        labels = [f"a:{actor}" for actor in event.actors] or [
            f"k:{k}" for k in KINDS if _kinds_may_meet(event.kind, k)
        ]
        found: set[int] = set()
        days = range(first.toordinal(), last.toordinal())
        if event.weekday:  # date.toordinal() is 1 on a Monday: keep the event's weekday
            days = range(first.toordinal() + (event.weekday - first.isoweekday()) % 7,
                         last.toordinal(), 7)  # fmt: skip
        for day in days:
            for label in labels:
                found.update(self._index.get((label, day), ()))
        for key in _floating_keys(event):  # clusters of floating reports it may fit
            for label in labels:
                found.update(self._index.get((label, key), ()))
        return {cid for cid in found if cid in self.clusters}

    def _reindex(self, cluster: Cluster, keys: Iterable[tuple[str, int]]) -> None:
        for key in keys:
            ids = self._index.setdefault(key, [])
            if cluster.id not in ids:
                ids.append(cluster.id)


def window(event: EventRef) -> tuple[date, date]:
    """The days (first, day after last) whose clusters are candidates for `event`."""
    return add_days(event.start, -WINDOW_DAYS), add_days(event.end, WINDOW_DAYS)


def cluster_all(events: Iterable[EventRef]) -> dict[str, int]:
    """Cluster a whole store afresh (after a rule change), in date order: article → cluster.

    An article with several events maps to the cluster of its first one here; use a
    `Clusterer` directly to keep every event's cluster."""
    clusterer = Clusterer()
    assigned: dict[str, int] = {}
    for event in sorted(events, key=lambda e: (e.start, e.end, e.article, e.value)):
        assigned.setdefault(event.article, clusterer.add(event))
    return {article: clusterer.resolve(cid) for article, cid in assigned.items()}


# Index keys of floating clusters take the place of days: -1 to -7 a weekday, -8 any day.
ANY_DAY = -8


def _floating_keys(event: EventRef) -> list[int]:
    """The keys a floating cluster `event` may fit is indexed under."""
    if event.floating:
        return [-event.weekday if event.weekday else ANY_DAY]
    if event.day is not None:
        return [-event.day.isoweekday(), ANY_DAY]
    return []


def _keys_of_event(event: EventRef, cluster: Cluster) -> list[tuple[str, int]]:
    labels = [f"a:{a}" for a in event.actors] + [f"k:{event.kind}"]
    if event.floating:
        return [(label, -event.weekday if event.weekday else ANY_DAY) for label in labels]
    days = range(event.start.toordinal(), event.end.toordinal())
    return [(label, day) for label in labels for day in days]


def _keys_of_cluster(cluster: Cluster) -> list[tuple[str, int]]:
    if cluster.floating_only:
        return [key for ref in cluster.loose.values() for key in _keys_of_event(ref, cluster)]
    start, end = cluster.span() if cluster.size else (date.min, date.min)
    labels = [f"a:{a}" for a in cluster.actors] + [f"k:{k}" for k in cluster.kinds]
    days = range(start.toordinal(), min(end, add_days(start, LONGEST_PERIOD)).toordinal())
    return [(label, day) for label in labels for day in days]
