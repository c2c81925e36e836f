"""`vntrade ingest` without the CLI: incremental extraction of article streams into a store.

Articles are classified before any parsing: one already stored with the same digest and
pipeline fingerprint is unchanged and skipped; the rest go to the engine in chunks, and every
finished chunk is committed in one transaction (or, for a dataset, written as Parquet parts
and then indexed in one transaction).
"""

from vntrade.ingest.events import recluster
from vntrade.ingest.imports import import_records
from vntrade.ingest.inputs import SkippedSource, read_inputs
from vntrade.ingest.run import Ingest, compact_dataset, duplicate_failure
from vntrade.ingest.summary import COUNTS, Summary

__all__ = [
    "COUNTS",
    "Ingest",
    "SkippedSource",
    "Summary",
    "compact_dataset",
    "duplicate_failure",
    "import_records",
    "read_inputs",
    "recluster",
]
