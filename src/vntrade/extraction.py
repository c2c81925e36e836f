"""The record stream: paths or a store in, extraction records (plain dicts, text included) out.

Records of paths come from the cache where it has them; only the misses load spaCy and go
through the pipeline, in chunks. Problems (a bad input, an article the pipeline cannot
process) are handed to `on_problem` and never stop the stream.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from vntrade.batch import PipelineSpec, chunked, extract_chunk
from vntrade.loader import DEFAULT_MAX_BYTES, iter_inputs
from vntrade.records import ARTICLE_BATCH, Article, LoadFailure, LoadProblem
from vntrade.store import Store, article_digest

Record = dict[str, Any]


def without_problems(
    items: Iterable[Article | LoadProblem], on_problem: Callable[[LoadProblem], None]
) -> Iterator[Article]:
    """The articles of a loader stream; each problem goes to `on_problem` as it comes."""
    for item in items:
        if isinstance(item, LoadProblem):
            on_problem(item)
        else:
            yield item


def records_from_paths(
    paths: Sequence[str],
    spec: PipelineSpec,
    on_problem: Callable[[LoadProblem], None],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = True,
    track: Callable[[Iterable[Article]], Iterable[Article]] = lambda articles: articles,
) -> Iterator[Record]:
    """One extraction record per article in `paths`, in input order.

    `track` sees every article as it is read (a progress bar, say).
    """
    from vntrade.store.cache import Cache

    cache = Cache.open(spec.fingerprint()) if use_cache else None
    with contextlib.ExitStack() as stack:
        if cache:
            stack.callback(cache.close)
        articles = track(without_problems(iter_inputs(paths, max_bytes), on_problem))
        for chunk in chunked(iter(articles), ARTICLE_BATCH):
            yield from _chunk_records(chunk, spec, cache, on_problem)


def _chunk_records(
    chunk: list[Article], spec: PipelineSpec, cache: Any, on_problem: Callable[[LoadProblem], None]
) -> Iterator[Record]:
    fields = [article.to_dict() for article in chunk]
    digests = [article_digest(f) for f in fields]
    found = cache.lookup(digests) if cache else {}
    todo = [(a, d) for a, d in zip(chunk, digests, strict=True) if d not in found]
    if todo:
        result = extract_chunk(spec, [article for article, _ in todo])
        fresh = []
        for (article, digest), outcome in zip(todo, result.outcomes, strict=True):
            if outcome.error:
                on_problem(LoadFailure(article.source, outcome.error, article=article.id))
            else:
                fresh.append((digest, outcome.extraction, outcome.reference_date))
                found[digest] = (outcome.extraction, outcome.reference_date)
        if cache:
            cache.save(fresh)
    for article_fields, digest in zip(fields, digests, strict=True):
        if digest in found:
            yield {**article_fields, **json.loads(found[digest][0])}


def records_from_store(db: str, spec: PipelineSpec) -> tuple[int, Iterator[Record]]:
    """How many records another pipeline version made, and every record of the store at
    `db`, in id order (the store stays open until the stream is exhausted or closed)."""
    store = Store.open(db)
    stale = store.count_stale(spec.fingerprint())
    return stale, _closing(store, store.iter_records())


def _closing(store: Store, records: Iterator[Record]) -> Iterator[Record]:
    with store:
        yield from records
