"""The store's events, event clusters and names: what ingest writes, and what clustering at
ingest reads back.

Ingest derives each article's events and clusters them (`vntrade.ingest.events`); this
module only reads and writes the rows (the views' queries are in `queries.py`).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Callable, Iterable
from typing import Any

from vntrade.store.base import guard, id_chunks, marks
from vntrade.store.rows import EventWrite
from vntrade.store.statements import StatementTables

EVENT_TABLES = ("event_actors", "events", "entry_names", "timeline_entries", "event_clusters",
                "article_names", "name_aliases", "statements")  # fmt: skip


def _columns(row: Any, count: int) -> tuple[Any, ...]:
    """The first `count` fields of a row dataclass, as they are (`astuple` would deep-copy)."""
    return _getter(type(row), count)(row)


@functools.cache
def _getter(row_type: type, count: int) -> Callable[[Any], tuple[Any, ...]]:
    return operator.attrgetter(*(f.name for f in dataclasses.fields(row_type)[:count]))


class EventTables(StatementTables):
    """The events tables of a `Store`: their writes and what clustering reads back."""

    def _write_events(self, write: EventWrite) -> None:
        """Apply one batch's event changes (inside the caller's transaction)."""
        conn = self.conn
        # Stored events follow their clusters' merges and their own moves first.
        merged = [(into, cluster) for cluster, into in write.merged]
        conn.executemany("UPDATE events SET cluster = ? WHERE cluster = ?", merged)
        moved = [(cluster, article, value) for article, value, cluster in write.moved]
        conn.executemany("UPDATE events SET cluster = ? WHERE article = ? AND value = ?", moved)
        self._delete_in(
            write.articles,
            "DELETE FROM event_actors WHERE event IN"
            " (SELECT id FROM events WHERE article IN ({ids}))",
            "DELETE FROM events WHERE article IN ({ids})",
            "DELETE FROM article_names WHERE article IN ({ids})",
        )
        # Rows numbered here as SQLite would (one past the largest), so that each table is
        # written in one statement.
        first = self._next_id("events")
        for n, event in enumerate(write.events):
            event.id = first + n
        conn.executemany(
            "INSERT INTO events (id, article, value, start, end, kind, lead, inferred, cluster,"
            " data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (first + n, e.article, e.value, e.start, e.end, e.kind, int(e.lead),
                 int(e.inferred), e.cluster, e.data)
                for n, e in enumerate(write.events)
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO event_actors VALUES (?, ?)",
            [(first + n, actor) for n, e in enumerate(write.events) for actor in e.actors],
        )
        rebuilt = write.dropped + [cluster.id for cluster in write.clusters]
        self._delete_in(
            rebuilt,
            "DELETE FROM entry_names WHERE entry IN"
            " (SELECT id FROM timeline_entries WHERE cluster IN ({ids}))",
            "DELETE FROM timeline_entries WHERE cluster IN ({ids})",
        )
        self._delete_in(write.dropped, "DELETE FROM event_clusters WHERE id IN ({ids})")
        conn.executemany(
            "INSERT OR REPLACE INTO event_clusters (id, start, end, events, leads, first_article,"
            " span_start, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_columns(cluster, 8) for cluster in write.clusters],
        )
        entries = [(cluster.id, entry) for cluster in write.clusters for entry in cluster.entries]
        first = self._next_id("timeline_entries")
        conn.executemany(
            "INSERT INTO timeline_entries (id, cluster, sort_key, start, end, kind, entry)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (first + n, cid, entry.sort_key, entry.start, entry.end, entry.kind, entry.entry)
                for n, (cid, entry) in enumerate(entries)
            ],
        )
        conn.executemany(
            "INSERT INTO entry_names VALUES (?, ?, ?)",
            [
                (first + n, field, name)
                for n, (_, entry) in enumerate(entries)
                for field, names in (("actors", entry.actors), ("commodities", entry.commodities))
                for name in names
            ],
        )
        conn.executemany(
            "INSERT INTO article_names VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_columns(name, 10) for name in write.names],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO name_aliases VALUES (?, ?, ?)",
            [(name.field, alias, name.name) for name in write.names for alias in name.folded],
        )
        self._write_statements(write.articles, write.statements)
        if write.year_votes is not None:
            conn.execute(
                "INSERT OR REPLACE INTO meta VALUES ('year_votes', ?)", (write.year_votes,)
            )

    def _next_id(self, table: str) -> int:
        """The id SQLite gives the next row of `table` (whose ids are its rowids)."""
        return int(self._one(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")[0])

    def _clear_events(self) -> None:
        """Empty every events table (before they are made again from the records)."""
        for table in EVENT_TABLES:
            self.conn.execute(f"DELETE FROM {table}")
        self.conn.execute("DELETE FROM meta WHERE key = 'year_votes'")

    # -- what clustering at ingest reads ------------------------------------------------------

    @guard
    def events_of(self, articles: Iterable[str]) -> list[tuple[str, int, str]]:
        """(article, cluster, data) of the stored events of these articles."""
        found = []
        for chunk in id_chunks(articles):
            query = f"SELECT article, cluster, data FROM events WHERE article IN ({marks(chunk)})"
            found += self.conn.execute(query, chunk).fetchall()
        return found

    @guard
    def cluster_profiles(self, ids: Iterable[int]) -> list[str]:
        """The JSON profiles of these clusters (those that have one)."""
        found = []
        for chunk in id_chunks(ids):
            query = f"SELECT profile FROM event_clusters WHERE id IN ({marks(chunk)})"
            found += [row[0] for row in self.conn.execute(query, chunk) if row[0]]
        return found

    @guard
    def cluster_profiles_starting(self, first: str, last: str) -> list[str]:
        """The JSON profiles of the matchable clusters whose span starts in [first, last)."""
        query = "SELECT profile FROM event_clusters WHERE span_start >= ? AND span_start < ?"
        return [row[0] for row in self.conn.execute(query, (first, last))]

    @guard
    def cluster_members(self, ids: Iterable[int]) -> list[tuple[int, int, str, int, int, str]]:
        """(id, cluster, article, lead, inferred, data) of every stored event of these
        clusters, in the order they were stored (by id)."""
        found = []
        for chunk in id_chunks(ids):
            query = (
                "SELECT id, cluster, article, lead, inferred, data FROM events"
                f" WHERE cluster IN ({marks(chunk)}) ORDER BY id"
            )
            found += self.conn.execute(query, chunk).fetchall()
        return found

    @guard
    def article_ids_by_date(self) -> list[str]:
        """Every stored article id, in publication order (undated last)."""
        query = (
            "SELECT id FROM articles WHERE article IS NOT NULL"
            " ORDER BY coalesce(published, reference_date) IS NULL,"
            " coalesce(published, reference_date), id"
        )
        return [row[0] for row in self.conn.execute(query)]

    @guard
    def article_ids_in_stored_order(self) -> list[str]:
        """Every stored article id, in the order the articles were first stored."""
        query = "SELECT id FROM articles WHERE article IS NOT NULL ORDER BY rowid"
        return [row[0] for row in self.conn.execute(query)]

    @guard
    def next_cluster_id(self) -> int:
        """The id a new cluster gets: one past the highest stored."""
        return int(self._one("SELECT coalesce(max(id), 0) + 1 FROM event_clusters")[0])
