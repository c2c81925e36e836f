"""Counts over a whole store for the report page: outlets and dates, events per month, the
most reported entries, which actors appear together and which goods when. Each is one
aggregate query; nothing here reads a record."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from vntrade.store.base import StoreBase, guard, id_chunks, marks

_DAY = "coalesce(published, reference_date)"
_ISO_DAY = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
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


class SummaryQueries(StoreBase):
    """The report page's counts over a whole `Store`."""

    @guard
    def outlet_counts(self) -> list[tuple[str, int]]:
        """(agency, articles), most articles first (then in article order)."""
        query = (
            "SELECT coalesce(json_extract(article, '$.agency'), 'unknown'), count(*) FROM articles"
            " WHERE article IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, min(id)"
        )
        return self.conn.execute(query).fetchall()

    @guard
    def agencies(self, articles: Iterable[str]) -> dict[str, str | None]:
        """The agency of each of these articles (those the store has)."""
        found = {}
        for chunk in id_chunks(articles):
            query = (
                "SELECT id, json_extract(article, '$.agency') FROM articles"
                f" WHERE id IN ({marks(chunk)})"
            )
            found.update(self.conn.execute(query, chunk).fetchall())
        return found

    @guard
    def dated_span(self) -> tuple[str | None, str | None, int]:
        """The first and newest day of publication (else reference) and how many articles
        have one."""
        query = (
            f"SELECT min({_DAY}), max({_DAY}), count({_DAY}) FROM articles"
            f" WHERE article IS NOT NULL AND {_DAY} GLOB {_ISO_DAY}"
        )
        first, last, count = self.conn.execute(query).fetchone()
        return first, last, count

    @guard
    def entries_per_month(self) -> list[tuple[str, str, int]]:
        """(bin, kind, timeline entries) over every placed entry: a bin is a month, a year whose
        month is unknown or a decade (see `_BIN`)."""
        query = (
            f"SELECT {_BIN}, t.kind, count(*) FROM timeline_entries t"
            " WHERE t.start IS NOT NULL AND t.end IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
        )
        return self.conn.execute(query).fetchall()

    @guard
    def most_reported_entries(self, limit: int) -> Iterator[str]:
        """The JSON of the `limit` entries with the most articles (the earliest on a tie), in
        timeline order."""
        query = (
            "SELECT entry FROM (SELECT entry, sort_key, id FROM timeline_entries"
            " ORDER BY json_array_length(entry, '$.articles') DESC, sort_key, id LIMIT ?)"
            " ORDER BY sort_key, id"
        )
        for (entry,) in self._rows(query, (limit,)):
            yield entry

    @guard
    def together(self, names: list[str]) -> list[tuple[str, str, int]]:
        """(actor, actor, articles naming both) for pairs of `names` (an actor with itself: the
        articles naming it)."""
        if not names:
            return []
        these = marks(names)
        query = (
            "SELECT a.name, b.name, count(*) FROM article_names a JOIN article_names b"
            " ON b.article = a.article AND b.field = 'actors'"
            f" WHERE a.field = 'actors' AND a.name IN ({these}) AND b.name IN ({these})"
            " GROUP BY 1, 2"
        )
        return self.conn.execute(query, (*names, *names)).fetchall()

    @guard
    def goods_per_month(self, names: list[str]) -> list[tuple[str, str, int]]:
        """(commodity, bin, timeline entries naming it) for `names`; bins as
        `entries_per_month`."""
        if not names:
            return []
        query = (
            f"SELECT n.name, {_BIN}, count(*) FROM entry_names n"
            " JOIN timeline_entries t ON t.id = n.entry WHERE n.field = 'commodities'"
            " AND t.start IS NOT NULL AND t.end IS NOT NULL"
            f" AND n.name IN ({marks(names)}) GROUP BY 1, 2"
        )
        return self.conn.execute(query, names).fetchall()
