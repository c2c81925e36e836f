"""Who a measure's own phrase names as its owner, and who stands for whom: a word of the
phrase under "on", "from", "to" ... names a target ("a tariff on Vietnamese goods"), any
other country or body its owner; a person stands for their country, the White House for
the United States."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import country_of_capital
from vntrade.nlp.events.groups import person_country

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vntrade.nlp.events.participants import Parse

TARGET_WORDS = ("on", "against", "from", "to", "for", "into")  # "a tariff on Vietnamese goods"
US = "United States"
SEATS_OF_STATE = {"White House": US, "Trump administration": US}


def nearest(
    parse: Parse, date: tuple[int, int], words: frozenset[str], pos: str | None = None
) -> tuple[Token, Token] | None:
    """The word of `words` (of part of speech `pos`) nearest the date in its sentence, and
    the date's first word."""
    span = parse.doc.char_span(*date, alignment_mode="expand")
    if span is None or not len(span):
        return None
    found = [t for t in span[0].sent if t.lower_ in words and pos in (None, t.pos_)]
    if not found:
        return None
    return min(found, key=lambda t: abs(t.i - span.start)), span[0]


def targets_of(parse: Parse, phrase: Span) -> set[str]:
    """Countries the measure's phrase names as what it hits ("on Vietnamese goods")."""
    spans = [parse.names.named.get(t.i) for t in phrase if under_target(t, phrase)]
    return {span.kb_id_ for span in spans if span is not None and span.label_ == "GPE"}


def written_owner(parse: Parse, phrase: Span, targets: set[str]) -> str | None:
    """A country or body the measure's phrase names, not as its target."""
    for token in phrase:
        span = parse.names.named.get(token.i)
        if under_target(token, phrase):
            continue
        if span is None:  # "Washington's higher rates": the capital acts for its country
            capital = country_of_capital(token.text) if token.dep_ == "poss" else None
            if capital and capital not in targets:
                return capital
            continue
        owner = owner_name(parse, span.kb_id_, span.label_)
        if owner and owner not in targets:
            return owner
    return None


def under_target(token: Token, phrase: Span) -> bool:
    """Whether a word of the phrase sits in a target phrase ("on imports from Vietnam")."""
    for ancestor in token.ancestors:
        if ancestor.i < phrase.start or ancestor.i >= phrase.end:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in TARGET_WORDS:
            return True
    return False


def owner_name(parse: Parse, name: str, label: str | None = None) -> str | None:
    """A person stands for their country; a body or country for itself."""
    if name in SEATS_OF_STATE:
        return SEATS_OF_STATE[name]  # "the White House said the rates ..."
    label = label or _label(parse, name)
    if label == "PERSON":
        roles = parse.doc._.vntrade_actor_roles or {}
        return person_country(name, roles.get(name))
    return name or None


_LEADERS = re.compile(r"^(?:\S+ )?(?:President|Prime Minister)$")


def leader_country(parse: Parse, name: str) -> str | None:
    """The country a head of state or government leads ("US President"), else None."""
    role = (parse.doc._.vntrade_actor_roles or {}).get(name) or ""
    return person_country(name, role) if _LEADERS.match(role) else None


def _label(parse: Parse, name: str) -> str | None:
    return next((s.label_ for s in parse.names.named.values() if s.kb_id_ == name), None)
