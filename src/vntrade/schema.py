"""The JSON Schema of extraction records, as printed by `vntrade schema`."""

from __future__ import annotations

from typing import Any

_STRING = {"type": "string"}
_NULLABLE_STRING = {"type": ["string", "null"]}
_OFFSET = {"type": "integer", "minimum": 0}

_MENTION = {
    "type": "object",
    "required": ["text", "start", "end"],
    "properties": {"text": _STRING, "start": _OFFSET, "end": _OFFSET},
    "additionalProperties": False,
}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


ARTICLE_PROPERTIES: dict[str, Any] = {
    "id": _STRING,
    "source": {**_STRING, "description": "Input path, or - for stdin"},
    "title": _NULLABLE_STRING,
    "published": {**_NULLABLE_STRING, "description": "ISO date of publication"},
    "agency": {**_NULLABLE_STRING, "description": "VNA, VOV, VNS, VLLF, ..."},
    "dateline": {**_NULLABLE_STRING, "description": "Place of the dateline"},
    "text": {**_STRING, "description": "Clean body text; all offsets index into it"},
    "words": {"type": "integer", "minimum": 0},
    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    "url": _NULLABLE_STRING,
    "dateline_date": {
        **_NULLABLE_STRING,
        "description": "Date of a wire dateline (HANOI, March 3 (Reuters) -): TimeML value, "
        "XXXX-03-03 without a year",
    },
}

ACTOR = _object(
    {
        "name": {**_STRING, "description": "Canonical name"},
        "type": {"enum": ["PERSON", "ORG", "GPE"]},
        "role": _NULLABLE_STRING,
        "aliases": {"type": "array", "items": _STRING},
        "mentions": {"type": "array", "items": _MENTION},
    }
)
DATE = _object(
    {
        "text": _STRING,
        "value": {**_STRING, "description": "ISO 8601 / TimeML value"},
        "kind": _STRING,
        "start": _OFFSET,
        "end": _OFFSET,
        "timex_type": {"enum": ["DATE", "TIME", "DURATION", "SET"]},
        "deadline": {"type": "boolean"},
    }
)
COMMODITY = _object(
    {
        "name": _STRING,
        "category": _STRING,
        "mentions": {"type": "array", "items": _MENTION},
    }
)
DIRECTIVE = _object(
    {
        "issuer": _NULLABLE_STRING,
        "verb": _STRING,
        "addressee": _NULLABLE_STRING,
        "action": _STRING,
        "deadline": _NULLABLE_STRING,
        "sentence": _STRING,
        "start": _OFFSET,
        "end": _OFFSET,
    }
)


def extraction_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one `vntrade extract` record."""
    properties = {
        **ARTICLE_PROPERTIES,
        "published_inferred": {
            "type": "boolean",
            "description": "True when reference_date was inferred from the article's own dates",
        },
        "reference_date": {
            **_NULLABLE_STRING,
            "description": "Anchor for relative dates: published, else the dateline's date, "
            "or inferred",
        },
        "actors": {"type": "array", "items": ACTOR},
        "dates": {"type": "array", "items": DATE},
        "commodities": {"type": "array", "items": COMMODITY},
        "directives": {"type": "array", "items": DIRECTIVE},
    }
    required = [name for name in properties if name not in ("text",)]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vntrade extraction record",
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }
