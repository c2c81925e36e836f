"""`vntrade ingest --engine dask` on a LocalCluster of two worker processes."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from conftest import jsonl
from vntrade.corpus import write_txt

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """One cluster for the whole module: starting one costs seconds."""
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds: Path) -> Path:
    """The seeds plus 40 generated articles in their styles."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(seeds, folder / "seeds")
    write_txt(folder / "generated", 40, seed=2025)
    return folder


@pytest.fixture(scope="module")
def seeds() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "seeds"


@pytest.fixture(scope="module")
def local_records(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """What the local engine stores for the corpus (the reference)."""
    from click.testing import CliRunner

    from vntrade.cli import main

    db = tmp_path_factory.mktemp("local") / "local.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return jsonl(runner.invoke(main, ["db", "export", "--db", str(db)]))


def dask_ingest(cli, scheduler: str, *args: str):
    result = cli("ingest", *args, "--engine", "dask", "--scheduler", scheduler, "--summary", "json")
    return result, json.loads(result.stdout)


def test_dask_gives_exactly_the_records_of_the_local_engine(
    cli, scheduler, corpus, local_records, tmp_path
):
    db = tmp_path / "dask.db"
    result, summary = dask_ingest(cli, scheduler, str(corpus), "--db", str(db), "--batch-size", "8")
    assert result.exit_code == 0, result.stderr
    assert (summary["new"], summary["failed"]) == (45, 0)
    assert jsonl(cli("db", "export", "--db", str(db))) == local_records
    # The same incremental rules as the local engine.
    _, summary = dask_ingest(cli, scheduler, str(corpus), "--db", str(db))
    assert (summary["new"], summary["unchanged"]) == (0, 45)


def test_an_article_longer_than_spacys_limit_is_processed_in_pieces_on_a_worker(
    cli, scheduler, tmp_path
):
    folder = tmp_path / "dump"
    write_txt(folder, 6, seed=7)
    # Longer than spaCy's max_length (1,000,000 characters): one Doc would be refused (E088).
    (folder / "endless.txt").write_text(
        "Hanoi (VNA) - Officials met on Monday. " + "Trade talks continued. " * 46_000,
        encoding="utf-8",
    )
    db = tmp_path / "dask.db"
    result, summary = dask_ingest(cli, scheduler, str(folder), "--db", str(db), "--batch-size", "3")
    assert result.exit_code == 0, result.stderr
    assert (summary["new"], summary["failed"]) == (7, 0)
    records = {r["id"]: r for r in jsonl(cli("db", "export", "--db", str(db)))}
    endless = records["endless"]
    assert len(endless["text"]) > 1_000_000
    assert [(d["text"], endless["text"][d["start"] : d["end"]]) for d in endless["dates"]] == [
        ("Monday", "Monday")
    ]


def test_parquet_output_round_trips_into_a_store(cli, scheduler, corpus, local_records, tmp_path):
    out = tmp_path / "dataset"
    result, summary = dask_ingest(cli, scheduler, str(corpus), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert summary == {**summary, "dataset": str(out), "new": 45, "failed": 0}

    import pandas as pd

    frame = pd.read_parquet(out)  # readable as is, partitions included
    assert len(frame) == 45 and frame["id"].is_unique
    assert {"month", "pipeline", "actors", "directives"} <= set(frame.columns)

    db = tmp_path / "imported.db"
    result = cli("db", "import", str(out), "--db", str(db))
    assert result.exit_code == 0
    assert "imported 45 articles: 45 new" in result.stderr
    assert jsonl(cli("db", "export", "--db", str(db))) == local_records


def test_parquet_output_is_incremental_without_duplicate_rows(cli, scheduler, tmp_path, seeds):
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    out = tmp_path / "dataset"
    dask_ingest(cli, scheduler, str(folder), "--output", str(out), "--batch-size", "2")
    changed = folder / "004_64a97ab08e7e91aa.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n")
    result, summary = dask_ingest(cli, scheduler, str(folder), "--output", str(out))
    assert (summary["updated"], summary["unchanged"]) == (1, 4), result.stderr

    import pandas as pd

    frame = pd.read_parquet(out)
    assert sorted(frame["id"]) == sorted(p.stem for p in folder.glob("*.txt"))
    assert frame.set_index("id").loc[changed.stem, "text"].endswith("One more line.")


def test_without_a_scheduler_a_local_cluster_is_started(cli, seeds, tmp_path):
    db = tmp_path / "dask.db"
    article = str(seeds / "001_3a2340998392e8b3.txt")
    result = cli("ingest", article, "--db", str(db), "--engine", "dask", "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert "1 new" in result.stderr


def test_an_unreachable_scheduler_is_a_clear_error(cli, seeds, tmp_path):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = cli(
            "ingest", str(seeds), "--db", str(tmp_path / "x.db"),
            "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
        )  # fmt: skip
    assert result.exit_code == 1
    assert "cannot reach a Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "dask scheduler" in result.stderr
