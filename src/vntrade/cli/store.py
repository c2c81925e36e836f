"""`vntrade ingest` and the `vntrade db` group: filling a store and getting everything back out."""

from __future__ import annotations

import json
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import click

from vntrade.cli.inputs import check_db_name, with_text_option
from vntrade.cli.output import note, output_options, warn, write_document, write_rows
from vntrade.cli.sources import model_options, pipeline_options
from vntrade.errors import StoreDamaged

DB_HELP = "Store file [env: VNTRADE_DB; default: vntrade.db in the current directory]."


def db_option(func: Any) -> Any:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        envvar="VNTRADE_DB",
        default="vntrade.db",
        callback=check_db_name,
        help=DB_HELP,
    )(func)


@contextmanager
def removed_if_failed(path: Path) -> Iterator[None]:
    """A store this command creates is removed again if the command fails before writing any
    article, so that a failed command leaves no empty store behind."""
    existed = path.exists()
    try:
        yield
    except BaseException:
        if not existed:
            remove_empty_store(path)
        raise


def remove_empty_store(path: Path) -> None:
    """Delete the store at `path` and its journal files if it holds no article."""
    if not path.is_file():
        return
    try:
        conn = sqlite3.connect(path)
        try:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        articles = 0
    if not articles:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with suppress(OSError):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def summary_options(func: Any) -> Any:
    """`--summary text|json` (and `--format`, its old name, hidden) for a run's summary."""
    func = click.option(
        "--format",
        "legacy_summary",
        type=click.Choice(["text", "json"]),
        default=None,
        hidden=True,
        help="Old name of --summary.",
    )(func)
    return click.option(
        "--summary",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="text: one line on stderr; json: the summary as JSON on stdout, for scripts.",
    )(func)


def wait_option(func: Any) -> Any:
    return click.option(
        "--wait",
        type=click.FloatRange(min=0),
        default=60.0,
        show_default=True,
        metavar="SECONDS",
        help="How long to wait for another ingest writing to the same store.",
    )(func)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Write the records as a partitioned Parquet dataset in DIR instead of a store.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: processes on this machine; dask: a Dask cluster (pip install 'vntrade[dask]').",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: the number of cores]; 1 runs in this process.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Address of a running Dask scheduler, e.g. tcp://host:8786 (with --engine dask).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per chunk sent to a worker and committed in one transaction.",
)
@pipeline_options
@wait_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary line.")
@summary_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str,
    output_dir: str | None,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
    max_bytes: int,
    model: str | None,
    actors_file: str | None,
    commodities_file: str | None,
    wait: float,
    quiet: bool,
    summary: str,
    legacy_summary: str | None,
) -> None:
    """Load and extract the articles in PATH... into a store, skipping what it already holds.

    An article already stored with the same content and pipeline version is not processed
    again; changed articles and a new pipeline (model, code or pattern data) are. Bad inputs
    are recorded in the store's failures table and reported; the exit code is then 1. A run
    that is interrupted keeps every committed batch: run it again to finish.
    """
    from vntrade.batch import PipelineSpec, default_workers, make_engine
    from vntrade.cli.progress import IngestProgress
    from vntrade.ingest import Ingest, read_inputs
    from vntrade.store import Store
    from vntrade.store.dataset import INDEX_NAME, DatasetWriter, check_empty_or_ours
    from vntrade.store.lock import ingest_lock

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask.")
    dataset = None
    store_path = Path(db)
    if output_dir:
        if ctx.get_parameter_source("db") != click.core.ParameterSource.DEFAULT:
            raise click.UsageError(
                "--output writes a Parquet dataset instead of a store; give --output or --db, "
                "and load a dataset into a store later with `vntrade db import DIR --db FILE`."
            )
        check_empty_or_ours(output_dir, incremental=True)
        dataset = DatasetWriter(output_dir)
        store_path = Path(output_dir) / INDEX_NAME  # the dataset's own incremental index
    spec = PipelineSpec(model, actors_file, commodities_file)
    progress = IngestProgress(paths, quiet)
    # The engine first: an unreachable scheduler must fail before any file is created.
    pool = make_engine(spec, engine, workers or default_workers(), scheduler)
    run = None
    try:
        with (
            _terminate_as_interrupt(),
            removed_if_failed(store_path),
            ingest_lock(store_path, wait, warn),
            Store.open(store_path, create=True) as store,
        ):
            damage = store.check(quick=True)
            if damage:
                raise StoreDamaged(store_path, "; ".join(damage[:3]))
            with progress:
                run = Ingest(
                    store,
                    pool,
                    spec.fingerprint(),
                    batch_size=batch_size,
                    dataset=dataset,
                    report=progress.report,
                    progress=progress.advance,
                )
                result = run.run(read_inputs(store, paths, max_bytes, spec.fingerprint()))
    except KeyboardInterrupt:
        if run is not None:
            warn(f"interrupted; kept every committed batch: {run.summary.line()}")
        warn("run the same command again to process the rest.")
        ctx.exit(130)
    except sqlite3.OperationalError as error:  # e.g. a full disk
        raise click.ClickException(
            f"ingest stopped: {error}. Every committed batch is kept: fix the problem and "
            "run the same command again."
        ) from None
    except OSError as error:
        raise click.ClickException(
            f"ingest stopped: {error}. Every committed batch is kept: fix the problem and "
            "run the same command again."
        ) from None
    finally:
        pool.close(abort=True)
    if (legacy_summary or summary) == "json":
        click.echo(json.dumps(result.to_dict()))
    elif not quiet:
        note(result.line())
    ctx.exit(1 if result.counts["failed"] else 0)


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Handle SIGTERM like Ctrl-C: roll back the open batch and say how to resume."""

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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


def _render_stats(stats: dict[str, Any]) -> None:
    from rich.table import Table

    from vntrade.cli.output import stdout_console

    table = Table(title=f"vntrade store {stats['db']}", show_header=False)
    table.add_column("", style="bold cyan")
    table.add_column("")
    rows = [
        ("articles", f"{stats['articles']:,}"),
        ("words", f"{stats['words']:,}"),
        ("dates", f"{stats['first_date'] or '?'} .. {stats['last_date'] or '?'}"),
        ("agencies", ", ".join(f"{k} {v}" for k, v in stats["agencies"].items()) or "-"),
        ("pipelines", ", ".join(f"{k} ({v})" for k, v in stats["pipelines"].items()) or "-"),
        ("made by another pipeline", str(stats["stale"] or 0)),
        ("failures", str(len(stats["failures"]))),
        ("size", f"{stats['bytes'] / 1e6:.1f} MB"),
    ]
    if stats["last_run"]:
        last = stats["last_run"]
        rows.append(
            (
                "last run",
                f"#{last['run']} {last['status']} {last['started_at']}: {last['new']} new, "
                f"{last['updated']} updated, {last['unchanged']} unchanged, "
                f"{last['failed']} failed",
            )
        )
    for row in rows:
        table.add_row(*row)
    console = stdout_console()
    console.print(table)
    if stats["failures"]:
        failures = Table(title="Failures", header_style="bold red")
        for name in ("source", "line", "article", "reason"):
            failures.add_column(name, overflow="fold")
        for item in stats["failures"]:
            cells = (item["source"], item["line"], item["article"], item["reason"])
            failures.add_row(*("" if cell is None else str(cell) for cell in cells))
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
    import sqlite3 as sqlite

    from vntrade.store import Store, connect

    path = Path(db)
    try:
        store = Store.open(path)
    except StoreDamaged:  # damaged beyond opening: say what SQLite says
        conn = connect(path, readonly=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        except sqlite.DatabaseError as error:
            problems = [str(error)]
        finally:
            conn.close()
    else:
        with store:
            problems = store.check()
    problems = [problem for problem in problems if problem != "ok"]
    document = {"db": str(path), "ok": not problems, "problems": problems}
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
    default="jsonl",
    show_default=True,
    help="jsonl, json and csv go to stdout; parquet goes to --output DIR.",
)
@click.option(
    "--output",
    "output_dir",
    type=click.Path(file_okay=False),
    help="Directory of the Parquet dataset (with --format parquet).",
)
@with_text_option
def export(db: str, fmt: str, output_dir: str | None, with_text: bool) -> None:
    """Print every record in the store (as `vntrade extract` does), or write them as Parquet."""
    from vntrade.store import Store

    if fmt == "parquet" and not output_dir:
        raise click.UsageError("--format parquet writes a dataset: give --output DIR.")
    if fmt != "parquet" and output_dir:
        raise click.UsageError("--output is for --format parquet; other formats go to stdout.")
    with Store.open(db) as store:
        if fmt == "parquet":
            count = _export_parquet(store, Path(output_dir or "."), with_text)
            note(f"wrote {count} records to {output_dir}")
            return
        records = store.iter_records()
        if not with_text:
            records = ({k: v for k, v in r.items() if k != "text"} for r in records)
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
