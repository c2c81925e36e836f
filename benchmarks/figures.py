"""From measurements to figures: each throughput, ratio, time and peak, with its target."""

from __future__ import annotations

import statistics

from report import Figure, at_least, check
from steps import Samples
from workload import Corpus

MAX_RSS_MB = 800
# Issue 22: ingest at 0.90 of raw nlp.pipe, and --workers 2 at 1.8 times --workers 1.
RATIO_TARGET = 0.90
SPEEDUP_TARGET = 1.8
MAX_GROWTH = 0.10  # "does not grow": the large corpus' peak within 10 % of the small one's


def figures(samples: Samples, large: Corpus, small: Corpus) -> list[Figure]:
    """Every figure of the benchmark, in the order of the table."""
    return (
        startup_figures(samples)
        + throughput_figures(samples, large)
        + memory_figures(samples, large, small)
    )


def startup_figures(s: Samples) -> list[Figure]:
    """Start-up times, and whether commands that need no model import spaCy."""
    help_s = min(m.wall_s for m in s.help)
    cached_s = min(m.wall_s for m in s.timeline_cached)
    first_s = s.timeline_first.wall_s if s.timeline_first else None
    n = len(s.help)
    return [
        check("help_s", f"vntrade --help (best of {n})", help_s, "s", "< 0.5 s", lambda v: v < 0.5),
        check(
            "help_imports_spacy",
            "spaCy imported by --help",
            s.help_imports_spacy,
            "",
            "no",
            lambda v: not v,
        ),
        Figure("timeline_first_s", "timeline data/seeds, empty cache", first_s, "s"),
        Figure("timeline_cached_s", f"timeline data/seeds, cached (best of {n})", cached_s, "s"),
        check(
            "timeline_cached_imports_spacy",
            "spaCy imported by a cached timeline",
            s.timeline_imports_spacy,
            "",
            "no",
            lambda v: not v,
        ),
    ]


def throughput_figures(s: Samples, corpus: Corpus) -> list[Figure]:
    """Words per second of each side, their ratios, scaling, Dask and the cached re-run."""
    words = corpus.words
    raw = [words / r.measured.wall_s for r in s.raw]
    pipe_only = [words / r.pipe_s for r in s.raw]
    one = [words / m.wall_s for m in s.workers1]
    two = [words / m.wall_s for m in s.workers2]
    same = [words / r.measured.wall_s for r in s.raw_numpy]
    raw_cpu = min(r.measured.cpu_s for r in s.raw)
    one_cpu = min(m.cpu_s for m in s.workers1)
    dask = words / s.dask.wall_s if s.dask else None
    first = s.cached_first.wall_s if s.cached_first else None
    cached = min(m.wall_s for m in s.cached) if s.cached else None
    return [
        Figure("raw_wps", "raw nlp.pipe, whole process (best)", max(raw), "words/s"),
        Figure("raw_wps_median", "raw nlp.pipe, whole process (median)", _median(raw), "words/s"),
        Figure("raw_pipe_only_wps", "raw nlp.pipe, pipe only (best)", max(pipe_only), "words/s"),
        Figure("ingest_w1_wps", "ingest --workers 1, end to end (best)", max(one), "words/s"),
        Figure("ingest_w1_wps_median", "ingest --workers 1 (median)", _median(one), "words/s"),
        at_least("ratio_best", "ingest / raw, best of each", max(one) / max(raw), RATIO_TARGET),
        at_least(
            "ratio_median",
            "ingest / raw, median of each",
            _median(one) / _median(raw),
            RATIO_TARGET,
        ),
        Figure("ratio_cpu", "ingest / raw, by CPU time (least of each)", raw_cpu / one_cpu),
        Figure("ratio_pipe_only", "ingest / raw pipe only (best)", max(one) / max(pipe_only)),
        Figure(
            "ratio_same_matrices",
            "ingest / raw multiplying as vntrade does (best): vntrade's own cost",
            max(one) / max(same) if same else None,
        ),
        Figure(
            "vntrade_share",
            "vntrade's components and records, share of pipeline time",
            s.components["vntrade_share"] if s.components else None,
            "%",
        ),
        Figure("ingest_w2_wps", "ingest --workers 2 (best)", max(two), "words/s"),
        at_least(
            "speedup_w2", "speed-up --workers 2 / 1 (best)", max(two) / max(one), SPEEDUP_TARGET
        ),
        Figure("dask_w2_wps", "ingest --engine dask --workers 2", dask, "words/s"),
        Figure(
            "dask_vs_local", "dask / local engine, --workers 2", dask / max(two) if dask else None
        ),
        Figure(
            "cached_rerun_s", f"ingest again, all unchanged (best of {len(s.cached)})", cached, "s"
        ),
        at_least("cached_speedup", "first run / cached re-run", first / cached, 50)
        if first and cached
        else Figure("cached_speedup", "first run / cached re-run", None, "", ">= 50", False),
    ]


def memory_figures(s: Samples, large: Corpus, small: Corpus) -> list[Figure]:
    """Peak RSS of each kind of run, and how one worker's peak grows with the corpus."""
    peak_large = max(m.peak_rss_mb for m in s.workers1)
    peak_small = s.small.peak_rss_mb if s.small else None
    growth = peak_large / peak_small - 1 if peak_small else None
    target = f"<= {MAX_RSS_MB} MB"
    big, little = f"{large.words // 1000}k", f"{small.words // 1000}k"
    return [
        check(
            "peak_rss_w1_small_mb",
            f"peak RSS --workers 1, {little} words",
            peak_small,
            "MB",
            target,
            lambda v: v <= MAX_RSS_MB,
        ),
        check(
            "peak_rss_w1_mb",
            f"peak RSS --workers 1, {big} words",
            peak_large,
            "MB",
            target,
            lambda v: v <= MAX_RSS_MB,
        ),
        check(
            "peak_rss_growth",
            f"peak RSS growth {little} -> {big}",
            growth,
            "",
            f"<= {MAX_GROWTH:.2f}",
            lambda v: v <= MAX_GROWTH,
        ),
        Figure(
            "peak_rss_raw_mb",
            "peak RSS raw nlp.pipe",
            max(r.measured.peak_rss_mb for r in s.raw),
            "MB",
        ),
        Figure(
            "peak_rss_w2_mb",
            "peak RSS --workers 2, all processes",
            max(m.peak_rss_mb for m in s.workers2),
            "MB",
        ),
        Figure(
            "peak_rss_dask_mb",
            "peak RSS dask, all processes",
            s.dask.peak_rss_mb if s.dask else None,
            "MB",
        ),
    ]


def _median(values: list[float]) -> float:
    return statistics.median(values)
