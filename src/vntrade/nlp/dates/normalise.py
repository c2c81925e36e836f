"""Normalisers of calendar expressions: from a regex match to its TimeML value.

Each takes the match and a `Context` (anchor, verb tense) and returns a `Resolved` value,
or None when the expression cannot be a date. Conventions: a period in a deadline
(`by the end of June`) takes the value of the whole period (`2025-06`); a day or month
named without a year is placed around the anchor by the verb's tense; what the anchor
cannot resolve keeps TimeML's X placeholders (`XXXX-04-22`, `2025-WXX`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from vntrade.nlp.dates.calendar import (
    FUTURE,
    PAST,
    Anchor,
    day_value,
    month_value,
    shift_unit,
    shift_years,
    unit_value,
    unknown_unit_value,
    weekday_date,
    year_for_month,
    year_text,
)
from vntrade.nlp.dates.guards import contract_after, figures_after
from vntrade.nlp.dates.lexicon import (
    MONTH_RE,
    MONTHS,
    PARTS_OF_DAY,
    UNIT_FACTORS,
    UNITS,
    WEEKDAYS,
    parse_number,
)

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


def weekday(match: Match, ctx: Context) -> Resolved:
    """`Thursday`, `last Friday`, `Sunday night` (a TIME with the part of the day)."""
    number = WEEKDAYS[word(match, "wd")]
    relation = {"past": "last", "coming": "next"}.get(relation_word(match), relation_word(match))
    anchor = ctx.anchor_day("day")
    if anchor is None:
        value = f"{year_text(ctx.anchor.year if ctx.anchor else None)}-WXX-{number}"
    else:
        day = weekday_date(number, anchor, ctx.direction, relation or None, ctx.today_named)
        value = day.isoformat()
    return _with_part_of_day(value, match)


def _with_part_of_day(value: str, match: Match) -> Resolved:
    part = word(match, "pod") or word(match, "pod2")
    if not part:
        return Resolved(value, "day")
    return Resolved(f"{value}T{PARTS_OF_DAY[part]}", "time", "TIME")


def relative_day(match: Match, ctx: Context) -> Resolved:
    """`today`, `yesterday morning`, `tonight`, `last night`, `this afternoon`."""
    name = word(match, "word") or ("yesterday" if word(match, "rel") == "last" else "today")
    anchor = ctx.anchor_day("day")
    if anchor is None:
        if name == "today" and not word(match, "pod"):
            return Resolved("PRESENT_REF", "ref")
        return _with_part_of_day("XXXX-XX-XX", match)
    offset = {"yesterday": -1, "tomorrow": 1}.get(name, 0)
    value = (anchor + dt.timedelta(days=offset)).isoformat()
    if name == "tonight":
        return Resolved(value + "TNI", "time", "TIME")
    return _with_part_of_day(value, match)


RELATION_OFFSETS = {
    "this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
    "following": 1, "upcoming": 1, "preceding": -1, "prior": -1,
}  # fmt: skip
# How precisely the anchor must be known to resolve `this <unit>`.
UNIT_PRECISION = {
    "day": "day",
    "week": "day",
    "weekend": "day",
    "month": "month",
    "quarter": "month",
}


def relative_period(match: Match, ctx: Context) -> Resolved:
    """`this week`, `last year`, `earlier this month`, `the end of the year`, `next quarter`.

    `the past year` / `the next month` are durations (P1Y, P1M), as in TimeML; `the
    previous/following year` count from the last explicit date when there is one.
    """
    unit = word(match, "unit").split()[-1]  # "fiscal year" -> "year"
    words = word(match, "rel").split()
    relation = words[-1] if words else "this"
    if unit in UNITS and (relation == "past" or words == ["the", "next"]):
        letter, _ = UNITS[unit]
        return Resolved(f"P{UNIT_FACTORS.get(unit, 1)}{letter}", "duration", "DURATION")
    kind = "week" if unit == "weekend" else unit
    precision = UNIT_PRECISION.get(unit, "year")
    if (moved := _next_to_compared(ctx, unit, relation)) is not None:
        return Resolved(moved, kind)
    if relation in ("previous", "following", "preceding", "prior"):
        base = ctx.narrative_day(precision)
    else:
        base = ctx.anchor_day(precision)
    if base is None and unit == "month" and ctx.yearless_month and relation in RELATION_OFFSETS:
        number = (ctx.yearless_month - 1 + RELATION_OFFSETS[relation]) % 12 + 1
        return Resolved(month_value(None, number), kind)
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), kind)
    offset = RELATION_OFFSETS.get(relation, 0)
    if not words and unit == "year" and _year_end_over(match, ctx, base):
        offset = -1
    moved = shift_unit(base, unit, offset)
    return Resolved(unit_value(moved, unit), kind)


def _year_end_over(match: Match, ctx: Context, base: dt.date) -> bool:
    """`peaked by the end of the year`, reported in the first quarter: last year's end."""
    ends = any(w in ("end", "close") for w in word(match, "mod").split())
    return ends and ctx.direction == PAST and ctx.shift and base.month <= 3


_QUARTER_VALUE = re.compile(r"(FY)?(\d{4})-Q([1-4])")


def _next_to_compared(ctx: Context, unit: str, relation: str) -> str | None:
    """`the previous quarter` after `third-quarter profit`: the quarter before that one."""
    found = _QUARTER_VALUE.fullmatch(ctx.compared.value) if ctx.compared else None
    offset = {"previous": -1, "preceding": -1, "prior": -1, "following": 1}.get(relation)
    if unit != "quarter" or found is None or offset is None:
        return None
    index = int(found.group(2)) * 4 + int(found.group(3)) - 1 + offset
    return f"{found.group(1) or ''}{index // 4}-Q{index % 4 + 1}"


def ago(match: Match, ctx: Context) -> Resolved:
    """`four years ago` -> the year, `a week ago` -> the week; `years ago` -> PAST_REF.

    `a year earlier` / `two months later` count from the last explicit date, if any.
    """
    raw = word(match, "unit")
    unit = "century" if raw.startswith("centur") else raw.rstrip("s")
    amount = _whole_number(word(match, "qty"))
    if amount is None or unit in ("second", "minute", "hour"):
        return Resolved("PAST_REF", "ref")
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    precision = UNIT_PRECISION.get(unit, "year")
    direction = word(match, "dir")
    if (
        unit == "year"
        and amount == 1
        and direction != "later"
        and (same := compared(ctx, 1, direction))
    ):
        return same
    base = ctx.anchor_day(precision) if direction == "ago" else ctx.narrative_day(precision)
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    moved = shift_unit(base, unit, amount if direction == "later" else -amount)
    return Resolved(unit_value(moved, unit), unit)


def compared(ctx: Context, years: int, direction: str, reach: int = 1) -> Resolved | None:
    """`a year earlier` than the period just mentioned, at its granularity: after
    `third-quarter profit` 1989-Q3 it is 1988-Q3, after `on Oct. 31` a day. `ago` counts
    from the anchor, so the period mentioned must be a recent one. `reach`: how many
    sentences back the period may be named; past it, a quarterly report compares with
    the last quarter it named."""
    base = ctx.compared
    if base is None or ctx.compared_gap > reach:
        base = ctx.last_quarter
    if base is None:
        return None
    reported = ctx.reported_quarter
    if ctx.compared_gap and reported is not None and _in_passing(base, reported):
        base = reported
    if (value := shift_years(base.value, -years)) is None:
        return None
    if direction == "ago":
        year = int(base.value.removeprefix("FY")[:4])
        if ctx.anchor is None or abs(year - ctx.anchor.year) > 1:
            return None
    return Resolved(value, base.kind)


def _in_passing(period: Resolved, reported: Resolved) -> bool:
    """In a quarterly report, a year or an earlier quarter named in an earlier sentence
    is mentioned in passing: figures compare with the reported quarter."""
    return period.kind == "year" or (period.kind == "quarter" and period.value < reported.value)


def narrative_day(match: Match, ctx: Context) -> Resolved:
    """`the next day`, `the day before`, `the month before`: from the last explicit date."""
    relation = word(match, "rel") or word(match, "rel2")
    offset = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(relation, 0)
    unit = word(match, "unit") or "day"
    base = ctx.narrative_day(UNIT_PRECISION.get(unit, "year"))
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    return Resolved(unit_value(shift_unit(base, unit, offset), unit), unit)


def _whole_number(text: str) -> int | None:
    value = parse_number(text) if text else None
    return int(value) if value is not None and value == int(value) else None
