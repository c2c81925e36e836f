"""The errors the library raises for the CLI to turn into one-line messages and exit codes.

The library never imports click and never prints: it raises one of these, whose `str()` is
the whole message (what went wrong and what to do), and `vntrade.cli` reports it on stderr
with the error's `exit_code`.
"""

from __future__ import annotations


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
        super().__init__(
            f"the store {path} is damaged ({detail}). Check it with `vntrade db check --db "
            f"{path}`, then restore it from a backup or rebuild it: ingest the inputs again "
            "into a new --db FILE (the old file is left as it is)."
        )
        self.path = path
