"""JSONL dumps: one article per line, so a malformed line costs only itself.

A `.jsonl` file (or stdin starting with `{` or `[`) is read as JSON instead when its first
lines are one JSON document: a pretty-printed array or object (the first line is cut short,
and the second goes on with it), or an array alone on its only line. A first line that is a
whole value followed by more lines (`[1, 2]` before records) is a JSONL line like any other.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

from vntrade.loader.json_ import load_json
from vntrade.loader.jsonrecords import DECODER, MALFORMED, TOO_DEEP, describe, json_records
from vntrade.loader.paths import (
    BOM,
    NUL_BYTE,
    RECORD_TOO_LARGE,
    DecodedLines,
    Input,
    decode,
    prepend,
)
from vntrade.records import Article, LoadFailure, LoadProblem

# How far to look for the first two lines before deciding that the input is JSONL.
LOOKAHEAD_BYTES = 1 << 20


def load_jsonl(source: Input) -> Iterator[Article | LoadProblem]:
    """Articles from a JSONL input, one object per line; blank lines are skipped.

    Lines are read one at a time, so a dump of any size streams; a line over the input's
    `max_bytes` is a failure of its own and is never held in memory.
    """
    peeked, one_document = _first_lines(source)
    source = dataclasses.replace(source, stream=prepend(peeked, source.stream))
    if one_document:
        yield from load_json(source)
        return
    lines = DecodedLines(source.stream, source.max_bytes)
    for line in lines:
        if warning := lines.warning(source.name):
            yield warning
        number = lines.number
        if lines.too_long:
            limit = source.max_bytes or 0
            yield LoadFailure(source.name, RECORD_TOO_LARGE.format(limit=limit), number)
            continue
        if not line.strip():
            continue
        if "\x00" in line:
            yield LoadFailure(source.name, NUL_BYTE, number)
            continue
        try:
            value = DECODER.decode(line.rstrip("\r\n"))
        except json.JSONDecodeError as error:
            detail = f"{describe(error.msg)} at column {error.colno}"
            yield LoadFailure(source.name, MALFORMED.format(error=detail), number)
            continue
        except RecursionError:
            yield LoadFailure(source.name, TOO_DEEP, number)
            continue
        yield from json_records(value, source.name, number)


def _first_lines(source: Input) -> tuple[bytes, bool]:
    """The bytes read to see the first two non-blank lines, and whether they begin one JSON
    document spread over lines (or are an array alone) rather than JSON lines."""
    limit = source.max_bytes + 1 if source.max_bytes else -1
    peeked = b""
    first = shape = ""
    while len(peeked) <= LOOKAHEAD_BYTES and (raw := source.stream.readline(limit)):
        peeked += raw
        if len(raw) == limit and not raw.endswith(b"\n"):  # a line over the limit: an
            # array on one line, or an item of a pretty-printed one; else a JSONL record
            opens_array = raw.removeprefix(BOM).lstrip()[:1] == b"["
            return peeked, shape == "prefix" if first else opens_array
        text = decode(raw.removeprefix(BOM))[0].strip()
        if not text:
            continue
        if first:  # the second line: goes it on with the first?
            return peeked, shape == "prefix" and _shape(f"{first}\n{text}") != "malformed"
        first, shape = text, _shape(text)
        if shape == "malformed" or (shape == "complete" and not first.startswith("[")):
            return peeked, False
    return peeked, bool(first) and shape != "malformed"


def _shape(text: str) -> str:
    """What `text` is: "complete" (one JSON value), "prefix" (the start of one, cut short at
    its end) or "malformed"."""
    try:
        _, end = DECODER.raw_decode(text)
    except json.JSONDecodeError as error:
        return "prefix" if error.pos >= len(text) else "malformed"
    except RecursionError:
        return "malformed"
    return "complete" if end == len(text) else "malformed"
