"""Turning input paths into clean article records, one format module per kind of input.

`iter_inputs` is the entry point: it streams `Article`s and `LoadProblem`s (failures and
warnings, each naming the path and, in dumps, the line) in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import BinaryIO

from vntrade.loader.csv_ import load_csv
from vntrade.loader.jsonl import load_json, load_jsonl
from vntrade.loader.paths import NO_SUCH_PATH, Input, InputTooLarge, expand_paths, open_input
from vntrade.loader.text import load_text
from vntrade.records import Article, LoadFailure, LoadProblem

DEFAULT_MAX_BYTES = 5_000_000

__all__ = ["DEFAULT_MAX_BYTES", "iter_inputs"]


LOADERS: dict[str, Callable[[Input], Iterator[Article | LoadProblem]]] = {
    "text": load_text,
    "jsonl": load_jsonl,
    "json": load_json,
    "csv": load_csv,
}


def iter_inputs(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES, *, stdin: BinaryIO | None = None
) -> Iterator[Article | LoadProblem]:
    """Yield an article for every article found in `paths`, and a problem for every bad input.

    `-` reads stdin (`stdin` if given, else the process's binary stdin); directories are searched
    recursively for .txt, .jsonl, .json and .csv files.
    """
    for item in expand_paths(paths):
        if isinstance(item, LoadFailure):
            yield item
        else:
            yield from _load(item, max_bytes, stdin)


def _load(name: str, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Article | LoadProblem]:
    """Everything one input holds; any error reading it becomes a failure naming it."""
    try:
        opened = open_input(name, max_bytes, stdin)
        if isinstance(opened, LoadFailure):
            yield opened
            return
        with opened.stream:
            yield from LOADERS[opened.kind](opened)
    except InputTooLarge as error:
        yield LoadFailure(name, str(error))
    except FileNotFoundError:
        yield LoadFailure(name, NO_SUCH_PATH)
    except OSError as error:
        yield LoadFailure(name, f"cannot read: {(error.strerror or str(error)).lower()}")
