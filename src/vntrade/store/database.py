"""The SQLite store: one row per article with its extraction record, keyed by article id.

An article is unchanged when its content digest and the pipeline fingerprint both match the
stored row. Every write goes through `commit_batch`, one transaction per batch (WAL mode),
so a run killed at any moment leaves a valid database holding every committed batch.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vntrade.errors import DiskFull, StoreDamaged, StoreError, shown
from vntrade.store.base import guard, id_chunks, marks
from vntrade.store.events import EventTables
from vntrade.store.layout import (
    find_damage,
    inspect_layout,
    new_store_sql,
    open_error,
    upgrade_layout,
)
from vntrade.store.queries import ViewQueries
from vntrade.store.rows import Batch, EventWrite, Known, SourceState
from vntrade.store.schema import EventsState
from vntrade.store.sqlite import (
    check_path,
    connect_for,
    create_file,
    disk_full,
    integrity_problems,
    now,
    tidy_after_reading,
    transaction,
    wal_files,
    writable,
)
from vntrade.store.stats import StoreStats
from vntrade.store.summaries import SummaryQueries


class Store(EventTables, ViewQueries, SummaryQueries, StoreStats):
    """An article store in one SQLite file: every query the product runs is one of its
    methods, named for what it returns."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        super().__init__(conn, path)
        self.writer = False
        self.tidy = False  # a reader that made SQLite's -wal and -shm files removes them

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        write: bool = False,
    ) -> Store:
        """Open a store to read it, or to write it (`write`; `create` also makes a new one
        where there is no file, and upgrades one of an older layout); a user error if it is
        not one.

        Nothing is written before the file is known to be a vntrade store that SQLite's
        quick check finds sound and whose records all hold JSON; a store of an older layout
        is then upgraded.
        A refused file is left byte for byte as it was.
        """
        path = Path(path)
        write = write or create
        exists = check_path(path, create)
        if write and not writable(path):
            raise StoreError(
                f"cannot write to {shown(path)}: the file or its folder is read-only. Copy the "
                "store somewhere writable, or give another --db FILE."
            )
        store = None
        try:
            if not exists:
                create_file(path, new_store_sql())
            tidy = not wal_files(path)
            store = cls(connect_for(path, write=False), path)
            store.tidy = tidy
            with store.guarded():
                missing = inspect_layout(store.conn, path, upgrade=create)
                if write:
                    store._refuse_damage()
                    store.conn.close()
                    store.conn = connect_for(path, write=True)
                    store.writer = True
                    if missing:
                        upgrade_layout(store.conn, missing)
        except BaseException as error:
            if store is not None:
                store.close()
            if isinstance(error, sqlite3.DatabaseError):
                raise open_error(error, path) from None
            where = disk_full(error, path)  # no inode left for a new store, say
            if where is not None:
                raise DiskFull(where) from None
            raise
        return store

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One transaction around many writes (each method's own becomes part of it): all
        of them are kept, or, if anything fails or the run is interrupted, none."""
        with self.guarded(), transaction(self.conn):
            yield

    def check(self, *, full: bool = True, records: bool = True, events: bool = True) -> list[str]:
        """SQLite's integrity check (its quick check without `full`), that every record holds
        JSON (with `records`) and so does every row of the events tables (with `events`): the
        problems found."""
        return find_damage(self.conn, self.path, full=full, records=records, events=events)

    @classmethod
    def problems_of(cls, path: str | Path) -> list[str]:
        """What `db check` reports of a file: `check`'s problems, or SQLite's integrity check
        of a file too damaged to open as a store; none when it is sound."""
        try:
            store = cls.open(path)
        except StoreDamaged:
            return integrity_problems(Path(path))
        with store:
            return store.check()

    def close(self) -> None:
        self.conn.close()
        if self.tidy and not self.writer:  # the views leave nothing beside the store
            tidy_after_reading(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _refuse_damage(self) -> None:
        """A `StoreDamaged` unless SQLite's quick check passes and every record holds JSON
        (what `db check` calls damage is never written into; the events tables are made
        again from the records)."""
        damage = self.check(full=False, records=True, events=False)
        if damage:
            raise StoreDamaged(self.path, "; ".join(damage[:3]))

    @guard
    def count_articles(self) -> int:
        """How many articles the store holds (counted on an index, not the records)."""
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- runs ---------------------------------------------------------------------------------

    @guard
    def start_run(self, pipeline: str) -> int:
        """Record the start of an ingest run and return its number."""
        with transaction(self.conn):
            # Under the writer lock, a run still marked running was killed before it ended.
            self.conn.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, status, pipeline) VALUES (?, 'running', ?)",
                (now(), pipeline),
            )
        return int(cursor.lastrowid)

    @guard
    def finish_run(self, run: int, status: str, counts: dict[str, int]) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE runs SET finished_at = :at, status = :status, new = :new,"
                " updated = :updated, unchanged = :unchanged, failed = :failed WHERE run = :run",
                {**counts, "at": now(), "status": status, "run": run},
            )

    # -- lookups and writes -------------------------------------------------------------------

    @guard
    def known(self, ids: Iterable[str]) -> dict[str, Known]:
        """What the store holds for these ids (the ones it has)."""
        ids = list(ids)
        found: dict[str, Known] = {}
        for chunk in id_chunks(ids):
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, digest, pipeline, run, part FROM articles WHERE id IN ({marks})"
            for row in self.conn.execute(query, chunk):
                found[row[0]] = Known(*row[1:])
        return found

    @guard
    def unchanged_source(self, state: SourceState) -> int | None:
        """How many articles an input file held, if it was read whole, with no failure, by
        this pipeline, and has the same size and mtime now; else None (read it again)."""
        row = self.conn.execute(
            "SELECT articles FROM sources WHERE path = ? AND size = ? AND mtime_ns = ?"
            " AND pipeline = ?",
            (state.path, state.size, state.mtime_ns, state.pipeline),
        ).fetchone()
        return row[0] if row else None

    @guard
    def commit_batch(self, batch: Batch, run: int, events: EventWrite | None = None) -> None:
        """Write one batch, and what it changes in the events tables, in one transaction."""
        at = now()
        with transaction(self.conn):
            if events is not None:
                self._write_events(events)
            if batch.sources:
                # A source read again replaces its failures from earlier runs.
                self.conn.executemany(
                    "DELETE FROM failures WHERE source = ? AND run < ?",
                    [(source, run) for source in batch.sources],
                )
                self.conn.executemany(
                    "DELETE FROM sources WHERE path = ?", [(source,) for source in batch.sources]
                )
            self.conn.executemany(
                "INSERT OR REPLACE INTO articles (id, source, sha256, digest, pipeline,"
                " published, reference_date, article, extraction, part, run, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(*dataclasses.astuple(row), run, at) for row in batch.rows],
            )
            self.conn.executemany(
                "UPDATE articles SET run = ? WHERE id = ?", [(run, id_) for id_ in batch.seen]
            )
            self.conn.executemany(
                "INSERT INTO failures (source, line, article, reason, run, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(f.source, f.line, f.article, f.reason, run, at) for f in batch.failures],
            )
            self.conn.executemany(
                "UPDATE articles SET run = ? WHERE source = ?",
                [(run, source) for source in batch.skipped_sources],
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO sources (path, size, mtime_ns, pipeline, articles)"
                " VALUES (?, ?, ?, ?, ?)",
                [dataclasses.astuple(state) for state in batch.done_sources],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO stale_parts VALUES (?)",
                [(part,) for part in batch.stale_parts],
            )

    @guard
    def commit_events(self, events: EventWrite) -> None:
        """Write changes to the events tables alone (re-clustering), in one transaction."""
        with transaction(self.conn):
            self._write_events(events)

    @guard
    def set_meta(self, key: str, value: str, *, clear_events: bool = False) -> None:
        """Set a `meta` value; with `clear_events`, empty the events tables in the same
        transaction (so a killed re-clustering leaves the store marked as needing one)."""
        with transaction(self.conn):
            if clear_events:
                self._clear_events()
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def events_state(self) -> EventsState | None:
        """Whether the events tables are current, pending or unclustered (None: unknown)."""
        value = self.meta("events")
        return EventsState(value) if value in set(EventsState) else None

    def set_events_state(self, state: EventsState, *, clear_events: bool = False) -> None:
        """Mark the events tables (`clear_events`: emptied, in the same transaction)."""
        self.set_meta("events", state.value, clear_events=clear_events)

    # -- reading back -------------------------------------------------------------------------

    @guard
    def iter_records(self, with_pipeline: bool = False, having: str | None = None) -> Iterator[Any]:
        """Every stored extraction record (text included), in id order, streamed.

        With `with_pipeline`, (record, pipeline fingerprint) pairs; with `having`, only the
        records whose list of that name (`directives`, say) is not empty.
        """
        assert having is None or having.isidentifier()
        where = f" AND json_array_length(extraction, '$.{having}') > 0" if having else ""
        query = (
            "SELECT article, extraction, pipeline FROM articles"
            f" WHERE article IS NOT NULL{where} ORDER BY id"
        )
        for article, extraction, pipeline in self._rows(query):
            record = {**json.loads(article), **json.loads(extraction or "{}")}
            yield (record, pipeline) if with_pipeline else record

    @guard
    def records(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The extraction records (text included) of these ids, those the store has."""
        found = {}
        ids = list(ids)
        for chunk in id_chunks(ids):
            query = (
                "SELECT id, article, extraction FROM articles"
                f" WHERE article IS NOT NULL AND id IN ({marks(chunk)})"
            )
            for id_, article, extraction in self._rows(query, chunk):
                found[id_] = {**json.loads(article), **json.loads(extraction or "{}")}
        return found

    @guard
    def iter_articles(self) -> Iterator[dict[str, Any]]:
        """Every stored article record (as `vntrade articles` prints it), in id order."""
        query = "SELECT article FROM articles WHERE article IS NOT NULL ORDER BY id"
        for (article,) in self._rows(query):
            yield json.loads(article)

    # -- a Parquet dataset's index ----------------------------------------------------------

    @guard
    def parts_in_use(self) -> set[str]:
        """The Parquet part files that hold a current record."""
        return {row[0] for row in self.conn.execute("SELECT DISTINCT part FROM articles")}

    @guard
    def stale_parts(self) -> list[str]:
        """Part files that hold records superseded since they were written."""
        return [row[0] for row in self.conn.execute("SELECT part FROM stale_parts")]

    @guard
    def ids_in_part(self, part: str) -> set[str]:
        """The ids whose current record lives in `part`."""
        query = "SELECT id FROM articles WHERE part = ?"
        return {row[0] for row in self.conn.execute(query, (part,))}

    @guard
    def forget_stale_part(self, part: str) -> None:
        """`part` has been rewritten to hold only current records."""
        self.conn.execute("DELETE FROM stale_parts WHERE part = ?", (part,))

    @guard
    def count_stale(self, pipeline: str) -> int:
        """How many records another pipeline version made."""
        # Counted per pipeline on the index: a scan of the rows would read every record.
        counts = self.conn.execute("SELECT pipeline, count(*) FROM articles GROUP BY pipeline")
        return sum(n for made_by, n in counts if made_by != pipeline)
