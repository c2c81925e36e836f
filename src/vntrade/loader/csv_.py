"""CSV dumps: a header row naming the fields, then one article per row, streamed.

A bad row costs only itself. A quoted field may run over line breaks (an article's
paragraphs), but only if it is then closed as CSV says: by a quote followed by the
delimiter, the line's end or the file's end. A quote that is never closed so (a stray `"`)
would swallow the rows after it: its row is reported, cut back to its first line, and the
lines after that are read again as rows. Within one line, CSV is read leniently, as Python
and spreadsheets do (`"a"b` is `ab`).
"""

from __future__ import annotations

import csv
import sys
from collections import deque
from collections.abc import Iterator

from vntrade.loader.fields import TEXT_FIELDS, record_to_article
from vntrade.loader.paths import BOM, NUL_BYTE, RECORD_TOO_LARGE, DecodedLines, Input
from vntrade.records import Article, LoadFailure, LoadProblem

NO_TEXT_COLUMN = "no text column in the CSV header (expected text, body or content)"
MALFORMED_CSV = "malformed CSV: {error}"
UNCLOSED_QUOTE = "a quote opened on this line is not closed"
NO_ROWS = "no records"
REST_NOT_READ = "; the rest of the file is not read"
# csv's messages that would puzzle a user, as they should read.
_ERRORS = {"new-line character seen in unquoted field": "a line break inside an unquoted field"}

Line = tuple[int, str]  # a physical line and its number


class _LineTooLong(Exception):
    """A physical line over the limit for one article: it is never held in memory."""


class _RestNotRead(Exception):
    """A problem past which the rows cannot be told apart, at a row's first line."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(reason)
        self.reason = reason + REST_NOT_READ
        self.line = line


def load_csv(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a CSV input whose header has a text, body or content column."""
    # A field holds at most one article.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1, source.max_bytes or 2**31 - 1))
    lines = DecodedLines(source.stream, source.max_bytes)
    rows = _Rows(lines, _delimiter(source), source.max_bytes or 0)
    try:
        header = next(rows, None)
        if header and isinstance(header[1], str):
            raise _RestNotRead(header[1], header[0])  # a header row that cannot be read
        names = [name.strip().lower() for name in header[1]] if header else []
        if not any(name in TEXT_FIELDS for name in names):
            yield LoadFailure(source.name, NO_TEXT_COLUMN, 1)
            return
        count = 0
        for start, row in rows:
            if warning := lines.warning(source.name):
                yield warning
            if isinstance(row, str):
                count += 1
                yield LoadFailure(source.name, row, start)
            elif any(cell.strip() for cell in row):
                count += 1
                record = dict(zip(names, row, strict=False))
                yield from record_to_article(record, source.name, start)
        if not count:
            yield LoadFailure(source.name, NO_ROWS)
    except _RestNotRead as error:
        yield LoadFailure(source.name, error.reason, error.line)


class _Rows:
    """The rows of a CSV input, each with the number of its first line; a row that cannot be
    read is its reason instead (a string)."""

    def __init__(self, lines: DecodedLines, delimiter: str, max_bytes: int) -> None:
        self._lines = lines
        self._source = iter(lines)
        self._delimiter = delimiter
        self._max_bytes = max_bytes
        self._back: deque[Line] = deque()  # lines given back, to be read again
        self._row: list[Line] = []  # the lines of the row being read (one article at most)
        self._ended = False
        self._reader: Iterator[list[str]] | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str] | str]]:
        return self

    def __next__(self) -> tuple[int, list[str] | str]:
        self._row, self._ended = [], False
        if self._reader is None:
            self._reader = csv.reader(self._feed(), dialect=_Strict, delimiter=self._delimiter)
        try:
            row = next(self._reader)
        except _LineTooLong:
            self._reader = None  # its lines stopped with the exception
            too_large = RECORD_TOO_LARGE.format(limit=self._max_bytes)
            if self._row:  # inside a quoted field: where it ends cannot be known
                raise _RestNotRead(too_large, self._row[0][0]) from None
            return self._lines.number, too_large
        except csv.Error as error:
            self._reader = None  # lines given back after the end need a new one
            return self._row[0][0], self._after_error(str(error))
        return self._row[0][0], NUL_BYTE if any("\x00" in t for _, t in self._row) else row

    def _feed(self) -> Iterator[str]:
        """Lines for `csv.reader`: those given back first, each kept in `_row` as it goes."""
        while True:
            if self._back:
                line = self._back.popleft()
            else:
                text = next(self._source, None)
                if text is None:
                    self._ended = True
                    return
                if self._lines.too_long:
                    raise _LineTooLong
                line = (self._lines.number, text)
            self._row.append(line)
            yield line[1]

    def _after_error(self, error: str) -> list[str] | str:
        """A row strict CSV refused: read leniently if the slip is within its first line, else
        the reason it is not read (its other lines are given back, to be read again)."""
        first, *rest = self._row
        if error.startswith("field larger than field limit"):
            raise _RestNotRead(RECORD_TOO_LARGE.format(limit=self._max_bytes), first[0])
        if rest or self._ended:
            # A quoted field ran over a line break and was never closed as it should be.
            self._back.extendleft(reversed(rest))
            return MALFORMED_CSV.format(error=UNCLOSED_QUOTE)
        if "\x00" in first[1]:
            return NUL_BYTE
        try:  # a slip within one line: read it leniently
            return next(csv.reader([first[1]], dialect=_Dialect, delimiter=self._delimiter))
        except csv.Error as lenient:
            message = str(lenient)
            reason = next((v for k, v in _ERRORS.items() if message.startswith(k)), message)
            return MALFORMED_CSV.format(error=reason)


def _delimiter(source: Input) -> str:
    """The delimiter the header line uses most: comma, semicolon or tab."""
    head = source.stream.peek(8192).removeprefix(BOM).split(b"\n", 1)[0]
    return max(",;\t", key=lambda delimiter: head.count(delimiter.encode()))


class _Dialect(csv.excel):
    """Excel's CSV, tolerant of spaces after the delimiter."""

    skipinitialspace = True


class _Strict(_Dialect):
    """The same, refusing a quoted field not closed by a quote before a delimiter or line end."""

    strict = True
