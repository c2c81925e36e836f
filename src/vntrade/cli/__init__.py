"""The `vntrade` command group. Each command lives in a module of this package, imported lazily."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

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
    "actors": "vntrade.cli.lists:actors",
    "commodities": "vntrade.cli.lists:commodities",
    "directives": "vntrade.cli.lists:directives",
    "statements": "vntrade.cli.statements:statements",
    "report": "vntrade.cli.report:report",
    "ingest": "vntrade.cli.store:ingest",
    "db": "vntrade.cli.db:db",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use, and whose errors are
    reported as `vntrade: error: ...` lines on stderr."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.ClickException as error:
            _show(error)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("vntrade: aborted", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("vntrade: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; the library's errors become one line on stderr, never a traceback.

        Set VNTRADE_DEBUG=1 to let unexpected exceptions through with their traceback.
        """
        from vntrade.errors import VntradeError
        from vntrade.store.sqlite import DatabaseError

        try:
            return super().invoke(ctx)
        except VntradeError as error:
            raise _user_error(str(error), error.exit_code) from None
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`vntrade articles dump.jsonl | head`): stop quietly, as
            # Unix tools do, with the exit code of a process killed by SIGPIPE.
            _silence_stdout()
            raise click.exceptions.Exit(141) from None
        except DatabaseError as error:
            if os.environ.get("VNTRADE_DEBUG"):
                raise
            raise _user_error(f"the store could not be read or written ({error}).", 1) from None
        except Exception as error:
            if os.environ.get("VNTRADE_DEBUG"):
                raise
            raise _user_error(
                f"internal error ({error.__class__.__name__}: {str(error)[:200]}). This is a "
                "bug in vntrade: run the command again with VNTRADE_DEBUG=1 to see where, and "
                "report it.",
                1,
            ) from None


def _show(error: click.ClickException) -> None:
    """Every error, a usage error (exit code 2) included, as one `vntrade: error:` line: the
    same shape whether click or vntrade found it (`--kind meetin`, `--since 2025-13`)."""
    click.echo(f"vntrade: error: {error.format_message()}", err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second error."""
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _user_error(message: str, exit_code: int) -> click.ClickException:
    from vntrade.cli.output import printable

    error = click.ClickException(printable(message))
    error.exit_code = exit_code
    return error


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="vntrade")
@click.option("-v", "--verbose", is_flag=True, help="Also print debugging messages on stderr.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print only errors on stderr: no warnings, notes, progress bars or summary lines.",
)
def main(verbose: bool, quiet: bool) -> None:
    """Analyse news about the Vietnam-US trade negotiations.

    Load article dumps, extract actors, dates, commodities and directives, and show
    timelines and cross-article comparisons. Data goes to stdout (a table on a terminal,
    JSONL when piped; see --format); messages go to stderr, each line starting `vntrade:`.

    \b
    Exit codes:
      0    every input was processed
      1    some input failed (each is reported), or an error such as a missing model
      2    usage error (unknown option, missing argument, bad value)
      3    vntrade eval --min-f1: a score is below the minimum
      130  interrupted (Ctrl-C or SIGTERM); every committed batch is kept
      141  the reader of stdout went away (`vntrade ... | head`)
    """
    from vntrade.cli.output import set_verbosity

    set_verbosity(-1 if quiet else 1 if verbose else 0)
