"""Date mentions read together: a range ("May 19-22", "from June 9 to 12", "between June 9
and 12", "opens on June 9 and ends on June 12") is one happening from its first day to its
last, and so is a day with the length of what happens on it ("arrived on June 1 for a
three-day visit": June 1 to 3; "the two-day forum closed on June 12": June 11 to 12); dates
joined by "and" or a comma ("on July 1 and 2") are one phrase, which a summary leaves out
whole."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from vntrade.periods import parse_period

_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# "a three-day visit", "the 2-day forum": a length in days written before what lasts it.
_DAYS_LONG = re.compile(r"(?:^|\s)(?:\w+|\d+)-day$", re.IGNORECASE)
_DAYS_VALUE = re.compile(r"^P(\d+)D$")
_DAYS_OF = re.compile(r"\s+of\s+(?:talks|negotiations|meetings|consultations|discussions)\b", re.I)
_VERB_REACH = 30  # characters before a length or a date where its verb may stand
LONGEST_STRETCH_DAYS = 31  # a "90-day pause" is a deadline's matter, not one happening
# Verbs that make the day the last one ("the three-day talks ended on May 22").
_ENDED = re.compile(
    r"\b(?:end|ends|ended|clos(?:e|es|ed)|conclud(?:e|es|ed)|wrap(?:s|ped)? up)\b", re.I
)
_AFTER_LENGTH = re.compile(r"\bafter\s+$", re.IGNORECASE)
# "open on June 9 and end on June 12", "began on May 5 and closed on May 8": one span.
_OPENS = re.compile(
    r"\b(?:open|opens|opened|begin|begins|began|start|starts|started|kick(?:s|ed)? off)\s+"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)
_THEN_ENDS = re.compile(
    r"\s*,?\s*and\s+(?:will\s+|would\s+)?(?:end|ends|ended|close|closes|closed|conclude|"
    r"concludes|concluded|finish|finishes|finished|run\s+until|runs\s+until|ran\s+until)"
    r"\s+(?:on\s+)?",
    re.IGNORECASE,
)
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-\d\d-\d\d$")
# "from 18 to 22 August", "18-22 August": a bare day before a day-first date.
_BARE_DAY_BEFORE = re.compile(
    r"(?<![\d,])(?P<day>\d{1,2})\s*(?:[-–]|to|until|till|and)\s*$", re.IGNORECASE
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)", re.IGNORECASE)


def merge_ranges(dates: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """The date mentions in text order, each range as one mention whose `last` is the
    value of its last day (the range's first day gives its `value`)."""
    ordered = sorted(dates, key=lambda d: d["start"])
    merged: list[dict[str, Any]] = []
    index = 0
    while index < len(ordered):
        first = ordered[index]
        second = ordered[index + 1] if index + 1 < len(ordered) else None
        if second is not None and _is_range(first, second, text):
            merged.append({**first, "end": second["end"], "last": second["value"]})
            index += 2
        else:
            merged.append(_day_first_range(first, text) or first)
            index += 1
    return merged


def _day_first_range(date: dict[str, Any], text: str) -> dict[str, Any] | None:
    """ "from 18 to 22 August 2025": the bare first day before a day-first date is the
    range's first day, in the same month."""
    value = str(date.get("value", ""))
    written = str(date.get("text") or "")
    if not _DAY_VALUE.match(value) or not written[:1].isdigit():
        return None
    before = _BARE_DAY_BEFORE.search(text, max(0, date["start"] - 24), date["start"])
    if before is None or not 0 < int(before["day"]) < int(value[8:10]):
        return None
    start = before.start("day")
    return {**date, "start": start, "value": f"{value[:8]}{int(before['day']):02d}", "last": value}


def stretch_by_lengths(
    dates: list[dict[str, Any]],
    all_dates: list[dict[str, Any]],
    sentence_of: Callable[[int], int | None],
    text: str,
) -> list[dict[str, Any]]:
    """Each single day given the length in days its sentence states for what happens
    ("a three-day visit"): `last` becomes its last day (or the day its first, when the
    sentence says the happening ended then). `sentence_of(position)` numbers sentences."""
    lengths: dict[int | None, tuple[int, dict[str, Any]]] = {}
    for mention in all_dates:
        match = _DAYS_VALUE.match(str(mention.get("value", "")))
        written = text[mention["start"] : mention["end"]]
        days_of = _DAYS_OF.match(text, mention["end"]) and written.lower().endswith("days")
        if match and (_DAYS_LONG.search(written) or days_of):
            days = int(match.group(1))
            if 1 < days <= LONGEST_STRETCH_DAYS:
                lengths.setdefault(sentence_of(mention["start"]), (days, mention))
    stretched = []
    for date in dates:
        period = parse_period(str(date.get("value", "")))
        found = lengths.get(sentence_of(date["start"]))
        if date.get("last") or found is None or period is None or period.precision != "day":
            stretched.append(date)
            continue
        days, mention = found
        # the verb may come first: "concluded a four-day round on Thursday"
        opening = max(0, min(mention["start"], date["start"]) - _VERB_REACH)
        around = text[opening : max(mention["start"], date["end"])]
        # "wrapped up the talks on Thursday after four days of meetings": the last day
        after = _AFTER_LENGTH.search(text, max(0, mention["start"] - 8), mention["start"])
        if (_ENDED.search(around) or after) and period.placed:
            first = (period.start - timedelta(days=days - 1)).isoformat()
            stretched.append({**date, "value": first, "last": date["value"]})
        elif period.placed:
            last = (period.start + timedelta(days=days - 1)).isoformat()
            stretched.append({**date, "last": last})
        else:
            stretched.append(date)
    return stretched


def phrase_span(date: dict[str, Any], dates: list[dict[str, Any]], text: str) -> tuple[int, int]:
    """The characters of the date and the dates listed with it ("July 1 and 2")."""
    start, end = date["start"], date["end"]
    for other in sorted(dates, key=lambda d: d["start"]):
        if other["start"] >= end and _joined(text, end, other["start"]):
            end = max(end, other["end"])
    for other in sorted(dates, key=lambda d: d["start"], reverse=True):
        if other["end"] <= start and _joined(text, other["end"], start):
            start = min(start, other["start"])
    return start, end


def _joined(text: str, end: int, start: int) -> bool:
    between = text[end:start]
    return bool(_LIST_JOIN.fullmatch(between) or _RANGE_JOIN.fullmatch(between))


def _is_range(first: dict[str, Any], second: dict[str, Any], text: str) -> bool:
    """Whether two date mentions are the two ends of one span of days."""
    between = text[first["end"] : second["start"]]
    joined = (
        _RANGE_JOIN.fullmatch(between)
        or (between.strip().lower() == "and" and _BETWEEN.search(text, 0, first["start"]))
        or (_OPENS.search(text, max(0, first["start"] - 30), first["start"])
            and _THEN_ENDS.fullmatch(between))
    )  # fmt: skip
    if not joined or first.get("timex_type", "DATE") != second.get("timex_type", "DATE"):
        return False
    one, two = parse_period(first.get("value", "")), parse_period(second.get("value", ""))
    if one is None or two is None or one.precision != two.precision:
        return False
    if one.placed and two.placed:
        return one.start < two.start
    return str(first["value"]) < str(second["value"])
