"""The store's events, event clusters and names: what ingest writes, and the views' queries.

Ingest derives each article's events and clusters them (`vntrade.ingest.events`); this
module only reads and writes the rows. Every view query filters in SQL and streams.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from vntrade.errors import as_text
from vntrade.store.rows import EventWrite
from vntrade.store.statements import write_statements

CHUNK = 500  # ids bound in one query (SQLite's bound-parameter limit is far above)


def id_chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    """`items` in lists of `CHUNK`, to bind in one query each."""
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _marks(items: list[Any]) -> str:
    return ",".join("?" * len(items))


def _columns(row: Any, count: int) -> tuple[Any, ...]:
    """The first `count` fields of a row dataclass, as they are (`astuple` would deep-copy)."""
    return tuple(getattr(row, f.name) for f in dataclasses.fields(row)[:count])


def write_events(conn: sqlite3.Connection, write: EventWrite) -> None:
    """Apply one batch's event changes (inside the caller's transaction)."""
    # Stored events follow their clusters' merges and their own moves first.
    merged = [(into, cluster) for cluster, into in write.merged]
    conn.executemany("UPDATE events SET cluster = ? WHERE cluster = ?", merged)
    moved = [(cluster, article, value) for article, value, cluster in write.moved]
    conn.executemany("UPDATE events SET cluster = ? WHERE article = ? AND value = ?", moved)
    for chunk in id_chunks(write.articles):
        marks = _marks(chunk)
        conn.execute(
            "DELETE FROM event_actors WHERE event IN"
            f" (SELECT id FROM events WHERE article IN ({marks}))",
            chunk,
        )
        conn.execute(f"DELETE FROM events WHERE article IN ({marks})", chunk)
        conn.execute(f"DELETE FROM article_names WHERE article IN ({marks})", chunk)
    for event in write.events:
        cursor = conn.execute(
            "INSERT INTO events (article, value, start, end, kind, lead, inferred, cluster, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.article,
                event.value,
                event.start,
                event.end,
                event.kind,
                int(event.lead),
                int(event.inferred),
                event.cluster,
                event.data,
            ),
        )
        conn.executemany(
            "INSERT INTO event_actors VALUES (?, ?)",
            [(cursor.lastrowid, actor) for actor in event.actors],
        )
    rebuilt = write.dropped + [cluster.id for cluster in write.clusters]
    for chunk in id_chunks(rebuilt):
        marks = _marks(chunk)
        conn.execute(
            "DELETE FROM entry_names WHERE entry IN"
            f" (SELECT id FROM timeline_entries WHERE cluster IN ({marks}))",
            chunk,
        )
        conn.execute(f"DELETE FROM timeline_entries WHERE cluster IN ({marks})", chunk)
    for chunk in id_chunks(write.dropped):
        conn.execute(f"DELETE FROM event_clusters WHERE id IN ({_marks(chunk)})", chunk)
    conn.executemany(
        "INSERT OR REPLACE INTO event_clusters (id, start, end, events, leads, first_article,"
        " span_start, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [_columns(cluster, 8) for cluster in write.clusters],
    )
    for cluster in write.clusters:
        for entry in cluster.entries:
            cursor = conn.execute(
                "INSERT INTO timeline_entries (cluster, sort_key, start, end, kind, entry)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (cluster.id, entry.sort_key, entry.start, entry.end, entry.kind, entry.entry),
            )
            conn.executemany(
                "INSERT INTO entry_names VALUES (?, ?, ?)",
                [(cursor.lastrowid, "actors", name) for name in entry.actors]
                + [(cursor.lastrowid, "commodities", name) for name in entry.commodities],
            )
    conn.executemany(
        "INSERT INTO article_names VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [_columns(name, 10) for name in write.names],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO name_aliases VALUES (?, ?, ?)",
        [(name.field, alias, name.name) for name in write.names for alias in name.folded],
    )
    write_statements(conn, write.articles, write.statements)
    if write.year_votes is not None:
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('year_votes', ?)", (write.year_votes,))


def clear_events(conn: sqlite3.Connection) -> None:
    """Empty every events table (before they are made again from the records)."""
    tables = ("event_actors", "events", "entry_names", "timeline_entries", "event_clusters",
              "article_names", "name_aliases", "statements")  # fmt: skip
    for table in tables:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM meta WHERE key = 'year_votes'")


# -- what clustering at ingest reads ----------------------------------------------------------


def events_of(conn: sqlite3.Connection, articles: Iterable[str]) -> list[tuple[str, int, str]]:
    """(article, cluster, data) of the stored events of these articles."""
    found = []
    for chunk in id_chunks(articles):
        query = f"SELECT article, cluster, data FROM events WHERE article IN ({_marks(chunk)})"
        found += conn.execute(query, chunk).fetchall()
    return found


def profiles_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> list[str]:
    """The JSON profiles of these clusters (those that have one)."""
    found = []
    for chunk in id_chunks(ids):
        query = f"SELECT profile FROM event_clusters WHERE id IN ({_marks(chunk)})"
        found += [row[0] for row in conn.execute(query, chunk) if row[0]]
    return found


def profiles_starting(conn: sqlite3.Connection, first: str, last: str) -> list[str]:
    """The JSON profiles of the matchable clusters whose span starts in [first, last)."""
    query = "SELECT profile FROM event_clusters WHERE span_start >= ? AND span_start < ?"
    return [row[0] for row in conn.execute(query, (first, last))]


def members(conn: sqlite3.Connection, ids: Iterable[int]) -> list[tuple[int, str, int, int, str]]:
    """(cluster, article, lead, inferred, data) of every stored event of these clusters, in
    the order they were stored."""
    found = []
    for chunk in id_chunks(ids):
        query = (
            "SELECT cluster, article, lead, inferred, data FROM events"
            f" WHERE cluster IN ({_marks(chunk)}) ORDER BY id"
        )
        found += conn.execute(query, chunk).fetchall()
    return found


def article_ids_by_date(conn: sqlite3.Connection) -> list[str]:
    """Every stored article id, in publication order (undated last)."""
    query = (
        "SELECT id FROM articles WHERE article IS NOT NULL"
        " ORDER BY coalesce(published, reference_date) IS NULL,"
        " coalesce(published, reference_date), id"
    )
    return [row[0] for row in conn.execute(query)]


def next_cluster_id(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM event_clusters").fetchone()[0])


def unclustered(conn: sqlite3.Connection) -> int:
    """How many stored events have no cluster yet."""
    return int(conn.execute("SELECT count(*) FROM events WHERE cluster IS NULL").fetchone()[0])


# -- the views' queries -----------------------------------------------------------------------


@dataclass(slots=True)
class EntryFilter:
    """What `timeline` keeps: entries overlapping [since, until) (ISO days), naming one of
    the actors and commodities (canonical names), of one of the kinds. None keeps all."""

    since: str | None = None
    until: str | None = None
    actors: set[str] | None = None
    commodities: set[str] | None = None
    kinds: set[str] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.since:
            where.append("t.end > ?")
            params.append(self.since)
        if self.until:
            where.append("t.start < ?")
            params.append(self.until)
        if self.kinds:
            kinds = sorted(self.kinds)
            where.append(f"t.kind IN ({_marks(kinds)})")
            params += kinds
        for field in ("actors", "commodities"):
            names = getattr(self, field)
            if names is not None:
                names = sorted(names)
                where.append(
                    f"t.id IN (SELECT entry FROM entry_names WHERE field = '{field}'"
                    f" AND name IN ({_marks(names)}))"
                )
                params += names
        return (" WHERE " + " AND ".join(where) if where else ""), params


def timeline_entries(conn: sqlite3.Connection, keep: EntryFilter) -> Iterator[tuple[int, str]]:
    """(entry id, entry JSON) of the timeline entries `keep` keeps, in date order."""
    where, params = keep.sql()
    query = (
        f"SELECT t.id, t.entry, json_valid(t.entry) FROM timeline_entries t{where}"
        " ORDER BY t.sort_key"
    )
    for id_, entry, valid in _stream(conn.execute(query, params)):
        if not valid:  # printed as stored, so checked here (in C, at no cost)
            raise json.JSONDecodeError("a timeline entry is not JSON", entry, 0)
        yield id_, entry


def count_entries(conn: sqlite3.Connection, keep: EntryFilter) -> int:
    where, params = keep.sql()
    query = f"SELECT count(*) FROM timeline_entries t{where}"
    return int(conn.execute(query, params).fetchone()[0])


def _stream(cursor: sqlite3.Cursor) -> Iterator[Any]:
    rows = cursor.fetchmany(256)
    while rows:
        yield from rows
        rows = cursor.fetchmany(256)


def aliases(conn: sqlite3.Connection, field: str) -> Iterator[tuple[str, str]]:
    """(canonical name, folded alias) of every actor or commodity the store holds."""
    yield from _stream(
        conn.execute("SELECT name, alias FROM name_aliases WHERE field = ?", (field,))
    )


# -- compare: clusters that lead two or more articles ---------------------------------------

_SHARED = "leads >= 2"
_ORDER = "ORDER BY leads DESC, first_article"
# An article (`a`) whose lead event no other article shares.
_LONE = (
    "a.article IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e JOIN event_clusters c"
    f" ON c.id = e.cluster WHERE e.article = a.id AND e.lead AND c.{_SHARED})"
)


def shared_clusters(
    conn: sqlite3.Connection,
    limit: int | None,
    offset: int = 0,
    days: tuple[str, str] | None = None,
) -> list[int]:
    """Ids of the clusters two or more articles lead with, largest first (then by their first
    article); with `days` (ISO first, day after last), those whose date overlaps them."""
    where, params = _SHARED, []
    if days:
        where += " AND start < ? AND end > ?"
        params += [days[1], days[0]]
    query = f"SELECT id FROM event_clusters WHERE {where} {_ORDER} LIMIT ? OFFSET ?"
    return [
        row[0] for row in conn.execute(query, (*params, -1 if limit is None else limit, offset))
    ]


def count_shared(conn: sqlite3.Connection) -> int:
    return int(conn.execute(f"SELECT count(*) FROM event_clusters WHERE {_SHARED}").fetchone()[0])


def shared_rank(conn: sqlite3.Connection, cluster: int) -> int:
    """The number (from 1) of a shared cluster in compare's order."""
    leads, first = conn.execute(
        "SELECT leads, first_article FROM event_clusters WHERE id = ?", (cluster,)
    ).fetchone()
    query = (
        f"SELECT count(*) FROM event_clusters WHERE {_SHARED}"
        " AND (leads > ? OR (leads = ? AND first_article < ?))"
    )
    return int(conn.execute(query, (leads, leads, first)).fetchone()[0]) + 1


def shared_ranks(conn: sqlite3.Connection, days: tuple[str, str]) -> list[tuple[int, int]]:
    """(id, number from 1 in compare's order) of the shared clusters whose date overlaps
    `days` (ISO first, day after last), in that order: one pass over the ordered index."""
    query = (
        "SELECT id, rank FROM (SELECT id, start, end, row_number() OVER"
        f" ({_ORDER}) AS rank FROM event_clusters WHERE {_SHARED})"
        " WHERE start < ? AND end > ? ORDER BY rank"
    )
    return [(row[0], row[1]) for row in conn.execute(query, (days[1], days[0]))]


def lead_articles(conn: sqlite3.Connection, cluster: int) -> list[str]:
    """The articles that lead with an event of this cluster, by id."""
    query = "SELECT DISTINCT article FROM events WHERE cluster = ? AND lead ORDER BY article"
    return [row[0] for row in conn.execute(query, (cluster,))]


def lead_of(conn: sqlite3.Connection, article: str) -> tuple[int | None, int] | None:
    """(the cluster the article leads with, how many articles lead with it), or (None, 0)
    for an article without a lead event; None when the store has no such article.
    An id given with bytes that are not UTF-8 is looked for as ingest stores it (`\\xNN`)."""
    article = as_text(article)
    row = conn.execute(
        "SELECT e.cluster, c.leads FROM events e JOIN event_clusters c ON c.id = e.cluster"
        " WHERE e.article = ? AND e.lead",
        (article,),
    ).fetchone()
    if row:
        return row[0], row[1]
    known = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article,)).fetchone()
    return (None, 0) if known else None


def lone_articles(conn: sqlite3.Connection, days: tuple[str, str] | None = None) -> Iterator[str]:
    """Articles no other article shares a lead event with, by id; with `days`, those whose
    lead event overlaps them."""
    if days:
        query = (
            "SELECT e.article FROM events e JOIN event_clusters c ON c.id = e.cluster"
            " WHERE e.lead AND c.leads < 2 AND e.start < ? AND e.end > ? ORDER BY e.article"
        )
        yield from (row[0] for row in _stream(conn.execute(query, (days[1], days[0]))))
        return
    query = f"SELECT a.id FROM articles a WHERE {_LONE} ORDER BY a.id"
    yield from (row[0] for row in _stream(conn.execute(query)))


def count_lone(conn: sqlite3.Connection) -> int:
    """How many articles `lone_articles` gives (without `days`)."""
    return int(conn.execute(f"SELECT count(*) FROM articles a WHERE {_LONE}").fetchone()[0])


def lead_event(conn: sqlite3.Connection, article: str) -> str | None:
    """The JSON data of the article's lead event."""
    query = "SELECT data FROM events WHERE article = ? AND lead"
    row = conn.execute(query, (as_text(article),)).fetchone()
    return row[0] if row else None


# -- the list views ---------------------------------------------------------------------------


def name_totals(conn: sqlite3.Connection, field: str) -> Iterator[tuple[Any, ...]]:
    """Per actor or commodity (most articles, then most mentions, then by name): name, its
    first article and the type given there, roles, alias lists, mentions, directive
    sentences, articles (lists as `\x1f`-joined strings, in article order) and how many."""
    query = (
        "SELECT name, min(article), type, group_concat(role, char(31)),"
        " group_concat(aliases, char(31)), sum(mentions), sum(directives),"
        " group_concat(article, char(31)), count(DISTINCT article)"
        " FROM article_names WHERE field = ? GROUP BY name"
        " ORDER BY count(DISTINCT article) DESC, sum(mentions) DESC, name"
    )
    yield from _stream(conn.execute(query, (field,)))


def name_spans(conn: sqlite3.Connection, field: str) -> dict[str, tuple[str, str]]:
    """First and last timeline entry (sort keys) per name; else its articles' dates."""
    spans = {
        name: (first, last)
        for name, first, last in conn.execute(
            "SELECT name, min(published), max(published) FROM article_names"
            " WHERE field = ? AND published IS NOT NULL GROUP BY name",
            (field,),
        )
    }
    for name, first, last in conn.execute(
        "SELECT n.name, min(t.sort_key), max(t.sort_key)"
        " FROM entry_names n JOIN timeline_entries t ON t.id = n.entry"
        " WHERE n.field = ? AND t.start IS NOT NULL GROUP BY n.name",
        (field,),
    ):
        spans[name] = (first.split("|")[2], last.split("|")[2])
    return spans
