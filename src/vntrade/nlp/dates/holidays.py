"""Holidays: on a fixed day (`Christmas`, `New Year's Eve 1999`) or on one that moves
(`Thanksgiving`, `Good Friday`, `Election Day`), in the year written or placed by the
verb's tense; their rule and normaliser, with examples the tests run.
"""

from __future__ import annotations

import datetime as dt

from vntrade.nlp.dates.calendar import day_value, year_for_month
from vntrade.nlp.dates.normalise import Context, Match, Resolved, group, word
from vntrade.nlp.dates.rule import YEAR, Example, rule

# Holidays on a fixed day: (month, day).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4),
}  # fmt: skip
_HOLIDAY = (
    r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|"
    r"Valentine['’]s\s+Day|Independence\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|"
    r"Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?(?!\s+Island)|Good\s+Friday)"
)

_HOLIDAY_TRIGGERS = (
    "christmas", "year", "halloween", "valentine", "independence", "thanksgiving", "labor",
    "memorial", "election", "easter", "good",
)  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (1 = Monday) of a month; nth = -1: the last one."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Holidays whose day moves: (usual month, the day in a given year). US holidays, as in
# American newswire.
MOVABLE_HOLIDAYS = {
    "thanksgiving": (11, lambda year: _nth_weekday(year, 11, 4, 4)),
    "thanksgiving day": (11, lambda year: _nth_weekday(year, 11, 4, 4)),
    "labor day": (9, lambda year: _nth_weekday(year, 9, 1, 1)),
    "memorial day": (5, lambda year: _nth_weekday(year, 5, 1, -1)),
    "easter": (4, _easter),
    "easter sunday": (4, _easter),
    "good friday": (4, lambda year: _easter(year) - dt.timedelta(days=2)),
    # the Tuesday after the first Monday of November
    "election day": (11, lambda year: _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)),
}


def holiday(match: Match, ctx: Context) -> Resolved | None:
    """`Christmas`, `New Year's Eve 1999`: the day, its year given or placed by tense."""
    name = " ".join(word(match, "holiday").replace("’", "'").split())
    month, day = HOLIDAYS.get(name) or (MOVABLE_HOLIDAYS[name][0], 0)
    if group(match, "year"):
        year: int | None = int(match["year"])
    elif ctx.anchor is not None:
        year = year_for_month(month, ctx.anchor, ctx.direction, ctx.shift)
    else:
        year = None
    if name in MOVABLE_HOLIDAYS:
        if year is None:
            return None  # no year, no day
        return Resolved(MOVABLE_HOLIDAYS[name][1](year).isoformat(), "day")
    value = day_value(year, month, day)
    return Resolved(value, "day") if value else None


HOLIDAY_RULES = (
    rule(
        "holiday",
        rf"{_HOLIDAY}(?:,?\s+(?P<year>{YEAR}))?(?![\w-])",
        holiday,
        tense=True,
        reach=(4, 24),
        triggers=_HOLIDAY_TRIGGERS,
        examples=(
            Example("Sales rose at Christmas.", "Christmas", "2024-12-25"),
            Example(
                "The rules take effect on New Year's Day 2026.", "New Year's Day 2026", "2026-01-01"
            ),
            Example(
                "Sales in the week after Thanksgiving were strong.",
                "Thanksgiving",
                "1989-11-23",
                "1989-12-29",
            ),
            Example("Congress returns after Labor Day.", "Labor Day", "1991-09-02", "1991-08-22"),
            Example("Markets were shut on Good Friday.", "Good Friday", "1998-04-10", "1998-04-14"),
            Example("The polls open on Election Day.", "Election Day", "1992-11-03", "1992-09-17"),
        ),
    ),
)
