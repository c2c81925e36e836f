"""`vntrade articles`: the seeds' clean records, output formats, stdin, directories, ids."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from conftest import jsonl

FIELDS = {"id", "source", "title", "published", "agency", "dateline", "text", "words", "sha256"}
JUNK = ("mask", "back to top", "Photo: VNA", "./.", "— VNS", "(VNA/VLLF)", "__")


@pytest.fixture
def seed_records(cli, seeds: Path) -> list[dict]:
    result = cli("articles", str(seeds), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def test_seed_header_fields_match_the_acceptance_list(seed_records: list[dict]) -> None:
    by_id = {record["id"]: record for record in seed_records}
    assert sorted(by_id) == [
        "000_a6d94dcbb98d2318",
        "001_3a2340998392e8b3",
        "002_fc9815a1ee066b28",
        "003_df8df0b08cc2d189",
        "004_64a97ab08e7e91aa",
    ]
    rows = [by_id[key] for key in sorted(by_id)]
    assert [r["published"] for r in rows] == [None, None, None, "2025-04-25", "2025-03-20"]
    assert [r["title"] for r in rows] == [
        None,
        "Vietnam aims for balanced and sustainable trade with United States",
        "Measures sought to promote fair, sustainable trade relations with US",
        None,
        None,
    ]
    assert [r["agency"] for r in rows] == ["VNA", "VOV", "VNA", "VNA", "VNS"]
    assert [r["dateline"] for r in rows] == ["Hanoi", None, None, None, "Hà Nội"]


def test_seed_texts_are_clean(seed_records: list[dict]) -> None:
    for record in seed_records:
        assert set(record) >= FIELDS
        text = record["text"]
        for junk in JUNK:
            assert junk not in text, (record["id"], junk)
        assert not text.startswith(("Hanoi (VNA)", "VOV.VN", "HÀ NỘI", " date", "date "))
        assert record["title"] is None or record["title"] not in text
        assert "  " not in text and "\n\n\n" not in text
        assert record["words"] == len(text.split())
        assert record["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert record["source"].endswith(record["id"] + ".txt")


def test_seed_bodies_start_and_end_where_the_article_does(seed_records: list[dict]) -> None:
    by_id = {record["id"][:3]: record["text"] for record in seed_records}
    assert by_id["000"].startswith("Prime Minister Pham Minh Chinh has called on")
    assert by_id["000"].endswith("the best one by April 30.")
    assert by_id["001"].startswith("Prime Minister Pham Minh Chinh has asked")
    assert by_id["002"].endswith("global supply chains, he stated.")
    assert by_id["002"].count("on April 22 chaired a meeting") == 1  # the lead is not repeated
    assert "An overview of the meeting" not in by_id["002"]
    assert by_id["003"].startswith("Vietnamese ministries and sectors stand ready")
    assert "(fourth from left)" not in by_id["003"]  # the caption went, stray mark and all
    assert by_id["003"].endswith("including Vietnam.")
    assert by_id["004"].startswith("Việt Nam has been actively working")
    assert by_id["004"].endswith("economic and national security.")


def test_jsonl_and_csv_carry_the_same_records(cli, seeds: Path) -> None:
    as_jsonl = jsonl(cli("articles", str(seeds), "--format", "jsonl"))
    result = cli("articles", str(seeds), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == [record["id"] for record in as_jsonl]
    assert [row["text"] for row in rows] == [record["text"] for record in as_jsonl]
    assert rows[0]["title"] == "" and rows[1]["title"] == as_jsonl[1]["title"]


def test_table_shows_the_summary_columns(cli, seeds: Path) -> None:
    result = cli("articles", str(seeds), "--format", "table", env={"COLUMNS": "250"})
    assert result.exit_code == 0
    header = result.stdout.splitlines()[1:4]
    for column in ("id", "title", "published", "agency", "dateline", "words", "source"):
        assert column in "".join(header)
    assert "Prime Minister" not in result.stdout  # no body text in the table
    assert "003_df8df0b08cc2d189" in result.stdout and "2025-04-25" in result.stdout


def test_several_paths_keep_their_order(cli, seeds: Path) -> None:
    second, first = sorted(seeds.glob("*.txt"))[1:3][::-1], seeds / "000_a6d94dcbb98d2318.txt"
    result = cli("articles", str(first), *map(str, second), "--format", "jsonl")
    assert [r["id"][:3] for r in jsonl(result)] == ["000", "002", "001"]


def test_directory_is_searched_recursively_for_every_format(cli, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("Hanoi (VNA) - The first story is here.\n")
    (tmp_path / "a" / "b" / "two.jsonl").write_text('{"id": "two", "text": "Second story."}\n')
    (tmp_path / "three.json").write_text('[{"id": "three", "text": "Third story."}]')
    (tmp_path / "four.csv").write_text("id,text\nfour,Fourth story.\n")
    (tmp_path / "notes.md").write_text("Not an input.")
    (tmp_path / ".hidden.txt").write_text("Not an input either.")
    result = cli("articles", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    # A folder's own files first, then its subfolders, each in name order.
    assert [r["id"] for r in jsonl(result)] == ["four", "three", "one", "two"]


def test_stdin_plain_text_is_one_article_named_by_its_hash(cli) -> None:
    story = "Exporters seek new markets\nVOV.VN - Seafood exporters are looking at new markets.\n"
    result = cli("articles", "-", "--format", "jsonl", input=story.encode())
    [record] = jsonl(result)
    assert record["source"] == "-"
    assert record["title"] == "Exporters seek new markets"
    assert record["agency"] == "VOV"
    assert record["text"] == "Seafood exporters are looking at new markets."
    assert record["id"] == record["sha256"][:16]


def test_stdin_jsonl_is_detected_by_its_first_character(cli) -> None:
    lines = '\n  {"id": "x1", "text": "One."}\n{"text": "Two."}\n'
    result = cli("articles", "-", "--format", "jsonl", input=lines.encode())
    records = jsonl(result)
    assert [r["id"] for r in records] == ["x1", hashlib.sha256(b"Two.").hexdigest()[:16]]
    assert {r["source"] for r in records} == {"-"}


def test_stdin_json_array(cli) -> None:
    result = cli("articles", "-", "--format", "jsonl", input=b'[{"text": "Only one."}]')
    assert [r["text"] for r in jsonl(result)] == ["Only one."]


def test_same_article_gets_the_same_id_wherever_it_appears(cli, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "The same words."}\n')
    (tmp_path / "b.csv").write_text('text\n"The same words./."\n')
    records = jsonl(cli("articles", str(tmp_path), "--format", "jsonl"))
    assert len({r["id"] for r in records}) == 1
    assert records[0]["id"] == hashlib.sha256(b"The same words.").hexdigest()[:16]


def test_articles_help_explains_inputs(cli) -> None:
    result = cli("articles", "--help")
    assert result.exit_code == 0
    for words in ("PATH...", "--max-bytes", "--format", "stdin"):
        assert words in result.stdout


def test_no_path_is_a_usage_error(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no vntrade.db here
    result = cli("articles")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "vntrade: error: Give at least one PATH (a file, a directory, or - for stdin), or --db "
        "FILE to read a store made by `vntrade ingest` (there is no vntrade.db here, the store "
        "it writes by default).\n"
    )
