"""The command group itself: help for every command, version, `python -m`, lazy imports."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vntrade import __version__
from vntrade.cli import COMMANDS


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.stdout
    # The first docstring line is the summary shown by `vntrade --help`; it must say something.
    assert len(result.stdout.split("\n\n")[1].strip()) > 20


def test_group_help_lists_every_command(cli):
    result = cli("--help")
    assert result.exit_code == 0
    listed = {line.split()[0] for line in result.stdout.split("Commands:")[1].splitlines() if line}
    assert listed == set(COMMANDS)


def test_version(cli):
    result = cli("--version")
    assert result.stdout.strip() == f"vntrade, version {__version__}"


def test_unknown_command_is_a_usage_error(cli):
    result = cli("frobnicate")
    assert result.exit_code == 2
    assert "No such command 'frobnicate'" in result.stderr


def test_python_dash_m_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "vntrade", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "Usage: python -m vntrade" in done.stdout


def test_help_does_not_import_spacy_or_pandas():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from vntrade.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "print(sorted(m for m in ('spacy', 'pandas', 'thinc') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
