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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from vntrade.errors import InputError
from vntrade.evaluation.documents import GoldTimex
from vntrade.evaluation.gold import gold_key
from vntrade.evaluation.meantime_agents import (
    GoldAgent,
    GoldEventMention,
    ParticipantDocument,
    iter_participants,
    read_participants,
)
from vntrade.nlp.extract import Failed, extract_articles

__all__ = ["GoldAgent", "agent_matches", "read_participants", "score_participants"]

_WORD = re.compile(r"\w+")
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "and", "for", "on", "at", "by", "with", "from", "as"}
    | {"its", "his", "her", "their", "our", "this", "that", "these", "those", "s"}
)
# Words that alone name nobody: `the company` is not `Boeing Company`.
_GENERIC_WORDS = frozenset(
    {"company", "companies", "corporation", "corp", "inc", "co", "ltd", "plc", "group", "bank"}
    | {"banks", "government", "ministry", "department", "office", "agency", "national"}
    | {"international", "federal", "new"}
)
UNSCORED = ("no gold event mention", "no Arg0", "Arg0 a pronoun or description, no instance")


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
    name = gold_key(actor)
    words = _content_words(name)
    for other in agent.names():
        folded = gold_key(other)
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
