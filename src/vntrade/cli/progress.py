"""The ingest progress bar: articles and words per second and an ETA, on stderr only."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from vntrade.cli.output import error
from vntrade.records import Article

INPUT_SUFFIXES = (".txt", ".jsonl", ".json", ".csv")


def input_size(paths: Sequence[str]) -> int | None:
    """Bytes of input files under `paths` (for the ETA); None when reading stdin."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if path.is_file():
            total += path.stat().st_size
            continue
        for folder, _dirs, files in os.walk(path):
            for name in files:
                if name.endswith(INPUT_SUFFIXES):
                    with contextlib.suppress(OSError):
                        total += os.stat(os.path.join(folder, name)).st_size
    return total or None


class IngestProgress:
    """A rich progress bar when stderr is a terminal (and not --quiet); otherwise nothing.

    The bar advances by characters of article text against the input's size in bytes, which
    gives an ETA without reading the inputs twice; articles and words are counted as they go.
    """

    def __init__(
        self,
        paths: Sequence[str],
        quiet: bool,
        description: str = "ingesting",
        *,
        data_on_stdout: bool = False,
    ) -> None:
        # When data goes to the terminal too, a bar would tear it: then only beside a pipe.
        terminal_data = data_on_stdout and sys.stdout.isatty()
        self.enabled = not quiet and sys.stderr.isatty() and not terminal_data
        self.paths = paths
        self.description = description
        self.progress: Any = None

    def __enter__(self) -> IngestProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeRemainingColumn

        self.progress = Progress(
            "{task.description}",
            BarColumn(),
            TaskProgressColumn(),
            _RatesColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            # stdout carries data: rich must never route it through its (stderr) console.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.progress.start()
        self.task = self.progress.add_task(
            self.description, total=input_size(self.paths), articles=0, words=0
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            task = self.progress.tasks[0]
            if exc[0] is None and task.total:
                self.progress.update(self.task, completed=task.total)
            self.progress.stop()

    def advance(self, articles: int, words: int, chars: int) -> None:
        if self.progress is None:
            return
        fields = self.progress.tasks[0].fields
        self.progress.update(
            self.task,
            advance=chars,
            articles=fields["articles"] + articles,
            words=fields["words"] + words,
        )

    def track(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Pass `articles` through, advancing the bar by each one as it is read."""
        for article in articles:
            self.advance(1, article.words, len(article.text))
            yield article

    def report(self, message: str) -> None:
        """A message on stderr that does not tear the bar."""
        if self.progress is None:
            error(message)
        else:
            self.progress.console.print(f"vntrade: {message}", markup=False, highlight=False)


def _RatesColumn() -> Any:  # a factory: rich is imported only with a bar
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RatesColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            elapsed = task.elapsed or 0.0
            articles, words = task.fields["articles"], task.fields["words"]
            if elapsed <= 0:
                return Text(f"{articles:,} articles")
            return Text(
                f"{articles:,} articles  {articles / elapsed:,.1f}/s  "
                f"{words / elapsed:,.0f} words/s",
                style="progress.data.speed",
            )

    return RatesColumn()


@contextlib.contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner saying `message` on stderr while long work runs, when stderr is a terminal
    and -q was not given; it is gone before the data is printed."""
    from vntrade.cli.output import LOGGER

    if not sys.stderr.isatty() or not LOGGER.isEnabledFor(logging.INFO):
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


@contextlib.contextmanager
def counting(total: int, description: str, quiet: bool = False) -> Iterator[Any]:
    """A progress bar over `total` items on stderr (a terminal, without -q); yields the
    function that advances it by a count."""
    if quiet or not sys.stderr.isatty():
        yield lambda done: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), redirect_stdout=False) as progress:
        task = progress.add_task(description, total=total)
        yield lambda done: progress.update(task, advance=done)
