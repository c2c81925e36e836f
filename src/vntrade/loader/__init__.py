"""Turning input paths into clean article records, one format module per kind of input.

`iter_inputs` is the entry point: it streams `Article`s and `LoadProblem`s (failures and
warnings, each naming the path and, in dumps, the line) in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from vntrade.loader.csv_ import load_csv
from vntrade.loader.json_ import load_json
from vntrade.loader.jsonl import load_jsonl
from vntrade.loader.paths import (
    NO_SUCH_PATH,
    FileKey,
    Input,
    expand_paths,
    files_written,
    open_input,
)
from vntrade.loader.text import load_text
from vntrade.records import Article, LoadFailure, LoadProblem

DEFAULT_MAX_BYTES = 5_000_000

UNEXPECTED = "cannot read: {error}; the rest of this input is not read"

__all__ = ["DEFAULT_MAX_BYTES", "files_written", "iter_inputs"]


LOADERS: dict[str, Callable[[Input], Iterator[Article | LoadProblem]]] = {
    "text": load_text,
    "jsonl": load_jsonl,
    "json": load_json,
    "csv": load_csv,
}


def iter_inputs(
    paths: Sequence[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    stdin: BinaryIO | None = None,
    written: set[FileKey] | None = None,
) -> Iterator[Article | LoadProblem]:
    """Yield an article for every article found in `paths`, and a problem for every bad input.

    `-` reads stdin (`stdin` if given, else the process's binary stdin); directories are searched
    recursively for .txt, .jsonl, .json and .csv files. `max_bytes` limits one article; the
    files in `written` (by default: stdout when it is a file) are never read.
    """
    for item in expand_paths(paths, files_written() if written is None else written):
        if isinstance(item, LoadProblem):
            yield item
        else:
            yield from load_input(item, max_bytes, stdin)


def load_input(
    name: str, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[Article | LoadProblem]:
    """Everything one input holds; any error reading it becomes a failure naming it."""
    try:
        opened = open_input(name, max_bytes, stdin)
        if isinstance(opened, LoadFailure):
            yield opened
            return
        with opened.stream:
            yield from LOADERS[opened.kind](opened)
    except FileNotFoundError:
        yield LoadFailure(name, NO_SUCH_PATH)
    except OSError as error:
        yield LoadFailure(name, f"cannot read: {(error.strerror or str(error)).lower()}")
    except (ValueError, LookupError, TypeError, RecursionError, MemoryError) as error:
        # A case no format module foresaw: what was read is kept, the input is reported.
        yield LoadFailure(name, UNEXPECTED.format(error=f"{type(error).__name__}: {error}"[:200]))
