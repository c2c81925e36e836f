"""The store cases of issue 20: a store is never written unless it is a sound vntrade store
(or a new file that ingest makes), a refusal leaves the file byte for byte as it was, and a
full disk is reported as such, never as damage.

Every case goes through the real CLI and checks the exact message, the exit code and, for a
refusal, the file's bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import GOLD, SEEDS, jsonl
from vntrade.cli import main

SEED_A = SEEDS / "002_fc9815a1ee066b28.txt"
SEED_B = SEEDS / "000_a6d94dcbb98d2318.txt"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store of every seed, made once by `vntrade ingest`, and its Parquet export."""
    folder = tmp_path_factory.mktemp("template")
    db = folder / "news.db"
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(SEEDS), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    dataset = folder / "dataset"
    result = runner.invoke(
        main, ["db", "export", "--db", str(db), "--format", "parquet", "--output", str(dataset)]
    )
    assert result.exit_code == 0, result.output
    return db, dataset


@pytest.fixture
def store(template: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the template store (its bytes: no -wal file goes with it)."""
    db = tmp_path / "news.db"
    db.write_bytes(template[0].read_bytes())
    return db


def every_command_says(cli, db: Path, dataset: Path, exit_code: int, message: str) -> None:
    """Every command that takes --db, given `db`, exits with `exit_code` and `message`."""
    commands = [
        ("articles",), ("extract",), ("timeline",), ("compare",), ("actors",),
        ("commodities",), ("directives",), ("report", "-o", str(db.parent / "r.html")),
        ("ingest", str(SEED_A), "--workers", "1"), ("db", "stats"), ("db", "check"),
        ("db", "export"), ("db", "import", str(dataset)), ("db", "recluster"),
        ("eval", "--gold", str(GOLD)),
    ]  # fmt: skip
    for command in commands:
        result = cli(*command, "--db", str(db))
        assert (result.exit_code, result.stderr) == (exit_code, message), command
    assert not (db.parent / "r.html").exists()


# -- 1: file names that are not UTF-8 ------------------------------------------------------


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_is_stored_with_its_bytes_escaped(cli, tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(SEED_A, folder / "a.txt")
    shutil.copy(SEED_A, os.path.join(os.fsencode(folder), b"bad\xff.txt"))
    db = tmp_path / "m.db"
    result = cli("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert (result.exit_code, result.stderr) == (
        0,
        f"vntrade: ingested 2 articles: 2 new, 0 updated, 0 unchanged, 0 failed (db: {db})\n",
    )
    records = jsonl(cli("articles", "--db", str(db), "--format", "jsonl"))
    assert sorted((r["id"], r["source"]) for r in records) == [
        ("a", f"{folder}/a.txt"),
        ("bad\\xff", f"{folder}/bad\\xff.txt"),  # the byte as os.fsencode + backslashreplace
    ]
    again = cli("ingest", str(folder), "--db", str(db), "--workers", "1")  # files skipped
    assert again.stderr == (
        f"vntrade: ingested 2 articles: 0 new, 0 updated, 2 unchanged, 0 failed (db: {db})\n"
    )
    # --article takes the id with the byte (as the shell gives it) or as the store has it
    for name in ("bad\udcff", "bad\\xff"):
        result = cli("compare", "--db", str(db), "--article", name, "--format", "json")
        assert result.exit_code == 0, result.stderr
    result = cli("compare", "--db", str(db), "--article", "\udcff")
    assert (result.exit_code, result.stderr) == (
        2,
        "vntrade: error: Invalid value for '--article': no article '\\xff' among these articles.\n",
    )


@pytest.mark.slow
def test_a_path_that_is_not_utf8_goes_through_the_temporary_store(cli, tmp_path):
    path = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"))
    shutil.copy(SEED_A, path)
    result = cli("timeline", path, "--format", "jsonl")
    assert (result.exit_code, result.stderr) == (0, "")
    assert {a for entry in jsonl(result) for a in entry["articles"]} == {"bad\\xff"}


# -- 9: a schema version that is not a number ---------------------------------------------


@pytest.mark.slow
def test_a_schema_version_that_is_not_a_number_is_refused_by_every_command(cli, store, template):
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE meta SET value = 'x' WHERE key = 'schema_version'")
    conn.close()
    before = digest(store)
    message = (
        f"vntrade: error: {store} is not a usable vntrade database (unknown schema version "
        "'x'); choose another --db FILE.\n"
    )
    every_command_says(cli, store, template[1], 1, message)
    assert digest(store) == before


# -- 10: ingest validates before it writes -------------------------------------------------


def test_another_programs_database_is_refused_unchanged(cli, tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    before = db.read_bytes()
    for command in (("ingest", str(SEED_A)), ("db", "recluster"), ("timeline",)):
        result = cli(*command, "--db", str(db))
        assert (result.exit_code, result.stderr) == (
            1,
            f"vntrade: error: {db} is an SQLite file but not a vntrade database; choose "
            "another --db FILE.\n",
        ), command
    assert db.read_bytes() == before  # still in journal mode `delete`, not `wal`
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_an_empty_sqlite_database_is_not_taken_for_a_new_store(cli, tmp_path):
    db = tmp_path / "empty.db"
    sqlite3.connect(db).execute("PRAGMA user_version = 7").connection.close()
    before = db.read_bytes()
    result = cli("ingest", str(SEED_A), "--db", str(db))
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: {db} is an SQLite file but not a vntrade database; choose another "
        "--db FILE.\n",
    )
    assert db.read_bytes() == before


def test_an_empty_file_is_refused_with_what_to_do(cli, tmp_path):
    db = tmp_path / "zero.db"
    db.touch()
    for command in (("ingest", str(SEED_A)), ("timeline",), ("db", "stats")):
        result = cli(*command, "--db", str(db))
        assert (result.exit_code, result.stderr) == (
            1,
            f"vntrade: error: {db} exists but is empty (0 bytes), so it is not a vntrade store; "
            "remove it (`vntrade ingest` then makes the store there) or give another --db "
            "FILE.\n",
        ), command
    assert db.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zero.db"]


def test_a_text_file_is_refused_unchanged(cli, tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("my notes\n", encoding="utf-8")
    result = cli("ingest", str(SEED_A), "--db", str(db))
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: {db} is not a usable vntrade database (not an SQLite file); choose "
        "another --db FILE.\n",
    )
    assert db.read_text(encoding="utf-8") == "my notes\n"


@pytest.mark.slow
def test_a_new_store_appears_whole_and_nothing_else_stays(cli, tmp_path):
    db = tmp_path / "new.db"
    result = cli("ingest", str(SEED_A), "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.db"]  # no .new.db.*.new
    assert json.loads(cli("db", "check", "--db", str(db), "--format", "json").stdout)["ok"]


# -- 11: a row that is not JSON ------------------------------------------------------------


@pytest.mark.slow
def test_recluster_refuses_a_store_with_a_record_that_is_not_json(cli, store):
    with sqlite3.connect(store) as conn:
        (first,) = conn.execute("SELECT id FROM articles WHERE rowid = 1").fetchone()
        conn.execute("UPDATE articles SET extraction = '{bad' WHERE rowid = 1")
    conn.close()
    before = digest(store)
    timeline = cli("timeline", "--db", str(store), "--format", "jsonl")
    assert timeline.exit_code == 0, timeline.stderr
    result = cli("db", "recluster", "--db", str(store))
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: the store {store} is damaged (article {first!r}: its record is not "
        f"valid JSON). Check it with `vntrade db check --db {store}`, then restore it from a "
        "backup or rebuild it: ingest the inputs again into a new --db FILE (the old file is "
        "left as it is).\n",
    )
    assert digest(store) == before
    # the views read it as before: not "the events of ... are not clustered"
    assert cli("timeline", "--db", str(store), "--format", "jsonl").stdout == timeline.stdout
    assert cli("actors", "--db", str(store), "--format", "jsonl").exit_code == 0
    assert cli("db", "recluster", "--db", str(store)).stderr == result.stderr
    # ingest never writes into what `db check` calls damaged either
    ingest = cli("ingest", str(SEED_A), "--db", str(store), "-q")
    assert (ingest.exit_code, ingest.stderr) == (1, result.stderr)
    assert digest(store) == before


@pytest.mark.slow
def test_a_recluster_that_fails_midway_leaves_the_store_as_it_was(cli, store, monkeypatch):
    before = digest(store)
    timeline = cli("timeline", "--db", str(store), "--format", "jsonl").stdout

    def fail(self, write):  # the first batch's write finds the disk full
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("vntrade.store.events.EventTables._write_events", fail)
    result = cli("db", "recluster", "--db", str(store), "-q")
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: the disk is full (no space left in {store.parent}): free some space "
        "and run the command again; the store is unchanged.\n",
    )
    monkeypatch.undo()
    assert digest(store) == before
    assert cli("timeline", "--db", str(store), "--format", "jsonl").stdout == timeline


# -- 12: a --db that is not a regular file -------------------------------------------------


@pytest.mark.slow
def test_a_named_pipe_as_db_is_refused_at_once_by_every_command(cli, template, tmp_path):
    fifo = tmp_path / "f.db"
    os.mkfifo(fifo)
    message = (
        f"vntrade: error: Invalid value for '--db': {fifo} is a named pipe, not a store file; "
        "give the name of a store file, e.g. --db news.db.\n"
    )
    every_command_says(cli, fifo, template[1], 2, message)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.db"]


def test_a_device_as_db_is_refused(cli):
    result = cli("db", "stats", "--db", os.devnull)
    assert (result.exit_code, result.stderr) == (
        2,
        f"vntrade: error: Invalid value for '--db': {os.devnull} is a device, not a store file; "
        "give the name of a store file, e.g. --db news.db.\n",
    )


# -- 13: a full disk -----------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs folder (as root; skipped where nothing can be mounted)."""
    folder = tmp_path / "small"
    folder.mkdir()
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError as error:
        pytest.skip(f"cannot mount a tmpfs to fill: {error}")
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, timeout=30)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of `folder` but for about `leave` bytes."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(folder / "filler", "wb") as file:
        try:
            file.write(b"\0" * max(free - leave, 0))
            file.flush()
        except OSError:
            pass


@pytest.mark.slow
def test_a_full_disk_is_said_to_be_full_never_damage(cli, store, small_disk):
    db = small_disk / "news.db"
    shutil.copy(store, db)
    timeline = cli("timeline", "--db", str(db), "--format", "jsonl").stdout
    for leftover in small_disk.glob("news.db-*"):  # what the reader left: SQLite's WAL index
        leftover.unlink()
    before = digest(db)
    fill(small_disk)
    full = (
        f"vntrade: error: the disk is full (no space left in {small_disk}): free some space "
        "and run the command again; "
    )
    for command in (("timeline",), ("db", "check"), ("db", "stats"), ("db", "recluster")):
        result = cli(*command, "--db", str(db))
        assert (result.exit_code, result.stderr) == (1, full + "the store is unchanged.\n"), command
    result = cli("ingest", str(SEED_A), "--db", str(db), "--workers", "1")
    assert (result.exit_code, result.stderr) == (1, full + "every committed batch is kept.\n")
    assert digest(db) == before
    (small_disk / "filler").unlink()
    assert cli("timeline", "--db", str(db), "--format", "jsonl").stdout == timeline
    assert cli("db", "check", "--db", str(db)).exit_code == 0


@pytest.mark.slow
def test_a_disk_that_fills_during_a_recluster_leaves_the_store_as_it_was(cli, store, small_disk):
    db = small_disk / "news.db"
    shutil.copy(store, db)
    timeline = cli("timeline", "--db", str(db), "--format", "jsonl").stdout
    before = digest(db)
    fill(small_disk, leave=64 * 1024)  # room for the lock and a few pages, not the new events
    result = cli("db", "recluster", "--db", str(db), "-q")
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: the disk is full (no space left in {small_disk}): free some space "
        "and run the command again; the store is unchanged.\n",
    )
    assert digest(db) == before
    (small_disk / "filler").unlink()
    assert cli("timeline", "--db", str(db), "--format", "jsonl").stdout == timeline


# -- 14: file names with control characters in messages ------------------------------------


@pytest.mark.slow
def test_a_db_name_with_a_newline_stays_on_one_line(cli, tmp_path):
    db = tmp_path / "news\nweek.db"
    shown = str(db).replace("\n", "\\n")
    result = cli("ingest", str(SEED_A), "--db", str(db), "--workers", "1")
    assert (result.exit_code, result.stderr) == (
        0,
        f"vntrade: ingested 1 articles: 1 new, 0 updated, 0 unchanged, 0 failed (db: {shown})\n",
    )
    result = cli("db", "recluster", "--db", str(db))
    assert result.stderr == f"vntrade: re-clustered the events of 1 articles (db: {shown}).\n"
    missing = tmp_path / "no\x1b[31mne.db"
    result = cli("timeline", "--db", str(missing))
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: no database at {tmp_path}/no\\x1b[31mne.db; create it with "
        f"`vntrade ingest PATH... --db {tmp_path}/no\\x1b[31mne.db`.\n",
    )
