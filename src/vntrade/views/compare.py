"""Grouping articles that report the same event, and what their reports share and add.

Each article's lead event (the events of its first dated sentence) places it on the timeline,
and `clustering.Clusterer` groups the lead events: an article joins the cluster whose profile
(the kinds, days, actors and words of all its members) it matches, so one weak link cannot
chain two stories together and a cluster's cost is its own size. Reports of one event a day
apart (time zones, late reports) may join; their dates are then a conflict. Different dates
otherwise mean different events, however alike the articles look.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from vntrade.events.clustering import EventRef, cluster_all
from vntrade.events.directives import article_directives
from vntrade.events.model import EventReport, article_events
from vntrade.events.refs import KEY_ACTOR_TYPES, actor_types, article_year, lead_events
from vntrade.names import NameIndex
from vntrade.periods import Period, corpus_year, parse_period, with_year
from vntrade.views.directives import group_directives, public
from vntrade.views.figures import Figure, record_figures
from vntrade.views.statements import quoted_across

ASPECTS = ("actors", "commodities", "dates", "figures", "directives")  # in this order
# A cluster of many reports would list every pair of them.
MAX_CONFLICTS_PER_CLUSTER = 50
MAX_QUANTITIES = 200  # quantities a cluster's figures are compared by
MAX_GROUP_ARTICLES = 20  # article ids listed per value of a conflict (the count is exact)


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
    agency: str | None = None
    statements: list[dict[str, Any]] = field(default_factory=list)  # who says what in it
    lead: list[EventReport] = field(default_factory=list)  # the lead events, earliest first
    refs: list[EventRef] = field(default_factory=list)  # theirs, for clustering


def compare_records(
    records: list[dict[str, Any]], year: int | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The comparison document, and each article's lead event (for display).

    Clusters come largest first (then in input order), each with at most `MAX_CONFLICTS_PER_CLUSTER`
    conflicts. With exactly two articles the document holds their side-by-side comparison,
    whether or not they report the same event.
    """
    profiles = _profiles(records, year)
    groups = _groups(profiles)
    leads = {p.id: _event_dict(p.lead[0]) for p in profiles if p.lead}
    if len(profiles) == 2 and len(groups) == 2:
        return {"clusters": [_cluster(profiles, same_event=False)], "singletons": []}, leads
    clusters = [_cluster(group, same_event=True) for group in groups if len(group) > 1]
    singletons = [group[0].id for group in groups if len(group) == 1]
    return {"clusters": clusters, "singletons": singletons}, leads


def within(value: str | None, period: Period) -> bool:
    """Whether the date `value` overlaps `period`."""
    found = parse_period(value) if value else None
    return bool(found and found.placed and found.start < period.end and period.start < found.end)


def profiles(records: list[dict[str, Any]], year: int | None = None) -> list[Profile]:
    """What each record reports, in comparable form; `year` (else the records' own) fills in
    year-less dates."""
    return _profiles(records, year)


def cluster_of(members: list[Profile]) -> dict[str, Any]:
    """The comparison of articles known to report one event."""
    return _cluster(members, same_event=True)


def _profiles(records: list[dict[str, Any]], year: int | None = None) -> list[Profile]:
    year = year if year is not None else corpus_year(records)
    actors = NameIndex.of_actors(records)
    profiles = []
    for record in records:
        names = [actor["name"] for actor in record.get("actors", [])]
        profile = Profile(
            id=record["id"],
            actors=names,
            key_actors={n for n in names if actors.types.get(n) in KEY_ACTOR_TYPES},
            commodities=[c["name"] for c in record.get("commodities", [])],
            dates=_dates(record, year),
            figures=record_figures(record),
            directives=article_directives(record, actors, year),
            agency=record.get("agency"),
            statements=record.get("statements") or [],
        )
        _set_lead(profile, record, year)
        profiles.append(profile)
    return profiles


def _set_lead(profile: Profile, record: dict[str, Any], year: int | None) -> None:
    """The article's lead events (see `event_refs.lead_events`) and their references; a
    year-less value takes the article's own year, else the corpus's."""
    year = article_year(record) or year
    placed = lead_events(article_events(record, year), actor_types(record), year)
    profile.lead = [event for event, _ in placed]
    profile.refs = [ref for _, ref in placed if ref is not None]


def _dates(record: dict[str, Any], year: int | None) -> list[str]:
    values = (with_year(d["value"], year) for d in record.get("dates", []))
    return list(dict.fromkeys(v for v in values if parse_period(v)))


def _groups(profiles: list[Profile]) -> list[list[Profile]]:
    """The articles of each event cluster, largest cluster first, then in input order."""
    assigned = cluster_all(ref for p in profiles for ref in p.refs)
    groups: dict[Any, list[Profile]] = {}
    for p in profiles:
        groups.setdefault(assigned.get(p.id, ("alone", p.id)), []).append(p)
    return sorted(groups.values(), key=lambda group: -len(group))


def _date_conflicts(profiles: list[Profile]) -> list[dict[str, Any]]:
    """The cluster's lead given on different days: one conflict, every member's date, grouped
    by day (the most reported day first)."""
    dated = [p for p in profiles if p.refs and p.refs[0].day]
    days = Counter(p.refs[0].day for p in dated)
    if len(days) < 2:
        return []
    main_day = min(days, key=lambda d: (-days[d], d))
    a = _ref_event(next(p for p in dated if p.refs[0].day == main_day))
    given = [(p, _ref_event(p)) for p in dated]
    return [
        {
            "type": "date",
            "what": f"{a.kind}: {a.summary}",
            "values": {p.id: event.value for p, event in given},
            "evidence": {p.id: event.sentence for p, event in given},
            "groups": value_groups([(p, p.refs[0].day, str(p.refs[0].day)) for p, _ in given]),
        }
    ]


def value_groups(given: list[tuple[Profile, Any, str]]) -> list[dict[str, Any]]:
    """The values of one conflict grouped: `given` is (article, value's key, value's text);
    per key its most given text, how many reports, the first `MAX_GROUP_ARTICLES` of them
    and their outlets (the most reporting first), the most reported value first."""
    groups: dict[Any, list[tuple[Profile, str]]] = {}
    for profile, key, text in given:
        groups.setdefault(key, []).append((profile, text))
    rows = []
    for members in groups.values():
        texts = Counter(text for _, text in members)
        outlets = Counter(p.agency for p, _ in members if p.agency)
        rows.append(
            {
                "value": min(texts, key=lambda t: -texts[t]),
                "reports": len(members),
                "articles": [p.id for p, _ in members[:MAX_GROUP_ARTICLES]],
                "sources": sorted(outlets, key=lambda o: (-outlets[o], o)),
            }
        )
    return sorted(rows, key=lambda row: -row["reports"])


def _ref_event(profile: Profile) -> EventReport:
    """The lead event the article was clustered by."""
    ref = profile.refs[0]
    return next(e for e in profile.lead if e.value == ref.value and e.kind == ref.kind)


def _cluster(profiles: list[Profile], same_event: bool) -> dict[str, Any]:
    ids = [p.id for p in profiles]
    leads = [p.lead[0] for p in profiles if p.lead]
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
    conflicts = _date_conflicts(profiles)[:MAX_CONFLICTS_PER_CLUSTER] if same_event else []
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
        # who is quoted in which report, and whether the words agree
        "quoted": quoted_across([{"id": p.id, "statements": p.statements} for p in profiles])
        if same_event
        else [],
    }


def _event_dict(event: EventReport) -> dict[str, Any]:
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
    conflicts.extend(
        _figure_conflicts(profiles, rest)[: max(0, MAX_CONFLICTS_PER_CLUSTER - len(conflicts))]
    )


def _figure_conflicts(
    profiles: list[Profile], rest: dict[str, list[Figure]]
) -> list[dict[str, Any]]:
    """One conflict per quantity the articles give different values for, with every
    article's value: figures are grouped by quantity, each group once, not pair by pair."""
    groups: list[tuple[Figure, dict[str, Figure]]] = []  # a quantity's first figure, by article
    for p in profiles:
        for figure in rest[p.id]:
            group = next((g for g in groups if g[0].same_quantity(figure)), None)
            if group is None and len(groups) < MAX_QUANTITIES:
                groups.append((figure, {p.id: figure}))
            elif group is not None:
                group[1].setdefault(p.id, figure)
    by_id = {p.id: p for p in profiles}
    return [
        {
            "type": "figure",
            "what": first.measures,
            "values": {article: f.text for article, f in given.items()},
            "evidence": {article: f.sentence for article, f in given.items()},
            "groups": value_groups(
                [(by_id[a], _same_value_key(f, given.values()), f.text) for a, f in given.items()]
            ),
        }
        for first, given in groups
        if len(given) > 1 and any(not first.same_value(f) for f in given.values())
    ]


def _same_value_key(figure: Figure, given: Any) -> float:
    """The value of the first figure given that has the same value as `figure` (within 1%):
    "20 percent" and "20%" are one value."""
    return next(f.value for f in given if f.same_value(figure))


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
        if len(set(deadlines.values())) > 1 and len(conflicts) < MAX_CONFLICTS_PER_CLUSTER:
            by_id = {p.id: p for p in profiles}
            conflicts.append(
                {
                    "type": "deadline",
                    "what": f"{group[0]['issuer'] or 'someone'}: {group[0]['action']}",
                    "values": deadlines,
                    "evidence": {d["article"]: d["sentence"] for d in group if d["deadline"]},
                    "groups": value_groups([(by_id[a], v, v) for a, v in deadlines.items()]),
                }
            )
