"""What a clause around an ordering verb says about it: an intention rather than an order
given, a request about the speaker, an organisation no actor names, a capital standing for
its country."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vntrade.nlp.actors.refs import ORGANISATION_NOUNS
from vntrade.nlp.directives import frames

# An order verb with a modal (`he would urge`, `will ask`) or under one of these (`plans
# to ask`, `pledged to urge`) is an intention reported, not an order given.
INTENTION_HEADS = frozenset(
    {"plan", "plans", "planned", "intend", "intends", "intended", "hope", "hopes", "hoped"}
    | {"want", "wants", "wanted", "expect", "expects", "expected", "pledge", "pledges"}
    | {"pledged", "promise", "promises", "promised", "vow", "vows", "vowed", "aim", "aims"}
    | {"aimed", "seek", "seeks", "sought", "wish", "wishes", "wished", "going", "likely"}
    | {"set", "try", "tries", "tried"}
)
# `Hanoi urged Washington to ...`: a capital giving an order stands for its country.
CAPITALS = {"hanoi": "Vietnam", "washington": "United States", "beijing": "China"}


def intended(verb: Token) -> bool:
    """`said he would urge ...`, `plans to ask ...`, `will continue to urge ...`: an order
    spoken of, not given."""
    if _has_modal(verb):
        return True
    under = frames.has_to(verb) and verb.dep_ in ("xcomp", "ccomp", "advcl")
    return under and (verb.head.lower_ in INTENTION_HEADS or _has_modal(verb.head))


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in verb.children)


def about_oneself(doc: Doc, frame: frames.Frame) -> bool:
    """`asked not to be named`, `asked to be kept informed`: a request about the speaker,
    with no one to carry it out."""
    start, end = frame.action
    if start >= end or frame.passive:
        return False
    root = doc[start:end].root
    return any(c.dep_ == "auxpass" for c in root.children)


def organisation_phrase(subject: Token) -> str | None:
    """An association or firm no actor names, as written without its article: `The seafood
    association called on ...` → `seafood association`."""
    if subject.lower_ not in ORGANISATION_NOUNS or subject.tag_ != "NN":
        return None
    words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ not in ("det", "poss")]
    if len(words) < 2 or any(t.dep_ not in ("compound", "amod") for t in words[:-1]):
        return None
    return " ".join(t.text for t in words)
