"""The store's tables: today's layout, and what older stores lack."""

from __future__ import annotations

from enum import StrEnum

from vntrade.store.statements import STATEMENTS_SQL

SCHEMA_VERSION = 2
DEFAULT_DB = "vntrade.db"


class EventsState(StrEnum):
    """Whether the events tables hold every stored article's clustered events (the `meta`
    row `events`)."""

    CURRENT = "current"
    PENDING = "pending"  # made by an older vntrade, or a re-clustering was interrupted
    UNCLUSTERED = "unclustered"  # ingested with --defer-clustering


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
CREATE INDEX IF NOT EXISTS articles_pipeline ON articles (pipeline);
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
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article TEXT NOT NULL,
    value TEXT NOT NULL,           -- TimeML value, a year-less one given the corpus year
    start TEXT,                    -- first day of its period; NULL when not on the calendar
    end TEXT,                      -- the day after its period
    kind TEXT NOT NULL,
    lead INTEGER NOT NULL,         -- 1 for the event that places its article (compare)
    inferred INTEGER NOT NULL,     -- 1 when the year came from the corpus
    cluster INTEGER,               -- NULL until clustered (ingest --defer-clustering)
    data TEXT NOT NULL             -- JSON: the event as the views show it, and its reference
);
CREATE INDEX IF NOT EXISTS events_start ON events (start);
CREATE INDEX IF NOT EXISTS events_kind ON events (kind, start);
CREATE INDEX IF NOT EXISTS events_article ON events (article);
CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster);
CREATE TABLE IF NOT EXISTS event_actors (
    event INTEGER NOT NULL,        -- events.id
    actor TEXT NOT NULL            -- a key actor (person or organisation), folded
);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event);
CREATE TABLE IF NOT EXISTS event_clusters (
    id INTEGER PRIMARY KEY,
    start TEXT,                    -- the days its members' dates cover; NULL when not placed
    end TEXT,
    events INTEGER NOT NULL,
    leads INTEGER NOT NULL,        -- articles whose lead event is in this cluster
    first_article TEXT,            -- the first of those (by id): ties in compare's order
    span_start TEXT,               -- the first day new events are matched on, while matchable
    profile TEXT                   -- JSON: clustering.Cluster; NULL for an event alone
);
CREATE INDEX IF NOT EXISTS event_clusters_start ON event_clusters (start);
CREATE INDEX IF NOT EXISTS event_clusters_leads ON event_clusters (leads DESC, first_article);
CREATE INDEX IF NOT EXISTS event_clusters_span ON event_clusters (span_start);
CREATE TABLE IF NOT EXISTS timeline_entries (
    id INTEGER PRIMARY KEY,
    cluster INTEGER NOT NULL,      -- a cluster's members of one day (or one coarser value)
    sort_key TEXT NOT NULL,        -- the timeline's order: start, precision, value, kind
    start TEXT,
    end TEXT,
    kind TEXT NOT NULL,
    entry TEXT NOT NULL            -- JSON: the timeline row
);
CREATE INDEX IF NOT EXISTS timeline_entries_sort ON timeline_entries (sort_key);
CREATE INDEX IF NOT EXISTS timeline_entries_cluster ON timeline_entries (cluster);
CREATE TABLE IF NOT EXISTS entry_names (
    entry INTEGER NOT NULL,        -- timeline_entries.id
    field TEXT NOT NULL,           -- actors | commodities
    name TEXT NOT NULL             -- a canonical name the entry gives
);
CREATE INDEX IF NOT EXISTS entry_names_name ON entry_names (field, name);
CREATE INDEX IF NOT EXISTS entry_names_entry ON entry_names (entry);
CREATE TABLE IF NOT EXISTS article_names (
    article TEXT NOT NULL,
    field TEXT NOT NULL,           -- actors | commodities
    name TEXT NOT NULL,
    type TEXT,                     -- actor type or commodity category
    role TEXT,
    aliases TEXT NOT NULL,         -- JSON list
    texts TEXT NOT NULL,           -- JSON list of mention texts (for --actor NAME)
    mentions INTEGER NOT NULL,
    directives INTEGER NOT NULL,   -- sentences with a directive naming it (commodities)
    published TEXT                 -- the article's date (publication, else reference)
);
CREATE INDEX IF NOT EXISTS article_names_name ON article_names (field, name, article);
CREATE INDEX IF NOT EXISTS article_names_article ON article_names (article);
CREATE TABLE IF NOT EXISTS name_aliases (
    field TEXT NOT NULL,           -- actors | commodities
    alias TEXT NOT NULL,           -- a name, alias or mention text, folded (for --actor NAME)
    name TEXT NOT NULL,            -- the canonical name it stands for
    PRIMARY KEY (field, alias, name)
) WITHOUT ROWID;
"""
SCHEMA_SQL += STATEMENTS_SQL  # who said what, by speaker (store/statements.py)

# Tables added after the first layout; a store without them is upgraded by `ingest`.
ADDED_TABLES = ("sources", "stale_parts", "events", "event_actors", "event_clusters",
                "timeline_entries", "entry_names", "article_names", "name_aliases",
                "statements")  # fmt: skip


def upgrade_sql(missing: list[str]) -> str:
    """ALTER statements that add the missing `articles` columns."""
    return " ".join(
        f"ALTER TABLE articles ADD COLUMN {name} {ADDED_COLUMNS[name]};"
        for name in ADDED_COLUMNS
        if f"column {name}" in missing
    )
