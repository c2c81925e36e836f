"""The parts of a predicate's frame in the parse: its lemma, subjects, objects, the nouns
it modifies or governs by a preposition, and its phrasal form ("take effect")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.events.kind_words import HAPPENING_KINDS, lexicon, verb_lemma
from vntrade.nlp.events.phrases import singular

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREDICATE = ("VERB", "AUX")
# -ing forms that work as prepositions ("according to", "following the talks"), which a
# summary does not read as a participle clause.
PREPOSITION_INGS = ("according", "following", "including", "regarding", "concerning",
                    "considering", "excluding", "pending", "during", "notwithstanding")  # fmt: skip
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "attr", "dative", "oprd")
_RELATIVE = ("which", "that", "who", "whom")


def lemma(token: Token) -> str:
    if token.pos_ in PREDICATE:
        return verb_lemma(token.text)
    return normal_form(token.text)


def objects(verb: Token) -> list[Token]:
    """The verb's noun objects; "it" after a conjoined verb is the first verb's object
    ("announced the 46% rate and suspended it")."""
    found = [
        c
        for c in verb.children
        if c.dep_ in _OBJECTS
        and (c.pos_ in ("NOUN", "PROPN") or (c.dep_ == "dobj" and c.pos_ == "ADJ"))
    ]  # an adjective as object is a noun the tagger missed ("issued a circular")
    pronoun = any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children)
    if not found and pronoun and verb.dep_ == "conj" and verb.head.pos_ in PREDICATE:
        return objects(verb.head)
    return found


def subjects(verb: Token, *, relative: bool = True) -> list[Token]:
    """The verb's subjects; a relative pronoun stands for the noun it follows, and a verb
    modifying a noun ("the deal announced") has that noun as its subject."""
    found = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if relative and child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                found.append(verb.head)
            else:
                found.append(child)
    if not found and relative:
        found = modified(verb)
    if not found and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        head = verb.head
        if head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # "the tariff is due to take effect"
        return subjects(head, relative=relative)  # "is scheduled to take effect"
    return found


def modified(verb: Token) -> list[Token]:
    """The noun a participle or relative clause modifies ("agreements signed at a forum")."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return list(dict.fromkeys([place_holder(verb.head), verb.head]))
    # the parser hangs "..., held in Washington from May 19" on the clause's verb: it
    # describes the noun before its comma
    bare = not any(c.dep_ in _SUBJECTS or c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i >= 2 and bare:
        comma = verb.doc[verb.i - 1]
        before = verb.doc[verb.i - 2]
        if comma.text == "," and before.pos_ in ("NOUN", "PROPN"):
            return [before]
    return []


def place_holder(noun: Token) -> Token:
    """The noun a place phrase hangs on when the parser gave the place a relative clause
    that tells of that noun ("the second round of talks in Washington D.C., which took
    place from June 9 to 12": the round)."""
    in_place = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "at")
    if noun.ent_type_ in ("GPE", "LOC", "FAC") and in_place and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def preposed(verb: Token) -> list[Token]:
    """The objects of the verb's prepositions and of its passive "by"."""
    return [n for c in verb.children if c.dep_ in ("prep", "agent") for n in pobjects(c)]


def pobjects(preposition: Token) -> list[Token]:
    return [c for c in preposition.children if c.dep_ == "pobj"]


def of_objects(noun: Token) -> list[Token]:
    """What a noun's "of" phrases name ("a delegation of the council", "most of the tariffs")."""
    return [p for c in noun.children if c.lower_ == "of" for p in pobjects(c)]


def phrasal(verb: Token) -> str:
    """The verb with its "effect"/"into force" complement, as `frames._EFFECT` lists it."""
    base = lemma(verb)
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ == "effect":
            return f"{base} effect"
        if child.dep_ == "prep" and child.lower_ == "into":
            objects = [o.lower_ for o in pobjects(child)]
            if objects:
                return f"{base} into {objects[0]}"
    return base


def trigger_words(verb: Token, phrase: str) -> str:
    return verb.text if phrase == lemma(verb) else f"{verb.text} {phrase.split()[-1]}"


def only_dates(verb: Token, start: int, end: int) -> bool:
    """Whether a verb says nothing but the date ("starting August 7")."""
    return all(start <= t.idx < end for t in verb.subtree if t.i != verb.i and not t.is_punct)


def fronted_participle(verb: Token) -> bool:
    """Whether a past participle opens its sentence with no subject of its own ("Asked
    about the rate on Thursday, the spokeswoman said ..."): a date there belongs to the
    clause it leads into."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i < verb.head.i
        and verb.left_edge.is_sent_start
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
    )


def topic_gerund(verb: Token) -> bool:
    """Whether a gerund gives a topic ("a workshop on diversifying markets on May 20"): a
    date there is the workshop's, not the diversifying's; unless what the gerund is about
    is a happening itself ("a meeting on implementing the results of the phone talks on
    July 2": the talks')."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in ("on", "about", "for"):
        return False
    nouns = lexicon()[2]
    happenings = [
        t
        for t in verb.subtree
        if t.pos_ == "NOUN"
        and t.dep_ != "compound"
        and nouns.get(singular(t.lower_)) in HAPPENING_KINDS
    ]
    return not happenings and not any(c.dep_ in _SUBJECTS for c in verb.children)


def is_predicate(token: Token) -> bool:
    """Whether a word is a predicate: a verb, not "according" (to a source), which the
    parser may tag as one."""
    return token.pos_ in PREDICATE and token.lower_ != "according"


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a word in the parse, None when there is none."""
    return next((a for a in token.ancestors if a.pos_ in PREDICATE), None)


def in_subordinate_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the date at `start:end` (characters) belongs to a subordinate clause of its
    own ("... to cancel orders after the US announced a 46% tariff on April 2", "the tariff,
    which took effect on April 3"), not to an infinitive an order governs ("asked the
    ministry to report by May 5")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = governing_verb(span.root)
    if verb is None or verb.dep_ not in ("advcl", "relcl"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
