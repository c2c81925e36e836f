"""The actor and commodity records a processed `Doc`'s spans name: one actor or good per
canonical name, with its mentions in text order; read by the events component and by
`doc_to_extraction`."""

from __future__ import annotations

from spacy.tokens import Doc

from vntrade.nlp.extensions import ACTOR_SPANS, COMMODITY_SPANS
from vntrade.nlp.per_doc import doc_text
from vntrade.records import Actor, Commodity, Mention


def doc_actors(doc: Doc, spans_key: str = ACTOR_SPANS) -> list[Actor]:
    """Each actor of `doc.spans[spans_key]` with its role, the other names it goes by and
    its mentions."""
    roles = doc._.vntrade_actor_roles or {}
    actors: dict[str, Actor] = {}
    text = doc_text(doc)  # a span's text is its slice of the doc's (no Token per word)
    for span in sorted(doc.spans.get(spans_key, []), key=lambda s: s.start_char):
        actor = actors.setdefault(
            span.kb_id_, Actor(name=span.kb_id_, type=span.label_, role=roles.get(span.kb_id_))
        )
        words = text[span.start_char : span.end_char]
        actor.mentions.append(Mention(words, span.start_char, span.end_char))
        if words != actor.name and words not in actor.aliases:
            actor.aliases.append(words)
    return list(actors.values())


def doc_commodities(doc: Doc, spans_key: str = COMMODITY_SPANS) -> list[Commodity]:
    """Each good of `doc.spans[spans_key]` with its category and mentions."""
    found: dict[str, Commodity] = {}
    text = doc_text(doc)
    for span in sorted(doc.spans.get(spans_key, []), key=lambda s: s.start_char):
        commodity = found.setdefault(span.kb_id_, Commodity(name=span.kb_id_, category=span.label_))
        mention = Mention(text[span.start_char : span.end_char], span.start_char, span.end_char)
        commodity.mentions.append(mention)
    return list(found.values())
