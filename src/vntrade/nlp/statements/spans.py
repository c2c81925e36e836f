"""Statements on the `Doc`: `doc.spans["vntrade_statements"]` holds each statement's content
(label `DIRECT` or `REPORTED`), with `span._.statement` the rest of the record as JSON-able
values, kept in `doc.user_data` under the span's bounds and number, so it survives
`DocBin(store_user_data=True)` like the other components' results."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from vntrade.nlp.per_doc import doc_text
from vntrade.records import Statement

STATEMENT_SPANS = "vntrade_statements"
VALUES = ("speaker", "speaker_text", "cue", "direct", "sentence_start", "sentence_end", "date")


def register() -> None:
    """Register `span._.statement` and `doc._.vntrade_statements` (idempotent)."""
    if not Span.has_extension("statement"):
        Span.set_extension("statement", getter=_get, setter=_set)
    if not Doc.has_extension("vntrade_statements"):
        Doc.set_extension("vntrade_statements", getter=statements)


def _key(span: Span) -> tuple:
    return ("vntrade", "statement", span.start, span.end, span.id_)


def _get(span: Span) -> Any:
    return span.doc.user_data.get(_key(span))


def _set(span: Span, value: Any) -> None:
    span.doc.user_data[_key(span)] = value


def set_statements(doc: Doc, found: list[Statement]) -> None:
    """Store the statements of `doc` as spans of their content."""
    spans = []
    for number, statement in enumerate(found):
        label = "DIRECT" if statement.direct else "REPORTED"
        span = doc.char_span(
            statement.start, statement.end, label=label, span_id=str(number),
            alignment_mode="expand",
        )  # fmt: skip
        if span is None:
            continue
        values = {name: getattr(statement, name) for name in VALUES}
        values.update(start=statement.start, end=statement.end, unnamed=statement.unnamed)
        span._.statement = values
        spans.append(span)
    doc.spans[STATEMENT_SPANS] = spans


def statements(doc: Doc) -> list[Statement]:
    """The statements of `doc` as records, in text order."""
    text = doc_text(doc)
    found = []
    for span in doc.spans.get(STATEMENT_SPANS, []):
        values = dict(span._.statement or {})
        # the stored offsets, else the span's (read only then: each makes a `Token`)
        start = values.pop("start") if "start" in values else span.start_char
        end = values.pop("end") if "end" in values else span.end_char
        found.append(Statement(text=text[start:end], start=start, end=end, **values))
    return found
