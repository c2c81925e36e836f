"""Date mentions read together: a range ("May 19-22", "from June 9 to 12", "between June 9
and 12") is one happening from its first day to its last; dates joined by "and" or a comma
("on July 1 and 2") are one phrase, which a summary leaves out whole."""

from __future__ import annotations

import re
from typing import Any

from vntrade.periods import parse_period

_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
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
            merged.append(first)
            index += 1
    return merged


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
    joined = _RANGE_JOIN.fullmatch(between) or (
        between.strip().lower() == "and" and _BETWEEN.search(text, 0, first["start"])
    )
    if not joined or first.get("timex_type", "DATE") != second.get("timex_type", "DATE"):
        return False
    one, two = parse_period(first.get("value", "")), parse_period(second.get("value", ""))
    if one is None or two is None or one.precision != two.precision:
        return False
    if one.placed and two.placed:
        return one.start < two.start
    return str(first["value"]) < str(second["value"])
