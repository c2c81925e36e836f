"""Events of articles without a publication date: "on Tuesday", "the same day", "this week",
"last month" (the pipeline gives them XXXX-WXX-2, XXXX-XX-XX, XXXX-WXX, XXXX-XX) resolved
against the day a wire dateline gives ("HANOI, April 29 (Reuters)"), or else kept floating
in the year (`2025-WXX-2`: some Tuesday of 2025) for clustering to place among the dated
reports of the same people (`clustering.EventRef`).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from vntrade.events.text import sentence_spans
from vntrade.nlp.events.finder import find_events
from vntrade.periods import add_months, parse_period, with_year

# A value that says which weekday, or that it is a day, week or month, but not which one.
FLOATING = re.compile(
    r"^(?P<year>\d{4}|XXXX)-(?:WXX(?:-(?P<weekday>[1-7]))?|XX(?P<day>-XX)?)(?P<time>T.*)?$"
)


def is_floating(value: str) -> bool:
    return bool(FLOATING.match(value))


def floating_events(record: dict[str, Any], year: int | None) -> list[dict[str, Any]]:
    """Events (as in `record["events"]`) of the record's dates that have no place on the
    calendar, dated against its dateline's day when there is one (and `year`), else floating
    in `year`; the pipeline keeps no event for such a date."""
    dates = [d for d in record.get("dates", []) if is_floating(d.get("value", ""))]
    if not dates:
        return []
    anchor = dateline_day(record, year)
    # The event rules run over stand-in values that have a period; each event then gets its
    # own date's value back.
    given = {}
    stand_ins = []
    for index, mention in enumerate(dates[:28]):
        stand_in = f"XXXX-01-{index + 1:02d}"
        given[stand_in] = resolve(mention["value"], mention.get("text", ""), anchor, year)
        stand_ins.append({**mention, "value": stand_in, "kind": "day"})
    copy = {**record, "dates": stand_ins, "directives": []}
    found = []
    for event in find_events(copy, sentence_spans(record.get("text") or ""), {}):
        data = {**asdict(event), "value": given[event.value], "lead": False}
        found.append(data)
    return found


def dateline_day(record: dict[str, Any], year: int | None) -> date | None:
    """The day a wire dateline gives ("XXXX-04-29"), in `year`."""
    value = record.get("dateline_date") or ""
    period = parse_period(with_year(value, year)) if year else parse_period(value)
    return period.start if period and period.placed and period.precision == "day" else None


def resolve(value: str, text: str, anchor: date | None, year: int | None) -> str:
    """A floating value placed by `anchor` (the article's day), else stamped with `year`."""
    match = FLOATING.match(value)
    if match is None:
        return value
    if anchor is None:
        return with_year(value, year)
    if match["weekday"]:  # the last such weekday up to the article's day
        back = (anchor.isoweekday() - int(match["weekday"])) % 7
        return (anchor - timedelta(days=back)).isoformat()
    if match["day"]:  # "the same day", "that day"
        return anchor.isoformat()
    if "W" in value:  # "this week", "last week"
        shift = -7 if re.search(r"\blast\b|\bprevious\b", text, re.I) else 0
        week = (anchor + timedelta(days=shift)).isocalendar()
        return f"{week[0]}-W{week[1]:02d}"
    months = -1 if re.search(r"\blast\b|\bprevious\b", text, re.I) else 0
    months = 1 if re.search(r"\bnext\b", text, re.I) else months
    y, m = add_months(anchor.year, anchor.month, months)
    return f"{y}-{m:02d}"
