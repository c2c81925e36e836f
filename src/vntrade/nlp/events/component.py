"""The `vntrade_events` component: each article's dated happenings, from the other
components' results on the parsed `Doc`.

Runs last: it reads the dates, actors (with `doc.spans["vntrade_references"]`, the
pronouns and role phrases the actors component resolved), commodities and directives, and
the parser's sentences. Results go to `doc.spans["vntrade_events"]` (see `nlp.extensions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.doc_records import doc_actors, doc_commodities
from vntrade.nlp.events.finder import find_events
from vntrade.nlp.events.participants import Parse
from vntrade.nlp.extensions import REFERENCE_SPANS, register_extensions, set_events
from vntrade.nlp.per_doc import doc_text, per_doc

_FIELDS: dict[type, tuple[str, ...]] = {}  # each record type's field names
_PLAIN = frozenset({str, int, float, bool, type(None)})  # values `_as_dict` keeps as they are
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")


@Language.factory(
    "vntrade_events",
    assigns=["doc.spans"],
    requires=["doc.sents", "doc.spans"],
    default_config={},
)
def make_events(nlp: Language, name: str) -> EventFinder:
    register_extensions()
    return EventFinder(name=name)


class EventFinder:
    """Finds the events an article reports and the one that leads it."""

    def __init__(self, *, name: str = "vntrade_events") -> None:
        self.name = name

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Nothing to read: the kinds table is package data (`nlp/data/events/kinds.jsonl`)."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventFinder:
        return self

    def __call__(self, doc: Doc) -> Doc:
        found = find_events(doc_results(doc), sentences(doc), references(doc), Parse(doc))
        set_events(doc, found)
        return doc


def doc_results(doc: Doc) -> dict[str, Any]:
    """The text and the earlier components' results, as the JSON of an extraction record."""
    return {
        "text": doc_text(doc),
        "reference_date": doc._.reference_date,
        "dates": [_as_dict(date) for date in doc._.vntrade_dates or []],
        "actors": [_as_dict(actor) for actor in doc_actors(doc)],
        "commodities": [_as_dict(commodity) for commodity in doc_commodities(doc)],
        "directives": [_as_dict(directive) for directive in doc._.vntrade_directives or []],
    }


def _as_dict(record: Any) -> Any:
    """What `dataclasses.asdict` gives for these records (fields of strings, numbers, lists
    and records), without its deep copies: the records are built afresh for this call."""
    kind = type(record)
    if kind in _PLAIN:
        return record
    if kind is list or (kind not in _FIELDS and isinstance(record, list)):
        return [item if type(item) in _PLAIN else _as_dict(item) for item in record]
    names = _FIELDS.get(kind)
    if names is None:
        if not is_dataclass(record):
            return record
        names = _FIELDS[kind] = tuple(f.name for f in fields(record))
    found = {}
    for name in names:  # a call only for a list or a record
        value = getattr(record, name)
        found[name] = value if type(value) in _PLAIN else _as_dict(value)
    return found


@per_doc
def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the parser's sentences without surrounding whitespace, cut at line
    breaks too (a paragraph or a caption always ends a sentence); a parser break with no
    end punctuation before it (inside a name: "... Trade | Nguyễn Hồng Diên.") is ignored."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for sentence in doc.sents:
        start = sentence.start_char
        for number, line in enumerate(text[start : sentence.end_char].split("\n")):
            stripped = line.strip()
            if stripped:
                first = start + line.index(stripped[0])
                last = first + len(stripped)
                if number == 0 and spans and _runs_on(text, spans[-1][1], first):
                    spans[-1] = (spans[-1][0], last)
                else:
                    spans.append((first, last))
            start += len(line) + 1
    return spans


def _runs_on(text: str, end: int, start: int) -> bool:
    """Whether the sentence ending at `end` goes on at `start` (same line, no end punctuation)."""
    return "\n" not in text[end:start] and not _SENTENCE_END.search(text, max(0, end - 4), end)


def references(doc: Doc) -> dict[int, str]:
    """Where each pronoun or role phrase the actors component resolved starts, and who it is."""
    return {span.start_char: span.kb_id_ for span in doc.spans.get(REFERENCE_SPANS, [])}
