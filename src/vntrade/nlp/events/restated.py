"""One happening told twice at the top of a story: first dated by its telling, then by its
doing.

Wire stories open with what happened and who says so ("South Korea and the United States
have reached a trade deal ..., the presidential office said Thursday") and date the deed in
the next sentences ("Trump announced the agreement on social media Wednesday"). The first
sentence's event then carries the day of the saying. When one of the next two sentences
tells a happening of the same kind, with an actor in common or naming it again ("the
agreement"), one to three days before the saying, the two are one event: the first
sentence's, on the day the next one gives.
"""

from __future__ import annotations

import re
from datetime import date

from vntrade.records import Event

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# A saying dated at the end of the first sentence: "..., officials said Wednesday", "...,
# the minister said on Friday", "said on July 16".
_SAID_ON = re.compile(
    rf"\b(?:said|says|announced|confirmed)\s+(?:on\s+|late\s+|early\s+)*"
    rf"(?:{_WEEKDAYS}|(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}})\b"
)
# The next sentence naming the happening again: "Trump announced the agreement on Tuesday".
_TOLD_AGAIN = re.compile(r"\bthe\s+(?:deal|agreement|accord|pact|framework)\b", re.IGNORECASE)
_DEEDS = ("agreement", "tariff measure", "decision", "call", "meeting", "negotiation", "visit")
_WITHIN = 2  # sentences after the first that may date its happening
_DAYS = range(1, 4)  # how many days before the saying the happening may be


def restated_merged(events: list[Event]) -> list[Event]:
    """`events` with the first sentence's happening moved to the day the next sentences
    give it, and their event of it dropped (see the module)."""
    if not events:
        return events
    first = min(event.order for event in events)
    for told in [e for e in events if e.order == first]:
        if told.kind not in _DEEDS or told.precision != "day" or not told.start:
            continue
        if not _SAID_ON.search(told.sentence):
            continue
        done = _dated_deed(told, events)
        if done is not None:
            told.value, told.start, told.end = done.value, done.start, done.end
            events = [e for e in events if e is not done]
    return events


def _dated_deed(told: Event, events: list[Event]) -> Event | None:
    """The event of the next sentences that dates the first sentence's happening."""
    said_on = date.fromisoformat(told.start or "")
    for event in events:
        if not 0 < event.order - told.order <= _WITHIN or event.kind != told.kind:
            continue
        shared = set(event.actors) & set(told.actors) or _TOLD_AGAIN.search(event.sentence)
        if event.precision != "day" or not event.start or not shared:
            continue
        if (said_on - date.fromisoformat(event.start)).days in _DAYS:
            return event
    return None
