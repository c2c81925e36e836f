"""Connections to a store's SQLite file: opening for reading or writing, transactions, making
a new file, and telling a damaged, full or read-only disk from a missing file."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from vntrade.errors import StoreError, UsageError, shown

# What SQLite raises, for the CLI to turn into one line (only `vntrade.store` imports sqlite3).
DatabaseError = sqlite3.DatabaseError
OperationalError = sqlite3.OperationalError

BUSY_TIMEOUT = 30.0  # seconds a write waits for another connection's transaction
# SQLite's primary result codes that a full disk gives: SQLITE_FULL for the database, its
# journal and temporary files; an I/O error or "cannot open" for the WAL index (-shm).
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
NEARLY_FULL = 1 << 20  # bytes: with less left, an I/O error is taken for a full disk
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device"}  # fmt: skip


def check_path(path: Path, create: bool) -> bool:
    """Whether a store file is at `path`: refuse at once, before any SQLite call, a name that
    cannot be a store (a pipe, a device, an empty file) or, without `create`, no file."""
    name = shown(path)
    if not str(path):
        raise StoreError(f"--db needs a file name, not {str(path)!r}.")
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        if not create:
            raise StoreError(
                f"no database at {name}; create it with `vntrade ingest PATH... --db {name}`."
            ) from None
        if not path.parent.is_dir():
            raise StoreError(f"cannot create {name}: no directory {shown(path.parent)}.") from None
        return False
    except OSError as error:  # a name too long, a loop of links, a folder we may not enter
        raise StoreError(f"cannot open {name}: {error.strerror}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"--db needs a file name, not {str(path)!r}.")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise UsageError(
            f"{name} is {kind}, not a store file; give the name of a store file, "
            "e.g. --db news.db.",
            "--db",
        )
    if info.st_size == 0:
        raise StoreError(
            f"{name} exists but is empty (0 bytes), so it is not a vntrade store; remove it "
            "(`vntrade ingest` then makes the store there) or give another --db FILE."
        )
    return True


def connect_for(path: Path, write: bool) -> sqlite3.Connection:
    """A connection for writing, or for reading (read-only; immutable on a read-only mount,
    where SQLite could not create the WAL index otherwise)."""
    if write:
        return connect(path)
    try:
        conn = connect(path, readonly=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as error:
        if not is_access(error):
            raise
        return connect(path, readonly=True, immutable=True)


def create_file(path: Path, script: str) -> None:
    """Make a new SQLite file at `path` with `script` run in it: made aside, in the same
    folder, and linked into place whole, so that no run (even a killed one) leaves an empty
    or half-made file there; a file that is at `path` is never touched."""
    # Not mkstemp, whose file is private (0600): the store gets the mode any new file gets.
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.new"
    os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    try:
        conn = connect(temporary)
        try:
            conn.executescript(script)
        finally:
            conn.close()  # the last connection: SQLite checkpoints and removes the WAL
        try:
            os.link(temporary, path)
        except OSError:
            if os.path.lexists(path):
                raise StoreError(
                    f"cannot create {shown(path)}: another program made a file there meanwhile."
                ) from None
            os.replace(temporary, path)  # a file system without hard links
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(f"{temporary}{suffix}")


def remove_if_empty(path: Path) -> None:
    """Delete the store at `path` and its journal files if it holds no article."""
    if not path.is_file():
        return
    tidy = not wal_files(path)
    try:
        conn = connect(path, readonly=True)
        try:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        articles = 0
    if articles and tidy:
        tidy_after_reading(path)
    if not articles:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def integrity_problems(path: Path) -> list[str]:
    """What SQLite's integrity check says of a file too damaged to open as a store."""
    tidy = not wal_files(path)
    try:
        conn = connect(path, readonly=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        if tidy:
            tidy_after_reading(path)
    return [problem for problem in problems if problem != "ok"]


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


def disk_full(error: BaseException, path: Path) -> Path | None:
    """The folder without space left, if that is what `error` (SQLite's or the system's)
    comes from: the store's own, or SQLite's folder for temporary files."""
    if isinstance(error, OSError):
        if error.errno != errno.ENOSPC:
            return None
        return _full_folder(path) or path.parent.absolute()
    if not isinstance(error, sqlite3.Error):
        return None
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code == SQLITE_FULL or "disk is full" in str(error):
        return _full_folder(path) or path.parent.absolute()
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or "disk i/o error" in str(error).lower():
        return _full_folder(path)  # an I/O error on a disk with space left is not this
    return None


def _full_folder(path: Path) -> Path | None:
    """The store's folder or SQLite's temporary folder, if one of them has (nearly) no space
    or no inode left."""
    temporary = os.environ.get("SQLITE_TMPDIR") or tempfile.gettempdir()
    for folder in (path.parent, Path(temporary)):
        try:
            info = os.statvfs(folder)
        except (OSError, AttributeError):
            continue
        # root may use the blocks kept back for it; others only the available ones
        free = info.f_bfree if os.geteuid() == 0 else info.f_bavail
        if free * info.f_frsize < NEARLY_FULL or (info.f_files and not info.f_favail):
            return folder.absolute()
    return None


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
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL never corrupts on a crash; it only skips an fsync per commit.
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def wal_files(path: Path) -> bool:
    """Whether SQLite's -wal or -shm file is beside the store."""
    return any(os.path.lexists(f"{path}{suffix}") for suffix in ("-wal", "-shm"))


def tidy_after_reading(path: Path) -> None:
    """Remove the -wal and -shm files that a read-only connection to a WAL store leaves (it
    may not remove them itself), as SQLite does when the last connection closes: a plain
    connection that reads and closes removes them when no other connection uses them, and
    leaves them, and the store's bytes, as they are otherwise (an ingest running)."""
    if not wal_files(path):
        return
    uri = Path(path).resolve().as_uri() + "?mode=rw"  # never makes a file that is gone
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (BEGIN IMMEDIATE) so it never deadlocks later;
    inside another one it is part of that one (committed or rolled back with it)."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite rolls back by itself after some errors (a full disk)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
