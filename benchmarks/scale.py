"""`make bench-scale`: events clustered at ingest, views read the store (issue 13).

For each size (1k, 10k and 100k labelled articles by default; `--sizes 1000,10000`), in a
temporary directory:

1. Build: a store is built from the labelled generator's extraction records
   (`vntrade.corpus.events`, seed 2025) with `import_records(..., cluster=True)`, which
   clusters the events exactly as `vntrade ingest` does, and a second one with
   `cluster=False`. Each build runs in a fresh process (this script with the hidden
   `--build` option) under `monitor.run_measured`, so its peak RSS is its own. The build
   time reported is the store's (the time the generator takes to make the records is
   measured apart and left out); the clustering overhead is
   clustered / unclustered - 1.
2. Quality: B-cubed precision, recall and F1 of the clustered store, predicted =
   {article: cluster of its lead event} (`SELECT article, cluster FROM events WHERE lead`),
   gold = the generator's event labels; and how many look-alike event pairs (a later event
   with the same actors and kind a few days on) ended up in one cluster.
3. Views: `vntrade timeline`, `compare` and `actors` on the clustered store, stdout to
   /dev/null, each run `--repeats` times (3) keeping the best wall time and the largest
   peak RSS of the process tree; one more run before them writes the output to a file to
   count its lines (it also warms the page cache).
4. With `--real-ingest`, at 1,000 only: the 1,000 labelled articles as a JSONL dump
   (`scripts/make_corpus.py 1000 FILE --events`) through spaCy with
   `vntrade ingest FILE --db DB --workers 2`, with and without `--defer-clustering`,
   alternately `--ingest-rounds` times (2) on a fresh store each, the best of each kept.
   Ingest does not read the extraction cache; each run gets an empty private cache folder
   all the same, so both do the same work.

5. Corpus shapes (`scale_shapes.py`, before the sizes): stores of `--shape-size` (10,000)
   articles of each shape of `vntrade.corpus.events.SHAPES` scored with B-cubed, three of
   them built again in a shuffled order for the share of articles in the same cluster
   across two orders, and re-clustered with `vntrade db recluster`.

Prints a table with the targets (timeline <= 2 s, compare <= 5 s, each < 500 MB peak RSS,
B-cubed F1 >= 0.95; actors, directives and report: peak RSS within +10 % from the second
largest size to the largest) and a Markdown table for the README, and writes every figure to
benchmarks/scale_results.json. Exits 0 even when a target is missed, 1 if a command fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from monitor import Measured, run_measured, subprocess_env
from report import load_average, machine, now
from rich.console import Console
from rich.table import Table
from rich.text import Text
from scale_shapes import SHAPE_SIZE, markdown_rows, measure_shapes

SIZES = (1_000, 10_000, 100_000)
SEED = 2025
REPEATS = 3
INGEST_ROUNDS = 2
INGEST_SIZE = 1_000
INGEST_WORKERS = 2
TIMELINE_S = 2.0
COMPARE_S = 5.0
RSS_MB = 500.0
TARGET_F1 = 0.95
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "scale_results.json"
MAKE_CORPUS = HERE.parent / "scripts" / "make_corpus.py"

# (the command after `vntrade`, the time target in seconds or None, a note); --db is added.
VIEWS: tuple[tuple[tuple[str, ...], float | None, str], ...] = (
    (("timeline", "--format", "jsonl"), TIMELINE_S, ""),
    (("timeline",), TIMELINE_S, "piped: JSONL"),
    (("compare", "--format", "jsonl"), COMPARE_S, "the 20 largest clusters"),
    (("compare", "--cluster", "1", "--format", "json"), COMPARE_S, ""),
    (("actors", "--format", "jsonl"), None, ""),
    (
        ("timeline", "--since", "2025-03-01", "--until", "2025-03-31", "--format", "jsonl"),
        TIMELINE_S,
        "",
    ),
    (("compare", "--event", "2025-05", "--format", "jsonl"), COMPARE_S, "a month's clusters"),
    (("commodities", "--format", "jsonl"), None, ""),
    (("directives", "--format", "jsonl"), None, ""),
    (("compare", "--limit", "0", "--format", "jsonl"), None, "every cluster, streamed; one run"),
    (("report", "-o", "-"), None, "the HTML page"),
)
# Views whose output grows with the store: one run, its output counted as it is written.
ONE_RUN = {"compare --limit 0 --format jsonl"}
# Views whose peak RSS must stay flat from the second largest size to the largest (issue 22).
FLAT_VIEWS = ("actors --format jsonl", "directives --format jsonl", "report -o -")
FLAT_PCT = 10.0  # the growth of their peak RSS allowed, in percent


class Failures(list[str]):
    """Commands that exited nonzero: reported, and the script exits 1 at the end."""

    def check(self, label: str, measured: Measured | subprocess.CompletedProcess) -> bool:
        if not measured.returncode:
            return True
        err = measured.stderr if isinstance(measured.stderr, str) else ""
        self.append(f"{label}: exit {measured.returncode}: {err.strip()[-2000:]}")
        return False


# -- the build, in a child process -------------------------------------------------------


def build_store(
    db: Path, n: int, seed: int, cluster: bool, shape: str = "default", shuffle: bool = False
) -> dict[str, Any]:
    """Store `n` generated records of a corpus `shape` in a new store `db` (clustered or
    not; in publication order, or shuffled); the times."""
    from vntrade.batch import PipelineSpec
    from vntrade.corpus.events import make_event_corpus
    from vntrade.ingest import import_records
    from vntrade.store import Store

    fingerprint = PipelineSpec().fingerprint()  # as ingest's: the views do not warn
    spent = [0.0]  # seconds the generator took

    def pairs() -> Iterator[tuple[dict[str, Any], str]]:
        articles: Iterator[Any] = make_event_corpus(n, seed, shape)
        if shuffle:  # the same articles in another order
            listed = list(articles)
            random.Random(seed).shuffle(listed)
            articles = iter(listed)
        while True:
            start = time.perf_counter()
            article = next(articles, None)
            if article is None:
                spent[0] += time.perf_counter() - start
                return
            record = article.record()
            del record["event"]  # the gold label stays out of the store
            spent[0] += time.perf_counter() - start
            yield record, fingerprint

    start = time.perf_counter()
    with Store.open(db, create=True) as store:
        summary = import_records(store, pairs(), cluster=cluster)
    total = time.perf_counter() - start
    return {
        "articles": summary.counts["new"],
        "total_s": round(total, 3),
        "generate_s": round(spent[0], 3),
        "store_s": round(total - spent[0], 3),
    }


# -- the measurements, in the parent -----------------------------------------------------


def measure_build(
    db: Path, n: int, seed: int, cluster: bool, env: dict[str, str], failures: Failures
) -> dict[str, Any] | None:
    """Build one store in a fresh process; its times, peak RSS and size."""
    command = [sys.executable, __file__, "--build", str(db), "--articles", str(n)]
    command += ["--seed", str(seed)] + ([] if cluster else ["--no-cluster"])
    _remove_db(db)  # a fresh store, also in a kept --workdir
    measured = run_measured(command, env=env, cwd=HERE)
    label = f"{n:,} articles: build {'clustered' if cluster else 'unclustered'}"
    if not failures.check(label, measured):
        return None
    figures = json.loads(measured.stdout.strip().splitlines()[-1])
    return {
        **figures,
        "wall_s": round(measured.wall_s, 3),
        "peak_rss_mb": round(measured.peak_rss_mb, 1),
        "db_mb": round(_db_bytes(db) / 2**20, 1),
    }


def measure_quality(db: Path, n: int, seed: int) -> dict[str, Any]:
    """B-cubed of the store's clusters against the generator's labels; look-alikes merged."""
    import sqlite3

    from vntrade.corpus.events import make_event_corpus
    from vntrade.evaluation.bcubed import bcubed, lookalikes_merged

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        predicted = dict(conn.execute("SELECT article, cluster FROM events WHERE lead"))
    finally:
        conn.close()
    gold: dict[str, str] = {}
    models: dict[str, str] = {}  # look-alike event -> the event it resembles
    for article in make_event_corpus(n, seed):
        gold[article.id] = article.event
        if article.lookalike_of:
            models[article.event] = article.lookalike_of
    scores = bcubed(predicted, gold)
    merged, pairs = lookalikes_merged(predicted, gold, models)
    return {
        "articles": len(gold),
        "placed": sum(article in predicted for article in gold),  # with a lead event
        "events": len(set(gold.values())),
        "clusters": len(set(predicted.values())),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "f1_ok": scores.f1 >= TARGET_F1,
        "lookalike_pairs": pairs,
        "lookalike_pairs_merged": merged,
    }


def measure_view(
    key: str,
    args: tuple[str, ...],
    time_target: float | None,
    db: Path,
    n: int,
    repeats: int,
    env: dict[str, str],
    failures: Failures,
) -> dict[str, Any]:
    """One view on the store: output lines, then the best time and max RSS of `repeats`."""
    command = [vntrade(), args[0], "--db", str(db), *args[1:]]
    row: dict[str, Any] = {"view": key, "command": " ".join(["vntrade", *command[1:]])}
    output = db.with_name("view-output.txt")
    counted = run_measured(command, env=env, stdout_path=output)
    try:
        if not failures.check(f"{n:,} articles: {row['command']}", counted):
            return {**row, "failed": True}
        with output.open("rb") as lines:
            row["lines"] = sum(1 for _ in lines)
        row["bytes"] = output.stat().st_size
    finally:
        output.unlink(missing_ok=True)
    row["stderr"] = counted.stderr.strip()[:500]
    runs = [counted] if key in ONE_RUN else []
    for _ in range(0 if key in ONE_RUN else repeats):
        measured = run_measured(command, env=env, stdout_path=Path(os.devnull))
        if not failures.check(f"{n:,} articles: {row['command']}", measured):
            return {**row, "failed": True}
        runs.append(measured)
    best = min(m.wall_s for m in runs)
    peak = max(m.peak_rss_mb for m in runs)
    time_ok = time_target is None or best <= time_target
    rss_ok = peak < RSS_MB
    return {
        **row,
        "best_s": round(best, 3),
        "times_s": [round(m.wall_s, 3) for m in runs],
        "peak_rss_mb": round(peak, 1),
        "time_target_s": time_target,
        "rss_target_mb": RSS_MB,
        "ok": time_ok and rss_ok,
    }


def measure_real_ingest(folder: Path, seed: int, rounds: int, failures: Failures) -> dict | None:
    """spaCy ingest of the labelled articles, clustered and deferred, alternately."""
    corpus = folder / "events.jsonl"
    command = [sys.executable, str(MAKE_CORPUS), str(INGEST_SIZE), str(corpus), "--events"]
    made = subprocess.run([*command, "--seed", str(seed)], capture_output=True, text=True)
    if not failures.check("make_corpus.py --events", made):
        return None
    runs: dict[str, list[dict[str, Any]]] = {"clustered": [], "deferred": []}
    quality = None
    for round_ in range(rounds):
        for mode in runs:
            db = folder / f"ingest-{mode}-{round_}.db"
            cache = folder / f"cache-{mode}-{round_}"
            shutil.rmtree(cache, ignore_errors=True)
            cache.mkdir(parents=True)
            _remove_db(db)
            env = subprocess_env(cache)  # VNTRADE_CACHE_DIR: a fresh, empty cache
            env["XDG_CACHE_HOME"] = str(cache)
            command = [vntrade(), "ingest", str(corpus), "--db", str(db), "--quiet"]
            command += ["--workers", str(INGEST_WORKERS)]
            command += ["--defer-clustering"] if mode == "deferred" else []
            measured = run_measured(command, env=env)
            if not failures.check(f"{INGEST_SIZE:,} articles: {' '.join(command)}", measured):
                return None
            runs[mode].append(
                {
                    "wall_s": round(measured.wall_s, 3),
                    "cpu_s": round(measured.cpu_s, 3),
                    "peak_rss_mb": round(measured.peak_rss_mb, 1),
                    "cache_files": sum(1 for path in cache.rglob("*") if path.is_file()),
                }
            )
            if mode == "clustered" and quality is None:
                quality = _ingest_quality(db, corpus)
            _remove_db(db)
            shutil.rmtree(cache, ignore_errors=True)
    best = {mode: min(r["wall_s"] for r in rows) for mode, rows in runs.items()}
    return {
        "articles": INGEST_SIZE,
        "workers": INGEST_WORKERS,
        "rounds": rounds,
        "clustered_s": best["clustered"],
        "deferred_s": best["deferred"],
        "overhead_pct": round(100 * (best["clustered"] / best["deferred"] - 1), 1),
        "clustered_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["clustered"]),
        "deferred_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["deferred"]),
        "quality": quality,
        "runs": runs,
    }


def _ingest_quality(db: Path, corpus: Path) -> dict[str, Any]:
    """B-cubed of a real ingest's clusters against the labels in the JSONL dump."""
    import sqlite3

    from vntrade.evaluation.bcubed import bcubed

    gold = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            gold[row["id"]] = row["event"]
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        predicted = dict(conn.execute("SELECT article, cluster FROM events WHERE lead"))
    finally:
        conn.close()
    scores = bcubed(predicted, gold)
    return {
        "placed": sum(article in predicted for article in gold),
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
    }


def measure_size(
    n: int, args: argparse.Namespace, workdir: Path, failures: Failures, console: Console
) -> dict[str, Any]:
    """Everything measured at one size."""
    folder = workdir / f"n{n}"
    folder.mkdir(parents=True, exist_ok=True)
    env = subprocess_env(folder / "cache")
    result: dict[str, Any] = {"articles": n}
    console.print(f"[bold]{n:,} articles[/]: building the clustered store")
    clustered_db = folder / "clustered.db"
    clustered = measure_build(clustered_db, n, args.seed, True, env, failures)
    console.print(f"{n:,} articles: building the unclustered store")
    unclustered_db = folder / "unclustered.db"
    unclustered = measure_build(unclustered_db, n, args.seed, False, env, failures)
    if not args.workdir:
        _remove_db(unclustered_db)
    result["build"] = {"clustered": clustered, "unclustered": unclustered}
    if clustered and unclustered:
        ratio = clustered["store_s"] / unclustered["store_s"]
        result["build"]["overhead_pct"] = round(100 * (ratio - 1), 1)
    if clustered is None:
        return result
    console.print(f"{n:,} articles: B-cubed against the labels")
    result["quality"] = measure_quality(clustered_db, n, args.seed)
    result["views"] = []
    for view, target, _ in VIEWS:
        key = " ".join(view)
        console.print(f"{n:,} articles: vntrade {key}")
        result["views"].append(
            measure_view(key, view, target, clustered_db, n, args.repeats, env, failures)
        )
    if not args.workdir:
        _remove_db(clustered_db)
    if args.real_ingest and n == INGEST_SIZE:
        console.print(f"{n:,} articles: real ingest with spaCy, clustered and deferred")
        result["real_ingest"] = measure_real_ingest(folder, args.seed, args.ingest_rounds, failures)
    return result


# -- reporting ---------------------------------------------------------------------------


def _verdict(ok: bool | None) -> Text:
    if ok is None:
        return Text("")
    return Text("PASS", "green") if ok else Text("MISS", "bold red")


def _view_target(view: dict[str, Any]) -> str:
    target = view.get("time_target_s")
    return (f"≤ {target:g} s, " if target else "") + f"< {RSS_MB:g} MB"


def print_table(results: dict[str, Any], console: Console) -> None:
    """One row per size and measurement, with the targets and PASS/MISS."""
    table = Table(title="vntrade bench-scale")
    for name, justify in (
        ("articles", "right"),
        ("measure", "left"),
        ("time", "right"),
        ("peak RSS", "right"),
        ("output / figures", "left"),
        ("target", "left"),
        ("result", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for size in results["sizes"]:
        n = f"{size['articles']:,}"
        build = size.get("build", {})
        for mode in ("clustered", "unclustered"):
            b = build.get(mode)
            if b is None:
                table.add_row(n, f"build, {mode}", "failed", "", "", "", _verdict(False))
                continue
            table.add_row(
                n,
                f"build, {mode}",
                f"{b['store_s']:.2f} s",
                f"{b['peak_rss_mb']:,.0f} MB",
                f"generator {b['generate_s']:.1f} s, process {b['wall_s']:.1f} s, "
                f"store {b['db_mb']:,.0f} MB",
                "",
                Text(""),
            )
        if "overhead_pct" in build:
            table.add_row(
                n, "clustering overhead", f"{build['overhead_pct']:+.1f} %", "", "", "", Text("")
            )
        q = size.get("quality")
        if q:
            table.add_row(
                n,
                "B-cubed P / R / F1",
                "",
                "",
                f"{q['precision']:.4f} / {q['recall']:.4f} / {q['f1']:.4f}; "
                f"{q['clusters']:,} clusters of {q['events']:,} events",
                f"F1 ≥ {TARGET_F1}",
                _verdict(q["f1_ok"]),
            )
            table.add_row(
                n,
                "look-alike pairs merged",
                "",
                "",
                f"{q['lookalike_pairs_merged']:,} of {q['lookalike_pairs']:,}",
                "",
                Text(""),
            )
        for view in size.get("views", []):
            if view.get("failed"):
                table.add_row(n, view["view"], "failed", "", "", "", _verdict(False))
                continue
            table.add_row(
                n,
                view["view"],
                f"{view['best_s']:.2f} s",
                f"{view['peak_rss_mb']:,.0f} MB",
                f"{view['lines']:,} lines",
                _view_target(view),
                _verdict(view["ok"]),
            )
        ingest = size.get("real_ingest")
        if ingest:
            for mode in ("clustered", "deferred"):
                table.add_row(
                    n,
                    f"real ingest, {mode} (--workers {ingest['workers']})",
                    f"{ingest[f'{mode}_s']:.2f} s",
                    f"{ingest[f'{mode}_peak_rss_mb']:,.0f} MB",
                    f"best of {ingest['rounds']}",
                    "",
                    Text(""),
                )
            quality = ingest["quality"]
            table.add_row(
                n,
                "real ingest, clustering overhead",
                f"{ingest['overhead_pct']:+.1f} %",
                "",
                f"B-cubed F1 {quality['f1']:.4f}" if quality else "",
                "",
                Text(""),
            )
    for flat in results.get("flat", []):
        table.add_row(
            f"{flat['from']:,} → {flat['to']:,}",
            f"{flat['view']}: memory flat",
            "",
            f"{flat['growth_pct']:+.1f} %",
            f"{flat['rss_mb'][0]:,.0f} → {flat['rss_mb'][1]:,.0f} MB",
            f"≤ +{FLAT_PCT:g} %",
            _verdict(flat["ok"]),
        )
    console.print(table)


def markdown(results: dict[str, Any]) -> str:
    """The figures as a Markdown table, one column per size."""
    sizes = results["sizes"]
    header = ["", "target", *(f"{s['articles']:,} articles" for s in sizes)]
    rows: list[list[str]] = []

    def add(label: str, target: str, cell: Any) -> None:
        rows.append([label, target, *(cell(s) for s in sizes)])

    def build(mode: str, field: str, fmt: str) -> Any:
        def cell(size: dict[str, Any]) -> str:
            b = size.get("build", {}).get(mode)
            return format(b[field], fmt) if b else "failed"

        return cell

    add("build with clustering (s)", "", build("clustered", "store_s", ".1f"))
    add("build without clustering (s)", "", build("unclustered", "store_s", ".1f"))
    add(
        "clustering overhead",
        "",
        lambda s: (
            f"{s['build']['overhead_pct']:+.0f} %" if "overhead_pct" in s.get("build", {}) else "–"
        ),
    )
    add("build peak RSS, clustered (MB)", "", build("clustered", "peak_rss_mb", ",.0f"))
    add("store size (MB)", "", build("clustered", "db_mb", ",.0f"))

    def quality(size: dict[str, Any]) -> str:
        q = size.get("quality")
        if not q:
            return "–"
        mark = "" if q["f1_ok"] else " **MISS**"
        return f"{q['precision']:.3f} / {q['recall']:.3f} / {q['f1']:.3f}{mark}"

    add("B-cubed P / R / F1", f"F1 ≥ {TARGET_F1}", quality)
    add(
        "look-alike pairs merged",
        "",
        lambda s: (
            f"{s['quality']['lookalike_pairs_merged']:,} of {s['quality']['lookalike_pairs']:,}"
            if s.get("quality")
            else "–"
        ),
    )
    for view, target, note in VIEWS:
        key = " ".join(view)

        def view_cell(size: dict[str, Any], key: str = key) -> str:
            found = [v for v in size.get("views", []) if v["view"] == key]
            if not found:
                return "–"
            v = found[0]
            if v.get("failed"):
                return "failed"
            mark = "" if v["ok"] else " **MISS**"
            return f"{v['best_s']:.2f} s, {v['peak_rss_mb']:,.0f} MB, {v['lines']:,} lines{mark}"

        goal = (f"≤ {target:g} s, " if target else "") + f"< {RSS_MB:g} MB"
        add(f"`vntrade {key}`" + (f" ({note})" if note else ""), goal, view_cell)

    def ingest(size: dict[str, Any]) -> str:
        i = size.get("real_ingest")
        if not i:
            return "–"
        cpu = {mode: min(r["cpu_s"] for r in i["runs"][mode]) for mode in ("clustered", "deferred")}
        return (
            f"{i['clustered_s']:.1f} s / {i['deferred_s']:.1f} s ({i['overhead_pct']:+.0f} %); "
            f"CPU of all processes {cpu['clustered']:.1f} s / {cpu['deferred']:.1f} s"
        )

    if any(s.get("real_ingest") for s in sizes):
        add(f"spaCy ingest, --workers {INGEST_WORKERS}: clustered / deferred", "", ingest)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    for flat in results.get("flat", []):
        mark = "" if flat["ok"] else " **MISS**"
        lines.append(
            f"\n`vntrade {flat['view']}` peak RSS {flat['from']:,} → {flat['to']:,} articles: "
            f"{flat['rss_mb'][0]:,.0f} → {flat['rss_mb'][1]:,.0f} MB "
            f"({flat['growth_pct']:+.1f} %; target ≤ +{FLAT_PCT:g} %){mark}"
        )
    return "\n".join(lines)


def flatness(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The growth of `FLAT_VIEWS`' peak RSS from the second largest size to the largest."""
    measured = sorted((s for s in sizes if s.get("views")), key=lambda s: s["articles"])
    if len(measured) < 2:
        return []
    small, large = measured[-2:]
    found = []
    for view in FLAT_VIEWS:
        rss = [
            next((v.get("peak_rss_mb") for v in size["views"] if v["view"] == view), None)
            for size in (small, large)
        ]
        if None in rss:
            continue
        growth = 100 * (rss[1] / rss[0] - 1)
        found.append({
            "view": view, "from": small["articles"], "to": large["articles"],
            "rss_mb": rss, "growth_pct": round(growth, 1), "ok": growth <= FLAT_PCT,
        })  # fmt: skip
    return found


# -- the script --------------------------------------------------------------------------


def vntrade() -> str:
    """The `vntrade` console script next to this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / "vntrade"
    return str(beside) if beside.exists() else shutil.which("vntrade") or "vntrade"


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def _remove_db(db: Path) -> None:
    for path in db.parent.glob(db.name + "*"):  # the store, its -wal, -shm and lock files
        if path.is_file():
            path.unlink()


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}")
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(SIZES),
        help="comma-separated article counts (default 1000,10000,100000)",
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"corpus seed ({SEED})")
    parser.add_argument(
        "--repeats", type=int, default=REPEATS, help=f"timed runs of each view ({REPEATS})"
    )
    parser.add_argument(
        "--real-ingest",
        action="store_true",
        help=f"also ingest {INGEST_SIZE:,} articles with spaCy (when {INGEST_SIZE:,} is a size)",
    )
    parser.add_argument(
        "--ingest-rounds",
        type=int,
        default=INGEST_ROUNDS,
        help=f"clustered and deferred ingests, alternately ({INGEST_ROUNDS} of each)",
    )
    parser.add_argument(
        "--workdir", type=Path, help="build the stores here and keep them (default: a temp dir)"
    )
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help="the JSON results (scale_results.json)"
    )
    # The hidden sub-command a build runs in: --build DB --articles N [--no-cluster].
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--no-cluster", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--shape", default="default", help=argparse.SUPPRESS)
    parser.add_argument("--shuffle", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--shape-size",
        type=int,
        default=SHAPE_SIZE,
        help=f"articles of each corpus shape scored for quality and order ({SHAPE_SIZE:,}; "
        "0 to skip)",
    )
    args = parser.parse_args()
    if args.build:
        figures = build_store(
            args.build, args.articles, args.seed, not args.no_cluster, args.shape, args.shuffle
        )
        print(json.dumps(figures))
        return 0

    console = Console(width=None if sys.stdout.isatty() else 150)
    failures = Failures()
    results: dict[str, Any] = {
        "date": now(),
        "machine": machine(),
        "load_before": load_average(),
        "settings": {
            "seed": args.seed,
            "repeats": args.repeats,
            "real_ingest": args.real_ingest,
            "ingest_rounds": args.ingest_rounds,
        },
        "targets": {
            "timeline_s": TIMELINE_S,
            "compare_s": COMPARE_S,
            "peak_rss_mb": RSS_MB,
            "f1": TARGET_F1,
            "flat_rss_pct": FLAT_PCT,
        },
        "sizes": [],
    }
    with tempfile.TemporaryDirectory(prefix="vntrade-scale-") as temporary:
        workdir = args.workdir or Path(temporary)
        if args.shape_size:
            console.print(f"[bold]corpus shapes[/], {args.shape_size:,} articles each")
            results["shapes"] = measure_shapes(
                __file__, args.shape_size, args.seed, workdir / "shapes",
                subprocess_env(workdir / "cache"), failures,
            )  # fmt: skip
        for n in args.sizes:
            results["sizes"].append(measure_size(n, args, workdir, failures, console))
    results["flat"] = flatness(results["sizes"])
    results["load_after"] = load_average()
    results["failures"] = list(failures)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")

    print_table(results, console)
    console.print(
        f"seed {args.seed}; views: best of {args.repeats} runs, stdout to /dev/null; "
        f"build time: the store's, without the generator's; figures in {args.output}"
    )
    print()
    print(markdown(results))
    if results.get("shapes"):
        print()
        print(markdown_rows(results["shapes"]))
    if failures:
        console.print(f"[bold red]{len(failures)} command(s) failed:[/]")
        for failure in failures:
            console.print(failure, markup=False, highlight=False)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
