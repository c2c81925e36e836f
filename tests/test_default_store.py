"""One default store everywhere (issue 23): `vntrade ingest` writes ./vntrade.db, and every
command that reads a store reads it when given no PATH and no --db."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, jsonl

READERS = ["timeline", "compare", "actors", "commodities", "directives", "articles", "extract"]


@pytest.mark.slow
def test_the_views_read_the_store_ingest_wrote_by_default(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VNTRADE_DB", raising=False)
    assert cli("ingest", str(SEEDS), "-q").exit_code == 0
    assert (tmp_path / "vntrade.db").is_file()
    for command in READERS:
        by_default = cli(command, "--format", "jsonl")
        named = cli(command, "--db", "vntrade.db", "--format", "jsonl")
        assert (by_default.exit_code, by_default.stderr) == (0, ""), command
        assert jsonl(by_default) == jsonl(named) and jsonl(named), command
    page = cli("report", "-o", "page.html")
    assert page.exit_code == 0, page.stderr
    assert json.loads(cli("db", "stats", "--format", "json").stdout)["articles"] == 5


def test_paths_win_over_the_default_store(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vntrade.db").write_bytes(b"")  # would be refused if it were read
    result = cli("articles", str(SEEDS / "000_a6d94dcbb98d2318.txt"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert [record["id"] for record in jsonl(result)] == ["000_a6d94dcbb98d2318"]


@pytest.mark.parametrize("command", READERS)
def test_without_a_default_store_the_message_says_where_it_looked(
    cli, tmp_path, monkeypatch, command
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VNTRADE_DB", raising=False)
    result = cli(command)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "vntrade: error: Give at least one PATH (a file, a directory, or - for stdin), or --db "
        "FILE to read a store made by `vntrade ingest` (there is no vntrade.db here, the store "
        "it writes by default)."
    )
