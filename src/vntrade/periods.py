"""One calendar for the tagger and the views: TimeML date values as periods (precision, first
day and the day after), seasons, month arithmetic, and the year of a year-less value."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from vntrade.errors import UsageError

# Month names and abbreviations, lower case, as news writes them.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# The month each season starts; a season lasts three months, so winter 2024 (`2024-WI`) is
# December 2024 to February 2025, as the tagger resolves "last winter" said in March 2025.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
SEASON_MONTHS = 3
# A day and time (`2025-04-10TMO`) is its day, a weekend (`2025-W27-WE`) the Saturday and
# Sunday of its week (with the week's precision), a fiscal year (`FY2025`, `FY2025-Q1`)
# the calendar year of the same number.
_VALUE = re.compile(
    r"^(?:FY)?(?P<year>\d{4}|XXXX)"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])|(?P<season>WI|SP|SU|FA|AU)))?(?:T.*)?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})X?$")


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period named by a TimeML value; `end` is the first day after it (see
    `parse_period` for a period that reaches the end of the calendar)."""

    value: str
    precision: str
    start: date | None
    end: date | None

    @property
    def placed(self) -> bool:
        """Whether the period has a known place on the calendar."""
        return self.start is not None


@functools.lru_cache(maxsize=4096)  # articles, events and clusters give the same values often
def parse_period(value: str, *, to_calendar_end: bool = False) -> Period | None:
    """The period of a date value, or None for durations, sets and vague references.

    A period whose day after is past the calendar (9999-12-31, 9999-W52, 9999) is None too:
    there is no such day to store. With `to_calendar_end` (a filter given by a user) it ends
    on the calendar's last day instead, `date.max`, which it then leaves out.
    """
    if not value:
        return None
    decade = _DECADE.match(value)
    match = _VALUE.match(value)
    try:
        if decade:
            first = int(decade["decade"]) * 10
            precision, (start, end) = "decade", (date(first, 1, 1), _first_day(first + 10, 1))
        elif match and match["year"] == "XXXX":
            return Period(value, _precision(match), None, None)
        elif match:
            precision, (start, end) = _precision(match), _bounds(int(match["year"]), match)
        else:
            return None
    except ValueError:  # 2025-02-30, week 54, year 0000 ...
        return None
    if end is None and not to_calendar_end:
        return None
    return Period(value, precision, start, end or date.max)


def _precision(match: re.Match[str]) -> str:
    for name in ("day", "month", "week", "quarter", "half", "season"):
        if match[name]:
            return name
    return "year"


# The day after a period, or None past the calendar's last day (9999-12-31).
def _bounds(year: int, match: re.Match[str]) -> tuple[date, date | None]:
    if match["day"]:
        start = date(year, int(match["month"]), int(match["day"]))
        return start, _days_after(start, 1)
    if match["month"]:
        return _months(year, int(match["month"]), 1)
    if match["week"]:
        if match["weekend"]:
            start = date.fromisocalendar(year, int(match["week"]), 6)
            return start, _days_after(start, 2)
        start = date.fromisocalendar(year, int(match["week"]), 1)
        return start, _days_after(start, 7)
    if match["quarter"]:
        return _months(year, 3 * int(match["quarter"]) - 2, 3)
    if match["half"]:
        return _months(year, 6 * int(match["half"]) - 5, 6)
    if match["season"]:
        return _months(year, SEASON_START[match["season"]], SEASON_MONTHS)
    return date(year, 1, 1), _first_day(year + 1, 1)


def _months(year: int, month: int, count: int) -> tuple[date, date | None]:
    """The first day of `month` of `year`, and the first day `count` months later."""
    return date(year, month, 1), _first_day(*add_months(year, month, count))


def _days_after(day: date, days: int) -> date | None:
    return day + timedelta(days=days) if (date.max - day).days >= days else None


def _first_day(year: int, month: int) -> date | None:
    return date(year, month, 1) if year <= date.max.year else None


def add_days(day: date, days: int) -> date:
    """`days` after `day` (negative: before), kept within the calendar (0001-01-01 to
    9999-12-31)."""
    ordinal = day.toordinal() + days
    return date.fromordinal(min(max(ordinal, date.min.toordinal()), date.max.toordinal()))


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) `months` after `month` of `year` (negative: before)."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def with_year(value: str, year: int | None) -> str:
    """`value` with an unknown year (XXXX) replaced by `year`, when one is given."""
    if year is None or not value.startswith("XXXX"):
        return value
    return f"{year:04d}{value[4:]}"


def corpus_year(records: Iterable[dict]) -> int | None:
    """The year of the corpus when it is unambiguous: the one year of the articles' dates."""
    votes = YearVotes()
    for record in records:
        votes.add(record)
    return votes.year


@dataclass(slots=True)
class YearVotes:
    """Votes for the year of a corpus, record by record (a store keeps counting as it grows).

    Publication and reference dates vote first; explicit date mentions only when no article
    is dated. A year counts when it has at least three quarters of the votes.
    """

    anchors: Counter[int] = field(default_factory=Counter)
    mentions: Counter[int] = field(default_factory=Counter)

    def add(self, record: dict) -> None:
        anchor = record.get("published") or record.get("reference_date")
        period = parse_period(anchor or "")
        if period and period.placed:
            self.anchors[period.start.year] += 1
        for mention in record.get("dates", []):
            period = parse_period(mention.get("value", ""))
            if period and period.placed and period.precision != "decade":
                self.mentions[period.start.year] += 1

    @classmethod
    def from_json(cls, text: str | None) -> YearVotes:
        """Votes saved with `to_json` (none for None)."""
        data = json.loads(text or "{}")
        return cls(*(Counter({int(y): n for y, n in data.get(key, {}).items()})
                     for key in ("anchors", "mentions")))  # fmt: skip

    def to_json(self) -> str:
        return json.dumps({"anchors": self.anchors, "mentions": self.mentions})

    @property
    def year(self) -> int | None:
        votes = self.anchors or self.mentions
        if not votes:
            return None
        year, count = votes.most_common(1)[0]
        return year if count * 4 >= 3 * sum(votes.values()) else None


def parse_user_date(text: str, option: str) -> Period:
    """A date given on the command line (2025-04-29, 2025-04, 2025-W11, 2025), or a usage error."""
    period = parse_period(text.strip(), to_calendar_end=True)
    if period is not None and period.placed:
        return period
    match = _VALUE.match(text.strip())
    if match and match["year"] == "0000":
        raise UsageError(f"{text!r} is not on the calendar: years run from 0001 to 9999.", option)
    if match and match["year"] != "XXXX":  # 2025-02-30, 2025-W53
        what = f"there is no such {_precision(match)} in {match['year']}"
        raise UsageError(f"{text!r} is not on the calendar: {what}.", option)
    raise UsageError(f"{text!r} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY.", option)
