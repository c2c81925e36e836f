"""The JSON Schema of extraction records, as printed by `vntrade schema`, derived from the
dataclasses of `records.py` (as `store/dataset.py` derives the Arrow schema): a field's JSON
type comes from its type hint; `NOTES` adds descriptions, enums and bounds."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from vntrade.nlp.events.kinds import KINDS
from vntrade.records import Actor, Article, DateMention, Event, Extraction, Figure, Statement

_OFFSET = {"minimum": 0}
# What a type hint cannot say, by (record class, field).
NOTES: dict[tuple[type, str], dict[str, Any]] = {
    (Article, "source"): {"description": "Input path, or - for stdin"},
    (Article, "published"): {"description": "ISO date of publication"},
    (Article, "agency"): {"description": "VNA, VOV, VNS, VLLF, ..."},
    (Article, "dateline"): {"description": "Place of the dateline"},
    (Article, "text"): {"description": "Clean body text; all offsets index into it"},
    (Article, "words"): {"minimum": 0},
    (Article, "sha256"): {"pattern": "^[0-9a-f]{64}$"},
    (Article, "dateline_date"): {
        "description": "Date of a wire dateline (HANOI, March 3 (Reuters) -): TimeML value, "
        "XXXX-03-03 without a year"
    },
    (Extraction, "published_inferred"): {
        "description": "True when reference_date was inferred from the article's own dates"
    },
    (Extraction, "reference_date"): {
        "description": "Anchor for relative dates: published, else the dateline's date, or inferred"
    },
    (Actor, "name"): {"description": "Canonical name"},
    (Actor, "type"): {"enum": ["PERSON", "ORG", "GPE"]},
    (DateMention, "value"): {"description": "ISO 8601 / TimeML value"},
    (DateMention, "timex_type"): {"enum": ["DATE", "TIME", "DURATION", "SET"]},
    (Event, "value"): {"description": "TimeML value of the event's date (XXXX-... without a year)"},
    (Event, "start"): {"description": "First day of the value's period (ISO date), if placed"},
    (Event, "end"): {"description": "The day after the period (ISO date), if placed"},
    (Event, "precision"): {
        "enum": ["day", "week", "month", "quarter", "half", "season", "year", None]
    },
    (Event, "kind"): {"enum": list(KINDS)},
    (Event, "sentence"): {"description": "Evidence sentence: text[sentence_start:sentence_end]"},
    (Event, "sentence_start"): _OFFSET,
    (Event, "sentence_end"): _OFFSET,
    (Event, "order"): {"description": "Index of the evidence sentence in the article", **_OFFSET},
    (Event, "lead"): {"description": "The article's lead event (one per article)"},
    (Event, "directive"): {"description": "Index in directives of the order it is the deadline of"},
    (Figure, "quantity"): {"description": "The number, scales applied (US$1.2 billion: 1.2e9)"},
    (Figure, "unit"): {
        "description": "percent, percentage point, USD, VND, EUR, tonne, TEU, ...; "
        "a count's noun (aircraft)"
    },
    (Figure, "measures"): {
        "description": "What it measures (tariff rate, trade surplus, "
        "exports growth, number of aircraft, ...), null when unknown"
    },
    (Figure, "sentence_start"): _OFFSET,
    (Figure, "sentence_end"): _OFFSET,
    (Statement, "speaker"): {
        "description": "Canonical actor who said it; the source as written when unnamed"
    },
    (Statement, "speaker_text"): {"description": "The source's words (the PM, Hằng, he)"},
    (Statement, "cue"): {"description": "What attributes it: said, told reporters, according to"},
    (Statement, "text"): {"description": "The content: text[start:end] (inside the quote marks)"},
    (Statement, "direct"): {"description": "A quotation; false for reported speech"},
    (Statement, "sentence_start"): _OFFSET,
    (Statement, "sentence_end"): _OFFSET,
    (Statement, "date"): {
        "description": "TimeML value of when it was said, else the article's reference date"
    },
    (Statement, "unnamed"): {"description": "The source names nobody (a government official)"},
}
_OFFSETS = ("start", "end")
_JSON_TYPES = {str: "string", int: "integer", bool: "boolean", float: "number"}


def extraction_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one `vntrade extract` record: the article's fields,
    then the pipeline's (everything but `text` is required)."""
    properties = _properties(Article)
    properties.update(
        (name, schema) for name, schema in _properties(Extraction).items() if name != "article"
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vntrade extraction record",
        "type": "object",
        "required": [name for name in properties if name != "text"],
        "properties": properties,
        "additionalProperties": False,
    }


def _object(cls: type) -> dict[str, Any]:
    properties = _properties(cls)
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


def _properties(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    found = {}
    for field in dataclasses.fields(cls):
        schema = _type_schema(hints[field.name])
        if field.name in _OFFSETS and schema.get("type") == "integer":
            schema.update(_OFFSET)
        notes = NOTES.get((cls, field.name), {})
        if "enum" in notes:
            schema.pop("type", None)
        found[field.name] = {**schema, **notes}
    return found


def _type_schema(hint: Any) -> dict[str, Any]:
    """The JSON Schema of a type hint: a scalar, an optional scalar, a list, or a record."""
    if dataclasses.is_dataclass(hint):
        return _object(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0])}
    if origin in (typing.Union, types.UnionType):
        kinds = [_JSON_TYPES[arg] for arg in args if arg is not type(None)]
        return {"type": [*kinds, "null"]}
    return {"type": _JSON_TYPES[hint]}
