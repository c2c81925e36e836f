"""The benchmark's measured commands: raw `nlp.pipe`, `vntrade ingest` and start-up commands."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor import Measured, run_measured, subprocess_env
from rich.console import Console
from workload import Corpus

from vntrade.nlp.pipeline import DEFAULT_MODEL
from vntrade.records import ARTICLE_BATCH

ROOT = Path(__file__).resolve().parent.parent
VNTRADE = str(Path(sys.executable).parent / "vntrade")
SEEDS = ROOT / "data" / "seeds"
err = Console(stderr=True, highlight=False, soft_wrap=True)  # progress lines: never wrapped


class StepFailed(Exception):
    """A measured command did not do its job: the benchmark cannot report on it."""


@dataclass(slots=True)
class RawRun:
    """One baseline process: its measurement and its own timings of load and pipe."""

    measured: Measured
    startup_s: float
    pipe_s: float


@dataclass(slots=True)
class Samples:
    """Every measurement the figures are computed from."""

    help: list[Measured] = field(default_factory=list)
    help_imports_spacy: bool | None = None
    timeline_first: Measured | None = None
    timeline_cached: list[Measured] = field(default_factory=list)
    timeline_imports_spacy: bool | None = None
    raw: list[RawRun] = field(default_factory=list)
    raw_numpy: list[RawRun] = field(default_factory=list)  # multiplying as vntrade does
    workers1: list[Measured] = field(default_factory=list)
    workers2: list[Measured] = field(default_factory=list)
    cached_first: Measured | None = None  # the run that filled the store re-run below
    cached: list[Measured] = field(default_factory=list)
    small: Measured | None = None
    dask: Measured | None = None
    components: dict[str, Any] | None = None  # from components.py


class Bench:
    """Runs measured commands in a private work directory and logs every run."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.env = subprocess_env(work / "cache")
        self.runs: list[dict[str, Any]] = []
        self.stores = 0

    def run(self, name: str, command: list[str], words: int | None = None, **log: Any) -> Measured:
        """Run `command` to the end, log it and say on stderr what it cost."""
        measured = run_measured(command, env=self.env, cwd=self.work)
        rate = words / measured.wall_s if words else None
        self.runs.append(
            {
                "name": name,
                "command": " ".join(command),
                "wall_s": round(measured.wall_s, 4),
                "cpu_s": round(measured.cpu_s, 3),
                "peak_rss_mb": round(measured.peak_rss_mb, 1),
                "processes": measured.processes,
                "words": words,
                "words_per_s": round(rate, 1) if rate else None,
                "stderr": measured.stderr[-500:] or None,  # e.g. a warning from vntrade
                **log,
            }
        )
        shown = f", {rate:,.0f} words/s" if rate else ""
        err.print(
            f"  {name}: {measured.wall_s:.2f} s{shown}, CPU {measured.cpu_s:.1f} s, "
            f"peak RSS {measured.peak_rss_mb:,.0f} MB"
        )
        return measured

    def raw(self, corpus: Corpus, label: str, numpy_matrices: bool = False) -> RawRun:
        """The full model's `nlp.pipe` over the corpus' clean texts, in a fresh process;
        with `numpy_matrices`, multiplying as vntrade does."""
        command = [sys.executable, str(Path(__file__).parent / "raw_pipe.py")]
        command += [str(corpus.articles_jsonl), "--model", DEFAULT_MODEL]
        command += ["--batch-size", str(ARTICLE_BATCH)]
        if numpy_matrices:
            command.append("--numpy-matrices")
            label += ", numpy matrices"
        measured = self.run(f"raw nlp.pipe, {label}", command, corpus.words)
        if measured.returncode:
            raise StepFailed(f"raw nlp.pipe failed:\n{measured.stderr[-2000:]}")
        inner = json.loads(measured.stdout.strip().splitlines()[-1])
        self.runs[-1].update(inner)
        return RawRun(measured, inner["startup_s"], inner["pipe_s"])

    def ingest(
        self,
        name: str,
        corpus: Corpus,
        workers: int,
        *,
        engine: str = "local",
        db: Path | None = None,
        expect: str = "new",
        retried: bool = False,
    ) -> tuple[Measured, Path]:
        """`vntrade ingest` into `db` (a fresh store if None); checks what its summary says."""
        if db is None:
            self.stores += 1
            db = self.work / f"store{self.stores}.db"
        command = [VNTRADE, "ingest", str(corpus.directory), "--db", str(db)]
        command += ["--workers", str(workers), "--engine", engine]
        command += ["--batch-size", str(ARTICLE_BATCH), "--quiet", "--summary", "json"]
        words = corpus.words if expect == "new" else None  # a cached run's rate means nothing
        measured = self.run(name, command, words, workers=workers, engine=engine)
        summary = _summary(name, measured)
        self.runs[-1]["summary"] = summary
        if expect == "unchanged" and summary["updated"] == corpus.articles and not retried:
            # vntrade's code or pattern data changed since the store was filled (someone is
            # editing the tree): that run redid everything, so the next one is the cached one.
            err.print("  the pipeline changed during the benchmark: running it again")
            return self.ingest(name, corpus, workers, db=db, expect=expect, retried=True)
        if summary["articles"] != corpus.articles or summary[expect] != corpus.articles:
            raise StepFailed(
                f"{name}: expected {corpus.articles} {expect} articles, got {summary}\n"
                f"{measured.stderr[-2000:]}"
            )
        return measured, db

    def command(self, name: str, args: list[str]) -> Measured:
        """`vntrade ARGS`, which must succeed and print something."""
        measured = self.run(name, [VNTRADE, *args])
        if measured.returncode or not measured.stdout.strip():
            raise StepFailed(f"vntrade {' '.join(args)} failed:\n{measured.stderr[-2000:]}")
        return measured

    def components(self, corpus: Corpus, words: int) -> dict[str, Any]:
        """Seconds per pipeline component over the first `words` words of `corpus`."""
        command = [sys.executable, str(Path(__file__).parent / "components.py")]
        command += [str(corpus.articles_jsonl), "--max-words", str(words)]
        measured = self.run("time per pipeline component", command)
        if measured.returncode:
            raise StepFailed(f"components.py failed:\n{measured.stderr[-2000:]}")
        return json.loads(measured.stdout.strip().splitlines()[-1])

    def imports_spacy(self, args: list[str]) -> bool:
        """Whether `python -m vntrade ARGS` imports spaCy (read from `-X importtime`)."""
        command = [sys.executable, "-X", "importtime", "-m", "vntrade", *args]
        measured = run_measured(command, env=self.env, cwd=self.work)
        if measured.returncode:
            raise StepFailed(f"vntrade {' '.join(args)} failed:\n{measured.stderr[-2000:]}")
        modules = (line.rsplit("|", 1)[-1].strip() for line in measured.stderr.splitlines())
        return "spacy" in modules


def _summary(name: str, measured: Measured) -> dict[str, Any]:
    try:
        return json.loads(measured.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise StepFailed(
            f"{name} exited {measured.returncode} without a summary:\n{measured.stderr[-2000:]}"
        ) from None


def startup(bench: Bench, samples: Samples, repeats: int) -> None:
    """`vntrade --help`, and `vntrade timeline data/seeds` once to fill the cache, then cached."""
    err.print("[bold]start-up[/]")
    samples.help = [bench.command("vntrade --help", ["--help"]) for _ in range(repeats)]
    samples.help_imports_spacy = bench.imports_spacy(["--help"])
    timeline = ["timeline", str(SEEDS), "--format", "jsonl"]
    samples.timeline_first = bench.command("vntrade timeline data/seeds, empty cache", timeline)
    samples.timeline_cached = [
        bench.command("vntrade timeline data/seeds, cached", timeline) for _ in range(repeats)
    ]
    samples.timeline_imports_spacy = bench.imports_spacy(timeline)


def throughput_round(
    bench: Bench, samples: Samples, corpus: Corpus, label: str, *, workers2: bool = True
) -> float:
    """Raw, then ingest at one worker (then two): back to back, so noise hits both alike.

    Returns the seconds the round took.
    """
    started = time.perf_counter()
    samples.raw.append(bench.raw(corpus, label))
    first, db = bench.ingest(f"ingest --workers 1, {label}", corpus, 1)
    samples.raw_numpy.append(bench.raw(corpus, label, numpy_matrices=True))
    samples.workers1.append(first)
    if samples.cached_first is None:  # the same command again: everything is in the store
        samples.cached_first = first
        samples.cached = [
            bench.ingest("ingest again, all unchanged", corpus, 1, db=db, expect="unchanged")[0]
            for _ in range(3)
        ]
    if workers2:
        samples.workers2.append(bench.ingest(f"ingest --workers 2, {label}", corpus, 2)[0])
    return time.perf_counter() - started


def memory_and_dask(bench: Bench, samples: Samples, small: Corpus, large: Corpus) -> None:
    """Peak memory at one worker on the small corpus; the Dask engine on the large one."""
    err.print(f"[bold]memory[/] ({small.words:,} words)")
    samples.small = bench.ingest("ingest --workers 1, small corpus", small, 1)[0]
    err.print(f"[bold]dask[/] ({large.words:,} words)")
    samples.dask = bench.ingest("ingest --engine dask --workers 2", large, 2, engine="dask")[0]


def components(bench: Bench, samples: Samples, corpus: Corpus, words: int) -> None:
    """Time each pipeline component alone: where ingest's time goes."""
    err.print(f"[bold]pipeline components[/] ({min(words, corpus.words):,} words)")
    samples.components = bench.components(corpus, words)
