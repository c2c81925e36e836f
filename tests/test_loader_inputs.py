"""`vntrade articles` on dumps (JSONL, JSON, CSV) and on bad inputs: messages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import jsonl


def run(cli, *paths: Path | str, extra: tuple[str, ...] = ()) -> tuple[int, list[dict], list[str]]:
    """Exit code, records and stderr lines of `vntrade articles PATHS --format jsonl`."""
    result = cli("articles", *map(str, paths), "--format", "jsonl", *extra)
    return result.exit_code, jsonl(result), result.stderr.splitlines()


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good.txt", "Hanoi (VNA) - Vietnam will import more US cotton.\n")


# --- dumps ---------------------------------------------------------------------------------


def test_jsonl_fields_and_their_aliases(cli, tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "title": "Cotton deal", "text": "VOV.VN - Mills will buy cotton.",
         "published": "April 25, 2025"},
        {"id": 7, "body": "Body two./.", "date": "25/04/2025", "source": "Viet Nam News"},
        {"content": ["Paragraph one.", "Paragraph two. — VNS"], "date": "2025-04-25T10:00:00Z",
         "url": "https://en.vietnamplus.vn/some-story"},
        {"text": "Corn talks.", "agency": "Xinhua", "published": "2025-05-02"},
    ]  # fmt: skip
    path = write(tmp_path / "dump.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    code, records, errors = run(cli, path)
    assert (code, errors) == (0, [])
    assert [r["id"] for r in records[:2]] == ["a1", "7"]
    assert records[0] | {"sha256": None} == {
        "id": "a1", "source": str(path), "title": "Cotton deal", "published": "2025-04-25",
        "agency": "VOV", "dateline": None, "text": "Mills will buy cotton.", "words": 4,
        "sha256": None, "url": None, "dateline_date": None,
    }  # fmt: skip
    assert (records[1]["text"], records[1]["published"], records[1]["agency"]) == (
        "Body two.",
        "2025-04-25",
        "VNS",
    )
    assert records[2]["text"] == "Paragraph one.\n\nParagraph two."
    assert records[2]["published"] == "2025-04-25"
    assert records[2]["url"] == "https://en.vietnamplus.vn/some-story"
    assert records[2]["agency"] == "VNS"  # the text's own credit comes before the site
    assert records[2]["id"] == records[2]["sha256"][:16]
    assert records[3]["agency"] == "Xinhua"


def test_title_field_repeated_in_the_text_is_not_body(cli, tmp_path: Path) -> None:
    record = {"title": "Cotton deal signed", "text": "Cotton deal signed\nMills will buy cotton."}
    path = write(tmp_path / "d.jsonl", json.dumps(record))
    [article] = run(cli, path)[1]
    assert (article["title"], article["text"]) == ("Cotton deal signed", "Mills will buy cotton.")


def test_json_array_object_and_container(cli, tmp_path: Path) -> None:
    write(
        tmp_path / "a.json", '[\n {"id": "j1", "text": "One."},\n {"id": "j2", "text": "Two."}\n]'
    )
    write(tmp_path / "b.json", '{"id": "j3", "text": "Three.",\n "title": "A single object"}')
    write(tmp_path / "c.json", json.dumps({"articles": [{"id": "j4", "text": "Four."}]}))
    code, records, errors = run(cli, tmp_path)
    assert (code, errors) == (0, [])
    assert [r["id"] for r in records] == ["j1", "j2", "j3", "j4"]


def test_large_json_array_streams_every_item(cli, tmp_path: Path) -> None:
    # Over a megabyte of multi-byte text: items and characters straddle the read chunks.
    items = [{"id": f"n{i}", "text": f"Bài số {i} về thép Việt Nam. " * 40} for i in range(400)]
    path = write(tmp_path / "many.json", json.dumps(items, indent=1, ensure_ascii=False))
    code, records, errors = run(cli, path)
    assert (code, errors) == (0, [])
    assert [r["id"] for r in records] == [f"n{i}" for i in range(400)]
    assert records[399]["text"] == items[399]["text"].strip()


def test_csv_rows_with_quoted_multiline_text(cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.csv",
        'ID,Title,Text,Published\r\nc1,Wood exports,"HÀ NỘI — Wood exports rose.\r\n\r\n'
        'Buyers were cautious. — VNS",2025-03-20\r\nc2,,"Seafood next.",\r\n',
    )
    code, records, errors = run(cli, path)
    assert (code, errors) == (0, [])
    assert records[0]["text"] == "Wood exports rose.\n\nBuyers were cautious."
    assert (records[0]["dateline"], records[0]["agency"]) == ("Hà Nội", "VNS")
    assert (records[0]["title"], records[0]["published"]) == ("Wood exports", "2025-03-20")
    assert (records[1]["id"], records[1]["title"]) == ("c2", None)


def test_csv_with_semicolons(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", "id;text\ns1;Rice, corn and wheat were discussed.\n")
    [record] = run(cli, path)[1]
    assert record["text"] == "Rice, corn and wheat were discussed."


# --- bad inputs: each reported with its path (and line), the rest still processed -----------


def test_missing_path(cli, tmp_path: Path, good: Path) -> None:
    code, records, errors = run(cli, tmp_path / "nope.txt", good)
    assert errors == [f"vntrade: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert (code, len(records)) == (1, 1)


def test_dangling_symlink(cli, tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    code, _, errors = run(cli, tmp_path / "link.txt")
    assert (code, errors) == (1, [f"vntrade: {tmp_path / 'link.txt'}: no such file or directory"])


@pytest.mark.parametrize("content", [b"", b"  \r\n\n\t", b"\xef\xbb\xbf\n"])
def test_empty_file(cli, tmp_path: Path, good: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    code, records, errors = run(cli, path, good)
    assert errors == [f"vntrade: {path}: empty file"]
    assert (code, len(records)) == (1, 1)


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\x00\x01\x02\x03" * 20 + b"some text", "contains NUL bytes"),
    ],
)
def test_binary_file(cli, tmp_path: Path, good: Path, content: bytes, what: str) -> None:
    path = write(tmp_path / "image.txt", content)
    code, records, errors = run(cli, path, good)
    assert errors == [f"vntrade: {path}: binary file ({what}), not text"]
    assert (code, len(records)) == (1, 1)


def test_cp1252_file_is_decoded_with_a_warning(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", b"The caf\xe9 owner said \x93yes\x94 to the deal.\r\n")
    code, [record], errors = run(cli, path)
    assert errors == [f"vntrade: {path}: not valid UTF-8; decoded as cp1252"]
    assert code == 0
    assert record["text"] == "The café owner said “yes” to the deal."


def test_cp1252_line_in_jsonl_is_warned_once_with_its_line(cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.jsonl", b'{"text": "Fine."}\n{"text": "Caf\xe9."}\n{"text": "\xe9."}\n'
    )
    code, records, errors = run(cli, path)
    assert errors == [f"vntrade: {path}:2: not valid UTF-8; decoded as cp1252"]
    assert code == 0
    assert [r["text"] for r in records] == ["Fine.", "Café.", "é."]


def test_file_over_the_size_limit(cli, tmp_path: Path, good: Path) -> None:
    path = write(tmp_path / "big.txt", "Steel. " * 300)
    code, records, errors = run(cli, path, good, extra=("--max-bytes", "1000"))
    assert errors == [
        f"vntrade: {path}: file is 2,100 bytes, over the 1,000-byte limit "
        "(raise it with --max-bytes)"
    ]
    assert (code, len(records)) == (1, 1)
    assert run(cli, path, extra=("--max-bytes", "5000"))[0] == 0


def test_malformed_jsonl_lines_do_not_stop_the_others(cli, tmp_path: Path) -> None:
    path = write(
        tmp_path / "d.jsonl",
        '{"id": "ok1", "text": "One."}\n{"id": "bad" "text": "x"}\n\n[1, 2]\n'
        '{"id": "no-text", "title": "Only a title"}\n{"id": "ok2", "text": "Two."}\n',
    )
    code, records, errors = run(cli, path)
    assert errors == [
        f"vntrade: {path}:2: malformed JSON: expecting ',' delimiter at column 14",
        f"vntrade: {path}:4: expected a JSON object with a text field, got an array",
        f"vntrade: {path}:5: record has no text (expected a non-empty text, body or content field)",
    ]
    assert (code, [r["id"] for r in records]) == (1, ["ok1", "ok2"])


def test_malformed_json_array_reports_the_line(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '[\n {"id": "ok", "text": "One."},\n {"id": "bad" "x"}\n]')
    code, records, errors = run(cli, path)
    assert errors == [f"vntrade: {path}:3: malformed JSON: expecting ',' delimiter"]
    assert (code, [r["id"] for r in records]) == (1, ["ok"])


def test_unclosed_json_array(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '[\n {"id": "ok", "text": "One."}\n')
    code, records, errors = run(cli, path)
    assert errors == [f"vntrade: {path}:3: malformed JSON: the JSON array is not closed with ']'"]
    assert (code, len(records)) == (1, 1)


def test_json_item_that_is_not_an_object(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '[{"text": "One."},\n"just a string"]')
    code, _, errors = run(cli, path)
    assert errors == [f"vntrade: {path}:2: expected a JSON object with a text field, got a string"]
    assert code == 1


def test_csv_problems(cli, tmp_path: Path) -> None:
    no_column = write(tmp_path / "a.csv", "id,headline\n1,Rice\n")
    header_only = write(tmp_path / "b.csv", "id,text\n")
    empty_row = write(tmp_path / "c.csv", 'id,text\nr1,"Rice talks\ncontinue."\nr2,\nr3,Maize.\n')
    code, records, errors = run(cli, no_column, header_only, empty_row)
    assert errors == [
        f"vntrade: {no_column}:1: no text column in the CSV header "
        "(expected text, body or content)",
        f"vntrade: {header_only}: no records",
        f"vntrade: {empty_row}:4: record has no text (expected a non-empty text, body or content "
        "field)",
    ]
    assert (code, [r["id"] for r in records]) == (1, ["r1", "r3"])


def test_unreadable_date_is_a_warning(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"text": "One.", "published": "sometime in May"}\n')
    code, [record], errors = run(cli, path)
    assert errors == [
        f"vntrade: {path}:1: cannot read the date 'sometime in May'; published left empty"
    ]
    assert (code, record["published"]) == (0, None)


def test_article_of_nothing_but_page_furniture(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "junk.txt", "mask\n\nback to top\n")
    code, records, errors = run(cli, path)
    assert errors == [f"vntrade: {path}: no article text left after removing page furniture"]
    assert (code, records) == (1, [])


def test_directory_without_inputs(cli, tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    write(folder / "readme.md", "Nothing to load.")
    code, records, errors = run(cli, folder, good)
    assert errors == [f"vntrade: {folder}: no .txt, .jsonl, .json or .csv files"]
    assert (code, len(records)) == (1, 1)


def test_unreadable_file(cli, tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "Secret.")
    path.chmod(0)
    if os.geteuid() != 0:
        code, _, errors = run(cli, path)
    else:  # root reads every file: without the capabilities that let it, it cannot
        drop = "-dac_override,-dac_read_search"
        setpriv = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}"]
        done = subprocess.run(
            [*setpriv, sys.executable, "-m", "vntrade", "articles", str(path), "--format", "jsonl"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        code, errors = done.returncode, done.stderr.splitlines()
    assert (code, errors) == (1, [f"vntrade: {path}: cannot read: permission denied"])


def test_stdin_problems(cli) -> None:
    empty = cli("articles", "-", "--format", "jsonl", input=b"")
    assert (empty.exit_code, empty.stderr) == (1, "vntrade: -: empty input\n")
    big = cli("articles", "-", "--format", "jsonl", "--max-bytes", "100", input=b"Steel. " * 50)
    assert big.exit_code == 1
    assert (
        big.stderr == "vntrade: -: input is over the 100-byte limit (raise it with --max-bytes)\n"
    )
    binary = cli("articles", "-", "--format", "jsonl", input=b"ab\x00cd")
    assert binary.stderr == "vntrade: -: binary file (contains NUL bytes), not text\n"


def test_problems_never_reach_stdout_and_never_trace(cli, tmp_path: Path, good: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", "{not json\n")
    result = cli("articles", str(bad), str(good), str(tmp_path / "gone"), "--format", "json")
    assert result.exit_code == 1
    assert [r["source"] for r in json.loads(result.stdout)] == [str(good)]
    assert "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 2
