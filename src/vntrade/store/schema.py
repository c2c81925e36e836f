"""The store's tables: today's layout, and what older stores lack."""

from __future__ import annotations

SCHEMA_VERSION = 1
DEFAULT_DB = "vntrade.db"

# Columns of `articles` added after the first layout, with their SQL types.
ADDED_COLUMNS = {"part": "TEXT"}

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    sha256 TEXT NOT NULL,          -- of the clean text
    digest TEXT NOT NULL,          -- of every article field but id and source
    pipeline TEXT NOT NULL,        -- fingerprint of the pipeline that made the record
    published TEXT,
    reference_date TEXT,
    article TEXT,                  -- JSON; NULL when the record lives in a Parquet part
    extraction TEXT,               -- JSON of the pipeline's fields
    part TEXT,                     -- Parquet part holding the record (dataset index only)
    run INTEGER NOT NULL,          -- last ingest run that saw the article
    ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_reference_date ON articles (reference_date);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    line INTEGER,
    article TEXT,
    reason TEXT NOT NULL,
    run INTEGER NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_source ON failures (source);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS stale_parts (part TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,         -- an input file read completely, without any failure
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    pipeline TEXT NOT NULL,
    articles INTEGER NOT NULL
);
"""


def upgrade_sql(missing: list[str]) -> str:
    """ALTER statements that add the missing `articles` columns."""
    return " ".join(
        f"ALTER TABLE articles ADD COLUMN {name} {ADDED_COLUMNS[name]};"
        for name in ADDED_COLUMNS
        if f"column {name}" in missing
    )
