"""Whose a named gathering is: "the 47th ASEAN Summit", "the APEC Economic Leaders'
Meeting", "the Communist Party's 14th National Congress" are held by the organisation they
are named after, whoever the sentence says attends, arrives or co-hosts.

When a meeting event is the gathering itself (the date hangs on its name or on a verb
the gathering is the subject of), that organisation comes first; who attends or hosts it
on a day ("X attended the APEC meeting on May 2") and "a meeting between X and Y on the
sidelines of the ASEAN Summit" stay theirs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vntrade.nlp.events.participants import Parse

# Summits and congresses; other gatherings only by a proper name ("Leaders' Meeting"), not
# "a meeting of the Standing Board" someone chairs.
_GATHERINGS = frozenset({"summit", "summits", "congress"})
_NAMED_GATHERINGS = frozenset({"meeting", "meetings", "conference", "week", "forum"})


def host_first(parse: Parse, actors: list[str], kind: str, date: tuple[int, int]) -> list[str]:
    """`actors` with the organisation a dated gathering is named after first (`kind`
    "meeting"); unchanged when the date is not the gathering's or its name holds none."""
    if kind != "meeting":
        return actors
    span = parse.doc.char_span(*date, alignment_mode="expand")
    if span is None or not len(span):
        return actors
    gathering = _dated_gathering(span.root)
    host = _named_after(parse, gathering) if gathering is not None else None
    return list(dict.fromkeys([host, *actors])) if host else actors


def _dated_gathering(word: Token) -> Token | None:
    """The gathering noun a date belongs to: an ancestor of the date reached through
    prepositions, or the subject of the verb the date is on ("the summit opens on
    Monday", "summits, which are held from October 26 to 28"); not a gathering someone
    attends or hosts on the day (who attends is the event's doer)."""
    for ancestor in word.ancestors:
        if _gathering(ancestor):
            return _first_named(ancestor)
        if ancestor.pos_ in ("VERB", "AUX"):
            about = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
            if ancestor.dep_ == "relcl":
                about.append(ancestor.head)
            about = [c for c in about if _gathering(c)]
            return _first_named(about[0]) if about else None
    return None


def _gathering(word: Token) -> bool:
    """Whether a word names a summit or congress, or a gathering by its proper name."""
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    return word.lower_ in _GATHERINGS or (word.lower_ in _NAMED_GATHERINGS and word.is_title)


def _first_named(gathering: Token) -> Token | None:
    """The gathering whose name a conjunct shares ("the ASEAN Summit and related summits"),
    or None for one met on the sidelines of another or between named sides."""
    while gathering.dep_ == "conj" and _gathering(gathering.head):
        gathering = gathering.head
    around = [gathering, *gathering.ancestors]
    if any(_between_people(t) or t.lower_ == "sidelines" for t in around):
        return None  # "a meeting between X and Y on the sidelines of the ASEAN Summit"
    return gathering


def _between_people(gathering: Token) -> bool:
    """Whether a meeting is between named sides ("a meeting between X and Y")."""
    return any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in gathering.children)


def _named_after(parse: Parse, gathering: Token) -> str | None:
    """The organisation in a gathering's name: its compounds ("ASEAN Summit"), possessor
    ("the Party's Congress") or "of" phrase ("Congress of the Communist Party")."""
    named = parse.names.named
    words = [t for t in gathering.lefts if t.dep_ in ("compound", "poss", "nmod", "amod")]
    words += [
        t
        for c in gathering.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        for t in (p, *p.lefts)
    ]
    for word in words:
        for token in word.subtree:
            span = named.get(token.i)
            own = span is not None and span.start <= gathering.i < span.end
            if span is not None and span.label_ == "ORG" and not own:
                return span.kb_id_  # not the gathering's own name ("US Business Forum")
    return None
