"""Who a tariff hits, told by the clause around it rather than its own phrase.

"Vietnamese exporters began paying a 20% tariff", "Malaysia faces a 24% tariff", "Vietnam's
20% rate took effect", "most EU exports have faced the 15% rate": the country that pays,
faces or is subject to the tariff, or owns the rate as the one it is levied on, is its
target. A target is never the measure's owner, whoever the sentence names first; a country
"hit with a tariff by" another names its owner after "by".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import country_of, country_of_capital
from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.events.measure_cues import BEARING
from vntrade.nlp.events.owner_names import SEATS_OF_STATE, US

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vntrade.nlp.events.participants import Parse


def sentence_bearers(parse: Parse, sentence: Span, measure_words: frozenset[str]) -> set[str]:
    """The countries bearing any of the tariffs a sentence names (`measure_words`)."""
    measures = [t for t in sentence if t.lower_ in measure_words and t.pos_ == "NOUN"]
    return {country for measure in measures for country in facing_countries(parse, measure)}


def facing_countries(parse: Parse, measure: Token) -> set[str]:
    """Countries a tariff noun's clause names as bearing it: the subject of a verb of
    paying or facing with the tariff as object ("Malaysia faces a 24% tariff"), of "be
    subject to" it, and the owner of a rate in the possessive ("Vietnam's 20% rate")."""
    bearers: list[Token] = [c for c in measure.children if c.dep_ == "poss"]
    for child in measure.children:  # "the country-specific rates, including Vietnam's"
        if child.dep_ == "prep" and child.lower_ == "including":
            bearers += [p for p in child.children if p.dep_ == "pobj"]
    verb = _bearing_verb(measure)
    while verb is not None:
        bearers += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "exporters began paying a 20% tariff": the subject of the verb it completes
        verb = verb.head if verb.dep_ == "xcomp" and not bearers else None
    return {country for bearer in bearers for country in _countries_in(parse, bearer)}


def _bearing_verb(measure: Token) -> Token | None:
    """The verb of paying or facing the tariff is object of, or the "be" of "be subject
    to" it."""
    head = measure.head
    if measure.dep_ == "dobj" and head.lower_ in BEARING:
        return head
    if measure.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "subject":
        return head.head.head  # "Vietnamese goods would be subject to a 40% tariff"
    return None


def phrase_targets(parse: Parse, measure: Token) -> set[str]:
    """Countries a tariff noun's own phrase names as what it hits: "46% on Vietnam", "the
    rate on Thai goods", "duties on imports from Cambodia"."""
    found: set[str] = set()
    for token in measure.subtree:
        if token.dep_ == "prep" and token.lower_ in _HITS and token.head.i >= measure.i:
            for target in (c for c in token.children if c.dep_ == "pobj"):
                found |= _countries_in(parse, target, _shipped_from)
    return found


def _shipped_from(prep: Token) -> bool:
    """Whether a preposition inside a target names where its goods come from ("imports
    from Cambodia"), not who levies the tariff ("its chips from the United States")."""
    return prep.lower_ != "from" or normal_form(prep.head.text) in _GOODS  # no spaCy lemmas


_GOODS = frozenset({"import", "good", "export", "product", "shipment", "item", "commodity"})


def names_us(parse: Parse) -> bool:
    """Whether the article names the United States anywhere, also as "Washington" or the
    White House."""
    if any(span.kb_id_ in _US_NAMES for span in parse.names.named.values()):
        return True
    doc = parse.doc
    return any(
        t.text == "Washington" and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "Post")
        for t in doc
    )


_US_NAMES = frozenset({US, *SEATS_OF_STATE})  # the country and who stands for it
_HITS = frozenset({"on", "against"})  # "a 46% tariff on Vietnam"
_DESTINATIONS = frozenset({"to", "into"})  # "Thai exports to the United States"


def _countries_in(
    parse: Parse, bearer: Token, keeps: Callable[[Token], bool] = lambda _prep: True
) -> set[str]:
    """The countries a bearer phrase names: a country or capital, or the nationality of
    its goods or exporters ("Vietnamese exporters", "most EU exports"); not where they go
    ("Thai exports to the United States"), nor behind a preposition `keeps` refuses."""
    found = set()
    for token in bearer.subtree:
        preps = [a for a in _up_to(token, bearer) if a.dep_ == "prep"]
        if any(a.lower_ in _DESTINATIONS or not keeps(a) for a in preps):
            continue
        span = parse.names.named.get(token.i)
        if span is not None and span.label_ in ("GPE", "NORP"):
            found.add(span.kb_id_)
        country = country_of(token.text) or country_of_capital(token.text)
        if country:
            found.add(country)
    return found


def _up_to(token: Token, top: Token) -> list[Token]:
    """The words from `token` up to `top` (not included) in the parse."""
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def hit_by(parse: Parse, verb: Token) -> list[str] | None:
    """Who hit a country with a tariff, when `verb` is "hit" in the passive ("was hit with
    a 46% tariff by the United States", the "by" maybe hung on the tariff); None otherwise."""
    if verb.lower_ != "hit" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return [n for t in verb.subtree if t.lower_ == "by" for n in parse.names.by(t)]
