"""A second tariff measure told beside the main one in a clause of its own: "Trump paused
his tariffs on dozens of countries for 90 days, while raising the levy on Chinese imports
to 125%". The clause ("while", "and", "as well as" with a participle of setting a tariff)
has no date of its own, so it happened that day too: a tariff measure of the same doer, on
the country its own phrase targets.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import country_of
from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events.companions import dated_within
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.events.kind_words import SETTING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from vntrade.nlp.events.participants import Parse
    from vntrade.records import Event

_BESIDE = ("while", "and", "also")  # "..., while raising the tariff on Chinese goods"
_IRREGULAR = {"set": "set", "cut": "cut", "slash": "slashed", "lift": "lifted"}


def companion_measures(parse: Parse, main: Event, dates: list[tuple[int, int]]) -> list[Event]:
    """The tariff measures the sentence of `main` (a tariff measure) tells beside it with
    no date of their own, each on a target its phrase names."""
    if main.kind != "tariff measure" or not main.actors:
        return []
    span = parse.doc.char_span(main.sentence_start, main.sentence_end, alignment_mode="expand")
    if span is None:
        return []
    found: list[Event] = []
    for verb in span:
        if not _beside(verb) or dated_within(verb, dates):
            continue
        levies = [o for o in parts.objects(verb) if noun_kind(o) == "tariff measure"]
        targets = _targets(parse, verb, levies)
        if not levies or not targets or targets[0] in main.actors[1:2]:
            continue
        words = [
            t for t in verb.subtree if t.i > verb.i and not (t.dep_ == "prt" and t.head == verb)
        ]
        told = " ".join(t.text for t in words).replace(" %", "%").rstrip(" .,")
        summary = f"{main.actors[0]} {_past(verb)} {told}"
        actors = [main.actors[0], targets[0]]
        found.append(replace(main, actors=actors, summary=summary, trigger=verb.text, lead=False))
    return found


def _targets(parse: Parse, verb: Token, levies: list[Token]) -> list[str]:
    """The countries the measure's phrase targets ("the levy on Chinese imports", "raising
    the tariff on Chinese goods"): named, or by their nationality."""
    phrases = [*levies, *(c for c in verb.children if c.lower_ in ("on", "against"))]
    found: list[str] = []
    for phrase in phrases:
        for token in phrase.subtree:
            named = parse.names.named.get(token.i)
            if named is not None and named.label_ == "GPE":
                found.append(named.kb_id_)
            elif token.dep_ == "amod" and country_of(token.text):
                found.append(country_of(token.text) or "")
    return list(dict.fromkeys(found))


def _beside(verb: Token) -> bool:
    """A participle of setting a tariff in a clause beside the main verb ("..., while
    raising the levy to 125%")."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj"):
        return False
    lemma = parts.lemma(verb)
    if lemma not in SETTING and not any(c.dep_ == "prt" for c in verb.children):
        return False
    opening = [c.lower_ for c in verb.children if c.dep_ in ("mark", "cc", "advmod")]
    return any(word in _BESIDE for word in opening) or verb.dep_ == "conj"


def _past(verb: Token) -> str:
    """The participle's past tense, with its particle ("ratcheting up": "ratcheted up")."""
    lemma = parts.lemma(verb)
    if lemma.endswith("ing"):  # one the lexicon does not list: "ratcheting"
        lemma = lemma[:-3]
        lemma = lemma[:-1] if len(lemma) > 3 and lemma[-1] == lemma[-2] else lemma
    past = _IRREGULAR.get(lemma) or (lemma + "d" if lemma.endswith("e") else lemma + "ed")
    particle = next((c.text for c in verb.children if c.dep_ == "prt"), "")
    return f"{past} {particle}".strip()
