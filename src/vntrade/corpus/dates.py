"""How a labelled report dates its event and itself (`corpus.events`): the date phrase seen
from its publication day ("on Tuesday", "the same day", "this week"), the same phrase as a
page without a publication date gives it (no anchor: XXXX-WXX-2), or without a year, and the
outlet's dateline."""

from __future__ import annotations

import random
from datetime import date, timedelta

from vntrade.corpus.articles import MONTHS, WEEKDAYS
from vntrade.periods import parse_period


def when_phrase(rng: random.Random, day: date, published: date) -> tuple[str, str, str, str]:
    """(text, TimeML value, date kind, timex type) of the event day seen from `published`."""
    iso = day.isoformat()
    weekday = WEEKDAYS[day.weekday()]
    month_day = f"{MONTHS[day.month - 1]} {day.day}"
    styles = [(f"on {month_day}", iso, "day", "DATE"), (f"{month_day} evening", iso, "day", "DATE")]
    if day == published:
        styles.append(("the same day", iso, "day", "DATE"))
    if day <= published < day + timedelta(days=6):
        styles.append((f"on {weekday}", iso, "day", "DATE"))
        styles.append((f"{weekday} night", f"{iso}TNI", "time", "TIME"))
        styles.append((f"{weekday} morning", f"{iso}TMO", "time", "TIME"))
    roll = rng.random()
    if roll < 0.06 and day.isocalendar()[:2] == published.isocalendar()[:2]:
        year, week, _ = day.isocalendar()
        return ("this week", f"{year}-W{week:02d}", "week", "DATE")
    if roll < 0.1 and (day.year, day.month) != (published.year, published.month):
        return ("last month", f"{day.year}-{day.month:02d}", "month", "DATE")
    return rng.choice(styles)


def yearless_phrase(rng: random.Random, day: date) -> tuple[str, str, str, str]:
    """The event day written without a year, as a page with no date gives it."""
    month_day = f"{MONTHS[day.month - 1]} {day.day}"
    value = f"XXXX-{day.month:02d}-{day.day:02d}"
    return rng.choice(((f"on {month_day}", value, "day", "DATE"),
                       (f"{month_day} evening", value, "day", "DATE")))  # fmt: skip


def unanchored(when: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """The value the pipeline gives a date phrase with no publication date to anchor it:
    "Tuesday" is some Tuesday (XXXX-WXX-2), "the same day" some day, "on March 4" a year-less
    day."""
    text, value, kind, timex = when
    period = parse_period(value.split("T")[0])
    day = period.start if period and period.precision == "day" else None
    if text == "the same day":
        return text, "XXXX-XX-XX", kind, timex
    if kind == "week":
        return text, "XXXX-WXX", kind, timex
    if kind == "month":
        return text, "XXXX-XX", kind, timex
    if day and any(name in text for name in WEEKDAYS):
        return text, f"XXXX-WXX-{day.isoweekday()}", "day", "DATE"
    if day:
        return text, f"XXXX-{day.month:02d}-{day.day:02d}", kind, timex
    return when


def dateline(agency: str, place: str, published: date) -> str:
    month_day = f"{MONTHS[published.month - 1]} {published.day}"
    return {
        "VNA": "Hanoi (VNA) - ",
        "VOV": "VOV.VN - ",
        "VNS": "HÀ NỘI — ",
        "Reuters": f"{place.upper()}, {month_day} (Reuters) - ",
        "Xinhua": f"{place.upper()}, {month_day} (Xinhua) -- ",
    }[agency]
