"""`vntrade db stats`: counts and dates that describe what a store holds."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from vntrade.store.base import StoreBase, guard
from vntrade.store.lock import writer_active


class StoreStats(StoreBase):
    """`vntrade db stats` of a `Store`."""

    @guard
    def stats(self, pipeline: str | None = None) -> dict[str, Any]:
        """Counts and dates that describe what the store holds."""
        one = self.conn.execute
        articles, words = one(
            "SELECT count(*), coalesce(sum(json_extract(article, '$.words')), 0) FROM articles"
        ).fetchone()
        first, last = one(
            "SELECT min(coalesce(published, reference_date)),"
            " max(coalesce(published, reference_date)) FROM articles"
        ).fetchone()
        pipelines = dict(one("SELECT pipeline, count(*) FROM articles GROUP BY pipeline"))
        agencies = dict(
            one(
                "SELECT coalesce(json_extract(article, '$.agency'), 'unknown'), count(*)"
                " FROM articles WHERE article IS NOT NULL GROUP BY 1 ORDER BY 2 DESC"
            )
        )
        last_run = one(
            "SELECT run, started_at, finished_at, status, new, updated, unchanged, failed"
            " FROM runs ORDER BY run DESC LIMIT 1"
        ).fetchone()
        failures = [
            {"source": s, "line": line, "article": a, "reason": r, "at": at}
            for s, line, a, r, at in one(
                "SELECT source, line, article, reason, at FROM failures ORDER BY rowid"
            )
        ]
        stats: dict[str, Any] = {
            "db": str(self.path),
            "bytes": _file_size(self.path),
            "schema_version": int(self.meta("schema_version") or 0),
            "articles": articles,
            "words": words,
            "first_date": first,
            "last_date": last,
            "agencies": agencies,
            "pipelines": pipelines,
            "current_pipeline": pipeline,
            "stale": sum(n for p, n in pipelines.items() if p != pipeline) if pipeline else None,
            "failures": failures,
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "event_clusters": one("SELECT count(*) FROM event_clusters").fetchone()[0],
            "events_state": self.meta("events"),
            # articles the timeline and compare cannot place: no event of theirs leads
            "without_lead": one(
                "SELECT count(*) FROM articles a WHERE a.article IS NOT NULL AND NOT EXISTS"
                " (SELECT 1 FROM events e WHERE e.article = a.id AND e.lead)"
            ).fetchone()[0],
            "last_run": None,
        }
        if last_run:
            keys = ("run", "started_at", "finished_at", "status")
            keys += ("new", "updated", "unchanged", "failed")
            stats["last_run"] = dict(zip(keys, last_run, strict=True))
            if last_run[3] == "running" and not writer_active(self.path):
                stats["last_run"]["status"] = "interrupted"  # its process is gone
        return stats


def _file_size(path: Path) -> int:
    """Bytes on disk, WAL included."""
    total = 0
    for suffix in ("", "-wal"):
        with contextlib.suppress(OSError):
            total += os.stat(f"{path}{suffix}").st_size
    return total
