"""Normalisers of durations, sets, clock times and vague references (TimeML values).

Durations: `90-day` -> P90D, `a decade` -> P10Y, `several days` -> PXD, `an hour` -> PT1H.
Sets (rates): `every week` -> P1W, `each Monday` -> XXXX-WXX-1, `annually` -> P1Y.
Times: `8 p.m.` -> the anchor day with T20. References: PRESENT_REF, PAST_REF, FUTURE_REF.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vntrade.nlp.dates.lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_FACTORS,
    UNITS,
    VAGUE_WORDS,
    WEEKDAYS,
    parse_number,
)
from vntrade.nlp.dates.normalise import Context, Match, Resolved, group, word

# "US$2 billion a year", "twice a week", "12 hours a day": a rate, i.e. a TimeML SET.
_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:per\s*cent|percent|billion|million|thousand|trillion|hundred|once|twice|"
    r"thrice|times|dollars?|dong|euros?|yuan|tonnes?|tons?|barrels?|kg|hours?|days?|shifts?|"
    r"units?|cases?)|(?-i:\b[A-Z]{3})|\d\s+[a-z]+(?:\s+[a-z]+)?)\s*$",
    re.IGNORECASE,
)
_ADVERB_UNITS = {
    "annually": "year", "yearly": "year", "annum": "year", "daily": "day", "weekly": "week",
    "monthly": "month", "quarterly": "quarter", "hourly": "hour", "nightly": "night",
}  # fmt: skip


def _unit(text: str) -> str:
    """The singular unit word: `centuries` -> `century`, `days` -> `day`."""
    text = text.lower()
    return "century" if text.startswith("centur") else text.rstrip("s")


def period(unit: str, amount: float | None) -> str:
    """The TimeML duration of `amount` units: P90D, PT2H, P10Y (a decade), PXM (vague)."""
    letter, is_time = UNITS[unit]
    if amount is not None:
        amount *= UNIT_FACTORS.get(unit, 1)
    if amount is None:
        number = "X"
    else:
        number = str(int(amount)) if amount == int(amount) else f"{amount:.2f}".rstrip("0")
    return f"P{'T' if is_time else ''}{number}{letter}"


def _amount(match: Match) -> float | None:
    """The number of units (None for vague quantities like `several`)."""
    quantity = " ".join(word(match, "qty").split())
    if not quantity or quantity in VAGUE_WORDS:
        return None
    if quantity in ("half a", "half an", "a half"):
        return 0.5
    amount = parse_number(quantity)
    if amount is not None and group(match, "half"):
        amount += 0.5  # "two and a half years"
    return amount


def duration(match: Match, ctx: Context) -> Resolved | None:
    """`90-day`, `a decade`, `almost seven years`, `several days`, `the past two years`."""
    unit = _unit(match.group("unit"))
    before = match.string[max(0, match.start() - 24) : match.start()]
    if word(match, "qty") in ("a", "an", "one") and _RATE_BEFORE.search(before):
        return Resolved(period(unit, 1), "set", "SET")
    amount = _amount(match)
    if amount is None and (reference := vague_reference(unit, word(match, "rel"))):
        return reference
    return Resolved(period(unit, amount), "duration", "DURATION")


def millennia(match: Match, ctx: Context) -> Resolved | None:
    """`two thousand years`, `a millennium` -> P2L, P1L."""
    quantity = word(match, "qty") or word(match, "qty2") or "one"
    amount = parse_number(quantity)
    if amount is None or amount != int(amount):
        return None
    return Resolved(f"P{int(amount)}L", "duration", "DURATION")


# Words before a vague number of quarters that make it a time before or after now: TimeML
# has no unit of a quarter, so `the past several quarters` can only be PAST_REF.
_BACK = ("past", "last", "previous", "recent", "preceding", "prior")
_AHEAD = ("next", "coming", "following", "upcoming", "remaining")


def vague_duration(match: Match, ctx: Context) -> Resolved:
    """`recent weeks`, `for years`, `the coming months` -> PXW, PXY, PXM; `recent days`
    and `recent quarters` -> PAST_REF."""
    unit = _unit(match.group("unit"))
    relation = word(match, "rel").split()[-1:] or [""]
    if relation[0] == "recent" and unit == "day":
        return Resolved("PAST_REF", "ref")
    return vague_reference(unit, relation[0]) or Resolved(
        period(unit, None), "duration", "DURATION"
    )


def vague_reference(unit: str, relation: str) -> Resolved | None:
    """Quarters without a number, before or after now: PAST_REF or FUTURE_REF."""
    if unit != "quarter":
        return None
    if relation in _BACK:
        return Resolved("PAST_REF", "ref")
    return Resolved("FUTURE_REF", "ref") if relation in _AHEAD else None


def rate(match: Match, ctx: Context) -> Resolved | None:
    """Sets: `every week` -> P1W, `every other month` -> P2M, `each Monday` -> XXXX-WXX-1."""
    name = word(match, "unit") or word(match, "unit2") or word(match, "unit3")
    name = _ADVERB_UNITS.get(name, name)
    name = name.removesuffix("s") if name.removesuffix("s") in WEEKDAYS else name
    if name in WEEKDAYS:  # `every Monday`, `on Mondays`
        return Resolved(f"XXXX-WXX-{WEEKDAYS[name]}", "set", "SET")
    if name in PARTS_OF_DAY:
        return Resolved(f"XXXX-XX-XXT{PARTS_OF_DAY[name]}", "set", "SET")
    if name in SEASONS:
        return Resolved(f"XXXX-{SEASONS[name]}", "set", "SET")
    if name in MONTHS:
        return Resolved(f"XXXX-{MONTHS[name]:02d}", "set", "SET")
    unit = _unit(name)
    quantity = word(match, "qty")
    if unit in UNITS and quantity in VAGUE_WORDS:  # `every few weeks`
        return Resolved(period(unit, None), "set", "SET")
    amount = parse_number(quantity) if quantity else 1.0
    if unit not in UNITS or amount is None:
        return None
    if group(match, "other"):
        amount *= 2
    return Resolved(period(unit, amount), "set", "SET")


def clock_time(match: Match, ctx: Context) -> Resolved | None:
    """`8 PM`, `10:30 a.m.`, `15:00 GMT`, `noon`: a TIME on the anchor day (or XXXX-XX-XX)."""
    if group(match, "word"):
        clock = PARTS_OF_DAY[word(match, "word")]
    else:
        hour = int(match.group("h"))
        meridiem = word(match, "ampm").replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        minutes = group(match, "m")
        clock = f"{hour:02d}:{minutes}" if minutes else f"{hour:02d}"
    anchor = ctx.anchor_day("day")
    day = anchor.isoformat() if anchor else "XXXX-XX-XX"
    zone = "Z" if word(match, "tz") == "utc" else ""  # ISO 8601 writes UTC as Z
    return Resolved(f"{day}T{clock}{zone}", "time", "TIME")


def reference(value: str) -> Callable[[Match, Context], Resolved]:
    """A normaliser giving every match the same reference value (PRESENT_REF, ...)."""

    def normalise(match: Match, ctx: Context) -> Resolved:
        return Resolved(value, "ref")

    normalise.__doc__ = f"Always {value}."
    return normalise
