"""Running one measured command: wall time, CPU time and peak RSS summed over its process tree."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

RSS_INTERVAL = 0.05  # 20 Hz: short enough to catch the peak of a batch
TREE_INTERVAL = 0.5  # finding new children scans all of /proc (~6 ms): do it less often


@dataclass(slots=True)
class Measured:
    """What one run of a command cost."""

    wall_s: float
    cpu_s: float  # user + system seconds of the whole process tree
    peak_rss_mb: float  # the largest sum of RSS over the tree seen at one moment
    processes: int  # how many distinct processes the tree held over the run
    returncode: int
    stdout: str
    stderr: str


class TreeSampler(threading.Thread):
    """Polls a process and its descendants; keeps the peak of their summed RSS."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.known: dict[int, psutil.Process] = {pid: self.root}
        self.seen: set[int] = {pid}
        self.cpu: dict[int, float] = {}  # pid -> user + system seconds, as last seen
        self.peak = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        next_scan = 0.0
        while not self.stopping.is_set():
            now = time.monotonic()
            if now >= next_scan:
                self._scan()
                next_scan = now + TREE_INTERVAL
            self.peak = max(self.peak, self._rss())
            self.stopping.wait(RSS_INTERVAL)

    def _scan(self) -> None:
        try:
            children = self.root.children(recursive=True)
        except psutil.Error:  # the root has exited
            return
        for child in children:
            self.known.setdefault(child.pid, child)
            self.seen.add(child.pid)

    def _rss(self) -> int:
        total = 0
        for pid, process in list(self.known.items()):
            try:
                total += process.memory_info().rss
                times = process.cpu_times()
            except psutil.Error:  # exited since the last scan
                del self.known[pid]
                continue
            self.cpu[pid] = times.user + times.system
        return total

    def stop(self) -> int:
        self.stopping.set()
        self.join()
        return self.peak


def run_measured(
    command: list[str],
    *,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdout_path: Path | None = None,
) -> Measured:
    """Run `command` to the end while sampling its tree; stdout goes to a file if given."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = stdout_path.open("wb") if stdout_path else subprocess.PIPE
    start = time.perf_counter()
    try:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.PIPE, env=env, cwd=cwd, text=False
        )
        sampler = TreeSampler(process.pid)
        sampler.start()
        raw_out, raw_err = process.communicate()
        wall = time.perf_counter() - start
        peak = sampler.stop()
    finally:
        if stdout_path:
            out.close()  # type: ignore[union-attr]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Exact for what the command waited for; worker processes started through a forkserver
    # or by Dask are reaped by others, so their sampled times count too.
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(waited, sum(sampler.cpu.values()))
    return Measured(
        wall_s=wall,
        cpu_s=cpu,
        peak_rss_mb=peak / 2**20,
        processes=len(sampler.seen),
        returncode=process.returncode,
        stdout=(raw_out or b"").decode("utf-8", "replace"),
        stderr=(raw_err or b"").decode("utf-8", "replace"),
    )


def subprocess_env(cache_dir: Path) -> dict[str, str]:
    """The environment of every measured command: a private cache, no user settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNTRADE_")}
    env["VNTRADE_CACHE_DIR"] = str(cache_dir)
    env["TERM"] = "dumb"
    return env
