"""One convention for options and messages, and nothing left behind (issue 23): usage errors
of one shape, -o/--output and -v/-q meaning one thing everywhere, human table headers,
thousands separators, CSV cells as in JSON, one "as of" for deadlines, notes after the table,
the default store, no store left by a failed first ingest, no -wal/-shm left by a view."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import click
import pytest

from conftest import SEEDS, ingested, jsonl
from vntrade.cli import main
from vntrade.ingest.summary import Summary

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds' store, made once by `vntrade ingest`; tests read it only."""
    folder = tmp_path_factory.mktemp("conventions")
    return ingested(folder, SEEDS)


@pytest.fixture
def copy(store: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds' store."""
    db = tmp_path / "s.db"
    db.write_bytes(store.read_bytes())
    return db


def commands(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from commands(command, ctx, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(commands(main, click.Context(main)))


# -- usage errors: one shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [(("timeline", "--kind", "meetin"), "--kind"),
     (("timeline", "--since", "2025-13"), "--since"),
     (("directives", "--as-of", "someday"), "--as-of"),
     (("timeline", "--limit", "-1"), "--limit"),
     (("compare", "--cluster", "99"), "--cluster"),
     (("actors", "--format", "xml"), "--format")],
)  # fmt: skip
def test_every_usage_error_is_one_line_naming_the_option(cli, store, args, option):
    result = cli(*args, "--db", str(store))
    assert result.exit_code == 2
    [line] = [line for line in result.stderr.splitlines() if "error" in line]
    assert line.startswith(f"vntrade: error: Invalid value for '{option}': ")
    assert "Usage:" not in result.stderr and result.stdout == ""


def test_usage_errors_of_click_and_of_vntrade_have_the_same_shape(cli, store):
    kind = cli("timeline", "--db", str(store), "--kind", "meetin").stderr
    since = cli("timeline", "--db", str(store), "--since", "2025-13").stderr
    assert len(kind.splitlines()) == len(since.splitlines()) == 1
    assert kind.split("'--kind'")[0] == since.split("'--since'")[0]


# -- -o/--output: where a command writes what it would print -----------------------------------


@pytest.mark.parametrize(
    ("path", "command"),
    [(p, c) for p, c in COMMANDS if any("--format" in param.opts for param in c.params)],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_every_command_that_prints_rows_takes_o_output(path, command):
    options = {opt for param in command.params for opt in param.opts}
    if path == ("ingest",) or path == ("db", "import"):  # --format is the old --summary there
        assert "-o" in options or path == ("db", "import")
        return
    assert {"-o", "--output"} <= options, path


def test_output_to_a_file_takes_its_format_from_the_name(cli, store, tmp_path):
    rows = tmp_path / "timeline.csv"
    result = cli("timeline", "--db", str(store), "-o", str(rows))
    assert (result.exit_code, result.stdout) == (0, "")
    table = list(csv.DictReader(io.StringIO(rows.read_text(encoding="utf-8"))))
    assert table and table[0]["date"]
    actors = tmp_path / "actors.json"
    assert cli("actors", "--db", str(store), "--output", str(actors)).exit_code == 0
    assert json.loads(actors.read_text(encoding="utf-8"))[0]["name"]
    export = tmp_path / "records.jsonl"
    assert cli("db", "export", "--db", str(store), "-o", str(export)).exit_code == 0
    assert len(export.read_text(encoding="utf-8").splitlines()) == 5


def test_a_command_that_fails_writes_no_output_file(cli, tmp_path):
    target = tmp_path / "out.csv"
    result = cli("timeline", "--db", str(tmp_path / "none.db"), "-o", str(target))
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# -- -v/-q: global only --------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_no_command_has_a_visible_v_or_q_of_its_own(path, command):
    shown = {opt for p in command.params if not getattr(p, "hidden", False) for opt in p.opts}
    assert not shown & {"-v", "-q", "--verbose", "--quiet"}, path


def test_eval_lists_its_misses_with_misses(cli, gold, store):
    result = cli("eval", "--gold", str(gold), "--db", str(store), "--misses", "--format", "json")
    assert result.exit_code == 0, result.stderr
    fields = json.loads(result.stdout)["articles"]["000_a6d94dcbb98d2318"]
    assert all("missed" in score and "spurious" in score for score in fields.values())


def test_the_global_q_hides_the_ingest_summary(cli, tmp_path):
    db = tmp_path / "q.db"
    result = cli("-q", "ingest", str(SEEDS / "000_a6d94dcbb98d2318.txt"), "--db", str(db))
    assert (result.exit_code, result.stderr) == (0, "")


# -- human headers, thousands separators -------------------------------------------------------


@pytest.mark.parametrize("command", ["actors", "commodities", "directives", "extract"])
def test_table_headers_are_words_not_keys(cli, store, command):
    table = cli(command, "--db", str(store), "--format", "table", env={"COLUMNS": "200"})
    header = next(line for line in table.stdout.splitlines() if line.startswith("┃"))
    assert "_" not in header and "n articles" not in header
    assert "articles" in header or command == "extract"


def test_summaries_count_with_thousands_separators_as_the_progress_bar_does():
    summary = Summary("news.db")
    summary.counts.update(new=1500, updated=0, unchanged=500, failed=0)
    assert summary.line().startswith("ingested 2,000 articles: 1,500 new, 0 updated, 500 unch")


def test_db_stats_counts_with_thousands_separators(cli, store):
    table = cli("db", "stats", "--db", str(store), "--format", "table").stdout
    assert "1,938" in table  # the seeds' words


# -- CSV cells as in JSON ----------------------------------------------------------------------


def test_csv_cells_hold_booleans_and_lists_as_json(cli, store):
    result = cli("timeline", "--db", str(store), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["date_inferred"] for row in rows} <= {"true", "false"}
    assert all(json.loads(row["articles"]) for row in rows)
    assert all(isinstance(json.loads(row["actors"]), list) for row in rows)


# -- one "as of" for deadlines -------------------------------------------------------------------


def test_deadlines_are_judged_against_the_newest_article_by_default(cli, store):
    newest = json.loads(cli("db", "stats", "--db", str(store), "--format", "json").stdout)
    default = jsonl(cli("directives", "--db", str(store), "--format", "jsonl"))
    same = cli("directives", "--db", str(store), "--as-of", newest["last_date"])
    assert default == jsonl(same)
    assert {row["status"] for row in default if row["deadline"]} == {"open"}  # none past
    later = jsonl(cli("directives", "--db", str(store), "--as-of", "2026-01-01"))
    assert {row["status"] for row in later if row["deadline"]} == {"overdue"}
    table = cli("directives", "--db", str(store), "--format", "table").stdout
    assert f"deadlines as of {newest['last_date']}" in table


# -- notes after the table ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "note"),
    [(("timeline", "--limit", "2"), "more entries left out"),
     (("compare", "--limit", "0", "--format", "table"), None)],
)  # fmt: skip
def test_a_note_about_a_long_table_comes_after_it(cli, store, args, note):
    result = cli(*args, "--db", str(store), "--format", "table")
    assert result.exit_code == 0, result.stderr
    if note is None:
        return
    lines = result.output.splitlines()
    last_border = max(n for n, line in enumerate(lines) if line.startswith("└"))
    noted = next(n for n, line in enumerate(lines) if note in line)
    assert noted > last_border and note in result.stderr and note not in result.stdout


# -- the default store -------------------------------------------------------------------------


def test_the_views_read_vntrade_db_from_the_environment(cli, store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VNTRADE_DB", str(store))
    by_env = cli("timeline", "--format", "jsonl")
    assert by_env.exit_code == 0, by_env.stderr
    assert jsonl(by_env) == jsonl(cli("timeline", "--db", str(store), "--format", "jsonl")) != []


# -- nothing left behind -----------------------------------------------------------------------


def test_a_failed_first_ingest_removes_the_store_it_made(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("ingest", "nothere", "--db", "x.db")
    assert result.exit_code == 1
    assert "nothere" in result.stderr and "removed x.db" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_failed_ingest_into_a_store_keeps_it(cli, copy):
    result = cli("ingest", str(copy.parent / "nothere"), "--db", str(copy))
    assert result.exit_code == 1 and copy.is_file()


@pytest.mark.parametrize(
    "args",
    [("timeline",), ("compare",), ("actors",), ("directives",), ("articles",), ("extract",),
     ("db", "stats"), ("db", "check"), ("db", "export")],
)  # fmt: skip
def test_reading_a_store_leaves_nothing_beside_it(cli, copy, args):
    before = copy.read_bytes()
    assert cli(*args, "--db", str(copy)).exit_code == 0
    assert sorted(p.name for p in copy.parent.iterdir()) == ["s.db"]
    assert copy.read_bytes() == before


def test_a_reader_leaves_the_wal_files_of_a_store_another_connection_holds(cli, copy):
    writer = sqlite3.connect(copy)  # an ingest running meanwhile
    writer.execute("SELECT count(*) FROM articles").fetchone()
    try:
        assert cli("timeline", "--db", str(copy)).exit_code == 0
        assert Path(f"{copy}-shm").exists()  # still in use: never removed under a writer
    finally:
        writer.close()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["s.db"]
