"""One Doc's actor and commodity mentions, looked up by position, and who "he" or "the PM" is:
the pipeline's resolved reference (`doc.spans["vntrade_references"]`) where it has one."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import Any

from vntrade.folding import fold_key
from vntrade.nlp.events.clauses import clause_spans
from vntrade.nlp.events.groups import HOME_COUNTRY, home_first

SUBJECT_REACH = 30  # characters from a clause start within which a name is its subject
_ROLE_WORDS = r"(?:[A-Z][\w-]*|leader|minister|president|spokesperson|envoy|head|chief)"
ROLE_PHRASE = re.compile(rf"[Tt]he\s+(?P<role>(?:[A-Z][\w-]*\s+){{0,3}}{_ROLE_WORDS})\b")


class Mentions:
    """Actor and commodity mentions of one record, looked up by character range."""

    def __init__(
        self,
        record: dict[str, Any],
        sentences: list[tuple[int, int]],
        references: dict[int, str] | None = None,
    ) -> None:
        self.actors = sorted(
            (m["start"], m["end"], a["name"], a.get("type"))
            for a in record.get("actors", [])
            for m in a.get("mentions", [])
        )
        self.commodities = sorted(
            (m["start"], m["end"], c["name"])
            for c in record.get("commodities", [])
            for m in c.get("mentions", [])
        )
        self._actor_starts = [m[0] for m in self.actors]  # the mentions in a range, by bisection
        self._commodity_starts = [m[0] for m in self.commodities]
        self.types = {a["name"]: a.get("type") for a in record.get("actors", [])}
        self.roles = {
            a["name"]: a["role"]
            for a in record.get("actors", [])
            if a.get("type") == "PERSON" and a.get("role")
        }
        self.text = record.get("text") or ""
        self.sentences = sentences
        self.references = references or {}  # start of a pronoun or role phrase -> actor

    @functools.cached_property
    def _subjects(self) -> list[tuple[int, int, str, str | None]]:
        """The person mentions that open a clause (the clauses are cut at the first need)."""
        text = self.text
        starts = [c[0] for s in self.sentences for c in clause_spans(text, *s)]
        return [m for m in self.actors if m[3] == "PERSON" and _near_start(m[0], starts, text)]

    def main_countries(self, count: int = 2) -> list[str]:
        """The `count` countries the record names most: Vietnam first, as its press and the
        talks' name put it ("Vietnam–US talks"), then in order of first mention; an article
        naming one other country only is about Vietnam's dealings with it."""
        named = Counter(name for _, _, name, kind in self.actors if kind == "GPE")
        top = {name for name, _ in named.most_common(count)}
        if len(top) == count - 1 and HOME_COUNTRY not in top:
            top.add(HOME_COUNTRY)  # "talks with the US" in Vietnam's press: Vietnam's too
        if len(top) < count:
            return []
        found = [m[2] for m in self.actors if m[2] in top]
        return home_first(list(dict.fromkeys([*found, *top])))

    def actors_in(self, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
        first, last = _between(self._actor_starts, start, end)
        return [m for m in self.actors[first:last] if m[1] <= end]

    def commodities_in(self, start: int, end: int) -> list[str]:
        first, last = _between(self._commodity_starts, start, end)
        return list(dict.fromkeys(name for _, e, name in self.commodities[first:last] if e <= end))

    def person_before(self, position: int) -> str | None:
        """Who a clause-initial "he" or "she" at `position` is: the pipeline's reference, else
        the last person named as the subject of a clause before it, else the last named."""
        if position in self.references:
            return self.references[position]
        for found in (self._subjects, [m for m in self.actors if m[3] == "PERSON"]):
            before = [m for m in found if m[1] <= position]
            if before:
                return before[-1][2]
        return None

    def person_with_role(self, role: str, position: int) -> str | None:
        """The person whose role `role` names ("the PM", "the Prime Minister"): the pipeline's
        reference, else the holder of that role nearest before."""
        for start in (position, position + len("the ")):  # "the PM" or "PM"
            if start in self.references:
                return self.references[start]
        wanted = fold_key(role)
        matches = {
            name
            for name, full in self.roles.items()
            if wanted == fold_key(full)
            or wanted == _initials(full)
            or fold_key(full).endswith(wanted)
        }
        before = [m for m in self.actors if m[2] in matches and m[1] <= position]
        if before:
            return before[-1][2]
        return next(iter(matches)) if len(matches) == 1 else None


def _near_start(position: int, starts: list[int], text: str) -> bool:
    """Whether a mention opens its clause (after at most a title: "Prime Minister ...")."""
    return any(0 <= position - start <= SUBJECT_REACH and "," not in text[start:position]
               for start in starts)  # fmt: skip


def _initials(role: str) -> str:
    return "".join(word[0] for word in fold_key(role).split() if word not in ("of", "and", "the"))


def _between(starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The index range of the sorted `starts` from `start` to `end` (both included)."""
    return bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
