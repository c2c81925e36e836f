"""The cues the statements component knows (`data/statements/*.jsonl`): speech and cognition
verbs with the content each takes, the nouns a light verb expresses (`expressed hope that`),
and the phrases that name a source (`according to X`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from vntrade.nlp.actors.lexicon import ActorDataError, read_jsonl

VERBS, NOUNS, SOURCES = "verbs.jsonl", "nouns.jsonl", "sources.jsonl"
FILES = (VERBS, NOUNS, SOURCES)
# What a cue verb's content may be: a clause (`said that S`, `S, he said`), a quotation next
# to it, its object (`welcomed the agreement`; with a particle, the particle's object: `called
# for a ban`), the clause of an expressed noun, what the object is said to be (`called it "a
# disgrace"`, `described X as Y`, `accused X of Y`: the verb's `predicate`), or an infinitive
# (`vowed to fight on`).
CONTENTS = frozenset({"clause", "quote", "object", "noun", "predicate", "infinitive"})
SOURCE_RELATIONS = frozenset({"object", "possessor", "of"})


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A speech or cognition verb: its lemma, the content it takes, a particle it needs,
    what follows its object when it says what the object is (`oprd`, `as`, `of`), and the
    head words of the only sources it takes (a finding: `the poll shows`, not `data showed`)."""

    cue: str
    contents: frozenset[str]
    particle: str | None = None
    predicate: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()  # the only sources it takes, when given (`poll`)


@dataclass(frozen=True, slots=True)
class SourcePhrase:
    """`according to X`: a preposition and the word after it, and where the source is."""

    words: tuple[str, str]
    source: str


@dataclass(slots=True)
class Cues:
    """Everything the component reads from its data files."""

    # By word form, lower case; a form may be several cues (`called`, `called for`), those
    # with a particle first.
    verbs: dict[str, tuple[CueVerb, ...]] = field(default_factory=dict)
    nouns: frozenset[str] = frozenset()
    # Nouns that carry a statement on their own, with a possessor as source (`his view that
    # S`, `Trump's claim that S`).
    claims: frozenset[str] = frozenset()
    sources: dict[tuple[str, str], SourcePhrase] = field(default_factory=dict)


def shipped_records() -> dict[str, list[tuple[str, dict]]]:
    """The shipped cue files' entries, each with its `file:line`."""
    folder = resources.files("vntrade.nlp").joinpath("data", "statements")
    return {name: list(read_jsonl(folder.joinpath(name))) for name in FILES}


def load_cues(records: dict[str, list[tuple[str, dict]]]) -> Cues:
    """Index the entries of the cue files; a malformed entry names its file and line."""
    cues = Cues()
    for where, record in records.get(VERBS, []):
        contents = frozenset(record.get("content", []))
        if not record.get("cue") or not record.get("forms") or not contents <= CONTENTS:
            raise ActorDataError(f"{where}: needs cue, forms and content among {set(CONTENTS)}")
        predicate = frozenset(record.get("predicate", []))
        if ("predicate" in contents) != bool(predicate):
            raise ActorDataError(f"{where}: a predicate content needs its predicate, and back")
        subjects = frozenset(str(word).lower() for word in record.get("subjects", []))
        verb = CueVerb(str(record["cue"]), contents, record.get("particle"), predicate, subjects)
        for form in record["forms"]:
            known = cues.verbs.get(str(form).lower(), ())
            ordered = sorted((*known, verb), key=lambda v: v.particle is None)
            cues.verbs[str(form).lower()] = tuple(ordered)
    nouns, claims = set(), set()
    for where, record in records.get(NOUNS, []):
        if not record.get("noun"):
            raise ActorDataError(f"{where}: needs noun")
        noun = str(record["noun"]).lower()
        (claims if record.get("possessed") else nouns).add(noun)
        if record.get("possessed") and record.get("expressed", True):
            nouns.add(noun)
    cues.nouns, cues.claims = frozenset(nouns), frozenset(claims)
    for where, record in records.get(SOURCES, []):
        words = str(record.get("phrase", "")).lower().split()
        if len(words) != 2 or record.get("source") not in SOURCE_RELATIONS:
            raise ActorDataError(f"{where}: needs a two-word phrase and a source relation")
        phrase = SourcePhrase((words[0], words[1]), str(record["source"]))
        cues.sources[phrase.words] = phrase
    return cues
