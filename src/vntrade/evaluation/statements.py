"""Scoring statements (who said what) against a statement gold file such as
`tests/data/statements/gold.json`.

Matching: a statement's content is the set of its word tokens (runs of letters and digits,
located by their offsets in the article's text; a leading `that` is no content). A system and a
gold statement of the same article overlap by |common tokens| / max(|system|, |gold|); they
match at a threshold when the overlap reaches it. Each gold statement matches at most one
system statement, highest overlap first. Precision, recall and F1 are given at 0.3 (the
statement is found) and 0.8 (its extent is right). A gold content given in pieces (`fragments`,
as PolNeAR gives `“A,” said X, “B”`) is the union of its pieces' tokens. Over the pairs matched
at 0.3, the speaker is right when the system's speaker is the gold's (names folded: case and
diacritics aside) or one of its aliases; an unnamed gold source (`a government official`) when
the system keeps its source unnamed with words in common; a gold source given only as written
(PolNeAR's `source`) when the system's speaker or its words share a word with it. `direct` is
right when equal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vntrade.errors import InputError
from vntrade.evaluation.gold import Score, gold_key

THRESHOLDS = (0.3, 0.8)
SPLITS = ("all", "dev", "aside")
_WORD = re.compile(r"\w+")
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "to", "in", "and", "for", "on", "at", "its", "his", "her", "their"}
)


@dataclass(slots=True)
class GoldStatement:
    """One annotated statement: content offsets and text, speaker, direct or reported."""

    start: int
    end: int
    text: str
    speaker: str | None
    aliases: list[str] = field(default_factory=list)
    unnamed: bool = False
    source_text: str | None = None  # the source as written, when that is all the gold gives
    direct: bool = False
    fragments: list[tuple[int, int]] = field(default_factory=list)  # a content in pieces


@dataclass(slots=True)
class GoldArticle:
    id: str
    split: str
    statements: list[GoldStatement]


def load_statement_gold(path: Path) -> dict[str, GoldArticle]:
    """Read a statement gold file: {"about", "articles": [{"id", "split", "statements"}]}."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
        articles = {}
        for article in data["articles"]:
            statements = [
                GoldStatement(
                    start=int(s["start"]),
                    end=int(s["end"]),
                    text=str(s["text"]),
                    speaker=s.get("speaker"),
                    aliases=list(s.get("aliases", [])),
                    unnamed=bool(s.get("unnamed", False)),
                    source_text=s.get("source_text"),
                    direct=bool(s.get("direct", False)),
                    fragments=[(int(a), int(b)) for a, b in s.get("fragments", [])],
                )
                for s in article["statements"]
            ]
            split = str(article.get("split", "dev"))
            articles[str(article["id"])] = GoldArticle(str(article["id"]), split, statements)
        return articles
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"{path}: not a statement gold file ({error.__class__.__name__}: {error}); expected "
            '{"articles": [{"id", "split", "statements": [{"start", "end", "text", "speaker", '
            '"direct"}]}]}'
        ) from None


def content_tokens(text: str, start: int, end: int) -> frozenset[int]:
    """Start offsets of the word tokens of `text[start:end]`, without a leading `that`."""
    tokens = [m for m in _WORD.finditer(text, start, end)]
    if tokens and tokens[0].group().lower() == "that":
        tokens = tokens[1:]
    return frozenset(m.start() for m in tokens)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Common tokens over the larger side's tokens."""
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def locate(text: str, gold: GoldStatement) -> tuple[int, int] | None:
    """The gold content's offsets in the record's text (the loader may have moved it)."""
    if text[gold.start : gold.end] == gold.text:
        return gold.start, gold.end
    found = [m.start() for m in re.finditer(re.escape(gold.text), text)]
    if not found:
        return None
    best = min(found, key=lambda at: abs(at - gold.start))
    return best, best + len(gold.text)


def speaker_right(system: dict[str, Any], gold: GoldStatement) -> bool:
    """Whether a system statement names the gold statement's speaker (see the module doc)."""
    said = gold_key(system.get("speaker"))
    words = gold_key(system.get("speaker_text"))
    if gold.unnamed:
        wanted = _content_words(gold.speaker)
        return bool(system.get("unnamed")) and bool(wanted & _content_words(words))
    if gold.speaker is None and gold.source_text is not None:
        wanted = _content_words(gold.source_text)
        return bool(wanted & (_content_words(said) | _content_words(words)))
    names = {gold_key(gold.speaker), *(gold_key(alias) for alias in gold.aliases)}
    return said in names


def _content_words(text: str | None) -> set[str]:
    return {w for w in _WORD.findall(gold_key(text)) if w not in _FUNCTION_WORDS}


def score_statements(
    gold: dict[str, GoldArticle],
    records: Iterable[dict[str, Any]],
    split: str = "all",
    details: bool = False,
) -> dict[str, Any]:
    """P/R/F1 at each overlap threshold, speaker and direct/reported accuracy, over the gold
    articles of `split` found among `records`."""
    scores = {threshold: Score() for threshold in THRESHOLDS}
    speaker = {"right": 0, "of": 0}
    direct = {"right": 0, "of": 0}
    errors: list[dict[str, Any]] = []
    seen = absent = 0
    for record in records:
        article = gold.get(str(record.get("id")))
        if article is None or (split != "all" and article.split != split):
            continue
        seen += 1
        text = record.get("text") or ""
        system = list(record.get("statements", []))
        wanted = []
        for statement in article.statements:
            offsets = locate(text, statement)
            if offsets is None:  # in a part the loader leaves out (a title, a dateline)
                absent += 1
                continue
            wanted.append((statement, _gold_tokens(text, statement, offsets)))
        found = [content_tokens(text, s["start"], s["end"]) for s in system]
        for threshold in THRESHOLDS:
            pairs = _pairs(found, [tokens for _, tokens in wanted], threshold)
            score = scores[threshold]
            score.tp += len(pairs)
            score.fp += len(system) - len(pairs)
            score.fn += len(wanted) - len(pairs)
            if threshold != THRESHOLDS[0]:
                continue
            matched_system = {i for i, _ in pairs}
            matched_gold = {j for _, j in pairs}
            for i, j in pairs:
                right = speaker_right(system[i], wanted[j][0])
                speaker["right"] += right
                speaker["of"] += 1
                same = bool(system[i]["direct"]) == wanted[j][0].direct
                direct["right"] += same
                direct["of"] += 1
                if details and not (right and same):
                    errors.append(_error(article.id, "wrong", system[i], wanted[j][0]))
            if details:
                errors += [_error(article.id, "spurious", system[i], None)
                           for i in range(len(system)) if i not in matched_system]  # fmt: skip
                errors += [_error(article.id, "missed", None, wanted[j][0])
                           for j in range(len(wanted)) if j not in matched_gold]  # fmt: skip
    report: dict[str, Any] = {"split": split, "articles": seen, "not_in_text": absent}
    for threshold, score in scores.items():
        report[f"overlap {threshold}"] = score.as_dict()
    report["speaker"] = _accuracy(speaker)
    report["direct"] = _accuracy(direct)
    if details:
        report["errors"] = errors
    return report


def _gold_tokens(text: str, statement: GoldStatement, offsets: tuple[int, int]) -> frozenset[int]:
    """A gold content's tokens; one given in pieces is the union of its pieces' tokens (not
    the source and cue between them), moved with the content when the loader moved it."""
    if not statement.fragments:
        return content_tokens(text, *offsets)
    shift = offsets[0] - statement.start
    tokens: frozenset[int] = frozenset()
    for start, end in statement.fragments:
        tokens |= content_tokens(text, start + shift, end + shift)
    return tokens


def _pairs(
    found: list[frozenset[int]], wanted: list[frozenset[int]], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one (system, gold) pairs at or above `threshold`, highest overlap first."""
    candidates = sorted(
        ((overlap(a, b), i, j) for i, a in enumerate(found) for j, b in enumerate(wanted)),
        reverse=True,
    )
    pairs, used_system, used_gold = [], set(), set()
    for value, i, j in candidates:
        if value < threshold or value == 0:
            break
        if i in used_system or j in used_gold:
            continue
        pairs.append((i, j))
        used_system.add(i)
        used_gold.add(j)
    return pairs


def _accuracy(tally: dict[str, int]) -> dict[str, Any]:
    accuracy = tally["right"] / tally["of"] if tally["of"] else 1.0
    return {"accuracy": round(accuracy, 4), **tally}


def _error(
    article: str, kind: str, system: dict[str, Any] | None, gold: GoldStatement | None
) -> dict[str, Any]:
    error: dict[str, Any] = {"article": article, "error": kind}
    if gold is not None:
        error["gold"] = f"{gold.speaker or gold.source_text} ({'D' if gold.direct else 'R'}): "
        error["gold"] += gold.text[:120]
    if system is not None:
        error["system"] = f"{system['speaker']} ({'D' if system['direct'] else 'R'}): "
        error["system"] += system["text"][:120]
    return error
