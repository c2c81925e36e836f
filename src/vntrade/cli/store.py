"""`vntrade ingest`, and the options it shares with the `db` commands."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from vntrade.cli.inputs import check_db_name
from vntrade.cli.output import is_quiet, note, warn
from vntrade.cli.sources import pipeline_options
from vntrade.errors import DiskFull, shown
from vntrade.records import ARTICLE_BATCH
from vntrade.store.schema import DEFAULT_DB

if TYPE_CHECKING:
    from vntrade.ingest import Summary
    from vntrade.ingest.settings import IngestSettings

KEPT = "every committed batch is kept"
DB_HELP = f"Store file [env: VNTRADE_DB; default: {DEFAULT_DB} in the current directory]."


def db_option(func: Any) -> Any:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        envvar="VNTRADE_DB",
        default=DEFAULT_DB,
        callback=check_db_name,
        help=DB_HELP,
    )(func)


@contextmanager
def removed_if_failed(path: Path) -> Iterator[None]:
    """A store this command creates is removed again if the command fails before writing any
    article, so that a failed command leaves no empty store behind."""
    from vntrade.store.sqlite import remove_if_empty

    existed = os.path.lexists(path)
    try:
        yield
    except BaseException:
        if not existed:
            remove_if_empty(path)
        raise


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
    "-o",
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
    default=ARTICLE_BATCH,
    show_default=True,
    help="Articles per chunk sent to a worker and committed in one transaction.",
)
@click.option(
    "--defer-clustering",
    is_flag=True,
    help="Store the events without clustering them (a little faster when loading many dumps "
    "in a row); run `vntrade db recluster` before the views read the store.",
)
@pipeline_options
@wait_option
@click.option("-q", "--quiet", is_flag=True, hidden=True, help="Old place of the global -q.")
@summary_options
@click.pass_context
def ingest(
    ctx: click.Context, quiet: bool, summary: str, legacy_summary: str | None, **options: Any
) -> None:
    """Load and extract the articles in PATH... into a store, skipping what it already holds.

    An article already stored with the same content and pipeline version is not processed
    again; changed articles and a new pipeline (model, code or pattern data) are. Bad inputs
    are recorded in the store's failures table and reported; the exit code is then 1. A run
    that is interrupted keeps every committed batch: run it again to finish.

    Each article's events are stored with it, and each event joins the cluster of reports
    of the same happening that it matches, or starts one: the timeline and compare read
    these clusters.
    """
    from vntrade.ingest.settings import IngestSettings

    settings = IngestSettings(**options)
    if settings.scheduler and settings.engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask.")
    if settings.output_dir and ctx.get_parameter_source("db") != ParameterSource.DEFAULT:
        raise click.UsageError(
            "--output writes a Parquet dataset instead of a store; give --output or --db, "
            "and load a dataset into a store later with `vntrade db import DIR --db FILE`."
        )
    quiet = quiet or is_quiet()  # `vntrade -q ingest`, or the old `ingest -q`
    result, existed = _run_ingest(settings, quiet)
    if (legacy_summary or summary) == "json":
        click.echo(json.dumps(result.to_dict()))
    elif not quiet:
        note(result.line())
    path = settings.store_path
    if not existed and not result.articles and not settings.output_dir and _removed_if_empty(path):
        warn(f"removed {shown(path)} again: no input gave an article to store.")
    ctx.exit(1 if result.counts["failed"] else 0)


def _run_ingest(settings: IngestSettings, quiet: bool) -> tuple[Summary, bool]:
    """One ingest run with a progress display, and whether the store existed before it; an
    interruption (Ctrl-C, SIGTERM) keeps every committed batch and exits 130, a full disk or
    a store error says how to go on."""
    from vntrade.batch import default_workers, make_engine
    from vntrade.cli.progress import IngestProgress
    from vntrade.ingest import Ingest, read_inputs
    from vntrade.store import Store
    from vntrade.store.dataset import DatasetWriter, check_empty_or_ours
    from vntrade.store.lock import ingest_lock
    from vntrade.store.sqlite import OperationalError, check_path, disk_full

    dataset = None
    if settings.output_dir:
        check_empty_or_ours(settings.output_dir, incremental=True)
        dataset = DatasetWriter(settings.output_dir)
    store_path, spec = settings.store_path, settings.spec
    existed = check_path(store_path, create=True)  # a pipe or an empty file: refused at once
    progress = IngestProgress(settings.paths, quiet, lines=True)  # a line now and then off a tty
    # The engine first: an unreachable scheduler must fail before any file is created.
    workers = settings.workers or default_workers()
    pool = make_engine(spec, settings.engine, workers, settings.scheduler)
    run = None
    try:
        with (
            _terminate_as_interrupt(),
            removed_if_failed(store_path),
            ingest_lock(store_path, settings.wait, warn),
            Store.open(store_path, create=True) as store,
            progress,
        ):
            run = Ingest(
                store,
                pool,
                spec.fingerprint(),
                batch_size=settings.batch_size,
                dataset=dataset,
                report=progress.report,
                progress=progress.advance,
                cluster=not settings.defer_clustering,
                starting=progress.loading,
            )
            inputs = read_inputs(store, settings.paths, settings.max_bytes, spec.fingerprint())
            return run.run(inputs), existed
    except KeyboardInterrupt:
        if run is not None:
            warn(f"interrupted; kept every committed batch: {run.summary.line()}")
        warn("run the same command again to process the rest.")
        raise click.exceptions.Exit(130) from None
    except DiskFull as error:
        raise DiskFull(error.where, KEPT) from None
    except (OperationalError, OSError) as error:
        where = disk_full(error, store_path)
        if where is not None:
            raise DiskFull(where, KEPT) from None
        raise click.ClickException(
            f"ingest stopped: {error}. Every committed batch is kept: fix the problem and "
            "run the same command again."
        ) from None
    finally:
        pool.close(abort=True)


def _removed_if_empty(path: Path) -> bool:
    """Remove the store a first ingest made if it holds no article (every input failed), as a
    failed command leaves nothing behind; whether it was removed."""
    from vntrade.store.sqlite import remove_if_empty

    remove_if_empty(path)
    return not os.path.lexists(path)


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
