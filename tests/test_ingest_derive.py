"""What ingest's workers derive of each record (`vntrade.ingest.derive`) is what the writer
would derive itself: the events tables come out the same either way."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from conftest import ingested
from vntrade.events.model import EventReport
from vntrade.ingest.derive import Arrival, derive, derive_in_workers
from vntrade.ingest.events import EventIndexer
from vntrade.store import Store
from vntrade.store.rows import EventWrite


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = tmp_path_factory.mktemp("derive")
    db = ingested(folder, Path(__file__).parent.parent / "data" / "seeds")
    with Store.open(db) as store:
        found = store.records(store.article_ids_by_date())
    return list(found.values())


def written(folder: Path, arrivals: list[Arrival]) -> EventWrite:
    """What one batch of `arrivals` writes into a new store in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with Store.open(folder / "new.db", create=True) as store:
        return EventIndexer(store).index(arrivals)


def test_rows_derived_in_the_workers_are_those_the_writer_derives(records, tmp_path):
    by_writer = written(tmp_path / "writer", [Arrival.of(record) for record in records])
    derived = derive_in_workers(records)
    assert all(found is not None and found.votes is not None for found in derived)
    # the writer does not read the records when the workers gave it everything
    arrivals = [Arrival(found, _unread) for found in derived]
    assert written(tmp_path / "workers", arrivals) == by_writer


def test_a_record_derived_with_another_corpus_year_is_derived_again(records, tmp_path):
    by_writer = written(tmp_path / "writer", [Arrival.of(record) for record in records])
    derived = [
        dataclasses.replace(found, year=1999, own_year=None) if found else None
        for found in derive_in_workers(records)
    ]
    assert not any(found.fits(2025) for found in derived if found)
    pairs = zip(derived, records, strict=True)
    arrivals = [Arrival(found, lambda r=record: r) for found, record in pairs]
    assert written(tmp_path / "workers", arrivals) == by_writer


def test_a_record_with_a_year_of_its_own_fits_any_corpus_year(records):
    found = derive(records[0], 1999)
    assert found.own_year == found.year == 2025
    assert found.fits(None) and found.fits(1999)


def _unread() -> dict:
    raise AssertionError("the writer parsed a record the workers had derived")


def test_the_members_kept_between_batches_are_those_the_store_holds(records, tmp_path):
    """The writer keeps the members of the clusters a batch wrote, so that the next batch,
    which mostly touches the same clusters, does not read them back: they must be the store's."""
    with Store.open(tmp_path / "kept.db", create=True) as store:
        indexer = EventIndexer(store)
        for start in range(0, len(records), 3):
            batch = [Arrival.of(record) for record in records[start : start + 3]]
            store.commit_events(indexer.index(batch))
            indexer.written()
            assert indexer.kept
            for cid, members in indexer.kept.items():
                stored = store.cluster_members([cid])
                assert [(id_, member[:3]) for id_, member in members] == [
                    (id_, (article, bool(lead), bool(inferred)))
                    for id_, _, article, lead, inferred, _ in stored
                ]
                assert [_fields(member[3]) for _, member in members] == [
                    {**json.loads(data), "keys": None} for *_, data in stored
                ]


def _fields(report: EventReport) -> dict:
    return {**dataclasses.asdict(report), "words": sorted(report.words), "keys": None}
