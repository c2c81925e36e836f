"""What every part of the `Store` shares: its connection, the guard that turns SQLite's
errors into vntrade's, and the streaming of a read query's rows."""

from __future__ import annotations

import contextlib
import functools
import inspect
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from vntrade.errors import DiskFull, StoreDamaged
from vntrade.store.sqlite import disk_full, is_corrupt

CHUNK = 500  # ids bound in one query (SQLite's bound-parameter limit is far above)
FETCH = 256  # rows fetched at a time by a streamed query


def id_chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    """`items` in lists of `CHUNK`, to bind in one query each."""
    items = list(items)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(items: list[Any]) -> str:
    """One `?` per item, comma-separated: the parameters of `IN (...)`."""
    return ",".join("?" * len(items))


def guard(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a store method inside `StoreBase.guarded`; a generator's rows as they stream."""
    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def streamed(self: StoreBase, *args: Any, **kwargs: Any) -> Iterator[Any]:
            with self.guarded():
                yield from method(self, *args, **kwargs)

        return streamed

    @functools.wraps(method)
    def guarded(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        with self.guarded():
            return method(self, *args, **kwargs)

    return guarded


class StoreBase:
    """A connection to one store file; the parts of `Store` build their queries on it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextlib.contextmanager
    def guarded(self) -> Iterator[None]:
        """Turn SQLite's "malformed" errors and rows that are not JSON into `StoreDamaged`,
        and a full disk into `DiskFull`."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            where = disk_full(error, self.path)
            if where is not None:
                raise DiskFull(where) from None
            if isinstance(error, sqlite3.OperationalError) and not is_corrupt(error):
                raise
            raise StoreDamaged(self.path, str(error)) from None
        except json.JSONDecodeError as error:
            raise StoreDamaged(self.path, f"a row does not hold valid JSON: {error}") from None

    def meta(self, key: str) -> str | None:
        """A value of the store's `meta` table (`events`, `year_votes`, `schema_version`)."""
        with self.guarded():
            row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def _delete_in(self, ids: Iterable[Any], *statements: str) -> None:
        """Run each DELETE statement over `ids`, `CHUNK` at a time (`{ids}`: their marks)."""
        for chunk in id_chunks(ids):
            for statement in statements:
                self.conn.execute(statement.format(ids=marks(chunk)), chunk)

    def _rows(self, query: str, params: Iterable[Any] = ()) -> Iterator[Any]:
        """Stream the rows of one of the store's own read queries."""
        cursor = self.conn.execute(query, tuple(params))
        while rows := cursor.fetchmany(FETCH):
            yield from rows

    def _one(self, query: str, params: Iterable[Any] = ()) -> Any:
        """The first row of a read query, or None."""
        return self.conn.execute(query, tuple(params)).fetchone()
