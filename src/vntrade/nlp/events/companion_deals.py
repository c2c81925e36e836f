"""A deal told with no date of its own beside a dated call: "Indonesia and the United States
have agreed on a 19 percent tariff, following a phone conversation between Prabowo and
Trump on Tuesday", "Vietnam and the US agreed to start negotiations after Dien and Greer
held online talks on April 24".

The date dates the call in the phrase of time; the deal of the main clause, which has no
date of its own, was reached that day too and is an event of its own: an agreement of the
main clause's doers, told by the main clause without the phrase of time.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.events.groups import named_in
from vntrade.nlp.events.trim import finish

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vntrade.nlp.events.participants import Parse
    from vntrade.records import Event

_AFTER = ("after", "following", "during")
# A wire's dateline the deal's clause may start with: "Jakarta (ANTARA) - ".
_DATELINE = re.compile(r"^[^()]{0,40}\([A-Za-z .]{2,30}\)\s*[-–—]+\s*")
_REACH = 8  # how far above the date its phrase of time may begin
_CLIMB = 8  # how far above the phrase of time the deal's verb may be
_BESIDE_KINDS = ("call", "meeting")  # a call or a summit the deal was reached after or at
_SAYING = ("say", "tell", "announce")  # "X said after meeting Y on Tuesday that ... struck a deal"
_AGREEING = ("agree",)  # agreeing itself: "have agreed on a 19% tariff"
_DEALING = ("reach", "strike", "seal", "sign", "conclude", "finalize", "finalise")


def deal_beside_call(
    parse: Parse, main: Event, date: dict[str, Any], dates: list[tuple[int, int]]
) -> list[Event]:
    """The agreement whose main clause the call or meeting `main` (dated by `date`) is told
    beside, with no date of its own among `dates` (the sentence's other dates); none when
    there is none."""
    if main.kind not in _BESIDE_KINDS:
        return []
    span = parse.doc.char_span(date["start"], date["end"], alignment_mode="expand")
    if span is None or not len(span):
        return []
    found = _deal_above(span.root)
    if found is None:
        return []
    deal, phrase = found
    inside = range(phrase.left_edge.i, phrase.right_edge.i + 1)  # "on Tuesday (July 15)"
    own = [t.idx for t in deal.subtree if t.i not in inside]
    if any(start <= at < end for at in own for start, end in dates):
        return []  # the deal has a date of its own
    actors = list(dict.fromkeys([*_doers(parse, deal), *_with_whom(parse, deal)]))
    told = _told_without(deal, phrase)
    if not actors or not told:
        return []
    summary = finish(_DATELINE.sub("", told))
    return [replace(main, kind="agreement", trigger=deal.text, actors=actors, summary=summary)]


def _deal_above(token: Token) -> tuple[Token, Token] | None:
    """The verb of agreeing a date's phrase of time ("following ...", "after ...", "during
    ...") hangs on, and that phrase's head. The phrase may hang on a relative clause of the
    deal ("reached an agreement that lowers ..., following a call") or on the saying that
    reports it ("Trump said after meeting Akazawa on Tuesday that they had struck a deal")."""
    for ancestor in list(token.ancestors)[:_REACH]:
        after = ancestor.lower_ in _AFTER and ancestor.dep_ in ("prep", "advcl")
        if after or (
            ancestor.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _AFTER for c in ancestor.children)
        ):
            deal = _agreeing_near(ancestor.head)
            return (deal, ancestor) if deal is not None else None
    return None


def _agreeing_near(head: Token) -> Token | None:
    """The verb of agreeing that is `head` or governs it (through a relative clause of its
    deal, "down from the rate announced earlier"), or is what `head`, a verb of saying,
    reports."""
    for above in [head, *head.ancestors][:_CLIMB]:
        if _agrees(above):  # "reached an agreement that lowers the tariff, following ..."
            return above
    if parts.lemma(head) in _SAYING:
        return next((c for c in head.children if c.dep_ == "ccomp" and _agrees(c)), None)
    return None


def _told_without(deal: Token, phrase: Token) -> str:
    """The deal's clause without the phrase of time: its words before the phrase, or after
    it when the phrase comes first ("After the call on Tuesday, the two sides agreed ...")."""
    first, last = phrase.left_edge.i, phrase.right_edge.i
    words = [t for t in deal.subtree if not first <= t.i <= last]
    words = (
        [t for t in words if t.i > last] if first < deal.i else [t for t in words if t.i < first]
    )
    if not words:
        return ""
    return deal.doc[words[0].i : words[-1].i + 1].text.strip(" ,;—-.")


def _agrees(verb: Token) -> bool:
    """A verb of agreeing, or of reaching or signing a deal ("reached a trade deal")."""
    if verb.pos_ not in parts.PREDICATE:
        return False
    lemma = parts.lemma(verb)
    if lemma in _AGREEING:
        return True
    objects = parts.objects(verb)
    named = [*objects, *(p for o in objects for p in parts.of_objects(o))]  # "details of the deal"
    return lemma in _DEALING and any(noun_kind(o) == "agreement" for o in named)


def _doers(parse: Parse, verb: Token) -> list[str]:
    """Who reached the deal: every name in the verb's subject ("Indonesia and the United
    States"), else its agent as the parse gives it."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = (t for subject in subjects for t in subject.subtree)
    return named_in(parse.names.named, words) or parse.agents_of(verb)


def _with_whom(parse: Parse, verb: Token) -> list[str]:
    """The names of a verb's "with" phrase ("reached a deal with Washington")."""
    return [n for c in verb.children if c.lower_ == "with" for n in parse.names.by(c)]
