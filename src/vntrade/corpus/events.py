"""Labelled synthetic news: events reported by one to five outlets, for clustering benchmarks.

`make_event_corpus(n, seed)` yields `LabelledArticle`s, each labelled with the event it
reports. An event has a day, a kind, two to four key actors, a topic and goods; each report
words it differently, under its outlet's dateline, with a date style relative to its own
publication day ("Tuesday", "the same day", "March 4 evening", "this week"). Look-alike
events repeat an earlier event's actors and kind a few days later (a later round of talks
gets the next ordinal). `LabelledArticle.record()` is the extraction record `vntrade extract`
would print for it, with exact offsets, so large stores can be built without spaCy.

A `Shape` (`SHAPES`: default, dense, renamed, undated, yearless) departs from the defaults:
denser days with more look-alikes and reports, same-day events that share one prominent
actor, reports worded as another kind, reports without a publication date, and reports
without any year.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from vntrade.corpus.articles import AMERICANS, GOODS, ORDINALS, VIETNAMESE
from vntrade.corpus.dates import unanchored, when_phrase, yearless_phrase
from vntrade.corpus.labelled import CastMember, LabelledArticle
from vntrade.corpus.templates import (
    EVENTS_PER_DAY,
    FOLLOWS,
    GIVEN,
    KINDS,
    LEADS,
    LOOKALIKE_LAG,
    LOOKALIKE_SHARE,
    MIDDLES,
    OUTLETS,
    PLACES,
    RENAMED,
    REPORT_WEIGHTS,
    REPORTS,
    SURNAMES,
    TOPICS,
    US_FIRST,
    US_LAST,
    US_ORGS,
    US_ROLES,
    VN_ORGS,
    VN_ROLES,
)


@dataclass(frozen=True, slots=True)
class Shape:
    """How a labelled corpus departs from the defaults (each share is of events or reports)."""

    events_per_day: int = EVENTS_PER_DAY
    lookalike_share: float = LOOKALIKE_SHARE
    report_weights: tuple[int, ...] = REPORT_WEIGHTS
    same_day_share: float = 0.0  # events: another call/meeting of one prominent actor that day
    renamed_share: float = 0.0  # reports worded as another kind ("announced after talks")
    undated_share: float = 0.0  # reports without a publication date ("on Tuesday")
    yearless_share: float = 0.0  # reports without a publication date or year ("on July 2")


SHAPES = {
    "default": Shape(),
    # Denser days, half of the events look-alikes, ~3.7 reports an event, and same-day events
    # of one prominent actor with other counterparts.
    "dense": Shape(
        events_per_day=60,
        lookalike_share=0.5,
        report_weights=(5, 10, 25, 35, 25),
        same_day_share=0.15,
    ),
    "renamed": Shape(renamed_share=0.3),
    "undated": Shape(undated_share=0.3),
    "yearless": Shape(yearless_share=0.3),
}


@dataclass(frozen=True, slots=True)
class TradeEvent:
    """One happening: what every report of it has in common."""

    id: str
    day: date
    kind: str
    vn: CastMember
    us: CastMember
    org: CastMember
    topic: str
    goods: tuple[str, str]
    place: str
    ordinal: str | None = None
    lookalike_of: str | None = None  # the earlier event it resembles


def make_events(n_events: int, seed: int = 0, shape: Shape = SHAPES["default"]) -> list[TradeEvent]:
    """`n_events` events in day order; a look-alike continues a series (same actors and
    kind) two to six days after its latest event, a round of talks with the next ordinal;
    with `shape.same_day_share`, some events are another event of a prominent actor on the
    day of the last one, with another counterpart."""
    rng = random.Random(seed)
    span = max(365, math.ceil(n_events / shape.events_per_day))
    days = sorted(date(2025, 1, 1) + timedelta(days=rng.randrange(span)) for _ in range(n_events))
    events: list[TradeEvent] = []
    # the last event of each series
    latest: dict[tuple[CastMember, CastMember, str], TradeEvent] = {}
    for index, day in enumerate(days):
        ident = f"e{index:06d}"
        if events and shape.same_day_share and rng.random() < shape.same_day_share:
            other = _same_day(rng, events, ident)
            if other is not None:
                events.append(other)
                latest.setdefault((other.vn, other.us, other.kind), other)
                continue
        if events and rng.random() < shape.lookalike_share:
            model = events[-1 - rng.randrange(min(30, len(events)))]
            model = latest[(model.vn, model.us, model.kind)]
            if model.day >= day - LOOKALIKE_LAG:  # keeps events nearly in day order
                events.append(_lookalike(rng, model, ident))
                latest[(model.vn, model.us, model.kind)] = events[-1]
                continue
        kind = KINDS[rng.randrange(len(KINDS))]
        goods = rng.sample(GOODS, 2)
        events.append(
            TradeEvent(
                id=ident,
                day=day,
                kind=kind,
                vn=_vn_person(rng),
                us=_us_actor(rng, kind),
                org=CastMember(rng.choice(VN_ORGS), "ORG", None),
                topic=rng.choice(TOPICS),
                goods=(goods[0], goods[1]),
                place=rng.choice(PLACES),
                ordinal=rng.choice(ORDINALS[:3]) if kind == "negotiation" else None,
            )
        )
        latest.setdefault((events[-1].vn, events[-1].us, kind), events[-1])
    return events


def make_event_corpus(
    n_articles: int, seed: int = 0, shape: Shape | str = "default"
) -> Iterator[LabelledArticle]:
    """Yield `n_articles` labelled reports in publication order; deterministic per `seed`
    and `shape` (a `Shape` or a name in `SHAPES`).

    Streams: an article is held only until no later event can be published before it."""
    shape = SHAPES[shape] if isinstance(shape, str) else shape
    weights = shape.report_weights
    mean = sum(r * w for r, w in zip(REPORTS, weights, strict=True)) / sum(weights)
    events = make_events(math.ceil(1.1 * n_articles / mean) + 5, seed, shape)
    rng = random.Random(seed + 1)
    waiting: list[tuple[date, str, LabelledArticle]] = []
    made = 0
    settled = date.min
    for event in events:
        # Events come in day order but for look-alikes, which come at most four days before
        # the event they follow (LOOKALIKE_LAG less two): nothing later is published earlier.
        settled = event.day - timedelta(days=4) if event.lookalike_of is None else settled
        while waiting and waiting[0][0] < settled:
            yield heapq.heappop(waiting)[2]
        count = rng.choices(REPORTS, weights)[0]
        for outlet in rng.sample(OUTLETS, count)[: n_articles - made]:
            article = _report(rng, event, outlet, made, shape)
            made += 1
            heapq.heappush(waiting, (article.published, article.id, article))
        if made >= n_articles:
            break
    while waiting:
        yield heapq.heappop(waiting)[2]


def write_event_jsonl(
    path: str | Path,
    n_articles: int,
    seed: int = 0,
    *,
    records: bool = False,
    shape: Shape | str = "default",
) -> Path:
    """Write labelled articles as JSONL (id, published, agency, dateline, text, event), or
    with `records` their extraction records (each with its "event" label); an article
    without a publication date has `published` null."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for article in make_event_corpus(n_articles, seed, shape):
            row = article.record() if records else {
                "id": article.id,
                "published": article.published.isoformat() if article.dated else None,
                "agency": article.agency,
                "dateline": article.dateline,
                "text": article.text,
                "event": article.event,
            }  # fmt: skip
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return target


def _lookalike(rng: random.Random, model: TradeEvent, ident: str) -> TradeEvent:
    ordinal = model.ordinal
    if ordinal is not None:
        ordinal = ORDINALS[min(ORDINALS.index(ordinal) + 1, len(ORDINALS) - 1)]
    topic = model.topic if rng.random() < 0.5 else rng.choice(TOPICS)
    return TradeEvent(
        id=ident,
        day=model.day + timedelta(days=rng.randrange(2, 7)),
        kind=model.kind,
        vn=model.vn,
        us=model.us,
        org=model.org,
        topic=topic,
        goods=model.goods if rng.random() < 0.5 else tuple(rng.sample(GOODS, 2)),
        place=model.place,
        ordinal=ordinal,
        lookalike_of=model.id,
    )


def _same_day(rng: random.Random, events: list[TradeEvent], ident: str) -> TradeEvent | None:
    """Another event of a prominent US actor of the last day's events, that day, with
    another Vietnamese counterpart, company and subject ("Greer's second call that day")."""
    famous = {name for name, _ in AMERICANS}
    day = events[-1].day
    models = [e for e in events[-30:] if e.day == day and e.us.name in famous]
    if not models:
        return None
    model = models[rng.randrange(len(models))]
    goods = rng.sample(GOODS, 2)
    vn = _vn_person(rng)
    while vn == model.vn:
        vn = _vn_person(rng)
    return TradeEvent(
        id=ident,
        day=day,
        kind=model.kind,
        vn=vn,
        us=model.us,
        org=CastMember(rng.choice(VN_ORGS), "ORG", None),
        topic=rng.choice([t for t in TOPICS if t != model.topic]),
        goods=(goods[0], goods[1]),
        place=rng.choice(PLACES),
        ordinal=model.ordinal,
        lookalike_of=model.id,
    )


def _vn_person(rng: random.Random) -> CastMember:
    if rng.random() < 0.3:
        plain, _accented, title = VIETNAMESE[rng.randrange(len(VIETNAMESE))]
        return CastMember(plain, "PERSON", title)
    name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
    return CastMember(name, "PERSON", rng.choice(VN_ROLES))


def _us_actor(rng: random.Random, kind: str) -> CastMember:
    if kind == "agreement":
        return CastMember(rng.choice(US_ORGS[:10]), "ORG", None)
    if rng.random() < 0.3:
        name, title = AMERICANS[rng.randrange(len(AMERICANS))]
        return CastMember(name, "PERSON", title)
    return CastMember(
        f"{rng.choice(US_FIRST)} {rng.choice(US_LAST)}", "PERSON", rng.choice(US_ROLES)
    )


def _report(
    rng: random.Random, event: TradeEvent, outlet: str, index: int, shape: Shape
) -> LabelledArticle:
    published = event.day + timedelta(days=rng.choices((0, 1, 2, 3), (50, 30, 12, 8))[0])
    undated = bool(shape.undated_share) and rng.random() < shape.undated_share
    yearless = bool(shape.yearless_share) and rng.random() < shape.yearless_share
    when = when_phrase(rng, event.day, published)
    if yearless:
        when = yearless_phrase(rng, event.day)
    elif undated:
        when = unanchored(when)
    renamed = bool(shape.renamed_share) and rng.random() < shape.renamed_share
    fill = {
        "A": _named(event.vn, rng),
        "B": _named(event.us, rng),
        "O": [(event.org.name, event.org)],
        "W": [(when[0], ("date", *when[1:]))],
        "T": [(event.topic, None)],
        "G": [(event.goods[0], ("good", event.goods[0]))],
        "H": [(event.goods[1], ("good", event.goods[1]))],
        "N": [(event.ordinal or "first", None)],
        "P": [(event.place, None)],
        "a": [(_short(event.vn), event.vn)],
        "b": [(_short(event.us), event.us)],
    }
    pieces = _fill(rng.choice((RENAMED if renamed else LEADS)[event.kind]), fill)
    for follow in rng.sample(FOLLOWS, rng.randrange(1, 4)):
        pieces.append((" " if rng.random() < 0.5 else "\n\n", None))
        pieces.extend(_fill(follow, fill))
    pieces[0] = (pieces[0][0][0].upper() + pieces[0][0][1:], pieces[0][1])
    body = "".join(text for text, _ in pieces)
    digest = hashlib.sha256(f"{event.id}{outlet}{body}".encode()).hexdigest()[:12]
    return LabelledArticle(
        id=f"{index:06d}_{digest}",
        event=event.id,
        published=published,
        agency=outlet,
        dateline=event.place if outlet in ("Reuters", "Xinhua") else "Hanoi",
        title=f"Vietnam and US: {event.topic} and {event.goods[0]}",
        pieces=tuple(pieces),
        lookalike_of=event.lookalike_of,
        dated=not (undated or yearless),
    )


def _named(actor: CastMember, rng: random.Random) -> list[tuple[str, Any]]:
    if actor.role and rng.random() < 0.7:
        return [(f"{actor.role} ", None), (actor.name, actor)]
    return [(actor.name, actor)]


def _short(actor: CastMember) -> str:
    return actor.name.split()[-1] if actor.type == "PERSON" else actor.name


def _fill(template: str, fill: dict[str, list[tuple[str, Any]]]) -> list[tuple[str, Any]]:
    pieces: list[tuple[str, Any]] = []
    for literal, field, _spec, _conv in string.Formatter().parse(template):
        if literal:
            pieces.append((literal, None))
        if field:
            pieces.extend(fill[field])
    return pieces
