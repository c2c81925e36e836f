"""B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    """Item-averaged B-cubed scores."""

    precision: float
    recall: float
    items: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def bcubed(predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """Score `predicted` (item → cluster) against `gold` (item → label), over the gold items.

    An item's precision is the share of its cluster that shares its label, its recall the
    share of its label's items in its cluster; both are averaged over the items. A gold item
    missing from `predicted` counts as a cluster of its own."""
    if not gold:
        return BCubed(1.0, 1.0, 0)
    clusters = {item: predicted.get(item, ("missing", item)) for item in gold}
    cluster_sizes = Counter(clusters.values())
    label_sizes = Counter(gold.values())
    overlaps = Counter((clusters[item], gold[item]) for item in gold)
    precision = recall = 0.0
    for item, label in gold.items():
        shared = overlaps[(clusters[item], label)]
        precision += shared / cluster_sizes[clusters[item]]
        recall += shared / label_sizes[label]
    return BCubed(precision / len(gold), recall / len(gold), len(gold))


def lookalikes_merged(
    predicted: Mapping[str, Hashable], gold: Mapping[str, str], models: Mapping[str, str]
) -> tuple[int, int]:
    """(look-alike event pairs with a cluster holding reports of both, look-alike pairs):
    `models` maps each look-alike event to the event it resembles; `gold` maps articles
    to their events, `predicted` to their clusters."""
    clusters_of: dict[str, set[Hashable]] = {}
    for article, cluster in predicted.items():
        if article in gold:
            clusters_of.setdefault(gold[article], set()).add(cluster)
    pairs = [(e, m) for e, m in models.items() if m in clusters_of]
    merged = sum(bool(clusters_of.get(e, set()) & clusters_of[m]) for e, m in pairs)
    return merged, len(pairs)
