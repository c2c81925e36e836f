"""Incremental event clustering, the labelled corpus generator and B-cubed, through real code."""

from __future__ import annotations

import json
import random
import re
from typing import Any

import pytest

from vntrade.corpus.events import make_event_corpus, write_event_jsonl
from vntrade.evaluation.bcubed import bcubed
from vntrade.events.clustering import JOIN, Cluster, Clusterer, EventRef, cluster_all, score
from vntrade.events.refs import record_refs
from vntrade.events.scoring import may_join, may_reach

CHINH = ("Pham Minh Chinh", "PERSON")
GREER = ("Jamieson Greer", "PERSON")


def record(ident: str, text: str, values: dict[str, str], actors=(CHINH, GREER)) -> dict:
    """A minimal extraction record: `values` maps each date's text to its TimeML value."""

    def spans(needle: str) -> list[dict[str, Any]]:
        return [
            {"text": needle, "start": m.start(), "end": m.end()}
            for m in re.finditer(re.escape(needle), text)
        ]

    dates = [
        {**spans(words)[0], "value": value, "kind": "day", "timex_type": "DATE", "deadline": False}
        for words, value in values.items()
    ]
    return {
        "id": ident,
        "text": text,
        "published": "2025-03-05",
        "actors": [
            {"name": name, "type": kind, "role": None, "aliases": [], "mentions": spans(name)}
            for name, kind in actors
            if name in text
        ],
        "dates": dates,
        "commodities": [],
        "directives": [],
    }


def lead(rec: dict) -> EventRef:
    (ref,) = record_refs(rec, lead_only=True)
    return ref


def labelled(n: int, seed: int) -> tuple[dict[str, int], dict[str, str]]:
    clusterer = Clusterer()
    predicted, gold = {}, {}
    for article in make_event_corpus(n, seed):
        gold[article.id] = article.event
        refs = record_refs(article.record(), lead_only=True)
        if refs:
            predicted[article.id] = (refs[0].value, clusterer.add(refs[0]))
    placed = {a: clusterer.place(a, value, cid) for a, (value, cid) in predicted.items()}
    return placed, gold


def test_time_of_day_report_joins_the_day_of_the_same_call():
    evening = record(
        "a",
        "Pham Minh Chinh held phone talks with Jamieson Greer March 4 evening on tariffs "
        "on Vietnamese shrimp and LNG purchases.",
        {"March 4 evening": "2025-03-04"},
    )
    night = record(
        "b",
        "In a phone call Tuesday night, Pham Minh Chinh and Jamieson Greer discussed "
        "LNG purchases and tariffs on shrimp.",
        {"Tuesday night": "2025-03-04TNI"},
    )
    first, second = lead(evening), lead(night)
    assert (second.precision, second.start.isoformat()) == ("day", "2025-03-04")
    clusterer = Clusterer()
    assert clusterer.add(first) == clusterer.add(second)


def test_look_alikes_stay_apart():
    text = (
        "Pham Minh Chinh and Jamieson Greer opened the {nth} round of negotiations on a "
        "reciprocal trade agreement in Washington {when}, focusing on rules of origin."
    )
    second = record("r2", text.format(nth="second", when="on May 19"), {"May 19": "2025-05-19"})
    again = record(
        "r2b", text.format(nth="second", when="May 19 evening"), {"May 19": "2025-05-19"}
    )
    third = record("r3", text.format(nth="third", when="on May 19"), {"May 19": "2025-05-19"})
    later = record("r4", text.format(nth="second", when="on May 22"), {"May 22": "2025-05-22"})
    clusterer = Clusterer()
    ids = [clusterer.add(lead(r)) for r in (second, again, third, later)]
    assert ids[0] == ids[1]  # one round, two reports
    assert len({ids[0], ids[2], ids[3]}) == 3  # another ordinal, another day: other events


def test_a_weak_link_does_not_chain_two_stories():
    """One report that shares a little with each of two stories joins at most one of them."""
    a = EventRef.make("a", "2025-04-29", "meeting", {"chinh", "greer"}, {"lng", "aircraft"})
    b = EventRef.make("b", "2025-04-29", "meeting", {"chinh", "greer"}, {"lng", "aircraft"})
    bridge = EventRef.make("x", "2025-04-29", "meeting", {"chinh", "greer", "son"}, {"lng", "rice"})
    c = EventRef.make("c", "2025-04-29", "meeting", {"son"}, {"rice", "coffee"})
    assigned = cluster_all([a, b, bridge, c])
    assert assigned["a"] == assigned["b"]
    assert assigned["c"] != assigned["a"]


def test_a_new_report_joins_its_cluster_after_a_round_trip_through_plain_data():
    articles = list(make_event_corpus(120, seed=3))
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.event] = counts.get(article.event, 0) + 1
    late = next(a for a in reversed(articles) if counts[a.event] >= 3)
    clusterer = Clusterer()
    of_event = set()
    for article in articles:
        if article is not late:
            cid = clusterer.add(record_refs(article.record(), lead_only=True)[0])
            if article.event == late.event:
                of_event.add(cid)
    stored = json.loads(json.dumps([c.to_dict() for c in clusterer.take_touched()]))
    reloaded = Clusterer(Cluster.from_dict(data) for data in stored)
    joined = reloaded.add(record_refs(late.record(), lead_only=True)[0])
    assert of_event == {joined}
    assert [c.id for c in reloaded.take_touched()] == [joined]  # it touched only its cluster


@pytest.mark.slow
def test_generated_corpus_clusters_with_high_bcubed_and_deterministically():
    predicted, gold = labelled(800, seed=11)
    scores = bcubed(predicted, gold)
    assert scores.f1 >= 0.95, scores
    assert labelled(800, seed=11) == (predicted, gold)


def test_generator_is_deterministic_and_labels_every_report():
    first = [(a.id, a.text, a.event) for a in make_event_corpus(150, seed=5)]
    assert first == [(a.id, a.text, a.event) for a in make_event_corpus(150, seed=5)]
    assert first != [(a.id, a.text, a.event) for a in make_event_corpus(150, seed=6)]
    assert len(first) == 150 and len({event for _, _, event in first}) < 150
    assert any(a.lookalike_of for a in make_event_corpus(150, seed=5))


def test_generated_records_are_extraction_records_with_exact_offsets(tmp_path, cli):
    path = write_event_jsonl(tmp_path / "events.jsonl", 40, seed=2)
    loaded = [json.loads(line) for line in cli("articles", str(path)).stdout.splitlines()]
    records = [a.record() for a in make_event_corpus(40, seed=2)]
    assert [r["text"] for r in loaded] == [r["text"] for r in records]  # the loader's clean text
    schema = json.loads(cli("schema").stdout)
    for rec in records:
        assert set(schema["required"]) <= set(rec)
        for item in [*rec["actors"], *rec["commodities"]]:
            for mention in item["mentions"]:
                assert rec["text"][mention["start"] : mention["end"]] == mention["text"]
        for date in rec["dates"]:
            assert rec["text"][date["start"] : date["end"]] == date["text"]


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),
        ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}, (5 / 9, 1.0)),
        ({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"}, (1.0, 2 / 3)),
        ({"a": 1, "b": 1}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0)),  # c: its own cluster
    ],
)
def test_bcubed_on_hand_cases(predicted, gold, expected):
    scores = bcubed(predicted, gold)
    assert (scores.precision, scores.recall) == pytest.approx(expected)
    assert scores.items == len(gold)


def test_one_happening_told_as_another_kind_joins_on_the_same_day_people_and_subject():
    words = {"rule", "origin", "shrimp", "textil", "tariff"}
    met = EventRef.make("a", "2025-06-10", "meeting", {"dien", "greer"}, words)
    told = EventRef.make("b", "2025-06-10", "announcement", {"dien", "greer"}, words | {"step"})
    other_day = EventRef.make("c", "2025-06-12", "announcement", {"dien", "greer"}, words)
    other_subject = EventRef.make("d", "2025-06-10", "announcement", {"dien", "greer"},
                                  {"aircraft", "boeing", "purchas"})  # fmt: skip
    assigned = cluster_all([met, told, other_day, other_subject])
    assert assigned["a"] == assigned["b"]
    assert len({assigned["a"], assigned["c"], assigned["d"]}) == 3


@pytest.mark.parametrize("shape", ["default", "undated"])
def test_two_orders_of_a_generated_corpus_give_nearly_the_same_clusters(shape):
    # undated: floating reports ("on Tuesday", no year) that came first, alone, join the day
    # cluster that comes later, as they would had they come after it
    articles = list(make_event_corpus(1500 if shape == "default" else 3000, seed=8, shape=shape))
    refs = {a.id: record_refs(a.record(), lead_only=True)[0] for a in articles}

    def clusters(order: list) -> dict[str, frozenset[str]]:
        clusterer = Clusterer()
        joined = {a.id: clusterer.add(refs[a.id]) for a in order}
        placed = {i: clusterer.place(i, refs[i].value, cid) for i, cid in joined.items()}
        members: dict[int, set[str]] = {}
        for article, cid in placed.items():
            members.setdefault(cid, set()).add(article)
        return {article: frozenset(members[cid]) for article, cid in placed.items()}

    first = clusters(articles)
    for second in (
        clusters(articles[::-1]),
        clusters(random.Random(1).sample(articles, k=len(articles))),
    ):
        same = sum(first[i] == second[i] for i in first) / len(first)
        assert same >= 0.99, same


@pytest.mark.parametrize("shape", ["default", "dense", "undated", "yearless"])
def test_what_clustering_leaves_unscored_could_not_join(shape):
    """The bounds that spare scoring (`may_join`, `may_reach`) never leave out a cluster
    that an event's window scores from JOIN: the clusters are those of scoring them all."""
    clusterer = Clusterer()
    checked = 0
    for article in make_event_corpus(600, seed=3, shape=shape):
        for ref in record_refs(article.record()):
            if ref.matchable:
                candidates = clusterer._candidates(ref)
                weights = clusterer._weights(ref, candidates)
                for cid in candidates:
                    if score(ref, clusterer.clusters[cid], weights) >= JOIN:
                        assert may_join(ref) and may_reach(ref, clusterer.clusters[cid], JOIN)
                        checked += 1
            clusterer.add(ref)
    assert checked > 100


def test_a_loose_member_put_back_leaves_its_cluster_as_it_was():
    """A loose member placed again and put back leaves its cluster as it was, what was worked
    out of it and when it last changed included (so no score of it needs working out again);
    unless adding it back makes another profile (a word of it since dropped)."""
    day = EventRef.make("a", "2025-03-04", "meeting", ["greer"], ["shrimp", "tariff"])
    week = EventRef.make("b", "2025-W10", "meeting", ["greer"], ["shrimp"])
    assert day is not None and week is not None
    cluster = Cluster(1)
    cluster.add(day)
    cluster.add(week)
    before, changed, core = cluster.to_dict(), cluster.changed, cluster.core(cluster.words)
    kept = cluster.take_out(week)
    assert kept is not None and cluster.size == 1 and cluster.changed != changed
    cluster.put_back(week, kept)
    assert cluster.to_dict() == before and cluster.changed == changed
    assert cluster.core(cluster.words) is core
    del cluster.words["shrimp"]  # as if dropped from a long profile
    kept = cluster.take_out(week)
    cluster.put_back(week, kept)
    assert kept is None and cluster.changed != changed
