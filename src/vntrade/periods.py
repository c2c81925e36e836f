"""One calendar for the tagger and the views: TimeML date values as periods (precision, first
day and the day after), seasons, month arithmetic, and the year of a year-less value."""

from __future__ import annotations

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
    """A calendar period named by a TimeML value; `end` is the first day after it."""

    value: str
    precision: str
    start: date | None
    end: date | None

    @property
    def placed(self) -> bool:
        """Whether the period has a known place on the calendar."""
        return self.start is not None


def parse_period(value: str) -> Period | None:
    """The period of a date value, or None for durations, sets and vague references."""
    if not value:
        return None
    decade = _DECADE.match(value)
    if decade:
        first = int(decade["decade"]) * 10
        return Period(value, "decade", date(first, 1, 1), date(first + 10, 1, 1))
    match = _VALUE.match(value)
    if not match:
        return None
    if match["year"] == "XXXX":
        return Period(value, _precision(match), None, None)
    try:
        start, end = _bounds(int(match["year"]), match)
    except ValueError:  # 2025-02-30, week 54 ...
        return None
    return Period(value, _precision(match), start, end)


def _precision(match: re.Match[str]) -> str:
    for name in ("day", "month", "week", "quarter", "half", "season"):
        if match[name]:
            return name
    return "year"


def _bounds(year: int, match: re.Match[str]) -> tuple[date, date]:
    if match["day"]:
        start = date(year, int(match["month"]), int(match["day"]))
        return start, start + timedelta(days=1)
    if match["month"]:
        return _months(year, int(match["month"]), 1)
    if match["week"]:
        if match["weekend"]:
            start = date.fromisocalendar(year, int(match["week"]), 6)
            return start, start + timedelta(days=2)
        start = date.fromisocalendar(year, int(match["week"]), 1)
        return start, start + timedelta(days=7)
    if match["quarter"]:
        return _months(year, 3 * int(match["quarter"]) - 2, 3)
    if match["half"]:
        return _months(year, 6 * int(match["half"]) - 5, 6)
    if match["season"]:
        return _months(year, SEASON_START[match["season"]], SEASON_MONTHS)
    return date(year, 1, 1), date(year + 1, 1, 1)


def _months(year: int, month: int, count: int) -> tuple[date, date]:
    """The first day of `month` of `year`, and the first day `count` months later."""
    end_year, end_month = add_months(year, month, count)
    return date(year, month, 1), date(end_year, end_month, 1)


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
    period = parse_period(text.strip())
    if period is None or not period.placed:
        raise UsageError(
            f"{text!r} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY-Www or YYYY.", option
        )
    return period
