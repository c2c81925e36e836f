"""`vntrade articles`: the clean article records of the inputs."""

from __future__ import annotations

import click

from vntrade.cli.inputs import ProblemReporter, max_bytes_option, paths_or_store_options
from vntrade.cli.output import output_options, resolve_format, write_rows
from vntrade.cli.sources import check_sources
from vntrade.cli.tables import Column
from vntrade.loader import iter_inputs

# The terminal table: on a narrow terminal the columns of the highest priority go first.
TABLE_COLUMNS = (
    Column("id", "id", "id"),
    Column("title", "title", ratio=3, min_width=24),
    Column("published", "published", "fixed", 1),
    Column("agency", "agency", "fixed", 3),
    Column("dateline", "dateline", priority=5),
    Column("words", "words", "fixed", 4, justify="right"),
    Column("source", "source", "fixed", 6),
)


@click.command()
@paths_or_store_options("Print the articles")
@max_bytes_option
@output_options
@click.pass_context
def articles(
    ctx: click.Context, paths: tuple[str, ...], db: str | None, max_bytes: int, fmt: str | None
) -> None:
    """Print one clean record per article found in PATH... (files, directories, or - for stdin).

    Reads .txt articles, JSONL/JSON/CSV dumps and directories of them, or the articles of a
    store (--db). Problems with an input are reported on stderr; the exit code is 1 if any
    input failed.
    """
    from vntrade.cli.progress import IngestProgress

    columns = TABLE_COLUMNS if resolve_format(fmt) == "table" else None
    check_sources(paths, db)
    if db:
        from vntrade.store import Store

        with Store.open(db) as store:
            write_rows(store.iter_articles(), fmt, columns, "Articles")
        return
    reporter = ProblemReporter()
    with IngestProgress(paths, False, "reading", data_on_stdout=True) as progress:
        articles = progress.track(reporter.articles(iter_inputs(paths, max_bytes)))
        write_rows((article.to_dict() for article in articles), fmt, columns, "Articles")
    ctx.exit(reporter.exit_code)
