"""The kinds table (`data/events/kinds.jsonl`) as lookups: each kind's verbs, light verbs and
nouns, and the verb forms the pipeline reads without a lemmatizer ("held" is hold)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from vntrade.nlp.jsonl import read_jsonl

KINDS_FILE = "kinds.jsonl"
# Verbs of a happening's phases: what begins, resumes or ends takes the kind of what it is.
PHASES = ("begin", "start", "resume", "continue", "end", "expire", "lapse", "open", "close")
# Verbs that set a tariff when a tariff is what they act on ("raising duties").
SETTING = ("raise", "cut", "lower", "impose", "set", "pause", "suspend", "extend", "hike",
         "slash", "reduce", "postpone", "exempt", "lift", "levy", "scrap", "remove",
         "confirm", "introduce", "apply", "delay", "revise", "modify", "adjust",
         "amend", "order", "drop", "rescind", "revoke", "double")  # fmt: skip
# The kinds that are a happening between parties, not a saying, a figure or a measure.
HAPPENING_KINDS = ("negotiation", "meeting", "visit", "call", "agreement")
# Verbs of reacting to what someone else did: the reaction is the event, said or written.
REACTING = ("welcome", "hail", "praise", "criticise", "criticize", "condemn", "regret")
# An authority's plans, and the verbs that make one an act: "issued a plan to support".
ADMIN_PLANS = ("plan", "programme", "program", "scheme")
ADOPTING = ("issue", "approve", "adopt", "promulgate")
# Nouns that count or measure what their "of" phrase names: "two days of talks".
CONTAINERS = ("day", "hour", "week", "series", "couple", "number", "set", "wave", "string")
# Whom one calls by phone, when not named: "called the US president", "his counterpart".
CALLED = ("president", "counterpart", "minister", "premier", "leader", "chancellor",
           "secretary", "representative", "ambassador", "king")  # fmt: skip
LEGISLATORS = ("committee", "senate", "congress", "assembly", "parliament", "lawmaker",
                "legislator", "deputy", "senator", "congressman")  # fmt: skip
# What a reported clause tells as the event itself when it was done ("said it had signed").
DONE_KINDS = ("decision", "tariff measure", "agreement", "call", "meeting", "visit")
# Where or how someone speaks to the press: "in an interview", "by phone".
PRESS_OCCASIONS = ("interview", "phone", "telephone", "conference", "briefing", "podcast")
GROUP_PARTICIPLES = ("led", "headed", "including", "comprising", "accompanied", "composed")
AUDIENCE = ("reporter", "journalist", "press", "media", "correspondent")  # "told reporters"
# What a letter or a dispatch does when it is a formal request ("a letter requesting").
REQUESTING = ("request", "urge", "ask", "call", "seek", "demand", "petition", "propose",
              "require", "instruct", "direct", "assign", "order")  # fmt: skip
# What a trade-remedy review finds, which sets its duties when preliminary or final.
REMEDY_FINDINGS = ("determination", "result", "finding", "review")
CHAIRING = ("chair", "co-chair", "preside", "host")  # a meeting someone runs
REQUEST_PAPERS = ("letter", "dispatch", "petition", "plan", "notice", "document")
# Verbs of people talking or meeting, which a phone or video link makes a call.
TALKING = ("speak", "talk", "meet", "hold", "confer", "converse", "chat", "have", "discuss")
REMOTELY = ("online", "virtually", "remotely")  # "met online"
REMOTE_MEANS = ("phone", "telephone", "video", "videoconference", "teleconference", "videolink",
                "zoom", "link")  # fmt: skip
# The pipeline runs no lemmatizer: irregular verb forms, and suffix rules for the rest.
_IRREGULAR = {
    "broke": "break", "broken": "break",
    "met": "meet", "spoke": "speak", "spoken": "speak", "held": "hold", "told": "tell",
    "said": "say", "left": "leave", "sent": "send", "led": "lead", "took": "take",
    "taken": "take", "came": "come", "began": "begin", "begun": "begin", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "struck": "strike", "flew": "fly", "flown": "fly", "found": "find", "made": "make",
    "went": "go", "gone": "go", "was": "be", "were": "be", "is": "be", "are": "be",
    "been": "be", "am": "be", "'s": "be", "set": "set", "cut": "cut", "put": "put",
    "brought": "bring", "wrote": "write", "written": "write", "gave": "give", "given": "give",
    "dealt": "deal", "sought": "seek", "laid": "lay", "paid": "pay", "won": "win",
}  # fmt: skip
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
             ("d", ""), ("ing", ""), ("ing", "e"))  # fmt: skip


@dataclass(frozen=True)
class KindEntry:
    """One row of the kinds table."""

    kind: str
    definition: str
    verbs: tuple[str, ...]
    light_verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    examples: tuple[str, ...]


@cache
def kinds_table() -> tuple[KindEntry, ...]:
    """The shipped kinds table, in its file's order."""
    source = resources.files("vntrade.nlp").joinpath("data", "events", KINDS_FILE)
    return tuple(
        KindEntry(
            kind=row["kind"],
            definition=row["definition"],
            verbs=tuple(row.get("verbs", ())),
            light_verbs=tuple(row.get("light_verbs", ())),
            nouns=tuple(row.get("nouns", ())),
            examples=tuple(row.get("examples", ())),
        )
        for _where, row in read_jsonl(source)
    )


@cache
def lexicon() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """{word: kind} of the table's verbs, light verbs and nouns (the first kind listing a word)."""
    verbs: dict[str, str] = {}
    light: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for entry in kinds_table():
        for table, words in ((verbs, entry.verbs), (light, entry.light_verbs),
                             (nouns, entry.nouns)):  # fmt: skip
            for word in words:
                table.setdefault(word, entry.kind)
    return verbs, light, nouns


@lru_cache(maxsize=65_536)
def verb_lemma(word: str) -> str:
    """The lemma of a verb form the table may list ("held" -> hold, "phoned" -> phone)."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    known = _known_verbs()
    if w in known:
        return w
    for suffix, replacement in _SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)] + replacement
            if stem in known:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
                return stem[:-1]  # "chaired" is chair, "vetted" vet
    return w


@cache
def _known_verbs() -> frozenset[str]:
    verbs, light, _nouns = lexicon()
    return frozenset(
        {
            *verbs,
            *light,
            *PHASES,
            *SETTING,
            *TALKING,
            *REQUESTING,
            *REACTING,
            "lead",
            "take",
            "come",
            "enter",
            "apply",
            "be",
            "call",
        }
    )
