"""The word lists behind the figure patterns (`data/figures/units.jsonl`, `measures.jsonl`):
units and scales, the cues that say what a figure measures, and the patterns built from them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from vntrade.nlp import jsonl
from vntrade.nlp.commodities.lexicon import phrase_key
from vntrade.nlp.dates.first_chars import with_first_chars
from vntrade.nlp.jsonl import Records, Tables

UNITS_FILE = "units.jsonl"
MEASURES_FILE = "measures.jsonl"
FILES = (UNITS_FILE, MEASURES_FILE)
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# `\b` + NUMBER, written to open with its first digit (the same matches: a digit with no
# word character before it, then the rest of either form), so that the regex engine skips
# straight to digits instead of trying every position.
WORD_START_NUMBER = r"\d(?<!\w\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"


@dataclass(frozen=True)
class Lexicon:
    """Units, scales and cues, with the regular expressions they make."""

    money: list[re.Pattern[str]]  # currency before or after the number
    rate: re.Pattern[str]  # a number with a percent or a measure unit after it
    units: dict[str, tuple[str, str]]  # lower-case form -> (unit, kind)
    currencies: dict[str, str]
    scales: dict[str, float]
    count_words: frozenset[str]
    invariant: frozenset[str]
    not_counted: frozenset[str]
    cues: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # -> (what, percent)
    changes: dict[str, str] = field(default_factory=dict)  # verb -> growth, decline
    value_words: frozenset[str] = frozenset()
    longest_cue: int = 1


def shipped_tables() -> Tables:
    """The shipped units and measure cues, by file name."""
    return jsonl.shipped_tables("figures", FILES)


def _alternation(forms: list[str]) -> str:
    """Forms longest first, so `metric tonnes` wins over `tonnes`; spaces match any space."""
    ordered = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in ordered)


def load_lexicon(tables: Mapping[str, Records]) -> Lexicon:
    """Units and measure cues from their tables (a fresh object per call)."""
    units: dict[str, tuple[str, str]] = {}
    currencies: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    scales: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for _, record in tables[UNITS_FILE]:
        kind = record["kind"]
        if kind == "scale":
            scales.update(dict.fromkeys(record["after"], float(record["value"])))
        elif kind == "currency":
            for form in [*record.get("before", []), *record.get("after", [])]:
                currencies[_key(form)] = record["unit"]
            before += record.get("before", [])
            after += record.get("after", [])
        elif kind in ("percent", "measure"):
            units.update((_key(form), (record["unit"], kind)) for form in record["after"])
        else:
            words.setdefault(kind, []).extend(record["after"])
    scale = _alternation(list(scales))
    money = [
        with_first_chars(  # the same matches, tried only where a currency can start
            re.compile(
                rf"(?<![\w$€])(?P<cur>{_alternation(before)})\s?(?P<num>{NUMBER})"
                rf"(?:\s*(?P<scale>{scale}))?\b",
                re.IGNORECASE,
            )
        ),
        re.compile(
            rf"(?P<num>{WORD_START_NUMBER})(?:\s*(?P<scale>{scale}))?\s*"
            rf"(?P<cur>{_alternation(after)})\b",
            re.IGNORECASE,
        ),
    ]
    rate = re.compile(
        rf"(?P<num>{WORD_START_NUMBER})(?:\s*(?P<scale>{scale}))?\s?"
        rf"(?P<unit>{_alternation(list(units))})"
        r"(?!\w)",
        re.IGNORECASE,
    )
    cues: dict[str, tuple[str, str | None]] = {}
    changes: dict[str, str] = {}
    value_words: set[str] = set()
    for _, record in tables[MEASURES_FILE]:
        keys = [phrase_key(cue) for cue in record["cues"]]
        if "measures" in record:
            cues.update(dict.fromkeys(keys, (record["measures"], record.get("percent"))))
        elif "change" in record:
            changes.update(dict.fromkeys(keys, record["change"]))
        else:
            value_words.update(keys)
    return Lexicon(
        money=money,
        rate=rate,
        units=units,
        currencies=currencies,
        scales={form.lower(): value for form, value in scales.items()},
        count_words=frozenset(words.get("count word", [])),
        invariant=frozenset(words.get("invariant", [])),
        not_counted=frozenset(words.get("not counted", [])),
        cues=cues,
        changes=changes,
        value_words=frozenset(value_words),
        longest_cue=max((len(key.split()) for key in cues), default=1),
    )


def _key(form: str) -> str:
    return " ".join(form.lower().split())
