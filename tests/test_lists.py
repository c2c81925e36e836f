"""`vntrade actors`, `commodities` and `directives`: corpus-wide tables."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import jsonl

SEED_000 = "000_a6d94dcbb98d2318"
SEED_001 = "001_3a2340998392e8b3"
ARTICLE = (
    "date 2025-06-10\n"
    "Hanoi (VNA) - Deputy Prime Minister Bùi Thanh Sơn on June 9 chaired a meeting on rice and "
    "coffee exports to the US. He asked the Ministry of Agriculture and Environment to report "
    "on coffee prices by June 20, and told the Ministry of Finance to review tariffs on US "
    "almonds in the third quarter.\n"
)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("lists") / "son_rice.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _rows(cli, *args: str) -> list[dict]:
    result = cli(*args, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def test_actors_table_of_the_seeds(cli, seeds):
    rows = {row["name"]: row for row in _rows(cli, "actors", str(seeds))}
    chinh = rows["Pham Minh Chinh"]
    assert chinh["type"] == "PERSON"
    assert "Prime Minister" in chinh["roles"]
    assert chinh["n_articles"] == 4 and SEED_000 in chinh["articles"]
    assert chinh["mentions"] >= chinh["n_articles"]
    assert "Phạm Minh Chính" in chinh["aliases"]
    # First and last dates are those of the events naming him: April 22 to the May deadline.
    assert (chinh["first"], chinh["last"]) == ("2025-04-22", "2025-05")
    dien = rows["Nguyen Hong Dien"]
    assert (dien["first"], dien["last"]) == ("2025-W11", "2025-04-23")
    counts = [row["n_articles"] for row in rows.values()]
    assert counts == sorted(counts, reverse=True)


def test_actors_type_filter(cli, seeds):
    rows = _rows(cli, "actors", str(seeds), "--type", "org")
    assert rows and {row["type"] for row in rows} == {"ORG"}
    assert "Ministry of Industry and Trade" in {row["name"] for row in rows}


def test_commodities_table(cli, seeds, article):
    rows = {row["name"]: row for row in _rows(cli, "commodities", str(seeds), str(article))}
    assert rows["LNG"]["n_articles"] == 2
    assert rows["LNG"]["articles"] == [SEED_000, SEED_001]
    assert rows["LNG"]["directives"] == 2  # ordered bought in both reports
    assert (rows["LNG"]["first"], rows["LNG"]["last"]) == ("2025-05", "2025-05")
    assert rows["coffee"]["articles"] == ["son_rice"]
    assert rows["coffee"]["first"] == "2025-06-09"
    energy = _rows(cli, "commodities", str(seeds), "--category", "Energy")
    assert [row["name"] for row in energy] == ["LNG"]


def test_directives_table_merges_one_order_told_twice(cli, seeds):
    rows = _rows(cli, "directives", str(seeds), "--as-of", "2025-05-02")
    moit = next(row for row in rows if row["deadline"] == "2025-04-30")
    assert moit["issuer"] == "Pham Minh Chinh"
    assert moit["addressee"] == "Ministry of Industry and Trade"
    assert moit["articles"] == [SEED_000, SEED_001] and moit["n_articles"] == 2
    assert len(moit["evidence"]) == 2
    assert moit["status"] == "overdue"
    may = next(row for row in rows if row["deadline"] == "2025-05")
    assert may["status"] == "open"
    # Dated orders first, soonest first; then the rest.
    assert [row["deadline"] for row in rows[:2]] == ["2025-04-30", "2025-05"]
    assert all(row["status"] is None for row in rows[2:])


def test_overdue_as_of(cli, seeds, article):
    paths = (str(seeds), str(article))
    early = _rows(cli, "directives", *paths, "--overdue", "--as-of", "2025-05-01")
    assert early == []  # April 30 runs until the end of the day
    may = _rows(cli, "directives", *paths, "--overdue", "--as-of", "2025-05-02")
    assert [row["deadline"] for row in may] == ["2025-04-30"]
    later = _rows(cli, "directives", *paths, "--overdue", "--as-of", "2025-06-25")
    assert [row["deadline"] for row in later] == ["2025-04-30", "2025-05", "2025-06-20"]
    assert {row["status"] for row in later} == {"overdue"}
    # Without --as-of, today: all of 2025's deadlines are behind us or still open.
    today = _rows(cli, "directives", *paths, "--overdue")
    assert {row["status"] for row in today} <= {"overdue"}


def test_directives_issuer_filter_takes_aliases(cli, seeds, article):
    rows = _rows(cli, "directives", str(seeds), str(article), "--issuer", "Bui Thanh Son")
    assert rows and {row["issuer"] for row in rows} == {"Bui Thanh Son"}
    assert "2025-06-20" in {row["deadline"] for row in rows}
    chinh = _rows(cli, "directives", str(seeds), "--issuer", "chính")
    assert chinh and {row["issuer"] for row in chinh} == {"Pham Minh Chinh"}


def test_bad_as_of_is_a_usage_error(cli, seeds):
    result = cli("directives", str(seeds), "--as-of", "soon")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr


@pytest.mark.parametrize("command", ["actors", "commodities", "directives"])
def test_every_format(cli, seeds, command):
    lines = _rows(cli, command, str(seeds))
    assert lines
    result = cli(command, str(seeds), "--format", "json")
    assert json.loads(result.stdout) == lines
    result = cli(command, str(seeds), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(lines)
    assert list(rows[0]) == list(lines[0])
    table = cli(command, str(seeds), "--format", "table")
    assert table.exit_code == 0
    assert command.capitalize() in table.stdout


@pytest.mark.parametrize("command", ["actors", "commodities", "directives"])
def test_failed_input_gives_exit_code_1(cli, seeds, tmp_path, command):
    result = cli(command, str(seeds / "000_a6d94dcbb98d2318.txt"), str(tmp_path / "gone.txt"))
    assert result.exit_code == 1
    assert "gone.txt" in result.stderr
    assert jsonl(result)
