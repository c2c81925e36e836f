"""Finding actors and commodities by any of their names, case- and diacritic-insensitively."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from vntrade.folding import fold_key as fold


class NameIndex:
    """Canonical names with every alias and mention text seen in the records."""

    def __init__(self) -> None:
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.types: dict[str, str | None] = {}

    @classmethod
    def of_actors(cls, records: Iterable[dict[str, Any]]) -> NameIndex:
        index = cls()
        for record in records:
            for actor in record.get("actors", []):
                texts = [*actor.get("aliases", []), *(m["text"] for m in actor.get("mentions", []))]
                index.add(actor["name"], texts, actor.get("type"))
        return index

    @classmethod
    def of_commodities(cls, records: Iterable[dict[str, Any]]) -> NameIndex:
        index = cls()
        for record in records:
            for commodity in record.get("commodities", []):
                texts = (m["text"] for m in commodity.get("mentions", []))
                index.add(commodity["name"], texts, commodity.get("category"))
        return index

    def add(self, name: str, aliases: Iterable[str], kind: str | None = None) -> None:
        self.aliases[name].update(fold(text) for text in (name, *aliases) if text)
        self.types.setdefault(name, kind)

    def match(self, query: str) -> set[str]:
        """Canonical names that `query` names: a name or alias, or words of a name ("Greer")."""
        wanted = fold(query).removeprefix("the ")
        exact = {name for name, aliases in self.aliases.items() if wanted in aliases}
        if exact or not wanted:
            return exact
        words = set(wanted.split())
        return {name for name in self.aliases if words <= set(fold(name).split())}
