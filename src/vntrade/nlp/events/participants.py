"""Who did what, from the parse: the predicate a date belongs to and its participants.

The agent is the predicate's subject (or its "by" phrase), after the possessor of the event
noun the date is written on ("welcomed Trump's decision on April 9": Trump's); partners
are its object and its "with" and "between ... and" phrases. A participant names the actor
mention at its head word, else the pronoun or role phrase the actors component resolved
there ("he", "the PM"), else the people named in its phrase (a title such as "Ambassador to
the US" does not make a person "the US").

Descriptions name actors too: "a delegation led by X", "the decree, signed by X" are X's;
"Vietnamese and U.S. negotiators" are Vietnam's and the United States'; "the two sides" are
the last two countries named before them; "the Government" of Vietnam's press is Vietnam's.
An object-control verb gives its object as the agent of what it asks ("asked the ministry to
report": the ministry). A predicate whose agent is still unnamed (a passive without "by",
"it", "the survey was conducted") takes, in this order, the named speaker of the verb that
reports it ("officials said the decision would be issued"), else the agent of the nearest of
the two sentences before it that names one (of what it reports, if it reports something);
an indefinite doer ("an official said") stays unnamed. Names after a preposition other than
"of", "at", "from" or "in" are not the agent ("exports to the US fell"). What a noun phrase
names is `naming.py`'s answer.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vntrade.nlp.events.arguments import (
    fronted_participle,
    is_predicate,
    only_dates,
    place_holder,
    topic_gerund,
)
from vntrade.nlp.events.documents import document_start
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.events.frame_cues import to_press
from vntrade.nlp.events.frames import describes_group
from vntrade.nlp.events.local_bodies import is_place_word
from vntrade.nlp.events.naming import PhraseNames
from vntrade.nlp.events.per_token import parts_of_speech
from vntrade.nlp.events.phrases import indefinite, phrase_end
from vntrade.nlp.per_doc import sentence_tokens

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Token

_PREDICATE = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "iobj", "attr", "dative")
_PARTNER_PREPOSITIONS = ("with", "between", "among")
_INHERITS_SUBJECT = ("conj", "xcomp", "advcl", "acomp")  # "is due to visit", "and paused"
_EMBEDDED = ("relcl", "acl", "advcl")
_RELATIVE = ("which", "that", "who", "whom")
# The verbs that report a clause (the pipeline has no lemmatizer: their forms).
_REPORTING = frozenset(
    {"say", "says", "said", "tell", "tells", "told", "announce", "announces", "announced"}
    | {"report", "reports", "reported", "add", "adds", "added", "note", "notes", "noted"}
    | {"state", "states", "stated", "confirm", "confirms", "confirmed", "wrote", "writes"}
)
_CONTROL_OBJECTS = ("dobj", "dative")
# Subjects that stand for whoever reports the clause ("Nike said it would raise prices").
_REPORTED_PRONOUNS = ("it", "they", "we")
LOOK_BACK_SENTENCES = 2


@dataclass
class Participants:
    """The parse's answer for one date: names in order and the subject phrase."""

    agents: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    subject: tuple[int, int] | None = None  # characters of the subject phrase, when written
    subject_text: str | None = None  # how a summary names the subject when it has to
    clause_end: int | None = None  # where a relative or adverbial predicate's words end
    # A past participle describing a noun ("the decree, signed by X on May 2"): the noun
    # phrase's characters, where the participle starts, and whether the noun is plural.
    described: tuple[int, int, int, bool] | None = None
    borrowed: bool = False  # the agents come from the reporter or an earlier sentence
    reported: bool = False  # the agents are whoever reports the clause ("X said it ...")
    sources: list[str] = field(default_factory=list)  # who an "according to" phrase names

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([*self.agents, *self.partners]))


class Parse:
    """The parsed `Doc` with its actor mentions and resolved references, by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.names = PhraseNames(doc, self.agents_of)

    def press_verbs(self, start: int, end: int) -> list[int]:
        """Where the verbs of characters `start:end` that tell the press start ("told
        CNA", "said in an interview", "declined to comment")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        doc, pos = self.doc, parts_of_speech(self.doc)
        verbs = (doc[i] for i in range(span.start, span.end) if pos[i] in _PREDICATE)
        return [t.idx for t in verbs if to_press(t)]

    def has_verb(self, start: int, end: int) -> bool:
        """Whether characters `start:end` hold a verb (a finite one, a participle or an
        infinitive), not only a phrase ("as part of his trip")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        doc, pos = self.doc, parts_of_speech(self.doc)
        verbs = (i for i in range(span.start, span.end) if pos[i] in _PREDICATE)
        return any(doc[i].tag_ != "MD" for i in verbs)

    def relative_verb_at(self, position: int) -> bool:
        """Whether the word at character `position` is the verb of a relative clause ("a
        deal that sets ..."), not a noun after "that" ("told reporters that orders ...")."""
        token = self._token(position)
        return token is not None and token.pos_ in _PREDICATE and token.dep_ == "relcl"

    def is_verb(self, position: int) -> bool:
        """Whether the word at character `position` is a verb (True when no word is)."""
        token = self._token(position)
        return token is None or token.pos_ in ("VERB", "AUX")

    def is_participle(self, position: int) -> bool:
        """Whether the word at character `position` is a verb's -ing form ("Addressing")."""
        token = self._token(position)
        return token is not None and token.tag_ == "VBG" and token.pos_ in _PREDICATE

    def after_fronted_participle(self, position: int) -> int | None:
        """Where the clause after a past participle opening its sentence with no subject
        starts ("Asked about the rate, | X said"), when the word at `position` is one."""
        token = self._token(position)
        if token is None or not fronted_participle(token):
            return None
        after = token.right_edge.i + 1
        while after < len(self.doc) and self.doc[after].is_punct:
            after += 1
        return self.doc[after].idx if after < len(self.doc) else None

    def participants(self, start: int, end: int) -> Participants | None:
        """The participants of the predicate the date at `start:end` belongs to."""
        token = self._token(start)
        if token is None:
            return None
        nominal: list[Token] = []
        described = False
        while token.head.i != token.i and (
            not is_predicate(token)
            or only_dates(token, start, end)
            or describes_group(token)
            or fronted_participle(token)
            or topic_gerund(token)
        ):
            described = described or describes_group(token)
            if token.pos_ in ("NOUN", "PROPN") and not described:
                nominal.append(token)
            if fronted_participle(token):
                nominal = []  # "Asked about the rate on Thursday, X said": X's saying
            token = token.head
        if token.pos_ not in _PREDICATE or token.i in self.names.named:
            return None  # no predicate, or a name taken for a verb ("April 2 — Trump unveils")
        found = Participants()
        subject, passive = self._subject(token)
        if token.dep_ in _EMBEDDED and not _in_fronted_phrase(token):
            last = token.right_edge
            found.clause_end = last.idx + len(last.text)
            found.described = _described(token)
        if subject is not None:
            head = self._antecedent(subject)
            found.subject = (head.left_edge.idx, phrase_end(head))
            found.subject_text = self.names.phrase(head)
            if not passive:
                place_word = self.names.acting_place(head) if is_place_word(head) else []
                found.agents = (
                    place_word or self.names.names_of(head) or self.names.acting_place(head)
                )
                if not found.agents and head.lower_ in _REPORTED_PRONOUNS:
                    found.agents = self._reporter(token)
                    found.reported = bool(found.agents)
            else:  # "the survey was conducted": by whoever made the survey named before
                found.agents = self.names.described_before(head)
        controller = _controller(token)
        if controller is not None:
            found.agents = self.names.names_of(controller)
        for child in token.children:
            if child.dep_ == "agent":
                found.agents += self.names.by(child)
        if not found.agents:  # "was imposed by Trump on April 2 and paused on April 9"
            found.agents = self._shared_agent(token)
        members: list[str] = []  # "a meeting of the Government's standing committee"
        owners: list[str] = []  # "welcomed Trump's decision on April 9": Trump's decision
        for noun in nominal:
            for child in noun.children:
                # the owner of an event noun ("Trump's decision"); not "its ruling" (the
                # doer's), the subject's ("Vietnam's Ministry ... hosted"), nor a thing's
                # ("to implement Vietnam's commitments in September")
                owned = child.dep_ == "poss" and child.pos_ != "PRON" and noun_kind(noun)
                if owned and noun.dep_ not in _SUBJECTS:
                    owners += self.names.names_of(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    members += self.names.by(child)
        found.agents = owners + found.agents
        if not found.agents:
            found.agents = members
        # "Exports rose 14%, according to data from the statistics office": the source's.
        found.sources = self._source(token)
        found.agents = found.sources + found.agents
        if not found.agents and token.dep_ == "acl":
            # "data from the statistics office published today", "the joint statement
            # announced on July 2" (by those who discuss it): the noun's, else its clause's.
            found.agents = self.names.names_of(token.head)
            if not found.agents:
                found.agents = self._governing_agents(token.head)
                found.borrowed = bool(found.agents)
        holders = [token, *nominal, *(c for c in token.children if c.dep_ in _OBJECTS)]
        if subject is not None:
            holders.append(subject)  # "talks between the two sides resume"
            holders += _of_objects(subject)  # "a round of talks between X and Y was held"
        for holder in holders:
            for child in holder.children:
                if child.dep_ in _OBJECTS and holder is token:
                    found.partners += self.names.names_of(child)
                elif child.dep_ == "prep" and child.lower_ in _PARTNER_PREPOSITIONS:
                    found.partners += self.names.by(child)
        # Only a clause that names nobody takes its doer from its reporter or the sentences
        # before: one whose named actor the parse left out of subject and objects keeps the
        # sentence's actors ("as US White House this week indicated that ...").
        # An indefinite doer ("executives from several firms said", "an official told")
        # is someone unnamed, not whoever was named before.
        unnamed = subject is not None and not passive and indefinite(subject)
        if not found.agents and not found.partners and not self._names_anyone(token):
            reporter = [] if unnamed else self._reporter(token)
            found.agents = reporter or ([] if unnamed else self._earlier_agents(token))
            found.borrowed, found.reported = bool(found.agents), bool(reporter)
        found.agents = list(dict.fromkeys(found.agents))
        found.partners = [n for n in dict.fromkeys(found.partners) if n not in found.agents]
        return found

    def agents_of(self, predicate: Token) -> list[str]:
        """The named agent of a predicate, without looking elsewhere."""
        controller = _controller(predicate)
        if controller is not None:
            return self.names.names_of(controller)
        subject, passive = self._subject(predicate)
        names = [] if subject is None or passive else self.names.names_of(self._antecedent(subject))
        for child in predicate.children:
            if child.dep_ == "agent":
                names += self.names.by(child)
        return names

    def _shared_agent(self, predicate: Token) -> list[str]:
        """The "by" of the passive a past participle is conjoined to, when it has no
        subject or "by" of its own ("imposed by Trump and paused")."""
        head = predicate.head
        joined = predicate.dep_ == "conj" and predicate.tag_ in ("VBN", "VBD")
        if not joined or head.pos_ not in _PREDICATE:
            return []
        if any(c.dep_ in (*_SUBJECTS, "agent") for c in predicate.children):
            return []
        if not any(c.dep_ == "nsubjpass" for c in head.children):
            return []
        return [n for c in head.children if c.dep_ == "agent" for n in self.names.by(c)]

    def _source(self, predicate: Token) -> list[str]:
        """Who an "according to" phrase of the predicate names as the source."""
        for child in predicate.children:
            if child.lower_ == "according":
                return [n for to in child.children if to.lower_ == "to" for n in self.names.by(to)]
        return []

    def _governing_agents(self, noun: Token) -> list[str]:
        """The named agent of the nearest predicate a noun phrase belongs to."""
        token = noun
        while token.head.i != token.i:
            token = token.head
            if token.pos_ in _PREDICATE:
                return self.agents_of(token)
        return []

    def _names_anyone(self, predicate: Token) -> bool:
        """Whether the predicate's own words (not a clause it reports) name an actor."""
        reported = {c.i for c in predicate.children if c.dep_ in ("ccomp", "xcomp")}
        words = [t for t in predicate.subtree if not any(a.i in reported for a in t.ancestors)]
        return any(t.i in self.names.named and t.i not in reported for t in words)

    def _reporter(self, predicate: Token) -> list[str]:
        """Who reports a clause whose doer goes unnamed ("officials said X would be issued")."""
        token = predicate
        while token.dep_ in ("ccomp", "conj", "xcomp") and token.head.i != token.i:
            token = token.head
            if token.lower_ in _REPORTING:
                return self.agents_of(token)
        return []

    def _earlier_agents(self, predicate: Token) -> list[str]:
        """The agent of the nearest earlier sentence (of the two before) that names one."""
        bounds = sentence_tokens(self.doc)
        index = bisect.bisect_right(bounds, (predicate.i, len(self.doc) + 1)) - 1
        for start, end in reversed(bounds[max(0, index - LOOK_BACK_SENTENCES) : index]):
            root = self.doc[start:end].root
            # "The ministry said the USDA had approved imports": the USDA did it
            reported = [c for c in root.children if c.dep_ == "ccomp"]
            if root.lower_ not in _REPORTING:
                reported = []
            for predicate in (*reported, root):
                names = self.agents_of(predicate)
                if names:
                    return names
        return []

    def _token(self, position: int) -> Token | None:
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _subject(self, predicate: Token) -> tuple[Token | None, bool]:
        """The predicate's subject, or that of the verb it shares one with ("and exempt")."""
        attributed = self._attributed(predicate)
        if attributed is not None:
            return attributed, False
        token = predicate
        for _ in range(6):
            for child in token.children:
                if child.dep_ in _SUBJECTS:
                    # "the decree was signed and took effect": passive for "signed" only
                    return child, child.dep_ == "nsubjpass" and token is predicate
            if token.dep_ not in _INHERITS_SUBJECT or token.head.i == token.i:
                return None, False
            token = token.head
        return None, False

    def _attributed(self, verb: Token) -> Token | None:
        """The actor named right before a reporting verb the parser left without a subject
        ("the round focused on ..., the Ministry of Industry and Trade said": the ministry,
        parsed as one more item of the list before it)."""
        if verb.lower_ not in _REPORTING or verb.i == 0:
            return None
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            return None
        span = self.names.named.get(verb.i - 1)
        return span.root if span is not None and span.end == verb.i else None

    def _antecedent(self, subject: Token) -> Token:
        """What a relative pronoun subject stands for ("the decree, which was signed")."""
        head = subject.head
        if subject.lower_ in _RELATIVE and head.dep_ == "relcl":
            return place_holder(head.head)  # "talks in Washington, which took place ..."
        return subject


def _in_fronted_phrase(participle: Token) -> bool:
    """Whether a participle without "by" describes the object of a preposition ("In a
    directive issued on May 19, the PM ordered ..."): the clause it is in tells the event."""
    return (
        participle.dep_ == "acl"
        and participle.head.dep_ == "pobj"
        and not any(c.dep_ == "agent" for c in participle.children)
    )


def _described(participle: Token) -> tuple[int, int, int, bool] | None:
    """For a past participle that describes a noun ("figures released by the ministry",
    "the decree, signed by X"), the noun phrase's characters before the participle, the
    participle's start and whether the noun is plural; None for other predicates."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if participle.i < noun.i or noun.head.head.lower_ == "according":
        return None  # "..., according to figures released on May 6": the figure's clause
    words = [t for t in noun.subtree if t.i < participle.i and not t.is_space]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    if not words or not any(t.i == noun.i for t in words):
        return None
    start = document_start(words[0], words[-1]).idx  # "Decree No. 24/2025/ND-CP, issued"
    end = words[-1].idx + len(words[-1].text)
    return start, end, participle.idx, noun.tag_ in ("NNS", "NNPS")


def _of_objects(noun: Token) -> list[Token]:
    """The nouns of a noun's "of" phrase ("talks" in "a round of talks")."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _controller(predicate: Token) -> Token | None:
    """The object that does what a verb asks of it ("asked the ministry to report")."""
    if predicate.dep_ != "xcomp" or predicate.head.i == predicate.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children):
        return None
    objects = [c for c in predicate.head.children if c.dep_ in _CONTROL_OBJECTS]
    return objects[0] if objects else None
