"""`make bench-dumps`: big dumps stream in constant memory.

Writes JSONL, JSON-array and CSV dumps of 20 MB and 200 MB (generated articles with unique
ids), runs `vntrade articles DUMP --format jsonl` on each with stdout to a file, and prints
wall time, throughput and peak RSS. Memory must not grow with the dump: the 200 MB figure
should be within a few MB of the 20 MB one. Exits 1 if a run fails or loses a record.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

from monitor import run_measured, subprocess_env
from rich.console import Console
from rich.table import Table

from vntrade.corpus import make_corpus

SIZES_MB = (20, 200)
GROWTH_LIMIT_MB = 25  # peak RSS at 200 MB minus at 20 MB


def write_dumps(folder: Path, megabytes: int) -> dict[str, tuple[Path, int]]:
    """JSONL, JSON and CSV dumps of about `megabytes` MB each, with their record counts."""
    target = megabytes * 1_000_000
    paths = {kind: folder / f"dump{megabytes}.{kind}" for kind in ("jsonl", "json", "csv")}
    count = 0
    with (
        paths["jsonl"].open("w", encoding="utf-8") as jsonl,
        paths["json"].open("w", encoding="utf-8") as array,
        paths["csv"].open("w", encoding="utf-8", newline="") as table,
    ):
        writer = csv.writer(table)
        writer.writerow(["id", "published", "agency", "text"])
        array.write("[")
        articles = make_corpus(10_000_000, seed=megabytes)
        while jsonl.tell() < target:
            article = next(articles)
            record = {
                "id": f"a{count:08d}",
                "published": article.published.isoformat(),
                "agency": article.style,
                "text": article.text,
            }
            line = json.dumps(record, ensure_ascii=False)
            jsonl.write(line + "\n")
            array.write(("," if count else "") + "\n" + line)
            writer.writerow(record.values())
            count += 1
        array.write("\n]\n")
    return {kind: (path, count) for kind, path in paths.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES_MB), metavar="MB")
    args = parser.parse_args()
    console = Console(stderr=True)
    table = Table(title="vntrade articles on big dumps")
    for name in ("dump", "MB", "records", "seconds", "MB/s", "peak RSS MB"):
        table.add_column(name, justify="right" if name != "dump" else "left")
    failed = False
    peaks: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="vntrade-dumps-") as tmp:
        folder = Path(tmp)
        env = subprocess_env(folder / "cache")
        for megabytes in args.sizes:
            console.print(f"writing {megabytes} MB dumps...")
            for kind, (path, count) in write_dumps(folder, megabytes).items():
                out = folder / "out.jsonl"
                command = [sys.executable, "-m", "vntrade", "articles", str(path)]
                measured = run_measured([*command, "--format", "jsonl"], env=env, stdout_path=out)
                with out.open("rb") as lines:
                    written = sum(1 for _ in lines)
                ok = measured.returncode == 0 and written == count
                failed |= not ok
                size = path.stat().st_size / 1e6
                peaks.setdefault(kind, []).append(measured.peak_rss_mb)
                table.add_row(
                    f"{path.name}{'' if ok else ' FAILED'}",
                    f"{size:,.0f}",
                    f"{count:,}",
                    f"{measured.wall_s:.1f}",
                    f"{size / measured.wall_s:.1f}",
                    f"{measured.peak_rss_mb:.0f}",
                )
                path.unlink()
    Console().print(table)
    for kind, values in peaks.items():
        growth = max(values) - min(values)
        verdict = "ok" if growth <= GROWTH_LIMIT_MB else "GROWS"
        print(f"{kind}: peak RSS grows by {growth:.1f} MB across sizes ({verdict})")
        failed |= growth > GROWTH_LIMIT_MB
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
