"""Hypothesis strategies for `test_fuzz.py`: good article records mixed with bad and odd inputs.

Every generated input file comes with what the README's "Inputs and the loader" section says
the loader must make of it: `FAIL` (at least one failure is reported, so the exit code is 1),
`OK` (it loads, warnings at most) or `MAYBE` (the docs do not say; only "no traceback, exit
code 0 or 1" holds). Good records carry ids starting with `good-`; nothing else generated
contains `good`, so a good id can only come from its own record.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

FAIL, OK, MAYBE = "fail", "ok", "maybe"
BOM = b"\xef\xbb\xbf"

# (raw text, clean text) of the good articles: the loader strips the dateline and credits.
GOOD_TEXTS = (
    ("Hanoi (VNA) - Officials met on Monday to discuss tariffs.",
     "Officials met on Monday to discuss tariffs."),
    ("VOV.VN - Vietnam will import more US cotton and soybeans.",
     "Vietnam will import more US cotton and soybeans."),
    ("HÀ NỘI — Steel exporters asked the ministry for help. — VNS",
     "Steel exporters asked the ministry for help."),
)  # fmt: skip
# Texts of bad-but-loadable records (wrong types elsewhere): they must load.
CLEAN_TEXTS = (
    "Exporters of shrimp expect higher orders this year.",
    "The ministry said rice prices rose in May 2025.",
)
# Words the loader's cleaning reacts to, mixed into odd text.
WORDS = (
    "Hanoi", "(VNA)", " - ", "VOV.VN", "HÀ NỘI —", "— VNS", "./.", "(VNA/VLLF)", "mask",
    "back to top", "Photo: VNA", "__", " date 2025-04-25 ", "tariffs", "cotton", "Boeing",
    "Phạm Minh Chính", "by April 30", "May 2025", "Monday", "Officials met.", "\n", "\n\n",
    "\r\n", " ", "\t", '"', "'", ",", ";", "{", "}", "[", "]", ":", "\\", "\\u",
)  # fmt: skip
SPECIAL_CHARS = (
    "\x00", "\ud800", "\udc00", "\udfff", "\udbff\udfff",  # NUL, lone surrogates (and a pair)
    "\u0301", "\u0308", "\u0323", "\u0309", "\u0303\u0301",  # combining marks
    "\u200f", "\u202e", "\u2067", "\u05d0\u05d1", "\u0627\u0644",  # RTL marks and letters
    "\u200b", "\u200d", "\ufeff", "\ufffd", "\u00a0", "\u3000",  # invisible, BOM, spaces
    "\u2028", "\u2029", "\x85", "\x1c", "\x1e", "\x0b", "\x0c", "\r", "\x1b[31m", "\x7f",
    "\U0001f600", "\U0001f1fb\U0001f1f3", "\U0001f469\u200d\U0001f4bb", "\U000e0041",
    "ﬁ", "Å", "\u212b", "İ", "ß", "\uffff", "\U0010ffff",
)  # fmt: skip
FIELD_NAMES = ("id", "text", "body", "content", "title", "published", "date", "source",
               "agency", "url", "dateline", "article_id", "headline", "link")  # fmt: skip
TEXT_FIELDS = ("text", "body", "content")
DATES = ("2025-04-25", "April 25, 2025", "25/04/2025", "2025-04-25T10:00:00Z", "sometime",
         "31/02/2025", "9999-99-99", "0000-00-00", "2025-13-45", "1e999")  # fmt: skip
CSV_HEADERS = (("id,text", ","), ("id;text", ";"), ("TEXT", ","), ("id\tbody", "\t"),
               ("content,id", ","))  # fmt: skip
SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".ndjson", ".TXT", ".Json")


# --- JSON values that json.dumps cannot write --------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """JSON text written as is: huge integers, 1e999, NaN, deep nesting, broken syntax."""

    text: str
    kind: str

    def __repr__(self) -> str:  # keep falsifying examples readable
        shown = self.text if len(self.text) <= 40 else f"{self.text[:20]}...({len(self.text)})"
        return f"Raw({shown!r}, {self.kind!r})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def _huge_int(digits: int, sign: str) -> Raw:
    return Raw(sign + "1" + "0" * (digits - 1), "hugeint")


def _deep(depth: int, shape: str) -> Raw:
    if shape == "array":
        return Raw("[" * depth + "]" * depth, "deep")
    if shape == "object":
        return Raw('{"a": ' * depth + "1" + "}" * depth, "deep")
    return Raw("[" * depth, "deep")  # unclosed as well


NUMBERS = ("1e999", "-1e999", "1E400", "NaN", "Infinity", "-Infinity", "-0", "1e-999",
           "long fraction", "long float")  # fmt: skip


def _number(name: str) -> Raw:
    long = {"long fraction": "0." + "0" * 5000 + "1", "long float": "1" + "0" * 400 + ".5"}
    return Raw(long.get(name, name), "number")


raw_values = st.one_of(
    st.builds(_huge_int, st.sampled_from([4301, 5000, 20000]), st.sampled_from(["", "-"])),
    st.sampled_from(NUMBERS).map(_number),
    st.builds(
        _deep, st.sampled_from([1000, 5000, 100_000]), st.sampled_from(["array", "object", "open"])
    ),
)

odd_chars = st.one_of(
    st.sampled_from(SPECIAL_CHARS),
    st.characters(),
    st.characters(categories=["Cs", "Mn", "Me", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"]),
)
odd_text = st.lists(st.one_of(st.sampled_from(WORDS), odd_chars), max_size=10).map("".join)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    odd_text,
    raw_values,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(odd_text, inner, max_size=3)
    ),
    max_leaves=5,
)


def render(value: Any, ascii: bool) -> str:
    """`value` as JSON text on one line; `Raw` parts as they are, strings escaped or not."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        items = (f"{render(str(k), ascii)}: {render(v, ascii)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(render(item, ascii) for item in value) + "]"
    return json.dumps(value, ensure_ascii=ascii)


def encode(text: str) -> bytes:
    """UTF-8, with lone surrogates written as their (invalid) three-byte forms."""
    return text.encode("utf-8", "surrogatepass")


def _walk(value: Any) -> Iterable[Any]:
    yield value
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def has_surrogate(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _has_raw(value: Any) -> bool:
    return any(isinstance(part, Raw) for part in _walk(value))


def _is_risky(value: Any) -> bool:
    """Whether `value` holds something whose handling the docs leave open."""
    return any(
        isinstance(part, Raw) or (isinstance(part, str) and has_surrogate(part))
        for part in _walk(value)
    )


# --- records (JSON objects) and what the loader must make of them -----------------------------


@dataclass
class Record:
    """A dump record: fields by their normalised name, and the key spelling to write."""

    fields: dict[str, Any]
    keys: dict[str, str]

    def value(self) -> dict[str, Any]:
        return {self.keys[name]: value for name, value in self.fields.items()}

    def outcome(self) -> str:
        """FAIL when no text field holds text (README: "record has no text"); OK when the text
        is clean and nothing else is beyond what the docs cover; MAYBE otherwise."""
        states = [_text_state(self.fields[name]) for name in TEXT_FIELDS if name in self.fields]
        if not any(state in ("clean", "odd") for state in states):
            return FAIL
        if "odd" in states or _is_risky(self.fields):
            return MAYBE
        titles = (self.fields.get("title"), self.fields.get("headline"))
        if any(isinstance(title, str) and title.strip() in CLEAN_TEXTS for title in titles):
            return MAYBE  # a title repeated as the text's first line is dropped from the text
        return OK


def _text_state(value: Any) -> str:
    """ "none" (no text: absent, not a string, blank), "clean" (a clean text or paragraphs of
    them) or "odd" (anything else that might or might not clean to some text)."""
    if isinstance(value, str):
        if value in CLEAN_TEXTS:
            return "clean"
        return "odd" if value.strip() else "none"
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "clean" if all(item in CLEAN_TEXTS for item in value) else "odd"
    return "none"


text_values = st.one_of(
    st.sampled_from(CLEAN_TEXTS),
    st.lists(st.sampled_from(CLEAN_TEXTS), min_size=1, max_size=3),
    odd_text,
    st.lists(odd_text, max_size=2),
    st.sampled_from(["", "   ", "\n\t", "\u3000"]),
    json_values,  # numbers, lists, dicts, null, huge numbers, deep nesting
)
other_values = st.one_of(st.sampled_from(DATES), odd_text.map(lambda s: "x" + s), json_values)


@st.composite
def records(draw: st.DrawFn) -> Record:
    # Mostly with a text field (else the record only fails), plus a few others.
    main = draw(st.sampled_from([*TEXT_FIELDS, "text", "text", None]))
    others = st.sampled_from([name for name in FIELD_NAMES if name != main])
    names = [*filter(None, [main]), *draw(st.lists(others, unique=True, max_size=4))]
    fields: dict[str, Any] = {}
    keys: dict[str, str] = {}
    for name in names:
        fields[name] = draw(text_values if name in TEXT_FIELDS else other_values)
        keys[name] = draw(
            st.sampled_from([name, name.upper(), name.title(), f" {name} ", f"{name}\t"])
        )
    for extra in draw(st.lists(odd_text, max_size=1)):
        fields["x_" + extra] = draw(json_values)
        keys["x_" + extra] = "x_" + extra
    return Record(fields, keys)


@st.composite
def loadable_records(draw: st.DrawFn) -> Record:
    """A record with a clean text and odd other fields: wrong types, odd strings, dates."""
    record = draw(records())
    name = draw(st.sampled_from(TEXT_FIELDS))
    record.fields = {k: v for k, v in record.fields.items() if k not in TEXT_FIELDS}
    record.fields[name] = draw(st.sampled_from(CLEAN_TEXTS))
    record.keys[name] = record.keys.get(name, name)
    return record


@dataclass
class Line:
    """One JSONL line (or JSON array item) and what must come of it."""

    data: bytes
    outcome: str
    label: str
    plain: bool = False  # well-formed JSON with nothing beyond what json.loads reads as is


@st.composite
def json_items(draw: st.DrawFn, *, ascii: bool | None = None) -> Line:
    """A top-level JSON value: a record, a value of a wrong type, or raw junk."""
    ascii = draw(st.booleans()) if ascii is None else ascii
    kind = draw(st.sampled_from(["record", "record", "record", "record", "wrong type", "junk"]))
    if kind == "record":
        record = draw(records())
        data = encode(render(record.value(), ascii))
        outcome = record.outcome()
        if outcome == FAIL and not valid_utf8(data):
            # Decoded as cp1252, a blank text ("\u3000") may turn into characters ("ã€€").
            outcome = MAYBE
        return Line(data, outcome, "record", plain=not _has_raw(record.fields))
    if kind == "wrong type":
        value = draw(st.one_of(json_scalars, st.lists(json_values, max_size=3)))
        return Line(encode(render(value, ascii)), FAIL, "json not an object", not _has_raw(value))
    junk = draw(st.one_of(odd_text.map(encode), st.binary(max_size=200)))
    return Line(junk.replace(b"\n", b" ").replace(b"\x00", b" "), MAYBE, "junk line")


# --- files -------------------------------------------------------------------------------------


@dataclass
class FileSpec:
    """A file to write: its name, its bytes, the good records in it (id -> clean text), what
    must come of the rest, and the lines that must be reported as failed (PATH:LINE)."""

    name: str
    data: bytes
    outcome: str
    label: str
    goods: dict[str, str] = field(default_factory=dict)
    fail_lines: list[int] = field(default_factory=list)

    def __repr__(self) -> str:
        data = self.data if len(self.data) <= 300 else self.data[:300] + b"..."
        return f"FileSpec({self.name!r}, {data!r} ({len(self.data)} bytes), {self.outcome})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis's reports
        printer.text(repr(self))


def combine(outcomes: Iterable[str]) -> str:
    """The outcome of several items: FAIL if any fails, OK if all load, else MAYBE."""
    outcomes = list(outcomes)
    if FAIL in outcomes:
        return FAIL
    return OK if all(outcome == OK for outcome in outcomes) else MAYBE


def byte_checks(data: bytes, outcome: str) -> str:
    """The checks on bytes (README: empty file, binary file; a NUL byte fails its record, a
    text file whole, and is never valid JSON)."""
    if not data.removeprefix(BOM).strip() or b"\x00" in data:
        return FAIL
    return outcome


def no_good(data: bytes) -> bool:
    return b"good" not in data.lower()


def good_record(ident: str, raw: str, title: str | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": ident, "text": raw}
    if title:
        record["title"] = title
    return record


def _without_good(line: Line) -> Line:
    """`line` without the letters of a good id ("good" -> "g00d": same length, same JSON)."""
    line.data = line.data.replace(b"good", b"g00d").replace(b"GOOD", b"G00D")
    return line


def _as_utf8(line: Line) -> Line:
    """`line` made valid UTF-8 (only junk lines are not: records are written as ASCII)."""
    line.data = line.data.decode("utf-8", "replace").encode("utf-8")
    return line


@st.composite
def good_jsonl_file(draw: st.DrawFn, name: str, first: int) -> FileSpec:
    """Good records as JSONL lines with bad lines between them (never before the first good
    one, which decides that the file is JSONL)."""
    goods = {f"good-l{first + i}": draw(st.sampled_from(GOOD_TEXTS)) for i in range(3)}
    good_lines = [
        Line(json.dumps(good_record(k, raw), ensure_ascii=draw(st.booleans())).encode(), OK, "")
        for k, (raw, _) in goods.items()
    ]
    bad = draw(st.lists(json_items().map(_without_good), max_size=4))
    blank = [Line(b"", OK, "blank"), Line(b"  \t", OK, "blank")]
    others = good_lines[1:] + bad + draw(st.sampled_from([[], blank]))
    rest = [others[i] for i in draw(st.permutations(range(len(others))))]
    end = draw(st.sampled_from([b"\n", b"\r\n"]))
    data = draw(st.sampled_from([b"", BOM]))
    fail_lines = []
    for line in [good_lines[0], *rest]:
        number = data.count(b"\n") + 1
        if line.outcome == FAIL:
            fail_lines.append(number)
        data += line.data + end
    outcome = combine(line.outcome for line in bad)
    clean = {k: text for k, (_, text) in goods.items()}
    return FileSpec(name, data, outcome, "good jsonl + bad lines", clean, fail_lines)


@st.composite
def good_json_file(
    draw: st.DrawFn, name: str, first: int, container: bool | None = None
) -> FileSpec:
    """Good records in a JSON array (or an {"articles": [...]} container), bad items after."""
    goods = {f"good-j{first + i}": draw(st.sampled_from(GOOD_TEXTS)) for i in range(2)}
    items = [json.dumps(good_record(k, raw), ensure_ascii=False) for k, (raw, _) in goods.items()]
    # Bad items after the good ones, and valid UTF-8: were the file not, it would be decoded
    # as cp1252 as a whole, good texts included.
    bad = draw(st.lists(json_items(ascii=True).map(_as_utf8).map(_without_good), max_size=4))
    container = draw(st.booleans()) if container is None else container
    if container:
        # The container is one JSON value: any syntax error in it loses the whole of it.
        bad = [line for line in bad if line.plain]
    body = ",\n ".join([*items, *(line.data.decode("utf-8") for line in bad)])
    text = '{"articles": [\n ' + body + "\n]}" if container else "[\n " + body + "\n]"
    clean = {k: text for k, (_, text) in goods.items()}
    outcome = combine(line.outcome for line in bad)
    label = "good json container + bad items" if container else "good json + bad items"
    return FileSpec(name, encode(text), outcome, label, clean)


def _csv_row(cells: list[str], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(cells)
    return out.getvalue()


odd_csv_rows = st.one_of(
    # well-quoted rows of odd cells
    st.lists(odd_text, max_size=4).map(lambda cells: ("quoted", cells)),
    # raw lines: unbalanced quotes, stray delimiters, embedded newlines
    st.lists(
        st.one_of(st.sampled_from(['"', '""', ",", ";", "\t", "\n", "\r\n", "\r", "\\"]), odd_text),
        max_size=8,
    ).map(lambda parts: ("raw", "".join(parts))),
    # a huge field
    st.sampled_from(["quoted", "plain", "lines"]).map(lambda kind: ("raw", _huge_field(kind))),
)


def _huge_field(kind: str) -> str:
    if kind == "quoted":
        return 'id,"' + "x " * 100_000 + '"'
    return "id," + "y" * 200_000 if kind == "plain" else '"' + "z\n" * 50_000


def _render_csv_rows(rows: list[tuple[str, Any]], delimiter: str) -> str:
    text = ""
    for kind, row in rows:
        if kind == "quoted":
            text += _csv_row(row, delimiter)
        else:
            text += row + "\n"
    return text.replace("\x00", " ")


@st.composite
def good_csv_file(draw: st.DrawFn, name: str, first: int) -> FileSpec:
    """A CSV dump: a header, good rows, then odd rows (odd quoting can only spoil what follows)."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.sampled_from([["id", "title", "text"], ["ID", "Title", "Text"]]))
    goods = {f"good-c{first + i}": draw(st.sampled_from(GOOD_TEXTS)) for i in range(2)}
    text = _csv_row(header, delimiter)
    for key, (raw, _) in goods.items():
        text += _csv_row([key, draw(st.sampled_from(["", "Trade news"])), raw], delimiter)
    text += _render_csv_rows(draw(st.lists(odd_csv_rows, max_size=3)), delimiter)
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = encode(text)
    clean = {k: text for k, (_, text) in goods.items()}
    return FileSpec(name, data, MAYBE, "good csv + odd rows", clean)


def good_txt_file(ident: str, raw: str, clean: str, variant: int) -> FileSpec:
    """A good .txt article, as it is, with a BOM and CRLF, with page furniture, or in NFD."""
    data = raw.encode("utf-8")
    if variant == 1:
        data = BOM + data + b"\r\n"
    elif variant == 2:
        data = b"\n\n  " + data + b"\n\nback to top\n"
    elif variant == 3:
        data = unicodedata.normalize("NFD", raw).encode("utf-8")
    return FileSpec(f"{ident}.txt", data, OK, "good txt", {ident: clean})


BAD_KINDS = ("bytes", "odd text", "encoded text", "jsonl", "json", "csv", "csv header", "deep",
             "odd fields", "odd fields")  # fmt: skip


@st.composite
def bad_file(draw: st.DrawFn, name: str) -> FileSpec:
    """One bad or odd input file of any kind, with what must come of it."""
    kind = draw(st.sampled_from(BAD_KINDS))
    suffix = draw(st.sampled_from(SUFFIXES))
    outcome = MAYBE
    if kind == "bytes":
        data = draw(st.binary(min_size=1, max_size=3000))
    elif kind == "odd text":
        data = encode(draw(odd_text))
    elif kind == "encoded text":
        text = draw(odd_text.filter(lambda s: not has_surrogate(s)))
        data = text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "cp1252", "latin-1"])),
                           "replace")  # fmt: skip
    elif kind in ("jsonl", "json"):
        suffix = draw(st.sampled_from([".jsonl", ".ndjson"] if kind == "jsonl" else [".json"]))
        lines = draw(st.lists(json_items(), min_size=1, max_size=3))
        data = b"\n".join(line.data for line in lines) + b"\n"
        first = data.lstrip()[:1]
        if kind == "jsonl" and first != b"[" and first != BOM[:1]:
            outcome = combine(line.outcome for line in lines)  # every line on its own
        elif kind == "json" and len(lines) == 1 and lines[0].label != "junk line":
            outcome = lines[0].outcome if first != b"[" else MAYBE
    elif kind == "csv":
        suffix = ".csv"
        header, delimiter = draw(st.sampled_from(CSV_HEADERS))
        rows = draw(st.lists(odd_csv_rows, max_size=3))
        data = encode(header + "\n" + _render_csv_rows(rows, delimiter))
        if draw(st.booleans()):
            data = data.replace(b"\n", b"\x00\n", 1)  # a NUL byte inside the first line
    elif kind == "csv header":
        # A header without a text column: a failure whatever follows (README's table).
        suffix = ".csv"
        header = draw(st.sampled_from(["id,headline", "id;title", "url", "textual,bodies"]))
        rows = draw(st.lists(odd_csv_rows, max_size=3))
        data = encode(header + "\n" + _render_csv_rows(rows, ","))
        outcome = FAIL
    elif kind == "odd fields":  # records with a clean text: they load, perhaps with warnings
        suffix = draw(st.sampled_from([".jsonl", ".json"]))
        found = draw(st.lists(loadable_records(), min_size=1, max_size=3))
        ascii = draw(st.booleans())
        data = b"\n".join(encode(render(record.value(), ascii)) for record in found)
        outcome = combine(record.outcome() for record in found)
    else:  # deep nesting at the top level: never an article
        suffix = draw(st.sampled_from([".json", ".jsonl"]))
        data = encode(render(draw(raw_values.filter(lambda raw: raw.kind == "deep")), True))
        outcome = FAIL
    if draw(st.booleans()):
        data = draw(st.sampled_from([BOM, b"", b"\n\n", b"   "])) + data
    data = data.replace(b"good", b"g00d").replace(b"GOOD", b"G00D")
    return FileSpec(name + suffix, data, byte_checks(data, outcome), kind)
