"""`make bench`: vntrade's throughput next to raw spaCy, scaling, caching, memory and start-up.

Every figure comes from one run on one machine: the raw `nlp.pipe` baseline and
`vntrade ingest` run interleaved (raw, ingest, raw, ingest, ...) so that noise from other
work on the machine hits both sides alike. Prints a table with targets, writes
benchmarks/results.json; exits 0 even when a target is missed, non-zero when a step fails.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from monitor import Measured, run_measured, subprocess_env
from report import (
    Figure,
    at_least,
    best,
    check,
    load_average,
    machine,
    median,
    now,
    print_table,
    save,
)
from rich.console import Console
from workload import Corpus, build_corpora

from vntrade.batch import PIPE_BATCH
from vntrade.nlp.pipeline import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
VNTRADE = str(BIN / "vntrade")
SEEDS = ROOT / "data" / "seeds"
STARTUP_REPEATS = 5
CACHED_REPEATS = 3
err = Console(stderr=True, highlight=False)


class StepFailed(Exception):
    """A measured command did not do its job: the benchmark cannot report on it."""


class Bench:
    """Runs measured commands in a private work directory and keeps a log of every run."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = subprocess_env(work / "cache")
        self.runs: list[dict[str, Any]] = []
        self.dbs = 0

    def run(
        self, name: str, command: list[str], words: int | None = None, **extra: Any
    ) -> Measured:
        started = time.perf_counter()
        measured = run_measured(command, env=self.env, cwd=self.work)
        self.runs.append(
            {
                "name": name,
                "command": " ".join(command),
                "wall_s": round(measured.wall_s, 4),
                "cpu_s": round(measured.cpu_s, 3),
                "peak_rss_mb": round(measured.peak_rss_mb, 1),
                "processes": measured.processes,
                "words": words,
                "words_per_s": round(words / measured.wall_s, 1) if words else None,
                **extra,
            }
        )
        rate = f", {words / measured.wall_s:,.0f} words/s" if words else ""
        err.print(
            f"  {name}: {measured.wall_s:.2f} s{rate}, peak {measured.peak_rss_mb:,.0f} MB "
            f"[dim]({time.perf_counter() - started:.0f} s)[/]"
        )
        return measured

    def raw(self, corpus: Corpus, round_: int) -> dict[str, Any]:
        """The full model's `nlp.pipe` over the corpus' clean texts, in a fresh process."""
        command = [sys.executable, str(Path(__file__).parent / "raw_pipe.py")]
        command += [str(corpus.articles_jsonl), "--model", DEFAULT_MODEL]
        command += ["--batch-size", str(PIPE_BATCH)]
        measured = self.run(f"raw nlp.pipe, round {round_}", command, corpus.words)
        if measured.returncode:
            raise StepFailed(f"raw nlp.pipe failed:\n{measured.stderr[-2000:]}")
        inner = json.loads(measured.stdout.strip().splitlines()[-1])
        self.runs[-1].update(inner)
        return {"measured": measured, **inner}

    def ingest(
        self,
        name: str,
        corpus: Corpus,
        workers: int,
        *,
        engine: str = "local",
        db: Path | None = None,
        expect: str = "new",
    ) -> tuple[Measured, Path]:
        """`vntrade ingest` into `db` (a fresh store if None); checks its summary."""
        if db is None:
            self.dbs += 1
            db = self.work / f"store{self.dbs}.db"
        command = [VNTRADE, "ingest", str(corpus.directory), "--db", str(db)]
        command += ["--workers", str(workers), "--engine", engine]
        command += ["--batch-size", str(PIPE_BATCH), "--quiet", "--format", "json"]
        words = corpus.words if expect == "new" else None  # a cached run's rate means nothing
        measured = self.run(name, command, words, workers=workers, engine=engine)
        summary = _summary(name, measured)
        self.runs[-1]["summary"] = summary
        if summary["articles"] != corpus.articles or summary[expect] != corpus.articles:
            hint = " (did the pipeline's code or data change during the run?)"
            raise StepFailed(
                f"{name}: expected {corpus.articles} {expect} articles, got {summary}"
                f"{hint if expect == 'unchanged' else ''}\n{measured.stderr[-2000:]}"
            )
        return measured, db


def _summary(name: str, measured: Measured) -> dict[str, Any]:
    try:
        return json.loads(measured.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise StepFailed(
            f"{name} exited {measured.returncode} without a summary:\n{measured.stderr[-2000:]}"
        ) from None


def imports_spacy(bench: Bench, args: list[str]) -> bool:
    """Whether `python -m vntrade ARGS` imports spaCy (from `-X importtime`)."""
    command = [sys.executable, "-X", "importtime", "-m", "vntrade", *args]
    measured = run_measured(command, env=bench.env, cwd=bench.work)
    if measured.returncode:
        raise StepFailed(f"vntrade {' '.join(args)} failed:\n{measured.stderr[-2000:]}")
    modules = (line.rsplit("|", 1)[-1].strip() for line in measured.stderr.splitlines())
    return any(module == "spacy" for module in modules)


def startup(bench: Bench) -> list[Figure]:
    """`vntrade --help` and a cached `vntrade timeline data/seeds`, best of a few runs each."""
    err.print("[bold]start-up[/]")
    help_runs = [bench.run("vntrade --help", [VNTRADE, "--help"]) for _ in range(STARTUP_REPEATS)]
    timeline = [VNTRADE, "timeline", str(SEEDS), "--format", "jsonl"]
    warm = bench.run("vntrade timeline data/seeds (fills the cache)", timeline)
    if warm.returncode or not warm.stdout.strip():
        raise StepFailed(f"vntrade timeline failed:\n{warm.stderr[-2000:]}")
    cached = [
        bench.run("vntrade timeline data/seeds (cached)", timeline) for _ in range(STARTUP_REPEATS)
    ]
    help_s = min(m.wall_s for m in help_runs)
    cached_s = min(m.wall_s for m in cached)
    return [
        check("help_s", "vntrade --help (best of 5)", help_s, "s", "< 0.5 s", lambda v: v < 0.5),
        check(
            "help_imports_spacy",
            "spaCy imported by vntrade --help",
            imports_spacy(bench, ["--help"]),
            "",
            "no",
            lambda v: not v,
        ),
        Figure("timeline_first_s", "vntrade timeline data/seeds, empty cache", warm.wall_s, "s"),
        Figure(
            "timeline_cached_s", "vntrade timeline data/seeds, cached (best of 5)", cached_s, "s"
        ),
        check(
            "timeline_cached_imports_spacy",
            "spaCy imported by a cached timeline",
            imports_spacy(bench, ["timeline", str(SEEDS), "--format", "jsonl"]),
            "",
            "no",
            lambda v: not v,
        ),
    ]


def throughput(bench: Bench, large: Corpus, small: Corpus, repeats: int) -> list[Figure]:
    """Raw and end-to-end rounds, workers 2, the cached re-run, memory, and Dask."""
    raws, firsts, doubles, cached = [], [], [], []
    for round_ in range(1, repeats + 1):
        err.print(f"[bold]round {round_} of {repeats}[/] ({large.words:,} words)")
        raws.append(bench.raw(large, round_))
        first, db = bench.ingest(f"ingest --workers 1, round {round_}", large, 1)
        firsts.append(first)
        if round_ == 1:  # the same command again: everything is already in the store
            for _ in range(CACHED_REPEATS):
                again, _ = bench.ingest(
                    "ingest again (cached)", large, 1, db=db, expect="unchanged"
                )
                cached.append(again)
            cached_first = first.wall_s
        doubles.append(bench.ingest(f"ingest --workers 2, round {round_}", large, 2)[0])
    err.print(f"[bold]memory[/] ({small.words:,} words)")
    small_run, _ = bench.ingest("ingest --workers 1, small corpus", small, 1)
    err.print("[bold]dask[/]")
    dask, _ = bench.ingest("ingest --engine dask --workers 2", large, 2, engine="dask")

    words = large.words
    raw_wps = [words / r["measured"].wall_s for r in raws]
    pipe_wps = [words / r["pipe_s"] for r in raws]
    w1_wps = [words / m.wall_s for m in firsts]
    w2_wps = [words / m.wall_s for m in doubles]
    raw_cpu = min(r["measured"].cpu_s for r in raws)
    w1_cpu = min(m.cpu_s for m in firsts)
    peak_small = small_run.peak_rss_mb
    peak_large = max(m.peak_rss_mb for m in firsts)
    cached_s = min(m.wall_s for m in cached)
    dask_wps = words / dask.wall_s
    return [
        Figure("raw_wps", "raw nlp.pipe, whole process (best)", best(raw_wps), "words/s"),
        Figure(
            "raw_wps_median", "raw nlp.pipe, whole process (median)", median(raw_wps), "words/s"
        ),
        Figure("raw_pipe_only_wps", "raw nlp.pipe, pipe only (best)", best(pipe_wps), "words/s"),
        Figure("ingest_w1_wps", "ingest --workers 1, end to end (best)", best(w1_wps), "words/s"),
        Figure("ingest_w1_wps_median", "ingest --workers 1 (median)", median(w1_wps), "words/s"),
        at_least("ratio_best", "ingest / raw, best of each", best(w1_wps) / best(raw_wps), 0.85),
        at_least(
            "ratio_median", "ingest / raw, median of each", median(w1_wps) / median(raw_wps), 0.85
        ),
        Figure("ratio_cpu", "ingest / raw, by CPU time (least of each)", raw_cpu / w1_cpu),
        Figure("ratio_pipe_only", "ingest / raw pipe only (best)", best(w1_wps) / best(pipe_wps)),
        Figure("ingest_w2_wps", "ingest --workers 2 (best)", best(w2_wps), "words/s"),
        at_least("speedup_w2", "speed-up --workers 2 / 1", best(w2_wps) / best(w1_wps), 1.5),
        Figure("cached_rerun_s", "ingest again, all unchanged (best of 3)", cached_s, "s"),
        at_least("cached_speedup", "first run / cached re-run", cached_first / cached_s, 50),
        check(
            "peak_rss_w1_small_mb",
            f"peak RSS --workers 1, {small.words // 1000}k words",
            peak_small,
            "MB",
            "<= 800 MB",
            lambda v: v <= 800,
        ),
        check(
            "peak_rss_w1_mb",
            f"peak RSS --workers 1, {words // 1000}k words",
            peak_large,
            "MB",
            "<= 800 MB",
            lambda v: v <= 800,
        ),
        check(
            "peak_rss_growth",
            f"peak RSS growth {small.words // 1000}k -> {words // 1000}k",
            peak_large / peak_small - 1,
            "",
            "<= 0.10",
            lambda v: v <= 0.10,
        ),
        Figure(
            "peak_rss_w2_mb",
            "peak RSS --workers 2, all processes",
            max(m.peak_rss_mb for m in doubles),
            "MB",
        ),
        Figure(
            "peak_rss_raw_mb",
            "peak RSS raw nlp.pipe",
            max(r["measured"].peak_rss_mb for r in raws),
            "MB",
        ),
        Figure("dask_w2_wps", "ingest --engine dask --workers 2", dask_wps, "words/s"),
        Figure("dask_vs_local", "dask / local, --workers 2", dask_wps / best(w2_wps)),
        Figure("peak_rss_dask_mb", "peak RSS dask, all processes", dask.peak_rss_mb, "MB"),
    ]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000, help="large corpus (300000)")
    parser.add_argument("--small-words", type=int, default=100_000, help="small corpus (100000)")
    parser.add_argument("--repeats", type=int, default=2, help="interleaved rounds (2)")
    parser.add_argument("--seed", type=int, default=2025, help="corpus seed (2025)")
    parser.add_argument(
        "--output",
        type=Path,
        help="results file [default: benchmarks/results.json; for a corpus under 300k "
        "words, benchmarks/corpus/results-small.json]",
    )
    args = parser.parse_args()
    if not 0 < args.small_words < args.words or args.repeats < 1:
        parser.error("need 0 < --small-words < --words and --repeats >= 1")
    if args.output is None:
        official = args.words >= 300_000
        args.output = (
            ROOT / "benchmarks" / ("results.json" if official else "corpus/results-small.json")
        )
    return args


def main() -> int:
    args = parse_args()
    started = time.perf_counter()
    info: dict[str, Any] = {"date": now(), "machine": machine(), "load_before": load_average()}
    work = Path(tempfile.mkdtemp(prefix="vntrade-bench-"))
    bench = Bench(work)
    try:
        err.print(f"[bold]corpus[/]: generating {args.words:,} words (seed {args.seed})")
        corpora = build_corpora(
            ROOT / "benchmarks" / "corpus", [args.small_words, args.words], args.seed, VNTRADE
        )
        small, large = corpora[args.small_words], corpora[args.words]
        figures = startup(bench) + throughput(bench, large, small, args.repeats)
    except StepFailed as error:
        err.print(f"[bold red]benchmark step failed[/]: {error}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    figures.append(
        check("elapsed_s", "whole benchmark", elapsed, "s", "< 600 s", lambda v: v < 600)
    )
    info.update(
        load_after=load_average(),
        elapsed_s=round(elapsed, 1),
        corpus={
            "seed": args.seed,
            "articles": large.articles,
            "words": large.words,
            "chars": large.chars,
            "small_articles": small.articles,
            "small_words": small.words,
        },
        settings={"batch_size": PIPE_BATCH, "repeats": args.repeats, "model": DEFAULT_MODEL},
    )
    console = Console(highlight=False)
    if not console.is_terminal:  # piped: rich would wrap at 80 columns
        console = Console(highlight=False, width=120)
    print_table(figures, info, console)
    save(args.output, figures, info, bench.runs)
    err.print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
