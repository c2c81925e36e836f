"""`vntrade timeline`, `compare`, `actors`, `commodities` and `directives`: the analyst's views."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from vntrade.cli.inputs import ProblemReporter
from vntrade.cli.output import (
    note,
    output_options,
    resolve_format,
    warn,
    write_document,
    write_rows,
)
from vntrade.cli.sources import iter_records, source_options
from vntrade.views.kinds import KINDS

TIMELINE_COLUMNS = ("date", "precision", "start", "date_inferred", "kind", "summary", "actors",
                    "commodities", "articles", "evidence")  # fmt: skip
COMPARE_COLUMNS = ("cluster", "date", "article", "aspect", "values")
OVERVIEW_LIMIT = 20  # clusters a terminal shows before it gives an overview instead


def _period(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    from vntrade.periods import parse_user_date

    return parse_user_date(value, f"--{param.name.replace('_', '-')}") if value else None


def _kinds(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> set[str]:
    kinds = {" ".join(v.lower().replace("-", " ").replace("_", " ").split()) for v in values}
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise click.BadParameter(
            f"unknown kind {', '.join(map(repr, unknown))}; choose from {', '.join(KINDS)}.",
            param_hint="--kind",
        )
    return kinds


def _load(reporter: ProblemReporter, source: dict[str, Any]) -> list[dict[str, Any]]:
    """All records of the sources: views look at the whole corpus at once."""
    return list(iter_records(reporter=reporter, **source))


def _names(index: Any, queries: tuple[str, ...], what: str) -> set[str] | None:
    """Canonical names for --actor / --commodity queries; a warning for each that names none."""
    if not queries:
        return None
    found: set[str] = set()
    for query in queries:
        matches = index.match(query)
        if not matches:
            warn(f"no {what} called {query!r} in these articles.")
        found |= matches
    return found


@click.command()
@source_options
@click.option(
    "--since",
    callback=_period,
    metavar="DATE",
    help="Only events that end on or after DATE (YYYY-MM-DD, YYYY-MM, YYYY-Www, YYYY).",
)
@click.option(
    "--until", callback=_period, metavar="DATE", help="Only events that start on or before DATE."
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
    "--evidence", is_flag=True, help="In the terminal table, show the evidence sentences."
)
@output_options
@click.pass_context
def timeline(
    ctx: click.Context,
    since: Any,
    until: Any,
    actor_names: tuple[str, ...],
    commodity_names: tuple[str, ...],
    kinds: set[str],
    evidence: bool,
    fmt: str | None,
    **source: Any,
) -> None:
    """Events reported in PATH..., in date order, one entry per event.

    An event reported by several articles is one entry listing them all. Week, month and
    quarter dates sort at the start of their period; `*` (or `date_inferred`) marks a year
    taken from the rest of the corpus. Directive deadlines appear as `deadline` entries.
    """
    from vntrade.cli.progress import working
    from vntrade.views.names import NameIndex
    from vntrade.views.timeline import build_timeline, filter_entries

    reporter = ProblemReporter()
    records = _load(reporter, source)
    with working(f"placing the events of {len(records)} articles"):
        merged = build_timeline(records)
    entries = filter_entries(
        merged,
        since=since,
        until=until,
        actors=_names(NameIndex.of_actors(records), actor_names, "actor"),
        commodities=_names(NameIndex.of_commodities(records), commodity_names, "commodity"),
        kinds=kinds,
    )
    rows = [entry.to_row() for entry in entries]
    filters = (since, until, actor_names, commodity_names, kinds)
    if not rows and any(filters):
        say_nothing_matched("events")
    if resolve_format(fmt) == "table":
        from vntrade.cli.render import render_timeline

        render_timeline(rows, evidence)
    else:
        write_rows(rows, fmt, columns=TIMELINE_COLUMNS)
    ctx.exit(reporter.exit_code)


@click.command()
@source_options
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    metavar="N",
    help=f"At most N clusters, largest first; more than N in a table gives an overview of "
    f"the first N [table default: {OVERVIEW_LIMIT}; other formats: all].",
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
    callback=_period,
    metavar="DATE",
    help="Only the clusters and lone articles whose event falls within DATE.",
)
@click.option("--article", metavar="ID", help="Only the cluster of article ID.")
@output_options
@click.pass_context
def compare(
    ctx: click.Context,
    limit: int | None,
    number: int | None,
    period: Any,
    article: str | None,
    fmt: str | None,
    **source: Any,
) -> None:
    """Group the articles of PATH... that report the same event, and compare their reports.

    For each group: what all reports share and what each adds (actors, commodities, dates,
    figures, directives), and conflicts (one event given different dates, one quantity
    different figures), with the evidence. Articles about different events stay apart.
    Given exactly two articles (`vntrade compare A B`), compares them side by side.
    Clusters are numbered largest first; past --limit of them a table shows an overview,
    and --cluster N, --event DATE or --article ID the side by side of one.
    """
    from vntrade.cli.progress import working
    from vntrade.views.compare import compare_records, select_clusters

    if sum(x is not None for x in (number, period, article)) > 1:
        raise click.UsageError("give one of --cluster, --event and --article.")
    reporter = ProblemReporter()
    records = _load(reporter, source)
    with working(f"comparing {len(records)} articles"):
        document, leads = compare_records(records)
    numbers = {id(c): n for n, c in enumerate(document["clusters"], 1)}
    document = select_clusters(document, leads, number=number, period=period, article=article)
    fmt = resolve_format(fmt)
    shown = limit if limit is not None else OVERVIEW_LIMIT if fmt == "table" else None
    overview = shown is not None and len(document["clusters"]) > shown
    if overview:
        left = len(document["clusters"]) - shown
        document = {**document, "clusters": document["clusters"][:shown]}
        note(
            f"{left} more clusters left out (largest first are shown): --limit N shows more, "
            "--cluster N one side by side, --format json all."
        )
    order = [numbers[id(c)] for c in document["clusters"]]
    if fmt == "csv":
        write_rows(_comparison_rows(document, order), fmt, columns=COMPARE_COLUMNS)
    elif fmt == "jsonl":
        write_rows(_cluster_rows(document, order), fmt)
    else:
        from vntrade.cli.render import render_comparison, render_overview

        def render(doc: dict[str, Any]) -> None:
            if overview and fmt == "table":
                render_overview(doc, order, len(records))
            else:
                render_comparison(doc, leads, order)

        write_document(document, fmt, render)
    ctx.exit(reporter.exit_code)


def _cluster_rows(document: dict[str, Any], numbers: list[int]) -> list[dict[str, Any]]:
    """One JSONL row per cluster (numbered from 1), then one per article reported alone."""
    clusters = zip(numbers, document["clusters"], strict=True)
    rows = [{"cluster": n, **cluster} for n, cluster in clusters]
    rows += [{"cluster": None, "articles": [article]} for article in document["singletons"]]
    return rows


def _comparison_rows(document: dict[str, Any], numbers: list[int]) -> list[dict[str, Any]]:
    """The comparison flattened for CSV: one row per cluster, article (or shared) and aspect."""
    rows = []
    for number, cluster in zip(numbers, document["clusters"], strict=True):
        parts = [("shared", cluster["shared"]), *cluster["unique"].items()]
        for article, aspects in parts:
            for aspect, values in aspects.items():
                rows.append({"cluster": number, "date": cluster["date"], "article": article,
                             "aspect": aspect, "values": values})  # fmt: skip
        for conflict in cluster["conflicts"]:
            aspect = f"conflict: {conflict['type']}"
            rows.append({"cluster": number, "date": cluster["date"], "article": None,
                         "aspect": aspect, "values": conflict})  # fmt: skip
    for article in document["singletons"]:
        rows.append({"cluster": None, "date": None, "article": article, "aspect": "singleton",
                     "values": None})  # fmt: skip
    return rows


def _keep(rows: list[dict[str, Any]], field: str, wanted: tuple[str, ...]) -> list[dict[str, Any]]:
    """The rows whose `field` is one of `wanted` (any case and diacritics), or all rows."""
    from vntrade.views.text import fold

    folded = {fold(value) for value in wanted}
    return [row for row in rows if not folded or fold(row[field] or "") in folded]


def _write_list(
    rows: list[dict[str, Any]],
    fmt: str | None,
    columns: Any,
    table_columns: Any,
    title: str,
    filtered: bool = False,
) -> None:
    """A list view's rows: every column as data, the short ones in a terminal table."""
    if filtered and not rows:
        say_nothing_matched(title.lower())
    table = resolve_format(fmt) == "table"
    write_rows(rows, fmt, columns=table_columns if table else columns, title=title)


def say_nothing_matched(what: str) -> None:
    """A filter that keeps nothing says so, so an empty output is not taken for no data."""
    warn(f"no {what} match the filters given.")


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
@click.pass_context
def actors(ctx: click.Context, types: tuple[str, ...], fmt: str | None, **source: Any) -> None:
    """Actors of PATH...: type, roles, aliases, mentions, articles, first and last dates.

    First and last dates are those of the timeline events naming the actor (else of the
    articles mentioning it). Most widely reported first.
    """
    from vntrade.views.lists import ACTOR_COLUMNS, ACTOR_TABLE, actor_rows
    from vntrade.views.timeline import build_timeline

    reporter = ProblemReporter()
    records = _load(reporter, source)
    rows = _keep(actor_rows(records, build_timeline(records)), "type", types)
    _write_list(rows, fmt, ACTOR_COLUMNS, ACTOR_TABLE, "Actors", filtered=bool(types))
    ctx.exit(reporter.exit_code)


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
@click.pass_context
def commodities(
    ctx: click.Context, categories: tuple[str, ...], fmt: str | None, **source: Any
) -> None:
    """Commodities of PATH...: category, mentions, articles, directives naming them, dates."""
    from vntrade.views.lists import COMMODITY_COLUMNS, commodity_rows
    from vntrade.views.timeline import build_timeline

    reporter = ProblemReporter()
    records = _load(reporter, source)
    rows = _keep(commodity_rows(records, build_timeline(records)), "category", categories)
    _write_list(rows, fmt, COMMODITY_COLUMNS, COMMODITY_COLUMNS, "Commodities", bool(categories))
    ctx.exit(reporter.exit_code)


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
    callback=_period,
    metavar="DATE",
    help="The day deadlines are checked against [default: today].",
)
@output_options
@click.pass_context
def directives(
    ctx: click.Context,
    issuers: tuple[str, ...],
    overdue: bool,
    as_of: Any,
    fmt: str | None,
    **source: Any,
) -> None:
    """Directives of PATH...: who ordered whom to do what, by when; one row per order.

    An order reported by several articles is one row listing them. `status` is `overdue`
    once the whole deadline period (a day, a month...) is over before --as-of, else `open`.
    """
    from vntrade.views.lists import DIRECTIVE_COLUMNS, DIRECTIVE_TABLE, directive_rows
    from vntrade.views.names import NameIndex

    reporter = ProblemReporter()
    records = _load(reporter, source)
    rows = directive_rows(records, as_of.start if as_of else date.today())
    wanted = _names(NameIndex.of_actors(records), issuers, "actor")
    if wanted is not None:
        rows = [row for row in rows if row["issuer"] in wanted]
    if overdue:
        rows = [row for row in rows if row["status"] == "overdue"]
    filtered = bool(issuers) or overdue
    _write_list(rows, fmt, DIRECTIVE_COLUMNS, DIRECTIVE_TABLE, "Directives", filtered)
    ctx.exit(reporter.exit_code)
