"""The writer lock of a store: one ingest at a time, freed by the kernel when its holder dies.

The lock is an OS lock (`flock`) on `PATH.lock`. The file is removed when the lock is
released, so a store at rest has no lock file; one left by a killed run holds no lock and
is taken over by the next writer. `flock` rather than filelock where it exists: removing
the file on release is safe only because a writer checks, once locked, that the file it
locked is still the one at the path, which filelock does not do; without `flock`
(Windows) filelock's native lock is used and the file stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from vntrade.errors import DiskFull, StoreError, shown


def lock_path(path: str | Path) -> Path:
    return Path(f"{path}.lock")


@contextlib.contextmanager
def ingest_lock(path: Path, wait: float, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the writer lock of the store at `path` for a whole run.

    A second writer waits up to `wait` seconds, then fails with a clear message.
    """
    try:
        import fcntl
    except ImportError:  # no flock (Windows): filelock's native lock, kept in the file
        with _portable_lock(path, wait):
            yield
        return
    handle = _acquire(path, wait, on_wait, fcntl)
    try:
        try:  # unbuffered: a write that fails must not be tried again when the file closes
            os.ftruncate(handle.fileno(), 0)
            os.write(handle.fileno(), f"pid {os.getpid()}\n".encode())
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise DiskFull(path.parent.absolute()) from None
            name = shown(lock_path(path))
            raise StoreError(f"cannot write to {name}: {error.strerror}.") from None
        yield
    finally:
        # Unlink while still holding the lock, so no waiter can lock a file about to vanish.
        with contextlib.suppress(OSError):
            os.unlink(lock_path(path))
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextlib.contextmanager
def _portable_lock(path: Path, wait: float) -> Iterator[None]:
    """The writer lock where there is no `flock`: filelock (msvcrt on Windows)."""
    import filelock

    lock = filelock.FileLock(str(lock_path(path)), thread_local=False)
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout:
        raise StoreError(
            f"another vntrade ingest is writing to {shown(path)}; wait for it to finish (or give "
            "--wait SECONDS), or ingest into another --db FILE."
        ) from None
    try:
        yield
    finally:
        lock.release()


def _acquire(path: Path, wait: float, on_wait: Callable[[str], None], fcntl) -> IO[str]:
    """The locked, open lock file: the one that is still at its path once locked."""
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            handle = open(lock_path(path), "a+", encoding="utf-8")  # noqa: SIM115 - held
        except OSError as error:
            if error.errno == errno.ENOSPC:  # no inode left for the lock file
                raise DiskFull(path.parent.absolute()) from None
            raise StoreError(f"cannot write to {shown(path)}: {error.strerror}.") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            holder = _read_holder(lock_path(path))
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"another vntrade ingest ({holder}) is writing to {shown(path)}; wait for it "
                    "to finish (or give --wait SECONDS), or ingest into another --db FILE."
                ) from None
            if not told:
                on_wait(f"waiting for another vntrade ingest ({holder}) on {shown(path)}...")
                told = True
            time.sleep(0.1)
            continue
        if _same_file(handle, lock_path(path)):
            return handle
        handle.close()  # the previous holder removed it as we locked it: lock the new one


def _same_file(handle: IO[str], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def writer_active(path: str | Path) -> bool:
    """Whether some process holds the writer lock of the store at `path` right now."""
    try:
        import fcntl
    except ImportError:
        return True  # cannot tell: assume the run goes on
    try:
        handle = open(lock_path(path), encoding="utf-8")  # noqa: SIM115
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def _read_holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "pid unknown"
    except OSError:
        return "pid unknown"
