"""Figures in an article's text: money amounts, percentages and counts, with what they measure.

A light regex reading of the clean text (records carry no parse): enough to tell two reports
of one event apart when they give different numbers for the same quantity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vntrade.events.text import content_words, sentence_spans, stem, word_set
from vntrade.nlp.dates.lexicon import NUMBER_WORDS

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"trillion|billion|million|thousand|tn|bn|mn|mln|m|k"
_SCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
           "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}  # fmt: skip
_CURRENCIES = {"us$": "USD", "usd": "USD", "$": "USD", "us dollars": "USD", "dollars": "USD",
               "vnd": "VND", "vnđ": "VND", "dong": "VND", "€": "EUR", "eur": "EUR"}  # fmt: skip
# Words that count things in a figure: two to twelve, and a dozen (the tagger's number words).
_COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if 2 <= n <= 12 and " " not in w}
_PATTERNS = (
    ("money", re.compile(
        rf"(?P<cur>US\$|USD|\$|VNĐ|VND|€|EUR)\s?(?P<num>{_NUMBER})\s*(?P<scale>{_SCALE})?\b",
        re.IGNORECASE)),
    ("money", re.compile(
        rf"\b(?P<num>{_NUMBER})\s*(?P<scale>{_SCALE})?\s*"
        r"(?P<cur>USD|US dollars|dollars|VNĐ|VND|dong)\b",
        re.IGNORECASE)),
    ("percent", re.compile(
        rf"\b(?P<num>{_NUMBER})\s?(?P<unit>%|per\s?cent\b|percent\b|percentage\s+points?\b)",
        re.IGNORECASE)),
    ("count", re.compile(
        rf"(?<![Tt]he\s)(?<![Bb]oth\s)\b(?P<num>{_NUMBER}|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|dozen)\s+(?P<noun>(?:[A-Za-z][\w-]*\s+){0,3}?(?:[a-z][\w-]*s|"
        r"aircraft|people|personnel|staff|cattle|livestock|fish|sheep|children|men|women))\b")),
)  # fmt: skip
# Words that surround many figures without saying what they measure.
_GENERIC = frozenset(
    stem(word)
    for word in word_set(
        """total value approximately approximate about nearly around some worth reach
    reached amount figure estimated roughly almost over more less least than rise rose increase
    increased fell fall grow grew growth year month week percent billion million trillion
    thousand usd vnd dollar dong last first this next major vietnam vietnamese viet nam
    american america united states country"""
    )
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit, and the words that say what it measures."""

    text: str
    value: float
    unit: str  # USD, VND, EUR, %, or "count"
    quantity: str
    keys: frozenset[str]
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "quantity": self.quantity,
        }

    def same_quantity(self, other: Figure) -> bool:
        """Whether both figures measure one thing (same unit, shared telling words)."""
        return self.unit == other.unit and bool(self.keys & other.keys)

    def same_value(self, other: Figure) -> bool:
        return abs(self.value - other.value) <= 0.01 * max(abs(self.value), abs(other.value))


def find_figures(record: dict[str, Any]) -> list[Figure]:
    """Every money amount, percentage and count in the record's text (not dates or years)."""
    text = record.get("text") or ""
    dated = [(d["start"], d["end"]) for d in record.get("dates", [])]
    figures: list[Figure] = []
    for start, end in sentence_spans(text):
        taken = list(dated)
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text, start, end):
                if any(a < match.end() and match.start() < b for a, b in taken):
                    continue
                figure = _figure(kind, match, text, (start, end))
                if figure:
                    taken.append(match.span())
                    figures.append(figure)
    return figures


def _figure(kind: str, match: re.Match[str], text: str, sentence: tuple[int, int]) -> Figure | None:
    raw = match["num"].lower()
    number = _COUNT_WORDS.get(raw) or float(raw.replace(",", ""))
    if kind == "count":
        if 1900 <= number <= 2100 and "." not in raw:
            return None  # a year, not a count
        noun = match["noun"]
        keys = frozenset({stem(noun.split()[-1])})
        return Figure(match.group(), number, "count", noun, keys, text[slice(*sentence)])
    scale = (match.groupdict().get("scale") or "").lower()
    number *= _SCALES.get(scale, 1)
    unit = "%" if kind == "percent" else _CURRENCIES.get(match["cur"].lower(), match["cur"].upper())
    before = text[sentence[0] : match.start()].split()[-8:]
    after = text[match.end() : sentence[1]].split()[:4]
    context = [*before, *after]
    keys = frozenset(content_words(" ".join(context)) - _GENERIC)
    quantity = " ".join(dict.fromkeys(w.strip(",.;:") for w in context if content_words(w) & keys))
    return Figure(match.group(), number, unit, quantity, keys, text[slice(*sentence)])
