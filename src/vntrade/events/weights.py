"""The idf weights of one candidate window (see `clustering.Clusterer`), worked out when
scoring asks for them: most candidates fail a check that needs none (another day, other
people), so only the few actors and words of those that pass are counted."""

from __future__ import annotations

from vntrade.events.profile import Cluster, EventRef

_UNKNOWN = -1.0  # not worked out yet (a weight is never negative)


class WindowWeights:
    """Each actor of the event and of the candidates' cores: 1 / how many of the window's
    clusters (the candidates) and the event name it, as idf weighs a word; each word
    ("w:word") of the event and the cores, when the window holds more than one cluster:
    1 / how many candidates use it. Anything else weighs the default."""

    __slots__ = ("clusters", "event", "known")

    def __init__(self, event: EventRef, clusters: list[Cluster]) -> None:
        self.event = event
        self.clusters = clusters
        self.known: dict[str, float | None] = {}  # None: not a key of the window

    def get(self, key: str, default: float, /) -> float:
        found = self.known.get(key, _UNKNOWN)
        if found == _UNKNOWN:
            found = self._word(key[2:]) if key.startswith("w:") else None
            if found is None:
                found = self._actor(key)
            self.known[key] = found
        return default if found is None else found

    def _actor(self, actor: str) -> float | None:
        named = int(actor in self.event.actors)
        listed = bool(named)
        for cluster in self.clusters:
            if actor in cluster.actors:
                named += 1
                listed = listed or actor in cluster.core(cluster.actors)
        return 1.0 / max(1, named) if listed else None

    def _word(self, word: str) -> float | None:
        if len(self.clusters) < 2:  # words weigh only between competing clusters
            return None
        used = 0
        listed = word in self.event.words
        for cluster in self.clusters:
            if word in cluster.words:
                used += 1
                listed = listed or word in cluster.core(cluster.words)
        return 1.0 / max(1, used) if listed else None
