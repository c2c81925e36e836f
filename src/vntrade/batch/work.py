"""One chunk of work: the pipeline over a list of articles, answered as small JSON strings
(an article that makes the pipeline raise becomes an error outcome, not a lost chunk)."""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from vntrade.nlp.budget import ArticleTimeout
from vntrade.nlp.pipeline import PipelineSpec
from vntrade.records import ARTICLE_BATCH, EXTRACTION_KEYS, Article, Extraction

if TYPE_CHECKING:
    from vntrade.nlp.extract import Failed

# Allocations between two collections of the youngest generation, once the model is loaded.
YOUNG_OBJECTS = 20_000


class Outcome(NamedTuple):
    """The pipeline's result for one article: its extraction fields as JSON, or an error;
    and what the chunk's `finish` made of its record."""

    extraction: str | None
    reference_date: str | None
    error: str | None
    derived: Any = None


# What a worker makes of a chunk's records after the pipeline, one item per record (for
# ingest: their events' rows and clustering references), so that the driver does not; a
# module-level function, which pickles by name to any worker.
Finish = Callable[[list[dict[str, Any]]], list[Any]]


class ChunkResult(NamedTuple):
    """A worker's answer for one chunk, in the chunk's order."""

    fingerprint: str
    outcomes: list[Outcome]


def extract_chunk(
    spec: PipelineSpec, articles: list[Article], finish: Finish | None = None
) -> ChunkResult:
    """Run the pipeline over one chunk, then `finish` over the records it made; an article
    that makes the pipeline raise, or that takes longer than `spec.article_timeout`, becomes
    an error outcome."""
    from vntrade.nlp.extract import extract_articles

    nlp = spec.load()
    _freeze_once()
    fingerprint = nlp.meta["vntrade_fingerprint"]
    timeout = spec.article_timeout
    try:
        found = extract_articles(nlp, articles, min(ARTICLE_BATCH, len(articles)), timeout)
        outcomes = [_outcome(item) for item in found]
    except Exception:  # the model's batch failed: one by one, to pin it on its article
        outcomes = []
        for article in articles:
            try:
                alone = extract_articles(nlp, [article], 1, timeout)
                outcomes.extend(_outcome(item) for item in alone)
            except Exception as error:  # a bad input must not stop the batch
                outcomes.append(Outcome(None, None, describe_error(error)))
    if finish is not None:
        outcomes = _finished(outcomes, articles, finish)
    return ChunkResult(fingerprint, outcomes)


@functools.cache  # once a process
def _freeze_once() -> None:
    """Once the model is loaded, leave what the process holds so far (the model, some
    100,000 objects that live as long as it) out of every later garbage collection, so that
    a full collection in the chunks, and in the writer of an inline engine, walks only the
    objects made since (`gc.freeze`). What loading left behind is collected first.

    From then on the youngest generation is collected after `YOUNG_OBJECTS` allocations,
    not Python's 700: the rules make and drop millions of short-lived containers (most gone
    by the next collection), and the clusters an ingest keeps would otherwise be walked
    again and again on their way to the oldest generation."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


def _outcome(item: Extraction | Failed) -> Outcome:
    if not isinstance(item, Extraction):
        return Outcome(None, None, describe_error(item.error))
    record = item.to_dict(with_text=False)
    fields = {key: record[key] for key in EXTRACTION_KEYS}
    return Outcome(json.dumps(fields, ensure_ascii=False), record["reference_date"], None)


def _finished(outcomes: list[Outcome], articles: list[Article], finish: Finish) -> list[Outcome]:
    """The outcomes with what `finish` made of their records, read as the driver reads them
    back (the article's fields and the extraction through JSON)."""
    done = [(place, outcome) for place, outcome in enumerate(outcomes) if outcome.extraction]
    records = [
        {**articles[place].to_dict(), **json.loads(outcome.extraction or "{}")}
        for place, outcome in done
    ]
    finished = list(outcomes)
    for (place, outcome), derived in zip(done, finish(records), strict=True):
        finished[place] = outcome._replace(derived=derived)
    return finished


def describe_error(error: BaseException) -> str:
    """A one-line reason for a failure record."""
    if isinstance(error, ArticleTimeout):
        return f"extraction {error}"
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{error.__class__.__name__}: {first_line}" if first_line else error.__class__.__name__
    return f"extraction failed: {text[:300]}"


def chunked(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most `size` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
