"""Who a measure belongs to when the sentence only says it takes effect.

"The new rates are due to take effect on April 9" names no doer: the rates' owner is the
state or body that set them, not whoever the sentences before happen to name ("Trump
unveiled the tariffs ... Chinh told the task force ..."). In this order, the owner is:

1. a country or body written in the measure's own phrase, not as its target ("US tariffs",
   "the tariff imposed by Washington", "Washington's rates"; not "the tariff on Vietnamese
   goods");
2. the signer of the order, proclamation or letter the sentence says it comes under ("took
   effect under an executive order signed by Trump");
3. the United States for its 2025 tariff programme, named as such ("reciprocal",
   "baseline", "country-specific" tariffs or rates);
4. the doer of the article's nearest sentence that sets a tariff ("Trump unveiled the
   reciprocal tariffs", "Washington announced a 46% tariff"); a person stands for their
   country, which their title or name gives (a body stays itself: "Commerce set the
   rates");
5. Vietnam for a decree or circular, its government's instruments.

A country that is the measure's target is never its owner.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.events.arguments import governing_verb
from vntrade.nlp.events.groups import HOME_COUNTRY
from vntrade.nlp.events.kind_words import verb_lemma
from vntrade.nlp.events.measure_targets import hit_by, names_us, phrase_targets, sentence_bearers
from vntrade.nlp.events.owner_names import (
    US,
    leader_country,
    nearest,
    owner_name,
    targets_of,
    written_owner,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from vntrade.nlp.events.participants import Parse, Participants

_EFFECT = re.compile(r"\b(?:effect|effective|force|appl(?:y|ies|ied))\b", re.IGNORECASE)
_KICKS_IN = re.compile(r"\bkick(?:s|ed)?\s+in\b", re.IGNORECASE)
_OWNED_KINDS = ("tariff measure", "decision", "deadline")
_MEASURE_WORDS = frozenset(
    {"tariff", "tariffs", "duty", "duties", "levy", "levies", "rate", "rates", "tax", "taxes"}
)
# A tariff told by its making known ("the 24 per cent announced"): owned as a tariff noun is.
_MADE_KNOWN = frozenset({"announced", "unveiled", "threatened", "letter"})
# Verbs that set a measure ("unveiled the tariffs", "slapped a 46% duty on ...").
_SETTING = frozenset(
    {"impose", "announce", "unveil", "slap", "levy", "set", "raise", "hike", "introduce"}
    | {"cut", "lower", "reduce", "slash", "double", "remove", "lift", "scrap", "waive"}
    | {"exempt", "pause", "suspend", "extend", "postpone", "reinstate", "restore"}
)
_US_PROGRAMME = ("reciprocal", "baseline", "country-specific")
_HOME_INSTRUMENTS = ("decree", "decrees", "circular", "circulars")


def takes_effect(kind: str, trigger: str | None, summary: str, who: Participants) -> bool:
    """Whether an event is a measure taking effect ("took effect", "applies", "kick in"),
    or a tariff measure whose doer is only borrowed from an earlier sentence ("The order
    modifies the rates")."""
    if kind not in _OWNED_KINDS:
        return False
    unset = who.borrowed or (not who.agents and _measure_subject(who))
    if kind == "tariff measure" and unset and not who.reported:
        return True  # "the rate on furniture will rise to 30%": no one's doing in it
    trigger = trigger or ""
    return bool(_EFFECT.search(trigger) or _KICKS_IN.search(trigger) or _KICKS_IN.search(summary))


def _measure_subject(who: Participants) -> bool:
    """Whether the clause's subject is the measure itself ("the rate on sofas", "a 20% duty
    on gloves"), not who pays it ("exporters will pay a 20% tariff")."""
    words = set(re.findall(r"[a-z]+", (who.subject_text or "").lower()))
    return bool(words & _MEASURE_WORDS)


def bearer_not_first(parse: Parse, found: list[str], kind: str, date: tuple[int, int]) -> list[str]:
    """A tariff measure's participants (`found`, from `measure_participants`) with its owner
    put before a country that bears it ("Malaysia faces a 24% tariff") or one who speaks
    for that country: the owner its phrase names, else the United States the article names."""
    if kind != "tariff measure" or not found:
        return found
    measure = nearest(parse, date, _MEASURE_WORDS, "NOUN")
    bearers = set()
    if measure is not None:
        bearers = sentence_bearers(parse, measure[0].sent, _MEASURE_WORDS)
        bearers |= phrase_targets(parse, measure[0])  # "the rates, including 46% on Vietnam"
    if measure is None or (found[0] not in bearers and owner_name(parse, found[0]) not in bearers):
        return found
    owner = _phrase_owner(parse, measure[0])[0]
    if owner is None or owner in bearers:  # the article's tariffs are Washington's
        owner = US if names_us(parse) and US not in bearers else None
    return list(dict.fromkeys([owner, *found])) if owner else found


def measure_participants(
    parse: Parse,
    who: Participants,
    participants: list[str],
    event: tuple[str, str | None, str],
    date: tuple[int, int],
) -> list[str]:
    """The participants of a measure's event (`event`: kind, trigger, summary) with the
    measure's owner first: for one taking effect, as `owned_participants` says; for a
    tariff the event names by its noun ("despite the 20% US tariff in place since August",
    "exporters have paid a 20% tariff since August 7"), the owner its phrase or the article
    names, ahead of whoever reports it or an earlier sentence names."""
    kind, trigger, summary = event
    if takes_effect(kind, trigger, summary, who):
        return owned_participants(parse, who, participants, kind, date)
    if kind == "tariff measure" and participants and _STARTS.search(parse.doc.text, 0, date[0]):
        country = leader_country(parse, participants[0])  # "Trump set a 25% tariff from
        if country:  # August 1": the day the country's tariff starts
            return list(dict.fromkeys([country, *participants]))
    if kind == "deadline":
        owner = _pause_owner(parse, date)  # "before the 90-day pause on US tariffs expires"
        return list(dict.fromkeys([owner, *participants])) if owner else participants
    last = (trigger or "x").lower().split()[-1]
    if kind != "tariff measure" or last not in _MEASURE_WORDS | _MADE_KNOWN:
        return participants  # named by the deed ("cut"), not the noun ("a 20% tariff")
    if who.agents and not (who.borrowed or who.reported):
        return participants  # "Washington doubled its tariffs": the clause names its doer
    owner = _noun_owner(parse, date)
    if owner is None and last in _MADE_KNOWN and names_us(parse):
        owner = US  # "the 24 per cent announced on April 2": Washington's, named nowhere near
    if owner is None or (participants and owner_name(parse, participants[0]) == owner):
        return participants
    return list(dict.fromkeys([owner, *participants]))


_PAUSES = frozenset({"pause", "truce", "suspension", "reprieve", "moratorium", "deadline"})
_DEALS = frozenset({"deal", "deals", "agreement", "agreements"})


def _pause_owner(parse: Parse, date: tuple[int, int]) -> str | None:
    """Whose tariff pause ends on a deadline ("the 90-day pause on steep US tariffs
    expires on July 9", "the July 9 expiry of Trump's 90-day pause"): the owner its phrase
    names, else the setter of the article's tariffs, else the United States when the
    article names it. Whoever waits for it, or stands for its owner, comes after."""
    found = nearest(parse, date, _PAUSES)
    if found is None:
        return None
    pause, day = found
    if not _dates_pause(pause, day):
        return None
    if pause.lower_ == "deadline":  # "ahead of the August 1 deadline for tariff deals"
        return _deadline_owner(parse, pause)
    if not _about_tariffs(parse, day.sent):
        return None
    owner, _phrase, targets = _phrase_owner(parse, pause)
    return owner or (US if names_us(parse) and US not in targets else None)


def _deadline_owner(parse: Parse, deadline: Token) -> str | None:
    """Whose deadline a sentence on tariffs or deals names ("a week before the July 9
    deadline", "the August 1 deadline set by Washington"): the owner its phrase names,
    else the United States when the article names it; None in a sentence on neither
    ("comments are due before the deadline")."""
    if not any(t.lower_ in _MEASURE_WORDS | _DEALS for t in deadline.sent):
        return None
    phrase = parse.doc[deadline.left_edge.i : deadline.right_edge.i + 1]
    targets = targets_of(parse, phrase)
    owner = written_owner(parse, phrase, targets)
    return owner or (US if names_us(parse) and US not in targets else None)


def _about_tariffs(parse: Parse, sentence: Span) -> bool:
    """Whether a pause is one on tariffs: its sentence names a measure, or, naming none
    ("The pause is due to expire on July 9"), the article's sentence before it does."""
    if any(t.lower_ in _MEASURE_WORDS for t in sentence):
        return True
    before = parse.doc[max(0, sentence.start - 80) : sentence.start]
    return any(t.lower_ in _MEASURE_WORDS for t in before)


# What a tariff's first day follows: "a 25% tariff from August 1", "effective May 5".
_STARTS = re.compile(
    r"\b(?:from|starting|beginning|effective|as\s+of|as\s+from)\s+(?:on\s+)?$", re.IGNORECASE
)
_PROLONGING = frozenset({"extend", "prolong", "keep", "lengthen"})


def _dates_pause(pause: Token, date: Token) -> bool:
    """Whether the date is the pause's end: in its phrase ("which ends on July 9"), on its
    verb ("the pause expires on July 9") or on the noun it is "of" ("the July 9 expiry of
    the pause")."""
    holders = {pause.i}
    if pause.dep_ in ("nsubj", "nsubjpass"):
        holders.add(pause.head.i)
    elif pause.dep_ == "pobj" and pause.head.lower_ == "of":
        holders.add(pause.head.head.i)
    elif pause.dep_ == "dobj" and verb_lemma(pause.head.text) in _PROLONGING:
        holders.add(pause.head.i)  # "extending the pause until November 10"
    token = date
    while token.i not in holders:
        if token.dep_ == "conj":
            return False  # "the pause was a relief and he asked X to finish by May 5"
        if token.dep_ in ("relcl", "acl") and token.head.i != pause.i:
            return False  # "the pause on the tariff Trump announced in April": the tariff's
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _noun_owner(parse: Parse, date: tuple[int, int]) -> str | None:
    """The owner of the tariff noun nearest the date in its sentence: a country or body its
    phrase names, not as its target, the doer of the article's nearest sentence setting a
    tariff, or the United States for its programme's tariffs."""
    found = nearest(parse, date, _MEASURE_WORDS, "NOUN")
    if found is None:
        return None
    owner, phrase, targets = _phrase_owner(parse, found[0])
    if owner is None and any(t.lower_ in _US_PROGRAMME for t in phrase) and US not in targets:
        return US
    return owner


def _phrase_owner(parse: Parse, head: Token) -> tuple[str | None, Span, set[str]]:
    """The owner of the measure or pause `head` heads, as its phrase or the nearest setting
    sentence names it (not a target), with the phrase and its targets."""
    phrase = parse.doc[head.left_edge.i : head.right_edge.i + 1]
    targets = targets_of(parse, phrase)
    owner = written_owner(parse, phrase, targets) or _setter(parse, head.sent, targets)
    return owner, phrase, targets


def owned_participants(
    parse: Parse, who: Participants, participants: list[str], kind: str, date: tuple[int, int]
) -> list[str]:
    """The participants of a measure taking effect, its owner first: `participants` as
    found when their first is the owner or acts for it, not borrowed from an earlier
    sentence ("the decree, signed by Deputy PM Phoc, takes effect": Phoc; "the duties will
    take effect, Trump said": Trump); else the owner, then `who`'s partners."""
    owner = measure_owner(parse, who, tariff=kind == "tariff measure")
    if (
        owner is None
        and who.borrowed
        and participants
        and not _named_near(parse, date, participants[0])
    ):
        owner = leader_country(parse, participants[0])  # "The exemption applies": Trump's
    if owner is None:
        return participants
    own = (not who.borrowed or who.reported) and _in_sentence(parse, who, participants[:1])
    if own and owner_name(parse, participants[0]) == owner:
        return participants
    return list(dict.fromkeys([owner, *who.partners]))


def _named_near(parse: Parse, date: tuple[int, int], name: str) -> bool:
    """Whether the sentence of the date names `name` (True when the date has no words)."""
    written = _written_in(parse, date)
    return written is None or name in written


def _in_sentence(parse: Parse, who: Participants, names: list[str]) -> bool:
    """Whether the sentence of `who`'s subject names each of `names` ("The order ... takes
    effect" names nobody: whoever signed it is named before)."""
    if who.subject is None or not names:
        return False
    written = _written_in(parse, who.subject)
    return written is not None and set(names) <= written


def _written_in(parse: Parse, where: tuple[int, int]) -> set[str] | None:
    """The actors named in the sentence of the characters `where`; None when they cover no
    word."""
    span = parse.doc.char_span(*where, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sentence = span[0].sent
    return {s.kb_id_ for i, s in parse.names.named.items() if sentence.start <= i < sentence.end}


def measure_owner(parse: Parse, who: Participants, tariff: bool = False) -> str | None:
    """The owner of the measure whose taking effect `who` describes, as the module says (for
    a `tariff`, the United States when the article names it and nothing else tells); None
    when nothing tells it."""
    # the measure is the clause's subject, or the noun a participle describes ("the 20%
    # tariff applied to Vietnamese goods since August 7")
    measure = who.subject or (who.described[:2] if who.described else None)
    if measure is None:
        return None
    doc = parse.doc
    phrase = doc.char_span(*measure, alignment_mode="expand")
    if phrase is None:
        return None
    targets = targets_of(parse, phrase)
    words = {t.lower_ for t in phrase}
    programme = US if words & set(_US_PROGRAMME) and US not in targets else None
    owner = (
        written_owner(parse, phrase, targets)
        or _signer(parse, phrase[0].sent, targets)  # "under an order signed by Trump"
        or programme  # "the reciprocal tariffs": Washington's, whoever set tariffs before
        or _setter(parse, phrase[0].sent, targets)
    )
    if owner:
        return owner
    if words & set(_HOME_INSTRUMENTS) and HOME_COUNTRY not in targets:
        return HOME_COUNTRY
    if tariff and US not in targets and _measure_subject(who) and names_us(parse):
        return US  # the article's tariffs are Washington's unless it says whose they are
    return None


def _setter(parse: Parse, sentence: Span, targets: set[str]) -> str | None:
    """The owner that the nearest sentence setting a tariff names as its doer: that
    sentence and the ones before it first, then the ones after."""
    doc: Doc = parse.doc
    sentences = list(doc.sents)
    index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), 0)
    order = [*reversed(sentences[: index + 1]), *sentences[index + 1 :]]
    for candidate in order:
        for token in candidate:
            hit = hit_by(parse, token)
            if verb_lemma(token.text) not in _SETTING and hit is None:
                continue
            if token.pos_ not in ("VERB", "AUX"):
                continue
            if not any(
                t.lower_ in _MEASURE_WORDS and _verb_of(t) == token.i for t in token.subtree
            ):
                continue  # "setting up a task force to assess the levy" sets nothing
            for name in hit or parse.agents_of(token) or _governing_agents(parse, token):
                owner = owner_name(parse, name)
                if owner and owner not in targets:
                    return owner
    return None


def _signer(parse: Parse, sentence: Span, targets: set[str]) -> str | None:
    """The owner a sentence names as the signer of the order, proclamation or letter the
    measure comes under ("took effect under an executive order signed by Trump")."""
    for token in sentence:
        if verb_lemma(token.text) != "sign" or token.tag_ != "VBN" or token.dep_ != "acl":
            continue
        if token.head.lower_ not in _INSTRUMENTS:
            continue
        for name in (n for c in token.children if c.dep_ == "agent" for n in parse.names.by(c)):
            owner = owner_name(parse, name)
            if owner and owner not in targets:
                return owner
    return None


_INSTRUMENTS = frozenset({"order", "proclamation", "letter", "memorandum", "decree"})


def _verb_of(word: Token) -> int | None:
    """The index of the nearest verb above a word in the parse."""
    for ancestor in word.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i
    return None


def _governing_agents(parse: Parse, participle: Token) -> list[str]:
    """The doer of the verb a participle hangs on ("Trump signed an order setting a 20%
    tariff": Trump)."""
    verb = governing_verb(participle)
    return parse.agents_of(verb) if verb is not None else []
