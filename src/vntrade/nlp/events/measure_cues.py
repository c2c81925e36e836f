"""Cues that a tariff measure moves or stands ("the tariff on cabinets will rise to 50%",
"the 19% rate has been in place since August 7") or only had been due ("a 25% tariff had
been set to take effect on August 1": a deadline that passed without it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.events import arguments as parts

if TYPE_CHECKING:
    from spacy.tokens import Token


# Verbs whose subject bears a tariff: "exporters pay a 20% tariff", "Malaysia faces".
BEARING = frozenset(
    {"face", "faces", "faced", "facing", "pay", "pays", "paid", "paying", "incur", "incurs"}
    | {"incurred", "incurring", "bear", "bears", "bore", "borne", "bearing"}
)
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


# Verbs that make a tariff known before it applies ("announced a 46% tariff", "the 36% Trump
# threatened", "the tariff schedule was unveiled by Trump"): the measure, not a plan.
_MAKING_KNOWN = frozenset({"announce", "unveil"})
_THREATENING = frozenset({"threaten", "threatens", "threatened", "threatening"})
_PERCENT = frozenset({"percent", "%", "pct"})


def makes_levy_known(verb: Token) -> bool:
    """Whether an announcing verb's object, the noun it modifies or its passive subject is a
    tariff, a tariff's schedule or a percentage said of one ("the 24 percent he announced")."""
    known = parts.lemma(verb) in _MAKING_KNOWN or verb.lower_ in _THREATENING
    if verb.pos_ not in parts.PREDICATE or not known:
        return False
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    named = [*parts.objects(verb), *parts.modified(verb), *passive]
    # a percentage is a rate in a sentence on tariffs, rates or what is paid ("pays 15%")
    levies = any(t.lower_ in _LEVIES | _RATES | BEARING for t in verb.sent)
    if any(_levy(n) or _of_levies(n) or (levies and _percentage(n)) for n in named):
        return True
    if tells_levy_faced(verb):
        return True
    return not named and levies and _levy_before_subject(verb)


def _levy_before_subject(verb: Token) -> bool:
    """Whether a relative clause without "that" follows a tariff the parser did not hang it
    on ("the 36% Mr Trump threatened", "the 20 percent tariff Trump announced")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        before = verb.doc[subject.left_edge.i - 1] if subject.left_edge.i else None
        within = verb.doc[subject.left_edge.i : subject.i]
        if any(t.lower_ in _LEVIES or _percentage(t) for t in within):
            return True
        if before is not None and (before.lower_ in _LEVIES or _percentage(before)):
            return True
    return False


def tells_levy_faced(word: Token) -> bool:
    """Whether a clause `word` governs says goods will face a tariff ("announced that ...",
    "a letter informing him that Malaysian goods would face a 25% tariff")."""
    return any(c.dep_ == "ccomp" and faces_levy(c) for c in word.children)


def faces_levy(verb: Token) -> bool:
    """Whether a clause says goods will face or pay a tariff ("that Malaysian goods would
    face a 25% tariff")."""
    if any(c.lower_ == "under" for c in verb.children):
        return False  # "would be subject to a 20% tariff under a deal": the deal sets it
    if parts.lemma(verb) in ("be", "become"):  # "would be subject to a 40% tariff"
        subject = [
            c for c in verb.children if c.dep_ in ("acomp", "amod") and c.lower_ == "subject"
        ]
        return any(_levy(n) for s in subject for c in s.children for n in parts.pobjects(c))
    return parts.lemma(verb) in _FACING and any(_levy(n) for n in parts.objects(verb))


_FACING = frozenset({"face", "pay", "incur"})


def made_known_in(noun: Token) -> bool:
    """Whether a noun is the letter or statement in which a tariff was made known ("threatened
    a 30% tariff in a letter on July 12")."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "in" or preposition.head.i == preposition.i:
        return False
    return makes_levy_known(preposition.head)


def _of_levies(noun: Token) -> bool:
    """A schedule, list or rate named by its levy ("the tariff schedule", "tariff rates");
    not a deal or talks about them ("a tariff framework", "tariff talks")."""
    if noun.lower_ in _NOT_LEVIES:
        return False
    named = [c for c in noun.children if c.dep_ == "compound"] + parts.of_objects(noun)
    return any(n.lower_ in _LEVIES for n in named)  # "the schedule of duties"


# What a tariff may name without being one: deals, talks and their papers.
_NOT_LEVIES = frozenset(
    {"framework", "deal", "agreement", "pact", "talks", "negotiations", "truce", "war"}
    | {"letter", "letters", "policy", "plan", "threat", "threats", "dispute", "announcement"}
)


def _percentage(noun: Token) -> bool:
    """A percentage standing for a rate ("the 24 percent", "the 36%", "the 24 per cent"), or
    a rate or level named by one ("the 36% rate")."""
    if noun.lower_ in _RATES | {"level", "levels"}:
        return any(c.dep_ in ("compound", "amod") and _percentage(c) for c in noun.children)
    if noun.lower_ == "cent":
        return any(c.lower_ == "per" for c in noun.lefts)
    return noun.lower_ in _PERCENT and any(c.dep_ == "nummod" for c in noun.children)
