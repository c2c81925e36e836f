"""An event record from a TimeML value: its period's first day and the day after its end."""

from __future__ import annotations

from typing import Any

from vntrade.periods import parse_period
from vntrade.records import Event


def make_event(
    value: str, *, text: str, sentence: tuple[int, int], last: str | None = None, **fields: Any
) -> Event:
    """An event record with the period of its value (a day and time: its day), to the end
    of the period of `last` for a range of days."""
    period = parse_period(value)
    placed = period is not None and period.placed
    final = parse_period(last) if last else None
    if final is None or not final.placed:
        final = period
    return Event(
        value=value,
        start=period.start.isoformat() if placed else None,
        end=final.end.isoformat() if placed else None,
        precision=period.precision if period else None,
        sentence=text[sentence[0] : sentence[1]],
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        **fields,
    )
