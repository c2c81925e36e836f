"""The verb whose object a purpose infinitive follows: in "signed deals worth $2 billion to
buy corn on Tuesday" the buying is the deals' purpose and the signing what happened, so a
date there dates the signing (`dates.syntax`) and its kind is the signing's (`events`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def verb_of_purposed_object(verb: Token) -> Token | None:
    """For a `to`-infinitive after a verb's object ("signed agreements to buy soybeans",
    "signed deals worth $2 billion to buy corn"), the verb that has that object; None for an
    infinitive that is a verb's own object ("agreed to meet") or for no infinitive."""
    if verb.dep_ not in ("acl", "relcl", "xcomp") or not any(
        child.tag_ == "TO" and child.dep_ in ("aux", "auxpass") for child in verb.children
    ):
        return None
    token, objects = verb.head, 0
    for _ in range(8):  # up through the object's words to the verb that has it
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("pobj", "dobj"):
            return token if objects else None
        objects += token.dep_ in ("dobj", "pobj")
        if token.head.i == token.i:
            return None
        token = token.head
    return None
