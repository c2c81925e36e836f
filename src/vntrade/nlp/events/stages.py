"""One event per happening: the opening or close of talks, a visit or a meeting told apart
from the days they span.

An article often reports a round of talks three times: "wrapped up the second round on
Thursday", "the four-day round opened on Monday", "the talks, held from June 9 to 12". The
event that says a happening opened on its first day or closed on its last is that happening:
it joins the event of the same kind that spans those days, and an opening and a close of the
same kind, at most `LONGEST_STAGES_DAYS` apart with no other such event between them, make
one span. What is kept is the event told first (the lead is the first sentence's), with the
span's first and last day. Two events of a kind over the very same days are one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from vntrade.nlp.events.kind_words import HAPPENING_KINDS
from vntrade.nlp.events.ranges import LONGEST_STRETCH_DAYS
from vntrade.periods import parse_period
from vntrade.records import Event

LONGEST_STAGES_DAYS = 14  # an opening and a close further apart are two happenings
_SPANNING = ("negotiation", "meeting", "visit")
_OPENS = re.compile(
    r"\b(?:began|begins|begin|opened|opens|started|starts|kicked\s+off|kicks\s+off|"
    r"got\s+under\s*way|gets\s+under\s*way|commenced|commences|convened|convenes)\b",
    re.IGNORECASE,
)
_CLOSES = re.compile(
    r"\b(?:ended|ends|concluded|concludes|wrapped\s+up|wraps\s+up|closed|closes|wound\s+up|"
    r"winds\s+up|finished|finishes|came\s+to\s+an\s+end|comes\s+to\s+an\s+end)\b",
    re.IGNORECASE,
)


# "opens on October 20 and runs through December 11": the opening's clause says how long
# it goes on; the run's own event has lost its date ("... and is scheduled to run").
_RUNS_TO = re.compile(r"\b(?:runs?|lasts?|continues?)\s+(?:through|until|till|to)\s+\S", re.I)
_RUN_WITHOUT_DATE = re.compile(r"\b(?:runs?|lasts?|continues?)\s*(?:,|$)", re.IGNORECASE)
LONGEST_RUN_DAYS = 90  # a session of a legislature runs for weeks


def stages_merged(events: list[Event]) -> list[Event]:
    """`events` (in the order found) with each happening's opening and close joined to the
    event spanning its days, or to each other, as described in the module."""
    kept = _runs_joined(events)
    for stage in [e for e in events if _stage(e)]:
        if stage not in kept:
            continue
        partner = _spanning_partner(stage, kept) or _other_stage(stage, kept)
        if partner is None:
            continue
        first, second = sorted((stage, partner), key=lambda e: (e.order, e.sentence_start))
        _span(first, second)
        kept.remove(second)
    return _told_once(kept)


def _told_once(events: list[Event]) -> list[Event]:
    """Without a second event of a happening's kind over the very same days ("wrapped up
    the round after four days ... The round was held June 9-12")."""
    kept: list[Event] = []
    for event in events:
        spans = event.kind in _SPANNING and _days(event) > 1
        if spans and any(
            (e.kind, e.start, e.end) == (event.kind, event.start, event.end) for e in kept
        ):
            continue
        kept.append(event)
    return kept


def _stage(event: Event) -> str | None:
    """ "opens" or "closes" for a one-day event of a happening told as its opening or close."""
    if event.kind not in _SPANNING or _days(event) != 1:
        return None
    words = event.summary
    closes, opens = _CLOSES.search(words), _OPENS.search(words)
    if closes and not opens:
        return "closes"
    if opens and not closes:
        return "opens"
    return None


def _spanning_partner(stage: Event, events: list[Event]) -> Event | None:
    """The event of the stage's kind that spans several days and starts (for an opening) or
    ends (for a close) on the stage's day."""
    side = _stage(stage)
    for other in events:
        if other is stage or other.kind != stage.kind or _days(other) < 2:
            continue
        if side == "opens" and other.start == stage.start:
            return other
        if side == "closes" and other.end == stage.end:
            return other
    return None


def _other_stage(stage: Event, events: list[Event]) -> Event | None:
    """For a close, the opening of the same kind at most `LONGEST_STAGES_DAYS` before it
    with no other event of the kind between them (and the other way round)."""
    same = sorted(
        (e for e in events if e.kind == stage.kind and e.start and e is not stage),
        key=lambda e: e.start or "",
    )
    side = _stage(stage)
    if side == "closes":
        before = [e for e in same if (e.start or "") < (stage.start or "")]
        found = before[-1] if before else None
        wanted = "opens"
    else:
        after = [e for e in same if (e.start or "") > (stage.start or "")]
        found = after[0] if after else None
        wanted = "closes"
    if found is None or _stage(found) != wanted:
        return None
    opening, close = (found, stage) if side == "closes" else (stage, found)
    gap = _day(close.start) - _day(opening.start)
    return found if timedelta(0) < gap <= timedelta(days=LONGEST_STAGES_DAYS) else None


def _span(kept: Event, joined: Event) -> None:
    """`kept` takes the days of both events."""
    if (joined.start or "") < (kept.start or ""):
        kept.start, kept.value = joined.start, joined.value
    if (joined.end or "") > (kept.end or ""):
        kept.end = joined.end
    kept.precision = "day"


def _days(event: Event) -> int:
    if not event.start or not event.end or event.precision != "day":
        return 0
    return (_day(event.end) - _day(event.start)).days


def _day(iso: str | None) -> date:
    return date.fromisoformat((iso or "")[:10])


def _runs_joined(events: list[Event]) -> list[Event]:
    """An opening and how long it runs told in one sentence ("the talks began on Monday and
    run through Friday") are one event from the first day to the last; a weekday end read
    as the week before the opening is the one after it."""
    kept = list(events)
    for opening in events:
        if _stage(opening) != "opens" or not _RUNS_TO.search(opening.sentence):
            continue
        run = next(
            (
                e
                for e in kept
                if e is not opening
                and e.sentence_start == opening.sentence_start
                and e.kind in (opening.kind, "briefing", "report")  # "... that runs through"
                and _days(e) == 1
                and _RUN_WITHOUT_DATE.search(e.summary)
            ),
            None,
        )
        if run is None or opening not in kept:
            continue
        last = _day(run.start)
        if last < _day(opening.start) <= last + timedelta(days=6):
            last += timedelta(days=7)  # "began on Monday and run through Friday"
        days = (last - _day(opening.start)).days
        if 0 < days <= LONGEST_RUN_DAYS:
            opening.end = (last + timedelta(days=1)).isoformat()
            kept.remove(run)
            kept = [e for e in kept if not _holds(e, opening)]
    return kept


def _holds(coarse: Event, span: Event) -> bool:
    """Whether `coarse` is the same sentence's week or month of the same kind that holds
    `span`'s days ("are meeting this week, with talks that began on Monday ...")."""
    return (
        coarse is not span
        and coarse.sentence_start == span.sentence_start
        and coarse.kind == span.kind
        and coarse.precision in ("week", "month")
        and bool(coarse.start and coarse.end and span.start and span.end)
        and (coarse.start or "") <= (span.start or "")
        and (span.end or "") <= (coarse.end or "")
    )


# A sentence that only says how long a happening named before goes on.
_GOES_ON = re.compile(
    r"The\s+(?:[\w-]+\s+){0,3}?(?:round|talks|visit|trip|tour|meeting|conference|forum|"
    r"session|negotiations?|fair|summit|mission|exhibition|dialogue)\b[^.;]*?\b(?:runs?|ran|"
    r"lasts?|lasted|continues?|continued|ends?|ended|concludes?|concluded|closes?|closed|"
    r"wrap(?:s|ped)?\s+up)\b",
    re.IGNORECASE,
)


def continuations_merged(events: list[Event]) -> list[Event]:
    """Events whose sentence only says how long an earlier happening goes on ("The round,
    which runs through Thursday", "The visit ended on May 9") extend that happening, the
    latest earlier one of the same kind, up to 31 days, instead of standing alone."""
    kept: list[Event] = []
    for event in events:
        earlier = next(
            (e for e in reversed(kept) if e.kind == event.kind and e.order < event.order), None
        )
        goes_on = event.kind in HAPPENING_KINDS and _GOES_ON.match(event.summary)
        if earlier is not None and goes_on and _extends(earlier, event):
            earlier.end = event.end
            continue
        kept.append(event)
    return kept


def _extends(earlier: Event, later: Event) -> bool:
    if not (earlier.start and earlier.end and later.start and later.end):
        return False
    first, last = parse_period(earlier.start), parse_period(later.end)
    if first is None or last is None or later.start < earlier.start:
        return False
    return 0 < (last.start - first.start).days <= LONGEST_STRETCH_DAYS + 1
