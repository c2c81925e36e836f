"""`vntrade articles`: the clean article records of the inputs."""

from __future__ import annotations

import click

from vntrade.cli.inputs import ProblemReporter, max_bytes_option, paths_or_store_options
from vntrade.cli.output import output_options, resolve_format, write_rows
from vntrade.cli.sources import check_sources
from vntrade.loader import iter_inputs

TABLE_COLUMNS = ("id", "title", "published", "agency", "dateline", "words", "source")


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
