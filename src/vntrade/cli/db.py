"""The `vntrade db` group: what a store holds, whether it is sound, everything back out, and a
Parquet dataset back in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from vntrade.cli.inputs import with_text_option
from vntrade.cli.output import (
    is_quiet,
    note,
    output_options,
    warn,
    write_document,
    write_rows,
)
from vntrade.cli.sources import model_options
from vntrade.cli.store import db_option, removed_if_failed, summary_options, wait_option
from vntrade.errors import as_text, shown


@click.group()
def db() -> None:
    """Inspect a store made by `vntrade ingest`, export its records, import a Parquet dataset."""


@db.command()
@db_option
@output_options
@model_options
def stats(
    db: str,
    fmt: str | None,
    model: str | None,
    actors_file: str | None,
    commodities_file: str | None,
) -> None:
    """Show what a store holds: articles, words, dates, pipelines, failures, the last run."""
    from vntrade.batch import PipelineSpec
    from vntrade.store import Store

    with Store.open(db) as store:
        document = store.stats(PipelineSpec(model, actors_file, commodities_file).fingerprint())
    write_document(document, fmt, _render_stats)


RECLUSTER_HINT = " (run `vntrade db recluster`)"


def _render_stats(stats: dict[str, Any]) -> None:
    from rich.table import Table

    from vntrade.cli.output import stdout_console
    from vntrade.store import EventsState

    table = Table(title=f"vntrade store {stats['db']}", show_header=False)
    table.add_column("", style="bold cyan")
    table.add_column("")
    rows = [
        ("articles", f"{stats['articles']:,}"),
        ("words", f"{stats['words']:,}"),
        ("dates", f"{stats['first_date'] or '?'} .. {stats['last_date'] or '?'}"),
        ("agencies", ", ".join(f"{k} {v:,}" for k, v in stats["agencies"].items()) or "-"),
        ("pipelines", ", ".join(f"{k} ({v:,})" for k, v in stats["pipelines"].items()) or "-"),
        ("made by another pipeline", f"{stats['stale'] or 0:,}"),
        ("failures", f"{len(stats['failures']):,}"),
        (
            "events",
            f"{stats['events']:,} in {stats['event_clusters']:,} clusters"
            + ("" if stats["events_state"] == EventsState.CURRENT else RECLUSTER_HINT),
        ),
        ("articles without a lead event", f"{stats['without_lead']:,}"),
        ("size", f"{stats['bytes'] / 1e6:.1f} MB"),
    ]
    if stats["last_run"]:
        last = stats["last_run"]
        rows.append(
            (
                "last run",
                f"#{last['run']} {last['status']} {last['started_at']}: {last['new']:,} new, "
                f"{last['updated']:,} updated, {last['unchanged']:,} unchanged, "
                f"{last['failed']:,} failed",
            )
        )
    for row in rows:
        table.add_row(*row)
    console = stdout_console()
    console.print(table)
    if stats["failures"]:
        from vntrade.cli.tables import Column, plan

        columns = [
            Column("source", "source", min_width=16),
            Column("line", "line", "fixed", 2, justify="right"),
            Column("article", "article", "id", 1),
            Column("reason", "reason", ratio=2, min_width=20),
        ]
        rows = [
            ["" if item[c.key] is None else str(item[c.key]) for c in columns]
            for item in stats["failures"]
        ]
        layout = plan(columns, rows, console.width)
        failures = layout.table(title="Failures", header_style="bold red")
        for row in rows:
            failures.add_row(*layout.cells(row))
        console.print(failures)


@db.command()
@db_option
@output_options
@click.pass_context
def check(ctx: click.Context, db: str, fmt: str | None) -> None:
    """Check that a store is sound: SQLite's integrity check, and that every record parses.

    Exit code 0 when it is, 1 when it is damaged (then restore it from a backup, or ingest
    the inputs again into a new --db FILE).
    """
    from vntrade.store import Store

    path = Path(db)
    problems = Store.problems_of(path)
    document = {"db": as_text(str(path)), "ok": not problems, "problems": problems}
    write_document(document, fmt, _render_check)
    ctx.exit(1 if problems else 0)


def _render_check(document: dict[str, Any]) -> None:
    from vntrade.cli.output import stdout_console

    console = stdout_console()
    if document["ok"]:
        console.print(f"{document['db']}: ok", markup=False, highlight=False)
        return
    console.print(f"{document['db']}: damaged", markup=False, highlight=False)
    for problem in document["problems"][:50]:
        console.print(f"  {problem}", markup=False, highlight=False)


@db.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "csv", "parquet"]),
    default=None,
    help="jsonl, json and csv go to stdout or -o FILE; parquet goes to -o DIR [default: from "
    "the name of -o FILE (.json, .csv), else jsonl].",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Write to PATH instead of standard output: a FILE (written whole or not at all), or "
    "the DIR of a Parquet dataset with --format parquet.",
)
@with_text_option
def export(db: str, fmt: str | None, output: str | None, with_text: bool) -> None:
    """Print every record in the store (as `vntrade extract` does), or write them as Parquet."""
    from vntrade.cli.output import format_of, written_to
    from vntrade.store import Store

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet writes a dataset: give --output DIR.")
    if fmt is None:
        fmt = format_of(output) if output and output != "-" else "jsonl"
        fmt = "jsonl" if fmt == "table" else fmt
    with Store.open(db) as store:
        if fmt == "parquet":
            count = _export_parquet(store, Path(output or "."), with_text)
            note(f"wrote {count:,} records to {output}")
            return
        records = store.iter_records()
        if not with_text:
            records = ({k: v for k, v in r.items() if k != "text"} for r in records)
        if output and output != "-":
            with written_to(output):
                write_rows(records, fmt)
        else:
            write_rows(records, fmt)


def _export_parquet(store: Any, directory: Path, with_text: bool, batch: int = 2048) -> int:
    from vntrade.batch import chunked
    from vntrade.store.dataset import DatasetWriter, check_empty_or_ours

    check_empty_or_ours(directory, incremental=False)
    writer = DatasetWriter(directory)
    count = 0
    for rows in chunked(store.iter_records(with_pipeline=True), batch):
        if not with_text:
            rows = [({**record, "text": None}, pipeline) for record, pipeline in rows]
        writer.write(rows)
        count += len(rows)
    return count


@db.command(name="import")
@click.argument("directory", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@db_option
@wait_option
@summary_options
def import_(directory: str, db: str, wait: float, summary: str, legacy_summary: str | None) -> None:
    """Bring a Parquet dataset (from `ingest --output` or `db export`) into a store."""
    from vntrade.ingest import import_records
    from vntrade.store import Store
    from vntrade.store.dataset import read_dataset
    from vntrade.store.lock import ingest_lock

    records = read_dataset(directory)  # a folder that holds no dataset fails here, first
    with (
        removed_if_failed(Path(db)),
        ingest_lock(Path(db), wait, warn),
        Store.open(db, create=True) as store,
    ):
        result = import_records(store, records)
    if (legacy_summary or summary) == "json":
        click.echo(json.dumps(result.to_dict()))
    else:
        note(result.line().replace("ingested", "imported", 1))


@db.command()
@db_option
@wait_option
@click.option("-q", "--quiet", is_flag=True, hidden=True, help="Old place of the global -q.")
def recluster(db: str, wait: float, quiet: bool) -> None:
    """Make the events and event clusters of every stored article afresh.

    Needed after `ingest --defer-clustering`, and worth running after an upgrade of vntrade
    that changes how events are found or grouped (an ingest only clusters new articles).
    Articles are taken in publication order; the records themselves are not touched. It is
    one transaction: a run that fails or is interrupted leaves the store as it was.
    """
    from vntrade.cli.progress import counting
    from vntrade.ingest import recluster as recluster_store
    from vntrade.store import Store
    from vntrade.store.lock import ingest_lock

    quiet = quiet or is_quiet()  # `vntrade -q db recluster`, or the old `db recluster -q`
    # Opened to write only once SQLite's quick check passes and every record is JSON; the
    # events tables, which it makes afresh, may hold anything.
    with (
        ingest_lock(Path(db), wait, warn),
        Store.open(db, write=True) as store,
        counting(store.count_articles(), "clustering events", quiet) as advance,
    ):
        done = recluster_store(store, advance)
    if not quiet:
        note(f"re-clustered the events of {done:,} articles (db: {shown(db)}).")
