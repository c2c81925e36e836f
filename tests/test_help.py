"""Every command, `db` subcommand and option explains itself, and `--help` works for each."""

from __future__ import annotations

import click
import pytest

from vntrade.cli import main


def walk(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from walk(command, ctx, (*path, name))


COMMANDS = list(walk(main, click.Context(main)))


def test_every_command_is_walked():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"articles", "extract", "timeline", "compare", "ingest", "db", "db stats"} <= names
    assert {"db check", "db export", "db import", "eval", "schema"} <= names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_of_every_command_and_option(cli, path, command):
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help"
            assert param.opts[0] in result.stdout
    # Help names no file a user of the installed tool does not have.
    assert "shared/" not in result.stdout


def test_main_help_lists_the_exit_codes(cli):
    result = cli("--help")
    for code in ("0 ", "1 ", "2 ", "3 ", "130", "141"):
        assert f"\n    {code}" in result.stdout, code
