"""What a view asks the store for, as objects the store turns into SQL (as datasette's
`Filters`): the callers describe the rows they want, only the store writes the query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vntrade.folding import fold_key
from vntrade.store.base import marks


@dataclass(slots=True)
class EntryFilter:
    """What `timeline` keeps: entries overlapping [since, until) (ISO days), naming one of
    the actors and commodities (canonical names), of one of the kinds. None keeps all."""

    since: str | None = None
    until: str | None = None
    actors: set[str] | None = None
    commodities: set[str] | None = None
    kinds: set[str] | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause over `timeline_entries t` and its parameters."""
        where, params = [], []
        if self.since:
            where.append("t.end > ?")
            params.append(self.since)
        if self.until:
            where.append("t.start < ?")
            params.append(self.until)
        if self.kinds:
            kinds = sorted(self.kinds)
            where.append(f"t.kind IN ({marks(kinds)})")
            params += kinds
        for field in ("actors", "commodities"):
            names = getattr(self, field)
            if names is not None:
                names = sorted(names)
                where.append(
                    f"t.id IN (SELECT entry FROM entry_names WHERE field = '{field}'"
                    f" AND name IN ({marks(names)}))"
                )
                params += names
        return (" WHERE " + " AND ".join(where) if where else ""), params


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Which statements a query keeps: speakers (folded keys), a date range (ISO days, first
    day and the day after), words the content must all contain. None keeps all."""

    speakers: frozenset[str] | None = None
    since: str | None = None
    before: str | None = None
    words: tuple[str, ...] = ()

    def sql(self) -> tuple[str, list[Any]]:
        where, params = [], []
        if self.speakers is not None:
            keys = sorted(self.speakers)
            where.append(f"speaker_key IN ({', '.join('?' * len(keys))})" if keys else "0")
            params += keys
        if self.since is not None:
            where.append("day >= ?")
            params.append(self.since)
        if self.before is not None:
            where.append("day < ?")
            params.append(self.before)
        for word in self.words:
            where.append("instr(words, ?) > 0")
            params.append(fold_key(word))
        return (" WHERE " + " AND ".join(where) if where else ""), params
