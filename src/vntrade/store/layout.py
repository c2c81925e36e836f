"""Whether a file is a sound vntrade store, and of which layout: what `Store.open` checks
before anything is written, the script of a new store, and the upgrade of an older one."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from vntrade.errors import DiskFull, StoreDamaged, StoreError, VntradeError, shown
from vntrade.store.schema import (
    ADDED_COLUMNS,
    ADDED_TABLES,
    SCHEMA_SQL,
    SCHEMA_VERSION,
    EventsState,
    upgrade_sql,
)
from vntrade.store.sqlite import disk_full, is_access, looks_like_sqlite, now

# The events tables' JSON columns (a cluster of one event has no profile: NULL).
_EVENT_JSON = (("events", "data"), ("timeline_entries", "entry"), ("event_clusters", "profile"))


def new_store_sql() -> str:
    """The script that makes a new store: today's tables and its `meta` rows."""
    return (
        f"BEGIN IMMEDIATE; {SCHEMA_SQL} INSERT INTO meta VALUES"
        f" ('schema_version', '{SCHEMA_VERSION}'), ('created_at', '{now()}'),"
        f" ('events', '{EventsState.CURRENT.value}'); COMMIT;"
    )


def open_error(error: sqlite3.DatabaseError, path: Path) -> VntradeError:
    """What an SQLite error while opening a store means for the user."""
    where = disk_full(error, path)
    if where is not None:
        return DiskFull(where)
    if isinstance(error, sqlite3.OperationalError) and is_access(error):
        return StoreError(f"cannot open {shown(path)}: {error}.")
    if not looks_like_sqlite(path):
        return StoreError(
            f"{shown(path)} is not a usable vntrade database (not an SQLite file); "
            "choose another --db FILE."
        )
    return StoreDamaged(path, str(error))


def inspect_layout(conn: sqlite3.Connection, path: Path, upgrade: bool) -> list[str]:
    """What today's layout has that the store at `path` lacks; a `StoreError` if it is not a
    vntrade store, or one this vntrade cannot read (or, without `upgrade`, an older one)."""
    name = shown(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "meta" not in tables:
        raise StoreError(
            f"{name} is an SQLite file but not a vntrade database; choose another --db FILE."
        )
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    value = row[0] if row else None
    if value is not None and not re.fullmatch("[0-9]{1,9}", str(value)):
        raise StoreError(
            f"{name} is not a usable vntrade database (unknown schema version "
            f"{str(value)[:40]!r}); choose another --db FILE."
        )
    version = int(value or 0)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{name} was written by a newer vntrade (schema {version}); upgrade vntrade."
        )
    missing = _missing_layout(conn, tables)
    if missing and not upgrade:
        raise StoreError(
            f"{name} has the layout of an older vntrade (it lacks {', '.join(missing)}). "
            f"Upgrade it by running `vntrade ingest PATH... --db {name}` once."
        )
    return missing


def upgrade_layout(conn: sqlite3.Connection, missing: list[str]) -> None:
    """Add what a store from an older vntrade lacks."""
    # Events come from the records already stored: the ingest indexes them (`events`).
    events = f", ('events', '{EventsState.PENDING.value}')" if "table events" in missing else ""
    # executescript commits any open transaction, so the script carries its own.
    conn.executescript(
        f"BEGIN IMMEDIATE; {SCHEMA_SQL} {upgrade_sql(missing)} INSERT OR REPLACE INTO meta"
        f" VALUES ('schema_version', '{SCHEMA_VERSION}'){events}; COMMIT;"
    )


def _missing_layout(conn: sqlite3.Connection, tables: set[str]) -> list[str]:
    """The tables and article columns of today's layout that this store lacks."""
    missing = [f"table {name}" for name in ADDED_TABLES if name not in tables]
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    missing += [f"column {name}" for name in ADDED_COLUMNS if name not in columns]
    return missing


def find_damage(
    conn: sqlite3.Connection, path: Path, *, full: bool, records: bool, events: bool
) -> list[str]:
    """SQLite's integrity check (its quick check without `full`), that every record holds
    JSON (with `records`) and so does every row of the events tables (with `events`): the
    problems found; a full disk is `DiskFull`, never damage."""
    pragma = "integrity_check" if full else "quick_check"
    bad, rows = [], 0
    try:
        problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        problems = [problem for problem in problems if problem != "ok"]
        if problems:
            return problems
        if records:
            bad = conn.execute(
                "SELECT id FROM articles WHERE (article IS NOT NULL AND NOT"
                " json_valid(article)) OR (extraction IS NOT NULL AND NOT"
                " json_valid(extraction)) LIMIT 20"
            ).fetchall()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        for table, column in _EVENT_JSON if events else ():
            if table in tables:  # a store of an older layout lacks them
                query = (
                    f"SELECT count(*) FROM {table}"
                    f" WHERE {column} IS NOT NULL AND NOT json_valid({column})"
                )
                rows += conn.execute(query).fetchone()[0]
    except sqlite3.DatabaseError as error:
        where = disk_full(error, path)
        if where is not None:
            raise DiskFull(where) from None
        return [str(error)]
    problems = [f"article {row[0]!r}: its record is not valid JSON" for row in bad]
    if rows:
        problems.append(
            f"{rows} event rows are not valid JSON: run `vntrade db recluster --db "
            f"{shown(path)}` to make them again"
        )
    return problems
