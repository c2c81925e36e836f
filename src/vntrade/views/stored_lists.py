"""The list views over a store: actors and commodities aggregated in SQL, directives from
the records that have any."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from vntrade.store import Store
from vntrade.store import events as tables
from vntrade.views.directives import article_directives
from vntrade.views.lists import ACTOR_COLUMNS, COMMODITY_COLUMNS, order_rows
from vntrade.views.stored import corpus_year_of, name_index

SEP = "\x1f"


def actor_rows(store: Store) -> list[dict[str, Any]]:
    """One row per canonical actor, as `views.lists.actor_rows` gives for records."""
    return _rows(store, "actors", ACTOR_COLUMNS)


def commodity_rows(store: Store) -> list[dict[str, Any]]:
    """One row per commodity, as `views.lists.commodity_rows` gives for records."""
    return _rows(store, "commodities", COMMODITY_COLUMNS)


def _rows(store: Store, field: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    with store.guarded():
        spans = tables.name_spans(store.conn, field)
        rows = []
        for name, _, kind, roles, aliases, mentions, ordered, articles, n in tables.name_totals(
            store.conn, field
        ):
            first, last = spans.get(name, (None, None))
            row = {
                "name": name,
                "type": kind,
                "category": kind,
                "roles": _distinct((roles or "").split(SEP)),
                "aliases": _distinct(a for text in aliases.split(SEP) for a in json.loads(text)),
                "mentions": mentions,
                "n_articles": n,
                "articles": _distinct(articles.split(SEP)),
                "directives": ordered,
                "first": first,
                "last": last,
            }
            rows.append({key: row[key] for key in columns})
    return rows


def directive_rows_of(store: Store, as_of: date | None) -> list[dict[str, Any]]:
    """One row per order (see `views.lists.directive_rows`), read from the records that have
    directives; only the directives are kept in memory."""
    actors, year = name_index(store, "actors"), corpus_year_of(store)
    found = (
        directive
        for record in store.iter_records(having="directives")
        for directive in article_directives(record, actors, year)
    )
    return order_rows(found, as_of)


def _distinct(values: Any) -> list[str]:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))
