"""Scoring event agents against MEANTIME's semantic roles: is an event's first actor the one
who acts?

MEANTIME (CAT XML) marks event mentions, entity mentions, entity instances (`ENTITY` with
its `TAG_DESCRIPTOR`), `REFERS_TO` links (mention -> instance) and `HAS_PARTICIPANT` links
(event mention -> entity mention, PropBank `sem_role`). For each vntrade event:

- its **gold event mention** is the one whose tokens overlap the event's trigger (first
  occurrence, whole words, inside the event's sentence); with no trigger, or a trigger no
  gold mention covers (`by`, `until`), the gold mention of the sentence nearest (in
  characters) to the date the event's value came from (the system date of that value in the
  sentence, or the gold TIMEX3 it overlaps);
- its **gold agent** is the instance its `Arg0` participant refers to, named by the
  descriptor and the texts of the instance's mentions (pronoun mentions left out). Events
  without such a mention, `Arg0` or instance are counted apart, not scored.

A vntrade actor matches the gold agent when, folded (lower case, no diacritics), it equals
the descriptor or a mention text, or shares a content word with one (not a function word,
nor a generic word such as `company`, `bank` or `group`, which alone name nobody).
`agent right`: the event's first actor matches; `agent named`: one of its actors does;
`no agent`: it gives no actor.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from vntrade.errors import InputError
from vntrade.evaluation.documents import GoldTimex
from vntrade.evaluation.gold import fold
from vntrade.evaluation.meantime import (
    _dateline_sentences,
    _detokenise,
    _last_annotated_sentence,
    document_names,
    is_meantime,
    read_cat,
)
from vntrade.nlp.extract import Failed, extract_articles
from vntrade.records import Article

_WORD = re.compile(r"\w+")
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "and", "for", "on", "at", "by", "with", "from", "as"}
    | {"its", "his", "her", "their", "our", "this", "that", "these", "those", "s"}
)
_PRONOUNS = frozenset(
    {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our"}
    | {"i", "me", "my", "you", "your", "who", "which", "that", "itself", "themselves"}
)
# Words that alone name nobody: `the company` is not `Boeing Company`.
_GENERIC_WORDS = frozenset(
    {"company", "companies", "corporation", "corp", "inc", "co", "ltd", "plc", "group", "bank"}
    | {"banks", "government", "ministry", "department", "office", "agency", "national"}
    | {"international", "federal", "new"}
)
_NAME_TYPES = frozenset({"NAM", "APP", "CONJ", "PRE.NAM"})  # MEANTIME's syntactic_type
UNSCORED = ("no gold event mention", "no Arg0", "Arg0 a pronoun or description, no instance")


@dataclass(frozen=True, slots=True)
class GoldAgent:
    """Who acts: an entity instance (its descriptor and its mentions' texts, pronouns left
    out), or an Arg0 mention that refers to none, as written (`instance` False)."""

    descriptor: str
    mentions: tuple[str, ...]
    instance: bool = True

    def names(self) -> list[str]:
        return [self.descriptor, *self.mentions]


@dataclass(frozen=True, slots=True)
class GoldEventMention:
    """An event mention: its tokens' offsets in the article's text (not always contiguous),
    its text, and its Arg0's agent (None: no Arg0, or a pronoun that refers to nothing)."""

    spans: tuple[tuple[int, int], ...]
    text: str
    agent: GoldAgent | None
    has_arg0: bool

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)


@dataclass(frozen=True, slots=True)
class ParticipantDocument:
    """A MEANTIME article with its gold event mentions and TIMEX3 expressions."""

    article: Article
    events: list[GoldEventMention]
    timexes: list[GoldTimex]


@dataclass(frozen=True, slots=True)
class _EntityMention:
    tokens: tuple[str, ...]
    text: str
    pronoun: bool
    named: bool  # a name, or a name in apposition or conjunction
    joined: bool  # an apposition or conjunction: its parts are all it


def iter_participants(directory: Path, split: str = "all") -> Iterator[ParticipantDocument]:
    """The CAT documents of `directory` in `split` (the dates' split, by file name)."""
    if not is_meantime(directory):
        raise InputError(
            f"{directory}: no CAT XML files; give MEANTIME's folder such as "
            "shared/external/meantime/intra-doc_annotation"
        )
    paths = {path.stem: path for path in directory.rglob("*.xml")}
    for name in document_names(directory, split):
        yield read_participants(paths[name])


def read_participants(path: Path) -> ParticipantDocument:
    """One CAT document: the article (as `read_cat` gives it), its gold event mentions with
    their agents, and its TIMEX3 expressions."""
    article, timexes = read_cat(path)
    root = ElementTree.parse(path).getroot()
    offsets = _token_offsets(root, article.text)
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None:
        return ParticipantDocument(article, [], timexes)
    mentions = {}
    for mention in markables.iter("ENTITY_MENTION"):
        tokens = tuple(a.get("t_id", "") for a in mention.iter("token_anchor"))
        spans = _spans(tokens, offsets)
        if spans:
            text = " ".join(article.text[s:e] for s, e in _joined(spans, article.text))
            pronoun = mention.get("syntactic_type") == "PRO" or fold(text) in _PRONOUNS
            kind = mention.get("syntactic_type")
            joined = kind in ("APP", "CONJ")
            mentions[mention.get("m_id", "")] = _EntityMention(
                tokens, text, pronoun, kind in _NAME_TYPES, joined
            )
    entities = list(markables.iter("ENTITY"))
    instances = {e.get("m_id", ""): e.get("TAG_DESCRIPTOR", "") for e in entities}
    refers: dict[str, str] = {}
    arg0: dict[str, str] = {}
    for link in relations if relations is not None else ():
        source, target = link.find("source"), link.find("target")
        if source is None or target is None:
            continue
        if link.tag == "REFERS_TO" and target.get("m_id", "") in instances:
            refers[source.get("m_id", "")] = target.get("m_id", "")
        elif link.tag == "HAS_PARTICIPANT" and link.get("sem_role") == "Arg0":
            arg0.setdefault(source.get("m_id", ""), target.get("m_id", ""))
    instance_of = _instances(mentions, refers, instances)

    def own_text(m_id: str) -> str:
        """The mention without the other entities' mentions that modify it (`The United
        States's largest carmaker General Motors`), unless it is an apposition or a
        conjunction (`Ryanair, an Irish airline`)."""
        mention, own = mentions[m_id], instance_of.get(m_id)
        modifiers: set[str] = set()
        for other_id, other in mentions.items() if not mention.joined else ():
            inside = set(other.tokens) < set(mention.tokens)
            other_instance = instance_of.get(other_id)
            if inside and other.tokens[-1] != mention.tokens[-1] and other_instance != own:
                modifiers.update(other.tokens)
        kept = [t for t in mention.tokens if t not in modifiers] or list(mention.tokens)
        pieces = _joined(_spans(kept, offsets), article.text)
        return " ".join(article.text[s:e] for s, e in pieces).strip(" ,;:()")

    texts: dict[str, list[str]] = {}
    for m_id, mention in mentions.items():
        if m_id in instance_of and not mention.pronoun:
            texts.setdefault(instance_of[m_id], []).append(own_text(m_id))
    events = []
    for event in markables.iter("EVENT_MENTION"):
        spans = _spans(tuple(a.get("t_id", "") for a in event.iter("token_anchor")), offsets)
        if not spans:
            continue
        participant = arg0.get(event.get("m_id", ""))
        agent = None
        if participant in instance_of:
            instance = instance_of[participant]
            agent = GoldAgent(instances[instance], tuple(dict.fromkeys(texts.get(instance, []))))
        elif participant in mentions and mentions[participant].named:
            agent = GoldAgent(own_text(participant), (), instance=False)
        text = " ".join(article.text[s:e] for s, e in _joined(spans, article.text))
        events.append(GoldEventMention(tuple(spans), text, agent, participant is not None))
    events.sort(key=lambda item: item.start)
    return ParticipantDocument(article, events, timexes)


_PREPOSITIONS = frozenset(["of", "from", "for", "with", "in", "at", "by", "on", "to"])


def _instances(
    mentions: dict[str, _EntityMention], refers: dict[str, str], instances: dict[str, str]
) -> dict[str, str]:
    """The instance of each entity mention. MEANTIME links few mentions (often one per
    instance); a mention without a link takes the instance of a linked mention with the
    same tokens or the same text, of a descriptor equal to its text, or of a linked name
    it ends with (`United States airframer Boeing`), unless a preposition comes before it
    (`executives from several auto firms` are not the firms)."""
    linked = {m_id: mentions[m_id] for m_id in refers if m_id in mentions}
    by_text = {fold(mention.text): refers[m_id] for m_id, mention in linked.items()}
    by_text.update({fold(descriptor): m_id for m_id, descriptor in instances.items()})
    resolved = {}
    for m_id, mention in mentions.items():
        if m_id in refers:
            resolved[m_id] = refers[m_id]
            continue
        if mention.pronoun:
            continue
        found = by_text.get(fold(mention.text))
        for other_id, other in linked.items():
            if found is not None:
                break
            tokens = mention.tokens
            if other.tokens == tokens or (
                other.tokens[-1] == tokens[-1]
                and set(other.tokens) <= set(tokens)
                and not _PREPOSITIONS & set(_WORD.findall(fold(mention.text)))
            ):
                found = refers[other_id]
        if found is not None:
            resolved[m_id] = found
    return resolved


def _token_offsets(root: ElementTree.Element, text: str) -> dict[str, tuple[int, int]]:
    """Each kept token's offsets in the article's text, rebuilt as `read_cat` rebuilds it."""
    tokens = [
        (t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")
    ]
    markables = root.find("Markables")
    dateline = {
        anchor.get("t_id", "")
        for timex in (markables.iter("TIMEX3") if markables is not None else ())
        if timex.get("functionInDocument") == "CREATION_TIME"
        for anchor in timex.iter("token_anchor")
    }
    skipped = _dateline_sentences(tokens, dateline)
    last = _last_annotated_sentence(tokens, markables)
    rebuilt, offsets = _detokenise([t for t in tokens if t[1] not in skipped and t[1] <= last])
    if rebuilt != text:
        raise InputError("MEANTIME tokens do not rebuild the article's text")
    return offsets


def _spans(tokens: Iterable[str], offsets: dict[str, tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(offsets[t_id] for t_id in tokens if t_id in offsets)


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Adjacent token spans (only spaces between them) merged: the mention's pieces."""
    pieces = [spans[0]]
    for start, end in spans[1:]:
        if not text[pieces[-1][1] : start].strip():
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return pieces


def score_participants(
    directory: Path, nlp: Language, split: str = "all", details: bool = False
) -> dict[str, Any]:
    """Agent accuracy of the events vntrade finds in the MEANTIME documents of `split`."""
    documents = list(iter_participants(directory, split))
    extractions = extract_articles(nlp, (document.article for document in documents))
    records = (e.to_dict(with_text=False) for e in extractions if not isinstance(e, Failed))
    return score_records(documents, records, split, details)


def score_records(
    documents: list[ParticipantDocument],
    records: Iterable[dict[str, Any]],
    split: str = "all",
    details: bool = False,
) -> dict[str, Any]:
    """Score extraction records (as `vntrade extract` prints them) against the gold agents.

    Returns {"split", "articles", "events", "scored", "agent_right", "agent_named",
    "no_agent": {"accuracy", "right", "of"}, "unscored": {reason: count}} and, with
    `details`, "misses": each scored event whose first actor is not the gold agent.
    """
    if not documents:
        raise InputError("no MEANTIME document to score against")
    by_id = {document.article.id: document for document in documents}
    counts = {"events": 0, "scored": 0, "right": 0, "named": 0, "none": 0}
    unscored = dict.fromkeys(UNSCORED, 0)
    misses = []
    for record in records:
        document = by_id.get(record["id"])
        if document is None:
            continue
        for event in record["events"]:
            counts["events"] += 1
            gold = gold_mention_of(event, record["dates"], document)
            reason = _unscored_reason(gold)
            if reason:
                unscored[reason] += 1
                continue
            counts["scored"] += 1
            actors = event["actors"]
            right = bool(actors) and agent_matches(actors[0], gold.agent)
            counts["right"] += right
            counts["named"] += any(agent_matches(actor, gold.agent) for actor in actors)
            counts["none"] += not actors
            if not right:
                misses.append(_miss(document, event, gold))
    scored = counts["scored"]
    report: dict[str, Any] = {
        "split": split,
        "articles": len(documents),
        "events": counts["events"],
        "scored": scored,
        "agent_right": _accuracy(counts["right"], scored),
        "agent_named": _accuracy(counts["named"], scored),
        "no_agent": _accuracy(counts["none"], scored),
        "unscored": unscored,
    }
    if details:
        report["misses"] = misses
    return report


def gold_mention_of(
    event: dict[str, Any], dates: list[dict[str, Any]], document: ParticipantDocument
) -> GoldEventMention | None:
    """The gold event mention at the event's trigger, else nearest the date it came from."""
    start, end = event["sentence_start"], event["sentence_end"]
    inside = [g for g in document.events if start <= g.start and g.end <= end]
    if not inside:
        return None
    trigger = _trigger_span(event.get("trigger"), document.article.text, start, end)
    if trigger is not None:
        covering = [g for g in inside if g.overlaps(*trigger)]
        if covering:
            return covering[0]
    anchor = _date_span(event["value"], dates, document.timexes, start, end)
    if anchor is None:
        return None
    return min(inside, key=lambda g: (max(g.start - anchor[1], anchor[0] - g.end, 0), g.start))


def _trigger_span(trigger: str | None, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first whole-word occurrence of the trigger in the sentence, case aside."""
    if not trigger:
        return None
    found = re.compile(rf"\b{re.escape(trigger)}\b", re.IGNORECASE).search(text, start, end)
    return found.span() if found else None


def _date_span(
    value: str, dates: list[dict[str, Any]], timexes: list[GoldTimex], start: int, end: int
) -> tuple[int, int] | None:
    """The span of the sentence's system date giving `value` (a range: its first date),
    widened to the gold TIMEX3 it overlaps."""
    inside = [date for date in dates if start <= date["start"] < end]
    exact = [date for date in inside if date["value"] == value]
    chosen = exact or [date for date in inside if value.startswith(date["value"])]
    if not chosen:
        return None
    date = chosen[0]
    for timex in timexes:
        if timex.start < date["end"] and date["start"] < timex.end:
            return timex.start, timex.end
    return date["start"], date["end"]


def _unscored_reason(gold: GoldEventMention | None) -> str | None:
    if gold is None:
        return UNSCORED[0]
    if not gold.has_arg0:
        return UNSCORED[1]
    return UNSCORED[2] if gold.agent is None else None


def agent_matches(actor: str, agent: GoldAgent) -> bool:
    """Folded equality with the descriptor or a mention text, or a shared content word."""
    name = fold(actor)
    words = _content_words(name)
    for other in agent.names():
        folded = fold(other)
        if folded and (folded == name or words & _content_words(folded)):
            return True
    return False


def _content_words(folded: str) -> set[str]:
    words = set(_WORD.findall(folded))
    return {word for word in words if word not in _FUNCTION_WORDS | _GENERIC_WORDS}


def _miss(document: ParticipantDocument, event: dict[str, Any], gold: GoldEventMention):
    text = document.article.text
    return {
        "article": document.article.id,
        "sentence": text[event["sentence_start"] : event["sentence_end"]],
        "trigger": event.get("trigger"),
        "gold_event": gold.text,
        "gold_agent": gold.agent.descriptor if gold.agent else None,
        "gold_mentions": list(gold.agent.mentions) if gold.agent else [],
        "actors": event["actors"],
    }


def _accuracy(right: int, of: int) -> dict[str, Any]:
    return {"accuracy": round(right / of, 4) if of else 0.0, "right": right, "of": of}
