"""Figures an article states: money amounts, percentages, counts and measured quantities.

`find_figures(doc)` works on a Doc processed by vntrade's pipeline (it needs the parse and
the model's entities). `vntrade compare` uses it to show the figures each report gives and
to flag different figures for the same quantity.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from vntrade.nlp.commodities.patterns import normal_form

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trln": 1e12,
    "tn": 1e12,
}
_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)  # fmt: skip
_TENS = ("thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_NUMBERS = {word: float(value) for value, word in enumerate(_UNITS)}
WORD_NUMBERS |= {word: float(30 + 10 * k) for k, word in enumerate(_TENS)}
WORD_NUMBERS |= {"dozen": 12.0, "a": 1.0, "half": 0.5}
CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD",
    "us dollar": "USD", "dollar": "USD", "vnd": "VND", "vnđ": "VND", "đ": "VND",
    "dong": "VND", "đồng": "VND", "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY",
    "cny": "CNY", "rmb": "CNY", "s$": "SGD", "sgd": "SGD",
}  # fmt: skip
QUALIFIERS = (
    "approximately", "about", "around", "nearly", "almost", "over", "more than", "less than",
    "at least", "up to", "some", "roughly", "under", "above", "below", "close to", "only",
)  # fmt: skip
# Nouns that name a measure rather than the thing measured (`a total value of $90 billion`).
MEASURE_WORDS = frozenset(
    {"value", "total", "worth", "amount", "sum", "figure", "level", "number", "record", "rate"}
)
NAME_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "TIME"})

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|mln|bln|trln|mn|bn|tn|[kmb])\b"
_PREFIX = r"US\$|S\$|USD|VNĐ|VND|EUR|GBP|JPY|CNY|RMB|SGD|[$€£¥]"
_SUFFIX = r"US\s+dollars?|dollars?|USD|VNĐ|VND|đồng|dong|đ|EUR|euros?|yen|yuan|CNY|RMB|SGD"
MONEY_RE = re.compile(
    rf"(?:(?P<cur>{_PREFIX})\s?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?)"
    rf"|(?:\b(?P<num2>{_NUMBER})(?:\s?(?P<scale2>{_SCALE}))?\s?(?P<cur2>{_SUFFIX})\b)"
)
PERCENT_RE = re.compile(
    rf"\b(?P<num>{_NUMBER})\s?(?P<unit>%|percentage points?\b|per\s?cent\b|pct\b)"
)
QUALIFIER_RE = re.compile(
    r"(?:" + "|".join(q.replace(" ", r"\s+") for q in QUALIFIERS) + r")\s+$", re.IGNORECASE
)


def find_figures(doc: Doc) -> list[dict[str, Any]]:
    """Money amounts, percentages, counts and quantities stated in `doc`, in text order.

    Each figure: text, start, end (character offsets), kind (money, percent, count,
    quantity), value (a float), unit, quantity (the noun it measures, or None), qualifier.
    """
    figures: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: str, value: float | None, unit: str | None) -> None:
        if value is None or any(start < e and s < end for s, e in taken):
            return
        span = doc.char_span(start, end, alignment_mode="expand")
        taken.append((start, end))
        figures.append(
            {
                "text": doc.text[start:end],
                "start": start,
                "end": end,
                "kind": kind,
                "value": value,
                "unit": unit,
                "quantity": measured_noun(span) if span is not None else None,
                "qualifier": _qualifier(doc.text, start),
            }
        )

    for match in MONEY_RE.finditer(doc.text):
        number = match.group("num") or match.group("num2")
        scale = match.group("scale") or match.group("scale2")
        currency = (match.group("cur") or match.group("cur2") or "").lower()
        unit = CURRENCIES.get(re.sub(r"\s+", " ", currency), currency.upper())
        add(match.start(), match.end(), "money", _scaled(number, scale), unit)
    for match in PERCENT_RE.finditer(doc.text):
        points = match.group("unit").startswith("percentage")
        unit = "percentage points" if points else "%"
        add(match.start(), match.end(), "percent", parse_number(match.group("num")), unit)
    for ent in doc.ents:
        _add_entity(ent, add)
    return sorted(figures, key=lambda figure: figure["start"])


def _add_entity(ent: Span, add: Any) -> None:
    """Figures the regexes miss: amounts in words, counts of things, measured quantities."""
    tokens = [t for t in ent if t.lower_ not in QUALIFIERS and t.lower_ not in ("more", "than")]
    if not tokens:
        return
    start, end = tokens[0].idx, ent.end_char
    if ent.label_ in ("MONEY", "PERCENT"):
        kind = "money" if ent.label_ == "MONEY" else "percent"
        unit = "%" if kind == "percent" else _entity_currency(ent)
        add(start, end, kind, parse_number(_number_text(tokens)), unit)
    elif ent.label_ == "QUANTITY":
        unit_token = tokens[-1]
        unit = unit_token.text if not unit_token.like_num else None
        add(start, end, "quantity", parse_number(_number_text(tokens)), unit)
    elif ent.label_ == "CARDINAL":
        root = ent.root
        counted = root.head if root.dep_ in ("nummod", "quantmod") else None
        if counted is not None and counted.pos_ == "NOUN" and counted.i >= ent.end:
            add(start, end, "count", parse_number(_number_text(tokens)), None)


def _number_text(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens if t.like_num or t.lower_ in SCALES)


def _entity_currency(ent: Span) -> str | None:
    for token in ent:
        unit = CURRENCIES.get(token.lower_)
        if unit:
            return unit
    return None


def _scaled(number: str, scale: str | None) -> float | None:
    value = parse_number(number)
    if value is None:
        return None
    return value * SCALES.get((scale or "").lower(), 1.0)


def parse_number(text: str) -> float | None:
    """`90.3` → 90.3, `1,200` → 1200, `2.4 million` → 2.4e6, `sixty` → 60; else None."""
    total: float | None = None
    for word in text.lower().replace("-", " ").split():
        word = word.strip(",")
        if word in SCALES and total is not None:
            total *= SCALES[word]
        elif re.fullmatch(_NUMBER, word):
            total = (total or 0.0) + float(word.replace(",", ""))
        elif word in WORD_NUMBERS:
            total = (total or 0.0) + WORD_NUMBERS[word]
    return total


def _qualifier(text: str, start: int) -> str | None:
    match = QUALIFIER_RE.search(text, max(0, start - 20), start)
    return " ".join(match.group(0).lower().split()) if match else None


def measured_noun(span: Span) -> str | None:
    """The noun a figure measures: `exports` in `exports rose 20%` or `exports of $2 billion`."""
    of_object = _of_object(span.root)
    if of_object is not None and normal_form(span.root.text) not in SCALES:
        return of_object.lower_  # `2.4 million tonnes of rice`
    for ancestor in span.root.ancestors:
        if ancestor.i in range(span.start, span.end):
            continue
        if ancestor.pos_ in ("VERB", "AUX"):
            return _subject(ancestor, span)
        if ancestor.pos_ in ("NOUN", "PROPN") and ancestor.ent_type_ not in NAME_LABELS:
            if ancestor.lower_ not in MEASURE_WORDS:
                return ancestor.lower_
            inner = _of_object(ancestor)
            if inner is not None and inner.i not in range(span.start, span.end):
                return inner.lower_  # `the value of exports reached $2 billion`
    return None


def _subject(verb: Token, figure: Span) -> str | None:
    """The noun subject of the verb a figure depends on (`exports rose 20%`), if not the figure."""
    for child in verb.children:
        if child.i in range(figure.start, figure.end):
            continue
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
            if child.ent_type_ in NAME_LABELS:
                return None  # `Vietnam exported US$2 billion`: no measured noun
            if child.lower_ in MEASURE_WORDS:
                inner = _of_object(child)
                return inner.lower_ if inner is not None else child.lower_
            return child.lower_
    return None


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in ("NOUN", "PROPN"):
                    return grandchild
    return None
