"""`python -m vntrade` runs the command-line interface."""

from vntrade.cli import main

main()
