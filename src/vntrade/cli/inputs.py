"""Options and helpers shared by the commands that read article inputs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from vntrade.cli.output import error, warn
from vntrade.loader import DEFAULT_MAX_BYTES
from vntrade.records import Article, LoadFailure, LoadProblem
from vntrade.store.schema import DEFAULT_DB

F = TypeVar("F", bound=Callable[..., Any])

max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest article in bytes: a text file, or one record of a JSONL/JSON/CSV dump "
    "(dumps themselves may be of any size). Larger ones are skipped and reported.",
)


with_text_option = click.option(
    "--with-text/--without-text",
    default=True,
    show_default=True,
    help="Include the clean article text in each record (the offsets of every mention point "
    "into it); --without-text for smaller output.",
)


def check_db_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--db ""` names no file (and would mean the current directory): say so."""
    if value is not None and not value.strip():
        raise click.BadParameter("needs a file name, e.g. --db news.db.")
    return value


def store_or_paths(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """`--db` of a command that reads PATHs or a store: $VNTRADE_DB counts only without PATHs,
    so that `vntrade timeline data/seeds` still reads the files when it is set; with neither,
    the store `vntrade ingest` writes by default (./vntrade.db), when there is one."""
    value = check_db_name(ctx, param, value)
    from_env = (
        ctx.get_parameter_source(param.name or "db") == click.core.ParameterSource.ENVIRONMENT
    )
    if from_env and ctx.params.get("paths"):
        return None
    if value is None and not ctx.params.get("paths") and os.path.lexists(DEFAULT_DB):
        return DEFAULT_DB
    return value


def paths_or_store_options(what: str) -> Callable[[F], F]:
    """PATH... and `--db FILE` (or $VNTRADE_DB when no PATH is given) for a command that reads
    either; `what` says what the command takes from the store."""

    def decorate(func: F) -> F:
        func = click.option(
            "--db",
            type=click.Path(dir_okay=False),
            default=None,
            envvar="VNTRADE_DB",
            callback=store_or_paths,
            help=f"{what} of a store made by `vntrade ingest` instead of PATHs "
            f"[env: VNTRADE_DB, used when no PATH is given; default without PATH: {DEFAULT_DB} "
            "when it exists, the store `vntrade ingest` writes by default].",
        )(func)
        return click.argument("paths", nargs=-1, metavar="PATH...")(func)

    return decorate


class ProblemReporter:
    """Reports load problems on stderr as they come, and remembers whether any input failed."""

    def __init__(self) -> None:
        self.failures = 0

    def articles(self, items: Iterable[Article | LoadProblem]) -> Iterator[Article]:
        """Pass articles through; report every problem on stderr."""
        from vntrade.extraction import without_problems

        return without_problems(items, self.report)

    def report(self, problem: LoadProblem) -> None:
        """A failure (counted) or a warning, as one line on stderr."""
        if isinstance(problem, LoadFailure):
            error(problem.message())
            self.failures += 1
        else:
            warn(problem.message())

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0
