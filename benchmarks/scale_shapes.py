"""`make bench-scale`, clustering quality off the generator's defaults (issue 22).

For each corpus shape of `vntrade.corpus.events.SHAPES` (default, dense, renamed, undated,
yearless), a store of `--shape-size` labelled articles (10,000) is built in a fresh process
as `scale.py` builds its stores (`import_records`, ingest's own clustering), in publication
order; B-cubed is scored against the labels. The shapes in `SHUFFLED` are built a second
time from the same articles in a shuffled order (`random.Random(seed)`), and the share of
articles whose cluster (as a set of articles) is the same in both stores is the
order-stability figure; `db recluster` of the shuffled store is compared with it too.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from monitor import run_measured

SHAPE_SIZE = 10_000
SHUFFLED = ("default", "dense", "undated")
TARGETS = {"default": 0.97, "dense": 0.95, "undated": 0.95}  # B-cubed F1
STABILITY = 0.99  # share of articles in the same cluster across two orders


def leads(db: Path) -> dict[str, int]:
    """Article → the cluster of its lead event."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT article, cluster FROM events WHERE lead"))
    finally:
        conn.close()


def same_clusters(first: dict[str, int], second: dict[str, int]) -> float:
    """The share of articles whose cluster holds the same articles in both clusterings (an
    article without a lead in one of them counts as moved)."""
    groups = []
    for clustering in (first, second):
        members: dict[int, set[str]] = {}
        for article, cluster in clustering.items():
            members.setdefault(cluster, set()).add(article)
        groups.append({article: frozenset(members[c]) for article, c in clustering.items()})
    articles = set(first) | set(second)
    same = sum(1 for a in articles if a in groups[0] and groups[0][a] == groups[1].get(a))
    return same / len(articles) if articles else 1.0


def quality(predicted: dict[str, int], n: int, seed: int, shape: str) -> dict[str, Any]:
    from vntrade.corpus.events import make_event_corpus
    from vntrade.evaluation.bcubed import bcubed, lookalikes_merged

    gold, models = {}, {}
    undated = 0
    for article in make_event_corpus(n, seed, shape):
        gold[article.id] = article.event
        undated += not article.dated
        if article.lookalike_of:
            models[article.event] = article.lookalike_of
    scores = bcubed(predicted, gold)
    merged, pairs = lookalikes_merged(predicted, gold, models)
    target = TARGETS.get(shape)
    return {
        "articles": len(gold),
        "undated": undated,
        "placed": sum(article in predicted for article in gold),
        "events": len(set(gold.values())),
        "clusters": len(set(predicted.values())),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "target_f1": target,
        "f1_ok": None if target is None else scores.f1 >= target,
        "lookalike_pairs": pairs,
        "lookalike_pairs_merged": merged,
    }


def measure_shapes(
    script: str, n: int, seed: int, folder: Path, env: dict[str, str], failures: Any
) -> list[dict[str, Any]]:
    """Every shape's quality, and the order stability of those in `SHUFFLED`."""
    from vntrade.corpus.events import SHAPES

    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for shape in SHAPES:
        row: dict[str, Any] = {"shape": shape}
        built = {}
        for order in ("published", "shuffled") if shape in SHUFFLED else ("published",):
            db = folder / f"{shape}-{order}.db"
            for path in folder.glob(db.name + "*"):
                path.unlink()
            command = [sys.executable, script, "--build", str(db), "--articles", str(n)]
            command += ["--seed", str(seed), "--shape", shape]
            command += ["--shuffle"] if order == "shuffled" else []
            measured = run_measured(command, env=env, cwd=Path(script).parent)
            if not failures.check(f"{n:,} {shape} articles, {order}", measured):
                break
            figures = json.loads(measured.stdout.strip().splitlines()[-1])
            built[order] = leads(db)
            row[f"{order}_build_s"] = figures["store_s"]
            row[f"{order}_peak_rss_mb"] = round(measured.peak_rss_mb, 1)
            if order == "published":
                row["quality"] = quality(built[order], n, seed, shape)
            else:
                row["shuffled_f1"] = quality(built[order], n, seed, shape)["f1"]
                row["stability"] = round(same_clusters(built["published"], built[order]), 4)
                row["stability_ok"] = row["stability"] >= STABILITY
                recluster = [sys.executable, "-m", "vntrade", "db", "recluster", "--db", str(db)]
                done = run_measured([*recluster, "-q"], env=env)
                if failures.check(f"db recluster of {shape}, shuffled", done):
                    row["recluster_s"] = round(done.wall_s, 2)
                    again = leads(db)
                    row["recluster_vs_ingest"] = round(same_clusters(built[order], again), 4)
                    row["recluster_vs_published"] = round(
                        same_clusters(built["published"], again), 4
                    )
        for path in folder.glob("*.db*"):
            path.unlink()
        rows.append(row)
    return rows


def markdown_rows(rows: list[dict[str, Any]]) -> str:
    """The shapes as a Markdown table."""
    size = next((row["quality"]["articles"] for row in rows if row.get("quality")), 0)
    lines = [
        f"| corpus ({size:,} articles) | B-cubed P / R / F1 | target | look-alike pairs merged "
        "| same cluster in two orders | db recluster vs ingest |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        q = row.get("quality")
        if not q:
            lines.append(f"| {row['shape']} | failed | | | | |")
            continue
        target = f"F1 ≥ {q['target_f1']}" if q["target_f1"] else ""
        mark = "" if q["f1_ok"] in (None, True) else " **MISS**"
        stable = f"{100 * row['stability']:.2f} %" if "stability" in row else "–"
        again = f"{100 * row['recluster_vs_ingest']:.2f} %" if "recluster_vs_ingest" in row else "–"
        lines.append(
            f"| {row['shape']} | {q['precision']:.3f} / {q['recall']:.3f} / {q['f1']:.3f}{mark} "
            f"| {target} | {q['lookalike_pairs_merged']:,} of {q['lookalike_pairs']:,} "
            f"| {stable} | {again} |"
        )
    return "\n".join(lines)
