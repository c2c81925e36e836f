"""Who did what, from the parse: the predicate a date belongs to and its participants.

The agent is the predicate's subject (or its "by" phrase, or the possessor of the event
noun); partners are its object and its "with" and "between ... and" phrases. A participant
names the actor mention at its head word, else the pronoun or role phrase the actors
component resolved there ("he", "the PM"), else the people named in its phrase (a title such
as "Ambassador to the US" does not make a person "the US").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS

_PREDICATE = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "iobj", "attr", "dative")
_PARTNER_PREPOSITIONS = ("with", "between", "among")
_INHERITS_SUBJECT = ("conj", "xcomp", "advcl")
_EMBEDDED = ("relcl", "acl", "advcl")
_RELATIVE = ("which", "that", "who", "whom")
_PHRASE_END = ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos")


@dataclass
class Participants:
    """The parse's answer for one date: names in order and the subject phrase."""

    agents: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    subject: tuple[int, int] | None = None  # characters of the subject phrase, when written
    subject_text: str | None = None  # how a summary names the subject when it has to
    clause_end: int | None = None  # where a relative or adverbial predicate's words end

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([*self.agents, *self.partners]))


class Parse:
    """The parsed `Doc` with its actor mentions and resolved references, by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._named: dict[int, Span] = {}
        self._referred: dict[int, Span] = {}
        for spans, table in ((ACTOR_SPANS, self._named), (REFERENCE_SPANS, self._referred)):
            for span in doc.spans.get(spans, []):
                for token in span:
                    table.setdefault(token.i, span)

    def is_participle(self, position: int) -> bool:
        """Whether the word at character `position` is a verb's -ing form ("Addressing")."""
        token = self._token(position)
        return token is not None and token.tag_ == "VBG" and token.pos_ in _PREDICATE

    def participants(self, start: int, end: int) -> Participants | None:
        """The participants of the predicate the date at `start:end` belongs to."""
        token = self._token(start)
        if token is None:
            return None
        nominal: list[Token] = []
        while token.head.i != token.i and (
            token.pos_ not in _PREDICATE or _only_dates(token, start, end)
        ):
            if token.pos_ in ("NOUN", "PROPN"):
                nominal.append(token)
            token = token.head
        if token.pos_ not in _PREDICATE:
            return None
        found = Participants()
        subject, passive = self._subject(token)
        if token.dep_ in _EMBEDDED:
            last = token.right_edge
            found.clause_end = last.idx + len(last.text)
        if subject is not None:
            head = self._antecedent(subject)
            found.subject = (head.left_edge.idx, _phrase_end(head))
            found.subject_text = self._phrase(head)
            if not passive:
                found.agents = self._names_of(head)
        for child in token.children:
            if child.dep_ == "agent":
                found.agents += [n for obj in _objects(child) for n in self._names_of(obj)]
        for noun in nominal:
            for child in noun.children:
                if child.dep_ == "poss":
                    found.agents += self._names_of(child)
        for holder in (token, *nominal, *(c for c in token.children if c.dep_ in _OBJECTS)):
            for child in holder.children:
                if child.dep_ in _OBJECTS and holder is token:
                    found.partners += self._names_of(child)
                elif child.dep_ == "prep" and child.lower_ in _PARTNER_PREPOSITIONS:
                    found.partners += [n for obj in _objects(child) for n in self._names_of(obj)]
        found.agents = list(dict.fromkeys(found.agents))
        return found

    def _token(self, position: int) -> Token | None:
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _subject(self, predicate: Token) -> tuple[Token | None, bool]:
        """The predicate's subject, or that of the verb it shares one with ("and exempt")."""
        token = predicate
        for _ in range(6):
            for child in token.children:
                if child.dep_ in _SUBJECTS:
                    return child, child.dep_ == "nsubjpass"
            if token.dep_ not in _INHERITS_SUBJECT or token.head.i == token.i:
                return None, False
            token = token.head
        return None, False

    def _antecedent(self, subject: Token) -> Token:
        """What a relative pronoun subject stands for ("the decree, which was signed")."""
        head = subject.head
        if subject.lower_ in _RELATIVE and head.dep_ == "relcl":
            return head.head
        return subject

    def _names_of(self, token: Token) -> list[str]:
        """The actors a participant names: itself and the words it is coordinated with."""
        names = []
        for member in _coordinated(token):
            names += self._name(member)
        return list(dict.fromkeys(names))

    def _name(self, head: Token) -> list[str]:
        for table in (self._named, self._referred):
            if head.i in table:
                return [table[head.i].kb_id_]
        phrase = _phrase_tokens(head)
        spans = list(dict.fromkeys(self._named[t.i] for t in phrase if t.i in self._named))
        people = [s.kb_id_ for s in spans if s.label_ == "PERSON"]
        if people:
            return people[:1]
        referred = [self._referred[t.i].kb_id_ for t in phrase if t.i in self._referred]
        return referred[:1] or list(dict.fromkeys(s.kb_id_ for s in spans))

    def _phrase(self, head: Token) -> str:
        """The text of a noun phrase, with a resolved pronoun or role phrase as its name."""
        if head.i in self._referred and head.i not in self._named:
            return self._referred[head.i].kb_id_
        tokens = _phrase_tokens(head)
        return self.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text


def _only_dates(verb: Token, start: int, end: int) -> bool:
    """Whether a verb says nothing but the date ("starting August 7")."""
    return all(start <= t.idx < end for t in verb.subtree if t.i != verb.i and not t.is_punct)


def _coordinated(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found += _coordinated(child)
    return found


def _objects(preposition: Token) -> list[Token]:
    objects = [child for child in preposition.children if child.dep_ == "pobj"]
    return [member for child in objects for member in _coordinated(child)]


def _phrase_tokens(head: Token) -> list[Token]:
    """The head's phrase without what follows a comma, a relative clause or a conjunct."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_END and child.i > head.i:
            continue
        tokens += list(child.subtree)
    tokens.sort(key=lambda t: t.i)
    return [t for t in tokens if not t.is_punct or tokens[0].i < t.i < tokens[-1].i]


def _phrase_end(head: Token) -> int:
    last = _phrase_tokens(head)[-1]
    return last.idx + len(last.text)
