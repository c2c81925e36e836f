"""Grouping articles that report the same event, and what their reports share and add.

Each article's lead event (the events of its first dated sentence) places it on the timeline.
Two articles report the same event when their lead events are one timeline entry, or when
their lead events are of one kind, a few days apart, with shared key actors and very similar
content (then the dates conflict). Different dates otherwise mean different events, however
alike the articles look.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from vntrade.views.directives import article_directives, group_directives, public
from vntrade.views.events import Event
from vntrade.views.figures import Figure, find_figures
from vntrade.views.names import NameIndex
from vntrade.views.periods import corpus_year, parse_period, with_year
from vntrade.views.text import content_words, jaccard
from vntrade.views.timeline import KEY_ACTOR_TYPES, build_timeline

SAME_STORY = 0.35  # Jaccard of article content words: two reports of one story
NEAR_DAYS = 3  # how far apart two reports may date one event before it must be two events
ASPECTS = ("actors", "commodities", "dates", "figures", "directives")  # in this order
_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+(?:\w+\s+){0,2}?(meeting|round|session|conference|dialogue|talks|visit)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Profile:
    """What one article reports, in comparable form."""

    id: str
    actors: list[str]
    key_actors: set[str]
    commodities: list[str]
    dates: list[str]
    figures: list[Figure]
    directives: list[dict[str, Any]]
    words: set[str]
    ordinals: dict[str, str]
    lead: list[tuple[int, Event]] = field(default_factory=list)  # (timeline entry, event)


def compare_records(
    records: list[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The comparison document, and each article's lead event (for display).

    With exactly two articles the document holds their side-by-side comparison, whether or
    not they report the same event (see `same_event`).
    """
    profiles = _profiles(records)
    links = _links(profiles)
    groups = _components([p.id for p in profiles], links)
    by_id = {p.id: p for p in profiles}
    leads = {p.id: _event_dict(p.lead[0][1]) for p in profiles if p.lead}
    if len(profiles) == 2 and len(groups) == 2:
        return {"clusters": [_cluster(profiles, [], same_event=False)], "singletons": []}, leads
    found: dict[str, list[dict[str, Any]]] = {}  # date conflicts, by a group's first article
    group_of = {i: group[0] for group in groups for i in group}
    for (first, _second), conflicts in links.items():
        found.setdefault(group_of[first], []).extend(conflicts)
    clusters = [
        _cluster([by_id[i] for i in group], found.get(group[0], []), same_event=True)
        for group in groups
        if len(group) > 1
    ]
    singletons = [group[0] for group in groups if len(group) == 1]
    return {"clusters": clusters, "singletons": singletons}, leads


def _profiles(records: list[dict[str, Any]]) -> list[Profile]:
    year = corpus_year(records)
    actors = NameIndex.of_actors(records)
    profiles = {}
    for record in records:
        text = record.get("text") or ""
        names = [actor["name"] for actor in record.get("actors", [])]
        profiles[record["id"]] = Profile(
            id=record["id"],
            actors=names,
            key_actors={n for n in names if actors.types.get(n) in KEY_ACTOR_TYPES},
            commodities=[c["name"] for c in record.get("commodities", [])],
            dates=_dates(record, year),
            figures=find_figures(record),
            directives=article_directives(record, actors, year),
            words=content_words(text),
            ordinals={m[2].lower(): m[1].lower() for m in _ORDINAL.finditer(text)},
        )
    reported: dict[str, list[tuple[int, Event]]] = {i: [] for i in profiles}
    for index, entry in enumerate(build_timeline(records)):
        for event in entry.events:
            if event.kind != "deadline":
                reported[event.article].append((index, event))
    for article, events in reported.items():
        first = min((event.order for _, event in events), default=None)
        profiles[article].lead = [(i, e) for i, e in events if e.order == first]
    return list(profiles.values())


def _dates(record: dict[str, Any], year: int | None) -> list[str]:
    values = (with_year(d["value"], year) for d in record.get("dates", []))
    return list(dict.fromkeys(v for v in values if parse_period(v)))


def _links(profiles: list[Profile]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Pairs of articles that report one event, with the date conflicts between them.

    Only articles whose leads share a timeline entry, or lie a few days apart, are compared,
    so that a large corpus is not compared pair by pair.
    """
    links: dict[tuple[str, str], list[dict[str, Any]]] = {}
    by_entry: dict[int, list[Profile]] = {}
    by_day: dict[date, list[Profile]] = {}
    for profile in profiles:
        for index, event in profile.lead:
            by_entry.setdefault(index, []).append(profile)
            period = parse_period(event.value)
            if period and period.placed and period.precision == "day":
                by_day.setdefault(period.start, []).append(profile)
    for group in by_entry.values():
        for first, second in itertools.pairwise(_unique_profiles(group)):
            links[(first.id, second.id)] = []
    for day, group in by_day.items():
        later = [p for n in range(1, NEAR_DAYS + 1) for p in by_day.get(day + timedelta(n), [])]
        for first, second in itertools.product(_unique_profiles(group), _unique_profiles(later)):
            if first.id != second.id and (first.id, second.id) not in links:
                conflict = _date_conflict(first, second)
                if conflict:
                    links[(first.id, second.id)] = [conflict]
    return links


def _unique_profiles(profiles: list[Profile]) -> list[Profile]:
    return list({profile.id: profile for profile in profiles}.values())


def _date_conflict(first: Profile, second: Profile) -> dict[str, Any] | None:
    """A date conflict when two leads look like one event given two nearby dates."""
    if not first.key_actors & second.key_actors or jaccard(first.words, second.words) < SAME_STORY:
        return None
    if any(
        first.ordinals[n] != second.ordinals[n]
        for n in first.ordinals.keys() & second.ordinals.keys()
    ):
        return None  # "the fifth meeting" and "the sixth meeting"
    for (_, a), (_, b) in itertools.product(first.lead, second.lead):
        start_a, start_b = parse_period(a.value).start, parse_period(b.value).start
        if a.kind != b.kind or not start_a or not start_b:
            continue
        if 0 < abs((start_a - start_b).days) <= NEAR_DAYS:
            return {
                "type": "date",
                "what": f"{a.kind}: {a.summary}",
                "values": {a.article: a.value, b.article: b.value},
                "evidence": {a.article: a.sentence, b.article: b.sentence},
            }
    return None


def _components(ids: list[str], links: dict[tuple[str, str], Any]) -> list[list[str]]:
    """Connected groups of linked articles, in input order."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _cluster(
    profiles: list[Profile], date_conflicts: list[dict[str, Any]], same_event: bool
) -> dict[str, Any]:
    ids = [p.id for p in profiles]
    leads = [event for p in profiles for _, event in p.lead[:1]]
    dates = Counter(event.value for event in leads)
    main = leads[0] if leads and same_event else None
    shared: dict[str, list[Any]] = {}
    unique: dict[str, dict[str, list[Any]]] = {i: {} for i in ids}
    for aspect in ASPECTS[:3]:  # plain lists; figures and directives match by content
        lists = {p.id: getattr(p, aspect) for p in profiles}
        common = set.intersection(*(set(items) for items in lists.values()))
        shared[aspect] = [item for item in lists[ids[0]] if item in common]
        for i, items in lists.items():
            unique[i][aspect] = [item for item in items if item not in common]
    conflicts = list(date_conflicts)
    _compare_figures(profiles, shared, unique, conflicts if same_event else [])
    _compare_directives(profiles, shared, unique, conflicts if same_event else [])
    return {
        "articles": ids,
        "date": dates.most_common(1)[0][0] if main else None,
        "kind": main.kind if main else None,
        "summary": main.summary if main else None,
        "same_event": same_event,
        "events": {event.article: _event_dict(event) for event in leads},
        "shared": shared,
        "unique": unique,
        "conflicts": conflicts,
    }


def _event_dict(event: Event) -> dict[str, Any]:
    return {"date": event.value, "kind": event.kind, "summary": event.summary}


def _compare_figures(
    profiles: list[Profile], shared: dict, unique: dict, conflicts: list[dict[str, Any]]
) -> None:
    """Figures all articles give; each one's others; one quantity given different values."""
    first, others = profiles[0], profiles[1:]
    common = [
        f for f in first.figures
        if all(any(f.unit == g.unit and f.same_value(g) for g in p.figures) for p in others)
    ]  # fmt: skip
    shared["figures"] = [f.to_dict() for f in common]
    rest = {}
    for p in profiles:
        rest[p.id] = [
            f for f in p.figures if not any(f.unit == c.unit and f.same_value(c) for c in common)
        ]
        unique[p.id]["figures"] = [f.to_dict() for f in rest[p.id]]
    for a, b in itertools.combinations(profiles, 2):
        for fa, fb in itertools.product(rest[a.id], rest[b.id]):
            if fa.same_quantity(fb) and not fa.same_value(fb):
                conflicts.append(
                    {
                        "type": "figure",
                        "what": fa.quantity or fb.quantity,
                        "values": {a.id: fa.text, b.id: fb.text},
                        "evidence": {a.id: fa.sentence, b.id: fb.sentence},
                    }
                )


def _compare_directives(
    profiles: list[Profile], shared: dict, unique: dict, conflicts: list[dict[str, Any]]
) -> None:
    """Orders every article reports (one action per article), and the ones only some report."""
    groups = group_directives(d for p in profiles for d in p.directives)
    shared["directives"] = []
    for p in profiles:
        unique[p.id]["directives"] = []
    for group in groups:
        articles = {d["article"] for d in group}
        if len(articles) == len(profiles):
            first = group[0]
            shared["directives"].append(
                {
                    "issuer": first["issuer"],
                    "addressee": next((d["addressee"] for d in group if d["addressee"]), None),
                    "deadline": next((d["deadline"] for d in group if d["deadline"]), None),
                    "actions": {d["article"]: d["action"] for d in group},
                }
            )
        else:
            for d in group:
                unique[d["article"]]["directives"].append(public(d))
        deadlines = {d["article"]: d["deadline"] for d in group if d["deadline"]}
        if len(set(deadlines.values())) > 1:
            conflicts.append(
                {
                    "type": "deadline",
                    "what": f"{group[0]['issuer'] or 'someone'}: {group[0]['action']}",
                    "values": deadlines,
                    "evidence": {d["article"]: d["sentence"] for d in group if d["deadline"]},
                }
            )
