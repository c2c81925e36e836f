"""The inputs of an ingest run: files the store read whole and unchanged are skipped
unopened; the rest go through the loader, each preceded by its state."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from vntrade.errors import as_text
from vntrade.records import Article, LoadProblem
from vntrade.store import SourceState, Store


@dataclass(slots=True)
class SkippedSource:
    """An input file the store already holds whole, as it is now: not even read."""

    path: str
    articles: int


Item = Article | LoadProblem | SourceState | SkippedSource


def read_inputs(
    store: Store, paths: Iterable[str], max_bytes: int, fingerprint: str
) -> Iterable[Item]:
    """The loader's items, each file's preceded by its `SourceState`; a file that is as it was
    when the store read it whole with this pipeline becomes one `SkippedSource` instead.

    Size and modification time decide, as for make or rsync: re-reading and cleaning a large
    corpus only to find every article unchanged would cost more than the rest of the run.
    The store's own files and stdout (when it is a file) are never read.
    """
    from vntrade.loader import files_written, load_input
    from vntrade.loader.paths import STDIN, expand_paths

    for path in expand_paths(list(paths), files_written([store.path])):
        if isinstance(path, LoadProblem):  # missing path, directory without inputs, own output
            yield path
            continue
        if path == STDIN:
            yield from load_input(path, max_bytes)
            continue
        try:
            stat = os.stat(path)
        except OSError:
            yield from load_input(path, max_bytes)  # the loader says what is wrong
            continue
        state = SourceState(as_text(path), stat.st_size, stat.st_mtime_ns, fingerprint)
        articles = store.unchanged_source(state)
        if articles is not None:
            yield SkippedSource(state.path, articles)
        else:
            yield state
            yield from load_input(path, max_bytes)


def stored_names(item: Item) -> Item:
    """The item with the names it takes from the file system (its source, and an id made
    from a file name) as the store keeps them: bytes that are not UTF-8 as `\\xNN`."""
    if isinstance(item, Article):
        item.id, item.source = as_text(item.id), as_text(item.source)
    elif isinstance(item, LoadProblem):
        item.source, item.reason = as_text(item.source), as_text(item.reason)
        item.article = None if item.article is None else as_text(item.article)
    return item


class SourceTracker:
    """Follows input files through the item stream, to record those read whole."""

    def __init__(self) -> None:
        self.current: SourceState | None = None
        self.failed = False
        self.done: list[SourceState] = []
        self.skipped: list[SkippedSource] = []

    @property
    def pending(self) -> int:
        """Bookkeeping waiting for a batch (skipped files count: each is a row update)."""
        return len(self.skipped)

    def start(self, state: SourceState) -> None:
        self.finish()
        self.current, self.failed = state, False

    def skip(self, source: SkippedSource) -> None:
        self.finish()
        self.skipped.append(source)

    def count(self, path: str) -> None:
        if self.current is not None and path == self.current.path:
            self.current.articles += 1

    def fail(self, path: str) -> None:
        if self.current is not None and path == self.current.path:
            self.failed = True

    def finish(self) -> None:
        """The current file has no more items: remember it if it was read without failure."""
        if self.current is not None and not self.failed and self.current.articles:
            self.done.append(self.current)
        self.current = None

    def take(self) -> tuple[list[SourceState], list[SkippedSource]]:
        taken = (self.done, self.skipped)
        self.done, self.skipped = [], []
        return taken
