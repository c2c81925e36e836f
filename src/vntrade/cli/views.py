"""`vntrade timeline` and `compare`: the analyst's views of events."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import click

from vntrade.cli.filters import as_period, names_of, say_nothing_matched
from vntrade.cli.output import (
    note,
    output_options,
    resolve_format,
    write_document,
    write_json_lines,
    write_rows,
)
from vntrade.cli.sources import reads_store, source_options
from vntrade.events.kinds import KINDS
from vntrade.views.timeline import TIMELINE_COLUMNS

if TYPE_CHECKING:
    from vntrade.store import Store

COMPARE_COLUMNS = ("cluster", "date", "article", "aspect", "values")
OVERVIEW_LIMIT = 20  # clusters compare shows before it gives an overview instead
TIMELINE_LIMIT = 500  # entries a terminal table shows
MOST = 2**63 - 1  # what SQLite's LIMIT and itertools.islice take: a larger --limit means all


def at_most(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """A count past what SQLite can take is as good as all of them: clamp it."""
    return min(value, MOST) if value is not None else None


def _kinds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> set[str]:
    kinds = {" ".join(v.lower().replace("-", " ").replace("_", " ").split()) for v in values}
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise click.BadParameter(
            f"unknown kind {', '.join(map(repr, unknown))}; choose from {', '.join(KINDS)}."
        )
    return kinds


@click.command()
@source_options
@click.option(
    "--since",
    callback=as_period,
    metavar="DATE",
    help="Only events that end on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY).",
)
@click.option(
    "--until", callback=as_period, metavar="DATE", help="Only events that start on or before DATE."
)
@click.option(
    "--actor",
    "actor_names",
    multiple=True,
    metavar="NAME",
    help="Only events involving this actor (name or any alias; repeatable).",
)
@click.option(
    "--commodity",
    "commodity_names",
    multiple=True,
    metavar="NAME",
    help="Only events naming this commodity (repeatable).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    callback=_kinds,
    metavar="KIND",
    help=f"Only events of this kind (repeatable): {', '.join(KINDS)}.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    callback=at_most,
    metavar="N",
    help=f"At most N entries, the earliest first; 0 for all [table default: {TIMELINE_LIMIT}; "
    "other formats: all].",
)
@click.option(
    "--evidence", is_flag=True, help="In the terminal table, show the evidence sentences."
)
@output_options
@reads_store
def timeline(
    store: Store,
    since: Any,
    until: Any,
    actor_names: tuple[str, ...],
    commodity_names: tuple[str, ...],
    kinds: set[str],
    limit: int | None,
    evidence: bool,
    fmt: str | None,
) -> None:
    """Events reported in PATH..., in date order, one entry per event.

    An event reported by several articles is one entry listing them all. A week sorts at its
    start; a date that gives no day (a month, quarter or year) after the days of its period,
    labelled so ("2025 (year only)"); `*` (or `date_inferred`) marks a year taken from the
    rest of the corpus. Directive deadlines appear as `deadline` entries.
    A store's timeline is read from the events `vntrade ingest` clustered; filters run in
    the store and the entries stream, so a year of news prints at once.
    """
    from vntrade.store import EntryFilter

    fmt = resolve_format(fmt)
    keep = EntryFilter(
        since=since.start.isoformat() if since else None,
        until=until.end.isoformat() if until else None,
        actors=names_of(store, "actors", actor_names),
        commodities=names_of(store, "commodities", commodity_names),
        kinds=kinds or None,
    )
    shown = limit if limit is not None else TIMELINE_LIMIT if fmt == "table" else 0
    rows: Any = store.timeline_json(keep) if fmt == "jsonl" else store.timeline_entries(keep)
    left_out = 0
    if shown:
        left_out = max(0, store.count_entries(keep) - shown)
        rows = itertools.islice(rows, shown)
    if fmt == "table":
        from vntrade.cli.render import render_timeline

        rows = list(rows)
        render_timeline(rows, evidence)
    elif fmt == "jsonl":  # as stored: JSON text in, JSON text out
        rows = _counted(rows)
        write_json_lines(rows)
    else:
        rows = _counted(rows)
        write_rows(rows, fmt, columns=TIMELINE_COLUMNS)
    filters = (since, until, actor_names, commodity_names, kinds)
    if not rows and any(filters):
        say_nothing_matched("events")
    if left_out:  # after the table, where it is seen
        note(
            f"{left_out:,} more entries left out (the earliest {shown:,} are shown): narrow "
            "them with --since, --until, --actor, --kind or --commodity, or give --limit N "
            "(0 for all) or --format jsonl."
        )


class _counted:
    """An iterator that remembers whether it yielded anything (`bool(rows)` after writing)."""

    def __init__(self, rows: Any) -> None:
        self.rows = iter(rows)
        self.count = 0

    def __iter__(self) -> Any:
        for row in self.rows:
            self.count += 1
            yield row

    def __bool__(self) -> bool:
        return self.count > 0


def _one_selection(*, number: int | None, period: Any, article: str | None, **options: Any) -> None:
    """At most one of --cluster, --event and --article, said before any input is read."""
    if sum(x is not None for x in (number, period, article)) > 1:
        raise click.UsageError("give one of --cluster, --event and --article.")


@click.command()
@source_options
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    callback=at_most,
    default=OVERVIEW_LIMIT,
    show_default=True,
    metavar="N",
    help="At most N clusters, largest first; 0 for all. Past N, a table gives an overview "
    "and other formats leave out the articles reported alone.",
)
@click.option(
    "--cluster",
    "number",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only cluster N (as numbered in the overview), side by side.",
)
@click.option(
    "--event",
    "period",
    callback=as_period,
    metavar="DATE",
    help="Only the clusters and lone articles whose event falls within DATE.",
)
@click.option("--article", metavar="ID", help="Only the cluster of article ID.")
@output_options
@reads_store(check=_one_selection)
def compare(
    store: Store,
    limit: int,
    number: int | None,
    period: Any,
    article: str | None,
    fmt: str | None,
) -> None:
    """Group the articles of PATH... that report the same event, and compare their reports.

    For each group: what all reports share and what each adds (actors, commodities, dates,
    figures, directives), and conflicts (one event given different dates, one quantity
    different figures), grouped by value with how many reports give each and the evidence.
    Articles about different events stay apart.
    Given exactly two articles (`vntrade compare A B`), compares them side by side.
    Clusters are numbered largest first; past --limit of them a table shows an overview,
    and --cluster N, --event DATE or --article ID the side by side of one. A store's
    clusters are those `vntrade ingest` made: only the clusters shown are read.
    """
    from vntrade.views.stored import compare_store

    fmt = resolve_format(fmt)
    # --limit 0 in JSONL or CSV streams every cluster, read as it is written.
    stream = not limit and fmt in ("csv", "jsonl")
    result = compare_store(
        store,
        limit=limit or None,
        number=number,
        period=period,
        article=article,
        stream=stream,
    )
    articles = store.count_articles()
    document, order = result.document, result.numbers
    if fmt == "csv":
        write_rows(_comparison_rows(document, order), fmt, columns=COMPARE_COLUMNS)
    elif fmt == "jsonl":
        write_rows(_cluster_rows(document, order), fmt)
    overview = result.left_out > 0
    if fmt not in ("csv", "jsonl"):
        from vntrade.cli.render import render_comparison, render_overview

        def render(doc: dict[str, Any]) -> None:
            if overview:
                render_overview(doc, order, articles, result.shared)
            else:
                render_comparison(doc, result.leads, order)

        write_document(document, fmt, render)
    for message in result.notes:  # after the tables, where they are seen
        note(message)
    if overview:
        note(
            f"{result.left_out:,} more clusters left out (the {len(order):,} largest are "
            "shown), and the articles reported alone: --limit N shows more (0 for all), "
            "--cluster N one side by side, --event DATE those of a period."
        )


def _cluster_rows(document: dict[str, Any], numbers: list[int]) -> Iterator[dict[str, Any]]:
    """One JSONL row per cluster (numbered from 1), then one per article reported alone,
    as the clusters come (they may be streamed from a store)."""
    for n, cluster in zip(numbers, document["clusters"], strict=True):
        yield {"cluster": n, **cluster}
    for article in document["singletons"]:
        yield {"cluster": None, "articles": [article]}


def _comparison_rows(document: dict[str, Any], numbers: list[int]) -> Iterator[dict[str, Any]]:
    """The comparison flattened for CSV: one row per cluster, article (or shared) and aspect."""
    for number, cluster in zip(numbers, document["clusters"], strict=True):
        rows: list[dict[str, Any]] = []
        parts = [("shared", cluster["shared"]), *cluster["unique"].items()]
        for article, aspects in parts:
            for aspect, values in aspects.items():
                rows.append({"cluster": number, "date": cluster["date"], "article": article,
                             "aspect": aspect, "values": values})  # fmt: skip
        for conflict in cluster["conflicts"]:
            aspect = f"conflict: {conflict['type']}"
            rows.append({"cluster": number, "date": cluster["date"], "article": None,
                         "aspect": aspect, "values": conflict})  # fmt: skip
        yield from rows
    for article in document["singletons"]:
        yield {"cluster": None, "date": None, "article": article, "aspect": "singleton",
               "values": None}  # fmt: skip
