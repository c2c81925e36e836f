"""An event's kind from its trigger and frame in the parse (`data/events/kinds.jsonl`).

The trigger is the predicate a date belongs to. A kind's `verbs` give it alone ("met",
"visited"); its `light_verbs` take the kind of their frame's nouns and give their own only
when no noun does ("signed an order" is a decision, "signed a deal" an agreement); its
`nouns` give it as the event noun a date is written on, or as the trigger's object, the noun
the trigger modifies, its subject or a prepositional object, in that order. Three frames read
their nouns their own way: speech ("said", "told": a briefing, a report when it tells data, an
announcement "in a statement"), taking effect ("takes effect", "applies": the kind of what
takes effect) and phases ("ends", "expires", "resumes": the kind of what ends; a pause that
ends is a deadline). No answer (None) leaves the kind to the trigger words (`kinds.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events import frame_cues as cues
from vntrade.nlp.events import kind_words as words
from vntrade.nlp.events.documents import (
    document_sets_tariffs,
    documents_within,
    issued_document,
    issues_coded_document,
    sets_tariffs_when_told,
)
from vntrade.nlp.events.event_nouns import (
    TOPIC_PREPOSITIONS,
    first_kind,
    first_noun,
    noun_kind,
    remedy_finding,
    sets_tariff_objects,
    sets_tariffs,
    tariff_content,
)
from vntrade.nlp.events.kind_words import lexicon
from vntrade.nlp.events.measure_cues import (
    averted,
    made_known_in,
    makes_levy_known,
    measure_moves,
)
from vntrade.nlp.events.misparsed import body_subject, misread_subject

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Doc, Token

_EFFECT = ("apply", "take effect", "come into effect", "come into force", "enter into force")
_ENDS = ("end", "expire", "lapse", "close")
_HAPPENINGS = ("negotiation", "meeting", "visit", "call")
_SPEECH_DATA = ("report",)  # what a speech verb's words make of it, besides a briefing


def frame_kind(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The kind of the event the date at `start:end` belongs to, and its trigger's words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token, path, described = span.root, [], False
    while token.head.i != token.i and (
        not parts.is_predicate(token)
        or parts.only_dates(token, start, end)
        or describes_group(token)
        or parts.fronted_participle(token)
        or parts.topic_gerund(token)
    ):
        described = described or describes_group(token)
        if token.pos_ in ("NOUN", "PROPN") and not start <= token.idx < end and not described:
            path += [] if body_subject(token) else [token]
        if parts.fronted_participle(token):
            path = []  # "Asked about the rate on Thursday, X said": what X said is the event
        token = token.head
    if not path and token.lower_ in parts.PREPOSITION_INGS:
        path = parts.pobjects(token)  # "following a call ... on Friday", parsed as a verb
    if not path and token.pos_ in parts.PREDICATE and _reacts_aloud(token):
        return _predicate_kind(token)  # "welcomed the decision at a briefing on May 2"
    venue, deciding = None, None
    for noun in path:
        if _topic(noun, path) or cues.sidelines(noun):
            continue  # "a round of negotiations on a trade agreement": what it is about
        if _audience_told(noun):
            break  # "told an investor meeting on Tuesday that ...": the saying is the event
        kind = tariff_content(noun) or noun_kind(noun)
        if kind == "announcement" and cues.analysts_note(noun):
            kind = "report"  # "said in a note dated August 5"
        if kind == "announcement" and made_known_in(noun):
            kind = "tariff measure"  # "threatened a 30% tariff in a letter on July 12"
        decider = cues.decided_at(noun) if kind in ("meeting", "negotiation") else None
        if kind and (cues.frames_clause(noun) or decider is not None):
            venue, deciding = venue or (kind, noun.text), deciding or decider
            continue  # "approved the plan at a meeting on Monday": the decision
        if kind:
            return kind, noun.text
    if token.pos_ not in parts.PREDICATE:
        return venue
    told = _told_by_source(token)
    if told is not None:  # "set duties, according to a notice published on Monday"
        return _predicate_kind(told) or _predicate_kind(token)
    if token.dep_ == "acl" and cues.analysts_note(token.head):
        return "report", token.head.text  # "in a note released on Tuesday, X said"
    if token.dep_ == "relcl" and tariff_content(token.head):
        return "tariff measure", token.head.text  # "in a letter Trump sent on July 9"
    if token.dep_ in ("acl", "relcl") and document_sets_tariffs(token.head):
        return "tariff measure", token.head.text  # "an order signed on July 31 that adjusted
        # rates", "under the order signed on July 31, goods face a 20% tariff"
    found, deciding = None, deciding or cues.signed_for(token) or cues.venue_decider(token)
    if deciding is not None and deciding.i != token.i:
        found = _predicate_kind(deciding)  # "signed deals to buy corn at a ceremony on May 2"
    found = found or _predicate_kind(token)
    if found and found[0] in ("announcement", "agreement") and issued_document(token):
        return "decision", token.head.text  # "Decree No. 245/2025/ND-CP, issued on May 2"
    if found is None and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
        return _clause_kind(token.head)  # "rates apply to goods entering the US on May 7"
    return found or venue


def _told_by_source(participle: Token) -> Token | None:
    """The clause an "according to" source tells, when the date is on the source's
    participle ("…, according to a notice published on Monday"): that clause's predicate."""
    source = participle.head
    if participle.dep_ != "acl" or source.dep_ != "pobj" or source.head.lower_ != "to":
        return None
    if any(c.dep_ == "agent" for c in participle.children):
        return None  # "a notice issued by CBP on Wednesday": CBP's notice is the event
    according = source.head.head
    if according.lower_ != "according" or according.head.pos_ not in parts.PREDICATE:
        return None
    # a notice or statement tells what happened; released data or a survey is the event
    return according.head if noun_kind(source) == "announcement" else None


def _clause_kind(noun: Token) -> tuple[str, str] | None:
    """The kind of the clause a noun belongs to, found by climbing to its predicate."""
    token = noun
    while token.head.i != token.i and token.pos_ not in parts.PREDICATE:
        token = token.head
    return _predicate_kind(token) if token.pos_ in parts.PREDICATE else None


def describes_group(token: Token) -> bool:
    """Whether a participle only says who makes up a group ("a delegation led by X on May
    7"): a date the parser hung on it belongs to the clause the group is in."""
    return token.dep_ == "acl" and token.lower_ in words.GROUP_PARTICIPLES


def _topic(noun: Token, path: list[Token]) -> bool:
    """Whether a noun is, or lies within, what a noun above it is about ("talks on a
    trade agreement", "a meeting about tariffs")."""
    above = {t.i for t in path}
    token = noun
    while token.head.i != token.i:
        topic = token.dep_ == "pobj" and token.head.lower_ in TOPIC_PREPOSITIONS
        if topic and token.head.head.i in above:
            return True
        token = token.head
    return False


def _predicate_kind(verb: Token) -> tuple[str, str] | None:
    verbs, light, _nouns = lexicon()
    lemma = parts.lemma(verb)
    phrase = parts.phrasal(verb)
    if phrase in _EFFECT:
        return _effect_kind(verb), parts.trigger_words(verb, phrase)
    if measure_moves(verb):
        return "tariff measure", verb.text  # "the tariff on cabinets will rise to 50%"
    if cues.court_rules(verb) or cues.opens_case(verb) or cues.finds_as_authority(verb):
        return "decision", verb.text  # "the court reinstated the tariffs", "opened a probe"
    if _reacts_aloud(verb):  # "welcomed Trump's decision at a news briefing": the reaction
        return _in_writing(verb) or "briefing", verb.text
    if lemma == "lead" and cues.led_to(verb):
        return "visit", verb.text  # "will lead a trade mission to the Boston expo"
    if cues.phones(verb):
        return "call", verb.text  # "Trump called To Lam"
    if cues.remote(verb, lemma):  # "spoke by video with Greer"; "negotiators met online"
        return ("negotiation" if cues.negotiating_teams(verb) else "call"), verb.text
    if lemma == "break" and any(c.lower_ == "ground" for c in verb.children):
        return "meeting", f"{verb.text} ground"  # a groundbreaking ceremony
    if lemma in light and light[lemma] == "briefing":
        return _speech_kind(verb), verb.text
    if makes_levy_known(verb):
        return "tariff measure", verb.text  # "the 24 percent Trump announced on April 2"
    if (lemma in verbs or lemma in light) and sets_tariff_objects(verb):
        return "tariff measure", verb.text  # "removes the 20% duty", "exempted X from tariffs"
    if lemma in verbs:
        if verbs[lemma] == "meeting" and first_kind(parts.subjects(verb)) == "negotiation":
            return "negotiation", verb.text  # "the negotiators will meet again"
        return verbs[lemma], verb.text
    if lemma == "ask" and cues.asks_to_act(verb):
        return "decision", verb.text  # "asked the ministry to keep the tariff at zero"
    if lemma in words.PHASES:
        kind = first_kind([*parts.objects(verb), *parts.subjects(verb)])
        if lemma in _ENDS and kind not in _HAPPENINGS:
            return "deadline", verb.text
        return (kind, verb.text) if kind else None
    if lemma == "be":
        kind = first_kind(parts.subjects(verb))
        return (kind, verb.text) if kind == "visit" else None
    written = _in_writing(verb)
    if written:
        return written, verb.text  # "welcomed the decision in a statement", "in a note"
    objects = parts.objects(verb)
    of_objects = [  # "notified seven countries of new tariff rates"; not "published details
        n  # of the trade framework", where the light verb says what was done with it
        for o in (objects if lemma not in light else [])
        for c in o.children
        if c.lower_ == "of"
        for n in parts.pobjects(c)
    ]
    found = first_noun(
        [*objects, *of_objects, *parts.modified(verb), *parts.subjects(verb), *parts.preposed(verb)]
    ) or first_noun(documents_within(objects))
    if found and found[0] == "report" and lemma in _STOPPING and light.get(lemma) == "decision":
        return "decision", verb.text  # "suspended rice imports": an act on trade, not data
    ruling = found is not None and remedy_finding(found[1])  # "final results setting a rate"
    if found and found[0] in ("decision", "announcement") and sets_tariffs(verb) and not ruling:
        return "tariff measure", found[1]  # "signed an order on May 2 raising duties"
    if found and found[0] == "call" and lemma in words.CHAIRING:
        return "meeting", found[1]  # "chaired an online meeting": a meeting, held online
    if found and found[0] == "call" and cues.negotiating_teams(verb):
        return "negotiation", found[1]  # "the technical teams held online talks"
    if found and found[0] == "meeting" and cues.sides_in_session(verb, found[1]):
        return "negotiation", found[1]  # "the two sides will hold a technical session"
    if (
        found
        and found[0] == "announcement"
        and (cues.requests(verb, found[1]) or cues.numbered_paper(verb))
    ):
        return "decision", found[1]  # "sent a letter on May 2 requesting support"
    if found and found[0] == "announcement" and cues.adopts_plan(lemma, found[1]):
        return "decision", found[1]  # "the committee issued a plan to support exporters"
    if found and found[0] == "meeting" and first_kind(parts.subjects(verb)) == "negotiation":
        return "negotiation", found[1]  # "the negotiating teams held a session"
    if (
        found
        and found[0] == "negotiation"
        and found[1].lower() == "talks"
        and cues.with_person(verb)
    ):
        return "meeting", found[1]  # "the deputy PM held talks with Secretary Bessent"
    if found:
        return found  # the noun's words are the trigger: "held phone talks"
    if lemma not in light and any(
        c.dep_ == "xcomp" and sets_tariff_objects(c) for c in verb.children
    ):
        return "tariff measure", verb.text  # "pledged to lower import duties"
    if lemma in words.ADOPTING and issues_coded_document(verb):
        return "decision", verb.text  # "issued Circular 36/2025/TT-BTC amending ..."
    if light.get(lemma) == "announcement" and any(
        c.dep_ == "ccomp" and _reached_deal(c) for c in verb.children
    ):
        return "agreement", verb.text  # "A and B have agreed to a deal, Trump announced"
    return (light[lemma], verb.text) if lemma in light else None


# What binds those it names from the day it applies: a day to comply by.
_RULES = ("regulation", "rule", "requirement")
# Light verbs that stop or restart a trade flow by an authority's act.
_STOPPING = ("suspend", "lift", "postpone", "delay", "exempt")


def _speech_kind(verb: Token) -> str:
    """A speech verb's kind: a report when it tells data (its speaker is an analyst or a
    statistics office, or what it says is a figure moving), an announcement "in a statement",
    else a briefing."""
    if first_kind(parts.subjects(verb)) == "report":
        return "report"
    if cues.to_audience(verb, words.LEGISLATORS):
        return "meeting"  # "told the Senate Finance Committee": a hearing
    if cues.to_audience(verb, words.AUDIENCE, press=True):
        return "briefing"  # "told reporters that exports could rise 12%"
    verbs, light, _nouns = lexicon()
    for child in verb.children:
        if child.dep_ == "ccomp":
            lemma = parts.lemma(child)
            said = verbs.get(lemma) or light.get(lemma) or first_kind(parts.subjects(child))
            if said in _SPEECH_DATA and _tells_figures(child):
                return "report"  # "said exports rose 12%"; not "the surplus remains sensitive"
            done = _predicate_kind(child) if cues.done_by_speaker(child) else None
            if done and done[0] in words.DONE_KINDS:
                return done[0]  # "said it had opened an investigation": what was done
            if _reached_deal(child) or _deal_terms(child):
                return "agreement"  # "Trump said Vietnam had agreed to a deal": the deal
    return _in_writing(verb) or "briefing"


def _audience_told(noun: Token) -> bool:
    """Whether a noun is the audience of "told" ("told an investor meeting", "told a
    conference of diplomats"), not legislators (a hearing is a meeting)."""
    if noun.dep_ not in ("dobj", "dative") or parts.lemma(noun.head) != "tell":
        return False
    return not cues.to_audience(noun.head, words.LEGISLATORS)


def _tells_figures(clause: Token) -> bool:
    """Whether a reported clause gives a number ("exports rose 12%", "hit $12 billion")."""
    return any(t.like_num or t.text in ("%", "percent") for t in clause.subtree)


def _reached_deal(clause: Token) -> bool:
    """Whether a reported clause tells a deal reached or agreed, done and with no date of
    its own ("said the US had reached a trade deal with Vietnam"; not "said it signed the
    deal on Tuesday", whose date dates the deal, nor "talks concluded")."""
    if not cues.done(clause) or _dated_itself(clause):
        return False
    found = _predicate_kind(clause)
    if found is not None and found[0] == "agreement" and found[1] != clause.text:
        return True
    # "had struck a trade deal that will impose a 19% tariff", "have agreed to a trade deal"
    agreed_to = [p for c in clause.children if c.lower_ == "to" for p in parts.pobjects(c)]
    return any(noun_kind(o) == "agreement" for o in [*parts.objects(clause), *agreed_to])


def _dated_itself(clause: Token) -> bool:
    """Whether a date hangs on the clause's own verb ("said it signed the deal on Tuesday"),
    not on a verb inside it ("a deal ..., below the 46% rate he announced on April 2")."""
    for token in clause.subtree:
        if token.ent_type_ in ("DATE", "TIME"):
            verb = parts.governing_verb(token)
            if verb is None or verb.i == clause.i:
                return True
    return False


def _deal_terms(clause: Token) -> bool:
    """Whether a reported clause tells the terms of a deal ("said Indonesia will pay a 19%
    tariff under a deal with Jakarta"): the deal is what the saying reports."""
    return any(
        t.lower_ == "under" and any(noun_kind(p) == "agreement" for p in parts.pobjects(t))
        for t in clause.subtree
    )


def _reacts_aloud(verb: Token) -> bool:
    """Whether a verb of reacting ("welcomed", "criticised") says where the reaction was
    made: in writing or to the press, anywhere in its clause ("welcomed the decision to
    pause the duties at a news briefing")."""
    if parts.lemma(verb) not in words.REACTING:
        return False
    if _in_writing(verb) or cues.to_audience(verb, words.AUDIENCE, press=True):
        return True
    return any(
        parts.lemma(n) in words.PRESS_OCCASIONS or noun_kind(n) == "briefing"
        for t in verb.subtree
        if t.dep_ == "prep" and t.lower_ in ("at", "in", "during")
        for n in parts.pobjects(t)
    )


def _effect_kind(verb: Token) -> str:
    """The kind of what takes effect: its subject's or, for "a doubling of the tariffs",
    what its "of" phrase names; a decree or decision that cuts tariffs where the article
    first tells of it ("a decree cutting duties ... The decree took effect") is a tariff
    measure; else a decision."""
    if averted(verb):
        return "deadline"  # "a 25% tariff had been set to take effect on August 1"
    nouns = parts.subjects(verb)
    nouns += [p for n in nouns for p in parts.of_objects(n)]
    if not nouns and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "signed an order imposing a 25% tariff on India, to take effect on August 27"
        told = [t for t in verb.head.subtree if t.i < verb.i and t.pos_ == "NOUN"]
        if any(noun_kind(t) == "tariff measure" for t in told):
            return "tariff measure"
    if any(parts.lemma(n) in _RULES for n in nouns):
        return "deadline"  # "the EU's deforestation regulation will apply from December 30"
    kind = first_kind(nouns) or first_kind(misread_subject(nouns))
    if kind in ("decision", None) and sets_tariffs_when_told(nouns):
        return "tariff measure"  # "Decree 73/2025/ND-CP took effect": a decree cutting duties
    return kind or "decision"


def _in_writing(verb: Token) -> str | None:
    """How the verb was made public, when it says so: an announcement "in a statement" or
    "in a letter", a report "in a research note"; also said of its object ("welcomed the
    decision in a statement")."""
    heads = [verb, *(o for o in parts.objects(verb) if o.pos_ == "NOUN")]
    for child in (c for head in heads for c in head.children):
        if child.dep_ == "prep" and child.lower_ == "in":
            kind = first_kind(parts.pobjects(child))
            if kind == "announcement" and any(map(cues.analysts_note, parts.pobjects(child))):
                return "report"  # "economists said in a note", "wrote in a note to clients"
            if kind in ("announcement", "report"):
                return kind
    return None
