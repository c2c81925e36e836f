"""`vntrade db import`: records from a Parquet dataset into a store."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from vntrade.errors import as_text
from vntrade.ingest.derive import Arrival
from vntrade.ingest.store_run import StoreRun
from vntrade.ingest.summary import Summary
from vntrade.store import Batch, Store, StoredRow, article_digest, split_record


def import_records(
    store: Store,
    pairs: Iterable[tuple[dict[str, Any], str]],
    batch_size: int = 512,
    *,
    cluster: bool = True,
) -> Summary:
    """Bring (record, pipeline) pairs, e.g. read from a Parquet dataset, into a store; their
    events are clustered as ingest clusters them."""
    from vntrade.batch import chunked

    summary = Summary(str(store.path))
    run = StoreRun(store, "import", summary, cluster=cluster)
    run.start()
    done: set[str] = set()
    try:
        for chunk in chunked(iter(pairs), batch_size):
            records = []
            known = store.known(as_text(record["id"]) for record, _ in chunk)
            batch = Batch()
            for record, pipeline in chunk:
                # names from the file system as ingest stores them (bytes not UTF-8 as \xNN)
                record["id"], record["source"] = as_text(record["id"]), as_text(record["source"])
                if record["id"] in done:  # a second copy: the first one counts
                    summary.counts["unchanged"] += 1
                    continue
                done.add(record["id"])
                article, extraction = split_record(record)
                digest = article_digest(article)
                stored = known.get(record["id"])
                if stored and stored.unchanged(digest, pipeline):
                    batch.seen.append(record["id"])
                    summary.counts["unchanged"] += 1
                    continue
                summary.counts["updated" if stored else "new"] += 1
                records.append(record)
                batch.rows.append(
                    StoredRow.of(
                        article,
                        json.dumps(extraction, ensure_ascii=False),
                        digest=digest,
                        pipeline=pipeline,
                        reference_date=record.get("reference_date"),
                    )
                )
            run.commit(batch, [Arrival.of(record) for record in records])
        run.finish_events()
        summary.status = "done"
    finally:
        run.end()
    return summary
