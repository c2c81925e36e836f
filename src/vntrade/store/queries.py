"""What the views ask a store for: the timeline entries a filter keeps, the clusters that
`compare` shows and their articles, and the actors and commodities with their totals. Every
query filters in SQL and streams; none runs once per row of another."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from vntrade.errors import as_text
from vntrade.store.base import StoreBase, guard, id_chunks, marks
from vntrade.store.filters import EntryFilter

SEP = "\x1f"  # joins the values of a list that SQL aggregates into one string
_SHARED = "leads >= 2"
_ORDER = "ORDER BY leads DESC, first_article"
# An article (`a`) whose lead event no other article shares.
_LONE = (
    "a.article IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e JOIN event_clusters c"
    f" ON c.id = e.cluster WHERE e.article = a.id AND e.lead AND c.{_SHARED})"
)


class ViewQueries(StoreBase):
    """The views' reads of a `Store`."""

    # -- timeline -----------------------------------------------------------------------------

    @guard
    def timeline_json(self, keep: EntryFilter) -> Iterator[str]:
        """The JSON text of the timeline entries `keep` keeps, as stored, in date order."""
        where, params = keep.sql()
        query = (
            f"SELECT t.entry, json_valid(t.entry) FROM timeline_entries t{where}"
            " ORDER BY t.sort_key"
        )
        for entry, valid in self._rows(query, params):
            if not valid:  # printed as stored, so checked here (in C, at no cost)
                raise json.JSONDecodeError("a timeline entry is not JSON", entry, 0)
            yield entry

    def timeline_entries(self, keep: EntryFilter) -> Iterator[dict[str, Any]]:
        """The timeline entries `keep` keeps, in date order, streamed."""
        return (json.loads(entry) for entry in self.timeline_json(keep))

    @guard
    def count_entries(self, keep: EntryFilter | None = None) -> int:
        """How many timeline entries `keep` keeps (all without it)."""
        where, params = (keep or EntryFilter()).sql()
        return int(self._one(f"SELECT count(*) FROM timeline_entries t{where}", params)[0])

    @guard
    def aliases(self, field: str) -> Iterator[tuple[str, str]]:
        """(canonical name, folded alias) of every actor (`field` "actors") or commodity
        ("commodities") the store holds."""
        yield from self._rows("SELECT name, alias FROM name_aliases WHERE field = ?", (field,))

    # -- compare: clusters that lead two or more articles -------------------------------------

    @guard
    def shared_clusters(
        self, limit: int | None, offset: int = 0, days: tuple[str, str] | None = None
    ) -> list[int]:
        """Ids of the clusters two or more articles lead with, largest first (then by their
        first article); with `days` (ISO first, day after last), those whose date overlaps
        them."""
        where, params = _SHARED, []
        if days:
            where += " AND start < ? AND end > ?"
            params += [days[1], days[0]]
        query = f"SELECT id FROM event_clusters WHERE {where} {_ORDER} LIMIT ? OFFSET ?"
        bounds = (-1 if limit is None else limit, offset)
        return [row[0] for row in self.conn.execute(query, (*params, *bounds))]

    @guard
    def count_shared(self) -> int:
        """How many clusters two or more articles lead with."""
        return int(self._one(f"SELECT count(*) FROM event_clusters WHERE {_SHARED}")[0])

    @guard
    def shared_rank(self, cluster: int) -> int:
        """The number (from 1) of a shared cluster in compare's order."""
        leads, first = self._one(
            "SELECT leads, first_article FROM event_clusters WHERE id = ?", (cluster,)
        )
        query = (
            f"SELECT count(*) FROM event_clusters WHERE {_SHARED}"
            " AND (leads > ? OR (leads = ? AND first_article < ?))"
        )
        return int(self._one(query, (leads, leads, first))[0]) + 1

    @guard
    def shared_ranks(self, days: tuple[str, str]) -> list[tuple[int, int]]:
        """(id, number from 1 in compare's order) of the shared clusters whose date overlaps
        `days` (ISO first, day after last), in that order: one pass over the ordered index."""
        query = (
            "SELECT id, rank FROM (SELECT id, start, end, row_number() OVER"
            f" ({_ORDER}) AS rank FROM event_clusters WHERE {_SHARED})"
            " WHERE start < ? AND end > ? ORDER BY rank"
        )
        return [(row[0], row[1]) for row in self.conn.execute(query, (days[1], days[0]))]

    @guard
    def lead_articles(self, clusters: Iterable[int]) -> dict[int, list[str]]:
        """The articles that lead with an event of each of these clusters, by id (one query
        per `CHUNK` clusters)."""
        found: dict[int, list[str]] = {}
        for chunk in id_chunks(clusters):
            query = (
                "SELECT DISTINCT cluster, article FROM events"
                f" WHERE cluster IN ({marks(chunk)}) AND lead ORDER BY cluster, article"
            )
            for cluster, article in self.conn.execute(query, chunk):
                found.setdefault(cluster, []).append(article)
        return found

    @guard
    def lead_of(self, article: str) -> tuple[int | None, int] | None:
        """(the cluster the article leads with, how many articles lead with it), or (None, 0)
        for an article without a lead event; None when the store has no such article.
        An id given with bytes that are not UTF-8 is looked for as ingest stores it
        (`\\xNN`)."""
        article = as_text(article)
        row = self._one(
            "SELECT e.cluster, c.leads FROM events e JOIN event_clusters c ON c.id = e.cluster"
            " WHERE e.article = ? AND e.lead",
            (article,),
        )
        if row:
            return row[0], row[1]
        known = self._one("SELECT 1 FROM articles WHERE id = ?", (article,))
        return (None, 0) if known else None

    @guard
    def lone_articles(self, days: tuple[str, str] | None = None) -> Iterator[str]:
        """Articles no other article shares a lead event with, by id; with `days`, those whose
        lead event overlaps them."""
        if days:
            query = (
                "SELECT e.article FROM events e JOIN event_clusters c ON c.id = e.cluster"
                " WHERE e.lead AND c.leads < 2 AND e.start < ? AND e.end > ? ORDER BY e.article"
            )
            yield from (row[0] for row in self._rows(query, (days[1], days[0])))
            return
        query = f"SELECT a.id FROM articles a WHERE {_LONE} ORDER BY a.id"
        yield from (row[0] for row in self._rows(query))

    @guard
    def count_lone(self) -> int:
        """How many articles `lone_articles` gives (without `days`)."""
        return int(self._one(f"SELECT count(*) FROM articles a WHERE {_LONE}")[0])

    @guard
    def lead_events(self, articles: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The lead event (its stored data) of each of these articles that has one."""
        found = {}
        for chunk in id_chunks(as_text(article) for article in articles):
            query = (
                "SELECT article, data FROM events"
                f" WHERE article IN ({marks(chunk)}) AND lead ORDER BY id"
            )
            for article, data in self.conn.execute(query, chunk):
                if article not in found:
                    found[article] = json.loads(data)
        return found

    # -- the list views -----------------------------------------------------------------------

    @guard
    def name_totals(self, field: str) -> Iterator[dict[str, Any]]:
        """Per actor or commodity (most articles, then most mentions, then by name): name, the
        type given in its first article, roles, aliases, mentions, directive sentences,
        articles (lists in article order, with repeats) and how many articles. The names are
        ordered first, then each one's lists read alone: sorting the groups with their lists
        would hold every list of the store at once."""
        query = (
            "SELECT name, min(article), type, group_concat(role, char(31)),"
            " group_concat(aliases, char(31)), sum(mentions), sum(directives),"
            " group_concat(article, char(31)), count(DISTINCT article)"
            " FROM article_names WHERE field = ? AND name = ?"
        )
        for name in self.top_names(field, -1):  # LIMIT -1: all of them
            _, _, kind, roles, aliases, mentions, ordered, articles, n = self._one(
                query, (field, name)
            )
            yield {
                "name": name,
                "type": kind,
                "roles": (roles or "").split(SEP),
                "aliases": [a for text in aliases.split(SEP) for a in json.loads(text)],
                "mentions": mentions,
                "directives": ordered,
                "articles": articles.split(SEP),
                "n_articles": n,
            }

    @guard
    def top_names(self, field: str, limit: int) -> list[str]:
        """The first `limit` names `name_totals` gives, aggregated in SQL without their lists."""
        query = (
            "SELECT name FROM article_names WHERE field = ? GROUP BY name"
            " ORDER BY count(DISTINCT article) DESC, sum(mentions) DESC, name LIMIT ?"
        )
        return [row[0] for row in self.conn.execute(query, (field, limit))]

    @guard
    def name_spans(self, field: str) -> dict[str, tuple[str, str]]:
        """First and last timeline entry (sort keys) per name; else its articles' dates."""
        spans = {
            name: (first, last)
            for name, first, last in self.conn.execute(
                "SELECT name, min(published), max(published) FROM article_names"
                " WHERE field = ? AND published IS NOT NULL GROUP BY name",
                (field,),
            )
        }
        for name, first, last in self.conn.execute(
            "SELECT n.name, min(t.sort_key), max(t.sort_key)"
            " FROM entry_names n JOIN timeline_entries t ON t.id = n.entry"
            " WHERE n.field = ? AND t.start IS NOT NULL GROUP BY n.name",
            (field,),
        ):
            spans[name] = (first.split("|")[2], last.split("|")[2])
        return spans
