"""What a store holds per article and what one ingest batch writes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from vntrade.records import EXTRACTION_KEYS, Article, LoadFailure
from vntrade.store.statements import StatementRow

ARTICLE_KEYS = tuple(Article.__dataclass_fields__)


def article_digest(fields: dict[str, Any]) -> str:
    """Hash of everything about an article that can change its record, except id and source.

    `fields` are the article's fields (an `Article.to_dict()` or a record). The source path is
    left out so that the same file reached by another path counts as unchanged.
    """
    kept = {key: fields.get(key) for key in ARTICLE_KEYS if key not in ("id", "source", "text")}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()[:32]


def split_record(record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split an extraction record into its article fields and its pipeline fields."""
    extraction = {key: record[key] for key in EXTRACTION_KEYS if key in record}
    article = {key: value for key, value in record.items() if key not in extraction}
    return article, extraction


@dataclass(slots=True)
class StoredRow:
    """One article's row as written by an ingest batch (fields in column order)."""

    id: str
    source: str
    sha256: str
    digest: str
    pipeline: str
    published: str | None
    reference_date: str | None
    article: str | None  # JSON
    extraction: str | None  # JSON
    part: str | None = None

    @classmethod
    def of(
        cls,
        article: dict[str, Any],
        extraction: str | None,
        *,
        digest: str,
        pipeline: str,
        reference_date: str | None,
        with_record: bool = True,
    ) -> StoredRow:
        """The row of an article (its `Article` fields) and its extraction (JSON); without
        `with_record`, the index row alone (the record lives in a Parquet dataset)."""
        return cls(
            id=article["id"],
            source=article["source"],
            sha256=article["sha256"],
            digest=digest,
            pipeline=pipeline,
            published=article.get("published"),
            reference_date=reference_date,
            article=json.dumps(article, ensure_ascii=False) if with_record else None,
            extraction=extraction if with_record else None,
        )


@dataclass(slots=True)
class Batch:
    """Everything one transaction writes: new/updated rows, failures, and bookkeeping."""

    rows: list[StoredRow] = field(default_factory=list)
    failures: list[LoadFailure] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)  # ids of unchanged articles
    sources: set[str] = field(default_factory=set)  # inputs read; their old failures go
    stale_parts: set[str] = field(default_factory=set)
    done_sources: list[SourceState] = field(default_factory=list)  # read whole, no failure
    skipped_sources: list[str] = field(default_factory=list)  # unchanged files, not read


@dataclass(slots=True)
class SourceState:
    """An input file as it was when read: unchanged size and mtime mean unchanged articles."""

    path: str
    size: int
    mtime_ns: int
    pipeline: str
    articles: int = 0


@dataclass(slots=True)
class Known:
    """What the store knows about an article id."""

    digest: str
    pipeline: str
    run: int
    part: str | None

    def unchanged(self, digest: str, pipeline: str) -> bool:
        """An article is unchanged when its content digest and the pipeline both match."""
        return self.digest == digest and self.pipeline == pipeline


@dataclass(slots=True)
class EventRow:
    """One event of a stored article (see the `events` table)."""

    article: str
    value: str
    start: str | None
    end: str | None
    kind: str
    lead: bool
    inferred: bool
    cluster: int | None
    data: str  # JSON
    actors: list[str] = field(default_factory=list)  # key actors, folded
    id: int | None = None  # given by the store when it writes the row


@dataclass(slots=True)
class EntryRow:
    """One timeline entry: the members of a cluster that give one day (or coarser value)."""

    sort_key: str
    start: str | None
    end: str | None
    kind: str
    entry: str  # JSON
    actors: list[str] = field(default_factory=list)
    commodities: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClusterRow:
    """One event cluster (see the `event_clusters` table) and its timeline entries."""

    id: int
    start: str | None
    end: str | None
    events: int
    leads: int
    first_article: str | None
    span_start: str | None
    profile: str | None  # JSON
    entries: list[EntryRow] = field(default_factory=list)


@dataclass(slots=True)
class NameRow:
    """An actor or commodity as one article gives it (see the `article_names` table)."""

    article: str
    field: str
    name: str
    type: str | None
    role: str | None
    aliases: str  # JSON list
    texts: str  # JSON list
    mentions: int
    directives: int
    published: str | None
    folded: list[str] = field(default_factory=list)  # name, aliases and texts, folded


@dataclass(slots=True)
class EventWrite:
    """What one batch changes in the events tables, written in the batch's transaction."""

    articles: list[str] = field(default_factory=list)  # whose earlier events and names go
    events: list[EventRow] = field(default_factory=list)
    clusters: list[ClusterRow] = field(default_factory=list)  # written whole
    dropped: list[int] = field(default_factory=list)  # clusters left empty
    names: list[NameRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    year_votes: str | None = None  # JSON, kept in `meta`
    merged: list[tuple[int, int]] = field(default_factory=list)  # (cluster, merged into)
    moved: list[tuple[str, str, int]] = field(default_factory=list)  # (article, value, cluster)
