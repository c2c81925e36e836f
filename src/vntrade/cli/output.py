"""The one place that writes rows: rich table, JSON, JSONL or CSV on stdout; messages on stderr."""

from __future__ import annotations

import contextlib
import csv
import functools
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

import click

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])
# Lone surrogates (from a file name that is not UTF-8, say) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# The format a file's name asks for (`-o rows.csv`); any other name gets JSONL.
EXTENSIONS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
              ".txt": "table"}  # fmt: skip
OUTPUT_HELP = (
    "Write the output to FILE instead of standard output (- for standard output); written "
    "whole or not at all. Its format: --format, else the name's extension (.json, .jsonl, "
    ".csv, .txt for a table), else JSONL."
)


def output_options(func: F) -> F:
    """Add the shared `--format` and `-o/--output FILE` options to a command: with -o, what
    the command prints goes to FILE instead of stdout (see `written_to`)."""

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        output = kwargs.pop("output", None)
        if output is None or output == "-":
            return func(*args, **kwargs)
        if kwargs.get("fmt") is None:
            kwargs["fmt"] = format_of(output)
        with written_to(output):
            return func(*args, **kwargs)

    command = click.option(
        "-o", "--output", metavar="FILE", type=click.Path(dir_okay=False), help=OUTPUT_HELP
    )(command)
    return click.option(  # type: ignore[return-value]
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default=None,
        help="Output format. Default: a table on a terminal, JSONL when piped or written to "
        "a file (-o).",
    )(command)


def format_of(path: str) -> str:
    """The output format a file name asks for by its extension; JSONL for any other."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "jsonl")


@contextlib.contextmanager
def written_to(path: str) -> Iterator[None]:
    """Standard output goes to `path` for the time of the block: into a temporary file beside
    it, renamed over it when the block ends, also with exit code 1 (some inputs failed) or 3
    (a score under --min-f1), whose output is whole; removed if the block fails, so that an
    older file stays as it was. A device is written to directly."""
    target = os.path.realpath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "w", encoding="utf-8") as handle, contextlib.redirect_stdout(handle):
            yield
        return
    directory, name = os.path.split(target)
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{name}.", suffix=".part")
    except OSError as error:
        reason = error.strerror or str(error)
        raise click.ClickException(f"cannot write {path}: {reason}.") from None
    keep, stopped = False, None
    try:
        with (
            open(fd, "w", encoding="utf-8", newline="") as handle,
            contextlib.redirect_stdout(handle),
        ):
            try:
                yield
            except click.exceptions.Exit as done:  # ctx.exit(code): kept for 0, 1 and 3
                stopped = done
        keep = stopped is None or stopped.exit_code in (0, 1, 3)
        if keep:
            os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, target)
    finally:
        if not keep:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    if stopped is not None:
        raise stopped


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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


def is_quiet() -> bool:
    """Whether -q asked for errors only: no progress bar, no summary line either."""
    _ensure_handler()
    return LOGGER.level >= logging.ERROR


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
    """A value as one cell of text: null is empty, a string is itself, anything else (a
    number, a boolean, a list, an object) is written as in JSON (`false`, `["a", "b"]`)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return printable(value)
    return _dumps(value)


def csv_cell(value: Any) -> str:
    """A CSV cell (see `_cell`) that a spreadsheet shows as text: one starting with = + - @
    (or a tab or CR) gets a leading apostrophe, as OWASP advises against formula injection;
    numbers stay."""
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


# Table headers for the data keys that are not words.
HEADERS = {"n_articles": "articles", "date_inferred": "year inferred", "tp": "tp", "fp": "fp",
           "fn": "fn", "f1": "F1"}  # fmt: skip
TABLE_CELL = 120  # characters of a nested value (a dict) a table cell shows


def table_value(value: Any) -> Any:
    """A value as a terminal table shows it: numbers with thousands separators, yes/no,
    lists of names as lists (folded to the column), anything nested as short JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [printable(item) for item in value]
    text = _cell(value)
    return text if len(text) <= TABLE_CELL else text[: TABLE_CELL - 1] + "…"


def infer_column(name: str, values: Sequence[Any], position: int) -> Any:
    """A column for a data key, from the values it holds: numbers right-aligned, lists folded,
    one-word values (dates, ids, kinds) kept whole, the rest wrapped between words; the
    first column is always shown, the others are left out from the right when too narrow."""
    from vntrade.cli.tables import Column

    present = [v for v in values if v is not None]
    header = HEADERS.get(name, name.replace("_", " "))
    priority = 0 if position == 0 else position
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return Column(name, header, "fixed", priority, justify="right")
    if any(isinstance(v, list) and all(isinstance(i, str) for i in v) for v in present):
        return Column(name, header, "list", priority)
    texts = [_cell(v) for v in present]
    if name in ("id", "article"):
        return Column(name, header, "id", priority)
    if all(" " not in text and len(text) <= 40 for text in texts):
        return Column(name, header, "fixed", priority)
    return Column(name, header, "text", priority)


def _write_table(
    rows: list[dict[str, Any]], columns: Sequence[Any] | None, title: str | None
) -> int:
    from vntrade.cli.tables import Column, plan

    names = list(columns or (rows[0].keys() if rows else []))
    specs = [
        name if isinstance(name, Column) else infer_column(name, [r.get(name) for r in rows], n)
        for n, name in enumerate(names)
    ]
    cells = [[table_value(row.get(spec.key)) for spec in specs] for row in rows]
    console = stdout_console()
    layout = plan(specs, cells, console.width)
    table = layout.table(title=title, show_lines=False, header_style="bold cyan")
    for row in cells:
        table.add_row(*layout.cells(row))
    console.print(table)
    narrowed = layout.note()
    if narrowed:
        note(narrowed)
    return len(rows)


def stdout_console():  # -> rich.console.Console, imported lazily to keep start-up fast
    """The rich console for data on stdout; a table written to a file or pipe gets 160 columns
    (or $COLUMNS) instead of rich's 80, so that ids and dates are not folded."""
    import os

    from rich.console import Console

    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 160
    return Console(soft_wrap=False, width=width)
