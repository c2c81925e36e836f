"""What the views' filter options share: a DATE option's period, names by any alias, and the
warning when a filter keeps nothing."""

from __future__ import annotations

from typing import Any

import click

from vntrade.cli.output import warn

WHAT = {"actors": "actor", "commodities": "commodity"}


def as_period(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """A DATE option's period; a usage error names the option as typed (`--event`, not the
    parameter `period` it fills)."""
    from vntrade.periods import parse_user_date

    return parse_user_date(value, option_name(param)) if value else None


def option_name(param: click.Parameter) -> str:
    """The long name of an option (`--as-of`), as the user types it."""
    return max(param.opts, key=len)


def names_of(store: Any, field: str, queries: tuple[str, ...]) -> set[str] | None:
    """Canonical names of `field` (actors, commodities) for --actor / --commodity / --issuer
    queries, a warning for each that names none; None without a query (the store's aliases
    are then not read)."""
    if not queries:
        return None
    from vntrade.views.stored import name_index

    index = name_index(store, field)
    found: set[str] = set()
    for query in queries:
        matches = index.match(query)
        if not matches:
            warn(f"no {WHAT[field]} called {query!r} in these articles.")
        found |= matches
    return found


def say_nothing_matched(what: str) -> None:
    """A filter that keeps nothing says so, so an empty output is not taken for no data."""
    warn(f"no {what} match the filters given.")
