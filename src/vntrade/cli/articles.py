"""`vntrade articles`: the clean article records of the inputs."""

from __future__ import annotations

import click

from vntrade.cli.inputs import ProblemReporter, input_options
from vntrade.loader import iter_inputs
from vntrade.output import output_options, resolve_format, write_rows

TABLE_COLUMNS = ("id", "title", "published", "agency", "dateline", "words", "source")


@click.command()
@input_options
@output_options
@click.pass_context
def articles(ctx: click.Context, paths: tuple[str, ...], max_bytes: int, fmt: str | None) -> None:
    """Print one clean record per article found in PATH... (files, directories, or - for stdin).

    Reads .txt articles, JSONL/JSON/CSV dumps and directories of them. Problems with an
    input are reported on stderr; the exit code is 1 if any input failed.
    """
    from vntrade.cli.progress import IngestProgress

    reporter = ProblemReporter()
    columns = TABLE_COLUMNS if resolve_format(fmt) == "table" else None
    with IngestProgress(paths, False, "reading", data_on_stdout=True) as progress:
        articles = progress.track(reporter.articles(iter_inputs(paths, max_bytes)))
        write_rows((article.to_dict() for article in articles), fmt, columns, "Articles")
    ctx.exit(reporter.exit_code)
