"""One record of a JSONL, JSON or CSV dump (a mapping of fields) turned into an `Article`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from vntrade.loader.agencies import agency_from_url, known_agency
from vntrade.loader.article import BAD_DATE, NO_TEXT_LEFT, make_article, parse_text
from vntrade.loader.clean import clean_inline
from vntrade.loader.published import parse_date
from vntrade.records import Article, LoadFailure, LoadProblem, LoadWarning

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "publish_date", "pub_date")
NO_TEXT = "record has no text (expected a non-empty text, body or content field)"
SURROGATES = "lone surrogate escapes (not Unicode characters) replaced with U+FFFD"
_SURROGATE = re.compile("[\ud800-\udfff]")


def record_to_article(
    record: Mapping[str, Any], source: str, line: int | None
) -> Iterator[Article | LoadProblem]:
    """The article in `record`, after any warnings about it; or a failure naming `line`."""
    fields = {str(key).strip().lower(): value for key, value in record.items() if key is not None}
    fields, replaced = _without_surrogates(fields)
    if replaced:
        yield LoadWarning(source, SURROGATES, line)
    raw_text = next(filter(None, (_text(fields.get(name)) for name in TEXT_FIELDS)), "")
    if not raw_text:
        yield LoadFailure(source, NO_TEXT, line)
        return
    parsed = parse_text(raw_text)
    for warning in parsed.warnings:
        yield LoadWarning(source, warning, line)
    title = _scalar(fields.get("title")) or _scalar(fields.get("headline"))
    title = clean_inline(title) if title else None
    if title and parsed.paragraphs and parsed.paragraphs[0] == title:
        parsed.paragraphs.pop(0)  # the title field repeated as the text's first line
    if not parsed.paragraphs:
        yield LoadFailure(source, NO_TEXT_LEFT, line)
        return
    published = None
    date_value = next(filter(None, (_scalar(fields.get(name)) for name in DATE_FIELDS)), None)
    if date_value:
        published = parse_date(date_value)
        if published is None:
            yield LoadWarning(source, BAD_DATE.format(value=date_value), line)
    agency_field = _scalar(fields.get("agency"))
    source_field = _scalar(fields.get("source"))
    url = _scalar(fields.get("url")) or _scalar(fields.get("link"))
    dateline = _scalar(fields.get("dateline"))
    agency = (
        known_agency(agency_field)
        or (clean_inline(agency_field) if agency_field else None)
        or known_agency(source_field)
        or parsed.agency
        or agency_from_url(url)
        or (clean_inline(source_field) if source_field else None)
    )
    yield make_article(
        parsed,
        id=_scalar(fields.get("id")) or _scalar(fields.get("article_id")),
        source=source,
        title=title,
        published=published,
        agency=agency,
        dateline=clean_inline(dateline) if dateline else None,
        url=url,
    )


def _without_surrogates(fields: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The fields with every lone surrogate (JSON allows `"\\udc00"`, UTF-8 does not) made
    U+FFFD, and whether there was any. Only strings and lists of strings are read as fields."""
    replaced = False

    def clean(value: Any) -> Any:
        nonlocal replaced
        if isinstance(value, str) and _SURROGATE.search(value):
            replaced = True
            return _SURROGATE.sub("\ufffd", value)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return [clean(item) for item in value]
        return value

    return {clean(key): clean(value) for key, value in fields.items()}, replaced


def _text(value: Any) -> str:
    """A text field's content; a list of strings is a list of paragraphs."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    return value if isinstance(value, str) and value.strip() else ""


def _scalar(value: Any) -> str | None:
    """A short field as a stripped string (numbers too), or None when empty or structured."""
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    text = str(value).strip()
    return text or None
