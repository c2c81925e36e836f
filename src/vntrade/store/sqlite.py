"""Connections to a store's SQLite file: opening for reading or writing, transactions,
and telling a damaged or read-only file from a missing one."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

BUSY_TIMEOUT = 30.0  # seconds a write waits for another connection's transaction


def connect_for(path: Path, create: bool) -> sqlite3.Connection:
    """A connection for writing, or for reading (read-only; immutable on a read-only mount,
    where SQLite could not create the WAL index otherwise)."""
    if create:
        return connect(path)
    try:
        conn = connect(path, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        if not is_access(error):
            raise
        return connect(path, readonly=True, immutable=True)


def looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def writable(path: Path) -> bool:
    target = path if path.exists() else (path.parent if str(path.parent) else Path("."))
    if not os.access(target, os.W_OK):
        return False
    try:
        return not os.statvfs(target).f_flag & os.ST_RDONLY
    except (OSError, AttributeError):
        return True


def is_access(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("unable to open", "readonly", "read-only", "locked"))


def is_corrupt(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def now() -> str:
    """The current UTC time as ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(
    path: str | Path,
    *,
    readonly: bool = False,
    immutable: bool = False,
    timeout: float = BUSY_TIMEOUT,
):
    """Open an SQLite connection in autocommit mode (transactions are explicit), WAL journal."""
    if readonly:
        uri = Path(path).resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL never corrupts on a crash; it only skips an fsync per commit.
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so it never deadlocks later."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
