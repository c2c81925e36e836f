"""Words of English temporal expressions and the regex fragments built from them."""

from __future__ import annotations

import re

from vntrade.periods import MONTHS

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}  # fmt: skip
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip
# TimeML parts of the day.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "noon": "12:00",
    "midday": "12:00", "midnight": "24:00",
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2,
    "couple of": 2,
}  # fmt: skip
# Vague quantities: TimeML writes their number as X ("several days" -> PXD).
VAGUE_WORDS = ("several", "a few", "few", "many", "some")
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1,
    "final": -1, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# Duration units -> (TimeML letter, needs the "T" time designator).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("M", False), "year": ("Y", False), "decade": ("Y", False),
    "century": ("Y", False),
}  # fmt: skip
# How many of the TimeML unit one of ours is (a decade is written P10Y, a fortnight P2W, a
# quarter P3M: ISO 8601 durations have no quarter unit).
UNIT_FACTORS = {"decade": 10, "century": 100, "fortnight": 2, "quarter": 3}
UNIT_PLURALS = {"century": "centuries"}


def alternation(words: list[str] | tuple[str, ...], *, dotted: bool = False) -> str:
    """A regex alternation of `words`, longest first; abbreviations may take a dot."""
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return f"(?:{body})" + (r"\.?" if dotted else "")


def capitalised(words: list[str] | tuple[str, ...]) -> list[str]:
    """The Capitalised and UPPER-CASE forms of lower-case words."""
    return [form for word in words for form in (word.capitalize(), word.upper())]


def unit_forms(units: list[str] | tuple[str, ...]) -> list[str]:
    """Singular and plural forms of unit words."""
    return [form for unit in units for form in (unit, UNIT_PLURALS.get(unit, unit + "s"))]


def parse_number(text: str) -> float | None:
    """The value of a quantity: digits (`90`, `1.5`), number words, or `twenty-five`."""
    text = " ".join(text.lower().replace(",", "").split())
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    parts = [part for part in re.split(r"[-\s]+", text) if part != "and"]
    if not all(part in NUMBER_WORDS for part in parts):
        return None
    total = 0
    for part in parts:  # "two hundred fifty": each `hundred` multiplies what came before
        total = max(total, 1) * 100 if part == "hundred" else total + NUMBER_WORDS[part]
    return float(total)


NUMBER = alternation(list(NUMBER_WORDS))
_DIGIT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORD = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_BELOW_HUNDRED = (
    rf"(?:{_TENS_WORD}[-\s]{_DIGIT_WORD}|{_TENS_WORD}|ten|eleven|twelve|(?:thir|four|fif|six|"
    rf"seven|eigh|nine)teen|{_DIGIT_WORD})"
)
# "two hundred", "a hundred and fifty", "three hundred twenty-five"
_HUNDREDS = rf"(?:(?:a|one|{_DIGIT_WORD})\s+hundred(?:\s+(?:and\s+)?{_BELOW_HUNDRED}(?![\w-]))?)"
NUMBER_RE = (
    rf"(?:\d+(?:\.\d+)?|{_HUNDREDS}|{_TENS_WORD}"
    rf"[-\s]{_DIGIT_WORD}|{NUMBER})"
)
MONTH_RE = alternation(capitalised(list(MONTHS)), dotted=True)
WEEKDAY_RE = alternation(capitalised(list(WEEKDAYS)))
SEASON_RE = alternation(list(SEASONS) + capitalised(list(SEASONS)))
PART_OF_DAY_RE = alternation(["morning", "afternoon", "evening", "night"])
VAGUE_RE = alternation(list(VAGUE_WORDS))
UNIT_RE = alternation(unit_forms(list(UNITS)))
