"""The store owns every query (issue 24): nothing outside `vntrade.store` holds a connection
or writes SQL, and the views read what they show in a number of queries that does not grow
with the rows (no alias tables for an unfiltered timeline, no query per cluster)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_event_store import TEXTS, ingest, write

SRC = Path(__file__).resolve().parent.parent / "src" / "vntrade"
# A connection, a cursor, a statement run, or a string that reads as SQL.
LEAKS = re.compile(
    r"\.conn\b|\.cursor\(|sqlite3\.Cursor|\.execute(many|script)?\("
    r"|\bSELECT\b[^\"'\n]*\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\bCREATE\s+(TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+"
)


def test_only_the_store_holds_a_connection_or_writes_sql():
    found = [
        f"{path.relative_to(SRC)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).parts[0] != "store"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if LEAKS.search(line)
    ]
    assert found == []


def test_the_leak_pattern_finds_what_it_is_for():
    for line in ('store.conn.execute("SELECT id FROM articles")', "cur = conn.cursor()",
                 '"INSERT OR REPLACE INTO meta VALUES (?, ?)"', '"DELETE FROM events"',
                 '"UPDATE runs SET status = 1"', '"CREATE TABLE t (a)"'):  # fmt: skip
        assert LEAKS.search(line), line
    for line in ('"UPDATE", "BREAKING"', "pieces, cursor = [], start", "select the rows from"):
        assert not LEAKS.search(line), line


@pytest.fixture
def queries(monkeypatch):
    """The SELECT statements every store connection runs from now on."""
    import vntrade.store.sqlite as sqlite

    found: list[str] = []
    connect = sqlite.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(
            lambda sql: found.append(sql) if sql.lstrip().upper().startswith("SELECT") else None
        )
        return conn

    monkeypatch.setattr(sqlite, "connect", traced)
    return found


def test_an_unfiltered_timeline_reads_no_alias_table(cli, seeds, tmp_path, queries):
    db = tmp_path / "seeds.db"
    ingest(cli, db, seeds)
    queries.clear()
    assert cli("timeline", "--db", str(db), "--format", "jsonl").exit_code == 0
    assert queries and not [sql for sql in queries if "name_aliases" in sql]
    queries.clear()
    assert cli("timeline", "--db", str(db), "--actor", "Chinh", "--format", "jsonl").stdout
    assert [sql for sql in queries if "name_aliases" in sql]  # read when a name is asked for


def test_compare_reads_its_clusters_in_as_many_queries_however_many_there_are(
    cli, seeds, tmp_path, queries
):
    counts = {}
    for name, source in (("seeds", seeds), ("texts", write(tmp_path / "news", *TEXTS))):
        db = tmp_path / f"{name}.db"
        ingest(cli, db, source)
        queries.clear()
        result = cli("compare", "--db", str(db), "--format", "json")
        assert result.exit_code == 0, result.stderr
        counts[name] = (len(queries), result.stdout.count('"same_event"'))
    (seeds_queries, seeds_clusters), (texts_queries, texts_clusters) = counts.values()
    assert seeds_clusters != texts_clusters  # stores with more and fewer clusters ...
    assert seeds_queries == texts_queries  # ... read in the same queries
