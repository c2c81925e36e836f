"""Events found in one extraction record: each dated sentence, and each directive's deadline.

A date mention (not a duration or set) anchors an event in its sentence: the kind
comes from the trigger words nearest the date, the actors from the actor mentions of the
sentence, the summary from the clause around the date. Directive deadlines, and dates an
order or a "by" makes due, become `deadline` events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vntrade.periods import parse_period
from vntrade.views.directives import article_directives
from vntrade.views.kinds import choose_kind
from vntrade.views.mentions import Mentions
from vntrade.views.names import NameIndex
from vntrade.views.summary import ORDER, clause_summary, deadline_summary, ordered_summary
from vntrade.views.text import clause_spans, content_words, sentence_spans, stem, word_set

_DEADLINE_CUE = re.compile(r"\b(?:by|before|until|till|no\s+later\s+than|deadline\s+of)\s+$", re.I)
EVENT_TIMEX = ("DATE", "TIME")
# Words of office that go with names ("Prime Minister ..."): they say who, not what.
TITLE_WORDS = frozenset(
    stem(word)
    for word in word_set(
        "prime minister deputy vice president general secretary party chairman chairwoman "
        "head official standing permanent acting"
    )
)
COARSE = ("quarter", "season", "half", "year", "decade")
WEAK_KINDS = ("report", "briefing")
_TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2}
_CAPTION = re.compile(r"\s*(?:\(|__)?Photo\b")


@dataclass(slots=True)
class Event:
    """One dated happening reported by one article."""

    article: str
    value: str
    kind: str
    summary: str
    sentence: str
    order: int  # index of the evidence sentence in the article
    actors: list[str] = field(default_factory=list)
    commodities: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    addressee: str | None = None
    caption: bool = False  # a photo caption: repeats the story, in the present tense


def article_events(record: dict[str, Any]) -> list[Event]:
    """Every event of one record: dated sentences, then directive deadlines."""
    text = record.get("text") or ""
    sentences = sentence_spans(text)
    mentions = Mentions(record, sentences)
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    for date in sorted(record.get("dates", []), key=lambda d: d["start"]):
        index = _sentence_index(sentences, date["start"])
        if index is None or not _is_event_date(date) or (index, date["value"]) in seen:
            continue
        seen.add((index, date["value"]))
        if _directive_covers(record, date, sentences, index):
            continue  # the directive's own deadline event reports it
        event = _event_from_date(record, mentions, sentences[index], index, date)
        if event.kind in WEAK_KINDS and parse_period(event.value).precision in COARSE:
            continue  # "this year", "in the first quarter" naming no happening: a statistic
        events.append(event)
    events.extend(_directive_deadlines(record, mentions, sentences))
    return events


def _is_event_date(date: dict[str, Any]) -> bool:
    if date.get("timex_type", "DATE") not in EVENT_TIMEX:
        return False
    period = parse_period(date.get("value", ""))
    return period is not None and period.precision != "decade"


def _sentence_index(sentences: list[tuple[int, int]], position: int) -> int | None:
    for index, (start, end) in enumerate(sentences):
        if start <= position < end:
            return index
    return None


def _directive_covers(
    record: dict[str, Any], date: dict[str, Any], sentences: list[tuple[int, int]], index: int
) -> bool:
    """Whether a directive of the date's sentence has this date as its deadline."""
    return any(
        d.get("deadline") == date["value"]
        and (
            d["start"] <= date["start"] < d["end"]
            or _sentence_index(sentences, d["start"]) == index
        )
        for d in record.get("directives", [])
    )


def _event_from_date(
    record: dict[str, Any],
    mentions: Mentions,
    sentence: tuple[int, int],
    index: int,
    date: dict[str, Any],
) -> Event:
    text = record["text"]
    start, end = sentence
    clauses = clause_spans(text, start, end)
    clause = next((c for c in clauses if c[0] <= date["start"] < c[1]), (start, end))
    kind = choose_kind(text, sentence, clause, (date["start"], date["end"]))
    summary, subject = clause_summary(text, clauses, clause, date, mentions)
    if (
        date.get("deadline")
        or _DEADLINE_CUE.search(text, max(start, date["start"] - 40), date["start"])
        or ORDER.search(text, clause[0], date["start"])
    ):
        # A deadline stated outside any directive ("tariffs are paused until July 9"), or
        # the date of an ordered action ("directed ministries to sign contracts in May").
        kind = "deadline"
        summary = ordered_summary(text, clause, date, mentions) or f"Deadline: {summary}"
    named = sorted(mentions.actors_in(start, end), key=lambda m: _TYPE_ORDER.get(m[3], 3))
    actors = _unique([subject, *_names(named)])  # who acts first, countries last
    return Event(
        article=record["id"],
        value=date["value"],
        kind=kind,
        summary=summary,
        sentence=text[start:end],
        order=index,
        actors=actors,
        commodities=mentions.commodities_in(start, end),
        words=_topic_words(record, mentions, start, end),
        caption=bool(_CAPTION.match(text, end) or "Photo:" in text[start:end]),
    )


def _directive_deadlines(
    record: dict[str, Any], mentions: Mentions, sentences: list[tuple[int, int]]
) -> list[Event]:
    events = []
    for directive in article_directives(record, NameIndex.of_actors([record]), year=None):
        value = directive["deadline"]
        if not value or parse_period(value) is None:
            continue
        start, end = directive["start"], directive["end"]
        addressee = directive["addressee"]
        named = [name for name in (directive["issuer"], addressee) if name in mentions.types]
        events.append(
            Event(
                article=record["id"],
                value=value,
                kind="deadline",
                summary=deadline_summary(addressee, directive["action"], record),
                sentence=directive["sentence"] or record.get("text", "")[start:end],
                order=_sentence_index(sentences, start) or 0,
                actors=_unique([*named, *_names(mentions.actors_in(start, end))]),
                commodities=mentions.commodities_in(start, end),
                words=directive["words"],
                addressee=addressee,
            )
        )
    return events


def _topic_words(record: dict[str, Any], mentions: Mentions, start: int, end: int) -> set[str]:
    """Content words of a sentence without its names and dates: what it is about, which tells
    apart two meetings of one minister on one day."""
    chars = list(record["text"][start:end])
    spans = [(m[0], m[1]) for m in mentions.actors_in(start, end)]
    spans += [(d["start"], d["end"]) for d in record.get("dates", []) if start <= d["start"] < end]
    for a, b in spans:
        chars[a - start : b - start] = " " * (min(b, end) - a)
    return content_words("".join(chars)) - TITLE_WORDS


def _names(found: list[tuple[int, int, str, str | None]]) -> list[str]:
    return [name for _s, _e, name, _t in found]


def _unique(items: Any) -> list[Any]:
    return list(dict.fromkeys(item for item in items if item))
