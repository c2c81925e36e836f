"""Hypothesis strategies for issue 20's property: N good records and one bad record, in every
input format (JSONL, JSON array, CSV, text files, a directory of text files).

Each strategy builds the input twice, with and without the bad record, and says where the bad
record is (its file and the lines a message about it may name), so that the test can check
that every good record comes out as in the clean run and that the bad one is named.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from hypothesis import strategies as st

BOM = b"\xef\xbb\xbf"
MAX_BYTES = 4000  # --max-bytes of every run: over every good record, under a "too large" one

DATELINES = (
    "HANOI (VNA) - ", "Hanoi (VNA) - ", "HÀ NỘI — ", "HCM CITY — ", "VOV.VN - ",
    "HANOI, March 3 (Reuters) - ", "HANOI, Sept. 9 (Xinhua) -- ", "WASHINGTON (AP) — ",
    "HANOI: ", "",
)  # fmt: skip
SENTENCES = (
    "Officials met on Monday to discuss tariffs on shrimp exports.",
    "Vietnam will import more US cotton, soybeans and maize this year.",
    "Steel exporters asked the Ministry of Industry and Trade for help.",
    'The minister said "the talks went well", and rice prices rose.',
    "Giá gạo xuất khẩu của Việt Nam tăng 5% trong tháng Tư.",
    "Exports rose 12.5% to $4.2 billion in the first quarter, the ministry said.",
    "Both sides agreed to meet again by April 30; details were not given.",
    "Phạm Minh Chính asked agencies to finish the report before June.",
)
TITLES = ("Vietnam, US hold fourth round of trade talks", "Rice exports rise", "Giá thép tăng")
FILLER = "Steel output rose again. "  # 25 bytes; a "too large" text repeats it
NO_TEXT = ({}, {"id": "bad"}, {"text": ""}, {"text": "  "}, {"text": None}, {"body": ["", " "]},
           {"text": "mask"})  # fmt: skip
BINARIES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
    b"\x1f\x8b\x08\x00" + bytes(range(256)),
    b"\x7fELF\x02\x01\x01" + bytes(100),
    bytes(range(256)) * 4,
)


@dataclass
class Good:
    """A good article: its id, optional title, and raw text (dateline and paragraphs)."""

    ident: str
    title: str | None
    text: str

    def record(self) -> dict[str, str]:
        return {"id": self.ident, "text": self.text} | ({"title": self.title} if self.title else {})


@dataclass
class Bad:
    """The bad record as bytes, its kind, whether it fails (else: it loads with a warning),
    and how many lines after its own a message about it may name (where JSON sees it)."""

    data: bytes
    kind: str
    fails: bool = True
    later: int = 0


@dataclass
class Dump:
    """Files (relative name -> bytes) with the bad record and without it, the arguments, the
    bad record's file and the lines that may name it (none for a text file)."""

    format: str
    files: dict[str, bytes]
    clean: dict[str, bytes]
    args: list[str]
    bad_file: str
    bad: Bad
    lines: range | None = None
    goods: list[str] = field(default_factory=list)
    fifo: str | None = None  # a named pipe to make in the directory, the bad "record"

    def __repr__(self) -> str:
        shown = {name: data[:400] for name, data in self.files.items()}
        return f"Dump({self.format}, bad {self.bad.kind} in {self.bad_file} {self.lines}, {shown})"


@st.composite
def goods(draw: st.DrawFn) -> list[Good]:
    """One to five good articles with varied datelines, paragraphs and titles."""
    found = []
    for number in range(draw(st.integers(1, 5))):
        sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4))
        breaks = [draw(st.sampled_from([" ", " ", "\n\n"])) for _ in sentences[1:]]
        body = sentences[0] + "".join(b + s for b, s in zip(breaks, sentences[1:], strict=True))
        title = draw(st.one_of(st.none(), st.sampled_from(TITLES)))
        found.append(Good(f"good-{number}", title, draw(st.sampled_from(DATELINES)) + body))
    return found


def _json(value: object, ascii: bool) -> bytes:
    return json.dumps(value, ensure_ascii=ascii).encode("utf-8")


@st.composite
def bad_json(draw: st.DrawFn, *, lines: bool) -> Bad:
    """A bad JSONL line or JSON array item (on one line). `lines`: items begin their lines,
    so that one whose brackets or strings are not closed can be told from the next."""
    kinds = ["malformed", "wrong type", "deep", "no text", "nul", "undecodable", "latin-1",
             "too large"] + (["unclosed"] if lines else [])  # fmt: skip
    kind = draw(st.sampled_from(kinds))
    words = draw(st.sampled_from(SENTENCES))
    text = json.dumps(words)
    if kind == "malformed":
        template = draw(st.sampled_from([
            '{"id": "bad" "text": TEXT}', '{"id": "bad", "text": TEXT,}', "{'id': 'bad'}",
            '{"id": "bad", "text": tru}', '{"id": "bad", "text": "\\x41 TEXT"}',
            '{"id": "bad", "text": TEXT]', '{"text": TEXT, "x": [1, 2}',
        ]))  # fmt: skip
        return Bad(template.replace("TEXT", text).encode(), kind)
    if kind == "unclosed":  # a string or an object left open: JSON sees it on the next line
        data = draw(st.sampled_from(['{"id": "bad", "text": TEXT', '{"id": "bad", "text": "x']))
        return Bad(data.replace("TEXT", text).encode(), kind, later=1)
    if kind == "wrong type":
        value = draw(st.sampled_from([[1, 2], [{"text": words}], 3, words, None, True, 1.5]))
        return Bad(_json(value, True), kind)
    if kind == "deep":
        depth = draw(st.sampled_from([2000, 5000, 50_000]))
        arrays, objects = "[" * depth + "]" * depth, '{"a": ' * depth + "1" + "}" * depth
        inner = draw(st.sampled_from([arrays, objects]))
        return Bad(('{"id": "bad", "text": ' + text + ', "x": ' + inner + "}").encode(), kind)
    if kind == "no text":
        return Bad(_json(draw(st.sampled_from(NO_TEXT)), True), kind)
    if kind == "nul":
        return Bad(_json({"id": "bad", "text": words}, True).replace(b" ", b"\x00", 1), kind)
    if kind == "undecodable":  # bytes that are no UTF-8 and no JSON either
        junk = draw(st.sampled_from([b"\xff\xfe", b"\x81\x8d", b"\xe9t\xe9", b"\xc3"]))
        return Bad(junk + _json({"id": "bad", "text": words}, True), kind)
    if kind == "latin-1":  # loads, decoded as cp1252, with a warning
        value = {"id": "bad", "text": "Hanoi (VNA) - Le café coûte plus cher à Hanoï."}
        return Bad(json.dumps(value, ensure_ascii=False).encode("latin-1"), kind, fails=False)
    value = {"id": "bad", "text": "Hanoi (VNA) - " + FILLER * (MAX_BYTES // len(FILLER) + 4)}
    return Bad(_json(value, True), "too large")


def _insert(items: list[bytes], bad: bytes, at: int) -> list[bytes]:
    return [*items[:at], bad, *items[at:]]


@st.composite
def jsonl_dumps(draw: st.DrawFn) -> Dump:
    found = draw(goods())
    ascii = draw(st.booleans())
    lines = [_json(good.record(), ascii) for good in found]
    bad = draw(bad_json(lines=True))
    at = draw(st.integers(0, len(lines)))
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    start = draw(st.sampled_from([b"", BOM]))
    data = start + end.join(_insert(lines, bad.data, at)) + end
    clean = start + end.join(lines) + end
    line = at + 1
    return Dump("jsonl", {"d.jsonl": data}, {"d.jsonl": clean}, ["d.jsonl"], "d.jsonl", bad,
                range(line, line + 1 + bad.later), [g.ident for g in found])  # fmt: skip


@st.composite
def json_dumps(draw: st.DrawFn) -> Dump:
    """A JSON array, pretty-printed, one item per line, or all on one line."""
    found = draw(goods())
    layout = draw(st.sampled_from(["pretty", "lines", "one line"]))
    ascii = draw(st.booleans())
    if layout == "pretty":
        items = [json.dumps(good.record(), indent=2, ensure_ascii=ascii) for good in found]
        items = ["  " + item.replace("\n", "\n  ") for item in items]
    else:
        items = [json.dumps(good.record(), ensure_ascii=ascii) for good in found]
    raw = [item.encode() for item in items]
    bad = draw(bad_json(lines=layout != "one line"))
    at = draw(st.integers(0, len(raw)))
    indent = b"  " if layout == "pretty" else b""
    parts = _insert(raw, indent + bad.data, at)
    if layout == "one line":
        data, clean = b"[" + b", ".join(parts) + b"]", b"[" + b", ".join(raw) + b"]"
        line = 1
    else:
        data, clean = b"[\n" + b",\n".join(parts) + b"\n]\n", b"[\n" + b",\n".join(raw) + b"\n]\n"
        line = 2 + sum(part.count(b"\n") + 1 for part in raw[:at])
    return Dump(f"json ({layout})", {"d.json": data}, {"d.json": clean}, ["d.json"], "d.json",
                bad, range(line, line + 1 + bad.later), [g.ident for g in found])  # fmt: skip


def _csv_row(cells: list[str], delimiter: str, end: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=end).writerow(cells)
    return out.getvalue()


@st.composite
def bad_csv(draw: st.DrawFn, delimiter: str) -> Bad:
    """A bad CSV row (id, title, text), without its line end."""
    kind = draw(st.sampled_from(["unclosed", "nul", "no text", "line break", "latin-1",
                                 "too large"]))  # fmt: skip
    d = delimiter
    if kind == "unclosed":
        row = draw(st.sampled_from(['"', f'bad{d}{d}"Text that is never closed',
                                    f'bad{d}"Title{d}Text.', f'"bad{d}Title{d}Text.']))  # fmt: skip
        return Bad(row.encode(), kind)
    if kind == "nul":
        return Bad(f"bad{d}{d}Hanoi (VNA) - Te\x00xt.".encode(), kind)
    if kind == "no text":
        return Bad(draw(st.sampled_from([f"bad{d}Title{d}", f"bad{d}{d}  ", f"bad{d}{d}mask"]))
                   .encode(), kind)  # fmt: skip
    if kind == "line break":  # a carriage return inside an unquoted field
        return Bad(f"bad{d}{d}Hanoi (VNA) - Half\ra line.".encode(), kind)
    if kind == "latin-1":
        return Bad(f"bad{d}{d}Hanoi (VNA) - Le café à Hanoï.".encode("latin-1"), kind, fails=False)
    text = "Hanoi (VNA) - " + FILLER * (MAX_BYTES // len(FILLER) + 4)
    return Bad(f"bad{d}{d}{text}".encode(), "too large")


@st.composite
def csv_dumps(draw: st.DrawFn) -> Dump:
    found = draw(goods())
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    end = draw(st.sampled_from(["\n", "\r\n"]))
    header = _csv_row(["id", "title", "text"], delimiter, end).encode()
    rows = [_csv_row([g.ident, g.title or "", g.text], delimiter, end).encode() for g in found]
    bad = draw(bad_csv(delimiter))
    at = draw(st.integers(0, len(rows)))
    data = header + b"".join(_insert(rows, bad.data + end.encode(), at))
    line = 2 + sum(row.count(b"\n") for row in rows[:at])
    return Dump("csv", {"d.csv": data}, {"d.csv": header + b"".join(rows)}, ["d.csv"], "d.csv",
                bad, range(line, line + 1), [g.ident for g in found])  # fmt: skip


@st.composite
def bad_text(draw: st.DrawFn, *, directory: bool) -> Bad:
    """A bad .txt file (a named pipe, in a directory)."""
    kinds = ["empty", "nul", "binary", "furniture", "latin-1", "too large"]
    kind = draw(st.sampled_from(kinds + (["fifo"] if directory else [])))
    if kind == "empty":
        return Bad(draw(st.sampled_from([b"", b"  \n\t\r\n", BOM + b"\n"])), kind)
    if kind == "nul":
        return Bad(b"Hanoi (VNA) - Officials met.\x00\nThey agreed.\n", kind)
    if kind == "binary":
        return Bad(draw(st.sampled_from(BINARIES)), kind)
    if kind == "furniture":
        return Bad(b"mask\n\nSkip to main content\n\nback to top\n", kind)
    if kind == "latin-1":
        return Bad("Hanoi (VNA) - Le café coûte plus cher à Hanoï.\n".encode("latin-1"), kind,
                   fails=False)  # fmt: skip
    if kind == "fifo":
        return Bad(b"", kind)
    return Bad(("Hanoi (VNA) - " + FILLER * (MAX_BYTES // len(FILLER) + 4)).encode(), kind)


def _text_file(good: Good, variant: int) -> bytes:
    data = (f"{good.title}\n\n" if good.title else "") + good.text + "\n"
    if variant == 1:
        return BOM + data.replace("\n", "\r\n").encode()
    return data.encode()


@st.composite
def text_dumps(draw: st.DrawFn, *, directory: bool) -> Dump:
    """Good .txt files and a bad one, given one by one or as a directory (with subfolders)."""
    found = draw(goods())
    folders = draw(st.lists(st.sampled_from(["", "sub/", "a b/"]), min_size=len(found) + 1,
                            max_size=len(found) + 1))  # fmt: skip
    files = {
        f"{folder}{good.ident}.txt": _text_file(good, draw(st.integers(0, 1)))
        for folder, good in zip(folders, found, strict=False)
    }
    bad = draw(bad_text(directory=directory))
    name = f"{folders[-1]}bad.txt"
    clean = dict(files)
    if bad.kind != "fifo":
        files[name] = bad.data
    order = draw(st.permutations(sorted(files)))
    args = ["."] if directory else list(order)
    kind = "text directory" if directory else "text files"
    return Dump(kind, files, clean, args, name, bad, None, [g.ident for g in found],
                fifo=name if bad.kind == "fifo" else None)  # fmt: skip


ONE_BAD = {
    "jsonl": jsonl_dumps(),
    "json": json_dumps(),
    "csv": csv_dumps(),
    "text files": text_dumps(directory=False),
    "text directory": text_dumps(directory=True),
}
