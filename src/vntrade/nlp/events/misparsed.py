"""Words the parser hangs in the wrong place, read where they belong: a date hung on the
clause's doer ("The People's Committee on April 14 issued ..."), a subject read as a verb
("Steeper US tariffs ... took effect": "Steeper" with "tariffs" as its object)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def body_subject(noun: Token) -> bool:
    """Whether a noun is the subject and names an organisation ("The People's Committee on
    April 14 issued ..."): the parser hung the date on the doer, not on a happening."""
    from vntrade.nlp.extensions import ACTOR_SPANS  # spaCy: a parse only

    bodies = noun.doc.spans.get(ACTOR_SPANS, [])
    return noun.dep_ in ("nsubj", "nsubjpass") and any(
        s.label_ == "ORG" and s.start <= noun.i < s.end for s in bodies
    )


def misread_subject(nouns: list[Token]) -> list[Token]:
    """The nouns of a subject the parser read as a verb ("Steeper US tariffs ... took
    effect": "Steeper" with "tariffs" as its object)."""
    return [
        t for n in nouns if n.pos_ not in ("NOUN", "PROPN") for t in n.subtree if t.pos_ == "NOUN"
    ]
