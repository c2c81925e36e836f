"""The `vntrade` command group. Each command lives in a module of this package, imported lazily."""

from __future__ import annotations

import importlib

import click

from vntrade import __version__

# command name -> "module:attribute"; modules are imported only when their command is used,
# so that `vntrade --help` never pays for spaCy or pandas.
COMMANDS: dict[str, str] = {
    "articles": "vntrade.cli.articles:articles",
    "extract": "vntrade.cli.extract:extract",
    "schema": "vntrade.cli.extract:schema",
    "eval": "vntrade.cli.evaluate:evaluate",
    "timeline": "vntrade.cli.views:timeline",
    "compare": "vntrade.cli.views:compare",
    "actors": "vntrade.cli.views:actors",
    "commodities": "vntrade.cli.views:commodities",
    "directives": "vntrade.cli.views:directives",
    "report": "vntrade.cli.report:report",
    "ingest": "vntrade.cli.store:ingest",
    "db": "vntrade.cli.store:db",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vntrade")
def main() -> None:
    """Analyse news about the Vietnam-US trade negotiations.

    Load article dumps, extract actors, dates, commodities and directives, and show
    timelines and cross-article comparisons. Data goes to stdout (a table on a terminal,
    JSONL when piped; see --format); messages go to stderr. Exit code 0 means every input
    was processed, 1 that some input failed, 2 a usage error.
    """
