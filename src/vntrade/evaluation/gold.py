"""Scoring extraction records against a gold file in the format of `shared/gold/seeds.json`.

Matching rules (from the gold file's `about` field): names compare case- and
diacritic-insensitively; an actor matches the gold name or any gold alias; a date matches
when its value equals the gold value or one of the gold `also` values; a directive matches
when its issuer matches the gold issuer and its action contains any gold keyword. Gold items
marked `optional` count neither as missed when absent nor as wrong when present. Each gold
item matches at most one extracted item; extracted items that match nothing are false
positives. Dates and commodities are compared as the set of distinct values/names per
article, since an article may mention the same date or good many times.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vntrade.errors import InputError
from vntrade.folding import fold as fold_name

FIELDS = ("actors", "dates", "commodities", "directives")


def gold_key(text: str | None) -> str:
    """Lower-case, strip diacritics (đ→d) and collapse whitespace, for name comparison."""
    return " ".join(fold_name(text).lower().split()) if text else ""


@dataclass
class Score:
    """True positives, false positives and false negatives, with the items behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result: dict[str, Any] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
        if details:
            result["missed"] = self.missed
            result["spurious"] = self.spurious
        return result


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Read a gold file: {article id: gold article}; a bad file is a clear error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {article["id"]: article for article in data["articles"]}
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read gold file ({error})") from None
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise InputError(
            f"{path}: not a gold file like shared/gold/seeds.json ({error.__class__.__name__}: "
            f"{error}); it needs an 'articles' list whose items have an 'id'"
        ) from None


def _match(
    gold_items: list[dict[str, Any]],
    predicted: list[Any],
    matches: Callable[[dict[str, Any], Any], bool],
    describe_gold: Callable[[dict[str, Any]], str],
    describe_predicted: Callable[[Any], str],
) -> Score:
    """One-to-one greedy matching; required gold items take their match before optional ones."""
    score = Score()
    free = list(range(len(predicted)))
    ordered = sorted(gold_items, key=lambda item: bool(item.get("optional")))
    for item in ordered:
        hit = next((i for i in free if matches(item, predicted[i])), None)
        if hit is not None:
            free.remove(hit)
            if not item.get("optional"):
                score.tp += 1
        elif not item.get("optional"):
            score.fn += 1
            score.missed.append(describe_gold(item))
    score.fp = len(free)
    score.spurious = [describe_predicted(predicted[i]) for i in free]
    return score


def _names(item: dict[str, Any]) -> set[str]:
    return {gold_key(item.get("name"))} | {gold_key(alias) for alias in item.get("aliases") or []}


def _score_actors(gold: list[dict], record: dict) -> Score:
    def matches(item: dict, actor: dict) -> bool:
        return bool(
            _names(item) & ({gold_key(actor["name"])} | {gold_key(a) for a in actor["aliases"]})
        )

    return _match(gold, record["actors"], matches, lambda g: g["name"], lambda a: a["name"])


def _score_dates(gold: list[dict], record: dict) -> Score:
    values = sorted({date["value"] for date in record["dates"]})

    def matches(item: dict, value: str) -> bool:
        return value == item["value"] or value in (item.get("also") or [])

    return _match(gold, values, matches, lambda g: f"{g['text']}={g['value']}", str)


def _score_commodities(gold: list[dict], record: dict) -> Score:
    names = sorted({gold_key(commodity["name"]) for commodity in record["commodities"]})
    return _match(gold, names, lambda item, name: name in _names(item), lambda g: g["name"], str)


def _score_directives(gold: list[dict], record: dict, gold_actors: list[dict]) -> Score:
    aliases = {gold_key(actor["name"]): _names(actor) for actor in gold_actors}

    def matches(item: dict, directive: dict) -> bool:
        issuer_names = aliases.get(gold_key(item["issuer"]), {gold_key(item["issuer"])})
        if gold_key(directive["issuer"]) not in issuer_names:
            return False
        action = gold_key(directive["action"])
        return any(gold_key(keyword) in action for keyword in item["keywords"])

    return _match(
        gold,
        record["directives"],
        matches,
        lambda g: f"{g['issuer']} -> {g.get('addressee')}: {'/'.join(g['keywords'])}",
        lambda d: f"{d['issuer']} {d['verb']} {d['addressee']}: {d['action']}",
    )


def score_records(
    gold: dict[str, dict[str, Any]], records: Iterable[dict[str, Any]], details: bool = False
) -> dict[str, Any]:
    """Precision, recall and F1 per field, overall (micro-averaged) and per article."""
    totals = {name: Score() for name in FIELDS}
    per_article: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for record in records:
        gold_article = gold.get(record["id"])
        if gold_article is None:
            continue
        seen.add(record["id"])
        scores = _score_article(gold_article, record)
        for name, score in scores.items():
            totals[name].add(score)
        per_article[record["id"]] = {n: s.as_dict(details) for n, s in scores.items()}
    empty = {"actors": [], "dates": [], "commodities": [], "directives": [], "text": ""}
    for article_id in sorted(set(gold) - seen):
        scores = _score_article(gold[article_id], {"id": article_id, **empty})
        for name, score in scores.items():
            totals[name].add(score)
        per_article[article_id] = {"missing": True} | {
            n: s.as_dict(details) for n, s in scores.items()
        }
    return {
        "fields": {name: score.as_dict() for name, score in totals.items()},
        "articles": per_article,
    }


def _score_article(gold_article: dict[str, Any], record: dict[str, Any]) -> dict[str, Score]:
    return {
        "actors": _score_actors(gold_article.get("actors", []), record),
        "dates": _score_dates(gold_article.get("dates", []), record),
        "commodities": _score_commodities(gold_article.get("commodities", []), record),
        "directives": _score_directives(
            gold_article.get("directives", []), record, gold_article.get("actors", [])
        ),
    }
