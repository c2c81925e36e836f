"""How the timeline writes an entry's date (the entries themselves: `events.entries`), and
the fields of an entry, in the order every output gives them."""

from __future__ import annotations

TIMELINE_COLUMNS = ("date", "precision", "start", "date_inferred", "kind", "summary", "actors",
                    "commodities", "articles", "evidence")  # fmt: skip


def date_label(value: str, precision: str) -> str:
    """How a view writes an entry's date: a day as it is, a coarser value with what it
    gives ("2025 (year only)", "2025-05 (month only)", "2025-W11 (week only)")."""
    return value if precision == "day" else f"{value} ({precision} only)"


def period_label(value: str, precision: str) -> str:
    """The heading of a period that gives no month: "2025, month unknown" for a year (or a
    quarter, a half, a season of it: "2025-Q2, month unknown"), "2020s, year unknown"."""
    if precision == "decade":
        return f"{value.rstrip('X')}0s, year unknown"
    return f"{value}, month unknown"
