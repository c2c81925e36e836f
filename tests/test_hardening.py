"""What users feed the tool by accident: each case once crashed, lost data or ran away.

Every test goes through the real CLI and checks the exact message and exit code.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from conftest import jsonl
from vntrade.corpus import write_txt

GOOD = "Hanoi (VNA) - Officials met on Monday to discuss tariffs on shrimp."


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def articles(cli, *args: str):
    result = cli("articles", *args, "--format", "jsonl")
    return result.exit_code, jsonl(result), result.stderr.splitlines()


# -- 1-3: JSON the loader must survive ------------------------------------------------------


def test_lone_surrogate_escapes_are_replaced_and_the_next_record_is_read(cli, tmp_path):
    path = write(
        tmp_path / "s.jsonl",
        '{"id": "a", "text": "Hanoi (VNA) - Talks \\udc00 today."}\n'
        '{"id": "b", "text": "Hanoi (VNA) - Another.", "url": "https://x/\\ud800"}\n'
        '{"id": "c", "text": "Hanoi (VNA) - A third."}\n',
    )
    code, records, errors = articles(cli, str(path))
    assert code == 0
    assert [r["id"] for r in records] == ["a", "b", "c"]
    assert records[0]["text"] == "Talks \ufffd today."
    assert records[1]["url"] == "https://x/\ufffd"
    reason = "lone surrogate escapes (not Unicode characters) replaced with U+FFFD"
    assert errors == [f"vntrade: {path}:1: {reason}", f"vntrade: {path}:2: {reason}"]
    # The same records as CSV and JSON: nothing left that UTF-8 cannot write.
    assert cli("articles", str(path), "--format", "csv").exit_code == 0


def test_json_ending_inside_a_utf8_sequence_is_reported(cli, tmp_path):
    lone = write(tmp_path / "one.json", b"\xd0")
    stray = write(tmp_path / "two.json", b'[{"id": "k", "text": "Hanoi (VNA) - Kept."}]\xc3')
    code, records, errors = articles(cli, str(lone), str(stray))
    assert code == 1
    assert [r["id"] for r in records] == ["k"]
    assert errors == [
        f"vntrade: {lone}:1: malformed JSON: expecting value",
        f"vntrade: {stray}:1: malformed JSON: unexpected data after the JSON array",
    ]


def test_an_integer_of_thousands_of_digits_is_kept_as_its_digits(cli, tmp_path):
    digits = "1" + "0" * 5000
    path = write(tmp_path / "b.jsonl", f'{{"text": "Hanoi (VNA) - T.", "id": {digits}}}\n')
    code, records, errors = articles(cli, str(path))
    assert (code, errors) == (0, [])
    assert records[0]["id"] == digits


def test_empty_dumps_say_no_records(cli, tmp_path):
    array = write(tmp_path / "a.json", "[]")
    wrapped = write(tmp_path / "w.json", '{"articles": []}')
    header = write(tmp_path / "h.csv", "id,text\n")
    empty = write(tmp_path / "e.jsonl", "")
    code, records, errors = articles(cli, str(array), str(wrapped), str(header), str(empty))
    assert (code, records) == (1, [])
    assert errors == [
        f"vntrade: {array}: no records",
        f"vntrade: {wrapped}:1: no records",
        f"vntrade: {header}: no records",
        f"vntrade: {empty}: empty file",
    ]


# -- 4: a bad record inside ingest is one failure row -------------------------------------


@pytest.mark.slow
def test_ingest_stores_every_good_article_beside_a_broken_dump(cli, tmp_path):
    folder = tmp_path / "dump"
    ids = {path.stem for path in write_txt(folder, 30, seed=3)}
    write(
        folder / "z.jsonl",
        '{"id": "s", "text": "Hanoi (VNA) - Talks \\udc00 today."}\n'
        '{"id": "n", "text": "Hanoi (VNA) - T.", "x": 1' + "0" * 5000 + "}\n"
        '{"id": "bad" "text": "x"}\n',
    )
    write(folder / "zz.json", b"\xd0")
    db = tmp_path / "news.db"
    result = cli("ingest", str(folder), "--db", str(db), "--workers", "1", "--summary", "json")
    summary = json.loads(result.stdout)
    assert result.exit_code == 1
    assert (summary["new"], summary["failed"], summary["status"]) == (32, 2, "incomplete")
    with sqlite3.connect(db) as conn:
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
        failures = conn.execute(
            "SELECT source, line, reason FROM failures ORDER BY source"
        ).fetchall()
    assert stored == ids | {"s", "n"}
    assert failures == [
        (str(folder / "z.jsonl"), 3, "malformed JSON: expecting ',' delimiter at column 14"),
        (str(folder / "zz.json"), 1, "malformed JSON: expecting value"),
    ]


# -- 5: compare with year-less dates ------------------------------------------------------


def test_compare_two_articles_without_a_year(cli, seeds, tmp_path):
    other = write(
        tmp_path / "ny.txt",
        "Hanoi (VNA) - Deputy Prime Minister Ho Duc Phoc met US officials on April 24 to "
        "discuss tariffs.\n",
    )
    result = cli("compare", str(seeds / "002_fc9815a1ee066b28.txt"), str(other), "--format", "json")
    assert result.exit_code == 0, result.stderr
    clusters = json.loads(result.stdout)["clusters"]
    assert sorted(a for c in clusters for a in c["articles"]) == ["002_fc9815a1ee066b28", "ny"]


# -- 6: damaged stores --------------------------------------------------------------------


@pytest.fixture
def store(cli, tmp_path) -> Path:
    folder = tmp_path / "corpus"
    write_txt(folder, 120, seed=11)
    db = tmp_path / "news.db"
    result = cli("ingest", str(folder), "--db", str(db), "--workers", "1", "-q")
    assert result.exit_code == 0, result.stderr
    return db


def is_damaged(message: str, db: Path) -> bool:
    """The damaged-store message, whatever SQLite said about the damage."""
    return message.startswith(f"vntrade: error: the store {db} is damaged (") and message.endswith(
        f"). Check it with `vntrade db check --db {db}`, then restore it from a backup or "
        "rebuild it: ingest the inputs again into a new --db FILE (the old file is left as it "
        "is).\n"
    )


@pytest.mark.slow
def test_a_damaged_store_is_named_and_never_written(cli, store, seeds):
    with open(store, "r+b") as file:  # random pages in the middle, as a bad disk would
        file.seek(4096 * 4)
        file.write(random.Random(7).randbytes(4096 * 12))
    before = store.read_bytes()
    assert cli("db", "check", "--db", str(store)).exit_code == 1
    readers = (("db", "stats"), ("articles",), ("db", "export"), ("ingest", str(seeds)),
               ("db", "recluster"))  # fmt: skip
    for command in readers:
        result = cli(*command, "--db", str(store))
        assert result.exit_code == 1, command
        assert is_damaged(result.stderr, store), result.stderr
    # The views read only their own tables: a damaged page they do not read cannot change
    # their answer, and one they read is the same error.
    for view in ("timeline", "compare", "actors"):
        result = cli(view, "--db", str(store), "--format", "jsonl")
        assert (result.exit_code == 0 and not result.stderr) or (
            result.exit_code == 1 and is_damaged(result.stderr, store)
        ), (view, result.stderr)
    assert store.read_bytes() == before  # ingest and recluster wrote nothing into it


@pytest.mark.slow
def test_a_row_that_is_not_json_is_a_damaged_store(cli, store):
    assert json.loads(cli("db", "check", "--db", str(store), "--format", "json").stdout) == {
        "db": str(store),
        "ok": True,
        "problems": [],
    }
    with sqlite3.connect(store) as conn:
        (first,) = conn.execute("SELECT min(id) FROM articles").fetchone()
        conn.execute("UPDATE articles SET extraction = '{bad' WHERE id = ?", (first,))
    check = cli("db", "check", "--db", str(store), "--format", "json")
    assert check.exit_code == 1
    assert json.loads(check.stdout)["problems"] == [
        f"article {first!r}: its record is not valid JSON"
    ]
    result = cli("db", "export", "--db", str(store))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"vntrade: error: the store {store} is damaged (a row does not hold valid JSON: "
    )
    with sqlite3.connect(store) as conn:  # and a timeline entry that is not JSON
        conn.execute("UPDATE timeline_entries SET entry = '{bad'")
    result = cli("timeline", "--db", str(store))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"vntrade: error: the store {store} is damaged (a row does not hold valid JSON: "
    )


# -- 7 and 14: Dask without a network, and failed commands leave nothing --------------------


@pytest.mark.slow
def test_dask_without_loopback_fails_at_once_and_creates_nothing(tmp_path, seeds):
    db = tmp_path / "news.db"
    command = ["unshare", "-n", sys.executable, "-m", "vntrade", "ingest", str(seeds)]
    result = subprocess.run(
        [*command, "--engine", "dask", "--db", str(db)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == (
        "vntrade: error: cannot start a local Dask cluster: this machine's loopback network "
        "does not work (network is unreachable). Use --engine local, or --scheduler ADDRESS of "
        "a running Dask cluster.\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_failed_commands_leave_no_store_and_no_lock(cli, tmp_path, seeds):
    empty = tmp_path / "emptydir"
    empty.mkdir()
    result = cli("db", "import", str(empty), "--db", str(tmp_path / "z.db"))
    assert result.exit_code == 1
    assert result.stderr == f"vntrade: error: no Parquet files in {empty}.\n"
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = cli(
            "ingest", str(seeds), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--db",
            str(tmp_path / "y.db"),
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "vntrade: error: cannot reach a Dask scheduler at tcp://127.0.0.1:9"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["emptydir"]
    # A run that succeeds leaves the store and nothing else: no lock file with a stale pid.
    result = cli("ingest", str(seeds), "--db", str(tmp_path / "x.db"), "--workers", "1")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("x.db")) == ["x.db"]


# -- 8: never read your own output --------------------------------------------------------


def test_a_run_never_reads_the_file_its_output_goes_to(tmp_path, seeds):
    folder = tmp_path / "dir"
    folder.mkdir()
    for path in seeds.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    out = folder / "out.jsonl"
    with open(out, "w") as stdout:
        result = subprocess.run(
            [sys.executable, "-m", "vntrade", "articles", "."],
            cwd=folder,
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 0
    assert (
        result.stderr
        == "vntrade: ./out.jsonl: skipped: this command writes its output to this file\n"
    )
    assert len(out.read_text().splitlines()) == 5


# -- 9: a killed driver takes its workers with it -----------------------------------------


@pytest.mark.slow
def test_sigkill_of_the_driver_leaves_no_process_behind(tmp_path):
    corpus = tmp_path / "corpus"
    write_txt(corpus, 2000, seed=2)
    db = tmp_path / "news.db"
    command = [sys.executable, "-m", "vntrade", "ingest", str(corpus), "--db", str(db)]
    driver = subprocess.Popen(
        [*command, "--workers", "2", "--batch-size", "8"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 90
    family: list[psutil.Process] = []
    while len([p for p in family if "python" in p.name()]) < 3:  # forkserver + two workers
        assert driver.poll() is None, driver.stderr.read()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.2)
        family = psutil.Process(driver.pid).children(recursive=True)
    time.sleep(1)
    family = psutil.Process(driver.pid).children(recursive=True)
    driver.send_signal(signal.SIGKILL)
    driver.wait(timeout=10)
    _, alive = psutil.wait_procs(family, timeout=10)
    assert alive == [], [p.cmdline() for p in alive]
    # Nothing holds the terminal's pipes open: reading them ends.
    driver.stdout.read()
    driver.stderr.read()


# -- 10: one very long article ------------------------------------------------------------


@pytest.mark.slow
def test_a_long_article_is_extracted_whole_with_exact_offsets(cli, tmp_path):
    paragraphs = [
        f"Minister Nguyen Hong Dien met exporters of shrimp and rice on March {day % 28 + 1}, "
        f"2025, in round {day} of the talks." + " The talks went on." * 30
        for day in range(120)
    ]
    path = write(tmp_path / "long.txt", "Hanoi (VNA) - " + "\n\n".join(paragraphs))
    result = cli("extract", str(path), "--with-text", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    text = record["text"]
    assert len(text) > 60_000  # three pieces or more
    assert len(record["dates"]) == 120
    for date in record["dates"]:
        assert text[date["start"] : date["end"]] == date["text"]
    for item in record["actors"] + record["commodities"]:
        for mention in item["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    shrimp = next(c for c in record["commodities"] if c["name"] == "shrimp")
    assert len(shrimp["mentions"]) == 120
    events = record["events"]
    assert len(events) == 120  # one meeting per paragraph, through every piece
    for event in events:
        assert text[event["sentence_start"] : event["sentence_end"]] == event["sentence"]
    orders = [event["order"] for event in events]
    assert orders == sorted(set(orders)) and orders[-1] > 120 * 30  # numbered through the article
    assert [event["lead"] for event in events] == [True] + [False] * 119


def test_a_dump_record_over_the_limit_is_skipped_alone(cli, tmp_path):
    big = "Hanoi (VNA) - " + "Steel. " * 300
    path = write(
        tmp_path / "d.jsonl",
        f'{{"id": "a", "text": "{GOOD}"}}\n{{"id": "big", "text": "{big}"}}\n'
        f'{{"id": "c", "text": "{GOOD}"}}\n',
    )
    code, records, errors = articles(cli, str(path), "--max-bytes", "1000")
    assert (code, [r["id"] for r in records]) == (1, ["a", "c"])
    assert errors == [
        f"vntrade: {path}:2: record is over the 1,000-byte limit for one article "
        "(raise it with --max-bytes)"
    ]
    # The whole dump is far over the limit; only its records count.
    assert path.stat().st_size > 2000


# -- 11: spreadsheet formulas -------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cli, tmp_path):
    path = write(
        tmp_path / "f.jsonl",
        json.dumps({"id": '=HYPERLINK("http://x")', "title": "@SUM(1)", "text": GOOD}) + "\n",
    )
    result = cli("articles", str(path), "--format", "csv")
    assert result.exit_code == 0
    row = result.stdout.splitlines()[1]
    assert row.startswith('"\'=HYPERLINK(""http://x"")",')
    assert ",'@SUM(1)," in row


# -- 15: messages that say what is wrong --------------------------------------------------


def test_an_empty_db_name_is_a_usage_error(cli, seeds):
    for command in (("db", "stats"), ("timeline",), ("ingest", str(seeds))):
        result = cli(*command, "--db", "")
        assert result.exit_code == 2
        assert "Invalid value for '--db': needs a file name, e.g. --db news.db." in result.stderr


@pytest.mark.slow
def test_a_store_of_an_older_layout_is_explained_then_upgraded(cli, store, seeds):
    with sqlite3.connect(store) as conn:
        conn.execute("DROP TABLE sources")
        conn.execute("ALTER TABLE articles DROP COLUMN part")
    result = cli("timeline", "--db", str(store))
    assert (result.exit_code, result.stderr) == (
        1,
        f"vntrade: error: {store} has the layout of an older vntrade (it lacks table sources, "
        f"column part). Upgrade it by running `vntrade ingest PATH... --db {store}` once.\n",
    )
    assert cli("ingest", str(seeds), "--db", str(store), "--workers", "1").exit_code == 0
    assert cli("timeline", "--db", str(store)).exit_code == 0


@pytest.mark.slow
def test_a_store_on_a_read_only_mount_is_read_but_not_written(store, seeds):
    folder = store.parent
    script = (
        f"mount --bind -o ro {folder} {folder} && "
        f"{sys.executable} -m vntrade db stats --db {store} --format json && "
        f"{sys.executable} -m vntrade ingest {seeds} --db {store}"
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=60
    )
    assert json.loads(result.stdout.split("\n}\n")[0] + "}")["articles"] == 120
    assert result.returncode == 1
    assert result.stderr == f"vntrade: error: cannot write to {store}: Read-only file system.\n"


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"a{n}", "text": GOOD}) + "\n" for n in range(5000)),
        encoding="utf-8",
    )
    result = subprocess.run(
        f"{sys.executable} -m vntrade articles {path} | head -c 10; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (141, '{"id": "a0', "")
