"""The actor and commodity records a processed `Doc`'s spans name: one actor or good per
canonical name, with its mentions in text order; read by the events component and by
`doc_to_extraction`."""

from __future__ import annotations

from spacy.tokens import Doc

from vntrade.nlp.extensions import ACTOR_SPANS, COMMODITY_SPANS, span_rows
from vntrade.nlp.per_doc import doc_text
from vntrade.records import Actor, Commodity, Mention


def doc_actors(doc: Doc, spans_key: str = ACTOR_SPANS) -> list[Actor]:
    """Each actor of `doc.spans[spans_key]` with its role, the other names it goes by and
    its mentions."""
    roles = doc._.vntrade_actor_roles or {}
    actors: dict[str, Actor] = {}
    text = doc_text(doc)  # a span's text is its slice of the doc's (no Token per word)
    for _, _, label, name, start, end in sorted(span_rows(doc, spans_key), key=_start_char):
        actor = actors.setdefault(name, Actor(name=name, type=label, role=roles.get(name)))
        words = text[start:end]
        actor.mentions.append(Mention(words, start, end))
        if words != actor.name and words not in actor.aliases:
            actor.aliases.append(words)
    return list(actors.values())


def doc_commodities(doc: Doc, spans_key: str = COMMODITY_SPANS) -> list[Commodity]:
    """Each good of `doc.spans[spans_key]` with its category and mentions."""
    found: dict[str, Commodity] = {}
    text = doc_text(doc)
    for _, _, label, name, start, end in sorted(span_rows(doc, spans_key), key=_start_char):
        commodity = found.setdefault(name, Commodity(name=name, category=label))
        commodity.mentions.append(Mention(text[start:end], start, end))
    return list(found.values())


def _start_char(row: tuple) -> int:
    return row[4]
