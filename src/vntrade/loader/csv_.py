"""CSV dumps: a header row naming the fields, then one article per row, streamed."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator

from vntrade.loader.fields import TEXT_FIELDS, record_to_article
from vntrade.loader.paths import BOM, RECORD_TOO_LARGE, DecodedLines, Input
from vntrade.records import Article, LoadFailure, LoadProblem

NO_TEXT_COLUMN = "no text column in the CSV header (expected text, body or content)"
MALFORMED_CSV = "malformed CSV: {error}"
NO_ROWS = "no records"
REST_NOT_READ = "; the rest of the file is not read"


class _LineTooLong(Exception):
    """A physical line over the limit for one article: the CSV cannot be followed past it."""


def load_csv(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a CSV input whose header has a text, body or content column."""
    # A field holds at most one article.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1, source.max_bytes or 2**31 - 1))
    lines = DecodedLines(source.stream, source.max_bytes)
    reader = csv.reader(_checked(lines), dialect=_Dialect, delimiter=_delimiter(source))
    try:
        header = next(reader, None)
        names = [name.strip().lower() for name in header or []]
        if not any(name in TEXT_FIELDS for name in names):
            yield LoadFailure(source.name, NO_TEXT_COLUMN, 1)
            return
        rows = 0
        start = reader.line_num + 1
        for row in reader:
            if warning := lines.warning(source.name):
                yield warning
            if any(cell.strip() for cell in row):
                rows += 1
                record = dict(zip(names, row, strict=False))
                yield from record_to_article(record, source.name, start)
            start = reader.line_num + 1
        if not rows:
            yield LoadFailure(source.name, NO_ROWS)
    except csv.Error as error:
        reason = MALFORMED_CSV.format(error=error) + REST_NOT_READ
        yield LoadFailure(source.name, reason, reader.line_num)
    except _LineTooLong:
        reason = RECORD_TOO_LARGE.format(limit=source.max_bytes or 0) + REST_NOT_READ
        yield LoadFailure(source.name, reason, lines.number)


def _checked(lines: DecodedLines) -> Iterator[str]:
    for line in lines:
        if lines.too_long:
            raise _LineTooLong
        yield line


def _delimiter(source: Input) -> str:
    """The delimiter the header line uses most: comma, semicolon or tab."""
    head = source.stream.peek(8192).removeprefix(BOM).split(b"\n", 1)[0]
    return max(",;\t", key=lambda delimiter: head.count(delimiter.encode()))


class _Dialect(csv.excel):
    """Excel's CSV, tolerant of spaces after the delimiter."""

    skipinitialspace = True
