"""Worker processes that end when the process that started them is gone, even by SIGKILL.

A driver killed with SIGKILL cannot stop its workers, and a pool's forkserver and resource
tracker live as long as the workers do. So each worker watches the driver: on Linux the
kernel signals it when its parent dies (`PR_SET_PDEATHSIG`), and on every system a small
thread checks once a second that the driver is still alive.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
CHECK_SECONDS = 1.0


def exit_with_driver(driver: int) -> None:
    """End this process (at once, with no clean-up) as soon as process `driver` is gone."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    watcher = threading.Thread(target=_watch, args=(driver,), name="vntrade-driver", daemon=True)
    watcher.start()


def _watch(driver: int) -> None:
    while alive(driver):
        time.sleep(CHECK_SECONDS)
    os._exit(1)


def alive(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie waiting to be reaped."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True
