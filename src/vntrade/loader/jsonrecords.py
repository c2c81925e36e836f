"""JSON values to article records, shared by the JSONL and JSON loaders: the decoder, the
messages, and the walk from an object (or an object holding a list) to articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from vntrade.loader.fields import TEXT_FIELDS, record_to_article
from vntrade.records import Article, LoadFailure, LoadProblem

MALFORMED = "malformed JSON: {error}"
NOT_OBJECT = "expected a JSON object with a text field, got {kind}"
TOO_DEEP = "nested too deeply (JSON arrays and objects over about 1,000 levels deep)"
NO_RECORDS = "no records"
# Python refuses to turn longer digit strings into ints (CVE-2020-10735); such a number is
# kept as its digits, which is all an id needs.
MAX_INT_DIGITS = 4000
# Keys under which a dump object may hold its list of articles.
CONTAINER_KEYS = ("articles", "records", "items", "data")


def _parse_int(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INT_DIGITS else digits


DECODER = json.JSONDecoder(parse_int=_parse_int)


def json_records(value: Any, source: str, line: int) -> Iterator[Article | LoadProblem]:
    """The articles in one top-level JSON value; one too deep to walk is a failure of its own."""
    try:
        yield from _records(value, source, line)
    except RecursionError:
        yield LoadFailure(source, TOO_DEEP, line)


def _records(value: Any, source: str, line: int) -> Iterator[Article | LoadProblem]:
    """The articles in one top-level JSON value (an object, or an object holding a list)."""
    if not isinstance(value, dict):
        yield LoadFailure(source, NOT_OBJECT.format(kind=_kind(value)), line)
        return
    has_text = any(str(key).lower() in TEXT_FIELDS for key in value)
    container = next((value[k] for k in CONTAINER_KEYS if isinstance(value.get(k), list)), None)
    if container is not None and not has_text:
        if not container:
            yield LoadFailure(source, NO_RECORDS, line)
        for item in container:
            yield from _records(item, source, line)
        return
    yield from record_to_article(value, source, line)


def describe(message: str) -> str:
    """json's error message in lower case, without a dangling "at"."""
    message = message.removesuffix(" at")
    return message[:1].lower() + message[1:]


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    shown = json.dumps(value)
    return f"{type(value).__name__} {shown if len(shown) <= 40 else shown[:39] + '…'}"
