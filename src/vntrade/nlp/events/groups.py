"""Phrases that stand for actors the article named elsewhere: two of them ("the two sides",
"the two leaders", "the two ministries") or one person by title or nationality ("Vietnam's
trade minister", "the US diplomat")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import country_of
from vntrade.nlp.actors.rules import VIETNAMESE_SURNAMES

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Span, Token

Named = dict[int, "Span"]  # token index -> the actor mention covering it
HOME_COUNTRY = "Vietnam"
_PAIR_NUMBERS = ("two", "both")
_PAIR_NOUNS = ("sides", "countries", "nations", "parties", "governments", "delegations")
# Bodies "the two ..." stand for, by the words in their names.
_PAIR_BODIES = {
    "ministries": ("ministry", "department"),
    "agencies": ("agency", "administration", "service", "office"),
    "companies": ("company", "corporation", "group", "inc"),
    "banks": ("bank",),
    "associations": ("association", "council", "chamber"),
}
# Nouns of a person that a nationality picks out ("the US diplomat", "the Vietnamese leader").
_PERSON_NOUNS = ("diplomat", "official", "leader", "envoy", "host", "guest", "minister",
                 "ambassador", "senator", "secretary", "president", "premier", "lawmaker",
                 "negotiator", "spokesperson", "spokesman", "spokeswoman", "representative",
                 "politician", "chief", "head")  # fmt: skip
_COUNTRY_WORDS = {"us": "United States", "usa": "United States", "vietnam": "Vietnam"}
_PAIR_PEOPLE = ("leaders", "ministers", "officials", "presidents", "premiers", "heads")
# Titles that stand for the one person holding them ("the trade minister said").
_TITLE_HEADS = ("minister", "president", "premier", "chairman", "chairwoman", "spokesperson",
                "spokesman", "spokeswoman", "ambassador", "governor", "secretary",
                "representative", "director", "envoy")  # fmt: skip


def named_in(named: Named, tokens: Iterable[Token], label: str | None = None) -> list[str]:
    """The actors (of `label`, "PERSON" or "GPE", when given) that `tokens` name, in order,
    once each."""
    spans = (named.get(t.i) for t in tokens)
    return list(
        dict.fromkeys(s.kb_id_ for s in spans if s is not None and label in (None, s.label_))
    )


def home_first(countries: list[str]) -> list[str]:
    """Two sides an article leaves unnamed, Vietnam first ("the two sides": Vietnam and the
    United States, as the talks are named), the others in their order."""
    return sorted(countries, key=lambda name: name != HOME_COUNTRY)


def _role_country(role: str) -> str | None:
    """The country a title names ("US Ambassador", "Vietnamese Ambassador to the US": the
    first named), None when it names none ("Deputy Prime Minister")."""
    for word in role.replace(".", "").split():
        country = country_of(word) or _COUNTRY_WORDS.get(word.lower())
        if country:
            return country
    return None


def person_country(name: str, role: str | None) -> str | None:
    """The country a person acts for: the one their title names, else Vietnam for a
    Vietnamese name; None when neither tells."""
    return _role_country(role or "") or (HOME_COUNTRY if _vietnamese_name(name) else None)


def _vietnamese_name(name: str) -> bool:
    """Whether a person's name opens with a common Vietnamese family name."""
    return name.split()[0].lower() in VIETNAMESE_SURNAMES


def pair_names(named: Named, head: Token) -> list[str]:
    """ "The two sides", "both countries": the last two countries named before them;
    "the two ministries": the last two ministries or departments named before them."""
    if not any(c.lower_ in _PAIR_NUMBERS for c in head.children):
        return []
    if head.lower_ in _PAIR_BODIES:
        return _body_pair(named, head)
    if head.lower_ in _PAIR_PEOPLE:
        return _people_pair(named, head)
    if head.lower_ not in _PAIR_NOUNS:
        return []
    before = sorted(
        (s for s in set(named.values()) if s.end <= head.i and s.label_ == "GPE"),
        key=lambda s: s.start,
    )
    latest: list[str] = []
    for span in reversed(before):
        if span.kb_id_ not in latest:
            latest.append(span.kb_id_)
        if len(latest) == 2:
            break
    if len(latest) == 1:  # one side named before: the other is Vietnam, else named later
        after = [s.kb_id_ for s in named.values() if s.label_ == "GPE" and s.start > head.i]
        others = [HOME_COUNTRY, *sorted(set(after), key=after.index)]
        latest += [name for name in others if name not in latest][:1]
    if len(latest) < 2:
        return []
    first = {name: min((s.start for s in before if s.kb_id_ == name), default=0) for name in latest}
    return home_first(sorted(latest, key=first.__getitem__))


def _people_pair(named: Named, head: Token) -> list[str]:
    """ "The two leaders", "both ministers": the last two people named before them, in
    the order the article named them."""
    return _last_two(named, head, "PERSON", lambda name: True)


def _body_pair(named: Named, head: Token) -> list[str]:
    """ "The two ministries": the last two bodies named before them with that word."""
    words = _PAIR_BODIES[head.lower_]
    return _last_two(named, head, "ORG", lambda name: any(w in name.lower() for w in words))


def _last_two(named: Named, head: Token, label: str, fits: Callable[[str], bool]) -> list[str]:
    """The last two names of `label` before `head` that `fits` takes, in text order."""
    before = sorted(
        (s for s in set(named.values()) if s.end <= head.i and s.label_ == label),
        key=lambda s: s.start,
        reverse=True,
    )
    latest: list[str] = []
    for span in before:
        if fits(span.kb_id_) and span.kb_id_ not in latest:
            latest.append(span.kb_id_)
    return latest[:2][::-1] if len(latest) >= 2 else []


def titled_person(doc: Doc, head: Token) -> list[str]:
    """The one person the article names whose role has every word of a title phrase
    ("Vietnam's trade minister" and "Industry and Trade Minister Nguyen Hong Dien")."""
    if head.lower_ not in _TITLE_HEADS:
        return []
    words = {t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod")} | {head.lower_}
    roles = doc._.vntrade_actor_roles or {}
    holders = [name for name, role in roles.items() if role and words <= set(role.lower().split())]
    return holders if len(holders) == 1 else []


def described_person(doc: Doc, named: Named, head: Token) -> list[str]:
    """ "The US diplomat", "the Vietnamese official": the person named last before the
    phrase whose title is of that country (a Vietnamese title names no country)."""
    if head.lower_ not in _PERSON_NOUNS or head.tag_ != "NN":
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    countries = [
        named[c.i].kb_id_ if c.i in named else country_of(c.text)
        for c in head.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
    ]
    country = next((c for c in countries if c), None)
    if country is None:
        return []
    roles = doc._.vntrade_actor_roles or {}
    people = sorted(
        (s for s in set(named.values()) if s.end <= head.i and s.label_ == "PERSON"),
        key=lambda s: s.start,
        reverse=True,
    )
    for span in people:
        said = _role_country(roles.get(span.kb_id_) or "")
        home = said is None and country == HOME_COUNTRY and _vietnamese_name(span.kb_id_)
        if said == country or home:
            return [span.kb_id_]
    return []
