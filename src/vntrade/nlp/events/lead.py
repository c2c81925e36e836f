"""Which event leads an article: one its first dated sentence reports. What happened leads
over the saying of it ("the ministry said on Tuesday that Commerce had set duties on
August 15": the duties) and over what falls due ("issued a regulation on June 23 requiring
E10 by January 1": the regulation) when it is dated to the day or the week; an event dated
to the day leads over one only dated by a quarter, half or year ("confidence recovered in
the third quarter, a survey released on Tuesday showed")."""

from __future__ import annotations

from vntrade.nlp.events.which_dates import COARSE
from vntrade.records import Event

_TELLING = ("briefing", "deadline")  # saying what happened, or what is due
_FINE = ("day", "week")


def lead_event(events: list[Event]) -> Event:
    """The lead among `events` (in the order found): of the earliest sentence's events, the
    first dated to a day or a week that is not a briefing or a deadline, else the first such
    that is not a deadline; else the first, or the first dated to a day when that one is
    coarse."""
    first = min(event.order for event in events)
    reported = [event for event in events if event.order == first]
    happened = [e for e in reported if e.kind not in _TELLING and e.precision in _FINE]
    said = [e for e in reported if e.kind != "deadline" and e.precision in _FINE]
    if happened or said:
        return (happened or said)[0]  # the saying leads over what it says is due
    if reported[0].precision in COARSE:
        days = [event for event in reported if event.precision == "day"]
        return (days or reported)[0]
    return reported[0]
