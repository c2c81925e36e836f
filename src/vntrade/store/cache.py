"""The extraction cache of commands given paths: pipeline results keyed by article and pipeline.

Lives in the user's cache directory (`$VNTRADE_CACHE_DIR` overrides). A key is the article's
digest (text and metadata, not its path) plus the pipeline fingerprint, so a cached result is
reused wherever the same article turns up and is never reused by another pipeline version.
The cache is an optimisation only: when it cannot be used, commands warn once and go on.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

from vntrade.errors import shown
from vntrade.store import connect, transaction

FILE_NAME = "extractions.db"
BUSY_TIMEOUT = 5.0
# Results of other pipeline versions are kept a while (switching models back and forth).
KEEP_OTHER_PIPELINES = 7 * 24 * 3600

_SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    digest TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    extraction TEXT NOT NULL,
    reference_date TEXT,
    created_at REAL NOT NULL,
    PRIMARY KEY (digest, pipeline)
) WITHOUT ROWID;
"""


def cache_dir() -> Path:
    """Where the cache lives: $VNTRADE_CACHE_DIR, else the platform's user cache directory."""
    configured = os.environ.get("VNTRADE_CACHE_DIR")
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("vntrade"))


class Cache:
    """Cached extraction results for one pipeline fingerprint."""

    def __init__(self, conn: sqlite3.Connection, fingerprint: str) -> None:
        self.conn: sqlite3.Connection | None = conn
        self.fingerprint = fingerprint
        self.pruned = False

    @classmethod
    def open(cls, fingerprint: str) -> Cache | None:
        """The cache, or None (after a warning) when it cannot be opened."""
        path = cache_dir() / FILE_NAME
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = connect(path, timeout=BUSY_TIMEOUT)
            conn.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            _disabled(path, error)
            return None
        return cls(conn, fingerprint)

    def lookup(self, digests: list[str]) -> dict[str, tuple[str, str | None]]:
        """{digest: (extraction JSON, reference date)} for the digests the cache holds."""
        if self.conn is None or not digests:
            return {}
        marks = ",".join("?" * len(digests))
        query = (
            "SELECT digest, extraction, reference_date FROM results"
            f" WHERE pipeline = ? AND digest IN ({marks})"
        )
        try:
            rows = self.conn.execute(query, [self.fingerprint, *digests]).fetchall()
        except sqlite3.Error as error:
            self._fail(error)
            return {}
        return {digest: (extraction, reference) for digest, extraction, reference in rows}

    def save(self, results: list[tuple[str, str, str | None]]) -> None:
        """Store (digest, extraction JSON, reference date) results in one transaction."""
        if self.conn is None or not results:
            return
        stamp = time.time()
        try:
            with transaction(self.conn):
                if not self.pruned:
                    self.conn.execute(
                        "DELETE FROM results WHERE pipeline != ? AND created_at < ?",
                        (self.fingerprint, stamp - KEEP_OTHER_PIPELINES),
                    )
                    self.pruned = True
                self.conn.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)",
                    [(d, self.fingerprint, e, r, stamp) for d, e, r in results],
                )
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def _fail(self, error: sqlite3.Error) -> None:
        _disabled(cache_dir() / FILE_NAME, error)
        self.close()


def _disabled(path: Path, error: Exception) -> None:
    logging.getLogger("vntrade").warning(
        f"cache {shown(path)} unavailable ({error}); going on without it (--no-cache skips it)."
    )
