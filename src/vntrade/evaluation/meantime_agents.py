"""MEANTIME's event mentions and their agents (CAT XML): each event mention with its
`Arg0` participant's entity instance, named by the instance's descriptor and the texts of
its mentions (pronoun mentions left out); read for `vntrade eval --participants`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from vntrade.errors import InputError
from vntrade.evaluation.documents import GoldTimex
from vntrade.evaluation.gold import gold_key
from vntrade.evaluation.meantime import (
    _dateline_sentences,
    _detokenise,
    _last_annotated_sentence,
    document_names,
    is_meantime,
    read_cat,
)
from vntrade.records import Article

_WORD = re.compile(r"\w+")
_PRONOUNS = frozenset(
    {"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "us", "our"}
    | {"i", "me", "my", "you", "your", "who", "which", "that", "itself", "themselves"}
)
_NAME_TYPES = frozenset({"NAM", "APP", "CONJ", "PRE.NAM"})  # MEANTIME's syntactic_type


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
            pronoun = mention.get("syntactic_type") == "PRO" or gold_key(text) in _PRONOUNS
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
    by_text = {gold_key(mention.text): refers[m_id] for m_id, mention in linked.items()}
    by_text.update({gold_key(descriptor): m_id for m_id, descriptor in instances.items()})
    resolved = {}
    for m_id, mention in mentions.items():
        if m_id in refers:
            resolved[m_id] = refers[m_id]
            continue
        if mention.pronoun:
            continue
        found = by_text.get(gold_key(mention.text))
        for other_id, other in linked.items():
            if found is not None:
                break
            tokens = mention.tokens
            if other.tokens == tokens or (
                other.tokens[-1] == tokens[-1]
                and set(other.tokens) <= set(tokens)
                and not _PREPOSITIONS & set(_WORD.findall(gold_key(mention.text)))
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
