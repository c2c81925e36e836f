"""The idf weights of one candidate window (see `clustering.Clusterer`), worked out when
scoring asks for them: most candidates fail a check that needs none (another day, other
people), so only the few actors of those that pass are counted (the words of the window's
clusters are counted all at once, the first time a word's weight is asked for)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import chain, repeat
from operator import contains
from typing import Any

from vntrade.events.profile import Cluster, EventRef

_UNKNOWN = -1.0  # not worked out yet (a weight is never negative)


class WindowWeights:
    """Each actor of the event and of the candidates' cores: 1 / how many of the window's
    clusters (the candidates) and the event name it, as idf weighs a word; each word
    ("w:word") of the event and the cores, when the window holds more than one cluster:
    1 / how many candidates use it. Anything else weighs the default."""

    __slots__ = ("clusters", "event", "known", "lists", "memo", "words")

    def __init__(self, event: EventRef, clusters: list[Cluster]) -> None:
        self.event = event
        self.clusters = clusters
        self.known: dict[str, float | None] = {}  # None: not a key of the window
        self.lists: dict[str, Any] = {}  # the candidates' counts and cores, as needed
        self.memo: dict[tuple[str, int], Any] = {}  # what scoring works out once a window
        self.words: dict[str, float] = {}  # each word's `word` weight

    def word(self, word: str) -> float:
        """`get(f"w:{word}", 1.0)`: a word's weight, 1 by default (asked for far more often
        than there are words in a window)."""
        found = self.words.get(word)
        if found is None:
            weight = self._word(word)
            found = self.get(f"w:{word}", 1.0) if weight is None else weight
            self.words[word] = found
        return found

    def has(self, cluster: Cluster) -> bool:
        """Whether `cluster` is one of the window's: its core words weigh as the event's."""
        if "ids" not in self.lists:
            self.lists["ids"] = set(map(id, self.clusters))
        return id(cluster) in self.lists["ids"]

    def get(self, key: str, default: float, /) -> float:
        found = self.known.get(key, _UNKNOWN)
        if found == _UNKNOWN:
            found = self._word(key[2:]) if key.startswith("w:") else None
            if found is None:
                found = self._actor(key)
            self.known[key] = found
        return default if found is None else found

    def _actor(self, actor: str) -> float | None:
        own = actor in self.event.actors
        if not own and not _holds(self._list("actor cores", _actor_core), actor):
            return None
        return 1.0 / max(1, int(own) + _holds_count(self._list("actors", _actors), actor))

    def _word(self, word: str) -> float | None:
        if len(self.clusters) < 2:  # words weigh only between competing clusters
            return None
        if word not in self.event.words and word not in self._core_words():
            return None
        return self.core_word(word)

    def core_word(self, word: str) -> float:
        """`word` of a word of the event or of a candidate's core (`has`), found without
        looking in the cores."""
        found = self.words.get(word)
        if found is None:
            if len(self.clusters) < 2:
                return self.word(word)
            found = 1.0 / max(1, self._holding("words", _words)[word])
            self.words[word] = found
        return found

    def core_mass(self, words: set[str]) -> float:
        """`sum(map(self.core_word, words))`, the weights summed in the same order."""
        known = self.words
        for word in words.difference(known):
            self.core_word(word)
        return sum(map(known.__getitem__, words))

    def _core_words(self) -> set[str]:
        """The words of the candidates' cores (one set: most words asked for are in one)."""
        if "core words" not in self.lists:
            self.lists["core words"] = set().union(*map(_word_core, self.clusters))
        return self.lists["core words"]

    def _holding(self, name: str, of: Callable[[Cluster], Counter[str]]) -> Counter[str]:
        """How many of the window's clusters hold each key of their `of` counts: every key
        counted at once, in C (cheaper than going through the clusters for each word)."""
        if name not in self.lists:
            self.lists[name] = Counter(chain.from_iterable(map(of, self.clusters)))
        return self.lists[name]

    def _list(self, name: str, of: Callable[[Cluster], Any]) -> list[Any]:
        if name not in self.lists:
            self.lists[name] = [of(cluster) for cluster in self.clusters]
        return self.lists[name]


def _holds(collections: list[Any], item: str) -> bool:
    return any(map(contains, collections, repeat(item)))


def _holds_count(collections: list[Any], item: str) -> int:
    """How many of `collections` hold `item` (counted without a Python loop)."""
    return sum(map(contains, collections, repeat(item)))


def _actors(cluster: Cluster) -> Counter[str]:
    return cluster.actors


def _words(cluster: Cluster) -> Counter[str]:
    return cluster.words


def _actor_core(cluster: Cluster) -> set[str]:
    return cluster.core(cluster.actors)


def _word_core(cluster: Cluster) -> set[str]:
    return cluster.core(cluster.words)
