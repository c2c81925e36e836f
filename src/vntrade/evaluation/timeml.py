"""Scoring date extraction against TimeML gold (TempEval-3 style): normalised values.

The gold documents (`documents`: TimeML files, JSONL development sets; `meantime`: CAT
XML) go through the same pipeline as `vntrade extract`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from vntrade.errors import InputError
from vntrade.evaluation.documents import GoldTimex, read_dev_set, read_timeml
from vntrade.evaluation.meantime import is_meantime, iter_meantime
from vntrade.nlp.extract import Failed, extract_articles
from vntrade.records import Article

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def iter_timeml(directory: Path, split: str = "all") -> Iterator[tuple[Article, list[GoldTimex]]]:
    """Every readable `.tml` file of `directory` (sorted), the documents of a MEANTIME
    folder of CAT XML (those of `split`), or the articles of a `.jsonl` development set;
    unreadable files are reported."""
    if directory.is_file():
        yield from ((article, gold) for article, gold, _ in read_dev_set(directory))
        return
    if is_meantime(directory):
        yield from iter_meantime(directory, split)
        return
    paths = sorted(directory.glob("*.tml"))
    if not paths:
        raise InputError(
            f"{directory}: no .tml files; give a directory of TimeML files such as "
            "shared/external/te3-platinum, or of MEANTIME's CAT XML files"
        )
    for path in paths:
        try:
            yield read_timeml(path)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            logging.getLogger("vntrade").warning(
                f"{path}: skipped, not a TimeML document ({error})"
            )


def timeml_records(directory: Path) -> Iterator[dict[str, Any]]:
    """The articles of a TimeML directory as loader input: {id, published, title, text}.

    Written as JSONL they go through `vntrade extract` unchanged, so that its output can
    be scored with `score_records` without the TimeML reader.
    """
    for article, _ in iter_timeml(directory):
        yield {k: getattr(article, k) for k in ("id", "published", "title", "text")}


def score_timeml(
    path: Path, nlp: Language, verbose: bool = False, by_type: bool = False, split: str = "all"
) -> dict[str, Any]:
    """Precision, recall and F1 of normalised date values against TimeML gold.

    `path` is a directory of `.tml` files, a MEANTIME folder (`split`: all, dev or aside)
    or a `.jsonl` development set. TempEval-3
    convention: a system expression matches a gold TIMEX3 when their character spans
    overlap (pairs are one-to-one); the pair is correct when the values are equal strings.
    value P = correct / all system expressions, R = correct / all gold expressions, F1
    their harmonic mean. `extent` scores the overlap matches alone (relaxed span match).

    Returns {"documents", "gold", "system", "value": score, "extent": score,
    "by_type": {DATE|TIME|DURATION|SET: score}}, "by_class": {class: score} for a
    development set, plus, when `verbose`, "misses": [str] (each gold expression missed or
    wrongly valued and each spurious system expression) and, when `by_type`,
    "misses_by_type" (and "misses_by_class"): the misses grouped. A score is {"precision",
    "recall", "f1", "tp", "fp", "fn"}. By type, a pair counts under its gold type and an
    unmatched system expression under its own `timex_type`.
    """
    classes: dict[str, str] = {}
    if path.is_file():
        documents = []
        for article, gold, label in read_dev_set(path):
            documents.append((article, gold))
            classes[article.id] = label or "unclassified"
    else:
        documents = list(iter_timeml(path, split))
    extractions = extract_articles(nlp, (article for article, _ in documents))
    # An article the pipeline failed on has no record: its expressions count as missed.
    records = (e.to_dict(with_text=False) for e in extractions if not isinstance(e, Failed))
    return score_records(documents, records, verbose, by_type, classes)


def score_records(
    documents: list[tuple[Article, list[GoldTimex]]],
    records: Iterable[dict[str, Any]],
    verbose: bool = False,
    by_type: bool = False,
    classes: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Score extraction records (as `vntrade extract` prints them) against TimeML gold;
    `classes` maps document ids to the class of phenomenon they test."""
    if not documents:
        raise InputError("no readable TimeML document to score against")
    golds = {article.id: gold for article, gold in documents}
    classes = classes or {}
    tally = _Tally()
    for record in records:
        if record["id"] in golds:
            doc_id = record["id"]
            tally.add(doc_id, golds.pop(doc_id), record["dates"], classes.get(doc_id))
    for doc_id, gold in golds.items():  # documents without a record: all missed
        tally.add(doc_id, gold, [], classes.get(doc_id))
    report: dict[str, Any] = {
        "documents": len(documents),
        "gold": tally.gold,
        "system": tally.system,
        "value": _prf(tally.correct, tally.system, tally.gold),
        "extent": _prf(tally.matched, tally.system, tally.gold),
        "by_type": _scores(tally.by_type),
    }
    if classes:
        report["by_class"] = _scores(tally.by_class)
    if verbose:
        report["misses"] = [miss.text for miss in tally.misses]
    if by_type:
        report["misses_by_type"] = _grouped(tally.misses, "timex_type", report["by_type"])
        if classes:
            report["misses_by_class"] = _grouped(tally.misses, "label", report["by_class"])
    return report


def _scores(counts: dict[str, list[int]]) -> dict[str, dict[str, Any]]:
    return {name: _prf(*c) for name, c in counts.items() if any(c[1:])}


def _grouped(misses: list[_Miss], key: str, names: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {name: [] for name in names}
    for miss in misses:
        grouped.setdefault(getattr(miss, key) or "unclassified", []).append(miss.text)
    return grouped


@dataclass(frozen=True, slots=True)
class _Miss:
    """A missed, wrongly valued or spurious expression, with its type and class."""

    text: str
    timex_type: str
    label: str | None


class _Tally:
    """Running counts over documents: [correct, system, gold] per type and per class."""

    def __init__(self) -> None:
        self.gold = self.system = self.matched = self.correct = 0
        self.by_type: dict[str, list[int]] = {name: [0, 0, 0] for name in TIMEX_TYPES}
        self.by_class: dict[str, list[int]] = {}
        self.misses: list[_Miss] = []

    def add(
        self, doc_id: str, gold: list[GoldTimex], dates: list[dict[str, Any]], label: str | None
    ) -> None:
        pairs = _pair(gold, dates)
        gold_of = {s: g for g, s in pairs}
        self.gold += len(gold)
        self.system += len(dates)
        self.matched += len(pairs)
        for item in gold:
            self._count(item.timex_type, label, 2)
        for s_index, date in enumerate(dates):
            g_index = gold_of.get(s_index)
            kind = gold[g_index].timex_type if g_index is not None else date["timex_type"]
            self._count(kind, label, 1)
            if g_index is not None and gold[g_index].value == date["value"]:
                self._count(kind, label, 0)
                self.correct += 1
            elif g_index is None:
                text = f"{doc_id}: spurious {date['text']!r} {date['value']}"
                self.misses.append(_Miss(text, kind, label))
        for item, text in _gold_misses(doc_id, gold, dates, {g: s for g, s in pairs}):
            self.misses.append(_Miss(text, item.timex_type, label))

    def _count(self, timex_type: str, label: str | None, index: int) -> None:
        self.by_type.setdefault(timex_type, [0, 0, 0])[index] += 1
        if label is not None:
            self.by_class.setdefault(label, [0, 0, 0])[index] += 1


def _pair(gold: list[GoldTimex], system: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index) of overlapping expressions.

    Each gold expression takes, among the free system expressions overlapping it, one
    with the same value if there is one, else the one overlapping it most.
    """
    free = set(range(len(system)))
    pairs: list[tuple[int, int]] = []
    for g_index, item in enumerate(gold):
        overlapping = [
            s
            for s in sorted(free)
            if system[s]["start"] < item.end and item.start < system[s]["end"]
        ]
        if not overlapping:
            continue

        def preference(s: int, item: GoldTimex = item) -> tuple[bool, int]:
            date = system[s]
            shared = min(item.end, date["end"]) - max(item.start, date["start"])
            return date["value"] == item.value, shared

        best = max(overlapping, key=preference)
        free.discard(best)
        pairs.append((g_index, best))
    return pairs


def _prf(tp: int, system: int, gold: int) -> dict[str, Any]:
    precision = tp / system if system else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": system - tp,
        "fn": gold - tp,
    }


def _gold_misses(
    doc_id: str, gold: list[GoldTimex], system: list[dict[str, Any]], paired: dict[int, int]
) -> Iterator[tuple[GoldTimex, str]]:
    for g_index, item in enumerate(gold):
        s_index = paired.get(g_index)
        expected = f"{item.text!r} {item.timex_type} {item.value}"
        if s_index is None:
            yield item, f"{doc_id}: missed {expected}"
        elif system[s_index]["value"] != item.value:
            got = system[s_index]
            yield item, f"{doc_id}: wrong {expected}, got {got['text']!r} {got['value']}"
