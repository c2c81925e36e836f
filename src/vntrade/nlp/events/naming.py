"""Which actors a noun phrase names: the actor mention at its head, the pronoun or role
phrase the actors component resolved there, else what its words describe.

A title's country never stands for a person ("Ambassador to the US Nguyen Quoc Dung" is the
person); "a delegation led by X" is X's; "X, whose delegation arrived" is X's; "Vietnamese
and U.S. negotiators" are the two countries; "the two sides" the last two countries named;
"the Government" of Vietnam's press is Vietnam's; a capital that acts is its country ("Hanoi
sent a note"); a city's authorities are the city or province, and "the provincial People's
Committee" is that place's People's Committee (`local_bodies.py`); "Customs" of Vietnam's
press is Vietnam Customs; a proper name the actors do not list still names ("Ford"); a
description used again ("the delegation", "the survey") names what its earlier phrase named.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import (
    GROUP_NOUNS,
    country_of,
    country_of_capital,
)
from vntrade.nlp.actors.rules import TITLE_WORDS
from vntrade.nlp.events.arguments import of_objects
from vntrade.nlp.events.groups import (
    HOME_COUNTRY,
    described_person,
    pair_names,
    titled_person,
)
from vntrade.nlp.events.local_bodies import LocalBodies
from vntrade.nlp.events.phrases import (
    DEFINITE,
    coordinated,
    member_tokens,
    objects_of,
    phrase_tokens,
    proper_name,
    singular,
    unlisted_name,
)
from vntrade.nlp.per_doc import doc_text, per_doc

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Span, Token

_LED_GROUPS = ("delegation", "mission")  # groups a person leads
_GATHERINGS = ("Congress", "Plenum")  # a body's gatherings the model names as bodies
_ANALYSTS = ("analyst", "economist", "strategist", "researcher")  # who speak for their firm
_WHICH_ONE = ("first", "second", "third", "next", "last", "new", "latest", "previous", "same",
              "other", "another", "final", "current")  # fmt: skip
# Participles whose "by" owns, backs or suffers the noun rather than doing what it does
# ("the EV maker, controlled by billionaire X, broke ground": the maker did).
_NOT_DOING = ("controlled", "owned", "backed", "founded", "run", "operated", "funded",
              "financed", "supported", "affected", "hit", "hurt", "targeted", "threatened",
              "acquired", "bought", "used", "hired", "employed", "accused", "criticised",
              "criticized", "sanctioned", "investigated", "fined")  # fmt: skip
# The state nouns of Vietnam's English-language press ("the Government", "the Cabinet").
_STATE_NOUNS = ("government", "cabinet")
HOME_CUSTOMS, US_CUSTOMS = "Vietnam Customs", "US Customs and Border Protection"
HOME_STATISTICS = "National Statistics Office"
_AMERICAN = ("us", "u.s.", "american", "united")

_TITLE_HEADS = TITLE_WORDS | {"member"}  # a title heading a phrase names no one


def _dateline_word(head: Token) -> bool:
    """Whether a word is the place of a dateline the parser took for a subject ("HANOI (VNA)
    -", "WASHINGTON --"): upper case, at the start of its line, before a bracket or dash."""
    doc = head.doc
    at_start = head.i == 0 or "\n" in doc[head.i - 1].text_with_ws
    after = doc[head.i + 1].text if head.i + 1 < len(doc) else ""
    return head.text.isupper() and len(head.text) > 2 and at_start and after[:1] in "(-–—,"


def _modifiers(noun: Token) -> set[str]:
    """The words that say what kind of thing a noun is ("negotiating" session, "trade"
    mission), not which one ("the first", "next", "new" session)."""
    return {
        c.lower_
        for c in noun.children
        if c.dep_ in ("compound", "amod")
        and c.lower_ not in _WHICH_ONE
        and not country_of(c.text)  # "the Vietnamese delegation": whose, not which kind
    }


@per_doc
def noun_positions(doc: Doc) -> dict[str, list[int]]:
    """Where each noun (in the singular) stands in `doc`, in text order, read from its arrays
    rather than from a `Token` per word."""
    from spacy.attrs import LOWER, POS
    from spacy.symbols import NOUN

    strings = doc.vocab.strings
    found: dict[str, list[int]] = {}
    array = doc.to_array([LOWER, POS])
    nouns = (array[:, 1] == NOUN).nonzero()[0]  # the rows of nouns, picked by numpy
    for i, lower in zip(nouns.tolist(), array[nouns, 0].tolist(), strict=True):
        found.setdefault(singular(strings[lower]), []).append(i)
    return found


def _whose_antecedent(head: Token) -> Token | None:
    """The noun a "whose" phrase belongs to ("X, whose delegation arrived": X)."""
    if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
        return None
    clause = head.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


class PhraseNames(LocalBodies):
    """The actor mentions and resolved references of a parsed `Doc`, by token, and the
    actors its noun phrases name; `agents_of` gives a predicate's named agent (for "the
    report" that the World Bank released)."""

    def __init__(self, doc: Doc, agents_of: Callable[[Token], list[str]]) -> None:
        self.doc = doc
        self.named: dict[int, Span] = {}
        self.referred: dict[int, Span] = {}
        self._agents_of = agents_of
        from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS  # spaCy: a parse only

        for spans, table in ((ACTOR_SPANS, self.named), (REFERENCE_SPANS, self.referred)):
            # the longest mention over a word names it: "US Customs and Border Protection"
            # over a "US" inside it
            for span in sorted(doc.spans.get(spans, []), key=len, reverse=True):
                for i in range(span.start, span.end):
                    table.setdefault(i, span)

    def names_of(self, token: Token) -> list[str]:
        """The actors a participant names: itself and the words it is coordinated with,
        also when the parser folded a name and its "and" into the next name's modifiers
        ("Trump and Vietnamese Prime Minister Pham Minh Chinh met")."""
        names = self._folded_partners(token)
        for member in coordinated(token):
            names += self.name(member)
        return list(dict.fromkeys(names))

    def _folded_partners(self, head: Token) -> list[str]:
        doc, found = self.doc, []
        for token in head.subtree:
            span = self.named.get(token.i)
            if token.i >= head.i or span is None or span.label_ != "PERSON":
                continue
            if span.end < len(doc) and doc[span.end].lower_ == "and" and span.end <= head.i:
                found.append(span.kb_id_)
        return found

    def name(self, head: Token, look_back: bool = True) -> list[str]:
        place = self._locality(head)
        if place:
            return [place]  # "Hanoi authorities", "the Da Nang People's Committee"
        for table in (self.named, self.referred):
            if head.i in table:  # "Hai Phong Customs": the city's branch
                span = table[head.i]
                held = self._held_by(span, head)  # "the National Congress of the Party"
                return held or [self.branch(span, head) or self.local_body(span)]
        if _dateline_word(head):  # "HANOI (VNA) - Vietnam's Ministry of ... hosted": the
            apposed = (self.name(c, look_back) for c in head.children if c.dep_ == "appos")
            return next((names for names in apposed if names), [])  # dateline acts not
        country = country_of_capital(proper_name(head))
        if country:
            return [country]  # "Hanoi sent a note to Washington"
        titled = head.lower_ in _TITLE_HEADS  # "Comrade X - Member of ...": no one's name
        unlisted = None if titled else unlisted_name(head)
        if unlisted:  # "Ford has announced cuts", "US automaker General Motors said"
            return [self._in_full(unlisted)]
        firm = self._analysts_at(head)
        if firm:
            return firm  # "analysts at Maybank said in a note"
        written = proper_name(head) if head.pos_ == "PROPN" and not titled else None
        if written and self._in_full(written) != written:
            return [self._in_full(written)]  # "Meridian Circuits ... Meridian said"
        for child in head.children:  # "US carmaker Ford", "budget carrier, Vietravel, said"
            # not a title in apposition: "X - Member of ..., Chairman of the Committee"
            apposed = child.dep_ == "appos" and child.lower_ not in _TITLE_HEADS
            named = self.name(child, look_back=False) if apposed else []
            if named:
                return named
        whose = _whose_antecedent(head)
        if whose is not None:  # "Deputy PM Ho Duc Phoc, whose delegation arrived": his
            return self.name(whose, look_back=False)
        for owner in (head, *(c for c in head.children if c.dep_ == "poss")):
            pair = pair_names(self.named, owner)  # "the two sides", "the two sides' teams"
            if pair:
                return pair
        customs = self._customs(head) or self._official_data(head)
        if customs:
            return customs
        owner = self._group_owner(head, ("poss", "compound"))
        if owner:
            return owner  # "Amkor's delegation, led by X", "the USABC mission": the firm's
        owner = self._group_owner(head, ("pobj",))
        if owner:  # "a delegation of the US-ASEAN Business Council led by its CEO X"
            return owner  # the council's, whoever leads it
        # "a delegation, led by X", "a delegation of 40 US companies led by X": X's
        for token in [*head.children, *member_tokens(head)]:
            leaders = self._led_by(token) if token.lower_ == "led" else []
            if leaders:
                return leaders[:1]
        for child in head.children:  # "the decree, signed by X": X's
            leaders = self._led_by(child) if child.lower_ not in _NOT_DOING else []
            if leaders:
                return leaders[:1]
        described = {  # "the EV maker, controlled by billionaire X": not X
            t.i for c in head.children if c.dep_ in ("acl", "relcl") for t in c.subtree
        }
        whole = phrase_tokens(head)
        people = [
            n
            for t in whole
            if t.i in self.named and self.named[t.i].label_ == "PERSON" and t.i not in described
            for n in [self.named[t.i].kb_id_]
        ]
        if people:
            return people[:1]  # "Ambassador to the US Nguyen Quoc Dung": the person
        if head.lower_ in _LED_GROUPS and look_back:
            earlier = self.described_before(head)  # "a delegation led by X ... the delegation"
            if earlier:
                return earlier
        titled = titled_person(self.doc, head) or described_person(self.doc, self.named, head)
        if titled:
            return titled  # "Vietnam's trade minister said", "the US diplomat pledged"
        phrase = member_tokens(head)
        countries = self._countries(head, phrase)
        if countries:
            return countries
        spans = list(dict.fromkeys(self.named[t.i] for t in phrase if t.i in self.named))
        referred = [self.referred[t.i].kb_id_ for t in phrase if t.i in self.referred]
        names = referred[:1] or list(dict.fromkeys(s.kb_id_ for s in spans))
        if names:
            return names
        return self.described_before(head) if look_back else []

    def _analysts_at(self, head: Token) -> list[str]:
        """The firm of "analysts at Maybank", "economists from HSBC", "Maybank analysts"."""
        if singular(head.lower_) not in _ANALYSTS:
            return []
        for firm in (c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"):
            return self.name(firm, look_back=False) or [self._in_full(proper_name(firm))]
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "from", "with"):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                names = self.name(pobj, look_back=False)
                if names or pobj.pos_ != "PROPN":
                    return names
                return [self._in_full(proper_name(pobj))]
        return []

    def _held_by(self, span: Span, head: Token) -> list[str]:
        """The body whose congress or plenum a named gathering is ("the 14th National
        Congress of the Communist Party of Vietnam": the Party)."""
        if span.kb_id_.split()[-1] not in _GATHERINGS:
            return []
        held = [self.named[p.i] for p in of_objects(head) if p.i in self.named]
        return [held[0].kb_id_] if held and held[0].label_ == "ORG" else []

    def _group_owner(self, head: Token, deps: tuple[str, ...]) -> list[str]:
        """The organisation a delegation or mission belongs to, written before the noun
        ("Amkor Technology's delegation", "the USABC delegation": `poss`, `compound`) or
        after `of` ("a delegation of the US-ASEAN Business Council": `pobj`)."""
        if head.lower_ not in _LED_GROUPS:
            return []
        for child in [*head.children, *of_objects(head)]:
            if child.dep_ not in deps:
                continue
            span = self.named.get(child.i)
            if span is not None and span.label_ == "ORG":
                return [span.kb_id_]
            unlisted = unlisted_name(child) if child.ent_type_ == "ORG" else None
            if span is None and unlisted:
                return [self._in_full(unlisted)]  # a firm the actors do not list
        return []

    def _led_by(self, participle: Token) -> list[str]:
        """Who the "by" of a past participle describing a noun names ("led by X")."""
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            return []
        return [n for c in participle.children if c.dep_ == "agent" for n in self.by(c)]

    def _in_full(self, name: str) -> str:
        """An unlisted firm's short name as the article names it in full ("Vantage" for
        "Vantage Circuits" named before)."""
        longer = {
            span.kb_id_
            for span in self.named.values()
            if span.label_ in ("ORG", "PERSON") and span.kb_id_.startswith(f"{name} ")
        }
        return longer.pop() if len(longer) == 1 else name

    def described_before(self, head: Token) -> list[str]:
        """ "The delegation arrived": the names of the nearest earlier phrase with the same
        noun ("a delegation of the US Congress", "a survey released by JETRO"), or of who
        made it ("the World Bank released a report ... The report")."""
        if head.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children
        ):
            return []
        same = self._nouns().get(singular(head.lower_), [])
        kind = _modifiers(head)  # "the negotiating session" is no "working session"
        for i in reversed(same[: bisect.bisect_left(same, head.left_edge.i)]):
            earlier = self.doc[i]
            if kind and not kind <= _modifiers(earlier):
                continue
            names = self.name(earlier, look_back=False)
            if not names and earlier.dep_ == "dobj":
                names = self._agents_of(earlier.head)
            if names:
                return names
        return []

    def _nouns(self) -> dict[str, list[int]]:
        """Where each noun (in the singular) stands, in text order (once per `Doc`)."""
        return noun_positions(self.doc)

    def _customs(self, head: Token) -> list[str]:
        """ "Customs data", "Customs officials seized", "customs figures": in Vietnam's press
        the country's customs agency (after "US" or "American", the US one)."""
        figures = singular(head.lower_) in ("data", "figure", "statistic", "number")
        for token in (head, *head.children):
            if token.i in self.named or not (
                token.text == "Customs" or (figures and token.lower_ == "customs")
            ):
                continue
            if token.i == head.i or token.dep_ == "compound":
                before = [t for t in head.subtree if t.i < token.i]
                if any(t.lower_ in _AMERICAN for t in before):
                    return [US_CUSTOMS]
                where = [t for c in head.children if c.lower_ == "in" for t in c.subtree]
                place = self.branch_place([*before, token, *where], token.i)
                return [f"{place} Customs" if place else HOME_CUSTOMS]  # "Hai Phong Customs"
        return []

    def _official_data(self, head: Token) -> list[str]:
        """ "Government data showed", "official figures": Vietnam's statistics office, when
        the sentence's figures are Vietnam's and it names no other country."""
        if singular(head.lower_) not in ("data", "figure", "statistic") or not any(
            c.lower_ in ("government", "official", "statistics") for c in head.children
        ):
            return []
        countries = {
            span.kb_id_ for i, span in self.named.items()
            if head.sent.start <= i < head.sent.end and span.label_ == "GPE"
        }  # fmt: skip
        others = countries - {HOME_COUNTRY, "United States"}  # the US as the market only
        return [HOME_STATISTICS] if HOME_COUNTRY in countries and not others else []

    def by(self, agent: Token) -> list[str]:
        return [n for obj in objects_of(agent) for n in self.names_of(obj)]

    def _countries(self, head: Token, phrase: list[Token]) -> list[str]:
        """The countries a group noun acts for ("Vietnamese and U.S. negotiators"), and the
        Government of Vietnam's press ("the Government", "the Government's committee")."""
        if head.lower_ in _STATE_NOUNS and len(phrase) <= 2:
            if head.text[0].isupper():
                return [HOME_COUNTRY]
            dateline = self.doc._.dateline  # "HANOI (Reuters) - ... the government"
            country = country_of_capital(dateline.split("/")[0]) if dateline else None
            countries = (s for s in sorted(self.named.values(), key=lambda s: s.start))
            first = next((s.kb_id_ for s in countries if s.label_ == "GPE"), None)
            if country or first:
                return [country or first]  # else the government of the country named first
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
            if token.i in self.named and self.named[token.i].label_ == "GPE":
                found.append(self.named[token.i].kb_id_)
            elif country_of(token.text) and token.i not in self.named:  # not "American
                found.append(country_of(token.text))  # Chamber of Commerce"
        return list(dict.fromkeys(found))

    def _names_country(self, name: str) -> bool:
        return any(span.kb_id_ == name for span in self.named.values())

    def phrase(self, head: Token) -> str:
        """The text of a noun phrase, with a resolved pronoun or role phrase as its name."""
        if head.i in self.referred and head.i not in self.named:
            return self.referred[head.i].kb_id_
        tokens = phrase_tokens(head)
        if not tokens:
            return head.text
        last = tokens[-1]  # the span's text, as a slice of the doc's (no `Span` to build)
        return doc_text(self.doc)[tokens[0].idx : last.idx + len(last.text)]
