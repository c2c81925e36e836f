"""Input paths: expanding directories, opening files and stdin, and the checks on their bytes.

Every check that does not need the format (missing, too large, empty, binary) happens here,
on at most the first few kilobytes; the format loaders then stream the rest.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vntrade.records import LoadFailure, LoadWarning

STDIN = "-"
SNIFF_BYTES = 8192
BOM = b"\xef\xbb\xbf"
FORMATS = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}

NO_SUCH_PATH = "no such file or directory"
NO_INPUTS = "no .txt, .jsonl, .json or .csv files"
EMPTY_FILE = "empty file"
EMPTY_STDIN = "empty input"
BINARY = "binary file (contains NUL bytes), not text"
TOO_LARGE = "file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
STDIN_TOO_LARGE = "input is over the {limit:,}-byte limit (raise it with --max-bytes)"
NOT_UTF8 = "not valid UTF-8; decoded as cp1252"


class InputTooLarge(Exception):
    """Raised while streaming stdin, whose size is only known by reading it."""


@dataclass(slots=True)
class Input:
    """An opened input: its name as given (or "-"), its format, and its bytes from the start."""

    name: str
    kind: str
    stream: io.BufferedReader


def expand_paths(paths: Sequence[str]) -> Iterator[str | LoadFailure]:
    """Each input file named by `paths` (directories searched recursively), or a failure."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
        elif os.path.isdir(raw):
            found = False
            for file in _walk(raw):
                found = True
                yield file
            if not found:
                yield LoadFailure(raw, NO_INPUTS)
        elif os.path.lexists(raw):
            yield raw
        else:
            yield LoadFailure(raw, NO_SUCH_PATH)


def _walk(directory: str) -> Iterator[str]:
    """Input files under `directory` in a stable order, skipping hidden files and folders."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                yield os.path.join(root, name)


def open_input(name: str, max_bytes: int, stdin: BinaryIO | None = None) -> Input | LoadFailure:
    """Open `name` (or stdin for "-") and check its first bytes; the caller closes the stream.

    May raise `OSError` (unreadable file) or `InputTooLarge` (stdin over the limit).
    """
    if name == STDIN:
        raw = stdin if stdin is not None else _stdin()
        stream: BinaryIO = _PrefixedStream(b"", raw, limit=max_bytes, close_tail=False)
    else:
        size = os.stat(name).st_size
        if size > max_bytes:
            return LoadFailure(name, TOO_LARGE.format(size=size, limit=max_bytes))
        stream = open(name, "rb")  # noqa: SIM115 - closed by the caller
    try:
        head = _read_head(stream)
    except BaseException:
        stream.close()
        raise
    if not head.removeprefix(BOM).strip():
        stream.close()
        return LoadFailure(name, EMPTY_STDIN if name == STDIN else EMPTY_FILE)
    if b"\x00" in head:
        stream.close()
        return LoadFailure(name, BINARY)
    kind = FORMATS.get(Path(name).suffix.lower()) if name != STDIN else None
    kind = kind or _sniff(head)
    if kind == "jsonl" and _sniff(head) == "json":
        kind = "json"  # a .jsonl file holding one JSON array
    return Input(name, kind, io.BufferedReader(_PrefixedStream(head, stream)))


def _read_head(stream: BinaryIO) -> bytes:
    """The first `SNIFF_BYTES` bytes, read on through any leading whitespace."""
    head = stream.read(SNIFF_BYTES)
    while head and not head.removeprefix(BOM).strip():
        more = stream.read(SNIFF_BYTES)
        if not more:
            break
        head += more
    return head


def _sniff(head: bytes) -> str:
    """The format of input without a telling suffix: JSON by its first character, else text."""
    first = head.removeprefix(BOM).lstrip()[:1]
    return {b"{": "jsonl", b"[": "json"}.get(first, "text")


def _stdin() -> BinaryIO:
    """The process's binary stdin, looked up when read (click's CliRunner swaps `sys.stdin`)."""
    return sys.stdin.buffer


class _PrefixedStream(io.RawIOBase):
    """`head` followed by the rest of `tail`; raises `InputTooLarge` past `limit` bytes."""

    def __init__(
        self, head: bytes, tail: BinaryIO, limit: int | None = None, close_tail: bool = True
    ) -> None:
        self._head = head
        self._tail = tail
        self._limit = limit
        self._close_tail = close_tail  # stdin stays open for whoever else reads it
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._tail.read(len(buffer))
            self._count += len(data)
            if self._limit is not None and self._count > self._limit:
                raise InputTooLarge(STDIN_TOO_LARGE.format(limit=self._limit))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._close_tail:
            self._tail.close()
        super().close()


class DecodedLines:
    """The lines of a byte stream as text, line ends kept: UTF-8 where it is, else cp1252."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.number = 0  # of the line last read
        self.fell_back_at: int | None = None
        self._warned = False

    def __iter__(self) -> Iterator[str]:
        for raw in self.stream:
            self.number += 1
            line, fell_back = decode(raw.removeprefix(BOM) if self.number == 1 else raw)
            if fell_back and self.fell_back_at is None:
                self.fell_back_at = self.number
            yield line

    def warning(self, name: str) -> LoadWarning | None:
        """The not-UTF-8 warning for `name`, once, after the first line that was not UTF-8."""
        if self.fell_back_at is None or self._warned:
            return None
        self._warned = True
        return LoadWarning(name, NOT_UTF8, self.fell_back_at)


def decode(data: bytes) -> tuple[str, bool]:
    """`data` as text: UTF-8 (BOM dropped) if it is, else cp1252; and whether it fell back."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), False
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; those become U+FFFD rather than an error.
        return data.decode("cp1252", errors="replace"), True
