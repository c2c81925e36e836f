"""Numbered documents in the parse: the decree or circular whose words the parser breaks
apart ("issued Circular 40/2025/TT-BCT amending ..."), and whether the article tells a
document as one that sets tariffs, so that its taking effect is a tariff measure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events.event_nouns import noun_kind, sets_tariff_objects, tariff_content
from vntrade.nlp.events.kind_words import SETTING, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token


def issues_coded_document(verb: Token) -> bool:
    """Whether a numbered document follows the verb, however the parser hung it ("issued
    Circular 36/2025/TT-BTC amending procedures": "Circular" under "amending")."""
    after = verb.doc[verb.i + 1 : verb.i + 8]
    named = any(noun_kind(t) == "decision" for t in after[:4])
    return named and any(_CODED.match(t.text) for t in after)


def issued_document(participle: Token) -> bool:
    """Whether a participle tells a numbered document's issuing ("Decree No. 245/2025/ND-CP,
    issued on September 11", "Official Dispatch No. 3215/BCT-XNK issued by the ministry"),
    however the parser broke the document's name."""
    if participle.dep_ != "acl" or verb_lemma(participle.text) not in _ISSUING:
        return False
    head = participle.head
    named = participle.doc[max(head.sent.start, head.i - 8) : head.i + 1]
    if noun_kind(head) == "decision" and head.pos_ == "NOUN":
        return True  # "the decree issued on May 2"
    return any(noun_kind(t) == "decision" for t in named) and any(
        _CODED.match(t.text) for t in named
    )


def document_start(first: Token, last: Token) -> Token:
    """The first word of a numbered document's name whose number alone (`first`..`last`)
    the parser took for the phrase ("Decree No. | 245/2025/ND-CP"); `first` otherwise."""
    doc = first.doc
    if not any(_CODED.match(t.text) for t in doc[first.i : last.i + 1]):
        return first
    words = doc[max(first.sent.start, first.i - 4) : first.i]
    named = [t for t in words if noun_kind(t) == "decision" and t.text[:1].isupper()]
    if not named or any(t.text in (",", ";") for t in words if t.i > named[-1].i):
        return first
    start = named[-1].i
    while start > first.sent.start and doc[start - 1].is_title and doc[start - 1].pos_ != "DET":
        start -= 1  # "Official Dispatch No. ...", "Decree No. ..."
    return doc[start]


_ISSUING = frozenset({"issue", "sign", "promulgate", "adopt"})
_CODED = re.compile(r"^\d+(?:/\d{4})?/?[A-ZĐ-]*$|^\d+/\S+$")


def documents_within(objects: list[Token]) -> list[Token]:
    """The numbered document an object's words name when the parser broke the phrase
    ("issued Circular 40/2025/TT-BCT amending ...": "amending" as the object, "Circular"
    deep in its left words)."""
    return [t for o in objects for t in o.subtree if t.i < o.i and noun_kind(t) == "decision"]


def document_sets_tariffs(noun: Token) -> bool:
    """Whether a document ("an executive order", "a proclamation") sets tariffs: its own
    clause says so ("that adjusted rates", "exempting coffee from reciprocal tariffs"), or
    the clause it is the means of names a tariff ("under the order ..., goods face a 20%
    tariff", "the tariff took effect under an order ...")."""
    if noun_kind(noun) != "decision":
        return False
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if any(sets_tariff_objects(c) or _sets_by_objects(c) for c in clauses):
        return True
    means = noun.head
    if noun.dep_ != "pobj" or means.lower_ not in ("under", "by", "through", "via"):
        return False
    return any(noun_kind(t) == "tariff measure" for t in _core(means.head))


def _sets_by_objects(clause: Token) -> bool:
    """Whether a clause on a document acts on tariffs or rates ("that adjusted rates"), also
    when the parser broke it ("signed on November 14 exempting coffee ... from tariffs",
    "exempting" read as a noun)."""
    if any(
        noun_kind(c) == "tariff measure" for c in clause.children if c.dep_ in ("dobj", "nsubj")
    ):
        return True
    words = list(clause.subtree)
    setting = any(
        t.i > clause.i and t.lower_.endswith("ing") and verb_lemma(t.text) in SETTING for t in words
    )
    return setting and any(noun_kind(t) == "tariff measure" for t in words)


def _core(verb: Token) -> list[Token]:
    """The subject and object nouns of the clause a document is the means of ("the 20%
    tariff took effect under ...", "under ..., goods are subject to a 20% tariff"), not its
    other phrases ("launched under a directive ... amid concerns about tariffs")."""
    nouns = [*parts.subjects(verb), *parts.objects(verb)]
    complements = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    nouns += [
        p
        for c in complements
        for prep in c.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for p in parts.pobjects(prep)
    ]
    return nouns


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
