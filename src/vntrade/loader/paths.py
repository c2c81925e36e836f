"""Input paths: expanding directories, opening files and stdin, and the checks on their bytes.

Every check that does not need the format (missing, too large, empty, binary) happens here,
on at most the first few kilobytes; the format loaders then stream the rest. A file is binary
by its signature or by its share of control bytes, not by one NUL byte: in a text dump, a NUL
byte costs only the record it is in (`NUL_BYTE`).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat as stat_mod
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from vntrade.records import LoadFailure, LoadProblem, LoadWarning

STDIN = "-"
SNIFF_BYTES = 8192
BOM = b"\xef\xbb\xbf"
FORMATS = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv"}

NO_SUCH_PATH = "no such file or directory"
NO_INPUTS = "no .txt, .jsonl, .json or .csv files"
EMPTY_FILE = "empty file"
EMPTY_STDIN = "empty input"
BINARY = "binary file ({what}), not text"
NUL_BYTE = "contains a NUL byte (binary data, not text)"
NOT_REGULAR = "not a regular file ({what}); not read"
TOO_LARGE = "file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
STDIN_TOO_LARGE = "input is over the {limit:,}-byte limit (raise it with --max-bytes)"
RECORD_TOO_LARGE = (
    "record is over the {limit:,}-byte limit for one article (raise it with --max-bytes)"
)
NOT_UTF8 = "not valid UTF-8; decoded as cp1252"
OWN_OUTPUT = "skipped: this command writes its output to this file"
# Signatures of the binary files most likely to be met among dumps, and what to call them.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive: extract it first"),
    (b"\x1f\x8b", "gzip-compressed: decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed: decompress it first"),
    (b"(\xb5/\xfd", "zstd-compressed: decompress it first"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
UTF16 = "UTF-16 text: convert it to UTF-8 first"
# C0 control bytes that text does not hold (tab, line ends, form feed and escape it may).
_CONTROL_BYTES = bytes(set(range(32)) - set(b"\t\n\v\f\r\x1b"))


@dataclass(slots=True)
class Input:
    """An opened input: its name as given (or "-"), its format, and its bytes from the start.

    `max_bytes` is the limit for one article: the whole input for text, one record in a dump.
    """

    name: str
    kind: str
    stream: io.BufferedReader
    max_bytes: int | None = None


FileKey = tuple[int, int]  # (device, inode): the same file under any name


def file_key(path: str | os.PathLike[str]) -> FileKey | None:
    """The (device, inode) of `path`, or None if it cannot be looked at."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return (stat.st_dev, stat.st_ino)


def files_written(extra: Iterable[str | os.PathLike[str] | None] = ()) -> set[FileKey]:
    """Files this process writes and must never read as input: stdout when it is a file
    (`vntrade articles . > out.jsonl`), and `extra` (a store, its journal, an output folder,
    the cache), so that a run never reads its own output back."""
    keys: set[FileKey] = set()
    with contextlib.suppress(OSError, ValueError, AttributeError):
        stat = os.fstat(sys.stdout.fileno())
        if stat_mod.S_ISREG(stat.st_mode):
            keys.add((stat.st_dev, stat.st_ino))
    for path in extra:
        if path:
            for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
                if key := file_key(f"{os.fspath(path)}{suffix}"):
                    keys.add(key)
    return keys


def expand_paths(
    paths: Sequence[str], written: set[FileKey] | None = None
) -> Iterator[str | LoadProblem]:
    """Each input file named by `paths` (directories searched recursively), or a problem.

    Files in `written` (see `files_written`) are never inputs: named, they are skipped with a
    warning; met in a directory, they are passed over, as hidden files and folders are.
    """
    written = written or set()
    for raw in paths:
        if raw == STDIN:
            yield STDIN
        elif os.path.isdir(raw):
            found = False
            for file in _walk(raw, written):
                found = True
                yield file
            if not found:
                yield LoadFailure(raw, NO_INPUTS)
        elif os.path.lexists(raw):
            yield LoadWarning(raw, OWN_OUTPUT) if file_key(raw) in written else raw
        else:
            yield LoadFailure(raw, NO_SUCH_PATH)


def _walk(directory: str, written: set[FileKey]) -> Iterator[str | LoadProblem]:
    """Input files under `directory` in a stable order, skipping hidden files and folders and
    the files this run writes; a named pipe, socket or device is named, never opened."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and file_key(os.path.join(root, d)) not in written
        )
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                path = os.path.join(root, name)
                if file_key(path) in written:
                    yield LoadWarning(path, OWN_OUTPUT)
                elif special := _special_kind(path):
                    yield LoadFailure(path, NOT_REGULAR.format(what=special))
                else:
                    yield path


def _special_kind(path: str) -> str | None:
    """What `path` is if it exists and is not a regular file: opening a named pipe found in
    a folder would wait for a writer forever, and a device may never end."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None  # opening it says what is wrong
    if stat_mod.S_ISREG(mode):
        return None
    if stat_mod.S_ISFIFO(mode):
        return "a named pipe"
    if stat_mod.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat_mod.S_ISCHR(mode) or stat_mod.S_ISBLK(mode) else "a special file"


def open_input(name: str, max_bytes: int, stdin: BinaryIO | None = None) -> Input | LoadFailure:
    """Open `name` (or stdin for "-") and check its first bytes; the caller closes the stream.

    `max_bytes` limits one article: a text input as a whole, each record of a dump (dumps
    themselves may be of any size and are streamed). May raise `OSError` (unreadable file).
    """
    size = None
    if name == STDIN:
        raw = stdin if stdin is not None else _stdin()
        stream: BinaryIO = _PrefixedStream(b"", raw, close_tail=False)
    else:
        size = os.stat(name).st_size
        stream = open(name, "rb")  # noqa: SIM115 - closed by the caller
    try:
        head = _read_head(stream)
    except BaseException:
        stream.close()
        raise
    if not head.removeprefix(BOM).strip():
        stream.close()
        return LoadFailure(name, EMPTY_STDIN if name == STDIN else EMPTY_FILE)
    if what := binary_kind(head):
        stream.close()
        return LoadFailure(name, BINARY.format(what=what))
    kind = FORMATS.get(Path(name).suffix.lower()) if name != STDIN else None
    kind = kind or _sniff(head)
    if kind == "text" and size is not None and size > max_bytes:
        stream.close()
        return LoadFailure(name, TOO_LARGE.format(size=size, limit=max_bytes))
    return Input(name, kind, prepend(head, stream), max_bytes)


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
    """The format of input without a telling suffix: JSON(L) by its first character, else
    text; the JSONL loader reads a JSON document spread over lines as JSON."""
    first = head.removeprefix(BOM).lstrip()[:1]
    return "jsonl" if first in (b"{", b"[") else "text"


def binary_kind(head: bytes) -> str | None:
    """What makes the first bytes of an input binary, or None if they may be text.

    A known signature decides (UTF-16: its byte-order mark and a NUL byte); else the share of
    control bytes: over 10%, or over 1% in bytes that are not UTF-8 either. A stray NUL byte
    in a text dump is not binary: it costs only its record.
    """
    for signature, what in SIGNATURES:
        if head.startswith(signature):
            return what
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in head:
        return UTF16  # with a byte-order mark, and the NUL bytes of its ASCII characters
    share = (len(head) - len(head.translate(None, _CONTROL_BYTES))) / max(len(head), 1)
    if share > 0.10 or (share > 0.01 and not _utf8(head)):
        return "contains NUL bytes" if b"\x00" in head else "contains control bytes"
    return None


def _utf8(data: bytes) -> bool:
    """Whether `data` is UTF-8, perhaps cut inside its last character."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def prepend(data: bytes, stream: BinaryIO) -> io.BufferedReader:
    """A reader of `data` followed by the rest of `stream` (to read again what was peeked)."""
    return io.BufferedReader(_PrefixedStream(data, stream))


def _stdin() -> BinaryIO:
    """The process's binary stdin, looked up when read (click's CliRunner swaps `sys.stdin`)."""
    return sys.stdin.buffer


class _PrefixedStream(io.RawIOBase):
    """`head` followed by the rest of `tail`."""

    def __init__(self, head: bytes, tail: BinaryIO, close_tail: bool = True) -> None:
        self._head = head
        self._tail = tail
        self._close_tail = close_tail  # stdin stays open for whoever else reads it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._tail.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self._close_tail:
            self._tail.close()
        super().close()


class DecodedLines:
    """The lines of a byte stream as text, line ends kept: UTF-8 where it is, else cp1252.

    With `max_bytes`, no line longer than that is ever held in memory: its bytes are skipped,
    `""` stands in its place and `too_long` is true until the next line.
    """

    def __init__(self, stream: BinaryIO, max_bytes: int | None = None) -> None:
        self.stream = stream
        self.max_bytes = max_bytes
        self.number = 0  # of the line last read
        self.too_long = False
        self.fell_back_at: int | None = None
        self._warned = False

    def __iter__(self) -> Iterator[str]:
        limit = self.max_bytes + 1 if self.max_bytes else -1
        while raw := self.stream.readline(limit):
            self.number += 1
            self.too_long = len(raw) == limit and not raw.endswith(b"\n")
            if self.too_long:
                self._skip_rest_of_line()
                yield ""
                continue
            line, fell_back = decode(raw.removeprefix(BOM) if self.number == 1 else raw)
            if fell_back and self.fell_back_at is None:
                self.fell_back_at = self.number
            yield line

    def _skip_rest_of_line(self) -> None:
        while (rest := self.stream.readline(SNIFF_BYTES)) and not rest.endswith(b"\n"):
            pass

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
