"""The SQLite store of extraction records, its writer lock, the extraction cache and the
Parquet dataset: everything that reads or writes SQL lives in this package."""

from vntrade.store.database import Store
from vntrade.store.filters import EntryFilter, StatementFilter
from vntrade.store.rows import (
    ARTICLE_KEYS,
    Batch,
    Known,
    SourceState,
    StoredRow,
    article_digest,
    split_record,
)
from vntrade.store.schema import DEFAULT_DB, SCHEMA_VERSION, EventsState
from vntrade.store.sqlite import connect, transaction

__all__ = [
    "ARTICLE_KEYS",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "Batch",
    "EntryFilter",
    "EventsState",
    "Known",
    "SourceState",
    "StatementFilter",
    "Store",
    "StoredRow",
    "article_digest",
    "connect",
    "split_record",
    "transaction",
]
