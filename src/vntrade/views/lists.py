"""Corpus-wide lists of a store: actors, commodities and directives, with counts, articles and
dates. Actors and commodities are aggregated in SQL (`article_names`, and the timeline
entries naming them for their first and last dates) and streamed row by row; directives are
read from the records that have any, keeping only the directives."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from vntrade.events.directives import article_directives
from vntrade.periods import parse_period
from vntrade.store import Store
from vntrade.views.directives import group_directives
from vntrade.views.stored import corpus_year_of, name_index

ACTOR_COLUMNS = ("name", "type", "roles", "aliases", "mentions", "n_articles", "articles",
                 "first", "last")  # fmt: skip
COMMODITY_COLUMNS = ("name", "category", "mentions", "n_articles", "articles", "directives",
                     "first", "last")  # fmt: skip
DIRECTIVE_COLUMNS = ("deadline", "status", "issuer", "verb", "addressee", "action",
                     "n_articles", "articles", "evidence")  # fmt: skip


def order_rows(found: Iterable[dict[str, Any]], as_of: date | None = None) -> list[dict[str, Any]]:
    """The rows of `directive_rows_of` for directives already read (`article_directives`):
    one per order, the earliest deadline first."""
    rows = []
    for group in group_directives(list(found)):
        first = group[0]
        deadline = next((d["deadline"] for d in group if d["deadline"]), None)
        period = parse_period(deadline or "")
        status = None
        if period and period.placed and as_of:
            status = "overdue" if period.end < as_of else "open"
        rows.append(
            {
                "deadline": deadline,
                "status": status,
                "issuer": first["issuer"],
                "verb": first["verb"],
                "addressee": next((d["addressee"] for d in group if d["addressee"]), None),
                "action": first["action"],
                "n_articles": len(group),
                "articles": [d["article"] for d in group],
                "evidence": [d["sentence"] for d in group],
                "_start": period.start if period and period.placed else date.max,
            }
        )
    rows.sort(key=lambda row: (row["_start"], row["issuer"] or ""))
    for row in rows:
        del row["_start"]
    return rows


def actor_rows(store: Store) -> list[dict[str, Any]]:
    """One row per canonical actor (most widely reported first), in a list."""
    return list(iter_actor_rows(store))


def commodity_rows(store: Store) -> list[dict[str, Any]]:
    """One row per commodity (most widely reported first), in a list."""
    return list(iter_commodity_rows(store))


def iter_actor_rows(store: Store) -> Iterator[dict[str, Any]]:
    """`actor_rows`, streamed from SQL's aggregation: memory does not grow with the store."""
    return _rows(store, "actors", ACTOR_COLUMNS)


def iter_commodity_rows(store: Store) -> Iterator[dict[str, Any]]:
    """`commodity_rows`, streamed."""
    return _rows(store, "commodities", COMMODITY_COLUMNS)


def _rows(store: Store, field: str, columns: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    spans = store.name_spans(field)
    for totals in store.name_totals(field):
        first, last = spans.get(totals["name"], (None, None))
        row = {
            **totals,
            "category": totals["type"],
            "roles": _distinct(totals["roles"]),
            "aliases": _distinct(totals["aliases"]),
            "articles": _distinct(totals["articles"]),
            "first": first,
            "last": last,
        }
        yield {key: row[key] for key in columns}


def directive_rows_of(store: Store, as_of: date | None) -> list[dict[str, Any]]:
    """One row per order (its deadline, status as of `as_of`, issuer, verb, addressee, action
    and the articles reporting it), read from the records that have directives; only the
    directives are kept in memory."""
    actors, year = name_index(store, "actors"), corpus_year_of(store)
    found = (
        directive
        for record in store.iter_records(having="directives")
        for directive in article_directives(record, actors, year)
    )
    return order_rows(found, as_of)


def _distinct(values: Any) -> list[str]:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))
