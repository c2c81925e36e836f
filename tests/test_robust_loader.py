"""The loader cases of issue 20: one bad record costs only itself, and every record not read
is named (path, line, reason on stderr; exit code 1), in every input format.

Each numbered case goes through the real CLI (`vntrade articles`) and checks the exact
message and exit code: a `.jsonl` dump opening with an array line (2), a record nested too
deeply in a JSON array (3), one cp1252 record in a JSON array (4), an unclosed CSV quote (5),
a stray NUL byte against a real binary file (6), and special files in a directory (12).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import sys
import threading
from pathlib import Path

import pytest

from conftest import jsonl

GOOD = [
    {"id": "g1", "text": "HÀ NỘI (VNA) - Vietnam will import more US cotton and soybeans."},
    {"id": "g2", "text": "HANOI, March 3 (Reuters) - Steel exporters asked for help."},
    {"id": "g3", "text": "Ha Noi — Shrimp exporters expect higher orders this year."},
]


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def line_of(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def articles(cli, *paths: Path | str, input: bytes | None = None):
    """Exit code, records and stderr of `vntrade articles PATHS --format jsonl`."""
    result = cli("articles", *map(str, paths), "--format", "jsonl", input=input)
    return result.exit_code, jsonl(result), result.stderr


def clean_run(cli, tmp_path: Path, records: list[dict]) -> dict[str, dict]:
    """The records of a run on `records` alone (a clean JSONL dump), by id, source left out."""
    path = write(tmp_path / "clean.jsonl", "".join(line_of(r) + "\n" for r in records))
    code, out, errors = articles(cli, path)
    assert (code, errors) == (0, "")
    return {record["id"]: without_source(record) for record in out}


def without_source(record: dict) -> dict:
    return {key: value for key, value in record.items() if key != "source"}


# --- 2: a JSONL dump whose first line is an array ------------------------------------------


def test_2_a_jsonl_dump_opening_with_an_array_line_loses_only_that_line(cli, tmp_path):
    path = write(tmp_path / "d.jsonl", "[1, 2]\n" + line_of(GOOD[0]) + "\n" + line_of(GOOD[1]))
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:1: expected a JSON object with a text field, got an array\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2"])
    assert {r["id"]: without_source(r) for r in records} == clean_run(cli, tmp_path, GOOD[:2])


def test_2_the_same_on_stdin(cli):
    data = ("[1, 2]\n" + line_of(GOOD[0]) + "\n").encode()
    code, records, errors = articles(cli, "-", input=data)
    assert errors == "vntrade: -:1: expected a JSON object with a text field, got an array\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1"])


@pytest.mark.parametrize(
    "layout",
    [
        "pretty",  # json.dump(indent=2) under a .jsonl name
        "one line",  # json.dump() under a .jsonl name
        "object",  # {"articles": [...]} over several lines
        "comma first",  # [ {...}\n, {...}\n]
    ],
)
def test_2_a_json_document_in_a_jsonl_file_is_still_read_as_json(cli, tmp_path, layout):
    texts = {
        "pretty": json.dumps(GOOD, indent=2, ensure_ascii=False),
        "one line": json.dumps(GOOD, ensure_ascii=False),
        "object": json.dumps({"articles": GOOD}, indent=1, ensure_ascii=False),
        "comma first": "[ " + "\n, ".join(map(line_of, GOOD)) + "\n]",
    }
    path = write(tmp_path / "d.jsonl", texts[layout])
    code, records, errors = articles(cli, path)
    assert (code, errors) == (0, "")
    assert [r["id"] for r in records] == ["g1", "g2", "g3"]


def test_2_a_broken_first_line_is_a_jsonl_line_of_its_own(cli, tmp_path):
    # "[1, 2" could open a pretty-printed array, but the next line does not go on with it.
    path = write(tmp_path / "d.jsonl", "[1, 2\n" + line_of(GOOD[0]) + "\n" + line_of(GOOD[1]))
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:1: malformed JSON: expecting ',' delimiter at column 6\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2"])


# --- 3: a record nested too deeply -------------------------------------------------------------

TOO_DEEP = "nested too deeply (JSON arrays and objects over about 1,000 levels deep)"


@pytest.mark.parametrize("shape", ["array", "object"])
def test_3_a_record_nested_too_deeply_costs_only_itself(cli, tmp_path, shape):
    depth = 5000
    if shape == "array":
        deep = '{"id": "deep", "text": "x", "a": ' + "[" * depth + "]" * depth + "}"
    else:
        deep = '{"id": "deep", "a": ' + '{"a": ' * depth + "1" + "}" * depth + "}"
    items = [line_of(GOOD[0]), deep, line_of(GOOD[1]), line_of(GOOD[2])]
    path = write(tmp_path / "d.json", "[\n" + ",\n".join(items) + "\n]\n")
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:3: {TOO_DEEP}\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2", "g3"])
    assert {r["id"]: without_source(r) for r in records} == clean_run(cli, tmp_path, GOOD)


def test_3_deep_nesting_in_jsonl_and_an_unclosed_deep_array_at_the_end(cli, tmp_path):
    lines = [line_of(GOOD[0]), "[" * 5000 + "]" * 5000, line_of(GOOD[1])]
    dump = write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    cut = write(tmp_path / "cut.json", "[\n" + line_of(GOOD[2]) + ",\n" + "[" * 100_000)
    code, records, errors = articles(cli, dump, cut)
    assert errors.splitlines() == [
        f"vntrade: {dump}:2: {TOO_DEEP}",
        f"vntrade: {cut}:3: {TOO_DEEP}",
        f"vntrade: {cut}:3: malformed JSON: the JSON array is not closed with ']'",
    ]
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2", "g3"])


def test_3_very_deep_items_are_passed_over_in_one_pass_and_an_unclosed_one_ends_at_its_line(
    cli, tmp_path
):
    """300,000 levels closed, and 300,000 left open on their own line: each costs only itself
    (passing over them is linear in their size: it took minutes when closing a bracket
    searched the whole stack)."""
    depth = 300_000
    items = [line_of(GOOD[0]), "[" * depth + "]" * depth, line_of(GOOD[1]), "[" * depth,
             line_of(GOOD[2])]  # fmt: skip
    path = write(tmp_path / "d.json", "[\n" + ",\n".join(items) + "\n]\n")
    code, records, errors = articles(cli, path)
    assert errors.splitlines() == [
        f"vntrade: {path}:3: {TOO_DEEP}",
        f"vntrade: {path}:5: {TOO_DEEP}",
    ]
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2", "g3"])


@pytest.mark.parametrize(
    ("bad", "line", "reason"),
    [
        ('{"id": "bad" "text": "x"}', 3, "malformed JSON: expecting ',' delimiter"),
        ('{"id": "bad", "text": "no closing quote},', 3, "malformed JSON: invalid control "
         "character"),
        ('{"id": "bad", "text": "no closing brace"\n ,', 5, "malformed JSON: expecting property "
         "name enclosed in double quotes"),
        ('{"id": "bad", "a": [1, 2}', 3, "malformed JSON: expecting ',' delimiter"),
        ("tru", 3, "malformed JSON: expecting value"),
    ],
    ids=["missing comma", "unclosed string", "unclosed object", "wrong bracket", "bad literal"],
)  # fmt: skip
def test_3_a_malformed_item_of_a_json_array_costs_only_itself(cli, tmp_path, bad, line, reason):
    text = "[\n " + line_of(GOOD[0]) + ",\n " + bad + ("" if bad.endswith(",") else ",")
    path = write(tmp_path / "d.json", text + "\n " + line_of(GOOD[1]) + "\n]\n")
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:{line}: {reason}\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1", "g2"])


def test_3_an_item_over_the_size_limit_costs_only_itself(cli, tmp_path):
    big = {"id": "big", "text": "Hanoi (VNA) - " + "Steel. " * 400}
    items = [line_of(GOOD[0]), line_of(big), line_of(GOOD[1])]
    path = write(tmp_path / "d.json", "[\n" + ",\n".join(items) + "\n]")
    result = cli("articles", str(path), "--format", "jsonl", "--max-bytes", "1000")
    assert result.stderr == (
        f"vntrade: {path}:3: record is over the 1,000-byte limit for one article "
        "(raise it with --max-bytes)\n"
    )
    assert (result.exit_code, [r["id"] for r in jsonl(result)]) == (1, ["g1", "g2"])


# --- 4: one record that is not UTF-8 in a JSON dump --------------------------------------------


def test_4_a_cp1252_record_leaves_the_utf8_records_of_a_json_array_intact(cli, tmp_path):
    # Over 64 KB, so that the cp1252 record shares its read chunk with UTF-8 ones.
    good = [
        {"id": f"u{i}", "text": f"HÀ NỘI (VNA) — Giá thép tăng lần thứ {i}. " + "Việt Nam. " * 30}
        for i in range(300)
    ]
    latin = b'{"id": "latin", "text": "Le caf\xe9 co\xfbte plus cher \xe0 Hano\xef."}'
    items = [line_of(record).encode() for record in good]
    items.insert(150, latin)
    path = write(tmp_path / "d.json", b"[\n" + b",\n".join(items) + b"\n]\n")
    assert path.stat().st_size > 2 * 65536
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:152: not valid UTF-8; decoded as cp1252\n"
    assert code == 0
    by_id = {r["id"]: without_source(r) for r in records}
    assert by_id.pop("latin")["text"] == "Le café coûte plus cher à Hanoï."
    assert by_id == clean_run(cli, tmp_path, good)
    assert by_id["u0"]["dateline"] == "Hà Nội" and by_id["u0"]["agency"] == "VNA"


# --- 5: an unclosed quote in CSV ---------------------------------------------------------------

UNCLOSED = "malformed CSV: a quote opened on this line is not closed"


@pytest.mark.parametrize(
    ("bad", "tail"),
    [
        ('r2,"Broken text with no closing quote', ""),  # closed by r4's opening quote
        ('"', ""),  # a row that is only a quote
        ('r2,"Broken text', "r5,Plain.\n"),  # never closed: the end of the file
    ],
    ids=["closed by a later quote", "a lone quote", "never closed"],
)
def test_5_an_unclosed_csv_quote_costs_only_its_row(cli, tmp_path, bad, tail):
    rows = f'id,text\nr1,First row.\n{bad}\nr3,Third row.\nr4,"Fourth, quoted."\n{tail}'
    path = write(tmp_path / "d.csv", rows)
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:3: {UNCLOSED}\n"
    expected = ["r1", "r3", "r4"] + (["r5"] if tail else [])
    assert (code, [r["id"] for r in records]) == (1, expected)
    assert records[1]["text"] == "Third row."


def test_5_an_unclosed_quote_on_the_last_line(cli, tmp_path):
    path = write(tmp_path / "d.csv", 'id,text\nr1,First row.\nr2,"Never closed\n')
    code, records, errors = articles(cli, path)
    assert errors == f"vntrade: {path}:3: {UNCLOSED}\n"
    assert (code, [r["id"] for r in records]) == (1, ["r1"])


def test_5_quoted_cells_over_several_lines_and_slips_within_a_line_still_load(cli, tmp_path):
    path = write(
        tmp_path / "d.csv",
        'id,title,text\r\nm1,Wood,"HÀ NỘI — Wood exports rose.\r\n\r\nBuyers said ""no"", '
        'then ""yes"". — VNS"\r\nm2, "Rice" sales,Rice sold well.\r\nm3,,"Seafood, next."\r\n',
    )
    code, records, errors = articles(cli, path)
    assert (code, errors) == (0, "")
    assert [r["id"] for r in records] == ["m1", "m2", "m3"]
    assert records[0]["text"] == 'Wood exports rose.\n\nBuyers said "no", then "yes".'
    assert records[1]["title"] == "Rice sales"


# --- 6: NUL bytes: a record, or a binary file --------------------------------------------------

NUL = "contains a NUL byte (binary data, not text)"


def test_6_a_nul_byte_costs_only_its_record_in_every_dump(cli, tmp_path):
    lines = [line_of({"id": f"n{i}", "text": f"Hanoi (VNA) - Record {i}."}) for i in range(10)]
    lines.insert(2, '{"id": "z", "text": "a\0b"}')
    dump = write(tmp_path / "d.jsonl", "\n".join(lines) + "\n")
    array = write(tmp_path / "a.json", '[{"id": "j1", "text": "One."},\n{"text": "\0"},\n'
                  '{"id": "j2", "text": "Two."}]')  # fmt: skip
    table = write(tmp_path / "t.csv", "id,text\nc1,One.\nc2,Tw\0o.\nc3,Three.\n")
    folder = tmp_path / "texts"
    folder.mkdir()
    write(folder / "a.txt", "Hanoi (VNA) - First article.\n")
    write(folder / "b.txt", "Hanoi (VNA) - Second\0 article.\n")
    write(folder / "c.txt", "Hanoi (VNA) - Third article.\n")
    code, records, errors = articles(cli, dump, array, table, folder)
    assert errors.splitlines() == [
        f"vntrade: {dump}:3: {NUL}",
        f"vntrade: {array}:2: {NUL}",
        f"vntrade: {table}:3: {NUL}",
        f"vntrade: {folder / 'b.txt'}: {NUL}",
    ]
    ids = [*(f"n{i}" for i in range(10)), "j1", "j2", "c1", "c3", "a", "c"]
    assert (code, [r["id"] for r in records]) == (1, ids)


def elf() -> bytes:
    with open(sys.executable, "rb") as file:
        return file.read(4096)


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(200), "a PNG image"),
        ("dump.jsonl", gzip.compress(b'{"text": "x"}\n' * 50), "gzip-compressed: decompress "
         "it first"),
        ("program.csv", None, "an executable"),
        ("utf16.txt", "Hanoi (VNA) - Tin.".encode("utf-16"), "UTF-16 text: convert it to UTF-8 "
         "first"),
        ("noise.json", bytes(range(256)) * 8, "contains NUL bytes"),
    ],
    ids=["png", "gzip", "elf", "utf-16", "noise"],
)  # fmt: skip
def test_6_a_binary_file_is_rejected_whole(cli, tmp_path, name, data, what):
    if data is None:
        if not elf().startswith(b"\x7fELF"):
            pytest.skip("the Python executable is not an ELF file here")
        data = elf()
    path = write(tmp_path / name, data)
    good = write(tmp_path / "good.jsonl", line_of(GOOD[0]) + "\n")
    code, records, errors = articles(cli, path, good)
    assert errors == f"vntrade: {path}: binary file ({what}), not text\n"
    assert (code, [r["id"] for r in records]) == (1, ["g1"])


# --- 12: special files ------------------------------------------------------------------------


def unblock_after(path: Path, seconds: float) -> threading.Timer:
    """Should the loader open the named pipe at `path` after all, open its other end after
    `seconds`, so that the test fails instead of hanging."""

    def open_writer() -> None:
        with contextlib.suppress(OSError):  # no reader: nothing waits on it
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(seconds, open_writer)
    timer.start()
    return timer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_12_a_named_pipe_in_a_directory_is_named_and_never_opened(cli, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder / "a.txt", "Hanoi (VNA) - Officials met on Monday to discuss tariffs.\n")
    os.mkfifo(folder / "x.txt")
    timer = unblock_after(folder / "x.txt", 20)
    try:
        code, records, errors = articles(cli, folder)
    finally:
        timer.cancel()
    assert errors == f"vntrade: {folder / 'x.txt'}: not a regular file (a named pipe); not read\n"
    assert (code, [r["id"] for r in records]) == (1, ["a"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_12_a_named_pipe_given_as_a_path_is_read(cli, tmp_path):
    # What `vntrade articles <(zcat dump.jsonl.gz)` does: the user asked for it to be read.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write(line_of(GOOD[0]) + "\n" + line_of(GOOD[1]) + "\n")

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    code, records, errors = articles(cli, fifo)
    writer.join(timeout=20)
    assert (code, errors, [r["id"] for r in records]) == (0, "", ["g1", "g2"])
