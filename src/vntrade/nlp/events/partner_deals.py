"""Deals with several partners told in one sentence, one event per partner: "Trump signed
reciprocal trade agreements with Malaysia and Cambodia and announced frameworks with
Thailand and Vietnam" is four agreements of that day, as an analyst lists them, not one.

Each verb of agreeing in the sentence (signing, reaching, announcing, concluding, striking)
whose "with" phrase names two or more countries gives one agreement per country: its doer
is the sentence's main event's, its partner that country, its summary the verb and object
with that partner alone. The main event keeps the first partner named.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.events.groups import named_in

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vntrade.nlp.events.participants import Parse
    from vntrade.records import Event

_DEALING = frozenset({"sign", "reach", "announce", "conclude", "strike", "seal", "finalize"})
_DEALING |= {"finalise", "clinch", "ink", "unveil"}


def per_partner(parse: Parse, main: Event) -> list[Event]:
    """`main` and, when its sentence tells deals with several countries, one agreement per
    further country; `[main]` otherwise."""
    if main.kind != "agreement" or not main.actors:
        return [main]
    span = parse.doc.char_span(main.sentence_start, main.sentence_end, alignment_mode="expand")
    if span is None:
        return [main]
    doer = main.actors[0]
    deals = [
        (verb, countries)
        for verb in span
        if verb.pos_ == "VERB" and parts.lemma(verb) in _DEALING
        for countries in [_partners(parse, verb, doer)]
        if countries
    ]
    if sum(len(countries) for _verb, countries in deals) < 2:
        return [main]
    split = {country for _verb, countries in deals for country in countries}
    events: list[Event] = []
    for verb, countries in deals:
        for country in countries:
            summary = f"{doer} {_told(verb)} with {country}"
            events.append(replace(main, actors=[doer, country], summary=summary, lead=False))
    first = events[0]
    kept = [doer, first.actors[1], *(a for a in main.actors[1:] if a not in split)]
    events[0] = replace(main, actors=list(dict.fromkeys(kept)))
    return events


def _partners(parse: Parse, verb: Token, doer: str) -> list[str]:
    """The countries a dealing verb's "with" phrase names ("with Malaysia and Cambodia"),
    when its object is a deal; none for another kind of object."""
    objects = parts.objects(verb)
    if not any(noun_kind(o) == "agreement" for o in objects):
        return []
    heads = [verb, *objects]
    withs = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    countries = named_in(parse.names.named, (t for p in withs for t in p.subtree), "GPE")
    return [c for c in countries if c != doer]


def _told(verb: Token) -> str:
    """The verb and its deal object, without its "with" phrase: "signed reciprocal trade
    agreements"."""
    [deal, *_] = [o for o in parts.objects(verb) if noun_kind(o) == "agreement"]
    words = [t for t in deal.subtree if not _under_with(t, deal)]
    return f"{verb.text} {' '.join(t.text for t in words)}"


def _under_with(token: Token, deal: Token) -> bool:
    while token.i != deal.i:
        if token.dep_ == "prep" and token.lower_ == "with":
            return True
        token = token.head
    return False
