"""`vntrade extract` and `vntrade schema`."""

from __future__ import annotations

import json
from typing import Any

import click

from vntrade.cli.inputs import ProblemReporter, with_text_option
from vntrade.cli.output import output_options, resolve_format, write_rows, written_to
from vntrade.cli.sources import iter_records, source_options
from vntrade.cli.tables import Column

# The terminal table: on a narrow terminal the columns of the highest priority go first.
TABLE_COLUMNS = (
    Column("id", "id", "id"),
    Column("published", "published", min_width=10),
    Column("actors", "actors", "list", 2, min_width=16, ratio=2),
    Column("dates", "dates", "list", 3, min_width=16, ratio=2),
    Column("commodities", "commodities", "list", 4, min_width=16),
    Column("directives", "directives", "fixed", 1, justify="right"),
)


def _summary(record: dict) -> dict:
    """A one-line view of an extraction record for the terminal table."""
    return {
        "id": record["id"],
        "published": record["published"]
        or (record["reference_date"] and f"{record['reference_date']} (inferred)"),
        "actors": [actor["name"] for actor in record["actors"]],
        "dates": [f"{d['text']}={d['value']}" for d in record["dates"]],
        "commodities": [c["name"] for c in record["commodities"]],
        "directives": len(record["directives"]),
    }


@click.command()
@source_options
@with_text_option
@output_options
@click.pass_context
def extract(
    ctx: click.Context,
    with_text: bool,
    fmt: str | None,
    **source_kwargs: Any,
) -> None:
    """Extract actors, dates, commodities and directives from the articles in PATH... (or --db).

    Prints one record per article: the article fields plus `actors`, `dates`,
    `commodities` and `directives`, each with character offsets into the clean text.
    See `vntrade schema` for the exact record format.
    """
    reporter = ProblemReporter()
    records = iter_records(reporter=reporter, **source_kwargs)
    if not with_text:
        records = ({k: v for k, v in record.items() if k != "text"} for record in records)
    if resolve_format(fmt) == "table":
        records = (_summary(record) for record in records)
        write_rows(records, fmt, columns=TABLE_COLUMNS, title="Extractions")
    else:
        write_rows(records, fmt)
    ctx.exit(reporter.exit_code)


@click.command()
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the schema to FILE instead of standard output (written whole or not at all).",
)
def schema(output: str | None) -> None:
    """Print the JSON Schema of the records printed by `vntrade extract`."""
    from vntrade.schema import extraction_schema

    text = json.dumps(extraction_schema(), indent=2)
    if output is None or output == "-":
        click.echo(text)
        return
    with written_to(output):
        click.echo(text)
