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

from collections.abc import Iterable
from datetime import date
from itertools import repeat

from vntrade.events.kinds import KINDS
from vntrade.events.placings import Placing, Placings
from vntrade.events.profile import CHANGES, LONGEST_PERIOD, Cluster, EventRef
from vntrade.events.scoring import (
    Weights,
    fits,
    kinds_may_meet,
    may_join,
    may_match,
    may_reach,
    placing_score,
    score,
)
from vntrade.events.weights import WindowWeights
from vntrade.periods import add_days

__all__ = ["LONGEST_PERIOD", "WINDOW_DAYS", "Cluster", "Clusterer", "EventRef", "cluster_all",
           "score", "window"]  # fmt: skip

WINDOW_DAYS = 3  # how far around its days an event looks for clusters
JOIN = 0.55  # the score from which an event joins a cluster
AMBIGUOUS = 0.1  # a coarse date matching two clusters within this margin joins neither
MERGE_SIZE = 3  # clusters this small are re-checked against a grown cluster of their window


class Clusterer:
    """Assigns events, one at a time, to clusters found in a bounded window."""

    def __init__(self, clusters: Iterable[Cluster] = (), next_id: int = 1) -> None:
        self.clusters: dict[int, Cluster] = {}
        # label ("a:actor", "k:kind") → day (an ordinal, or a floating key) → cluster ids
        self._index: dict[str, dict[int, list[int]]] = {}
        # label → year → the ids of `_index` on that year's days: the window of a floating
        # event of any weekday is a year
        self._years: dict[str, dict[int, set[int]]] = {}
        self.touched: set[int] = set()  # clusters changed since the last `take_touched`
        self._gone: set[int] = set()  # clusters merged or dropped: the index still names them
        self.merged: dict[int, int] = {}  # a cluster merged into another → that other
        # Coarse members moved to a cluster that fits them better: (article, value) → cluster.
        self.moved: dict[tuple[str, str], int] = {}
        self.comparisons = 0  # events scored against clusters, for the benchmark
        self._placings = Placings()  # what placing a loose member again may reuse
        self._next = next_id  # a store's clusters may be loaded only in part
        for cluster in clusters:
            self.load(cluster)

    def load(self, cluster: Cluster) -> None:
        """Add a cluster from a store (e.g. those in `window(event)` of new events)."""
        self.clusters[cluster.id] = cluster
        self._placings.changed(cluster)
        self._gone.discard(cluster.id)
        self._next = max(self._next, cluster.id + 1)
        self._reindex(cluster, _keys_of_cluster(cluster))

    def drop(self, cluster_id: int) -> None:
        """Forget a cluster left without members (if it is here)."""
        if self.clusters.pop(cluster_id, None) is not None:
            self._gone.add(cluster_id)

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
        self._placings.changed(cluster)
        self.touched.add(cluster_id)

    def add(self, event: EventRef) -> int:
        """Put `event` in the best matching cluster, or a new one; return the cluster's id
        (which `resolve` follows if a later merge moves the cluster)."""
        candidates: set[int] = set()
        weights: dict[str, float] = {}
        best = None
        if event.matchable and may_join(event):
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
        self._placings.changed(cluster)
        self.touched.add(cluster.id)
        if event.matchable:
            self._reindex(cluster, _keys_of_event(event, cluster))
            others = candidates - {cluster.id}
            if best is not None:
                self._absorb(cluster, others)
            if event.day is not None:
                self._replace_loose(others, event, cluster)
        return cluster.id

    def place(self, article: str, value: str, cluster_id: int) -> int:
        """Where the event (`article`, `value`) first put in `cluster_id` is now."""
        return self.resolve(self.moved.get((article, value), cluster_id))

    def _best(
        self, event: EventRef, candidates: set[int], weights: Weights, *, again: bool = False
    ) -> int | None:
        """The cluster `event` joins: the best score from `JOIN`, the lowest id on a tie; none
        when a coarse date ("this week") fits two clusters about as well (look-alikes).
        `again`: a loose member placed again (see `placings`)."""
        if not may_join(event):
            return None
        self.comparisons += len(candidates)
        found = sorted(self._scores(event, candidates, weights, again), key=lambda p: (-p[0], p[1]))
        if not found:
            return None
        if event.day is None and len(found) > 1 and found[0][0] - found[1][0] < AMBIGUOUS:
            return None
        return found[0][1]

    def _scores(
        self, event: EventRef, candidates: set[int], weights: Weights, again: bool
    ) -> list[tuple[float, int]]:
        """The scores from `JOIN` of `event` against `candidates`, with their ids."""
        # A loose member's placing is kept for its next: a floating one's (a weightless
        # window) also when it stands for its cluster (`_absorb`).
        kept = again or event.floating
        last = self._placings.take(event) if kept else Placing()
        now = Placing(next(CHANGES))
        weightless = not isinstance(weights, WindowWeights)
        below, found, left = (
            self._placings.reuse(last, candidates, self.clusters)
            if kept
            else (set(), [], candidates)
        )
        now.scores = {cid: value for value, cid in found}
        for cid in left:
            value = placing_score(event, self.clusters[cid], weights, JOIN)
            if value is None:  # under JOIN whatever the weights
                below.add(cid)
            elif value >= JOIN:
                found.append((value, cid))
                if weightless:
                    now.scores[cid] = value
            elif weightless:
                below.add(cid)
        if kept:
            now.below = frozenset(below)
            self._placings.keep(event, now)
        return found

    def _absorb(self, grown: Cluster, others: set[int]) -> None:
        """Merge the small clusters of the window with `grown` where the smaller of the two
        would join the other now, were it new: a report that came before the others, and
        alone matched none of them, joins the story they make; and a story split in two
        because its first reports came apart is one again."""
        for cid in sorted(others):
            other = self.clusters.get(cid)
            if other is None or not other.size or not other.matchable:
                continue
            small, large = (other, grown) if other.size <= grown.size else (grown, other)
            if small.size > MERGE_SIZE:
                continue
            ref = small.as_ref()
            if not may_reach(ref, large, JOIN):  # the usual case: no need to look at the window
                continue
            candidates = self._candidates(ref) - {small.id}
            if large.id not in candidates:
                continue
            weights = self._weights(ref, candidates)
            if score(ref, large, weights) < JOIN:  # then it cannot be the best either
                continue
            if self._best(ref, candidates, weights) != large.id:
                continue
            keys = _keys_of_cluster(small)
            large.merge(small)
            self._placings.changed(large)
            del self.clusters[small.id]
            self._gone.add(small.id)
            self.merged[small.id] = large.id
            self.touched |= {small.id, large.id}
            self._reindex(large, keys)
            grown = large

    def _replace_loose(self, others: set[int], event: EventRef, grown: Cluster) -> None:
        """Place again the coarse members ("this week", "on Tuesday" of an undated report) of
        the window's other clusters that `event`'s day fits and that share an actor with it:
        the day cluster that came after them may fit them better, or make them ambiguous. A
        member alone can only go to `grown` (the cluster `event` joined or started)."""
        day = event.day
        assert day is not None
        for cid in sorted(others):
            cluster = self.clusters.get(cid)
            if cluster is None or not cluster.loose:
                continue
            for ref in sorted(cluster.loose.values(), key=lambda r: r.key):
                if not fits(ref, day) or not (ref.actors & event.actors or not ref.actors):
                    continue
                if cluster.size == 1 and not may_match(ref, grown):
                    continue
                kept = cluster.take_out(ref)
                self._placings.changed(cluster)
                candidates = self._candidates(ref)
                weights = self._weights(ref, candidates)
                best = self._best(ref, candidates, weights, again=True)
                # Alone, it stays where it would start anyway; but a report that came first
                # and alone joins the day cluster it fits, as it would had it come after.
                if best == cid or (best is None and not cluster.size):
                    cluster.put_back(ref, kept)
                    continue
                target = self.clusters[best] if best is not None else Cluster(self._next)
                if best is None:
                    self._next += 1
                    self.clusters[target.id] = target
                target.add(ref)
                self._placings.changed(target)
                self.moved[ref.key] = target.id
                self.touched |= {cid, target.id}
                self._reindex(target, _keys_of_event(ref, target))

    def _weights(self, event: EventRef, candidates: set[int]) -> Weights:
        """The idf weights of the event's window (see `WindowWeights`); a floating event's
        window is a year: it weighs all alike."""
        if event.floating:
            return {}
        return WindowWeights(event, [self.clusters[c] for c in candidates if c in self.clusters])

    def take_touched(self) -> list[Cluster]:
        """The clusters changed since the last call that still exist (what a store must
        write back); merged ones are in `merged`."""
        changed = [self.clusters[cid] for cid in sorted(self.touched) if cid in self.clusters]
        self.touched.clear()
        return changed

    def _candidates(self, event: EventRef) -> set[int]:
        # An event naming no key actor looks among the clusters of the kinds it may share.
        labels = [f"a:{actor}" for actor in event.actors] or [
            f"k:{k}" for k in KINDS if kinds_may_meet(event.kind, k)
        ]
        found: set[int] = set()
        days = _window_days(event)
        floating = _floating_keys(event)  # clusters of floating reports it may fit
        edges: list[int] = []  # a floating event's days around its year (`_years` the others)
        if event.floating and not event.weekday:
            start, end = event.start.toordinal(), event.end.toordinal()
            edges = [d for d in days[:WINDOW_DAYS] if d < start]
            edges += [d for d in days[-WINDOW_DAYS:] if d >= end]
        for label in labels:
            by_day = self._index.get(label)
            if not by_day:
                continue
            if event.floating and not event.weekday:  # the year's days, and those around it
                found.update(self._years.get(label, {}).get(event.start.year, ()))
                found.update(*map(by_day.get, edges, repeat(())))
            elif len(by_day) < len(days):  # a long window: the label's few days
                found.update(*[ids for day, ids in by_day.items() if day in days])
            else:
                found.update(*map(by_day.get, days, repeat(())))
            found.update(*map(by_day.get, floating, repeat(())))
        # merged and dropped ones stay in the index; they are few
        if len(self._gone) < len(found):
            found.difference_update(self._gone)
            return found
        return found & self.clusters.keys()

    def _reindex(self, cluster: Cluster, keys: Iterable[tuple[str, int]]) -> None:
        cid = cluster.id
        years: dict[int, int] = {}  # day → its year: keys give each day once per label
        for label, day in keys:
            by_day = self._index.get(label)
            if by_day is None:
                by_day = self._index[label] = {}
            ids = by_day.get(day)
            if ids is None:
                by_day[day] = [cid]
            elif cid in ids:
                continue
            else:
                ids.append(cid)
            if day > 0:  # a day, not a floating key
                year = years.get(day)
                if year is None:
                    year = years[day] = date.fromordinal(day).year
                by_year = self._years.get(label)
                if by_year is None:
                    by_year = self._years[label] = {}
                of_year = by_year.get(year)
                if of_year is None:
                    by_year[year] = {cid}
                else:
                    of_year.add(cid)


def window(event: EventRef) -> tuple[date, date]:
    """The days (first, day after last) whose clusters are candidates for `event`."""
    return add_days(event.start, -WINDOW_DAYS), add_days(event.end, WINDOW_DAYS)


_FIRST, _LAST = date.min.toordinal(), date.max.toordinal()


def _window_days(event: EventRef) -> range:
    """The ordinals of the days of `window(event)`: of its weekday only for a floating
    event that gives one (ordinal 1 is a Monday)."""
    first = max(event.start.toordinal() - WINDOW_DAYS, _FIRST)
    last = min(event.end.toordinal() + WINDOW_DAYS, _LAST)
    if not event.weekday:
        return range(first, last)
    return range(first + (event.weekday - (first - 1) % 7 - 1) % 7, last, 7)


def cluster_all(events: Iterable[EventRef]) -> dict[str, int]:
    """Cluster events held in memory (compare's paths), in date order: article → cluster.

    An article with several events maps to the cluster of its first one here (where it is
    at the end: clusters merge and coarse members move); use a `Clusterer` directly to keep
    every event's cluster."""
    clusterer = Clusterer()
    assigned: dict[str, tuple[str, int]] = {}
    for event in sorted(events, key=lambda e: (e.start, e.end, e.article, e.value)):
        joined = clusterer.add(event)
        assigned.setdefault(event.article, (event.value, joined))
    return {a: clusterer.place(a, value, cid) for a, (value, cid) in assigned.items()}


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
