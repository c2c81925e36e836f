"""Calendar arithmetic for temporal expressions: the anchor and TimeML value formats."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vntrade import periods

PAST, PRESENT, FUTURE = "past", "present", "future"
UNKNOWN_YEAR = "XXXX"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against, and how much of it is known.

    `precision` is "day", "month" or "year": an anchor inferred from `May 2025` knows its
    month, one inferred from `in 2025` only its year (its day and month are then the 1st).
    """

    day: dt.date
    precision: str = "day"

    @property
    def year(self) -> int:
        return self.day.year

    def knows(self, precision: str) -> bool:
        """Whether the anchor is at least as precise as `precision`."""
        order = ("year", "month", "day")
        return order.index(self.precision) >= order.index(precision)

    def iso(self) -> str:
        """The anchor as a (possibly reduced-precision) ISO 8601 date."""
        return {"day": self.day.isoformat(), "month": self.day.isoformat()[:7]}.get(
            self.precision, str(self.day.year)
        )


def parse_anchor(value: str | None) -> Anchor | None:
    """An anchor from an ISO date (`2025-04-25`, `2025-04`, `2025`, or a timestamp)."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if len(text) >= 10:
            return Anchor(dt.date.fromisoformat(text), "day")
        if len(text) == 7:
            return Anchor(dt.date(int(text[:4]), int(text[5:7]), 1), "month")
        if len(text) == 4:
            return Anchor(dt.date(int(text), 1, 1), "year")
    except ValueError:
        return None
    return None


def day_value(year: int | None, month: int, day: int) -> str | None:
    """`2025-04-29` (or `XXXX-04-29` without a year); None for an impossible date."""
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return None
    return f"{year_text(year)}-{month:02d}-{day:02d}"


def month_value(year: int | None, month: int) -> str:
    return f"{year_text(year)}-{month:02d}"


def year_text(year: int | None) -> str:
    """A year as four digits, or XXXX when unknown."""
    return UNKNOWN_YEAR if year is None else f"{year:04d}"


def week_value(day: dt.date) -> str:
    """The ISO week of a day: `2025-W12`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekend_value(day: dt.date) -> str:
    """The weekend of the ISO week of `day`: `2025-W27-WE`."""
    return week_value(day) + "-WE"


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) `months` after the month of `day` (negative: before)."""
    return periods.add_months(day.year, day.month, months)


def year_for_month(month: int, anchor: Anchor | None, direction: str | None, shift: bool) -> int:
    """The year of a month named without one: the anchor's, moved by the verb's tense.

    A past-tense month two or more months later in the year than the anchor lies in the
    year before ("said in October", written in March; the month just ahead is what a
    past-tense sentence looks forward to, a deadline or an expiry); a future-tense earlier
    one in the year after;
    without a tense the nearest one is taken.
    """
    if anchor is None:
        raise ValueError("no anchor")
    year = anchor.year
    if not shift or not anchor.knows("month"):
        return year
    if direction == PAST:  # not the month just ahead: "ahead of the pause's expiry on July 8"
        return year - 1 if month > anchor.day.month + 1 else year
    if direction == FUTURE:
        return year + 1 if month < anchor.day.month else year
    # No tense to go by: the nearest such month ("the December 20 accord", written in January).
    offset = month - anchor.day.month
    return year + (1 if offset < -6 else -1 if offset > 6 else 0)


def period_year(
    first_month: int, months: int, anchor: Anchor, direction: str | None, shift: bool
) -> int:
    """The year of a quarter or half named without one (`the third quarter`).

    Past tense: the latest such period begun before the anchor's month (results are
    reported once a period is over). Future: the first one not over more than 60 days ago
    (`fourth-quarter results will be released`, written in January). Otherwise the
    nearest: the one holding the anchor, else the one closest to it.
    """
    year = anchor.year
    if not shift or not anchor.knows("month"):
        return year
    now = anchor.day
    spans = {}
    for candidate in (year - 1, year, year + 1):
        start = dt.date(candidate, first_month, 1)
        end_year, end_month = add_months(start, months)
        spans[candidate] = (start, dt.date(end_year, end_month, 1))
    if direction == PAST:
        return max(y for y, (start, _) in spans.items() if start < now.replace(day=1))
    if direction == FUTURE:
        return min(y for y, (_, end) in spans.items() if end > now - dt.timedelta(days=60))

    def distance(y: int) -> int:
        start, end = spans[y]
        return 0 if start <= now < end else min(abs((now - start).days), abs((now - end).days))

    return min(spans, key=distance)


_PERIOD_VALUE = re.compile(r"(FY)?(\d{4})(-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI)|-\d\d(?:-\d\d)?)?")


def shift_years(value: str, years: int) -> str | None:
    """A year, quarter, half, season, month or day value moved by `years` years
    (`1989-Q3` -> `1988-Q3`), or None for other values."""
    match = _PERIOD_VALUE.fullmatch(value)
    if match is None:
        return None
    fiscal, year, rest = match.group(1) or "", int(match.group(2)) + years, match.group(3) or ""
    if rest == "-02-29" and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        rest = "-02-28"
    return f"{fiscal}{year:04d}{rest}"


def weekday_date(
    weekday: int,
    anchor: dt.date,
    direction: str | None,
    relation: str | None,
    today_named: bool = False,
) -> dt.date:
    """The day called `weekday` (1 = Monday) near the anchor.

    `last`/`next` pick the occurrence strictly before/after the anchor, `this` the one in
    the anchor's week; otherwise the verb's tense does (past: before, future: after,
    present: the nearest), and without a tense the past occurrence is taken, as news
    mostly reports what has happened. In a text that calls the anchor's day `today`
    (`today_named`), the anchor's own weekday is a week away.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if relation == "last":
        return anchor - dt.timedelta(days=back or 7)
    if relation == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if relation == "this":
        return anchor + dt.timedelta(days=weekday - anchor.isoweekday())
    if direction == FUTURE or (direction == PRESENT and ahead < back):
        return anchor + dt.timedelta(days=ahead or (7 if today_named else 0))
    if direction == PRESENT and not back:
        return anchor
    # Where the anchor's own day is `today`, a `Friday` written on a Friday is the one before.
    return anchor - dt.timedelta(days=back or (7 if today_named else 0))


def shift_unit(anchor: dt.date, unit: str, amount: int) -> dt.date:
    """The anchor moved by `amount` units (day, week, month, quarter, year, decade)."""
    if unit == "day":
        return anchor + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return anchor + dt.timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    year, month = add_months(anchor, months * amount)
    return dt.date(year, month, 1)


def unit_value(day: dt.date, unit: str) -> str:
    """The TimeML value of the `unit` containing `day`: `2025-W12`, `2025-Q1`, `202`..."""
    if unit == "day":
        return day.isoformat()
    if unit == "week":
        return week_value(day)
    if unit == "weekend":
        return weekend_value(day)
    if unit == "month":
        return month_value(day.year, day.month)
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "year":
        return str(day.year)
    if unit == "decade":
        return str(day.year)[:3]
    return str(day.year)[:2]  # century


def unknown_unit_value(unit: str, anchor: Anchor | None) -> str:
    """The value of a relative unit the anchor is too coarse for: `2025-WXX`, `XXXX-XX`."""
    year = year_text(anchor.year if anchor else None)
    return {
        "day": f"{year}-XX-XX",
        "week": f"{year}-WXX",
        "weekend": f"{year}-WXX-WE",
        "month": f"{year}-XX",
        "quarter": f"{year}-QX",
    }.get(unit, year)
