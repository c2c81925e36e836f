"""Scoring the events of extraction records against an event development set
(`tests/data/events/gold.json`): detection, kind, main actor, span, lead and summaries.

Matching (also in the gold file's `about`): a system event and a gold event *agree on the
date* when they start on the same day, or when their periods overlap and neither lasts more
than 31 days. A side without a year (`XXXX-07-02`) takes the other side's year for this, so a
year-less gold event matches on the month and day. Each gold event matches at most one system
event: among the pairs that agree, those sharing the most actors (names folded; a system
actor also answers to its listed aliases and to the forms the article writes it in, as in
the seed gold's rule "an actor matches its name or any alias") pair first, then those
starting on the same day, then those of the same kind (a call and the deal it reached on
one day pair by kind, not by their order), then those closest in length. Over the matched pairs,
the *kind* is right when equal; the *main actor* when the system's first actor is the gold's
first (not asked when the gold names no actor), *actor named* when the gold's first actor is
among the system's; the *span* when first and last day are both equal (a gold event with a
year needs the same year); the *lead* per article when the system's lead event has the gold
lead's kind and its date agrees with the gold lead's (the issue's "date and kind"), whatever
the matching paired. Summaries are judged over all system events of the scored articles.
A summary is *well-formed* when it starts with a capital, a digit or a name, has a finite
verb, does not end in a dangling word (preposition, conjunction, determiner, `to`) or a
hyphen-number left from a range (`-12`), holds no emptied brackets, and does not start with
a verb. A deadline's `Deadline: X to do Y` counts when its part after the colon has a subject
and a verb (`to do`, also split by an adverb: `to urgently do`).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vntrade.errors import InputError
from vntrade.evaluation.aliases import Aliases, answers, record_aliases, shared_actors
from vntrade.evaluation.gold import Score
from vntrade.periods import parse_period, with_year

if TYPE_CHECKING:
    from spacy.language import Language

SPLITS = ("all", "dev", "aside")
LONGEST_MATCHING_PERIOD = 31  # days: a quarter or a year dates nothing precisely enough
_LEAP_YEAR = 2000  # for month-day comparison when neither side has a year
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_DANGLING = {"IN", "CC", "TO", "DT", "WDT", "HYPH", ","}
_EMPTIED = re.compile(r"\(\s*\)|\[\s*\]")
_HYPHEN_NUMBER = re.compile(r"(?:^|\s)[-–]\s?\d+$")
_TRAILING = "….,;:!? "
_DEADLINE = ("Deadline", ":")


@dataclass(frozen=True, slots=True)
class Dated:
    """A period with its first day and the day after; `has_year` false for `XXXX-…`."""

    start: date
    end: date
    has_year: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass
class Tally:
    """Right answers out of all asked."""

    right: int = 0
    of: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.of += 1

    def as_dict(self) -> dict[str, Any]:
        share = self.right / self.of if self.of else 1.0
        return {"accuracy": round(share, 4), "right": self.right, "of": self.of}


@dataclass
class EventScores:
    """The event measures over a set of articles, and what went wrong where."""

    detection: Score = field(default_factory=Score)
    kind: Tally = field(default_factory=Tally)
    main_actor: Tally = field(default_factory=Tally)
    actor_named: Tally = field(default_factory=Tally)
    span: Tally = field(default_factory=Tally)
    lead: Tally = field(default_factory=Tally)
    summaries: Tally = field(default_factory=Tally)
    errors: list[dict[str, Any]] = field(default_factory=list)


def load_event_gold(path: Path) -> dict[str, Any]:
    """Read an event gold file ({"about", "articles": [{"id", "split", "events"}]})."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for article in data["articles"]:
            if not isinstance(article["id"], str):
                raise TypeError(f"article id {article['id']!r} is not a string")
            for event in article["events"]:
                _gold_period(event, None)
        return data
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read event gold file ({error})") from None
    except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(
            f"{path}: not an event gold file like tests/data/events/gold.json "
            f"({error.__class__.__name__}: {error}); it needs an 'articles' list of "
            "{id, split, events: [{start, end, kind, actors, what, lead}]}"
        ) from None


def _dated(value: str | None, year: int | None) -> Dated | None:
    """The period of a TimeML value, a year-less one placed in `year` when given."""
    if not value:
        return None
    has_year = not value.startswith("XXXX")
    period = parse_period(with_year(value, year) if not has_year else value)
    if period is None or period.start is None or period.end is None:
        return None
    return Dated(period.start, period.end, has_year)


def _gold_period(event: dict[str, Any], year: int | None) -> Dated:
    """A gold event's period: from its start to the end of its `end` (inclusive)."""
    first = _dated(event["start"], year if year is not None else _LEAP_YEAR)
    last = _dated(event.get("end") or event["start"], year if year is not None else _LEAP_YEAR)
    if first is None or last is None or last.end <= first.start:
        raise ValueError(f"event dates {event['start']!r} to {event.get('end')!r}")
    return Dated(first.start, last.end, first.has_year)


def _system_period(event: dict[str, Any], year: int | None) -> Dated | None:
    if event.get("start") and event.get("end"):
        start, end = date.fromisoformat(event["start"]), date.fromisoformat(event["end"])
        return Dated(start, end, True)
    return _dated(event.get("value"), year if year is not None else _LEAP_YEAR)


def _agree(gold: Dated, system: Dated) -> bool:
    if gold.start == system.start:
        return True
    short = max(gold.days, system.days) <= LONGEST_MATCHING_PERIOD
    return short and gold.start < system.end and system.start < gold.end


def _pair(gold_event: dict, system_event: dict) -> tuple[Dated, Dated | None, bool]:
    """Both periods in a common year (see the module docstring) and whether they agree."""
    probe = _system_period(system_event, None)
    system_year = probe.start.year if probe and probe.has_year else None
    gold = _gold_period(gold_event, system_year)
    system = _system_period(system_event, gold.start.year)
    return gold, system, system is not None and _agree(gold, system)


def match_events(
    gold_events: list[dict], system_events: list[dict], aliases: Aliases | None = None
) -> dict[int, int]:
    """One-to-one matching {gold index: system index}, best pairs first: most actors
    shared, then the same start, then the same kind (a call and the deal it reached on one
    day pair by kind, not by their order), then the closest length."""
    candidates = []
    for g, gold_event in enumerate(gold_events):
        for s, system_event in enumerate(system_events):
            gold, system, agree = _pair(gold_event, system_event)
            if agree and system is not None:
                shared = shared_actors(gold_event, system_event, aliases or {})
                length = abs(gold.days - system.days)
                other_kind = gold_event.get("kind") != system_event.get("kind")
                candidates.append((-shared, gold.start != system.start, other_kind, length, g, s))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for *_, g, s in sorted(candidates):
        if g not in pairs and s not in taken:
            pairs[g] = s
            taken.add(s)
    return pairs


def _same_span(gold_event: dict, system_event: dict) -> bool:
    gold, system, _ = _pair(gold_event, system_event)
    if system is None or (gold.has_year and not system.has_year):
        return False
    return (gold.start, gold.end) == (system.start, system.end)


def _describe_gold(event: dict) -> str:
    when = event["start"] + (f"..{event['end']}" if event.get("end") else "")
    return f"{when} {event['kind']} {'/'.join(event.get('actors', []))}: {event.get('what', '')}"


def _describe_system(event: dict) -> str:
    when = event.get("value")
    return (
        f"{when} {event.get('kind')} {'/'.join(event.get('actors') or [])}: {event.get('summary')}"
    )


def score_article(
    article_id: str, gold_events: list[dict], record: dict, scores: EventScores
) -> None:
    """Add one article's detection, kind, actor, span and lead results to `scores`."""
    system_events = record.get("events") or []
    aliases = record_aliases(record)
    pairs = match_events(gold_events, system_events, aliases)
    errors = scores.errors
    scores.detection.tp += len(pairs)
    scores.detection.fn += len(gold_events) - len(pairs)
    scores.detection.fp += len(system_events) - len(pairs)
    for g, gold_event in enumerate(gold_events):
        if g not in pairs:
            errors.append(
                {"article": article_id, "error": "missed", "gold": _describe_gold(gold_event)}
            )
            continue
        system_event = system_events[pairs[g]]
        gold_actors = gold_event.get("actors", [])
        system_actors = system_event.get("actors") or []
        checks = {
            "kind": gold_event["kind"] == system_event.get("kind"),
            "main_actor": bool(gold_actors and system_actors)
            and answers(gold_actors[0], system_actors[0], aliases),
            "actor_named": bool(gold_actors)
            and any(answers(gold_actors[0], a, aliases) for a in system_actors),
            "span": _same_span(gold_event, system_event),
        }
        for name, ok in checks.items():
            if not gold_actors and name in ("main_actor", "actor_named"):
                continue  # no named actor acts: nothing to ask
            getattr(scores, name).add(ok)
            if not ok and name != "actor_named":
                errors.append(
                    {
                        "article": article_id,
                        "error": name,
                        "gold": _describe_gold(gold_event),
                        "system": _describe_system(system_event),
                    }
                )
    for s, system_event in enumerate(system_events):
        if s not in pairs.values():
            errors.append(
                {
                    "article": article_id,
                    "error": "spurious",
                    "system": _describe_system(system_event),
                }
            )
    _score_lead(article_id, gold_events, system_events, scores)


def _same_lead(gold_event: dict, system_event: dict) -> bool:
    """Whether the system's lead is the gold lead: the same kind, on dates that agree."""
    return gold_event["kind"] == system_event.get("kind") and _pair(gold_event, system_event)[2]


def _score_lead(
    article_id: str,
    gold_events: list[dict],
    system_events: list[dict],
    scores: EventScores,
) -> None:
    gold_lead = next((g for g, event in enumerate(gold_events) if event.get("lead")), None)
    if gold_lead is None:
        return
    system_lead = next((s for s, event in enumerate(system_events) if event.get("lead")), None)
    ok = system_lead is not None and _same_lead(gold_events[gold_lead], system_events[system_lead])
    scores.lead.add(ok)
    if not ok:
        lead = system_events[system_lead] if system_lead is not None else None
        scores.errors.append(
            {
                "article": article_id,
                "error": "lead",
                "gold": _describe_gold(gold_events[gold_lead]),
                "system": _describe_system(lead) if lead else None,
            }
        )


def summary_problem(tags: list[tuple[str, str]]) -> str | None:
    """Why a summary (as (word, tag) pairs) is not well-formed, or None when it is."""
    if not tags:
        return "empty"
    text = " ".join(word for word, _ in tags)
    first_word, first_tag = tags[0]
    if not (first_word[0].isupper() or first_word[0].isdigit() or first_tag in ("NNP", "NNPS")):
        return "no capital"
    if _EMPTIED.search(text):
        return "emptied brackets"
    body = tags
    deadline = len(tags) > 2 and (tags[0][0], tags[1][0]) == _DEADLINE
    if deadline:
        body = tags[2:]
    if not body or body[0][1].startswith("VB"):
        return "starts with a verb"
    finite = any(tag in _FINITE for _, tag in body)
    adverbless = [pair for pair in body if not pair[1].startswith("RB")]  # "to urgently do"
    infinitive = deadline and any(
        a[1] == "TO" and b[1] == "VB" for a, b in itertools.pairwise(adverbless)
    )
    if not (finite or infinitive):
        return "no finite verb"
    stripped = text.rstrip(_TRAILING)
    if _HYPHEN_NUMBER.search(stripped):
        return "ends in a hyphen-number"
    last = [pair for pair in tags if pair[0].strip(_TRAILING)]
    if last and last[-1][1] in _DANGLING:
        return f"ends in {last[-1][0]!r}"
    return None


def _check_summaries(summaries: list[tuple[str, str]], nlp: Language, scores: EventScores) -> None:
    """Tag every (article id, summary) with the model's tagger and tally the well-formed."""
    wanted = [name for name in ("tok2vec", "tagger") if name in nlp.pipe_names]
    with nlp.select_pipes(enable=wanted or nlp.pipe_names):
        docs = nlp.pipe(summary for _, summary in summaries)
        for (article_id, summary), doc in zip(summaries, docs, strict=True):
            problem = summary_problem([(token.text, token.tag_) for token in doc])
            scores.summaries.add(problem is None)
            if problem:
                scores.errors.append(
                    {"article": article_id, "error": "summary", "why": problem, "system": summary}
                )


def score_events(
    gold: dict[str, Any],
    records: Iterable[dict[str, Any]],
    nlp: Language,
    split: str = "all",
    details: bool = False,
) -> dict[str, Any]:
    """Detection P/R/F1 and the accuracies of the matched events over one split of the gold."""
    articles = {
        article["id"]: article
        for article in gold["articles"]
        if split == "all" or article.get("split", "dev") == split
    }
    scores = EventScores()
    summaries: list[tuple[str, str]] = []
    seen: set[str] = set()
    for record in records:
        article = articles.get(record["id"])
        if article is None or record["id"] in seen:
            continue
        seen.add(record["id"])
        score_article(record["id"], article["events"], record, scores)
        summaries += [
            (record["id"], event.get("summary") or "") for event in record.get("events") or []
        ]
    for article_id in sorted(set(articles) - seen):
        score_article(article_id, articles[article_id]["events"], {"events": []}, scores)
        scores.errors.append({"article": article_id, "error": "article not found"})
    _check_summaries(summaries, nlp, scores)
    report: dict[str, Any] = {
        "split": split,
        "articles": len(articles),
        "gold_events": scores.detection.tp + scores.detection.fn,
        "system_events": scores.detection.tp + scores.detection.fp,
        "detection": scores.detection.as_dict(),
        "kind": scores.kind.as_dict(),
        "main_actor": scores.main_actor.as_dict(),
        "actor_named": scores.actor_named.as_dict(),
        "span": scores.span.as_dict(),
        "lead": scores.lead.as_dict(),
        "summaries": scores.summaries.as_dict(),
    }
    if details:
        report["errors"] = scores.errors
    return report


ACCURACIES = ("kind", "main_actor", "actor_named", "span", "lead", "summaries")
