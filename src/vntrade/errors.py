"""The errors the library raises for the CLI to turn into one-line messages and exit codes.

The library never imports click and never prints: it raises one of these, whose `str()` is
the whole message (what went wrong and what to do), and `vntrade.cli` reports it on stderr
with the error's `exit_code`.
"""

from __future__ import annotations

import re

# Lone surrogates: U+DC80-U+DCFF stand for bytes that were not UTF-8 (Python's surrogateescape,
# as in a file name); the others come from JSON escapes such as "\ud800".
_SURROGATES = re.compile("[\ud800-\udfff]")
# What would break a message's line or what it shows: C0/C1 controls, line and paragraph
# separators, bidirectional overrides, and lone surrogates.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8: as os.fsencode gives it back
        return f"\\x{code - 0xDC00:02x}"
    return match.group().encode("unicode_escape").decode("ascii")  # \n, \x1b, \u202e


def as_text(name: str) -> str:
    """`name` (a file name, or an id made from one) as UTF-8 text: each byte that was not UTF-8
    written as `\\xNN`, as `os.fsencode(name).decode("utf-8", "backslashreplace")` writes it,
    and any other lone surrogate as `\\udNNN`; other text is returned as it is."""
    return _SURROGATES.sub(_escape, name) if _SURROGATES.search(name) else name


def shown(name: object) -> str:
    """A file name as messages show it: as `as_text` writes it, with control characters
    escaped too (`\\n`, `\\x1b`), so that a message stays one line that says what it is."""
    text = str(name)
    return _UNSHOWABLE.sub(_escape, text) if _UNSHOWABLE.search(text) else text


class VntradeError(Exception):
    """A problem the user can fix."""

    exit_code = 1


class UsageError(VntradeError):
    """An option's value that cannot be used (a date that is not a date, say)."""

    exit_code = 2

    def __init__(self, message: str, option: str | None = None) -> None:
        super().__init__(f"Invalid value for '{option}': {message}" if option else message)


class InputError(VntradeError):
    """Inputs that cannot be read as asked (a gold file, a TimeML folder, a dataset)."""


class DatasetError(InputError):
    """A Parquet dataset that cannot be read, or a folder that cannot hold one."""


class DataFileError(VntradeError):
    """A pattern or gazetteer file (`--actors`, `--commodities`) that cannot be used."""


class ModelNotInstalled(VntradeError):
    """The spaCy model, or an optional library, is not installed."""


class EngineError(VntradeError):
    """Workers that cannot be started or reached, or that died."""


class StoreError(VntradeError):
    """A store that cannot be opened, read or written as asked."""


class StoreDamaged(StoreError):
    """A store whose file is corrupt: SQLite says so, or a row does not hold valid JSON."""

    def __init__(self, path: object, detail: str) -> None:
        name = shown(path)
        super().__init__(
            f"the store {name} is damaged ({detail}). Check it with `vntrade db check --db "
            f"{name}`, then restore it from a backup or rebuild it: ingest the inputs again "
            "into a new --db FILE (the old file is left as it is)."
        )
        self.path = path


class DiskFull(StoreError):
    """No space left for SQLite's files (the store's journal, its WAL index, temporary
    files): never a damaged store."""

    def __init__(self, where: object, kept: str = "the store is unchanged") -> None:
        super().__init__(
            f"the disk is full (no space left in {shown(where)}): free some space and run the "
            f"command again; {kept}."
        )
        self.where = where
