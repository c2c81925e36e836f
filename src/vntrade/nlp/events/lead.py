"""Which event leads an article: the first its first dated sentence reports, unless that
one is only dated by a quarter, half or year ("confidence recovered in the third quarter, a
survey released on Tuesday showed") and the sentence dates another event to the day."""

from __future__ import annotations

from vntrade.records import Event

_COARSE = ("quarter", "half", "season", "year")


def lead_event(events: list[Event]) -> Event:
    """The lead among `events` (in the order found): the first of the earliest sentence's
    events, or its first dated to a day when that one is coarse."""
    first = min(event.order for event in events)
    reported = [event for event in events if event.order == first]
    if reported[0].precision in _COARSE:
        days = [event for event in reported if event.precision == "day"]
        return (days or reported)[0]
    return reported[0]
