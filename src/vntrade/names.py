"""Finding actors and commodities by any of their names, case- and diacritic-insensitively."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from vntrade.folding import fold_key


class NameIndex:
    """Canonical names with every alias and mention text seen in the records."""

    def __init__(self) -> None:
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.types: dict[str, str | None] = {}
        self._lookup: tuple[dict[str, set[str]], dict[str, set[str]]] | None = None

    @classmethod
    def of_actors(cls, records: Iterable[dict[str, Any]]) -> NameIndex:
        index = cls()
        for record in records:
            for actor in record.get("actors", []):
                texts = [*actor.get("aliases", []), *(m["text"] for m in actor.get("mentions", []))]
                index.add(actor["name"], texts, actor.get("type"))
        return index

    def add(self, name: str, aliases: Iterable[str], kind: str | None = None) -> None:
        self.aliases[name].update(fold_key(text) for text in (name, *aliases) if text)
        self.types.setdefault(name, kind)
        self._lookup = None

    def match(self, query: str) -> set[str]:
        """Canonical names that `query` names: a name or alias, or words of a name ("Greer")."""
        by_alias, by_word = self._indexes()
        wanted = fold_key(query).removeprefix("the ")
        exact = set(by_alias.get(wanted, ()))
        if exact or not wanted:
            return exact
        found: set[str] | None = None
        for word in set(wanted.split()):
            found = by_word.get(word, set()) & found if found is not None else by_word.get(word)
            if not found:
                return set()
        return set(found or ())

    def _indexes(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        """Alias -> names and name word -> names, made once after the last `add`."""
        if self._lookup is None:
            by_alias: dict[str, set[str]] = defaultdict(set)
            by_word: dict[str, set[str]] = defaultdict(set)
            for name, aliases in self.aliases.items():
                for alias in aliases:
                    by_alias[alias].add(name)
                for word in fold_key(name).split():
                    by_word[word].add(name)
            self._lookup = (dict(by_alias), dict(by_word))
        return self._lookup
