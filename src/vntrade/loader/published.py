"""Publication dates as news dumps write them, read as ISO `YYYY-MM-DD`.

Accepted: `2025-04-25`, `2025-04-25T10:00:00Z`, `2025/04/25`, `April 25, 2025`,
`Friday, 25 April 2025`, `25/04/2025` (day first, as Vietnamese sites write it, unless only
month first makes sense), each optionally followed by a time and a zone.
"""

from __future__ import annotations

import datetime as dt
import re

from vntrade.periods import MONTHS

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# English, and Vietnamese as Vietnamese sites print it in English pages: "Thứ Năm", "Chủ Nhật".
_WEEKDAY_WORD = (
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|th[ứu]\s+(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y)|ch[ủu]\s+nh[ậa]t)"
)
_WEEKDAY = rf"(?:{_WEEKDAY_WORD},?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"

_DATE = re.compile(
    rf"""{_WEEKDAY}(?:
        (?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})
      | (?P<na>\d{{1,2}})[/.-](?P<nb>\d{{1,2}})[/.-](?P<ny>\d{{4}})
      | (?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}}){_ORDINAL},?\s+(?P<my>\d{{4}})
      | (?P<dd>\d{{1,2}}){_ORDINAL}\s+(?P<dm>{_MONTH}),?\s+(?P<dy>\d{{4}})
    )(?!\d)""",
    re.IGNORECASE | re.VERBOSE,
)
_YEAR = re.compile(r"\d{4}")
# The date of a dateline: "March 3", "Sept. 9", "29 April", "29/4", each perhaps with a year.
_DATELINE_WHEN = re.compile(
    rf"""(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}){_ORDINAL}
        | (?P<dday>\d{{1,2}}){_ORDINAL}\s+(?P<dmonth>{_MONTH})
        | (?P<na>\d{{1,2}})[/.](?P<nb>\d{{1,2}}))
        (?:,?\s*(?P<year>\d{{4}}))?""",
    re.IGNORECASE | re.VERBOSE,
)
# A time after a date that opens a line: " date 2025-04-25 10:05 GMT+7 | Body ...".
_CLOCK = re.compile(
    r"(?:[T\s,]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?(?:Z|[+-]\d{2}:?\d{2}|"
    r"\s*(?:GMT|UTC|ICT)(?:\s*[+-]\s*\d{1,2})?)?)?\s*[|,]?",
    re.IGNORECASE,
)
# What may stand around a date in a field or a header line: weekday, time, zone, separators.
_AROUND = re.compile(
    rf"""(?:[\s,|/()\[\]\-–—]|{_WEEKDAY_WORD}|T?\d{{1,2}}[:h]\d{{2}}(?::\d{{2}}(?:\.\d+)?)?
        |[ap]\.?m\.?|\bat\b|GMT|UTC|ICT|Z|\b(?:[ECMP][SD]?T|SGT|HKT|JST|BST|CET)\b
        |[+-]\d{{1,2}}(?::?\d{{2}})?)*""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_date(value: str) -> str | None:
    """`value` (a whole field or line: a date, perhaps with weekday and time) as ISO, or None."""
    # Every form has a four-digit year: most lines asked about (titles, bylines) have none,
    # and tell so far faster than `_DATE` tried at each of their positions.
    match = _DATE.search(value) if _YEAR.search(value) else None
    if not match or not _AROUND.fullmatch(value[: match.start()] + " " + value[match.end() :]):
        return None
    return _iso(match)


def only_clock(value: str) -> bool:
    """True when `value` holds nothing but a time, a zone, a weekday or separators."""
    return bool(_AROUND.fullmatch(value))


def match_date(text: str, pos: int = 0) -> tuple[str | None, int] | None:
    """A date (and any time after it) at `text[pos]`: its ISO form (None for an impossible
    date such as `2025-02-30`) and where it ends; None when no date is written there."""
    match = _DATE.match(text, pos)
    return (_iso(match), _CLOCK.match(text, match.end()).end()) if match else None


def dateline_value(when: str) -> str | None:
    """The date of a dateline (`March 3`, `Sept. 9`, `April 29, 2025`, `29/4`) as a TimeML
    value: `2025-04-29`, or `XXXX-03-03` when it has no year; None if it is impossible."""
    match = _DATELINE_WHEN.fullmatch(when.strip())
    if match is None:
        return None
    if match["month"]:
        month, day = MONTHS.get(match["month"].lower().rstrip(".")), int(match["day"])
    elif match["dmonth"]:
        month, day = MONTHS.get(match["dmonth"].lower().rstrip(".")), int(match["dday"])
    else:
        day, month = int(match["na"]), int(match["nb"])
    year = int(match["year"]) if match["year"] else None
    try:
        dt.date(year or 2000, month or 0, day)  # 2000 is a leap year: Feb 29 stays possible
    except ValueError:
        return None
    return f"{year or 'XXXX'}-{month:02d}-{day:02d}"


def _iso(match: re.Match[str]) -> str | None:
    parts = match.groupdict()
    if parts["iy"]:
        year, month, day = int(parts["iy"]), int(parts["im"]), int(parts["id"])
    elif parts["ny"]:
        first, second, year = int(parts["na"]), int(parts["nb"]), int(parts["ny"])
        # Day first, as Vietnamese sites write it; month first only when day first is impossible.
        day, month = (second, first) if second > 12 and first <= 12 else (first, second)
    elif parts["my"]:
        year, month, day = int(parts["my"]), MONTHS[_month_key(parts["mm"])], int(parts["md"])
    else:
        year, month, day = int(parts["dy"]), MONTHS[_month_key(parts["dm"])], int(parts["dd"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_key(word: str) -> str:
    word = word.lower().rstrip(".")
    return word if word in MONTHS else word[:3]
