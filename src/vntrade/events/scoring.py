"""How well one event matches one cluster's profile (`score`), from 0 (it cannot belong to
it) up: the day, the key actors (each weighed by how few clusters of the window name it, as
idf weighs a word), the words (likewise) and the kind, with the rules that keep look-alikes
apart (another ordinal, other counterparts of one shared official, another subject)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol, TypeVar

from vntrade.events.kinds import compatible
from vntrade.events.profile import Cluster, EventRef
from vntrade.events.weights import WindowWeights
from vntrade.nlp.events.finder import WEAK_KINDS

NEAR_DAY = 0.4  # the date score of a report one day off the cluster's day
NEAR_DAY_JOIN = 0.8  # the score needed when the day is one off (time zones, late reports)
COARSE_JOIN = 0.7  # the score needed by a coarser date ("this week") or a coarse cluster
MIN_WORDS = 0.25  # the word score below which no event joins, whoever it names
PROMINENT_WORDS = 0.35  # ... when the actors it shares with the cluster are named all around
WEIGHTS = {"actors": 0.4, "words": 0.4, "date": 0.2}
OTHER_KIND = 0.1  # the score taken off an event whose kind the cluster's kinds do not allow
OTHER_KIND_WORDS = 0.4  # the word score such an event needs (same day, same people)
ONE_ACTOR_OTHER_KIND_WORDS = 0.55  # ... when the people it shares with the cluster are one
# How far below a threshold a bound must be to settle a score without computing it: far
# more than rounding moves a sum of a few weights.
MARGIN = 1e-9
T = TypeVar("T")


class Weights(Protocol):
    """Each actor's and word's distinctiveness in a window (see `clustering.Clusterer`)."""

    def get(self, key: str, default: float, /) -> float: ...


Gate = tuple[float, bool, set[str], frozenset[str]]  # see `_gate`


def score(event: EventRef, cluster: Cluster, weights: Weights | None = None) -> float:
    """How well `event` matches `cluster` (0 when it cannot belong to it); `weights` gives
    each actor's distinctiveness (1 / the clusters of the window naming it; 1 if absent)."""
    gate = _gate(event, cluster)
    return 0.0 if gate is None else _score(event, cluster, gate, weights)


def placing_score(
    event: EventRef, cluster: Cluster, weights: Weights | None, least: float
) -> float | None:
    """`score`, or None when no weights may make it `least` or more (`may_reach`): a
    score that a loose member's next placing may take as it is."""
    gate = _gate(event, cluster)
    if gate is None or not _may_reach(event, cluster, gate, least):
        return None
    return _score(event, cluster, gate, weights)


def _score(event: EventRef, cluster: Cluster, gate: Gate, weights: Weights | None) -> float:
    """`score` of an event that passes the `gate`."""
    when, kinds_agree, core_actors, shared = gate
    if _other_counterparts(event, cluster, shared, core_actors, weights):
        return 0.0
    actors = _actor_score(event.actors, core_actors, shared, weights)
    bound = _word_bound(event, cluster)
    if when < 1 and _most(actors, bound, when) < COARSE_JOIN - MARGIN:
        return 0.0  # settled before weighing the words (see below)
    words = _subject_score(event, cluster, shared, actors, when, weights, bound)
    if words is None:
        return 0.0
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


def _most(actors: float, word_bound: float, when: float) -> float:
    """The most a report not of the cluster's day may score (its words at most their
    bound, `_word_bound`; no floor: the same order or happening takes the same day)."""
    return WEIGHTS["actors"] * actors + WEIGHTS["words"] * word_bound + WEIGHTS["date"] * when


def _subject_score(
    event: EventRef,
    cluster: Cluster,
    shared: frozenset[str],
    actors: float,
    when: float,
    weights: Weights | None,
    bound: float,
) -> float | None:
    """The word score `score` counts (at least `MIN_WORDS` for the same order or the same
    happening), None when the subject tells another event. A cluster whose words the
    event's cannot bring to `MIN_WORDS` under any weights (`bound`, its `_word_bound`) is
    settled without weighing."""
    words = bound if bound < MIN_WORDS else _word_score(event, cluster, weights)
    if _same_order(event, cluster, len(shared), when) or _same_happening(
        event, cluster, shared, actors, when, words
    ):
        return max(words, MIN_WORDS)
    if words < MIN_WORDS:
        return None  # same people, same day, another subject: another event
    if words < PROMINENT_WORDS and _only_prominent(shared, weights):
        return None  # one much-reported official's day holds several events: say which
    return words


def may_join(event: EventRef) -> bool:
    """Whether `event` may join any cluster: one dated more coarsely than a day that names
    no key actor scores at most `_most(0, 1, 0.5)` = 0.5 against any, under `COARSE_JOIN`."""
    return event.precision == "day" or bool(event.actors)


def may_reach(event: EventRef, cluster: Cluster, least: float) -> bool:
    """Whether some weights may give `event` a score of at least `least` (above 0) against
    `cluster`: its score with the shared actors and the words at their most, above the
    score a date one day off or coarser needs."""
    gate = _gate(event, cluster)
    return gate is not None and _may_reach(event, cluster, gate, least)


def _may_reach(event: EventRef, cluster: Cluster, gate: Gate, least: float) -> bool:
    """`may_reach` of an event that passes the `gate`."""
    when, kinds_agree, _, shared = gate
    if when == NEAR_DAY:
        least = max(least, NEAR_DAY_JOIN)
    elif when < 1:
        least = max(least, COARSE_JOIN)
    least += (0.0 if kinds_agree else OTHER_KIND) - MARGIN
    actors = float(bool(shared))
    if _most(actors, MIN_WORDS, when) >= least:  # whatever the words
        return True
    return _most(actors, max(_word_bound(event, cluster), MIN_WORDS), when) >= least


def may_match(event: EventRef, cluster: Cluster) -> bool:
    """Whether `event` passes the checks of `score` that no weight changes (its day, kind,
    ordinals and core actors): when not, it scores 0 in any window."""
    return _gate(event, cluster) is not None


def _gate(event: EventRef, cluster: Cluster) -> Gate | None:
    """The date score, whether the kinds agree, the cluster's core actors and those it shares
    with `event`; None when `event` cannot belong to `cluster`, whatever the weights. The
    date comes first: the cheapest check, and the one most candidates fail."""
    if not cluster.size:
        return None  # emptied by re-ingested articles
    when = _date_score(event, cluster)
    if not when:
        return None
    kinds_agree = _kinds_agree(event.kind, cluster)
    if not kinds_agree and (when < 1 or "deadline" in (event.kind, cluster.kind)):
        return None
    if event.ordinals:
        core_ordinals = cluster.core(cluster.ordinals)
        if core_ordinals and event.ordinals.isdisjoint(core_ordinals):
            return None  # "the second round" is not "the third round"
    core_actors = cluster.core(cluster.actors)
    shared = event.actors & core_actors
    if event.actors and core_actors and not shared:
        return None
    return when, kinds_agree, core_actors, shared


def _only_prominent(shared: frozenset[str], weights: Weights | None) -> bool:
    """Whether every shared actor is named by other clusters of the window too."""
    return bool(shared) and all(_weight(a, weights) < 0.5 for a in shared)


def _weight(actor: str, weights: Weights | None) -> float:
    return weights.get(actor, 1.0) if weights else 1.0


def _actor_score(
    actors: frozenset[str],
    core: set[str],
    shared: frozenset[str],
    weights: Weights | None,
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
    weights: Weights | None,
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
    event: EventRef,
    cluster: Cluster,
    shared: frozenset[str],
    actors: float,
    when: float,
    words: float,
) -> bool:
    """A call (or meeting, round of talks...) of the same two or more people on the same day
    is one happening, however differently two reports word the rest ("phone call" and
    "spoke by telephone"), unless both say what about and share no word of it."""
    return (
        when == 1
        and (words > 0 or len(event.words) <= 1 or len(cluster.core(cluster.words)) <= 1)
        and len(shared) >= 2
        and actors == 1
        and event.kind == cluster.kind
        and event.kind not in WEAK_KINDS
    )


def kinds_may_meet(kind: str, other: str) -> bool:
    """Whether an event of `kind` may join a cluster with a member of kind `other`: every
    cluster `_kinds_agree` lets it join has one (its own kind is compatible, or weak)."""
    return kind in WEAK_KINDS or other in WEAK_KINDS or compatible(kind, other)


def _kinds_agree(kind: str, cluster: Cluster) -> bool:
    if kind in WEAK_KINDS:
        return True
    known: dict[str, bool] = cluster.remember(("kinds agree", ""), dict)
    found = known.get(kind)
    if found is None:
        found = known[kind] = _kinds_allow(kind, cluster)
    return found


def _kinds_allow(kind: str, cluster: Cluster) -> bool:
    return all(k in WEAK_KINDS or compatible(kind, k) for k in cluster.core(cluster.kinds)) and (
        compatible(kind, cluster.kind) or cluster.kind in WEAK_KINDS
    )


def _date_score(event: EventRef, cluster: Cluster) -> float:
    """1 for the cluster's own day, `NEAR_DAY` for the next or previous one, 0.5 for a
    coarser value that holds it (or a day inside a cluster of coarse values), 0 otherwise."""
    day = cluster.day
    # a cluster with a day has day members: only one without may be floating only
    if event.floating or (day is None and cluster.floating_only):
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
        return 0.5 if fits(event, day) else 0.0
    if event.floating:
        return 0.5 if cluster.floating_only and event.value in cluster.floating else 0.0
    if event.day is not None and cluster.floating_only:
        return 0.5 if any(fits(ref, event.day) for ref in cluster.loose.values()) else 0.0
    return 0.0


def fits(ref: EventRef, day: date) -> bool:
    """Whether a floating value may be `day`."""
    return ref.start <= day < ref.end and (not ref.weekday or day.isoweekday() == ref.weekday)


def _word_score(event: EventRef, cluster: Cluster, weights: Weights | None = None) -> float:
    """The share of members that use the event's words, and the share of the cluster's
    core words the event uses, averaged; each word weighs by how few of the competing
    clusters use it (`weights`, keys "w:word"), so "tariffs" tells apart less than "shrimp"."""
    if not event.words:
        return 0.0
    weight = _word_weight(weights)

    def own_words() -> tuple[list[tuple[str, float]], float]:
        own = [(word, weight(word)) for word in event.words]
        return own, sum(w for _, w in own)

    # The event's side is the same against every cluster of its window: worked out once.
    own, mass = _per_window(weights, ("own", id(event)), own_words)
    counts, size = cluster.words, cluster.size
    used = sum(w * min(1.0, counts[word] / size) for word, w in own) / mass
    core = cluster.core(cluster.words)
    if not core:
        return used / 2
    if isinstance(weights, WindowWeights) and weights.has(cluster):
        # the same weights, found more directly
        covered = weights.core_mass(event.words & core) / weights.core_mass(core)
    else:
        covered = sum(map(weight, event.words & core)) / sum(map(weight, core))
    return (used + covered) / 2


def _word_weight(weights: Weights | None) -> Callable[[str], float]:
    """A word's weight in `weights` (key "w:word"), 1 by default."""
    if isinstance(weights, WindowWeights):
        return weights.word
    if not weights:
        return lambda word: 1.0
    return lambda word: weights.get(f"w:{word}", 1.0)


def _word_bound(event: EventRef, cluster: Cluster) -> float:
    """At least `_word_score` under any weights, and 0 only when it is 0: 1 when the event
    uses a core word; else half the largest share of members using one of its words (a
    weighted average of shares is at most the largest, and none of the core is covered).
    Below `MIN_WORDS` only when every word of the event is used by under half the members."""
    if not event.words:
        return 0.0
    if not event.words.isdisjoint(cluster.core(cluster.words)):
        return 1.0
    counts, size = cluster.words, cluster.size
    return max(min(1.0, counts[word] / size) for word in event.words) / 2


def _per_window(weights: Weights | None, key: tuple[str, int], make: Callable[[], T]) -> T:
    """`make()`, kept for the rest of one window's scoring when `weights` are a window's."""
    if not isinstance(weights, WindowWeights):
        return make()
    if key not in weights.memo:
        weights.memo[key] = make()
    return weights.memo[key]
