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
# to it, its object (`welcomed the agreement`), or the clause of an expressed noun.
CONTENTS = frozenset({"clause", "quote", "object", "noun"})
SOURCE_RELATIONS = frozenset({"object", "possessor", "of"})


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A speech or cognition verb: its lemma, the content it takes, a particle it needs."""

    cue: str
    contents: frozenset[str]
    particle: str | None = None


@dataclass(frozen=True, slots=True)
class SourcePhrase:
    """`according to X`: a preposition and the word after it, and where the source is."""

    words: tuple[str, str]
    source: str


@dataclass(slots=True)
class Cues:
    """Everything the component reads from its data files."""

    verbs: dict[str, CueVerb] = field(default_factory=dict)  # by word form, lower case
    nouns: frozenset[str] = frozenset()
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
        verb = CueVerb(str(record["cue"]), contents, record.get("particle"))
        for form in record["forms"]:
            cues.verbs[str(form).lower()] = verb
    nouns = set()
    for where, record in records.get(NOUNS, []):
        if not record.get("noun"):
            raise ActorDataError(f"{where}: needs noun")
        nouns.add(str(record["noun"]).lower())
    cues.nouns = frozenset(nouns)
    for where, record in records.get(SOURCES, []):
        words = str(record.get("phrase", "")).lower().split()
        if len(words) != 2 or record.get("source") not in SOURCE_RELATIONS:
            raise ActorDataError(f"{where}: needs a two-word phrase and a source relation")
        phrase = SourcePhrase((words[0], words[1]), str(record["source"]))
        cues.sources[phrase.words] = phrase
    return cues
