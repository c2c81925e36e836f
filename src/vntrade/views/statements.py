"""Who said what: the statements of a store, by speaker (any alias), date and words."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from vntrade.periods import Period
from vntrade.store import Store
from vntrade.store import statements as tables

# Every field of a statement row (the data formats); the table shows the short ones.
STATEMENT_COLUMNS = (
    "date", "speaker", "direct", "cue", "text", "speaker_text", "unnamed", "article", "source",
    "start", "end", "sentence_start", "sentence_end",
)  # fmt: skip


def statement_filter(
    store: Store,
    speakers: Iterable[str] = (),
    since: Period | None = None,
    until: Period | None = None,
    words: Iterable[str] = (),
) -> tables.StatementFilter:
    """The filter of a `statements` query: speakers by any alias the store knows (`Hằng`,
    `the spokesperson`: the actor they name), statements said within [since, until]."""
    names = list(speakers)
    with store.guarded():
        keys = tables.speaker_keys(store.conn, names) if names else None
    return tables.StatementFilter(
        speakers=keys,
        since=since.start.isoformat() if since and since.start else None,
        before=until.end.isoformat() if until and until.end else None,
        words=tuple(word for text in words for word in text.split()),
    )


def statement_rows(store: Store, keep: tables.StatementFilter) -> Iterator[dict[str, Any]]:
    """The statements `keep` keeps, by date, streamed as rows of `STATEMENT_COLUMNS`."""
    with store.guarded():
        for data in tables.statements_of(store.conn, keep):
            statement = json.loads(data)
            yield {name: statement.get(name) for name in STATEMENT_COLUMNS}
