"""Where a fact of the views is said in its article: the span of its evidence sentence.

The views give facts as names, values and sentences; the records keep the offsets of every
mention. This module only looks those offsets up, so that the page can highlight the sentence
in the article. It finds no fact of its own.
"""

from __future__ import annotations

import bisect
from typing import Any

from vntrade.events.text import sentence_spans
from vntrade.periods import with_year

Span = tuple[int, int]


class ArticleEvidence:
    """The sentence spans of one record's mentions, by the names and values views print."""

    def __init__(self, record: dict[str, Any], year: int | None) -> None:
        self.text: str = record.get("text") or ""
        self._spans = sentence_spans(self.text)
        self._starts = [start for start, _ in self._spans]
        self._at: dict[tuple[str, str], int] = {}
        for aspect in ("actors", "commodities"):
            for item in record.get(aspect, []):
                if item.get("mentions"):
                    self._at.setdefault((aspect, item["name"]), item["mentions"][0]["start"])
        for mention in record.get("dates", []):
            value = with_year(mention.get("value", ""), year)
            self._at.setdefault(("dates", value), mention["start"])
        self._directives = {
            d.get("action", ""): (d.get("start", 0), d.get("end", 0))
            for d in reversed(record.get("directives", []))
        }

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that holds character `offset`."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        start, end = self._spans[index]
        return (start, end) if offset < end else None

    def of_sentence(self, sentence: str) -> Span | None:
        """The span of a sentence a view quotes."""
        start = self.text.find(sentence) if sentence else -1
        return (start, start + len(sentence)) if start >= 0 else None

    def of_fact(self, aspect: str, fact: Any) -> Span | None:
        """The evidence sentence of a fact as `compare` gives it (a name, a value, a dict)."""
        if aspect == "directives":
            action = fact.get("action") if isinstance(fact, dict) else fact
            return self._directives.get(action or "")
        if aspect == "figures":
            found = self.text.find(fact["text"])
            return self.sentence_at(found) if found >= 0 else None
        offset = self._at.get((aspect, fact))
        return self.sentence_at(offset) if offset is not None else None
