"""What placing a loose member again may reuse from its last placing.

A loose member ("this week", "on Tuesday" of an undated report) is placed again each time a
day report of its window arrives, against much the same clusters. Against a cluster that has
not changed since (`Cluster.changed`), a score that no window weight entered is the same
again: that of a floating member (which weighs all alike), and the 0 of a cluster that no
weights could make it join (`scoring.placing_score`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from vntrade.events.profile import Cluster, EventRef

REMEMBERED = 1024  # loose members whose last placing is kept (the latest placed)


@dataclass(slots=True)
class Placing:
    """One placing of a loose member: when (a `CHANGES` count taken before it), the clusters
    it scored under the join score against, and its scores from there that no weight entered."""

    when: int = -1
    below: frozenset[int] = frozenset()
    scores: dict[int, float] = field(default_factory=dict)

    def known(self, candidates: set[int], clusters: Mapping[int, Cluster]) -> set[int]:
        """The `candidates` that score as they did then: scored (or settled below) then, and
        unchanged since. Set operations first: most candidates of a year's window are."""
        when = self.when
        settled = candidates & (self.below | self.scores.keys())
        return {cid for cid in settled if clusters[cid].changed < when}


class Placings:
    """The last placing of each of the latest placed loose members."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._last: dict[EventRef, Placing] = {}

    def take(self, event: EventRef) -> Placing:
        """The last placing of `event` (an empty one if unknown), forgotten until `keep`."""
        return self._last.pop(event, None) or Placing()

    def keep(self, event: EventRef, placing: Placing) -> None:
        self._last[event] = placing
        if len(self._last) > self.size:  # the one placed longest ago
            del self._last[next(iter(self._last))]
