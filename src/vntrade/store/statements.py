"""The store's statements (who said what): one row per statement of a stored article, indexed
by speaker, so that `vntrade statements --speaker NAME` reads a few rows of a large store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from vntrade.folding import fold_key
from vntrade.periods import parse_period
from vntrade.store.base import StoreBase, guard
from vntrade.store.filters import StatementFilter

# `json.dumps(obj, ensure_ascii=False)`, without making an encoder for every row
_to_json = json.JSONEncoder(ensure_ascii=False).encode

STATEMENTS_SQL = """
CREATE TABLE IF NOT EXISTS statements (
    article TEXT NOT NULL,
    speaker_key TEXT,              -- the speaker, folded (canonical actor, or words as written)
    said_as TEXT,                  -- the source's words, folded (`pm`, `hang`), not a pronoun
    day TEXT,                      -- first day of the statement's date (ISO), if placed
    direct INTEGER NOT NULL,
    words TEXT NOT NULL,           -- content, folded (for --contains)
    data TEXT NOT NULL             -- JSON: the statement with its article's id and source
);
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker_key, day);
CREATE INDEX IF NOT EXISTS statements_said_as ON statements (said_as);
CREATE INDEX IF NOT EXISTS statements_article ON statements (article);
CREATE INDEX IF NOT EXISTS statements_day ON statements (day);
"""
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "his", "her", "its", "their"})


@dataclass(slots=True)
class StatementRow:
    """One statement of a stored article (see the `statements` table)."""

    article: str
    speaker_key: str | None
    said_as: str | None
    day: str | None
    direct: bool
    words: str
    data: str  # JSON


def statement_rows(record: dict[str, Any]) -> list[StatementRow]:
    """The statements of an extraction record as rows."""
    rows = []
    for statement in record.get("statements", []):
        data = {"article": record["id"], "source": record.get("source"), **statement}
        rows.append(
            StatementRow(
                article=record["id"],
                speaker_key=fold_key(statement["speaker"]) if statement.get("speaker") else None,
                said_as=_said_as(statement.get("speaker_text")),
                day=_first_day(statement.get("date") or record.get("published")),
                direct=bool(statement.get("direct")),
                words=fold_key(statement.get("text", "")),
                data=_to_json(data),
            )
        )
    return rows


class StatementTables(StoreBase):
    """The `statements` table of a `Store`."""

    def _write_statements(self, articles: Iterable[str], rows: list[StatementRow]) -> None:
        """Replace the statements of `articles` by `rows` (inside the caller's transaction)."""
        self._delete_in(articles, "DELETE FROM statements WHERE article IN ({ids})")
        self.conn.executemany(
            "INSERT INTO statements (article, speaker_key, said_as, day, direct, words, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (r.article, r.speaker_key, r.said_as, r.day, int(r.direct), r.words, r.data)
                for r in rows
            ],
        )

    @guard
    def speaker_keys(self, names: Iterable[str]) -> frozenset[str]:
        """The speaker keys `names` stand for: each name folded, the canonical actor of any
        alias or mention text the store knows (`Hằng` → `pham thu hang`), and the speakers of
        statements whose source was written so (`the PM`, `the foreign ministry
        spokesperson`)."""
        keys = set()
        stored = self._has_statements()  # a store from before statements has none
        for name in names:
            key = fold_key(name)
            keys.add(key)
            for alias in {key, key.removeprefix("the ")}:  # `the PM` is a mention `PM`
                for (canonical,) in self.conn.execute(
                    "SELECT name FROM name_aliases WHERE field = 'actors' AND alias = ?", (alias,)
                ):
                    keys.add(fold_key(canonical))
                if stored:
                    query = "SELECT DISTINCT speaker_key FROM statements WHERE said_as = ?"
                    keys.update(found for (found,) in self.conn.execute(query, (alias,)) if found)
        return frozenset(keys)

    @guard
    def statements(self, keep: StatementFilter) -> Iterator[dict[str, Any]]:
        """The statements `keep` keeps, by date then article, streamed."""
        if not self._has_statements():
            return
        where, params = keep.sql()
        query = f"SELECT data FROM statements{where} ORDER BY day, article, rowid"
        for (data,) in self._rows(query, params):
            yield json.loads(data)

    def _has_statements(self) -> bool:
        found = self._one(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'statements'"
        )
        return found is not None


def _said_as(text: str | None) -> str | None:
    """A source's words as a key, without a leading `the`; None for a pronoun."""
    key = fold_key(text or "").removeprefix("the ")
    return key if key and key not in PRONOUNS else None


def _first_day(value: str | None) -> str | None:
    """The first day of a date value's period (`2025-W12` → `2025-03-17`), None when not on
    the calendar (`XXXX-03-20`)."""
    period = parse_period(value) if value else None
    return period.start.isoformat() if period is not None and period.start else None
