"""Which event leads an article: one its first dated sentence reports. What happened leads
over the saying of it ("the ministry said on Tuesday that Commerce had set duties on
August 15": the duties) and over what falls due ("issued a regulation on June 23 requiring
E10 by January 1": the regulation) when it is dated to the day or the week; an event dated
to the day leads over one only dated by a quarter, half or year ("confidence recovered in
the third quarter, a survey released on Tuesday showed"). When the first sentence only says
that something has been done ("X has lowered its tariff to 19%, the minister said on
Friday") and one of the next two sentences dates it ("The new rate was set in an order
signed on Thursday"), that happening leads. A deal leads over the call or meeting of its
day that the sentence tells beside it ("Indonesia and the US agreed on a 19% tariff,
following a call on Tuesday")."""

from __future__ import annotations

import re
from datetime import date

from vntrade.nlp.events.which_dates import COARSE
from vntrade.records import Event

_TELLING = ("briefing", "deadline")  # saying what happened, or what is due
_FINE = ("day", "week")
# What a saying reports as done: "has lowered", "had submitted", "have agreed".
_DONE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?!been\b|to\b)\w+(?:ed|en|un|t)\b")
_REPORTED_WITHIN = 2  # sentences after the saying that may date what it reports
# What a saying reports as done ("has cut its tariff", "has submitted a proposal"); not a
# call or a meeting the next sentences tell beside it.
_REPORTED_DONE = ("tariff measure", "decision", "agreement", "announcement")
_DONE_BEFORE_DAYS = 7  # how long before the saying the reported happening may be


def lead_event(events: list[Event]) -> Event:
    """The lead among `events` (in the order found): of the earliest sentence's events, the
    first dated to a day or a week that is not a briefing or a deadline, else the first such
    that is not a deadline; else the first, or the first dated to a day when that one is
    coarse."""
    first = min(event.order for event in events)
    reported = [event for event in events if event.order == first]
    happened = [e for e in reported if e.kind not in _TELLING and e.precision in _FINE]
    said = [e for e in reported if e.kind != "deadline" and e.precision in _FINE]
    deals = [e for e in happened if e.kind == "agreement"]
    beside = happened[0].kind in ("call", "meeting") if happened else False
    if deals and beside and deals[0].start == happened[0].start:
        return deals[0]  # "agreed on a 19% tariff, following a call on Tuesday": the deal
    if happened or said:
        lead = (happened or said)[0]  # the saying leads over what it says is due
        return (_dated_later(lead, events) if not happened else None) or lead
    if reported[0].precision in COARSE:
        days = [event for event in reported if event.precision == "day"]
        return (days or reported)[0]
    return reported[0]


def _dated_later(saying: Event, events: list[Event]) -> Event | None:
    """The happening a briefing reports as done, dated by one of the next sentences."""
    if saying.kind != "briefing" or not _DONE.search(saying.summary) or not saying.start:
        return None
    said_on = date.fromisoformat(saying.start)
    for event in events:
        if not 0 < event.order - saying.order <= _REPORTED_WITHIN:
            continue
        if event.kind not in _REPORTED_DONE or event.precision != "day" or not event.start:
            continue
        if 0 <= (said_on - date.fromisoformat(event.start)).days <= _DONE_BEFORE_DAYS:
            return event
    return None
