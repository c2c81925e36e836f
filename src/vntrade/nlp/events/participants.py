"""Who did what, from the parse: the predicate a date belongs to and its participants.

The agent is the predicate's subject (or its "by" phrase, or the possessor of the event
noun); partners are its object and its "with" and "between ... and" phrases. A participant
names the actor mention at its head word, else the pronoun or role phrase the actors
component resolved there ("he", "the PM"), else the people named in its phrase (a title such
as "Ambassador to the US" does not make a person "the US").

Descriptions name actors too: "a delegation led by X", "the decree, signed by X" are X's;
"Vietnamese and U.S. negotiators" are Vietnam's and the United States'; "the two sides" are
the last two countries named before them; "the Government" of Vietnam's press is Vietnam's.
An object-control verb gives its object as the agent of what it asks ("asked the ministry to
report": the ministry). A predicate whose agent is still unnamed (a passive without "by",
"the delegation", "it", "the survey was conducted") takes, in this order, the named speaker
of the verb that reports it ("officials said the decision would be issued"), else the agent
of the nearest of the two sentences before it that names one (of what it reports, if it
reports something). Names after a preposition
other than "of", "at", "from" or "in" are not the agent ("exports to the US fell").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import (
    GROUP_NOUNS,
    country_of,
    country_of_capital,
    is_nonactor,
    place_name,
)

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Span, Token

_PREDICATE = ("VERB", "AUX")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_OBJECTS = ("dobj", "iobj", "attr", "dative")
_PARTNER_PREPOSITIONS = ("with", "between", "among")
_INHERITS_SUBJECT = ("conj", "xcomp", "advcl")
_EMBEDDED = ("relcl", "acl", "advcl")
_RELATIVE = ("which", "that", "who", "whom")
_PHRASE_END = ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos")
# Prepositions whose object can be who a noun phrase is ("analysts at HSBC", "officials of
# the ministry"); any other ("exports to the US", "tariffs on Vietnam") names no agent.
_MEMBER_PREPOSITIONS = ("of", "at", "from", "in")
_PAIR_NUMBERS = ("two", "both")
_PAIR_NOUNS = ("sides", "countries", "nations", "parties", "governments", "delegations")
# The state nouns of Vietnam's English-language press ("the Government", "the Cabinet").
_STATE_NOUNS = ("government", "cabinet")
HOME_COUNTRY = "Vietnam"
HOME_CUSTOMS, US_CUSTOMS = "Vietnam Customs", "US Customs and Border Protection"
_AMERICAN = ("us", "u.s.", "american", "united")
# The verbs that report a clause (the pipeline has no lemmatizer: their forms).
_REPORTING = frozenset(
    {"say", "says", "said", "tell", "tells", "told", "announce", "announces", "announced"}
    | {"report", "reports", "reported", "add", "adds", "added", "note", "notes", "noted"}
    | {"state", "states", "stated", "confirm", "confirms", "confirmed", "wrote", "writes"}
)
_CONTROL_OBJECTS = ("dobj", "dative")
# Subjects that stand for whoever reports the clause ("Nike said it would raise prices").
_REPORTED_PRONOUNS = ("it", "they", "we")
# A city's or province's own bodies: "Hanoi authorities", "the Da Nang People's Committee".
_LOCAL_BODIES = ("authorities",)
_LOCAL_BODY_NAMES = ("People's Committee", "People's Council")
_LOCAL_WORDS = ("provincial", "municipal", "city", "province")
# Determiners of someone new ("an official", "some analysts").
_INDEFINITE = ("a", "an", "some", "several", "many", "few", "two", "three", "other", "one")
# The model's entity types a name the actors do not list may act under.
_UNLISTED_TYPES = ("ORG", "PERSON")
# Determiners of a description that refers back ("the delegation", "this survey").
_DEFINITE = ("the", "this", "that", "these", "those")
LOOK_BACK_SENTENCES = 2


@dataclass
class Participants:
    """The parse's answer for one date: names in order and the subject phrase."""

    agents: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    subject: tuple[int, int] | None = None  # characters of the subject phrase, when written
    subject_text: str | None = None  # how a summary names the subject when it has to
    clause_end: int | None = None  # where a relative or adverbial predicate's words end
    borrowed: bool = False  # the agents come from the reporter or an earlier sentence

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys([*self.agents, *self.partners]))


class Parse:
    """The parsed `Doc` with its actor mentions and resolved references, by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._named: dict[int, Span] = {}
        self._referred: dict[int, Span] = {}
        from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS  # spaCy: a parse only

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
                if not found.agents and head.lower_ in _REPORTED_PRONOUNS:
                    found.agents = self._reporter(token)
            else:  # "the survey was conducted": by whoever made the survey named before
                found.agents = self._described_before(head)
        controller = _controller(token)
        if controller is not None:
            found.agents = self._names_of(controller)
        for child in token.children:
            if child.dep_ == "agent":
                found.agents += [n for obj in _objects(child) for n in self._names_of(obj)]
        members: list[str] = []  # "a meeting of the Government's standing committee"
        for noun in nominal:
            for child in noun.children:
                if child.dep_ == "poss":
                    found.agents += self._names_of(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    members += self._by(child)
        if not found.agents:
            found.agents = members
        # "Exports rose 14%, according to data from the statistics office": the source's.
        found.agents = self._source(token) + found.agents
        if not found.agents and token.dep_ == "acl":
            # "data from the statistics office published today", "the joint statement
            # announced on July 2" (by those who discuss it): the noun's, else its clause's.
            found.agents = self._names_of(token.head) or self._governing_agents(token.head)
        holders = [token, *nominal, *(c for c in token.children if c.dep_ in _OBJECTS)]
        if subject is not None:
            holders.append(subject)  # "talks between the two sides resume"
        for holder in holders:
            for child in holder.children:
                if child.dep_ in _OBJECTS and holder is token:
                    found.partners += self._names_of(child)
                elif child.dep_ == "prep" and child.lower_ in _PARTNER_PREPOSITIONS:
                    found.partners += [n for obj in _objects(child) for n in self._names_of(obj)]
        # Only a clause that names nobody takes its doer from its reporter or the sentences
        # before: one whose named actor the parse left out of subject and objects keeps the
        # sentence's actors ("as US White House this week indicated that ...").
        # An indefinite doer ("executives from several firms said", "an official told")
        # is someone unnamed, not whoever was named before.
        unnamed = subject is not None and not passive and _indefinite(subject)
        if not found.agents and not found.partners and not self._names_anyone(token):
            found.agents = [] if unnamed else self._reporter(token) or self._earlier_agents(token)
            found.borrowed = bool(found.agents)
        found.agents = list(dict.fromkeys(found.agents))
        found.partners = [n for n in dict.fromkeys(found.partners) if n not in found.agents]
        return found

    def _agents_of(self, predicate: Token) -> list[str]:
        """The named agent of a predicate, without looking elsewhere."""
        controller = _controller(predicate)
        if controller is not None:
            return self._names_of(controller)
        subject, passive = self._subject(predicate)
        names = [] if subject is None or passive else self._names_of(self._antecedent(subject))
        for child in predicate.children:
            if child.dep_ == "agent":
                names += [n for obj in _objects(child) for n in self._names_of(obj)]
        return names

    def _source(self, predicate: Token) -> list[str]:
        """Who an "according to" phrase of the predicate names as the source."""
        for child in predicate.children:
            if child.lower_ == "according":
                return [n for to in child.children if to.lower_ == "to" for n in self._by(to)]
        return []

    def _governing_agents(self, noun: Token) -> list[str]:
        """The named agent of the nearest predicate a noun phrase belongs to."""
        token = noun
        while token.head.i != token.i:
            token = token.head
            if token.pos_ in _PREDICATE:
                return self._agents_of(token)
        return []

    def _names_anyone(self, predicate: Token) -> bool:
        """Whether the predicate's own words (not a clause it reports) name an actor."""
        reported = {c.i for c in predicate.children if c.dep_ in ("ccomp", "xcomp")}
        words = [t for t in predicate.subtree if not any(a.i in reported for a in t.ancestors)]
        return any(t.i in self._named and t.i not in reported for t in words)

    def _reporter(self, predicate: Token) -> list[str]:
        """Who reports a clause whose doer goes unnamed ("officials said X would be issued")."""
        token = predicate
        while token.dep_ in ("ccomp", "conj", "xcomp") and token.head.i != token.i:
            token = token.head
            if token.lower_ in _REPORTING:
                return self._agents_of(token)
        return []

    def _earlier_agents(self, predicate: Token) -> list[str]:
        """The agent of the nearest earlier sentence (of the two before) that names one."""
        sentences = list(self.doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= predicate.i < s.end)
        for sentence in reversed(sentences[max(0, index - LOOK_BACK_SENTENCES) : index]):
            root = sentence.root
            # "The ministry said the USDA had approved imports": the USDA did it
            reported = [c for c in root.children if c.dep_ == "ccomp"]
            if root.lower_ not in _REPORTING:
                reported = []
            for predicate in (*reported, root):
                names = self._agents_of(predicate)
                if names:
                    return names
        return []

    def _token(self, position: int) -> Token | None:
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _subject(self, predicate: Token) -> tuple[Token | None, bool]:
        """The predicate's subject, or that of the verb it shares one with ("and exempt")."""
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

    def _name(self, head: Token, look_back: bool = True) -> list[str]:
        place = self._locality(head)
        if place:
            return [place]  # "Hanoi authorities", "the Da Nang People's Committee"
        for table in (self._named, self._referred):
            if head.i in table:
                return [table[head.i].kb_id_]
        country = country_of_capital(_proper_name(head))
        if country:
            return [country]  # "Hanoi sent a note to Washington"
        unlisted = _unlisted_name(head)
        if unlisted:  # "Ford has announced cuts", "US automaker General Motors said"
            return [unlisted]
        for child in head.children:  # "US carmaker Ford", "budget carrier, Vietravel, said"
            named = self._name(child, look_back=False) if child.dep_ == "appos" else []
            if named:
                return named
        for owner in (head, *(c for c in head.children if c.dep_ == "poss")):
            pair = self._pair(owner)  # "the two sides", "the two sides' teams"
            if pair:
                return pair
        customs = self._customs(head)
        if customs:
            return customs
        # "a delegation, led by X", "a delegation of 40 US companies led by X": X's
        for token in [*head.children, *_member_tokens(head)]:
            if token.dep_ == "acl" and token.tag_ == "VBN" and token.lower_ == "led":
                leaders = [n for c in token.children if c.dep_ == "agent" for n in self._by(c)]
                if leaders:
                    return leaders[:1]
        for child in head.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                leaders = [n for c in child.children if c.dep_ == "agent" for n in self._by(c)]
                if leaders:
                    return leaders[:1]
        whole = _phrase_tokens(head)
        people = [
            n
            for t in whole
            if t.i in self._named and self._named[t.i].label_ == "PERSON"
            for n in [self._named[t.i].kb_id_]
        ]
        if people:
            return people[:1]  # "Ambassador to the US Nguyen Quoc Dung": the person
        phrase = _member_tokens(head)
        countries = self._countries(head, phrase)
        if countries:
            return countries
        spans = list(dict.fromkeys(self._named[t.i] for t in phrase if t.i in self._named))
        referred = [self._referred[t.i].kb_id_ for t in phrase if t.i in self._referred]
        names = referred[:1] or list(dict.fromkeys(s.kb_id_ for s in spans))
        if names:
            return names
        return self._described_before(head) if look_back else []

    def _described_before(self, head: Token) -> list[str]:
        """ "The delegation arrived": the names of the nearest earlier phrase with the same
        noun ("a delegation of the US Congress", "a survey released by JETRO"), or of who
        made it ("the World Bank released a report ... The report")."""
        if head.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children
        ):
            return []
        noun = _singular(head.lower_)
        for earlier in reversed(self.doc[: head.left_edge.i]):
            if earlier.pos_ == "NOUN" and _singular(earlier.lower_) == noun:
                names = self._name(earlier, look_back=False)
                if not names and earlier.dep_ == "dobj":
                    names = self._agents_of(earlier.head)
                if names:
                    return names
        return []

    def _customs(self, head: Token) -> list[str]:
        """ "Customs data", "Customs officials seized": in Vietnam's press the country's
        customs agency (after "US" or "American", the US one)."""
        for token in (head, *head.children):
            if token.text != "Customs" or token.i in self._named:
                continue
            if token.i == head.i or token.dep_ == "compound":
                before = [t.lower_ for t in head.subtree if t.i < token.i]
                american = any(word in _AMERICAN for word in before)
                return [US_CUSTOMS if american else HOME_CUSTOMS]
        return []

    def _locality(self, head: Token) -> str | None:
        """The city or province whose authorities a phrase names ("Hanoi authorities")."""
        local = head.lower_ in _LOCAL_BODIES or (
            head.i in self._named and self._named[head.i].kb_id_ in _LOCAL_BODY_NAMES
        )
        if not local:
            return None
        for child in head.children:
            place = place_name(_proper_name(child)) if child.dep_ in ("compound", "poss") else None
            if place:
                return place
        if any(t.lower_ in _LOCAL_WORDS for t in head.subtree if t.i < head.i):  # "provincial"
            return self._latest_place(head.i)
        return None

    def _latest_place(self, before: int) -> str | None:
        """The listed place named last before token `before`, else the dateline's."""
        for token in reversed(self.doc[:before]):
            place = place_name(_proper_name(token)) if token.pos_ == "PROPN" else None
            if place:
                return place
        dateline = self.doc._.dateline
        return place_name(dateline.split("/")[0]) if dateline else None

    def _by(self, agent: Token) -> list[str]:
        return [n for obj in _objects(agent) for n in self._names_of(obj)]

    def _countries(self, head: Token, phrase: list[Token]) -> list[str]:
        """The countries a group noun acts for ("Vietnamese and U.S. negotiators"), and the
        Government of Vietnam's press ("the Government", "the Government's committee")."""
        if head.lower_ in _STATE_NOUNS and head.text[0].isupper() and len(phrase) <= 2:
            return [HOME_COUNTRY]
        for token in phrase:
            if token.lower_ in _STATE_NOUNS and token.text[0].isupper() and token.dep_ == "poss":
                return [HOME_COUNTRY]
        group = head.lower_ in GROUP_NOUNS or any(
            t.dep_ == "conj" and t.lower_ in GROUP_NOUNS for t in head.children
        )
        if not group:
            return []
        found = []
        for token in sorted(
            [*phrase, *(t for c in head.children if c.dep_ == "conj" for t in c.subtree)],
            key=lambda t: t.i,
        ):
            if token.i in self._named and self._named[token.i].label_ == "GPE":
                found.append(self._named[token.i].kb_id_)
            elif country_of(token.text) and token.i not in self._named:  # not "American
                found.append(country_of(token.text))  # Chamber of Commerce"
        return list(dict.fromkeys(found))

    def _names_country(self, name: str) -> bool:
        return any(span.kb_id_ == name for span in self._named.values())

    def _pair(self, head: Token) -> list[str]:
        """ "The two sides", "both countries": the last two countries named before them."""
        if head.lower_ not in _PAIR_NOUNS:
            return []
        if not any(c.lower_ in _PAIR_NUMBERS for c in head.children):
            return []
        before = sorted(
            (s for s in set(self._named.values()) if s.end <= head.i and s.label_ == "GPE"),
            key=lambda s: s.start,
        )
        latest: list[str] = []
        for span in reversed(before):
            if span.kb_id_ not in latest:
                latest.append(span.kb_id_)
            if len(latest) == 2:
                break
        if len(latest) < 2:
            return []
        first = {name: min(s.start for s in before if s.kb_id_ == name) for name in latest}
        return sorted(latest, key=first.__getitem__)

    def _phrase(self, head: Token) -> str:
        """The text of a noun phrase, with a resolved pronoun or role phrase as its name."""
        if head.i in self._referred and head.i not in self._named:
            return self._referred[head.i].kb_id_
        tokens = _phrase_tokens(head)
        return self.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text


def _indefinite(noun: Token) -> bool:
    """Whether a noun phrase introduces someone new: "an official", "executives from
    several firms" (an indefinite determiner in the phrase, none definite on the noun)."""
    if noun.pos_ != "NOUN":
        return False
    own = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if any(d not in _INDEFINITE for d in own):
        return False  # "the delegation", "its teams"
    return any(t.lower_ in _INDEFINITE and t.dep_ in ("det", "amod") for t in _phrase_tokens(noun))


def _unlisted_name(head: Token) -> str | None:
    """The name a proper-noun head writes when the model takes it for an organisation or a
    person the actors component does not list ("Ford", "Fiat"); not a listed non-actor."""
    if head.pos_ != "PROPN" or head.ent_type_ not in _UNLISTED_TYPES:
        return None
    name = _proper_name(head)
    if is_nonactor(name) or is_nonactor(f"The {name}") or country_of_capital(name):
        return None  # a place or a newspaper ("told Viet Nam News")
    return name


def _proper_name(head: Token) -> str:
    """A proper noun with the proper nouns compounded before it ("Ha Noi")."""
    words = [head]
    for child in reversed(list(head.lefts)):
        if child.dep_ != "compound" or child.pos_ != "PROPN" or child.i != words[0].i - 1:
            break
        words.insert(0, child)
    return " ".join(t.text for t in words)


def _singular(noun: str) -> str:
    return noun[:-1] if len(noun) > 3 and noun.endswith("s") and not noun.endswith("ss") else noun


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


def _member_tokens(head: Token) -> list[Token]:
    """The head's phrase without prepositional phrases that say what it is not
    ("exports to the US"), as `_phrase_tokens`."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _PHRASE_END and child.i > head.i:
            continue
        if child.dep_ == "prep" and child.lower_ not in _MEMBER_PREPOSITIONS:
            continue
        tokens += list(child.subtree)
    tokens.sort(key=lambda t: t.i)
    return [t for t in tokens if not t.is_punct or tokens[0].i < t.i < tokens[-1].i]


def _controller(predicate: Token) -> Token | None:
    """The object that does what a verb asks of it ("asked the ministry to report")."""
    if predicate.dep_ != "xcomp" or predicate.head.i == predicate.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children):
        return None
    objects = [c for c in predicate.head.children if c.dep_ in _CONTROL_OBJECTS]
    return objects[0] if objects else None


def _phrase_end(head: Token) -> int:
    last = _phrase_tokens(head)[-1]
    return last.idx + len(last.text)
