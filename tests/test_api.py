"""The Python API (issue 23): a store or article files in, pandas DataFrames out, the same rows
as the commands' JSON output, with the real model on the seeds and on a store of them."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import vntrade.api as vt
from conftest import SEEDS, ingested
from vntrade.cli import main
from vntrade.errors import StoreError, UsageError

pytestmark = pytest.mark.slow

SEED_000, SEED_001 = "000_a6d94dcbb98d2318", "001_3a2340998392e8b3"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    return ingested(folder, SEEDS)


@pytest.fixture(scope="module")
def corpora(store: Path):
    """The seeds read from files and from the store."""
    with vt.read_paths(SEEDS) as files, vt.open_store(store) as stored:
        yield {"files": files, "store": stored}


def command_rows(store: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, [*args, "--db", str(store), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def records_of(frame: pd.DataFrame, drop: tuple[str, ...] = ()) -> list[dict]:
    return json.loads(frame.drop(columns=list(drop)).to_json(orient="records"))


@pytest.mark.parametrize("source", ["files", "store"])
def test_the_timeline_is_the_commands(corpora, store, source):
    timeline = corpora[source].timeline()
    assert isinstance(timeline, pd.DataFrame) and len(timeline) > 5
    assert records_of(timeline, ("start_day",)) == command_rows(store, "timeline")
    assert timeline["start_day"].dtype.kind == "M"  # pandas Timestamps
    assert list(timeline["start_day"]) == sorted(timeline["start_day"])


@pytest.mark.parametrize("source", ["files", "store"])
def test_timeline_filters_as_the_options_do(corpora, store, source):
    news = corpora[source]
    meetings = news.timeline(since="2025-04", kinds=["Meeting"])
    assert set(meetings["kind"]) == {"meeting"} and len(meetings) >= 2
    assert (meetings["start_day"] >= pd.Timestamp("2025-04-01")).all()
    greer = news.timeline(actors=["Greer"])
    assert all("Jamieson L. Greer" in actors for actors in greer["actors"]) and len(greer)
    options = ("timeline", "--since", "2025-04", "--kind", "meeting")
    assert records_of(meetings, ("start_day",)) == command_rows(store, *options)


@pytest.mark.parametrize("source", ["files", "store"])
def test_lists_are_the_commands(corpora, store, source):
    news = corpora[source]
    actors = news.actors().set_index("name")
    assert actors.loc["Pham Minh Chinh", "n_articles"] == 4
    assert records_of(news.actors()) == command_rows(store, "actors")
    assert records_of(news.commodities()) == command_rows(store, "commodities")
    assert records_of(news.directives()) == command_rows(store, "directives")


@pytest.mark.parametrize("source", ["files", "store"])
def test_deadlines_are_judged_as_of_the_newest_article(corpora, source):
    news = corpora[source]
    assert str(news.as_of) == "2025-04-29"
    dated = news.directives().dropna(subset=["deadline"])
    assert set(dated["status"]) == {"open"}
    assert set(news.directives(as_of="2026-01-01").dropna(subset=["deadline"])["status"]) == {
        "overdue"
    }


@pytest.mark.parametrize("source", ["files", "store"])
def test_clusters_and_records(corpora, source):
    news = corpora[source]
    clusters = news.clusters()
    assert list(clusters["articles"]) == [[SEED_000, SEED_001]]
    assert (clusters.loc[0, "date"], clusters.loc[0, "kind"]) == ("2025-04-29", "meeting")
    records = news.records()
    assert sorted(records["id"]) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert {"text", "actors", "dates", "commodities", "directives", "events"} <= set(records)
    assert "text" not in news.records(with_text=False)


def test_read_paths_reports_problems_and_removes_its_store(tmp_path):
    with vt.read_paths(SEEDS / "000_a6d94dcbb98d2318.txt", tmp_path / "nothere") as news:
        assert len(news.records()) == 1
        assert [p.message() for p in news.problems] == [f"{tmp_path / 'nothere'}: no such file"
                                                        " or directory"]  # fmt: skip
        folder = Path(news.store.path).parent
    assert not folder.exists()


def test_errors_are_vntrades_and_a_closed_store_leaves_nothing(store, tmp_path):
    with pytest.raises(StoreError, match="no database"):
        vt.open_store(tmp_path / "none.db")
    copy = tmp_path / "copy.db"
    copy.write_bytes(store.read_bytes())
    with vt.open_store(copy) as news:
        with pytest.raises(UsageError, match="'since'"):
            news.timeline(since="2025-13")
        with pytest.raises(UsageError, match="unknown kind 'meetin'"):
            news.timeline(kinds=["meetin"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db"]
