"""Counts over a whole store for the report page: outlets and dates, events per month, the
most reported entries, which actors appear together and which goods when. Each is one
aggregate query; nothing here reads a record."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

_DAY = "coalesce(published, reference_date)"
# The bin an entry is counted in, never a day it does not give: an entry of a month or less (a
# day, a week, a month) counts in the month of its middle day (`2025-04`); one of a longer
# period that gives no month (a quarter, a season, a half, a year) in that period's year
# (`2025`, "month unknown"); a decade as itself (`202`). `end` is the day after the entry.
_LENGTH = "julianday(t.end) - julianday(t.start)"
_MIDDLE = f"date(julianday(t.start) + ({_LENGTH} - 1) / 2)"
_BIN = (
    f"CASE WHEN {_LENGTH} <= 31 THEN substr({_MIDDLE}, 1, 7)"
    f" WHEN {_LENGTH} <= 366 THEN substr({_MIDDLE}, 1, 4) ELSE substr(t.start, 1, 3) END"
)


def outlets(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(agency, articles), most articles first (then in article order)."""
    query = (
        "SELECT coalesce(json_extract(article, '$.agency'), 'unknown'), count(*) FROM articles"
        " WHERE article IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, min(id)"
    )
    return conn.execute(query).fetchall()


def agency(conn: sqlite3.Connection, article: str) -> str | None:
    """The agency of one article."""
    query = "SELECT json_extract(article, '$.agency') FROM articles WHERE id = ?"
    row = conn.execute(query, (article,)).fetchone()
    return row[0] if row else None


def dated(conn: sqlite3.Connection) -> tuple[str | None, str | None, int]:
    """The first and newest day of publication (else reference) and how many articles have one."""
    query = (
        f"SELECT min({_DAY}), max({_DAY}), count({_DAY}) FROM articles"
        f" WHERE article IS NOT NULL AND {_DAY} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    )
    first, last, count = conn.execute(query).fetchone()
    return first, last, count


def entries_per_month(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(bin, kind, timeline entries) over every placed entry: a bin is a month, a year whose
    month is unknown or a decade (see `_BIN`)."""
    query = (
        f"SELECT {_BIN}, t.kind, count(*) FROM timeline_entries t"
        " WHERE t.start IS NOT NULL AND t.end IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return conn.execute(query).fetchall()


def count_entries(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM timeline_entries").fetchone()[0])


def most_reported_entries(conn: sqlite3.Connection, limit: int) -> Iterator[str]:
    """The JSON of the `limit` entries with the most articles (the earliest on a tie), in
    timeline order."""
    query = (
        "SELECT entry FROM (SELECT entry, sort_key, id FROM timeline_entries"
        " ORDER BY json_array_length(entry, '$.articles') DESC, sort_key, id LIMIT ?)"
        " ORDER BY sort_key, id"
    )
    for (entry,) in conn.execute(query, (limit,)):
        yield entry


def together(conn: sqlite3.Connection, names: list[str]) -> list[tuple[str, str, int]]:
    """(actor, actor, articles naming both) for pairs of `names` (an actor with itself: the
    articles naming it)."""
    if not names:
        return []
    marks = ",".join("?" * len(names))
    query = (
        "SELECT a.name, b.name, count(*) FROM article_names a JOIN article_names b"
        " ON b.article = a.article AND b.field = 'actors'"
        f" WHERE a.field = 'actors' AND a.name IN ({marks}) AND b.name IN ({marks})"
        " GROUP BY 1, 2"
    )
    return conn.execute(query, (*names, *names)).fetchall()


def goods_per_month(conn: sqlite3.Connection, names: list[str]) -> list[tuple[str, str, int]]:
    """(commodity, bin, timeline entries naming it) for `names`; bins as `entries_per_month`."""
    if not names:
        return []
    marks = ",".join("?" * len(names))
    query = (
        f"SELECT n.name, {_BIN}, count(*) FROM entry_names n"
        " JOIN timeline_entries t ON t.id = n.entry WHERE n.field = 'commodities'"
        f" AND t.start IS NOT NULL AND t.end IS NOT NULL AND n.name IN ({marks}) GROUP BY 1, 2"
    )
    return conn.execute(query, names).fetchall()
