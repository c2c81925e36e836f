"""`make bench`: vntrade's throughput next to raw spaCy, scaling, caching, memory and start-up.

Every figure comes from one run on one machine. The raw `nlp.pipe` baseline and
`vntrade ingest` run back to back in rounds (raw, ingest, raw, ingest, ...) so that noise
from other work on the machine hits both sides alike; the first round always runs, later
ones only while the time budget allows. Prints a table with targets and writes
benchmarks/results.json; exits 0 even when a target is missed, 1 when a step fails.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from figures import figures
from report import check, load_average, machine, now, print_table, save
from rich.console import Console
from steps import (
    ROOT,
    VNTRADE,
    Bench,
    Samples,
    StepFailed,
    components,
    err,
    memory_and_dask,
    startup,
    throughput_round,
)
from workload import Corpus, build_corpora

from vntrade.nlp.pipeline import DEFAULT_MODEL
from vntrade.records import ARTICLE_BATCH

STARTUP_REPEATS = 5
COMPONENT_WORDS = 30_000  # enough for stable shares in ~10 s
TIME_LIMIT = 600  # the acceptance limit for the whole of `make bench`


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000, help="large corpus (300000)")
    parser.add_argument("--small-words", type=int, default=100_000, help="small corpus (100000)")
    parser.add_argument("--seed", type=int, default=2025, help="corpus seed (2025)")
    parser.add_argument("--rounds", type=int, default=2, help="most raw/ingest rounds (2)")
    parser.add_argument(
        "--budget",
        type=float,
        default=480,
        help="seconds after which no further round starts (480: leaves time for a fresh "
        "install within the 10-minute limit)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="results file [default: benchmarks/results.json; for a corpus under 300000 "
        "words, benchmarks/corpus/results-small.json]",
    )
    args = parser.parse_args()
    if not 0 < args.small_words < args.words or args.rounds < 1:
        parser.error("need 0 < --small-words < --words and --rounds >= 1")
    if args.output is None:
        name = "results.json" if args.words >= 300_000 else "corpus/results-small.json"
        args.output = ROOT / "benchmarks" / name
    return args


def measure(
    bench: Bench, args: argparse.Namespace, started: float
) -> tuple[Samples, Corpus, Corpus]:
    """Generate the corpora and run every step; returns the samples and the two corpora."""
    err.print(f"[bold]corpus[/]: {args.words:,} and {args.small_words:,} words, seed {args.seed}")
    corpora = build_corpora(
        ROOT / "benchmarks" / "corpus", [args.small_words, args.words], args.seed, VNTRADE
    )
    small, large = corpora[args.small_words], corpora[args.words]
    samples = Samples()
    startup(bench, samples, STARTUP_REPEATS)
    err.print(f"[bold]round 1[/] ({large.words:,} words)")
    round_s = throughput_round(bench, samples, large, "round 1")
    round_s -= sum(m.wall_s for m in samples.cached)  # only round 1 re-runs the cached ingest
    memory_and_dask(bench, samples, small, large)
    components(bench, samples, small, COMPONENT_WORDS)
    two_workers_s = samples.workers2[0].wall_s
    for number in range(2, args.rounds + 1):
        left = args.budget - (time.perf_counter() - started)
        if left < round_s - two_workers_s:
            err.print(f"round {number} skipped: {left:.0f} s of the budget left")
            break
        workers2 = left >= round_s  # without --workers 2 if only the raw/ingest pair fits
        err.print(f"[bold]round {number}[/] ({large.words:,} words)")
        throughput_round(bench, samples, large, f"round {number}", workers2=workers2)
    return samples, large, small


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    info: dict[str, Any] = {"date": now(), "machine": machine(), "load_before": load_average()}
    work = Path(tempfile.mkdtemp(prefix="vntrade-bench-"))
    bench = Bench(work)
    try:
        samples, large, small = measure(bench, args, started)
    except (StepFailed, subprocess.CalledProcessError) as error:
        err.print(f"[bold red]benchmark step failed[/]: {error}")
        return 1
    except KeyboardInterrupt:
        err.print("interrupted")
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    results = figures(samples, large, small)
    results.append(
        check("elapsed_s", "whole benchmark", elapsed, "s", "< 600 s", lambda v: v < TIME_LIMIT)
    )
    info.update(
        load_after=load_average(),
        elapsed_s=round(elapsed, 1),
        components=samples.components,
        corpus={
            "seed": args.seed,
            "articles": large.articles,
            "words": large.words,
            "chars": large.chars,
            "small_articles": small.articles,
            "small_words": small.words,
        },
        settings={
            "model": DEFAULT_MODEL,
            "batch_size": ARTICLE_BATCH,
            "rounds": len(samples.raw),
            "rounds_with_workers_2": len(samples.workers2),
            "budget_s": args.budget,
        },
    )
    console = Console(highlight=False)
    if not console.is_terminal:  # piped or redirected: rich would wrap at 80 columns
        console = Console(highlight=False, width=120)
    print_table(results, info, console)
    save(args.output, results, info, bench.runs)
    err.print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
