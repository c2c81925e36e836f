"""Events and event clusters in the store: made at ingest, read by the views, re-clustered
on request. Everything through the CLI and the real pipeline."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import jsonl
from test_compare import ARTICLES as COMPARED  # a reception told twice, two look-alike rounds
from test_timeline import CALL  # one phone call: "March 4 evening" and "Tuesday night"

TEXTS = {**COMPARED, **CALL}


def write(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(TEXTS[name], encoding="utf-8")
    return folder


def ingest(cli, db: Path, *paths: Path, options: tuple[str, ...] = ()) -> dict:
    result = cli("ingest", *map(str, paths), "--db", str(db), "--workers", "1",
                 "--summary", "json", *options)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def document(cli, *args: str) -> dict:
    result = cli("compare", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def entries(cli, *args: str) -> list[dict]:
    result = cli("timeline", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def test_a_new_report_joins_its_stored_cluster_on_a_later_ingest(cli, tmp_path):
    db = tmp_path / "news.db"
    first = write(tmp_path / "monday", "call_vna.txt", "round1.txt", "knapper_vna.txt")
    assert ingest(cli, db, first)["new"] == 3
    assert document(cli, "--db", str(db))["clusters"] == []  # each article alone so far

    later = write(tmp_path / "tuesday", "call_vov.txt")  # "Tuesday night", the same call
    assert ingest(cli, db, later)["new"] == 1
    [call] = document(cli, "--db", str(db))["clusters"]
    assert call["articles"] == ["call_vna", "call_vov"]
    assert (call["date"], call["kind"]) == ("2025-03-04", "call")
    [day] = [e for e in entries(cli, "--db", str(db)) if e["start"] == "2025-03-04"]
    assert day["articles"] == ["call_vna", "call_vov"]


def test_look_alike_rounds_stay_apart_across_ingests(cli, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, db, write(tmp_path / "may", "round1.txt", "knapper_vna.txt"))
    ingest(cli, db, write(tmp_path / "june", "round2.txt"))
    compared = document(cli, "--db", str(db))  # (of two articles alone: side by side)
    assert compared["clusters"] == []
    assert compared["singletons"] == ["knapper_vna", "round1", "round2"]
    rounds = [e for e in entries(cli, "--db", str(db)) if "round" in e["summary"]]
    assert [e["articles"] for e in rounds] == [["round1"], ["round2"]]


def test_an_updated_article_leaves_its_old_cluster(cli, tmp_path):
    db = tmp_path / "news.db"
    folder = write(tmp_path / "news", "call_vna.txt", "call_vov.txt", "round1.txt")
    ingest(cli, db, folder)
    assert [c["articles"] for c in document(cli, "--db", str(db))["clusters"]] == [
        ["call_vna", "call_vov"]
    ]
    # The VOV page is replaced by another story: its report of the call must go.
    (folder / "call_vov.txt").write_text(TEXTS["round2.txt"], encoding="utf-8")
    assert ingest(cli, db, folder)["updated"] == 1
    compared = document(cli, "--db", str(db))
    assert compared["clusters"] == []
    assert compared["singletons"] == ["call_vna", "call_vov", "round1"]
    call = [e for e in entries(cli, "--db", str(db)) if e["start"] == "2025-03-04"]
    assert [e["articles"] for e in call] == [["call_vna"]]
    with sqlite3.connect(db) as conn:
        orphans = conn.execute(
            "SELECT count(*) FROM event_clusters c"
            " WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.cluster = c.id)"
        ).fetchone()[0]
    assert orphans == 0


def test_deferred_clustering_then_recluster_gives_the_views_of_a_clustered_ingest(cli, tmp_path):
    folder = write(tmp_path / "news", *TEXTS)
    clustered, deferred = tmp_path / "clustered.db", tmp_path / "deferred.db"
    ingest(cli, clustered, folder)
    ingest(cli, deferred, folder, options=("--defer-clustering",))

    refused = cli("timeline", "--db", str(deferred))
    assert refused.exit_code == 1
    assert refused.stderr == (
        f"vntrade: error: the events of {deferred} are not clustered (it was ingested with "
        f"--defer-clustering). Cluster them with `vntrade db recluster --db {deferred}`.\n"
    )
    stats = json.loads(cli("db", "stats", "--db", str(deferred), "--format", "json").stdout)
    assert (stats["events_state"], stats["event_clusters"]) == ("unclustered", 0)
    assert stats["events"] > len(TEXTS)
    result = cli("db", "recluster", "--db", str(deferred))
    assert result.exit_code == 0, result.stderr
    assert f"re-clustered the events of {len(TEXTS)} articles" in result.stderr
    for view in ("timeline", "compare", "actors", "commodities"):
        a = cli(view, "--db", str(clustered), "--format", "jsonl")
        b = cli(view, "--db", str(deferred), "--format", "jsonl")
        assert a.exit_code == b.exit_code == 0, (a.stderr, b.stderr)
        assert a.stdout == b.stdout and a.stdout, view
    stats = json.loads(cli("db", "stats", "--db", str(deferred), "--format", "json").stdout)
    assert stats["events_state"] == "current" and 0 < stats["event_clusters"] < stats["events"]


def test_paths_and_a_store_give_the_same_views(cli, seeds, tmp_path):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    for view in ("timeline", "compare", "actors", "commodities", "directives"):
        from_paths = cli(view, str(seeds), "--format", "jsonl")
        from_store = cli(view, "--db", str(db), "--format", "jsonl")
        assert from_paths.exit_code == from_store.exit_code == 0
        assert from_paths.stdout == from_store.stdout and from_paths.stdout, view


def test_the_seed_cluster_is_000_and_001_on_april_29(cli, seeds, tmp_path):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    compared = document(cli, "--db", str(db))
    assert [(c["articles"], c["date"]) for c in compared["clusters"]] == [
        (["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"], "2025-04-29")
    ]


def test_a_long_timeline_in_a_table_says_how_to_see_the_rest(cli, seeds, tmp_path):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    every = entries(cli, "--db", str(db))
    result = cli("timeline", "--db", str(db), "--limit", "3", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert jsonl(result) == every[:3]
    assert f"{len(every) - 3} more entries left out" in result.stderr
    assert "--since" in result.stderr and "--limit N" in result.stderr
    march = entries(cli, "--db", str(db), "--since", "2025-03-01", "--until", "2025-03-31")
    assert march and all(e["start"] < "2025-04-01" for e in march)
    assert all(e["start"] >= "2025-03-01" or e["precision"] != "day" for e in march)


def test_an_interrupted_recluster_leaves_a_store_that_asks_for_another(cli, seeds, tmp_path):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    before = entries(cli, "--db", str(db))
    with sqlite3.connect(db) as conn:  # what a recluster killed after its first step leaves
        conn.execute("UPDATE meta SET value = 'pending' WHERE key = 'events'")
        conn.execute("DELETE FROM events")
    result = cli("compare", "--db", str(db))
    assert result.exit_code == 1 and "vntrade db recluster --db" in result.stderr
    assert cli("db", "recluster", "--db", str(db), "-q").exit_code == 0
    assert entries(cli, "--db", str(db)) == before


def test_a_store_of_an_older_vntrade_gets_its_events_on_the_next_ingest(cli, seeds, tmp_path):
    db = tmp_path / "old.db"
    shutil.copytree(seeds, tmp_path / "news")
    ingest(cli, db, tmp_path / "news")
    before = entries(cli, "--db", str(db))
    with sqlite3.connect(db) as conn:  # the layout before events were stored
        for table in ("event_actors", "events", "entry_names", "timeline_entries",
                      "event_clusters", "article_names", "name_aliases"):  # fmt: skip
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    result = cli("timeline", "--db", str(db))
    assert result.exit_code == 1 and "layout of an older vntrade" in result.stderr
    summary = ingest(cli, db, tmp_path / "news")
    assert summary["unchanged"] == 5
    assert entries(cli, "--db", str(db)) == before


@pytest.mark.parametrize("view", ["timeline", "compare", "actors"])
def test_views_of_an_empty_store_print_nothing_and_succeed(cli, tmp_path, view):
    from vntrade.store import Store

    db = tmp_path / "empty.db"  # (a first ingest that stores nothing removes its store)
    Store.open(db, create=True).close()
    result = cli(view, "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""


def test_a_request_for_too_many_clusters_says_how_to_narrow_it(cli, seeds, tmp_path, monkeypatch):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    monkeypatch.setattr(
        "vntrade.views.stored.MAX_CLUSTERS_PER_REQUEST", 0
    )  # a store of a year of news
    result = cli("compare", "--db", str(db), "--limit", "0", "--format", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "vntrade: error: these articles make 1 clusters to compare, more than the 0 one "
        "request compares side by side. Narrow them with --event DATE (a month: --event "
        "2025-04; a week: --event 2025-W15), or give --limit N for the N largest (--format "
        "jsonl or csv stream every cluster).\n"
    )
    for fmt in ("jsonl", "csv"):  # streamed, however many clusters there are
        streamed = cli("compare", "--db", str(db), "--limit", "0", "--format", fmt)
        assert streamed.exit_code == 0 and "000_a6d94dcbb98d2318" in streamed.stdout
    assert cli("compare", "--db", str(db), "--event", "2025-03").exit_code == 0
