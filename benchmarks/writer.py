"""The CPU time ingest's writing process spends per article, without spaCy: the records of a
store (one `vntrade ingest` made), in the order they were stored, committed again into a new
store in chunks as ingest commits them. Each chunk's rows are derived beforehand, as ingest's
workers derive them (`--in-writer`: by the writer, as `db import` does); what is timed is
what the writer does, placing events into clusters and writing SQL.

    .venv/bin/python benchmarks/writer.py STORE.db [--batch-size 64] [--in-writer]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from vntrade.ingest.derive import Arrival, derive_in_workers
from vntrade.ingest.store_run import StoreRun
from vntrade.ingest.summary import Summary
from vntrade.records import ARTICLE_BATCH
from vntrade.store import Batch, Store, StoredRow, article_digest, split_record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="a store made by `vntrade ingest`")
    parser.add_argument("--batch-size", type=int, default=ARTICLE_BATCH)
    parser.add_argument("--in-writer", action="store_true", help="derive rows in the writer")
    args = parser.parse_args()
    with Store.open(args.store) as source:
        ids = source.article_ids_in_stored_order()
        found = source.records(ids)
    records = [found[i] for i in ids]
    chunks = [records[i : i + args.batch_size] for i in range(0, len(records), args.batch_size)]
    arrivals = [
        [Arrival.of(r) for r in chunk]
        if args.in_writer
        else [
            Arrival(d, lambda r=r: r) for d, r in zip(derive_in_workers(chunk), chunk, strict=True)
        ]
        for chunk in chunks
    ]
    with (
        tempfile.TemporaryDirectory() as folder,
        Store.open(Path(folder) / "replay.db", create=True) as store,
    ):
        run = StoreRun(store, "replay", Summary(folder), cluster=True)
        run.start()
        cpu = time.process_time()
        for chunk, arriving in zip(chunks, arrivals, strict=True):
            run.commit(_batch(chunk), arriving)
        cpu = time.process_time() - cpu
        run.end()
    figures = {
        "articles": len(records),
        "rows derived": "in the writer" if args.in_writer else "beforehand (workers)",
        "writer_cpu_s": round(cpu, 2),
        "writer_cpu_ms_per_article": round(1000 * cpu / max(1, len(records)), 2),
    }
    print(json.dumps(figures))


def _batch(chunk: list[dict]) -> Batch:
    """The article rows of one chunk, as ingest's driver makes them."""
    batch = Batch()
    for record in chunk:
        article, extraction = split_record(record)
        batch.rows.append(
            StoredRow.of(
                article,
                json.dumps(extraction, ensure_ascii=False),
                digest=article_digest(article),
                pipeline="replay",
                reference_date=record.get("reference_date"),
            )
        )
    return batch


if __name__ == "__main__":
    main()
