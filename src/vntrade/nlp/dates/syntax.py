"""What the parse tells about a temporal expression: its verb's tense, counts that are no years.

Only a handful of tokens per expression are looked at (the expression's first token and
the heads above it), so this costs little next to the parse itself.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from vntrade.nlp.dates.calendar import FUTURE, PAST, PRESENT
from vntrade.nlp.dates.guards import deadline_before, scheduled_before
from vntrade.nlp.dates.rule import Candidate
from vntrade.nlp.purpose import verb_of_purposed_object

_FUTURE_AUXILIARIES = frozenset(
    {"will", "'ll", "shall", "wo", "would", "could", "should", "must", "may", "might", "going"}
)
# A past saying right before the expression dates it, whatever the parser hangs it on.
_SAID_BEFORE = re.compile(r"\b(?:said|told\s+(?:\w+\s+){1,3}?|announced|confirmed)\s+(?:on\s+)?$")
_TIME_NOUNS = frozenset({"year", "years", "month", "months", "day", "days", "week", "weeks"})
# Words before a number that make it a year even before a plural noun: "the 2025 targets".
_YEAR_DETERMINERS = frozenset({"DT", "PRP$", "POS", "IN", "NNP"})


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character offset `char`."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def is_count(doc: Doc, candidate: Candidate) -> bool:
    """A four-digit number counting things (`nearly 2000 workers`) is not a year."""
    if candidate.rule.name != "year" or candidate.match.group("mod") or candidate.match.group("fy"):
        return False
    token = token_at(doc, candidate.match.start("year"))
    if token is None or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if after.tag_ != "NNS" or after.lower_ in _TIME_NOUNS:
        return False
    return token.i == 0 or doc[token.i - 1].tag_ not in _YEAR_DETERMINERS


def is_attribute(doc: Doc, candidate: Candidate) -> bool:
    """A rate adverb used as an adjective (`a quarterly dividend`) is no SET."""
    if candidate.rule.name != "rate_adverb":
        return False
    token = token_at(doc, candidate.start)
    return (
        token is not None and token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i
    )


def tense(doc: Doc, candidate: Candidate, start: int) -> str | None:
    """past, present, future or None: the tense of the verb governing the expression.

    `start` is where the expression begins (a clock time before it included). After `by`,
    `until` or `no later than` a date lies ahead unless the clause is in the simple past
    ("postponed until Saturday", "to finish by April 30").
    """
    if _SAID_BEFORE.search(candidate.match.string, max(0, start - 40), start):
        return PAST  # "Trump said on Saturday he would raise tariffs": the saying's day
    token = token_at(doc, candidate.start)
    verb = governing_verb(token)
    if verb is None:
        return PRESENT if token is not None and _verbless_present(token.sent.root) else None
    auxiliaries = _auxiliaries(verb)  # read once for the tests below
    if _fronted_participle_of_past(verb, auxiliaries):
        return PAST  # "Speaking at a briefing on Thursday, X said ...": the parser's root
    found = verb_tense(verb, auxiliaries)
    if found == PAST and _hypothetical(verb):
        return None  # "if the tariff stayed in place beyond the second quarter": not past
    if found == PRESENT and scheduled_before(candidate.match.string, start):
        return FUTURE  # "the vote is scheduled for 10 a.m. Monday"
    if _purpose_infinitive(verb, auxiliaries) and _narrated(verb.head):
        found = PAST  # "held on to beat Canada on Sunday": what the past clause achieved
    elif (candidate.rule.name == "weekday" or _at_a_venue(token)) and _noun_infinitive(verb):
        found = PAST  # "signed deals to buy soybeans on Wednesday": the week's signing
    if found != FUTURE and deadline_before(candidate.match.string, start):
        # A deadline set in the past ("the deadline of August 1 was set") need not be past.
        return None if _simple_past(verb, auxiliaries) else FUTURE
    return found


def governing_verb(token: Token | None) -> Token | None:
    """The verb above `token`. A bare participle clause ("Addressing a meeting on April
    29, Chinh noted") or a gerund after a preposition ("deliberated for four days before
    returning its verdict Friday") takes the verb of the clause it depends on."""
    for _ in range(10):
        if token is None:
            return None
        if token.pos_ in ("VERB", "AUX"):
            bare = token.tag_ in ("VBG", "VBN") and not _auxiliaries(token)
            if not (bare and _depends_on_clause(token)):
                return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _fronted_participle_of_past(verb: Token, auxiliaries: list[Token]) -> bool:
    """Whether `verb` opens its sentence as a bare participle ("Speaking at a press
    conference on Thursday, X said ...") that the parser took for the root, and a verb in
    the simple past follows it."""
    opening = verb.tag_ == "VBG" and verb.i == verb.sent.start and not auxiliaries
    if not opening:
        return False
    for token in verb.doc[verb.i + 1 : verb.i + 40]:  # the sentence may be split at a comma
        if token.text in (".", "!", "?"):
            return False
        if token.tag_ == "VBD":
            return True
    return False


def _depends_on_clause(participle: Token) -> bool:
    """An adverbial participle clause, or a gerund after a preposition of a clause."""
    head = participle.head
    if participle.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    return participle.dep_ in ("advcl", "pcomp") and head.pos_ in ("VERB", "AUX")


def _purpose_infinitive(verb: Token, auxiliaries: list[Token]) -> bool:
    """`to` + verb as an adverbial clause of another verb (`rallied to win`), not its
    object (`asked ministries to finalise plans`, `agreed to meet`)."""
    return (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and any(child.tag_ == "TO" for child in auxiliaries)
    )


def _hypothetical(verb: Token) -> bool:
    """A simple past under "if" or "unless" ("if the tariff stayed"): a condition, not a
    report of what happened."""
    return verb.tag_ == "VBD" and any(
        child.dep_ == "mark" and child.lower_ in ("if", "unless") for child in verb.children
    )


def _noun_infinitive(verb: Token) -> bool:
    """`to` + verb after the object of a simple past (`signed agreements to buy soybeans`):
    a weekday there dates the narrated verb rather than the one still to come."""
    governor = verb_of_purposed_object(verb)
    return governor is not None and _narrated(governor)


_VENUES = frozenset(
    {"meeting", "ceremony", "conference", "forum", "session", "summit", "event", "signing"}
)


def _at_a_venue(token: Token | None) -> bool:
    """Whether a date dates a gathering where something was done ("approved the plan to
    expand its fleet at the annual general meeting on June 26")."""
    if token is None or token.head.dep_ != "prep":
        return False
    venue = token.head.head
    return (
        venue.lower_ in _VENUES and venue.dep_ == "pobj" and venue.head.lower_ in ("at", "during")
    )


def _verbless_present(root: Token) -> bool:
    """A sentence whose root is a present-tense verb mistagged as an adjective or noun:
    it has a subject but no copula (`The Olympics open Friday evening`)."""
    children = list(root.children)
    return (
        root.pos_ in ("ADJ", "NOUN")
        and any(child.dep_ == "nsubj" for child in children)
        and not any(child.dep_ in ("cop", "aux", "auxpass") for child in children)
    )


def _narrated(verb: Token) -> bool:
    """A simple past (`took`, or `held` tagged as a participle without auxiliaries); not a
    present perfect (`has identified three firms to run the program through June`)."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not _auxiliaries(verb))


def _auxiliaries(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass")]


def _simple_past(verb: Token, auxiliaries: list[Token]) -> bool:
    return verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries)


def verb_tense(verb: Token, auxiliaries: list[Token] | None = None) -> str | None:
    """The tense of a verb from its tag and auxiliaries (`_auxiliaries(verb)`, when read
    already); infinitives count as future."""
    if auxiliaries is None:
        auxiliaries = _auxiliaries(verb)
    if any(child.lower_ in _FUTURE_AUXILIARIES for child in auxiliaries):
        return FUTURE
    if any(child.tag_ == "TO" for child in auxiliaries):
        return FUTURE  # "asked ministries to finalise plans by April 30"
    if _simple_past(verb, auxiliaries):
        return PAST
    if verb.tag_ == "VBN":  # present perfect is past; the present passive is present
        present_passive = any(
            child.lower_ in ("is", "are", "'s", "'re", "am") for child in auxiliaries
        )
        return PRESENT if present_passive else PAST
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return PRESENT
    if verb.tag_ == "VB" and not auxiliaries and any(c.dep_ == "nsubj" for c in verb.children):
        return PRESENT  # a base form with a subject is a mistagged present ("the Bulls open")
    return None
