"""The one place that writes rows: rich table, JSON, JSONL or CSV on stdout; messages on stderr."""

from __future__ import annotations

import csv
import json
import logging
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import click

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])
# Lone surrogates (from a file name that is not UTF-8, say) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def output_options(func: F) -> F:
    """Add the shared `--format` option to a command."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format. Default: a table on a terminal, JSONL when piped.",
    )(func)


def resolve_format(fmt: str | None) -> str:
    """The format to use: the one asked for, else table on a terminal and JSONL in a pipe."""
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "jsonl"


LOGGER = logging.getLogger("vntrade")


class _StderrHandler(logging.Handler):
    """Every message as one `vntrade: ...` line on stderr (click's, so tests capture it)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"vntrade: {printable(record.getMessage())}", err=True)


def set_verbosity(verbosity: int) -> None:
    """-q (verbosity -1): errors only; default: also warnings and notes; -v: debugging too."""
    if not any(isinstance(h, _StderrHandler) for h in LOGGER.handlers):
        LOGGER.addHandler(_StderrHandler())
        LOGGER.propagate = False
    LOGGER.setLevel(
        logging.ERROR if verbosity < 0 else logging.DEBUG if verbosity else logging.INFO
    )


def error(message: str) -> None:
    """A failure (an input that could not be processed) on stderr."""
    _ensure_handler()
    LOGGER.error(message)


def warn(message: str) -> None:
    """A warning on stderr (never on stdout, which carries data only); hidden by -q."""
    _ensure_handler()
    LOGGER.warning(message)


def note(message: str) -> None:
    """Information about the run (a summary line) on stderr; hidden by -q."""
    _ensure_handler()
    LOGGER.info(message)


def _ensure_handler() -> None:
    if not LOGGER.handlers:
        set_verbosity(0)


def printable(text: str) -> str:
    """`text` with any lone surrogate replaced by U+FFFD, so that it encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def write_rows(
    rows: Iterable[dict[str, Any]],
    fmt: str | None,
    columns: Sequence[str] | None = None,
    title: str | None = None,
) -> int:
    """Write `rows` in `fmt`, streaming where the format allows; return how many were written."""
    fmt = resolve_format(fmt)
    if fmt == "jsonl":
        return _write_jsonl(rows)
    if fmt == "json":
        return _write_json(rows)
    if fmt == "csv":
        return _write_csv(rows, columns)
    return _write_table(list(rows), columns, title)


def write_document(
    document: Any,
    fmt: str | None,
    render: Callable[[Any], None],
    rows: Callable[[Any], Iterable[dict[str, Any]]] | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Write one structured document: `render(document)` for a table, the document itself for
    json, and its rows (`rows(document)`, else the document flattened into key/value rows)
    one per line for jsonl and one per record for csv."""
    fmt = resolve_format(fmt)
    if fmt == "table":
        render(document)
    elif fmt == "json":
        click.echo(printable(json.dumps(document, ensure_ascii=False, indent=2)))
    else:
        write_rows((rows or flatten)(document), fmt, columns=columns)


def flatten(document: Any, prefix: str = "") -> Iterator[dict[str, Any]]:
    """A nested document as {"key": "a.b.c", "value": scalar} rows; lists of scalars stay whole."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield from flatten(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(document, list) and any(isinstance(item, (dict, list)) for item in document):
        for number, value in enumerate(document):
            yield from flatten(value, f"{prefix}.{number}" if prefix else str(number))
    else:
        yield {"key": prefix, "value": document}


def _dumps(value: Any) -> str:
    return printable(json.dumps(value, ensure_ascii=False))


def _write_jsonl(rows: Iterable[dict[str, Any]]) -> int:
    return write_json_lines(json.dumps(row, ensure_ascii=False) for row in rows)


def write_json_lines(lines: Iterable[str]) -> int:
    """Write rows that are JSON text already (as a store keeps them), one per line, as
    `write_rows` writes JSONL; return how many."""
    count = 0
    out = sys.stdout
    for line in lines:
        out.write(printable(line) + "\n")
        count += 1
    out.flush()
    return count


def _write_json(rows: Iterable[dict[str, Any]]) -> int:
    """Stream a JSON array row by row so a large output never sits in memory."""
    count = 0
    out = sys.stdout
    out.write("[")
    for row in rows:
        out.write(("\n  " if count == 0 else ",\n  ") + _dumps(row))
        count += 1
    out.write("\n]\n" if count else "]\n")
    out.flush()
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return _dumps(value)
    return printable(str(value))


def csv_cell(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text: one starting with = + - @ (or a tab or CR)
    gets a leading apostrophe, as OWASP advises against formula injection; numbers stay."""
    text = _cell(value)
    if text.startswith(_FORMULA_START) and not isinstance(value, (int, float)):
        return "'" + text
    return text


def _write_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None) -> int:
    iterator = iter(rows)
    first = next(iterator, None)
    names = list(columns or (first.keys() if first else []))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow([csv_cell(name) for name in names])
    count = 0
    if first is not None:
        writer.writerow([csv_cell(first.get(name)) for name in names])
        count = 1
    for row in iterator:
        writer.writerow([csv_cell(row.get(name)) for name in names])
        count += 1
    sys.stdout.flush()
    return count


def _table_cell(value: Any, width: int = 120) -> str:
    text = _cell(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = ", ".join(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _write_table(
    rows: list[dict[str, Any]], columns: Sequence[str] | None, title: str | None
) -> int:
    from rich.table import Table

    names = list(columns or (rows[0].keys() if rows else []))
    table = Table(title=title, show_lines=False, header_style="bold cyan")
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_table_cell(row.get(name)) for name in names))
    stdout_console().print(table)
    return len(rows)


def stdout_console():  # -> rich.console.Console, imported lazily to keep start-up fast
    """The rich console for data on stdout; a table written to a file or pipe gets 160 columns
    (or $COLUMNS) instead of rich's 80, so that ids and dates are not folded."""
    import os

    from rich.console import Console

    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    return Console(soft_wrap=False, width=width)
