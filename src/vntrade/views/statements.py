"""Who said what: the statements of a store, by speaker (any alias), date and words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from vntrade.folding import fold_key
from vntrade.periods import Period
from vntrade.store import StatementFilter, Store

# Every field of a statement row (the data formats); the table shows the short ones.
STATEMENT_COLUMNS = (
    "date", "speaker", "direct", "cue", "text", "speaker_text", "unnamed", "article", "source",
    "start", "end", "sentence_start", "sentence_end",
)  # fmt: skip


def statement_filter(
    store: Store,
    speakers: Iterable[str] = (),
    since: Period | None = None,
    until: Period | None = None,
    words: Iterable[str] = (),
) -> StatementFilter:
    """The filter of a `statements` query: speakers by any alias the store knows (`Hằng`,
    `the spokesperson`: the actor they name), statements said within [since, until]."""
    names = list(speakers)
    keys = store.speaker_keys(names) if names else None
    return StatementFilter(
        speakers=keys,
        since=since.start.isoformat() if since and since.start else None,
        before=until.end.isoformat() if until and until.end else None,
        words=tuple(word for text in words for word in text.split()),
    )


def statement_rows(store: Store, keep: StatementFilter) -> Iterator[dict[str, Any]]:
    """The statements `keep` keeps, by date, streamed as rows of `STATEMENT_COLUMNS`."""
    for statement in store.statements(keep):
        yield {name: statement.get(name) for name in STATEMENT_COLUMNS}


# Word overlap (common folded words over the larger side's) at which two reports give the
# same words (a quotation both print) or the same statement in other words.
VERBATIM, PARAPHRASE = 0.8, 0.3


def quoted_across(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who is quoted in which of `records` (the reports of one event), and whether the words
    agree: per speaker, per article, each statement marked `verbatim` (another report quotes
    the same words), `paraphrased` (another report gives it, in other words or reported) or
    `alone`; and the articles that do not quote the speaker at all (`missing`). Speakers
    quoted by the most reports first; unnamed sources are left out (they cannot be matched)."""
    said: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for record in records:
        for statement in record.get("statements", []):
            if statement.get("speaker") and not statement.get("unnamed"):
                by_article = said.setdefault(statement["speaker"], {})
                by_article.setdefault(record["id"], []).append(statement)
    ids = [record["id"] for record in records]
    rows = []
    for speaker, by_article in said.items():
        articles = {}
        for article, statements in by_article.items():
            others = [s for a, ss in by_article.items() if a != article for s in ss]
            articles[article] = [
                {"text": s["text"], "direct": s["direct"], "agreement": _agreement(s, others)}
                for s in statements
            ]
        missing = [i for i in ids if i not in by_article]
        rows.append({"speaker": speaker, "articles": articles, "missing": missing})
    rows.sort(key=lambda row: (-len(row["articles"]), row["speaker"]))
    return rows


def _agreement(statement: dict[str, Any], others: list[dict[str, Any]]) -> str:
    words = _words(statement["text"])
    scored = [(_overlap(words, _words(other["text"])), other["direct"]) for other in others]
    best, direct = max(scored, default=(0.0, False))
    if best < PARAPHRASE:
        return "alone"
    return "verbatim" if best >= VERBATIM and statement["direct"] and direct else "paraphrased"


def _words(text: str) -> set[str]:
    return set(fold_key(text).split())


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0
