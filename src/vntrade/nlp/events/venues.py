"""What was decided at a meeting the article dated before: "At the meeting, the PM decided to
set up a task force", "At the talks, the two sides agreed to ...".

State media tell a meeting's date once, then what was decided there in sentences of their own
that open with the meeting ("At the meeting", "During the working session"). Such a sentence,
with no date of its own and a verb of deciding, ordering or agreeing, is an event on the day
of the last meeting, talks or call the article dated before it (within a few sentences); its
opening phrase stands where a date would, so the summary leaves it out ("The PM decided to
set up a task force").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from vntrade.records import Event

if TYPE_CHECKING:
    from spacy.tokens import Doc

_AT_VENUE = re.compile(
    r"(?:At|During|On\s+the\s+sidelines\s+of)\s+(?P<venue>(?:the|this)\s+(?:meeting|conference|"
    r"(?:working\s+)?session|talks|reception|dialogue|seminar|workshop|forum|ceremony))\s*,",
)
_ACTS = re.compile(
    r"decided|asked|assigned|directed|requested|instructed|tasked|ordered|agreed|signed|approved"
)
_HOSTS = ("meeting", "negotiation", "call", "visit")
REACH_SENTENCES = 4


def venue_dates(
    doc: Doc, sentences: list[tuple[int, int]], events: list[Event], dated: set[int]
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(sentence index, date) for each undated sentence that opens with a meeting dated
    before it and tells, as its main verb, what was decided there; the date's span is the
    meeting's phrase. The meeting is the last event before it whose own verb or noun is
    that kind of happening, told with the same noun ("chaired a meeting", "held talks")."""
    text = doc.text
    for index, (start, end) in enumerate(sentences):
        if index in dated:
            continue
        opening = _AT_VENUE.match(text, start, end)
        span = doc.char_span(start, end, alignment_mode="expand") if opening else None
        if opening is None or span is None or not _ACTS.fullmatch(span.root.lower_):
            continue
        noun = opening["venue"].split()[-1]
        before = [
            e
            for e in events
            if e.kind in _HOSTS
            and e.precision == "day"
            and index - REACH_SENTENCES <= e.order < index
            and e.trigger
            and noun in e.summary.lower()
            and e.trigger.lower() in e.summary.lower()
            and not e.sentence.lower().startswith(f"the {noun}")  # told again, not dated there
        ]
        if before:
            host = max(before, key=lambda e: e.order)
            span = {"start": opening.start(), "end": opening.end("venue"), "text": opening["venue"]}
            yield index, {**span, "value": host.value}
