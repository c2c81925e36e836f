"""Local bodies in a noun phrase: a city's or province's authorities are that place's, "the
provincial People's Committee" or "the city's Department of Finance" are the place's own
body, named after the place the article names last; a province that acts is its People's
Committee."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import (
    country_of_capital,
    home_place,
    local_body_name,
    place_name,
)
from vntrade.nlp.events.phrases import proper_name

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Span, Token

# A city's or province's own bodies: "Hanoi authorities", "the Da Nang People's Committee".
_LOCAL_BODIES = ("authorities",)
LOCAL_BODY_NAMES = ("People's Committee", "People's Council")
_LOCAL_WORDS = ("provincial", "municipal", "city", "province", "local")
_LEADERS = ("leaders", "officials", "leadership")
# The cities run by the centre, which are no province ("the province" is not Hanoi).
_CENTRAL_CITIES = frozenset({"Hanoi", "Ho Chi Minh City", "Hai Phong", "Da Nang", "Can Tho", "Hue"})
# A province's or city's department: named after its place when the text ties it to one.
_LOCAL_DEPARTMENT = "Department of "
# A regional site's headline that opens with its place: "Bac Ninh: Dialogue conference ..."
_TITLE_PLACE = re.compile(r"\s*([^:–—]{2,40}?)\s*[:–—]\s")
# National agencies with a branch in each province or city, and how a branch is named
# ("Hai Phong Customs", "the Provincial Statistics Office" of Binh Duong).
_BRANCHES = {"Vietnam Customs": "Customs", "National Statistics Office": "Statistics Office"}


def is_local_body(name: str) -> bool:
    """Whether a listed name is a body every province or city has."""
    return name in LOCAL_BODY_NAMES or name.startswith(_LOCAL_DEPARTMENT)


def _of_a_trade(modifier: Token) -> bool:
    """A modifier saying which authorities they are by their work ("customs")."""
    return (
        modifier.dep_ in ("compound", "amod")
        and modifier.lower_ not in _LOCAL_WORDS
        and not place_name(proper_name(modifier))
        and modifier.pos_ != "PROPN"
    ) or modifier.lower_ == "customs"


def _the_place_word(head: Token) -> bool:
    """ "the city", "the province" with no other word: a place named before."""
    return (
        head.lower_ in ("city", "province")
        and head.pos_ == "NOUN"
        and [c.lower_ for c in head.children if c.dep_ not in ("punct", "prep", "relcl", "acl")]
        == ["the"]
    )


def is_place_word(head: Token) -> bool:
    """ "The province", "the city", "provincial leaders": a place named before, acting."""
    return _the_place_word(head) or _local_leaders(head)


def _local_leaders(head: Token) -> bool:
    """ "Provincial leaders", "city officials": a province's or city's leadership."""
    return head.lower_ in _LEADERS and any(
        c.lower_ in _LOCAL_WORDS and c.dep_ in ("amod", "compound") for c in head.children
    )


def _place_of(head: Token) -> list[str]:
    """The place a "province of ..." or "city of ..." names."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return [
                proper_name(o) for o in child.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
            ]
    return []


class LocalBodies:
    """What `PhraseNames` knows of local bodies: its `doc` and actor mentions by token."""

    doc: Doc
    named: dict[int, Span]

    def localized(self, name: str, position: int) -> str:
        """A local body's name ("Department of Industry and Trade") as the body of the place
        the article names last before character `position` (else its dateline's); the
        capital named last is where the state sits, not whose body it is, when the dateline
        or headline names another place."""
        if not is_local_body(name):
            return name
        span = self.doc.char_span(position, position + 1, alignment_mode="expand")
        before = span.start if span is not None else len(self.doc)
        named = self._local_body_named(name, before)
        if named != name:
            return named
        place = self._latest_place(before)
        home = self._dateline_place()
        if place and home and home[1] != place and country_of_capital(place):
            place = home[1]  # "worked with the ministry in Ha Noi": the seat of the state
        return f"{place} {name}" if place else name

    def branch(self, span: Span, head: Token) -> str | None:
        """A national agency's local branch when its phrase names a place or calls it
        provincial or the city's ("Hải Phòng Customs", "the Provincial Statistics Office"
        of the place named last), else None."""
        short = _BRANCHES.get(span.kb_id_)
        if short is None:
            return None
        place = self.branch_place([t for t in head.subtree if t.i < span.end], span.start)
        return f"{place} {short}" if place else None

    def branch_place(self, words: list[Token], at: int) -> str | None:
        """The place whose branch of an agency `words` name: a listed place among them
        ("Hải Phòng Customs", "customs officers in Bac Giang"), else the place named last
        before token `at` when they say "provincial" or "the city's"; None otherwise."""
        for width in (3, 2, 1):
            for first in range(len(words) - width + 1):
                run = words[first : first + width]
                if run[-1].i - run[0].i == width - 1 and run[0].text[:1].isupper():
                    place = home_place(self.doc[run[0].i : run[-1].i + 1].text)
                    if place:
                        return place
        if any(t.lower_.removesuffix("'s").removesuffix("’s") in _LOCAL_WORDS for t in words):
            return self._latest_place(at)
        return None

    def local_body(self, span: Span) -> str:
        """An actor mention's name, a local body's as its place's: the place after it ("the
        Department of Industry and Trade of An Giang province"), else as `localized`."""
        name = span.kb_id_
        if not is_local_body(name):
            return name
        after = self.doc[span.end : span.end + 5]
        if len(after) > 1 and after[0].lower_ == "of":
            for width in (3, 2, 1):
                place = place_name(after[1 : 1 + width].text)
                if place:
                    return f"{place} {name}"
        return self.localized(name, span.start_char)

    def _local_body_named(self, name: str, before: int) -> str:
        """A local body ("the department") as the place's body named before it ("the
        province's Department of Industry and Trade": Dong Nai's); other names as they are."""
        if not is_local_body(name):
            return name
        earlier = sorted(i for i, s in self.named.items() if s.kb_id_ == name and i < before)
        for i in reversed(earlier):
            place = self._locality(self.named[i].root)
            if place:
                return place
        return self._latest_local_body(before, name) or name

    def _locality(self, head: Token) -> str | None:
        """The city or province whose authorities a phrase names ("Hanoi authorities"), or
        its own body ("the Da Nang People's Committee", "the city's Department of Finance")."""
        if head.lower_ in _LOCAL_BODIES:
            if any(_of_a_trade(c) for c in head.children):
                return None  # "customs authorities", "tax authorities": not the city's
            body = ""
        elif head.i in self.named and is_local_body(self.named[head.i].kb_id_):
            body = f" {self.named[head.i].kb_id_}"
        else:
            return None
        if body and local_body_name(body.strip()):
            return None  # named in full: "the Can Tho People's Committee"
        for child in head.children:
            place = place_name(proper_name(child)) if child.dep_ in ("compound", "poss") else None
            if place:
                return place + body
        before = [t for t in head.subtree if t.i < head.i]
        if head.dep_ == "appos" and head.head.i < head.i:
            before.append(head.head)  # "the city People's Committee", parsed as an apposition
        if any(t.lower_ in _LOCAL_WORDS for t in before):  # "provincial", "city"
            named = self._latest_local_body_at(head.i, body.strip()) if body else None
            place = self._latest_place_at(head.i) or self._dateline_place()
            if named and (place is None or named[0] >= place[0]):
                return named[1]  # "the Binh Thuan People's Committee ... the provincial one"
            return place[1] + body if place else None
        return None

    def acting_place(self, head: Token) -> list[str]:
        """A province or city that acts ("Quang Ninh awarded a licence", "Bac Ninh province
        granted a certificate", "Da Nang will host a forum") is its People's Committee; a
        capital that acts is its country instead. "The city" or "the province" that acts, and
        its leaders ("provincial leaders received ..."), are the last place named's People's
        Committee."""
        if is_place_word(head):
            place = self._latest_place(head.i, cities=head.lower_ != "province")
            return [f"{place} {LOCAL_BODY_NAMES[0]}"] if place else []
        if head.lower_ in ("province", "city") and head.pos_ == "NOUN":  # "Bac Ninh province"
            words = [
                proper_name(c) for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
            ]
            words = words or _place_of(head)  # "the northern province of Hung Yen"
            place = home_place(" ".join(words)) if words else None
        else:
            place = home_place(proper_name(head)) if head.pos_ == "PROPN" else None
        if place is None or country_of_capital(place):
            return []
        return [f"{place} {LOCAL_BODY_NAMES[0]}"]

    def _latest_local_body(self, before: int, body: str) -> str | None:
        found = self._latest_local_body_at(before, body)
        return found[1] if found else None

    def _latest_local_body_at(self, before: int, body: str) -> tuple[int, str] | None:
        """The place's body named in full last before token `before` ("the Binh Thuan
        People's Committee ... the provincial People's Committee"), and where it ends."""
        spans = [s for s in set(self.named.values()) if s.end <= before]
        for span in sorted(spans, key=lambda s: s.start, reverse=True):
            if span.kb_id_.endswith(body) and span.kb_id_ != body:
                return span.end - 1, span.kb_id_
        return None

    def _latest_place(self, before: int, cities: bool = True) -> str | None:
        """The listed place named last before token `before` (with `cities` False, not one
        of the cities run by the centre: "the province" is none of them), else the
        dateline's."""
        found = self._latest_place_at(before, cities) or self._dateline_place()
        return found[1] if found else None

    def _dateline_place(self) -> tuple[int, str] | None:
        """The dateline's place (else the place a headline opens with), placed before every
        word."""
        dateline = self.doc._.dateline
        place = home_place(dateline.split("/")[0]) if dateline else None
        title = self.doc._.title or ""
        named = _TITLE_PLACE.match(title) if place is None else None
        place = place or (home_place(named.group(1)) if named else None)  # "Bac Ninh: ..."
        words = title.replace(",", " ").split()
        for width in (3, 2, 1):  # "Long An helps exporters ...": the headline's first words
            place = place or home_place(" ".join(words[:width]))
        return (-1, place) if place else None

    def _latest_place_at(self, before: int, cities: bool = True) -> tuple[int, str] | None:
        """The listed place named last before token `before`, and where it ends."""
        for token in reversed(self.doc[:before]):
            if not token.text[:1].isupper():
                continue
            place = home_place(proper_name(token)) if token.pos_ == "PROPN" else None
            # the parser may not tag every word of a place: "Cần Thơ", "Bà Rịa - Vũng Tàu"
            for width in (2, 3):
                words = self.doc[max(0, token.i - width + 1) : token.i + 1]
                place = place or home_place(words.text)
            if place and (cities or place not in _CENTRAL_CITIES):
                return token.i, place
        return None
