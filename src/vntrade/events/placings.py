"""What placing a loose member again may reuse from its last placing.

A loose member ("this week", "on Tuesday" of an undated report) is placed again each time a
day report of its window arrives, against much the same clusters. Against a cluster that has
not changed since (`Cluster.changed`), a score that no window weight entered is the same
again: that of a floating member (which weighs all alike), and the 0 of a cluster that no
weights could make it join (`scoring.placing_score`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from vntrade.events.profile import Cluster, EventRef

REMEMBERED = 1024  # loose members whose last placing is kept (the latest placed)
LOGGED = 1 << 16  # changes logged before those older than every kept placing are dropped


@dataclass(slots=True)
class Placing:
    """One placing of a loose member: when (a `CHANGES` count taken before it), the clusters
    it scored under the join score against, and its scores from there that no weight entered."""

    when: int = -1
    below: frozenset[int] = frozenset()
    scores: dict[int, float] = field(default_factory=dict)


class Placings:
    """The last placing of each of the latest placed loose members."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._last: dict[EventRef, Placing] = {}
        # The log of changes: `CHANGES` counts (never decreasing) and the clusters' ids.
        self._counts: list[int] = []
        self._ids: list[int] = []

    def take(self, event: EventRef) -> Placing:
        """The last placing of `event` (an empty one if unknown), forgotten until `keep`."""
        return self._last.pop(event, None) or Placing()

    def keep(self, event: EventRef, placing: Placing) -> None:
        self._last[event] = placing
        if len(self._last) > self.size:  # the one placed longest ago
            del self._last[next(iter(self._last))]

    def changed(self, cluster: Cluster) -> None:
        """Log that `cluster` changed, or came in: called after each change of a cluster."""
        counts = self._counts
        counts.append(max(cluster.changed, counts[-1]) if counts else cluster.changed)
        self._ids.append(cluster.id)
        if len(counts) > LOGGED:  # keep what the oldest kept placing needs (the first kept)
            oldest = next(iter(self._last.values())).when if self._last else counts[-1] + 1
            cut = bisect_left(counts, oldest)
            del counts[:cut], self._ids[:cut]

    def reuse(
        self, last: Placing, candidates: set[int], clusters: Mapping[int, Cluster]
    ) -> tuple[set[int], list[tuple[float, int]], set[int]]:
        """What `last` still tells of `candidates`: those it settled under the join score and
        its scores (with their ids) of those unchanged since (`Cluster.changed` before it),
        and the candidates left to score."""
        when = last.when
        below = candidates & last.below
        scored = [(value, cid) for cid, value in last.scores.items() if cid in candidates]
        if not below and not scored:
            return below, scored, candidates
        # Every cluster changed since is logged since (with those changed back since).
        at = bisect_left(self._counts, when)
        if len(self._ids) - at < len(below) + len(scored):
            since = candidates.intersection(self._ids[at:])
            changed = {cid for cid in since if clusters[cid].changed >= when}
            below -= changed
        else:
            changed = {cid for _, cid in scored if clusters[cid].changed >= when}
            below = {cid for cid in below if clusters[cid].changed < when}
        if changed:
            scored = [(value, cid) for value, cid in scored if cid not in changed]
        left = candidates - below
        left.difference_update([cid for _, cid in scored])
        return below, scored, left
