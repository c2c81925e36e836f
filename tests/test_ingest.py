"""`vntrade ingest` and `vntrade db`: incremental runs, bad inputs, interruption, export."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import jsonl
from vntrade.corpus import write_txt
from vntrade.store.lock import ingest_lock

ARTICLE = (
    "Hanoi (VNA) - Deputy Prime Minister Hồ Đức Phớc held talks with US Treasury Secretary "
    "Scott Bessent in Washington on June 3 on the reciprocal trade agreement.\n"
    "Phớc asked the Ministry of Finance to review import duties on US ethanol and corn by "
    "the end of June. ./."
)


def ingest(cli, *args: str):
    """Run `vntrade ingest ... --format json` and return (result, summary dict)."""
    result = cli("ingest", *args, "--workers", "1", "--summary", "json")
    return result, json.loads(result.stdout)


def export(cli, db: Path) -> list[dict]:
    result = cli("db", "export", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


@pytest.fixture
def seed_copy(tmp_path: Path, seeds: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    return folder


@pytest.mark.slow
def test_ingest_twice_processes_nothing_the_second_time(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    result = cli("ingest", str(seeds), "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        f"vntrade: ingested 5 articles: 5 new, 0 updated, 0 unchanged, 0 failed (db: {db})\n"
    )
    again, summary = ingest(cli, str(seeds), "--db", str(db))
    assert again.exit_code == 0
    assert summary == {
        "db": str(db),
        "run": 2,
        "status": "done",
        "articles": 5,
        "new": 0,
        "updated": 0,
        "unchanged": 5,
        "failed": 0,
    }
    records = export(cli, db)
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in seeds.glob("*.txt"))


def test_db_defaults_to_vntrade_db_and_honours_vntrade_db(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, summary = ingest(cli, str(seeds / "000_a6d94dcbb98d2318.txt"))
    assert summary["db"] == "vntrade.db" and (tmp_path / "vntrade.db").is_file()
    monkeypatch.setenv("VNTRADE_DB", str(tmp_path / "other.db"))
    _, summary = ingest(cli, str(seeds / "000_a6d94dcbb98d2318.txt"))
    assert summary["db"] == str(tmp_path / "other.db") and summary["new"] == 1


def test_changed_file_is_the_only_one_reprocessed(cli, seed_copy, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, str(seed_copy), "--db", str(db))
    changed = seed_copy / "003_df8df0b08cc2d189.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing line.\n")
    _, summary = ingest(cli, str(seed_copy), "--db", str(db))
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 1, 4)
    record = next(r for r in export(cli, db) if r["id"] == changed.stem)
    assert "A new closing line." in record["text"]


def test_files_unchanged_since_the_last_run_are_not_read_again(cli, seed_copy, tmp_path):
    """Like make, size and modification time decide: a file as it was is not even opened."""
    db = tmp_path / "news.db"
    ingest(cli, str(seed_copy), "--db", str(db))
    same_stat = seed_copy / "003_df8df0b08cc2d189.txt"
    before = same_stat.stat()
    text = same_stat.read_text(encoding="utf-8")
    same_stat.write_text(text.replace("April 23", "April 24"), encoding="utf-8")
    os.utime(same_stat, ns=(before.st_atime_ns, before.st_mtime_ns))
    _, summary = ingest(cli, str(seed_copy), "--db", str(db))
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 0, 5)
    os.utime(same_stat)  # touched: read again, and its new text found
    _, summary = ingest(cli, str(seed_copy), "--db", str(db))
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 1, 4)
    record = next(r for r in export(cli, db) if r["id"] == same_stat.stem)
    assert "April 24" in record["text"]


def test_a_file_that_failed_is_read_again_next_time(cli, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "dump.jsonl").write_text('{"id": "j1", "text": "Hanoi (VNA) - Talks."}\n{oops\n')
    db = tmp_path / "news.db"
    first, _ = ingest(cli, str(folder), "--db", str(db))
    second, summary = ingest(cli, str(folder), "--db", str(db))
    assert first.exit_code == second.exit_code == 1
    assert "dump.jsonl:2: malformed JSON" in second.stderr
    assert (summary["unchanged"], summary["failed"]) == (2, 1)


@pytest.mark.slow
def test_a_new_pipeline_version_reprocesses_everything(cli, seed_copy, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, str(seed_copy), "--db", str(db))
    extra = tmp_path / "goods.jsonl"
    extra.write_text('{"name": "durian", "category": "agriculture", "aliases": []}\n')
    _, summary = ingest(cli, str(seed_copy), "--db", str(db), "--commodities", str(extra))
    assert (summary["new"], summary["updated"], summary["unchanged"]) == (0, 5, 0)
    stats = json.loads(cli("db", "stats", "--db", str(db), "--format", "json").stdout)
    assert stats["stale"] == 5  # made with --commodities, compared with the default pipeline
    result = cli("extract", "--db", str(db), "--format", "jsonl")
    assert len(jsonl(result)) == 5
    assert "5 records in" in result.stderr and "another pipeline version" in result.stderr


def test_bad_inputs_are_recorded_and_the_rest_ingested(cli, tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (dump / "empty.txt").write_text("   \n", encoding="utf-8")
    (dump / "corrupt.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    lines = [
        json.dumps({"id": "vov-1", "text": ARTICLE.replace("June 3", "June 4")}),
        '{"id": "vov-2", "text": "unterminated',
        json.dumps({"id": "vov-3", "text": ARTICLE.replace("June 3", "June 5")}),
    ]
    (dump / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    result, summary = ingest(cli, str(dump), "--db", str(db))
    assert result.exit_code == 1
    assert (summary["new"], summary["failed"]) == (3, 3)
    stats = json.loads(cli("db", "stats", "--db", str(db), "--format", "json").stdout)
    failed = {(Path(f["source"]).name, f["line"]) for f in stats["failures"]}
    assert failed == {("empty.txt", None), ("corrupt.txt", None), ("feed.jsonl", 2)}
    assert all(f["reason"] for f in stats["failures"])
    for name in ("empty.txt", "corrupt.txt", "feed.jsonl"):
        assert name in result.stderr  # reported as they were met, too
    assert sorted(r["id"] for r in export(cli, db)) == ["good", "vov-1", "vov-3"]

    # Fixing an input replaces its failure; the others are recorded once, not twice.
    (dump / "empty.txt").write_text(ARTICLE.replace("June 3", "June 9"), encoding="utf-8")
    result, summary = ingest(cli, str(dump), "--db", str(db))
    assert (summary["new"], summary["unchanged"], summary["failed"]) == (1, 3, 2)
    stats = json.loads(cli("db", "stats", "--db", str(db), "--format", "json").stdout)
    assert sorted(Path(f["source"]).name for f in stats["failures"]) == [
        "corrupt.txt",
        "feed.jsonl",
    ]


def test_two_articles_with_one_id_are_a_failure_not_a_silent_overwrite(cli, tmp_path):
    for folder, day in (("a", "June 3"), ("b", "June 4")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "talks.txt").write_text(ARTICLE.replace("June 3", day))
    db = tmp_path / "news.db"
    result, summary = ingest(cli, str(tmp_path / "a"), str(tmp_path / "b"), "--db", str(db))
    assert result.exit_code == 1
    assert (summary["new"], summary["failed"]) == (1, 1)
    assert "duplicate article id 'talks'" in result.stderr
    assert "June 3" in export(cli, db)[0]["text"]
    # The same file given twice is no conflict.
    again, summary = ingest(cli, str(tmp_path / "a"), str(tmp_path / "a"), "--db", str(db))
    assert again.exit_code == 0 and summary["failed"] == 0


@pytest.mark.slow
def test_analysis_commands_read_the_store_with_db(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, str(seeds), "--db", str(db))
    for command in ("extract", "timeline", "compare", "actors", "commodities", "directives"):
        from_paths = cli(command, str(seeds), "--format", "json")
        from_store = cli(command, "--db", str(db), "--format", "json")
        assert from_store.exit_code == 0, (command, from_store.stderr)
        assert json.loads(from_store.stdout) == json.loads(from_paths.stdout), command


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "news.db", "x.txt"], "Give either PATH... or --db FILE, not both"),
        ([], "Give at least one PATH"),
        (["--db", "missing.db"], "no database at missing.db; create it with `vntrade ingest"),
    ],
)
def test_db_option_errors_say_what_to_do(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = cli("extract", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_is_not_a_store_is_refused(cli, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("just some notes\n")
    result = cli("db", "stats", "--db", str(notes))
    assert result.exit_code == 1
    assert f"{notes} is not a usable vntrade database" in result.stderr
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    result = cli("ingest", str(tmp_path / "notes.db"), "--db", str(other))
    assert "is an SQLite file but not a vntrade database" in result.stderr


def test_a_second_ingest_waits_then_fails_clearly(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    with ingest_lock(db, 0, print):
        started = time.monotonic()
        result = cli("ingest", str(seeds), "--db", str(db), "--wait", "0.5")
        waited = time.monotonic() - started
    assert result.exit_code == 1
    assert f"another vntrade ingest (pid {os.getpid()}) is writing to {db}" in result.stderr
    assert "waiting for another vntrade ingest" in result.stderr
    assert waited >= 0.5
    assert not db.exists() or cli("db", "stats", "--db", str(db)).exit_code == 0


def test_usage_errors_of_ingest(cli, seeds, tmp_path):
    result = cli("ingest", str(seeds), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr
    result = cli("ingest", str(seeds), "--db", "x.db", "--output", str(tmp_path / "ds"))
    assert result.exit_code == 2 and "give --output or --db" in result.stderr


@pytest.mark.slow
def test_worker_processes_give_the_records_of_one_process(cli, seeds, tmp_path):
    corpus = tmp_path / "corpus"
    write_txt(corpus, 24, seed=11)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    result = cli("ingest", str(seeds), str(corpus), "--db", str(one), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    result = cli(
        "ingest", str(seeds), str(corpus), "--db", str(two), "--workers", "2", "--batch-size", "5"
    )
    assert result.exit_code == 0, result.stderr
    assert "29 new" in result.stderr
    assert export(cli, one) == export(cli, two)


def test_export_formats_and_parquet_round_trip(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, str(seeds), "--db", str(db))
    records = export(cli, db)
    as_json = json.loads(cli("db", "export", "--db", str(db), "--format", "json").stdout)
    assert as_json == records
    csv_lines = cli("db", "export", "--db", str(db), "--format", "csv").stdout.splitlines()
    assert csv_lines[0].startswith("id,source,title,published") and len(csv_lines) >= 6
    folder = tmp_path / "parquet"
    result = cli("db", "export", "--db", str(db), "--format", "parquet", "--output", str(folder))
    assert result.exit_code == 0 and "wrote 5 records" in result.stderr
    copy = tmp_path / "copy.db"
    result = cli("db", "import", str(folder), "--db", str(copy), "--summary", "json")
    assert json.loads(result.stdout)["new"] == 5
    assert export(cli, copy) == records
    result = cli("db", "import", str(folder), "--db", str(copy), "--summary", "json")
    assert json.loads(result.stdout)["unchanged"] == 5
    result = cli("db", "export", "--db", str(db), "--format", "parquet")
    assert result.exit_code == 2 and "give --output DIR" in result.stderr


@pytest.mark.slow
def test_parquet_goes_only_into_new_empty_or_own_directories(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    ingest(cli, str(seeds), "--db", str(db))
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("keep me")
    result = cli("db", "export", "--db", str(db), "--format", "parquet", "--output", str(busy))
    assert result.exit_code == 1 and f"{busy} is not empty; give a new" in result.stderr
    result = cli("ingest", str(seeds), "--output", str(busy))
    assert result.exit_code == 1 and "holds no vntrade dataset index" in result.stderr
    assert [p.name for p in busy.iterdir()] == ["notes.txt"]
    # An ingest dataset goes on in its own directory, incrementally.
    out = tmp_path / "dataset"
    _, summary = ingest(cli, str(seeds), "--output", str(out))
    assert (summary["dataset"], summary["new"]) == (str(out), 5)
    _, summary = ingest(cli, str(seeds), "--output", str(out))
    assert summary["unchanged"] == 5


def _committed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def _start_ingest(corpus: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "vntrade", "ingest", str(corpus), "--db", str(db)]
    command += ["--workers", "1", "--batch-size", "8", "--wait", "0"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_rows(db: Path, process: subprocess.Popen, rows: int) -> int:
    deadline = time.monotonic() + 60
    while (count := _committed(db)) < rows:
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    return count


@pytest.mark.slow
def test_interrupted_runs_resume_without_duplicates(cli, tmp_path):
    corpus = tmp_path / "corpus"
    ids = {path.stem for path in write_txt(corpus, 200, seed=5)}
    db = tmp_path / "news.db"

    # SIGTERM: the open batch is rolled back, the run says how to resume.
    process = _start_ingest(corpus, db)
    _wait_for_rows(db, process, 16)
    # Meanwhile a second ingest on the same store does not wait (--wait 0): a clear refusal.
    second = cli("ingest", str(corpus), "--db", str(db), "--wait", "0")
    assert second.exit_code == 1 and "another vntrade ingest" in second.stderr
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted; kept every committed batch" in stderr
    assert "run the same command again" in stderr

    # SIGKILL: nothing gets to clean up; the database must still be valid.
    before = _committed(db)
    process = _start_ingest(corpus, db)
    _wait_for_rows(db, process, before + 16)
    process.kill()
    process.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        committed = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert before + 16 <= committed < 200
    # The killed run is not "running" for ever: nobody holds the store's writer lock.
    stats = json.loads(cli("db", "stats", "--db", str(db), "--format", "json").stdout)
    assert stats["last_run"]["status"] == "interrupted"

    _, summary = ingest(cli, str(corpus), "--db", str(db))
    assert summary["unchanged"] == committed
    assert summary["new"] == 200 - committed
    with sqlite3.connect(db) as conn:
        stored = [row[0] for row in conn.execute("SELECT id FROM articles")]
        runs = [row[0] for row in conn.execute("SELECT status FROM runs ORDER BY run")]
    assert sorted(stored) == sorted(ids)
    # The killed run never finished: the next run, holding the lock, marked it interrupted.
    assert runs == ["interrupted", "interrupted", "done"]


def test_without_flock_the_writer_lock_is_filelocks(tmp_path):
    """Where fcntl is missing (Windows), the writer lock still excludes a second writer."""
    from vntrade.errors import StoreError
    from vntrade.store.lock import _portable_lock

    db = tmp_path / "news.db"
    with (
        _portable_lock(db, 1),
        pytest.raises(StoreError, match="another vntrade ingest is writing to"),
        _portable_lock(db, 0.2),
    ):
        pass
    with _portable_lock(db, 0):  # free again once released
        pass
