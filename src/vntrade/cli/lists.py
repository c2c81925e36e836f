"""`vntrade actors`, `commodities` and `directives`: the corpus-wide lists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import click

from vntrade.cli.filters import as_period, names_of, say_nothing_matched
from vntrade.cli.output import output_options, resolve_format, write_rows
from vntrade.cli.sources import reads_store, source_options
from vntrade.cli.tables import Column

if TYPE_CHECKING:
    from vntrade.store import Store

_COUNT = {"kind": "fixed", "justify": "right"}
# The terminal tables: the long lists (article ids, evidence) stay in the data formats, and
# on a narrow terminal the columns of the highest priority are left out first.
ACTOR_TABLE = (
    Column("name", "name", ratio=2),
    Column("type", "type", "fixed", 1),
    Column("mentions", "mentions", priority=2, **_COUNT),
    Column("n_articles", "articles", priority=2, **_COUNT),
    Column("first", "first", "fixed", 3),
    Column("last", "last", "fixed", 3),
    Column("roles", "roles", "list", 4, ratio=2),
    Column("aliases", "aliases", "list", 5, ratio=2),
)
COMMODITY_TABLE = (
    Column("name", "name", ratio=2),
    Column("category", "category", "fixed", 1),
    Column("mentions", "mentions", priority=2, **_COUNT),
    Column("n_articles", "articles", priority=2, **_COUNT),
    Column("directives", "directives", priority=3, **_COUNT),
    Column("first", "first", "fixed", 4),
    Column("last", "last", "fixed", 4),
)
DIRECTIVE_TABLE = (
    Column("deadline", "deadline", "fixed"),
    Column("status", "status", "fixed", 2),
    Column("issuer", "issuer", priority=3),
    Column("addressee", "addressee", priority=4),
    Column("action", "action", ratio=3, min_width=20),
    Column("n_articles", "articles", priority=1, **_COUNT),
)


def _keep(
    rows: Iterable[dict[str, Any]], field: str, wanted: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    """The rows whose `field` is one of `wanted` (any case and diacritics), or all rows."""
    from vntrade.events.text import fold

    folded = {fold(value) for value in wanted}
    return (row for row in rows if not folded or fold(row[field] or "") in folded)


def _write_list(
    rows: Iterable[dict[str, Any]],
    fmt: str | None,
    columns: Any,
    table_columns: Any,
    what: str,
    filtered: bool = False,
    title: str | None = None,
) -> None:
    """A list view's rows (`what`: "Actors"...), streamed where the format allows: every
    column as data, the short ones in a terminal table under `title` (by default `what`)."""
    table = resolve_format(fmt) == "table"
    written = write_rows(
        rows, fmt, columns=table_columns if table else columns, title=title or what
    )
    if filtered and not written:
        say_nothing_matched(what.lower())


@click.command()
@source_options
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(["PERSON", "ORG", "GPE"], case_sensitive=False),
    help="Only actors of this type (repeatable).",
)
@output_options
@reads_store
def actors(store: Store, types: tuple[str, ...], fmt: str | None) -> None:
    """Actors of PATH...: type, roles, aliases, mentions, articles, first and last dates.

    First and last dates are those of the timeline events naming the actor (else of the
    articles mentioning it). Most widely reported first.
    """
    from vntrade.views.lists import ACTOR_COLUMNS, iter_actor_rows

    rows = _keep(iter_actor_rows(store), "type", types)
    _write_list(rows, fmt, ACTOR_COLUMNS, ACTOR_TABLE, "Actors", filtered=bool(types))


@click.command()
@source_options
@click.option(
    "--category",
    "categories",
    multiple=True,
    metavar="NAME",
    help="Only commodities of this category (repeatable).",
)
@output_options
@reads_store
def commodities(
    store: Store,
    categories: tuple[str, ...],
    fmt: str | None,
) -> None:
    """Commodities of PATH...: category, mentions, articles, directives naming them, dates."""
    from vntrade.views.lists import COMMODITY_COLUMNS, iter_commodity_rows

    rows = _keep(iter_commodity_rows(store), "category", categories)
    _write_list(rows, fmt, COMMODITY_COLUMNS, COMMODITY_TABLE, "Commodities", bool(categories))


@click.command()
@source_options
@click.option(
    "--issuer",
    "issuers",
    multiple=True,
    metavar="NAME",
    help="Only directives issued by this actor (any alias; repeatable).",
)
@click.option(
    "--overdue", is_flag=True, help="Only directives whose deadline has passed (see --as-of)."
)
@click.option(
    "--as-of",
    callback=as_period,
    metavar="DATE",
    help="The day deadlines are checked against [default: the day of the newest article, as "
    "in the report].",
)
@output_options
@reads_store
def directives(
    store: Store,
    issuers: tuple[str, ...],
    overdue: bool,
    as_of: Any,
    fmt: str | None,
) -> None:
    """Directives of PATH...: who ordered whom to do what, by when; one row per order.

    An order reported by several articles is one row listing them. `status` is `overdue`
    once the whole deadline period (a day, a month...) is over before --as-of (by default
    the day of the newest article, so that old news reads the same on any day), else `open`.
    """
    from vntrade.views.as_of import as_of as judged_on
    from vntrade.views.lists import DIRECTIVE_COLUMNS, directive_rows_of

    day = judged_on(store, as_of.start if as_of else None)
    rows = directive_rows_of(store, day)
    wanted = names_of(store, "actors", issuers)
    if wanted is not None:
        rows = [row for row in rows if row["issuer"] in wanted]
    if overdue:
        rows = [row for row in rows if row["status"] == "overdue"]
    filtered = bool(issuers) or overdue
    title = f"Directives (deadlines as of {day.isoformat()})"
    _write_list(rows, fmt, DIRECTIVE_COLUMNS, DIRECTIVE_TABLE, "Directives", filtered, title)
