"""JSON dumps: an array of objects, one object, or objects one after another, streamed.

The text is parsed value by value from 64 KB chunks, so a large array never sits in memory
whole. A bad item costs only itself: malformed, nested too deeply or over the size limit, it
is reported with its line, skipped to its closing bracket (or to the next `,` when it has
none) without being parsed, and the items after it are read. Bytes are decoded per item, as
JSONL decodes per line: UTF-8, and cp1252 only for an item that is not UTF-8.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from vntrade.loader.jsonrecords import (
    DECODER,
    MALFORMED,
    NO_RECORDS,
    TOO_DEEP,
    describe,
    json_records,
)
from vntrade.loader.paths import NOT_UTF8, NUL_BYTE, RECORD_TOO_LARGE, Input
from vntrade.records import Article, LoadFailure, LoadProblem, LoadWarning

CHUNK_BYTES = 1 << 16
UNCLOSED_ARRAY = "the JSON array is not closed with ']'"
MISSING_COMMA = "expected ',' or ']' after an array item"
EXTRA_DATA = "unexpected data after the JSON array"
EXPECTING_VALUE = "expecting value"
_NON_SPACE = re.compile(r"\S")
# Bytes that are not UTF-8, as the "surrogateescape" error handler keeps them.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")
# What moves the skipping of a bad value on: outside strings, and inside one.
_STRUCTURE = re.compile(r'[][{}",\n]')
_STRING_END = re.compile(r'["\\\n]')
_OPENER = {"]": "[", "}": "{"}
_LINE_OPENS_OBJECT = re.compile(r"[ \t\r]*(?:,[ \t\r]*)?\{")


@dataclass(slots=True)
class _Bad:
    """A value that could not be read (and was skipped), with why and where."""

    reason: str
    line: int


@dataclass(slots=True)
class _Value:
    """A value read, its line, and whether its bytes were decoded as cp1252."""

    value: Any
    line: int
    fell_back: bool = False


def load_json(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a JSON input: an array of objects, one object, or a run of objects."""
    values = _ValueStream(source.stream, source.max_bytes)
    warned = False
    count = 0
    for item in _top_level(values):
        count += 1
        if isinstance(item, _Bad):
            yield LoadFailure(source.name, item.reason, item.line)
            continue
        if item.fell_back and not warned:
            warned = True
            yield LoadWarning(source.name, NOT_UTF8, item.line)
        yield from json_records(item.value, source.name, item.line)
    if not count:
        yield LoadFailure(source.name, NO_RECORDS)


def _top_level(values: _ValueStream) -> Iterator[_Value | _Bad]:
    """Each item of a top-level array, or each top-level value; what is wrong around them
    (a missing comma, an unclosed array) as a `_Bad` of its own."""
    if values.peek() != "[":
        while values.peek():
            yield values.value()
        return
    values.advance()
    values.in_array = True
    want_item = True  # after "[" or ","
    first = True
    after_bad = False
    while True:
        char = values.peek()
        if not char:
            yield _Bad(MALFORMED.format(error=UNCLOSED_ARRAY), values.line_here())
            return
        if char == "]":
            if want_item and not first:  # "[1,]"
                yield _Bad(MALFORMED.format(error=EXPECTING_VALUE), values.line_here())
            values.advance()
            if values.peek():
                yield _Bad(MALFORMED.format(error=EXTRA_DATA), values.line_here())
            return
        if char == ",":
            if want_item:  # "[,1]" or "[1,,2]"
                yield _Bad(MALFORMED.format(error=EXPECTING_VALUE), values.line_here())
            values.advance()
            want_item = True
            continue
        if not want_item and not after_bad:  # read on as if the comma were there
            yield _Bad(MALFORMED.format(error=MISSING_COMMA), values.line_here())
        item = values.value()
        yield item
        want_item = first = False
        after_bad = isinstance(item, _Bad)  # where it ended, a comma may be behind


def _chunks(stream: BinaryIO) -> Iterator[str]:
    """The stream as text, chunk by chunk: UTF-8 (BOM dropped), with any byte that is not UTF-8
    kept as a lone surrogate ("surrogateescape"), for its value alone to be decoded again."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="surrogateescape")
    while chunk := stream.read(CHUNK_BYTES):
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _as_cp1252(text: str) -> Any:
    """The JSON value whose UTF-8 text (bytes that are not UTF-8 escaped) is `text`, decoded
    from cp1252 instead, as a JSONL line that is not UTF-8 is."""
    raw = text.encode("utf-8", "surrogateescape")
    # cp1252 leaves five bytes undefined; those become U+FFFD rather than an error.
    return DECODER.decode(raw.decode("cp1252", errors="replace"))


class _ValueStream:
    """Top-level JSON values read from a byte stream, keeping only the unread text in memory."""

    def __init__(self, stream: BinaryIO, max_chars: int | None = None) -> None:
        self._chunks = _chunks(stream)
        self._max_chars = max_chars
        self._buffer = ""
        self._pos = 0
        self._line = 1  # line number of the buffer's first character
        self._done = False
        self.in_array = False  # whether a top-level array holds the values

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

    def value(self) -> _Value | _Bad:
        """The value starting at the next non-space character; a `_Bad` for one that cannot be
        read, which is then skipped."""
        self.peek()
        line = self.line_here()
        column = self._pos - (self._buffer.rfind("\n", 0, self._pos) + 1)
        too_large = _Bad(RECORD_TOO_LARGE.format(limit=self._max_chars or 0), line)
        want = 1
        while True:
            try:
                value, end = DECODER.raw_decode(self._buffer, self._pos)
            except RecursionError:
                return self._skip(_Bad(TOO_DEEP, line), column)
            except json.JSONDecodeError as error:
                if self._max_chars and len(self._buffer) - self._pos > self._max_chars:
                    return self._skip(too_large)
                # The value may go on in the next chunks: read more, twice as much each time.
                if self._cut_short(error) and any([self._more() for _ in range(want)]):
                    want *= 2
                    continue
                bad = _Bad(self._malformed(error), self._line + error.lineno - 1)
                return self._skip(bad, column)
            if end == len(self._buffer) and not self._done and self._more():
                continue  # a number or literal at the end of a chunk may go on
            text = self._buffer[self._pos : end]
            self._pos = end
            if self._max_chars and _size(text) > self._max_chars:
                return too_large
            if not _NOT_UTF8.search(text):
                return _Value(value, line)
            try:
                return _Value(_as_cp1252(text), line, fell_back=True)
            except (ValueError, RecursionError):  # cannot be; the fields' checks then apply
                return _Value(value, line)

    def _cut_short(self, error: json.JSONDecodeError) -> bool:
        """Whether the text may only end too soon: the error is at its end, or in a string
        that runs to it (a string never spans a line break, so this cannot go on for long)."""
        if self._done:
            return False
        return error.pos >= len(self._buffer) - 16 or error.msg.startswith("Unterminated")

    def _malformed(self, error: json.JSONDecodeError) -> str:
        if error.pos < len(self._buffer) and self._buffer[error.pos] == "\x00":
            return NUL_BYTE
        return MALFORMED.format(error=describe(error.msg))

    def _skip(self, bad: _Bad, column: int | None = None) -> _Bad:
        """Move past the value at the read position without parsing it, in constant memory.

        It ends at the bracket that closes its first one (a closing bracket closes the
        innermost open one of its kind), or, outside brackets, before a line break (in an
        array: a `,` or `]` too). JSON allows no line break in a string: one ends the string.
        With `column`, the value is malformed, and it also ends before a line that opens an
        object at that column or further left (the next item of a dump, as writers indent).
        """
        stack: list[str] = []
        open_count = {"[": 0, "{": 0}  # so that a closing bracket costs O(1), amortized
        in_string = False
        while True:
            match = (_STRING_END if in_string else _STRUCTURE).search(self._buffer, self._pos)
            if match is None or (match.group() == "\\" and match.end() == len(self._buffer)):
                self._pos = match.start() if match else len(self._buffer)
                if self._more():
                    continue
                self._pos = len(self._buffer)
                return bad
            char, self._pos = match.group(), match.end()
            if char == "\\":
                self._pos += 1  # in a string: the escaped character
            elif char == "\n":
                in_string = False
                if not stack:
                    self._pos = match.start()
                    return bad
                if column is not None and self._next_line_opens_object(column):
                    return bad
            elif in_string or char == '"':
                in_string = not in_string
            elif char in "[{":
                stack.append(char)
                open_count[char] += 1
            elif char in "]}" and open_count[_OPENER[char]]:
                while True:  # close the innermost open bracket of its kind, and all inside it
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == _OPENER[char]:
                        break
                if not stack:
                    return bad
            elif char == "]" and self.in_array:
                self._pos = match.start()  # the array's end, unless it closes the item
                if stack and self._char_after() in (",", "]"):
                    self._pos += 1  # a wrong bracket closing the item
                return bad
            elif char == "," and self.in_array and not stack:
                self._pos = match.start()  # the end of an item without brackets
                return bad

    def _next_line_opens_object(self, column: int) -> bool:
        """Whether the line at the read position opens an object (after a `,`, if any) at
        `column` or further left."""
        self._look_ahead()
        match = _LINE_OPENS_OBJECT.match(self._buffer, self._pos)
        return match is not None and match.end() - 1 - self._pos <= column

    def _char_after(self) -> str:
        """The first non-space character (within a few hundred) after the one at the read
        position, without consuming anything."""
        self._look_ahead()
        match = _NON_SPACE.search(self._buffer, self._pos + 1, self._pos + 256)
        return match.group() if match else ""

    def _look_ahead(self) -> None:
        while len(self._buffer) - self._pos < 256 and not self._done:
            self._more()


def _size(text: str) -> int:
    """The size of `text` in bytes as it was read (a character is 1 to 4)."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogateescape"))
