"""Noun phrases in the parse: their words, their proper names, and whether they introduce
someone new. Shared by the rules that name an event's participants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.actors.legal_forms import without_legal_form
from vntrade.nlp.actors.nationalities import country_of_capital, is_nonactor

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Token

PHRASE_END = ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos")
# Prepositions whose object can be who a noun phrase is ("analysts at HSBC", "officials of
# the ministry"); any other ("exports to the US", "tariffs on Vietnam") names no agent.
MEMBER_PREPOSITIONS = ("of", "at", "from", "in")
# Determiners of a description that refers back ("the delegation", "this survey").
DEFINITE = ("the", "this", "that", "these", "those")
# Determiners of someone new ("an official", "some analysts").
INDEFINITE = ("a", "an", "some", "several", "many", "few", "two", "three", "other", "one")
# The model's entity types a name the actors do not list may act under.
UNLISTED_TYPES = ("ORG", "PERSON")


def indefinite(noun: Token) -> bool:
    """Whether a noun phrase introduces someone new: "an official", "executives from
    several firms" (an indefinite determiner in the phrase, none definite on the noun)."""
    if noun.pos_ != "NOUN":
        return False
    own = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if any(d not in INDEFINITE for d in own):
        return False  # "the delegation", "its teams"
    return any(t.lower_ in INDEFINITE and t.dep_ in ("det", "amod") for t in phrase_tokens(noun))


_DOCUMENT_HEADS = frozenset(
    {"no", "no.", "number", "act", "law", "code", "regulation", "regulations", "rule", "rules"}
)
_EVENT_NAME_HEADS = frozenset(
    {"summit", "conference", "expo", "fair", "exhibition", "festival", "meeting", "meetings"}
    | {"dialogue", "week", "show", "congress"}
)


def unlisted_name(head: Token) -> str | None:
    """The name a proper-noun head writes when the model takes it for an organisation or a
    person the actors component does not list ("Ford", "Fiat"); not a listed non-actor."""
    if head.pos_ != "PROPN" or head.ent_type_ not in UNLISTED_TYPES:
        return None
    if head.lower_ in _DOCUMENT_HEADS:
        return None  # a document the model took for a name: "Notice No. 281", "Powers Act"
    if head.lower_ in _EVENT_NAME_HEADS:
        return None  # a happening: "the 47th ASEAN Summit", "the Investment Promotion Conference"
    name = without_legal_form(proper_name(head))
    if is_nonactor(name) or is_nonactor(f"The {name}") or country_of_capital(name):
        return None  # a place or a newspaper ("told Viet Nam News")
    return name


def proper_name(head: Token) -> str:
    """A proper noun with the proper nouns compounded before it ("Ha Noi")."""
    words = [head]
    for child in reversed(list(head.lefts)):
        if child.dep_ != "compound" or child.pos_ != "PROPN" or child.i != words[0].i - 1:
            break
        words.insert(0, child)
    return " ".join(t.text for t in words)


def singular(noun: str) -> str:
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


def coordinated(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found += coordinated(child)
    return found


def objects_of(preposition: Token) -> list[Token]:
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    return [member for child in objects for member in coordinated(child)]


def phrase_tokens(head: Token) -> list[Token]:
    """The head's phrase without what follows a comma, a relative clause or a conjunct."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in PHRASE_END and child.i > head.i:
            continue
        tokens += list(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # a head the parser made of punctuation ("Plan No. 4120/…": the ".") is its own phrase
    return [t for t in tokens if not t.is_punct or tokens[0].i < t.i < tokens[-1].i] or [head]


def member_tokens(head: Token) -> list[Token]:
    """The head's phrase without prepositional phrases that say what it is not
    ("exports to the US"), as `_phrase_tokens`."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in PHRASE_END and child.i > head.i:
            continue
        if child.dep_ == "prep" and child.lower_ not in MEMBER_PREPOSITIONS:
            continue
        tokens += list(child.subtree)
    tokens.sort(key=lambda t: t.i)
    return [t for t in tokens if not t.is_punct or tokens[0].i < t.i < tokens[-1].i] or [head]


def phrase_end(head: Token) -> int:
    last = phrase_tokens(head)[-1]
    return last.idx + len(last.text)
