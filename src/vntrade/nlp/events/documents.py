"""Numbered documents in the parse: the decree or circular whose words the parser breaks
apart ("issued Circular 40/2025/TT-BCT amending ..."), and whether the article tells a
document as one that sets tariffs, so that its taking effect is a tariff measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.events.event_nouns import noun_kind, sets_tariff_objects, tariff_content

if TYPE_CHECKING:
    from spacy.tokens import Token


def documents_within(objects: list[Token]) -> list[Token]:
    """The numbered document an object's words name when the parser broke the phrase
    ("issued Circular 40/2025/TT-BCT amending ...": "amending" as the object, "Circular"
    deep in its left words)."""
    return [t for o in objects for t in o.subtree if t.i < o.i and noun_kind(t) == "decision"]


def sets_tariffs_when_told(subjects: list[Token]) -> bool:
    """Whether the document a subject names ("The decree", "Decree 73/2025/ND-CP") is told
    earlier in the article as one that sets tariffs."""
    documents = [t for n in subjects for t in n.subtree if noun_kind(t) == "decision"]
    return bool(documents) and _told_as_tariffs(documents[0])


def _told_as_tariffs(noun: Token) -> bool:
    """Whether the same noun told earlier in the article sets tariffs ("a decree cutting
    import duties")."""
    from vntrade.nlp.events.naming import noun_positions

    doc = noun.doc
    earlier = noun_positions(doc).get(normal_form(noun.text), [])
    if any(tariff_content(doc[i]) for i in earlier if i <= noun.i):
        return True
    named = [t for t in doc[: noun.sent.start] if t.lower_ == noun.lower_]  # also as a name
    return any(map(_sets_tariffs_by, named))


def _sets_tariffs_by(document: Token) -> bool:
    """Whether a document's sentence sets tariffs through it ("cut import tariffs under
    Decree 73/2025/ND-CP", "issued Decree No. 205 amending import tax rates"): the
    parser hangs a numbered document's words apart, so its sentence is what tells."""
    return any(map(sets_tariff_objects, document.sent))
