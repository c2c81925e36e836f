"""Normalisers of calendar expressions: from a regex match to its TimeML value.

Each takes the match and a `Context` (anchor, verb tense) and returns a `Resolved` value,
or None when the expression cannot be a date. Conventions: a period in a deadline
(`by the end of June`) takes the value of the whole period (`2025-06`); a day or month
named without a year is placed around the anchor by the verb's tense; what the anchor
cannot resolve keeps TimeML's X placeholders (`XXXX-04-22`, `2025-WXX`). Here: what every
normaliser shares (`Resolved`, `Context`, the match helpers) and the normalisers of days,
months, years, decades and centuries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from vntrade.nlp.dates.calendar import FUTURE, PAST, Anchor, day_value, month_value, year_for_month
from vntrade.nlp.dates.guards import contract_after, figures_after
from vntrade.nlp.dates.lexicon import MONTH_RE, MONTHS

Match = re.Match[str]


@dataclass(frozen=True, slots=True)
class Resolved:
    """A normalised value, its granularity (`kind`) and TIMEX3 type."""

    value: str
    kind: str
    timex_type: str = "DATE"


@dataclass(slots=True)
class Context:
    """What a normaliser may use besides the text: the anchor and the governing verb's tense.

    `shift` is False when the anchor was inferred from the article's own dates: a yearless
    date then simply takes the inferred year. `previous` is the last explicit date before
    the expression, for narrative references (`the following year`).
    """

    anchor: Anchor | None
    direction: str | None = None
    shift: bool = True
    previous: Anchor | None = None
    # Without any year in the article, the month its yearless dates point to (`July 8`
    # makes `this month` XXXX-07); None when there is an anchor or no such date.
    yearless_month: int | None = None
    # The last date mentioned up to three sentences back, and how many sentences back:
    # what `a year earlier` compares with (`third-quarter profit ... a year earlier`).
    compared: Resolved | None = None
    compared_gap: int = 0
    # Whether the text says `today`: then a weekday never names the anchor's own day.
    today_named: bool = False
    # The last quarter the text named, however far back: in a quarterly report, what a
    # comparison compares with when no period was named near it.
    last_quarter: Resolved | None = None
    # The first quarter the text named: in a quarterly report, the quarter it reports.
    reported_quarter: Resolved | None = None

    def anchor_day(self, precision: str) -> dt.date | None:
        """The anchor's day, if the anchor is known to at least `precision`."""
        if self.anchor is None or not self.anchor.knows(precision):
            return None
        return self.anchor.day

    def narrative_day(self, precision: str) -> dt.date | None:
        """The last explicit date's day if known to `precision`, else the anchor's."""
        if self.previous is not None and self.previous.knows(precision):
            return self.previous.day
        return self.anchor_day(precision)


def group(match: Match, name: str) -> str | None:
    """A named group's text, or None when absent or not in this rule's pattern."""
    return match.groupdict().get(name)


def word(match: Match, name: str) -> str:
    """A named group's text in lower case ("" when absent)."""
    return (group(match, name) or "").lower()


def relation_word(match: Match) -> str:
    """The last word of the `rel` group: `the coming` -> `coming`."""
    words = word(match, "rel").split()
    return words[-1] if words else ""


def _year_for(match: Match, ctx: Context, month: int) -> int | None:
    """The explicit year, else the anchor's moved by tense, else None (unknown)."""
    if group(match, "year"):
        return int(group(match, "year"))
    if ctx.anchor is None:
        return None
    return year_for_month(month, ctx.anchor, ctx.direction, ctx.shift)


def day_number(text: str) -> int:
    """The day of `29`, `2nd`, `11th`."""
    return int(text.rstrip("stndrhSTNDRH"))


def month_day(match: Match, ctx: Context) -> Resolved | None:
    """`April 29`, `29 April 2025`, `Thursday, March 20`, `April 2nd`."""
    month = MONTHS[word(match, "month").rstrip(".")]
    value = day_value(_year_for(match, ctx, month), month, day_number(match.group("day")))
    return Resolved(value, "day") if value else None


# `May 19 to` / `May 19-`: a range's month and first day, written before its second day.
_RANGE_START = re.compile(
    rf"(?P<month>{MONTH_RE})\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    r"\s*(?:-|–|to|and|until|till|through)\s*$"
)


def range_start_month(match: Match) -> int | None:
    """The month of the range whose second day `match` is (`23` in `May 19 to 23`)."""
    found = _RANGE_START.search(match.string, max(0, match.start() - 24), match.start())
    return MONTHS[found.group("month").lower().rstrip(".")] if found else None


def range_end_day(match: Match, ctx: Context) -> Resolved | None:
    """`23` in `from May 19 to 23`: the second day shares the month written before it."""
    month = range_start_month(match)
    if month is None:
        return None
    value = day_value(_year_for(match, ctx, month), month, day_number(match.group("day")))
    return Resolved(value, "day") if value else None


def numeric_date(match: Match, ctx: Context) -> Resolved | None:
    """`2025-04-29`, and `29/4/2025` read day first (as Vietnamese sources write it)."""
    day = int(group(match, "day") or group(match, "day2") or 0)
    month = int(group(match, "month") or group(match, "month2") or 0)
    if month > 12 and day <= 12:
        day, month = month, day  # 4/29/2025 can only be month first
    year = int(group(match, "year") or group(match, "year2") or 0)
    value = day_value(year, month, day) if month <= 12 else None
    return Resolved(value, "day") if value else None


def month(match: Match, ctx: Context) -> Resolved:
    """`May 2025`, `early December`, `the end of June`, `last July`, `next March`."""
    number = MONTHS[word(match, "month").rstrip(".")]
    relation = relation_word(match)
    anchor = ctx.anchor_day("month")
    if relation and anchor is not None and not group(match, "year"):
        year = anchor.year
        if relation in ("last", "past", "previous"):
            # the last one before the anchor's month; but `last February`, written in
            # March, is not the month just over (that is `last month`): the one before
            year -= 1 if number >= anchor.month or number == anchor.month - 1 else 0
        elif relation in ("next", "coming", "following") and number <= anchor.month:
            year += 1
        return Resolved(month_value(year, number), "month")
    if not group(match, "year") and contract_after(match.string, match.end()):
        ctx = replace(ctx, direction=FUTURE)  # a delivery month is this month or one ahead
    elif not group(match, "year") and figures_after(match.string, match.end()):
        ctx = replace(ctx, direction=PAST)  # figures are published once a month is over
    return Resolved(month_value(_year_for(match, ctx, number), number), "month")


YEAR_OFFSETS = {"last": -1, "previous": -1, "this": 0, "same": 0, "next": 1, "following": 1}


def month_of_relative_year(match: Match, ctx: Context) -> Resolved:
    """`April last year`, `March next year`, `in May of the previous year`."""
    number = MONTHS[word(match, "month").rstrip(".")]
    relation = word(match, "yrel").split()[-1]
    if relation in ("previous", "following", "same"):
        base = ctx.narrative_day("year")  # counted from the last explicit date
    else:
        base = ctx.anchor.day if ctx.anchor is not None else None
    year = base.year + YEAR_OFFSETS[relation] if base is not None else None
    return Resolved(month_value(year, number), "month")


def year(match: Match, ctx: Context) -> Resolved:
    """`2025`, `mid-2025`; `fiscal 2024` -> FY2024."""
    return Resolved(fiscal(match) + match.group("year"), "year")


def fiscal(match: Match) -> str:
    """`FY` when the period is a fiscal one (`fiscal 1990`, `FY2025`)."""
    return "FY" if group(match, "fy") or group(match, "fy2") else ""


def short_year(match: Match, ctx: Context) -> Resolved | None:
    """The `58` of `1957-58`, in the century of the year before the dash."""
    first = int(match.string[match.start() - 5 : match.start() - 1])
    value = first // 100 * 100 + int(match.group("yy"))
    if value <= first:
        value += 100
    return Resolved(str(value), "year") if value - first < 10 else None


def decade(match: Match, ctx: Context) -> Resolved:
    """`the 1990s` -> `199`; `the '90s` -> `199`, `the '10s` -> `201`."""
    if group(match, "cent"):
        return Resolved(match.group("cent") + match.group("dec"), "decade")
    if group(match, "dec3"):  # `the 70s`: of the 20th century
        return Resolved("19" + match.group("dec3"), "decade")
    digit = match.group("dec2")
    return Resolved(("20" if digit in "012" else "19") + digit, "decade")


_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def century(match: Match, ctx: Context) -> Resolved | None:
    """`the 20th century` -> `19` (TimeML writes a century as its first two digits)."""
    text = word(match, "ord")
    digits = re.match(r"\d+", text)
    number = int(digits.group()) if digits else _CENTURY_WORDS.get(text)
    return Resolved(f"{number - 1:02d}", "century") if number else None
