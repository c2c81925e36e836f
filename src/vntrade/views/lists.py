"""Corpus-wide lists: actors, commodities and directives, with counts, articles and dates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from vntrade.periods import corpus_year, parse_period
from vntrade.views.directives import article_directives, group_directives
from vntrade.views.names import NameIndex
from vntrade.views.timeline import Entry

ACTOR_COLUMNS = ("name", "type", "roles", "aliases", "mentions", "n_articles", "articles",
                 "first", "last")  # fmt: skip
COMMODITY_COLUMNS = ("name", "category", "mentions", "n_articles", "articles", "directives",
                     "first", "last")  # fmt: skip
# The terminal tables leave out the long lists (article ids, evidence) that data formats keep.
ACTOR_TABLE = ("name", "type", "roles", "aliases", "mentions", "n_articles", "first", "last")
DIRECTIVE_TABLE = ("deadline", "status", "issuer", "addressee", "action", "n_articles")
DIRECTIVE_COLUMNS = ("deadline", "status", "issuer", "verb", "addressee", "action",
                     "n_articles", "articles", "evidence")  # fmt: skip


def actor_rows(records: list[dict[str, Any]], entries: list[Entry]) -> list[dict[str, Any]]:
    """One row per canonical actor: type, roles, aliases, mentions, articles, first/last date."""
    rows = [
        {
            "name": actor["name"],
            "type": actor.get("type"),
            "role": actor.get("role"),
            "aliases": actor.get("aliases", []),
            "mentions": len(actor.get("mentions", [])),
            "article": record["id"],
        }
        for record in records
        for actor in record.get("actors", [])
    ]
    if not rows:
        return []
    grouped = _by_name(
        rows,
        type=("type", "first"),
        roles=("role", _distinct),
        aliases=("aliases", lambda lists: _distinct(a for aliases in lists for a in aliases)),
    )
    spans = _date_spans(records, entries, lambda entry: entry.actors, "actors")
    return _finish(grouped, spans, ACTOR_COLUMNS)


def commodity_rows(records: list[dict[str, Any]], entries: list[Entry]) -> list[dict[str, Any]]:
    """One row per commodity: category, mentions, articles, directives naming it, first/last."""
    rows = []
    for record in records:
        for commodity in record.get("commodities", []):
            rows.append(
                {
                    "name": commodity["name"],
                    "category": commodity.get("category"),
                    "mentions": len(commodity.get("mentions", [])),
                    "article": record["id"],
                    "directives": commodity_directives(record, commodity),
                }
            )
    if not rows:
        return []
    grouped = _by_name(rows, category=("category", "first"), directives=("directives", "sum"))
    spans = _date_spans(records, entries, lambda entry: entry.commodities, "commodities")
    return _finish(grouped, spans, COMMODITY_COLUMNS)


def commodity_directives(record: dict[str, Any], commodity: dict[str, Any]) -> int:
    """How many of the record's directive sentences name the commodity (sentences, not
    orders: directives are located by their sentence)."""
    spans = [(m["start"], m["end"]) for m in commodity.get("mentions", [])]
    return len(
        {
            (d["start"], d["end"])
            for d in record.get("directives", [])
            if any(d["start"] <= s and e <= d["end"] for s, e in spans)
        }
    )


def directive_rows(
    records: list[dict[str, Any]],
    as_of: date | None = None,
    *,
    actors: NameIndex | None = None,
    year: int | None = None,
) -> list[dict[str, Any]]:
    """One row per order, however many articles report it, soonest deadline first.

    `status` is `overdue` when the day after the deadline's period (May 1 for April 30, June 1
    for May) is before `as_of`, `open` otherwise, and empty without a deadline.
    """
    year = year if year is not None else corpus_year(records)
    actors = actors or NameIndex.of_actors(records)
    found = (d for record in records for d in article_directives(record, actors, year))
    return order_rows(found, as_of)


def order_rows(found: Iterable[dict[str, Any]], as_of: date | None = None) -> list[dict[str, Any]]:
    """The rows of `directive_rows` for directives already read (`article_directives`)."""
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


def _by_name(rows: list[dict[str, Any]], **aggregations: Any) -> Any:
    """One row per name: mentions summed, articles listed and counted, plus `aggregations`."""
    import pandas as pd

    return (
        pd.DataFrame(rows)
        .groupby("name", sort=False)
        .agg(
            **aggregations,
            mentions=("mentions", "sum"),
            n_articles=("article", "nunique"),
            articles=("article", _distinct),
        )
        .reset_index()
    )


def _distinct(values: Any) -> list[Any]:
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))


def _date_spans(
    records: list[dict[str, Any]], entries: list[Entry], names_of: Any, field: str
) -> dict[str, tuple[Any, Any]]:
    """First and last date per name: its timeline events, else its articles' dates."""
    events: dict[str, list[tuple[Any, str]]] = {}
    for entry in entries:
        if entry.period.placed:
            for name in names_of(entry):
                events.setdefault(name, []).append((entry.period.start, entry.value))
    articles: dict[str, list[tuple[Any, str]]] = {}
    for record in records:
        period = parse_period(record.get("published") or record.get("reference_date") or "")
        if period and period.placed:
            for item in record.get(field, []):
                articles.setdefault(item["name"], []).append((period.start, period.value))
    found = {**articles, **events}
    return {name: (min(dates)[1], max(dates)[1]) for name, dates in found.items()}


def _finish(
    grouped: Any, spans: dict[str, tuple[Any, Any]], columns: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Rows sorted by articles then mentions, with first/last dates, as plain Python values
    in the order of `columns`."""
    grouped = grouped.sort_values(
        ["n_articles", "mentions", "name"], ascending=[False, False, True]
    )
    rows = []
    for row in grouped.to_dict("records"):
        row["first"], row["last"] = spans.get(row["name"], (None, None))
        rows.append({k: row[k].item() if hasattr(row[k], "item") else row[k] for k in columns})
    return rows
