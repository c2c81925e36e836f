"""Cues in a predicate's frame that tell what kind of event it is: to whom something is said
("told reporters", "at a news conference", "told the Senate Finance Committee"), by what
means people talk ("by phone", "online"), whether a reported clause tells something done,
whether a letter makes a formal request or an authority adopts a plan, where people go
("led a delegation to Canberra") and where a meeting sits ("on the sidelines of the talks");
a court's ruling, a case opened, a body's finding, a numbered paper; and what was decided
or signed at a meeting or a ceremony. `frames.py` reads the kinds from them; a measure's
own cues are in `measure_cues.py`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.actors.nationalities import is_media
from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events import kind_words as words
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.purpose import verb_of_purposed_object

if TYPE_CHECKING:  # the views use these rules on stored records without spaCy
    from spacy.tokens import Token


def sidelines(noun: Token) -> bool:
    """Whether a noun only says where something else happened ("met Greer on the sidelines
    of the talks", "on the margins of the summit")."""
    of = noun.head
    return (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and parts.lemma(of.head) in ("sideline", "sidelines", "margin", "margins")
    ) or parts.lemma(noun) in ("sideline", "sidelines", "margin", "margins")


def phones(verb: Token) -> bool:
    """ "called" with a named person or country as its object: a call ("Trump called To
    Lam"), not "called for talks", "called on firms to", "called it unfair"."""
    if verb.lower_ not in ("call", "calls", "called", "calling"):
        return False
    if any(c.dep_ in ("prt", "oprd", "ccomp") for c in verb.children):
        return False
    if any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lower_ in words.CALLED) for c in verb.children
    ):
        return True
    from vntrade.nlp.extensions import ACTOR_SPANS  # spaCy: a parse only

    # "called To Lam": the parser may take a name's first word for a preposition
    return any(
        span.start == verb.i + 1 and span.label_ in ("PERSON", "GPE")
        for span in verb.doc.spans.get(ACTOR_SPANS, [])
    )


def to_audience(verb: Token, audience: tuple[str, ...], press: bool = False) -> bool:
    """Whether a speech verb is addressed to the press ("told reporters", and with `press`
    "said at a news conference") or to legislators ("told the Senate Finance Committee"),
    as `audience` lists them."""
    for child in verb.children:
        nouns = [child] if child.dep_ in ("dobj", "dative") else []
        if child.dep_ == "prep" and child.lower_ in ("to", "at", "before"):
            nouns = parts.pobjects(child)
        for noun in nouns:
            if parts.lemma(noun) in audience or any(parts.lemma(t) in audience for t in noun.lefts):
                return True
            if press and noun_kind(noun) == "briefing":
                return True
    return False


def to_press(verb: Token) -> bool:
    """Whether a speech verb tells the press ("told reporters", "told CNA", "said at a news
    conference", "said in an interview", "said by phone", "declined to comment")."""
    if verb.lower_ in ("declined", "declines") and any(
        c.dep_ == "xcomp" and c.lower_ == "comment" for c in verb.children
    ):
        return True
    if parts.lemma(verb) not in ("say", "tell"):
        return False
    if to_audience(verb, words.AUDIENCE, press=True):
        return True
    for child in verb.children:
        named = child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN"
        if named and is_media(proper_name_of(child)):
            return True  # "told The Investor"
        if child.dep_ == "prep" and any(
            parts.lemma(n) in words.PRESS_OCCASIONS for n in parts.pobjects(child)
        ):
            return True
    return False


def proper_name_of(token: Token) -> str:
    """A proper noun with the words compounded or determining it ("The Investor")."""
    before = [t for t in token.lefts if t.dep_ in ("compound", "det") and t.i >= token.i - 3]
    return " ".join(t.text for t in [*before, token])


def done_by_speaker(verb: Token) -> bool:
    """Whether a reported clause tells what its speaker did ("the department said it had
    opened an investigation"): its subject is "it", "they" or "we", and it is `_done`."""
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" and c.lower_ in ("it", "they", "we") for c in children):
        return False
    return done(verb)


def done(verb: Token) -> bool:
    """Whether a reported clause tells something done: a perfect or a past, not a plan
    ("would raise") nor denied ("had not signed")."""
    children = list(verb.children)
    auxes = {c.lower_ for c in children if c.dep_ == "aux"}
    if any(c.dep_ == "neg" for c in children) or auxes & {
        "will", "would", "could", "may", "might", "should", "to", "can", "must"
    }:  # fmt: skip
        return False
    return bool(auxes & {"has", "have", "had"}) or verb.tag_ == "VBD"


def requests(verb: Token, sent: str) -> bool:
    """Whether the letter the verb sends or issues makes a formal request ("sent a letter
    ..., requesting support"); a statement or a note urging something stays public words."""
    if normal_form(sent.split()[-1]) not in words.REQUEST_PAPERS:
        return False
    return any(c.dep_ == "advcl" and parts.lemma(c) in words.REQUESTING for c in verb.children)


def led_to(verb: Token) -> bool:
    """Whether someone leads people somewhere ("led a delegation to Canberra", "will lead
    60 companies to the Seafood Expo")."""
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "to" for o in parts.objects(verb) for c in o.children
    )


def with_person(verb: Token) -> bool:
    """Whether the "with" phrase of the verb or its object names a person ("held talks
    with Bessent", "with US Secretary of the Treasury Scott Bessent"), or two people
    hold them ("Son and Rubio held talks")."""
    from vntrade.nlp.extensions import ACTOR_SPANS  # spaCy: a parse only

    people = {t.i for s in verb.doc.spans.get(ACTOR_SPANS, []) if s.label_ == "PERSON" for t in s}
    heads = [verb, *parts.objects(verb)]  # "held talks with X": on the verb or the talks
    withs = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    named = [t for c in withs for pobj in parts.pobjects(c) for t in _phrase_words(pobj)]
    if any(t.i in people for t in named):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    pair = [s for s in subjects if any(c.dep_ == "conj" and c.i in people for c in s.children)]
    return any(s.i in people for s in pair)


def _phrase_words(noun: Token) -> list[Token]:
    """A noun and the words of its name or title ("Bessent", "Secretary of the Treasury
    Scott Bessent"): its phrase's first few words."""
    return [t for t in noun.subtree if abs(t.i - noun.i) <= _TITLE_WORDS and _in_name(t, noun)]


def _in_name(token: Token, noun: Token) -> bool:
    """Whether a word of the noun's phrase is of its name, not of a clause on it ("the
    Vietnamese side led by X")."""
    while token.i != noun.i:
        if token.dep_ in ("acl", "relcl", "agent", "advcl"):
            return False
        token = token.head
    return True


_TITLE_WORDS = 6  # "Secretary| of the Treasury Scott Bessent"


def adopts_plan(lemma: str, noun: str) -> bool:
    """Whether a plan or programme is issued or adopted (an authority's act, a decision),
    not proposed or unveiled."""
    names = noun.split()  # "a plan", "Plan No. 318/KH-UBND"
    return lemma in words.ADOPTING and any(normal_form(w) in words.ADMIN_PLANS for w in names)


def remote(verb: Token, lemma: str) -> bool:
    """Whether people talk or meet by phone or video ("spoke by video with Greer", "will
    hold a meeting by video conference", "met online"), not to the press."""
    if lemma not in words.TALKING or to_audience(verb, words.AUDIENCE, press=True):
        return False
    heads = [verb, *(o for o in parts.objects(verb) if noun_kind(o) == "meeting")]
    for head in heads:
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ in words.REMOTELY:
                return True
            by = child.dep_ == "prep" and child.lower_ in ("by", "via", "over", "through")
            if by and any(remote_means(n) for n in parts.pobjects(child)):
                return True
    return False


def remote_means(noun: Token) -> bool:
    return parts.lemma(noun) in words.REMOTE_MEANS or noun_kind(noun) == "call"


_NEGOTIATING_TEAMS = frozenset({"negotiator", "team", "delegation"})
_SESSIONS = frozenset({"round", "session"})
_OFFICIAL_NOTES = frozenset({"diplomatic", "verbal", "official", "protest"})


def negotiating_teams(verb: Token) -> bool:
    """Whether the ones who talk are negotiating teams, or what they hold is a round or a
    session ("negotiators held a round of talks online", "the technical teams held online
    talks"): a negotiation held remotely, not two people's call."""
    subjects = parts.subjects(verb)
    if any(s.pos_ == "NOUN" and parts.lemma(s) in _NEGOTIATING_TEAMS for s in subjects):
        return True
    return any(parts.lemma(o) in _SESSIONS for o in parts.objects(verb))


def sides_in_session(verb: Token, noun: str) -> bool:
    """Whether the two sides or their teams hold a session or round ("the two sides will
    hold a technical-level session in Washington"): a negotiation, not a meeting."""
    words = noun.lower().split()
    if words[-1] not in _SESSIONS or "working" in words:
        return False  # "a working session with the ministry": a meeting
    return any(parts.lemma(s) in _SIDES for s in parts.subjects(verb) if s.pos_ == "NOUN")


_SIDES = frozenset({"side", "team", "negotiator"})


def analysts_note(noun: Token) -> bool:
    """Whether a note is an analysts' one ("said in a note", "in a note to clients"), not a
    diplomatic or official note."""
    return parts.lemma(noun) == "note" and not any(
        c.lower_ in _OFFICIAL_NOTES for c in noun.children
    )


# What a court does to a measure or a case: its ruling, a decision whatever it concerns.
_RULINGS = frozenset(
    {"rule", "rules", "ruled", "strike", "strikes", "struck", "uphold", "upholds", "upheld"}
    | {"deny", "denies", "denied", "stay", "stays", "stayed"}
    | {
        f"{stem}{ending}"
        for stem in ("block", "overturn", "halt", "reject", "grant", "affirm")
        for ending in ("", "s", "ed")
    }
    | {
        f"{stem}{ending}"
        for stem in ("reinstate", "invalidate", "reverse", "vacate")
        for ending in ("", "s", "d")
    }
    | {"dismiss", "dismisses", "dismissed"}
    | {"agree", "agrees", "agreed"}  # "the Supreme Court agreed to hear the case"
)
_BENCH = frozenset({"court", "courts", "tribunal", "judge", "judges", "justices", "panel"})
_COURT_SAYS = frozenset({"say", "says", "said", "hold", "holds", "held", "write", "wrote"})
_FINDING = frozenset({"find", "finds", "found", "determine", "determines", "determined"})


def court_rules(verb: Token) -> bool:
    """Whether a court, its judges or justices give a ruling ("the appeals court reinstated
    the tariffs", "the Supreme Court struck down the duties", "a panel of the trade court
    said the law gave no such power")."""
    if verb.lower_ not in _RULINGS | _COURT_SAYS | _FINDING:
        return False
    return any(
        t.lower_ in _BENCH for subject in parts.subjects(verb) for t in (subject, *subject.lefts)
    )


# Opening a trade-remedy case, an inquiry or a review: an authority's act ("Commerce
# initiated an anti-circumvention inquiry", "an investigation was launched").
_OPENING = frozenset(
    f"{stem}{ending}"
    for stem in ("initiate", "launch", "open", "start", "self-initiate")
    for ending in ("", "s", "d", "ed")
) | {"begin", "begins", "began", "begun"}
_CASES = frozenset({"investigation", "inquiry", "probe", "review", "case"})
_ANALYSTS = frozenset({"analyst", "analysts", "economist", "economists", "researchers"})
_NUMBERED = re.compile(r"^(?:no\.?|number|\d+/\S*)$", re.IGNORECASE)


def opens_case(verb: Token) -> bool:
    """Whether the verb opens an investigation, inquiry or review: a decision."""
    if verb.lower_ not in _OPENING:
        return False
    cases = [*parts.objects(verb), *(parts.subjects(verb) if verb.tag_ == "VBN" else [])]
    return any(normal_form(noun.lower_) in _CASES for noun in cases)


def finds_as_authority(verb: Token) -> bool:
    """Whether a body finds or determines that something is so ("Customs and Border
    Protection found that the importer evaded duties"): its determination, a decision; not
    a study, a survey or analysts finding something."""
    if verb.lower_ not in _FINDING or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    subjects = parts.subjects(verb)
    return bool(subjects) and all(
        noun_kind(s) is None and s.lower_ not in _ANALYSTS and s.ent_type_ != "PERSON"
        for s in subjects
    )


def numbered_paper(verb: Token) -> bool:
    """Whether the verb issues or signs a numbered administrative paper ("issued Notice No.
    281/TB-VPCP", "signed Official Letter No. 7312/UBND-KTN"): an authority's act."""
    for paper in parts.objects(verb):  # the parser may head it by "No" or the number
        written = list(paper.subtree)
        if any(normal_form(t.lower_) in words.REQUEST_PAPERS for t in written) and any(
            _NUMBERED.match(t.text) for t in written
        ):
            return True
    return False


# Verbs of deciding or agreeing ("approved the plan at a meeting", "agreed at talks").
_DECIDED = frozenset(
    {"approve", "adopt", "pass", "ratify", "endorse", "vote", "elect"}
    | {"agree", "sign", "seal", "ink", "conclude"}
)


_OBJECT_WORDS = ("xcomp", "acl", "amod", "npadvmod", "dobj", "pobj", "prep")


def decided_at(noun: Token) -> Token | None:
    """The verb deciding or agreeing something at a meeting or talks, when they are where
    that was done: "approved the plan at an extraordinary meeting", "agreed to a ceasefire
    at talks in Kuala Lumpur"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("at", "during") or _general_meeting(noun):
        return None  # a shareholders' meeting is itself the event: "approved at the AGM"
    verb = head.head  # or the verb whose object's infinitive it hangs on: "signed deals
    for _ in range(8):  # worth $2 billion to buy corn at a ceremony on Thursday"
        if parts.lemma(verb) in _DECIDED:
            return verb
        purpose = verb.dep_ == "advcl" and any(  # "signed MoUs to buy cotton at a forum"
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
        if (verb.dep_ not in _OBJECT_WORDS and not purpose) or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _general_meeting(noun: Token) -> bool:
    """Whether a meeting is a company's meeting of shareholders ("annual general meeting",
    "an extraordinary meeting", "AGM")."""
    words = {c.lower_ for c in noun.lefts} | {noun.lower_}
    return bool(words & {"general", "extraordinary", "shareholders", "agm", "egm"})


def signed_for(verb: Token) -> Token | None:
    """The verb of deciding or agreeing whose object an infinitive tells the purpose of
    ("signed contracts worth $400 million to buy cotton at a ceremony on Thursday": the
    signing is dated, not the buying)."""
    governor = verb_of_purposed_object(verb)
    return governor if governor is not None and parts.lemma(governor) in _DECIDED else None


# A stretch of days ("from May 4 to 8", "May 4-8", "between June 9 and 12").
_SPAN_OF_DAYS = re.compile(
    r"\bfrom\b.*\d.*\b(?:to|until|through)\b|\d\s*[-–]\s*\d|\bbetween\b.*\d.*\band\b"
)


def frames_clause(noun: Token) -> bool:
    """Whether a happening only frames the clause's own ("During a visit to Iowa on March
    24, firms signed letters of intent": the signing), not when the clause has its own date
    ("met Bessent on April 10 during his trip from April 9 to 12": the trip)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("during", "amid") or prep.i > noun.i:
        return False
    if _SPAN_OF_DAYS.search(noun.doc[prep.i : prep.right_edge.i + 1].text):
        return False  # "during his trip to the US from May 4 to 8": days no clause fills
    inside = {t.i for t in prep.subtree}  # the clause dated on its own: the framing's date
    return not any(t.ent_type_ == "DATE" and t.i not in inside for t in prep.head.subtree)


def asks_to_act(verb: Token) -> bool:
    """Whether "ask" is a formal request that someone act ("asked the Ministry of Finance
    to keep the tariff at zero"), not a question ("asked about the rate")."""
    has_object = any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
    acts = any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return has_object and acts


def venue_decider(participle: Token) -> Token | None:
    """The verb of deciding or agreeing done at a meeting a participle dates ("signed 14
    MoUs at the trade forum held in Hanoi on September 15": the signing)."""
    venue = participle.head
    if participle.dep_ != "acl" or noun_kind(venue) not in ("meeting", "negotiation"):
        return None
    return decided_at(venue)
