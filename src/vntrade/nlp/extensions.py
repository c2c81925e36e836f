"""Custom attributes through which vntrade's components pass their results.

Results live on the `Doc` itself (spans and JSON-able values), so a processed `Doc`
survives `DocBin(store_user_data=True)` and `doc_to_extraction` reads it back:
- `doc._.published`: ISO date of publication or None, set before the pipeline runs.
- `doc._.dateline_date`: the date of a wire dateline (`2025-03-03`, `XXXX-03-03`) or None,
  set before the pipeline runs; the anchor when there is no publication date.
- `doc._.dateline`: the place of the dateline (`Da Nang`) or None, set before the pipeline
  runs; the city or province of "the provincial People's Committee".
- `doc._.reference_date` / `doc._.published_inferred`: the anchor for relative dates,
  set by `vntrade_dates` (inferred from the article's own dates when not published).
- `doc.spans["vntrade_dates"]`: temporal expressions; `label_` is the TIMEX3 type, with
  `span._.timex_value`, `span._.timex_kind` and `span._.deadline` (bool).
- `doc.spans["vntrade_actors"]`: actor mentions; `label_` is the type, `kb_id_` the
  canonical name. `doc._.vntrade_actor_roles`: {canonical name: role}.
- `doc.spans["vntrade_references"]`: pronouns and role phrases resolved to an actor
  (`kb_id_` the canonical name), for directive issuers and event actors.
- `doc.spans["vntrade_commodities"]`: `kb_id_` the canonical name, `label_` the category.
- `doc.spans["vntrade_directives"]`: the evidence sentence of each order, with
  `span._.issuer`, `span._.verb`, `span._.addressee`, `span._.action` and
  `span._.deadline` (a TimeML value or None).
- `doc.spans["vntrade_events"]`: the evidence sentence of each event, with `span._.event_value`
  (a TimeML value), `span._.event_period` ([start, end, precision], each None when unknown),
  `span._.event_kind`, `span._.event_trigger`, `span._.event_actors`,
  `span._.event_commodities`, `span._.event_summary`, `span._.event_order`,
  `span._.event_lead` and `span._.event_directive`.
- `doc.spans["vntrade_figures"]`: money, percentages, measures and counts; `label_` is the
  unit, with `span._.figure_quantity`, `span._.figure_measures` and `span._.figure_sentence`
  (the offsets of its sentence).
`doc._.vntrade_dates`, `doc._.vntrade_directives`, `doc._.vntrade_events` and
`doc._.vntrade_figures` read those spans back as records.

A date whose characters do not fall on token bounds (`April 30` in `April 30-May 1`) is the
smallest span covering it, with its own offsets in `span._.char_offsets`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span, SpanGroup

from vntrade.nlp.per_doc import doc_text
from vntrade.records import DateMention, Directive, Event, Figure

ACTOR_SPANS = "vntrade_actors"
REFERENCE_SPANS = "vntrade_references"
COMMODITY_SPANS = "vntrade_commodities"
DATE_SPANS = "vntrade_dates"
DIRECTIVE_SPANS = "vntrade_directives"
DIRECTIVE_LABEL = "DIRECTIVE"
EVENT_SPANS = "vntrade_events"
EVENT_LABEL = "EVENT"
FIGURE_SPANS = "vntrade_figures"

_DEFAULTS: dict[str, object] = {
    "published": None,
    "dateline_date": None,
    "dateline": None,
    "title": None,
    "reference_date": None,
    "published_inferred": False,
    "vntrade_actor_roles": None,
}
# Event fields kept as span values (the sentence and its offsets are the span itself).
EVENT_VALUES = (
    "value",
    "period",
    "kind",
    "trigger",
    "actors",
    "commodities",
    "summary",
    "order",
    "lead",
    "directive",
)
_SPAN_VALUES = (
    "timex_value",
    "timex_kind",
    "deadline",
    "char_offsets",
    "issuer",
    "verb",
    "addressee",
    "action",
    *(f"event_{name}" for name in EVENT_VALUES),
    "figure_quantity",
    "figure_measures",
    "figure_sentence",
)


def register_extensions() -> None:
    """Register the `Doc` and `Span` attributes once per process (idempotent)."""
    for name, default in _DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("vntrade_dates"):
        Doc.set_extension("vntrade_dates", getter=date_mentions)
    if not Doc.has_extension("vntrade_directives"):
        Doc.set_extension("vntrade_directives", getter=directives)
    if not Doc.has_extension("vntrade_events"):
        Doc.set_extension("vntrade_events", getter=events)
    if not Doc.has_extension("vntrade_figures"):
        Doc.set_extension("vntrade_figures", getter=figures)
    for name in _SPAN_VALUES:
        if not Span.has_extension(name):
            getter, setter = _span_value(name)
            Span.set_extension(name, getter=getter, setter=setter)


def _span_value(name: str) -> tuple[Callable[[Span], Any], Callable[[Span, Any], None]]:
    """A span attribute kept in `doc.user_data` under the span's bounds, label and id.

    spaCy's own span attributes are keyed by character offsets only, so two directives in
    one sentence would share their values; the span id keeps them apart.
    """

    def get(span: Span) -> Any:
        return _Values(span)[name]

    def set_(span: Span, value: Any) -> None:
        _Values(span)[name] = value

    return get, set_


class _Values:
    """The values of one span in `doc.user_data`, keyed by name, bounds, label and id: what
    `span._.<name>` reads and writes, without building an `Underscore` at each access."""

    __slots__ = ("data", "where")

    def __init__(self, span: Span) -> None:
        self.data = span.doc.user_data
        self.where = (span.start, span.end, span.label_, span.id_)

    def __getitem__(self, name: str) -> Any:
        return self.data.get(("vntrade", name, *self.where))

    def __setitem__(self, name: str, value: Any) -> None:
        self.data[("vntrade", name, *self.where)] = value


def _char_span(doc: Doc, start: int, end: int, label: str, number: int) -> Span:
    """The span of `doc.text[start:end]`, widened to token bounds where it cuts a token."""
    span = doc.char_span(start, end, label=label, span_id=str(number), alignment_mode="expand")
    if span is None:  # only whitespace: the token after it
        span = doc.char_span(start, start + 1, label=label, span_id=str(number))
    if (span.start_char, span.end_char) != (start, end):
        _Values(span)["char_offsets"] = [start, end]
    return span


def _offsets(span: Span, values: _Values) -> tuple[int, int]:
    offsets = values["char_offsets"]
    return (offsets[0], offsets[1]) if offsets else (span.start_char, span.end_char)


def set_date_mentions(doc: Doc, mentions: list[DateMention]) -> None:
    """Store `vntrade_dates` results as spans of `doc`."""
    spans = []
    for number, mention in enumerate(mentions):
        span = _char_span(doc, mention.start, mention.end, mention.timex_type, number)
        values = _Values(span)
        values["timex_value"] = mention.value
        values["timex_kind"] = mention.kind
        values["deadline"] = mention.deadline
        spans.append(span)
    doc.spans[DATE_SPANS] = spans
    text = doc_text(doc)  # the rows `date_mentions` would read back from these spans
    rows = [
        (text[m.start : m.end], m.value, m.kind, m.start, m.end, m.timex_type, bool(m.deadline))
        for m in mentions
    ]
    _keep_rows(doc, DATE_SPANS, _date_row, rows)


def date_mentions(doc: Doc) -> list[DateMention]:
    """The `vntrade_dates` results of `doc` as records, in text order."""
    return [DateMention(*row) for row in _rows(doc, DATE_SPANS, _date_row)]


def _date_row(text: str, span: Span) -> tuple:
    values = _Values(span)
    start, end = _offsets(span, values)
    deadline = bool(values["deadline"])
    return (text[start:end], values["timex_value"], values["timex_kind"], start, end,
            span.label_, deadline)  # fmt: skip


# The values read back from each span of a group (by group key and reader), kept with the
# group (and its size) they were read from: the dates, directives, actors and goods are read
# by several components and by `doc_to_extraction`; records are made afresh from them at
# each call (callers may change theirs).
_ROWS: WeakKeyDictionary[Doc, dict[tuple[str, Callable], tuple[SpanGroup, int, list]]] = (
    WeakKeyDictionary()
)


def span_rows(doc: Doc, key: str) -> list[tuple[int, int, str, str, int, int]]:
    """(start, end, label, kb_id, start_char, end_char) of each span of `doc.spans[key]`
    (none without the key), read once per span group: the actors and goods are read by
    several components."""
    return _rows(doc, key, _span_row)


def _span_row(text: str, span: Span) -> tuple:
    return (span.start, span.end, span.label_, span.kb_id_, span.start_char, span.end_char)


def _keep_rows(doc: Doc, key: str, row: Callable[[str, Span], tuple], rows: list) -> None:
    """Keep `rows`, what `row` reads from each span of the group just set under `key`."""
    group = doc.spans[key]
    _ROWS.setdefault(doc, {})[key, row] = (group, len(group), rows)


def _rows(doc: Doc, key: str, row: Callable[[str, Span], tuple]) -> list[tuple]:
    """`row(text, span)` of each span of `doc.spans[key]`, read once per group."""
    group = doc.spans.get(key)
    if group is None:
        return []
    kept = _ROWS.setdefault(doc, {})
    known = kept.get((key, row))
    if known is not None and known[0] is group and known[1] == len(group):
        return known[2]
    text = doc_text(doc)
    rows = [row(text, span) for span in group]
    kept[key, row] = (group, len(group), rows)
    return rows


def set_directives(doc: Doc, found: list[Directive]) -> None:
    """Store `vntrade_directives` results as spans of their evidence sentences."""
    spans = []
    for number, directive in enumerate(found):
        span = _char_span(doc, directive.start, directive.end, DIRECTIVE_LABEL, number)
        values = _Values(span)
        values["issuer"] = directive.issuer
        values["verb"] = directive.verb
        values["addressee"] = directive.addressee
        values["action"] = directive.action
        values["deadline"] = directive.deadline
        spans.append(span)
    doc.spans[DIRECTIVE_SPANS] = spans
    text = doc_text(doc)  # the rows `directives` would read back from these spans
    rows = [
        (d.issuer, d.verb, d.addressee, d.action, d.deadline, text[d.start : d.end], d.start, d.end)
        for d in found
    ]
    _keep_rows(doc, DIRECTIVE_SPANS, _directive_row, rows)


def directives(doc: Doc) -> list[Directive]:
    """The `vntrade_directives` results of `doc` as records."""
    return [Directive(*row) for row in _rows(doc, DIRECTIVE_SPANS, _directive_row)]


def _directive_row(text: str, span: Span) -> tuple:
    values = _Values(span)
    start, end = _offsets(span, values)
    return (values["issuer"], values["verb"], values["addressee"], values["action"],
            values["deadline"], text[start:end], start, end)  # fmt: skip


def set_events(doc: Doc, found: list[Event]) -> None:
    """Store `vntrade_events` results as spans of their evidence sentences."""
    spans = []
    for number, event in enumerate(found):
        span = _char_span(doc, event.sentence_start, event.sentence_end, EVENT_LABEL, number)
        values = _Values(span)
        for name in EVENT_VALUES:
            if name != "period":
                values[f"event_{name}"] = getattr(event, name)
        values["event_period"] = [event.start, event.end, event.precision]
        spans.append(span)
    doc.spans[EVENT_SPANS] = spans


def events(doc: Doc) -> list[Event]:
    """The `vntrade_events` results of `doc` as records."""
    text = doc_text(doc)
    found = []
    for span in doc.spans.get(EVENT_SPANS, []):
        values = _Values(span)
        start, end = _offsets(span, values)
        period_start, period_end, precision = values["event_period"]
        found.append(
            Event(
                value=values["event_value"],
                start=period_start,
                end=period_end,
                precision=precision,
                kind=values["event_kind"],
                trigger=values["event_trigger"],
                actors=list(values["event_actors"]),
                commodities=list(values["event_commodities"]),
                summary=values["event_summary"],
                sentence=text[start:end],
                sentence_start=start,
                sentence_end=end,
                order=values["event_order"],
                lead=bool(values["event_lead"]),
                directive=values["event_directive"],
            )
        )
    return found


def set_figures(doc: Doc, found: list[Figure]) -> None:
    """Store `vntrade_figures` results as spans of their text."""
    spans = []
    for number, figure in enumerate(found):
        span = _char_span(doc, figure.start, figure.end, figure.unit, number)
        values = _Values(span)
        values["figure_quantity"] = figure.quantity
        values["figure_measures"] = figure.measures
        values["figure_sentence"] = [figure.sentence_start, figure.sentence_end]
        spans.append(span)
    doc.spans[FIGURE_SPANS] = spans
    text = doc_text(doc)  # the rows `figures` would read back from these spans
    rows = [
        (text[f.start : f.end], f.quantity, f.unit, f.measures, f.start, f.end,
         f.sentence_start, f.sentence_end)
        for f in found
    ]  # fmt: skip
    _keep_rows(doc, FIGURE_SPANS, _figure_row, rows)


def figures(doc: Doc) -> list[Figure]:
    """The `vntrade_figures` results of `doc` as records, in text order."""
    return [Figure(*row) for row in _rows(doc, FIGURE_SPANS, _figure_row)]


def _figure_row(text: str, span: Span) -> tuple:
    values = _Values(span)
    start, end = _offsets(span, values)
    sentence_start, sentence_end = values["figure_sentence"]
    return (text[start:end], values["figure_quantity"], span.label_, values["figure_measures"],
            start, end, sentence_start, sentence_end)  # fmt: skip
