"""What one ingest or import run did: counts and status, as a line or as JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vntrade.errors import as_text, shown

COUNTS = ("new", "updated", "unchanged", "failed")


@dataclass(slots=True)
class Summary:
    """What one ingest run did."""

    target: str
    kind: str = "db"  # "db" or "dataset"
    run: int | None = None
    status: str = "running"
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))

    @property
    def articles(self) -> int:
        return self.counts["new"] + self.counts["updated"] + self.counts["unchanged"]

    def line(self) -> str:
        c = self.counts
        return (
            f"ingested {self.articles:,} articles: {c['new']:,} new, {c['updated']:,} updated, "
            f"{c['unchanged']:,} unchanged, {c['failed']:,} failed "
            f"({self.kind}: {shown(self.target)})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            self.kind: as_text(self.target),
            "run": self.run,
            "status": self.status,
            "articles": self.articles,
            **self.counts,
        }
