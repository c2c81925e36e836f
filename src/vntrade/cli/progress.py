"""The ingest progress: a bar on a terminal (articles and words per second and an ETA), a
line every half minute otherwise; on stderr only."""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from vntrade.cli.output import LOGGER, error, note
from vntrade.records import Article

INPUT_SUFFIXES = (".txt", ".jsonl", ".json", ".csv")
LINE_SECONDS = 30.0  # without a terminal, a progress line this often ($VNTRADE_PROGRESS_SECONDS)
# An ETA is shown once this many articles and seconds of work (after the model has loaded)
# give a rate worth trusting: the first batches run faster or slower than the rest.
STABLE_ARTICLES = 100
STABLE_SECONDS = 10.0


def _input_files(paths: Sequence[str]) -> Iterator[Path] | None:
    """The input files under `paths`; None when reading stdin."""
    if "-" in paths:
        return None

    def walk() -> Iterator[Path]:
        for raw in paths:
            path = Path(raw)
            if path.is_file():
                yield path
                continue
            for folder, _dirs, files in os.walk(path):
                for name in files:
                    if name.endswith(INPUT_SUFFIXES):
                        yield Path(folder, name)

    return walk()


def input_size(paths: Sequence[str]) -> int | None:
    """Bytes of input files under `paths` (for the ETA); None when reading stdin."""
    files = _input_files(paths)
    if files is None:
        return None
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total or None


def input_articles(paths: Sequence[str]) -> int | None:
    """How many articles `paths` hold, counted without parsing: a text file is one, a JSONL
    dump one a line; None when that cannot be told (stdin, JSON or CSV, whose records may
    span lines)."""
    files = _input_files(paths)
    if files is None:
        return None
    total = 0
    for path in files:
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            with contextlib.suppress(OSError):
                total += _lines(path)
        elif suffix in (".json", ".csv"):
            return None
        else:
            total += 1
    return total


def _lines(path: Path) -> int:
    """Lines of a file, read in blocks (a 200 MB dump in a fraction of a second)."""
    count, last = 0, b"\n"
    with path.open("rb") as data:
        while block := data.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


class IngestProgress:
    """A rich progress bar when stderr is a terminal (and not --quiet); otherwise, with
    `lines`, a line every `LINE_SECONDS` (`ingested 12,000/100,000 articles, 31/s, ETA
    0:41:00`), else nothing.

    The bar counts articles against the articles of the input when they can be counted
    without parsing (text files, JSONL dumps); otherwise it advances by characters of article
    text against the input's size in bytes, which gives an ETA without reading the inputs
    twice.
    """

    def __init__(
        self,
        paths: Sequence[str],
        quiet: bool,
        description: str = "ingesting",
        *,
        data_on_stdout: bool = False,
        lines: bool = False,
    ) -> None:
        # When data goes to the terminal too, a bar would tear it: then only beside a pipe.
        terminal_data = data_on_stdout and sys.stdout.isatty()
        self.enabled = not quiet and sys.stderr.isatty() and not terminal_data
        self.lines = lines and not quiet and not self.enabled
        self.paths = paths
        self.description = description
        self.progress: Any = None
        self.total: int | None = None  # articles, when they could be counted
        self.articles = 0
        self.started = self.last_line = 0.0
        self.first = 0.0  # when the first article was done
        self.every = float(os.environ.get("VNTRADE_PROGRESS_SECONDS") or LINE_SECONDS)

    def __enter__(self) -> IngestProgress:
        self.started = self.last_line = time.monotonic()
        if self.lines:
            self.total = input_articles(self.paths)
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TaskProgressColumn

        self.total = input_articles(self.paths)
        self.progress = Progress(
            "{task.description}",
            BarColumn(bar_width=24),  # the rates and the ETA fit 80 columns
            TaskProgressColumn(),
            _RatesColumn(),
            _EtaColumn(),
            console=Console(stderr=True),
            # stdout carries data: rich must never route it through its (stderr) console.
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self.progress.start()
        total = self.total if self.total is not None else input_size(self.paths)
        self.task = self.progress.add_task(
            self.description,
            total=total,
            articles=0,
            words=0,
            counted=self.total,
            first=None,  # when the first article was done: rates leave the model's loading out
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            task = self.progress.tasks[0]
            if exc[0] is None and task.total:
                self.progress.update(self.task, completed=task.total)
            self.progress.stop()

    def loading(self) -> None:
        """Say that the model is loading (before the first article is processed): in the
        bar, else among the debugging messages (-v), so that logs keep their summary line."""
        if self.progress is not None:
            self.progress.update(self.task, description="loading the model…")
        else:
            LOGGER.debug("loading the model…")

    def advance(self, articles: int, words: int, chars: int) -> None:
        self.articles += articles
        now = time.monotonic()
        if articles and not self.first:
            self.first = now
        if self.lines and now - self.last_line >= self.every:
            self.last_line = now
            since = now - (self.first or now)
            note(progress_line(self.articles, self.total, now - self.started, since))
        if self.progress is None:
            return
        fields = self.progress.tasks[0].fields
        self.progress.update(
            self.task,
            description=self.description,
            advance=articles if self.total is not None else chars,
            articles=fields["articles"] + articles,
            words=fields["words"] + words,
            first=fields["first"] or (now if articles else None),
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


def progress_line(
    done: int, total: int | None, elapsed: float, working: float | None = None
) -> str:
    """`ingested 12,000/100,000 articles, 31/s, ETA 0:41:00`: the rate over the `working`
    seconds since the first article was done (the model's loading left out); an ETA only for
    a known total and once it is stable (`eta`)."""
    seconds = elapsed if working is None else working
    rate = done / seconds if seconds > 0 else 0.0
    line = f"ingested {done:,}" + (f"/{total:,}" if total is not None else "") + " articles"
    line += f", {rate:,.0f}/s"
    left = eta(done, total, seconds)
    return line + (f", ETA {left}" if left else "")


def eta(done: int, total: int | None, working: float) -> str | None:
    """The time left as `0:41:00`, once the rate is worth trusting: at least
    `STABLE_ARTICLES` articles and `STABLE_SECONDS` seconds of work since the first one."""
    if total is None or total < done or working < STABLE_SECONDS or done < STABLE_ARTICLES:
        return None
    return str(datetime.timedelta(seconds=round((total - done) * working / done)))


def _RatesColumn() -> Any:  # a factory: rich is imported only with a bar
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RatesColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            articles, words = task.fields["articles"], task.fields["words"]
            counted = task.fields.get("counted")
            done = f"{articles:,}" + (f"/{counted:,}" if counted is not None else "")
            working = _working(task)
            if working <= 0:
                return Text(f"{done} articles")
            return Text(
                f"{done} articles  {articles / working:,.1f}/s  {words / working:,.0f} words/s",
                style="progress.data.speed",
            )

    return RatesColumn()


def _working(task: Any) -> float:
    """Seconds since the task's first article was done (0 before it)."""
    first = task.fields.get("first")
    return time.monotonic() - first if first else 0.0


def _EtaColumn() -> Any:  # a factory: rich is imported only with a bar
    from rich.progress import ProgressColumn
    from rich.text import Text

    class EtaColumn(ProgressColumn):
        """`ETA 0:41:00` once the rate is stable, `ETA …` before."""

        def render(self, task: Any) -> Text:
            left = eta(task.fields["articles"], task.fields.get("counted"), _working(task))
            return Text(f"ETA {left or '…'}", style="progress.remaining")

    return EtaColumn()


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
