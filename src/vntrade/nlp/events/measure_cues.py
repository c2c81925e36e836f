"""Cues that a tariff measure moves or stands ("the tariff on cabinets will rise to 50%",
"the 19% rate has been in place since August 7") or only had been due ("a 25% tariff had
been set to take effect on August 1": a deadline that passed without it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.events import arguments as parts

if TYPE_CHECKING:
    from spacy.tokens import Token


# A measure's rate moving or standing ("the tariff on cabinets will rise to 50%", "the 19%
# rate has been in place since August 7"): the measure, not a figure of trade.
_MOVES = frozenset(
    {"rise", "rises", "rose", "risen", "increase", "increases", "increased", "climb", "climbs"}
    | {"climbed", "jump", "jumps", "jumped", "double", "doubles", "doubled", "fall", "falls"}
    | {"fell", "fallen", "drop", "drops", "dropped", "be", "is", "are", "was", "were", "been"}
)
_LEVIES = frozenset({"tariff", "tariffs", "duty", "duties", "levy", "levies"})
_RATES = frozenset({"rate", "rates"})


def measure_moves(verb: Token) -> bool:
    """Whether a tariff, or a rate on goods, rises, falls or stands in place or in force."""
    if verb.lower_ not in _MOVES:
        return False
    if verb.lemma_ == "be" or verb.lower_ in ("is", "are", "was", "were", "been", "be"):
        standing = any(
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(p.lower_ in ("place", "force", "effect") for p in parts.pobjects(c))
            for c in verb.children
        )
        if not standing:
            return False
    return any(_levy(subject) for subject in parts.subjects(verb))


def _levy(noun: Token) -> bool:
    """A tariff, or a rate on goods or of duty ("the rate on sofas", "the duty rate")."""
    if noun.lower_ in _LEVIES:
        return True
    return noun.lower_ in _RATES and any(
        (c.dep_ == "prep" and c.lower_ in ("on", "for"))
        or (c.dep_ == "compound" and c.lower_ in _LEVIES)
        for c in noun.children
    )


def averted(verb: Token) -> bool:
    """Whether a measure only had been due to take effect ("the tariff had been set to take
    effect on August 1", "had been due to apply"): the day was a deadline, not a measure."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i == verb.i:
        return False
    if head.lower_ == "due" and head.head.i != head.i:
        head = head.head  # "had been due to": "due" is the complement of "been"
    if head.lower_ not in ("set", "scheduled", "slated", "due", "been"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
