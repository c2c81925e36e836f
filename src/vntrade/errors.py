"""The errors the library raises for the CLI to turn into one-line messages and exit codes.

Each message says what went wrong and what to do about it; the library never prints.
"""

from __future__ import annotations


class VntradeError(Exception):
    """A problem the user can fix; `str()` is the whole message."""

    exit_code = 1


class StoreError(VntradeError):
    """A store that cannot be opened, read or written as asked."""


class StoreDamaged(StoreError):
    """A store whose file is corrupt: SQLite says so, or a row does not hold valid JSON."""

    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            f"the store {path} is damaged ({detail}). Check it with `vntrade db check --db "
            f"{path}`, then restore it from a backup or rebuild it: ingest the inputs again "
            "into a new --db FILE (the old file is left as it is)."
        )
        self.path = path
