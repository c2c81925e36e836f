"""Events of one extraction record, as ingest stores them and the views read them: the
pipeline's events (`record["events"]`, see `nlp/events/`) with what clustering matches them on."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from vntrade.events.directives import article_directives
from vntrade.events.text import content_words, sentence_spans, stem, word_set
from vntrade.events.undated import floating_events
from vntrade.names import NameIndex
from vntrade.nlp.events.finder import find_events
from vntrade.nlp.events.kinds import TRIGGERS
from vntrade.periods import parse_period

# Words that say who, not what: words of office that go with names ("Prime Minister ..."),
# and the two countries, which every story of the talks names.
TITLE_WORDS = frozenset(
    stem(word)
    for word in word_set(
        "prime minister deputy vice president general secretary party chairman chairwoman "
        "head official standing permanent acting ambassador representative governor senator "
        "director assistant spokesperson spokesman spokeswoman "
        "vietnam vietnamese american united states"
    )
)
MAX_TRIGGER_WORDS = 3
_CAPTION = re.compile(r"\s*(?:\(|__)?Photo\b")


@dataclass(slots=True)
class EventReport:
    """One article's report of a dated happening: the pipeline's event (`records.Event`) with
    what clustering matches it on."""

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


def article_events(record: dict[str, Any], year: int | None = None) -> list[EventReport]:
    """Every event of one record, as the pipeline found them, and those of its dates that
    have no place on the calendar ("on Tuesday" in an article without a date: see
    `events.undated`; `year` is the corpus's, for them)."""
    found = record_events(record)
    floating = floating_events(record, article_year(record) or year)
    if floating:
        found = _in_text_order(found + floating)
    directives = []
    if any(event.get("directive") is not None for event in found):
        directives = article_directives(record, NameIndex.of_actors([record]), year=None)
    mentions = _mention_spans(record) if found else []
    return [_view_event(record, event, directives, mentions) for event in found]


def _mention_spans(record: dict[str, Any]) -> list[tuple[int, int]]:
    """(start, end) of every actor mention of the record, in the record's order."""
    return [
        (m["start"], m["end"])
        for actor in record.get("actors", [])
        for m in actor.get("mentions", [])
    ]


def _in_text_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events of two sources numbered again by their sentences' place in the text."""
    starts = sorted({event["sentence_start"] for event in events})
    rank = {start: index for index, start in enumerate(starts)}
    ordered = sorted(events, key=lambda event: event["sentence_start"])
    return [{**event, "order": rank[event["sentence_start"]]} for event in ordered]


def article_year(record: dict[str, Any]) -> int | None:
    """The year the article itself gives: its publication or reference date's, else the
    one year most of its explicit dates agree on; None when it gives none."""
    for key in ("published", "reference_date"):
        period = parse_period(record.get(key) or "")
        if period and period.placed:
            return period.start.year
    years: Counter[int] = Counter()
    for mention in record.get("dates", []):
        period = parse_period(mention.get("value") or "")
        if period and period.placed and period.precision not in ("decade", "year"):
            years[period.start.year] += 1
    if not years:
        return None
    year, count = years.most_common(1)[0]
    return year if 2 * count > sum(years.values()) else None


def record_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's `events`; for a record without them, the pipeline's event rules over
    punctuation-split sentences, with no resolved references.

    Kept for records made before the events component: those of an older store (the views
    warn that they are stale) and hand-made ones."""
    if "events" in record:
        return record["events"]
    text = record.get("text") or ""
    return [asdict(event) for event in find_events(record, sentence_spans(text), {})]


def _view_event(
    record: dict[str, Any],
    event: dict[str, Any],
    directives: list[dict[str, Any]],
    mentions: list[tuple[int, int]],
) -> EventReport:
    text = record.get("text") or ""
    start, end = event["sentence_start"], event["sentence_end"]
    directive = directives[event["directive"]] if event.get("directive") is not None else None
    return EventReport(
        article=record["id"],
        value=event["value"],
        kind=event["kind"],
        summary=event["summary"],
        sentence=event["sentence"],
        order=event["order"],
        actors=list(event["actors"]),
        commodities=list(event["commodities"]),
        words=directive["words"] if directive else _topic_words(record, start, end, mentions),
        addressee=directive["addressee"] if directive else None,
        caption=directive is None
        and bool(_CAPTION.match(text, end) or "Photo:" in event["sentence"]),
    )


# Every kind's trigger pattern in one, so that a sentence is scanned once.
_ANY_TRIGGER = re.compile("|".join(f"(?:{p.pattern})" for _, p in TRIGGERS), re.IGNORECASE)


def trigger_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of `text[start:end]` that the event kinds' trigger patterns match, short ones
    only (a pattern may also span the words between a verb and its object)."""
    return [
        match.span()
        for match in _ANY_TRIGGER.finditer(text, start, end)
        if len(match.group().split()) <= MAX_TRIGGER_WORDS
    ]


def _topic_words(
    record: dict[str, Any], start: int, end: int, mentions: list[tuple[int, int]]
) -> set[str]:
    """Content words of a sentence without its names, dates and trigger words ("met",
    "phone call": the kind says those): what it is about, which tells apart two meetings of
    one minister on one day. `mentions`: the record's actor mentions (`_mention_spans`)."""
    chars = list(record["text"][start:end])
    spans = [(a, b) for a, b in mentions if start <= a and b <= end]
    spans += [(d["start"], d["end"]) for d in record.get("dates", []) if start <= d["start"] < end]
    spans += trigger_spans(record["text"], start, end)
    for a, b in spans:
        chars[a - start : b - start] = " " * (min(b, end) - a)
    return content_words("".join(chars)) - TITLE_WORDS
