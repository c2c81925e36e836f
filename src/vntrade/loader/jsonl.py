"""JSONL and JSON dumps: one article per object, streamed value by value.

JSONL is read line by line, so a malformed line costs only itself. A JSON file is an array
of objects, a single object, or objects one after another; it is parsed incrementally, so a
large array never sits in memory whole, and a syntax error ends the file with its line number.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from vntrade.loader.fields import TEXT_FIELDS, record_to_article
from vntrade.loader.paths import NOT_UTF8, RECORD_TOO_LARGE, DecodedLines, Input
from vntrade.records import Article, LoadFailure, LoadProblem, LoadWarning

CHUNK_BYTES = 1 << 16
MALFORMED = "malformed JSON: {error}"
NOT_OBJECT = "expected a JSON object with a text field, got {kind}"
UNCLOSED_ARRAY = "the JSON array is not closed with ']'"
MISSING_COMMA = "expected ',' or ']' after an array item"
EXTRA_DATA = "unexpected data after the JSON array"
TOO_DEEP = "nested too deeply"
NO_RECORDS = "no records"
# Python refuses to turn longer digit strings into ints (CVE-2020-10735); such a number is
# kept as its digits, which is all an id needs.
MAX_INT_DIGITS = 4000
# Keys under which a dump object may hold its list of articles.
CONTAINER_KEYS = ("articles", "records", "items", "data")
_NON_SPACE = re.compile(r"\S")


class _JsonSyntaxError(Exception):
    def __init__(self, message: str, line: int, *, malformed: bool = True) -> None:
        super().__init__(message)
        self.message = MALFORMED.format(error=message) if malformed else message
        self.line = line


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


_DECODER = json.JSONDecoder(parse_int=_parse_int)


def load_jsonl(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a JSONL input, one object per line; blank lines are skipped.

    Lines are read one at a time, so a dump of any size streams; a line over the input's
    `max_bytes` is a failure of its own and is never held in memory.
    """
    lines = DecodedLines(source.stream, source.max_bytes)
    for line in lines:
        if warning := lines.warning(source.name):
            yield warning
        number = lines.number
        if lines.too_long:
            limit = source.max_bytes or 0
            yield LoadFailure(source.name, RECORD_TOO_LARGE.format(limit=limit), number)
            continue
        if not line.strip():
            continue
        try:
            value = _DECODER.decode(line)
        except json.JSONDecodeError as error:
            detail = f"{_describe(error.msg)} at column {error.colno}"
            yield LoadFailure(source.name, MALFORMED.format(error=detail), number)
            continue
        except RecursionError:
            yield LoadFailure(source.name, MALFORMED.format(error=TOO_DEEP), number)
            continue
        yield from _safe_records(value, source.name, number)


def load_json(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a JSON input: an array of objects, one object, or a run of objects."""
    chunks = _TextChunks(source.stream)
    values = _ValueStream(iter(chunks), source.max_bytes)
    warned = False
    count = 0
    try:
        for line, value in _top_level(values):
            count += 1
            if chunks.fell_back and not warned:
                warned = True
                yield LoadWarning(source.name, NOT_UTF8)
            yield from _safe_records(value, source.name, line)
    except _JsonSyntaxError as error:
        yield LoadFailure(source.name, error.message, error.line)
        return
    if chunks.fell_back and not warned:
        yield LoadWarning(source.name, NOT_UTF8)
    if not count:
        yield LoadFailure(source.name, NO_RECORDS)


def _top_level(values: _ValueStream) -> Iterator[tuple[int, Any]]:
    """(line, value) for each item of a top-level array, or each top-level value."""
    if values.peek() != "[":
        while values.peek():
            yield values.value()
        return
    values.advance()
    first = True
    while True:
        char = values.peek()
        if not char:
            raise _JsonSyntaxError(UNCLOSED_ARRAY, values.line_here())
        if char == "]":
            values.advance()
            if values.peek():
                raise _JsonSyntaxError(EXTRA_DATA, values.line_here())
            return
        if not first:
            if char != ",":
                raise _JsonSyntaxError(MISSING_COMMA, values.line_here())
            values.advance()
            values.peek()
        first = False
        yield values.value()


def _safe_records(value: Any, source: str, line: int) -> Iterator[Article | LoadProblem]:
    """`_records`, with a value nested too deeply to walk as one failure of its own."""
    try:
        yield from _records(value, source, line)
    except RecursionError:
        yield LoadFailure(source, MALFORMED.format(error=TOO_DEEP), line)


def _records(value: Any, source: str, line: int) -> Iterator[Article | LoadProblem]:
    """The articles in one top-level JSON value (an object, or an object holding a list)."""
    if not isinstance(value, dict):
        yield LoadFailure(source, NOT_OBJECT.format(kind=_kind(value)), line)
        return
    has_text = any(str(key).lower() in TEXT_FIELDS for key in value)
    container = next((value[k] for k in CONTAINER_KEYS if isinstance(value.get(k), list)), None)
    if container is not None and not has_text:
        if not container:
            yield LoadFailure(source, NO_RECORDS, line)
        for item in container:
            yield from _records(item, source, line)
        return
    yield from record_to_article(value, source, line)


def _describe(message: str) -> str:
    """json's error message in lower case, without a dangling "at"."""
    message = message.removesuffix(" at")
    return message[:1].lower() + message[1:]


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    shown = json.dumps(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:39] + '…'}"


class _TextChunks:
    """Decoded chunks of a byte stream: UTF-8 (BOM dropped), switching to cp1252 if it is not."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.fell_back = False

    def __iter__(self) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        while chunk := self.stream.read(CHUNK_BYTES):
            if self.fell_back:
                yield chunk.decode("cp1252", errors="replace")
                continue
            try:
                yield decoder.decode(chunk)
            except UnicodeDecodeError:
                self.fell_back = True
                pending = decoder.getstate()[0]
                yield (pending + chunk).decode("cp1252", errors="replace")
        if not self.fell_back:
            try:
                yield decoder.decode(b"", final=True)
            except UnicodeDecodeError:  # the input ends inside a UTF-8 sequence
                self.fell_back = True
                yield decoder.getstate()[0].decode("cp1252", errors="replace")


class _ValueStream:
    """Top-level JSON values read from text chunks, keeping only the unread text in memory."""

    def __init__(self, chunks: Iterator[str], max_chars: int | None = None) -> None:
        self._chunks = chunks
        self._max_chars = max_chars
        self._decoder = _DECODER
        self._buffer = ""
        self._pos = 0
        self._line = 1  # line number of the buffer's first character
        self._done = False

    def _more(self) -> bool:
        chunk = next(self._chunks, None)
        if chunk is None:
            self._done = True
            return False
        self._line += self._buffer.count("\n", 0, self._pos)
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0
        return True

    def line_here(self) -> int:
        return self._line + self._buffer.count("\n", 0, self._pos)

    def peek(self) -> str:
        """The next non-space character ("" at the end), without consuming it."""
        while True:
            match = _NON_SPACE.search(self._buffer, self._pos)
            if match:
                self._pos = match.start()
                return self._buffer[self._pos]
            self._pos = len(self._buffer)
            if not self._more():
                return ""

    def advance(self) -> None:
        self._pos += 1

    def value(self) -> tuple[int, Any]:
        """The value starting at the next non-space character, with its line number."""
        self.peek()
        want = 1
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except RecursionError:
                raise _JsonSyntaxError(TOO_DEEP, self.line_here()) from None
            except json.JSONDecodeError as error:
                # Most likely the value goes on in the next chunks: read more, twice as much
                # each time, and only call it malformed at the end of the input.
                if self._max_chars and len(self._buffer) - self._pos > self._max_chars:
                    limit = RECORD_TOO_LARGE.format(limit=self._max_chars)
                    message = f"{limit}; the rest of the file is not read"
                    raise _JsonSyntaxError(message, self.line_here(), malformed=False) from None
                if not any([self._more() for _ in range(want)]):
                    line = self._line + error.lineno - 1
                    raise _JsonSyntaxError(_describe(error.msg), line) from None
                want *= 2
                continue
            if end == len(self._buffer) and not self._done and self._more():
                continue  # a number or literal at the end of a chunk may go on
            line = self.line_here()
            self._pos = end
            return line, value
