"""`make bench-scale`: incremental event clustering at 1k, 10k and 100k labelled articles.

Each size runs in a fresh process: the labelled generator (`vntrade.corpus.events`) streams
extraction records in publication order, each record's lead event goes through the views'
event reading (`vntrade.events.refs.record_refs`) into one `Clusterer`, as ingest would add
them, and the clusters are scored against the generator's event labels with B-cubed.
Prints one row per size (time of each phase, peak RSS, P/R/F1, look-alike pairs merged);
exits 0 even when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from vntrade.corpus.events import make_event_corpus
from vntrade.evaluation.bcubed import bcubed, lookalikes_merged
from vntrade.events.clustering import Clusterer
from vntrade.events.refs import record_refs

TARGET_F1 = 0.95
SIZES = (1_000, 10_000, 100_000)


def measure(n: int, seed: int, shuffled: bool) -> dict[str, Any]:
    """Cluster `n` generated articles; return the row of figures."""
    clusterer = Clusterer()
    placed: dict[str, tuple[str, int]] = {}  # article -> (value, the cluster it joined)
    gold: dict[str, str] = {}
    models: dict[str, str] = {}  # look-alike event -> the event it resembles
    clock = {"generate": 0.0, "events": 0.0, "cluster": 0.0}
    articles = make_event_corpus(n, seed)
    if shuffled:  # ingest in any order, not by publication date
        articles = list(articles)
        random.Random(seed).shuffle(articles)
    start = time.perf_counter()
    for article in articles:
        t0 = time.perf_counter()
        record = article.record()
        t1 = time.perf_counter()
        refs = record_refs(record, lead_only=True)
        t2 = time.perf_counter()
        if refs:
            placed[article.id] = (refs[0].value, clusterer.add(refs[0]))
        t3 = time.perf_counter()
        clock["generate"] += t1 - t0
        clock["events"] += t2 - t1
        clock["cluster"] += t3 - t2
        gold[article.id] = article.event
        if article.lookalike_of:
            models[article.event] = article.lookalike_of
    total = time.perf_counter() - start
    # where each event is now: clusters merge and coarse members move as reports arrive
    predicted = {a: clusterer.place(a, value, cid) for a, (value, cid) in placed.items()}
    scores = bcubed(predicted, gold)
    merged, pairs = lookalikes_merged(predicted, gold, models)
    return {
        "articles": n,
        "order": "shuffled" if shuffled else "published",
        "events": len(set(gold.values())),
        "clusters": len(clusterer.clusters),
        "seconds": round(total, 2),
        **{f"{name}_s": round(value, 2) for name, value in clock.items()},
        "comparisons_per_event": round(clusterer.comparisons / max(1, len(predicted)), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "lookalike_pairs": pairs,
        "lookalike_pairs_merged": merged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=2025, help="corpus seed (2025)")
    parser.add_argument("--shuffled", action="store_true", help="also 10k in random order")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child's single size
    parser.add_argument("--output", type=Path, help="write the rows as JSON here")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.seed, args.shuffled)))
        return
    runs = [(n, False) for n in args.sizes] + ([(10_000, True)] if args.shuffled else [])
    rows = [_child(n, args.seed, shuffled) for n, shuffled in runs]
    _print(rows)
    if args.output:
        args.output.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


def _child(n: int, seed: int, shuffled: bool) -> dict[str, Any]:
    """Measure one size in a fresh process, so that its peak RSS is its own."""
    command = [sys.executable, __file__, "--one", str(n), "--seed", str(seed)]
    done = subprocess.run(
        command + (["--shuffled"] if shuffled else []), capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"bench-scale: {n} articles failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _print(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'articles':>8} {'order':>9} {'events':>7} {'clusters':>8} {'total s':>8} "
        f"{'gen s':>6} {'events s':>8} {'cluster s':>9} {'cmp/ev':>6} {'RSS MB':>7} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'look-alikes merged':>19}"
    )
    print(header)
    for r in rows:
        mark = "" if r["f1"] >= TARGET_F1 else "  (below target)"
        print(
            f"{r['articles']:>8} {r['order']:>9} {r['events']:>7} {r['clusters']:>8} "
            f"{r['seconds']:>8} {r['generate_s']:>6} {r['events_s']:>8} {r['cluster_s']:>9} "
            f"{r['comparisons_per_event']:>6} {r['peak_rss_mb']:>7} {r['precision']:>6} "
            f"{r['recall']:>6} {r['f1']:>6} "
            f"{r['lookalike_pairs_merged']:>9} of {r['lookalike_pairs']:<6}{mark}"
        )
    print(f"target: B-cubed F1 >= {TARGET_F1} at every size, look-alikes apart")


if __name__ == "__main__":
    main()
