"""`vntrade ingest` without the CLI: incremental extraction of article streams into a store.

Articles are classified before any parsing: one already stored with the same digest and
pipeline fingerprint is unchanged and skipped; the rest go to the engine in chunks, and every
finished chunk is committed in one transaction (or, for a dataset, written as Parquet parts
and then indexed in one transaction).
"""

from __future__ import annotations

import functools
import json
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vntrade.batch import (
    ChunkResult,
    Engine,
    Handle,
    Outcome,
    broken_pool_message,
    describe_error,
)
from vntrade.errors import EngineError, VntradeError, shown
from vntrade.ingest.derive import Arrival, derive_in_workers
from vntrade.ingest.inputs import Item, SkippedSource, SourceTracker, stored_names
from vntrade.ingest.store_run import StoreRun
from vntrade.ingest.summary import COUNTS, Summary
from vntrade.records import ARTICLE_BATCH, Article, LoadFailure, LoadProblem
from vntrade.store import Batch, SourceState, Store, StoredRow, article_digest
from vntrade.store.dataset import PARTITION, DatasetWriter, part_files, rewrite_part

# Past this many, problems are only counted: a broken pipeline would otherwise flood stderr.
MAX_REPORTED = 20


@dataclass(slots=True)
class _Job:
    """One chunk on its way: what to process, and what its transaction will also write."""

    articles: int
    words: int
    chars: int
    todo: list[tuple[Article, str, str]]  # (article, digest, "new" | "updated")
    batch: Batch
    ids: list[str]
    unchanged: int
    handle: Handle | None = None


Progress = Callable[[int, int, int], None]  # (articles, words, characters) just done


class Ingest:
    """One ingest run over a stream of loader items, into a store (or a dataset + index)."""

    def __init__(
        self,
        store: Store,
        engine: Engine,
        fingerprint: str,
        *,
        batch_size: int = ARTICLE_BATCH,
        dataset: DatasetWriter | None = None,
        report: Callable[[str], None] = lambda message: None,
        progress: Progress | None = None,
        cluster: bool = True,
        starting: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.engine = engine
        self.fingerprint = fingerprint
        self.batch_size = batch_size
        self.dataset = dataset
        self.report = report
        self.progress = progress
        self.starting = starting  # called once, before the first articles go to the engine
        self.pending: dict[str, str] = {}  # ids in flight -> digest
        self.failed_sources: set[str] = set()  # inputs with a failure: read them again next time
        self.warned_version = False
        self.reported = 0
        # Chunks in flight: enough to keep every worker busy while one is being committed.
        self.window = max(2, 2 * engine.workers)
        kind, target = ("dataset", dataset.directory) if dataset else ("db", store.path)
        self.summary = Summary(str(target), kind)
        self.store_run = StoreRun(store, fingerprint, self.summary, cluster=cluster)

    def run(self, items: Iterable[Article | LoadProblem]) -> Summary:
        """Ingest every item; commits as it goes, so an interruption keeps finished batches."""
        self.run_id = self.store_run.start()
        if self.dataset:
            compact_dataset(self.store, self.dataset.directory)
        in_flight: deque[_Job] = deque()
        try:
            for job in self._jobs(items):
                in_flight.append(job)
                while len(in_flight) > self.window or (in_flight and _ready(in_flight[0])):
                    self._commit(in_flight.popleft())
            while in_flight:
                self._commit(in_flight.popleft())
            self.store_run.finish_events()
            if self.dataset:
                compact_dataset(self.store, self.dataset.directory)
            # With failures, a later run has work left: it reads the failed inputs again.
            self.summary.status = "incomplete" if self.summary.counts["failed"] else "done"
        except BaseException:
            self.summary.status = "interrupted"
            raise
        finally:
            self.engine.close(abort=self.summary.status == "interrupted")
            self.store_run.end()
        return self.summary

    def _jobs(self, items: Iterable[Item]) -> Iterable[_Job]:
        chunk: list[Article] = []
        failures: list[LoadFailure] = []
        sources: set[str] = set()
        files = SourceTracker()
        for item in map(stored_names, items):
            if isinstance(item, SkippedSource):
                files.skip(item)
            elif isinstance(item, SourceState):
                files.start(item)
            elif isinstance(item, LoadProblem):
                self._report_problem(item.message())
                sources.add(item.source)
                if isinstance(item, LoadFailure):
                    failures.append(item)
                    files.fail(item.source)
            else:
                chunk.append(item)
                files.count(item.source)
            if len(chunk) + len(failures) + files.pending >= self.batch_size:
                yield self._classify(chunk, failures, sources, files.take())
                chunk, failures, sources = [], [], set()
        files.finish()
        if chunk or failures or sources or files.pending:
            yield self._classify(chunk, failures, sources, files.take())

    def _classify(
        self,
        chunk: list[Article],
        failures: list[LoadFailure],
        sources: set[str],
        files: tuple[list[SourceState], list[SkippedSource]],
    ) -> _Job:
        """Sort a chunk into unchanged, new, updated and duplicate articles; submit the work."""
        known = self.store.known(article.id for article in chunk)
        done, skipped = files
        batch = Batch(failures=failures, sources=sources, done_sources=done)
        batch.skipped_sources = [source.path for source in skipped]
        todo: list[tuple[Article, str, str]] = []
        seen_here: dict[str, str] = {}
        skipped_articles = sum(source.articles for source in skipped)
        unchanged = skipped_articles
        for article in chunk:
            batch.sources.add(article.source)
            digest = article_digest(article.to_dict())
            earlier = seen_here.get(article.id) or self.pending.get(article.id)
            stored = known.get(article.id)
            if earlier is None and stored is not None and stored.run == self.run_id:
                earlier = stored.digest
            if earlier is not None:  # the same id twice in one run
                if earlier == digest:
                    unchanged += 1
                else:
                    batch.failures.append(duplicate_failure(article))
                continue
            seen_here[article.id] = digest
            if stored and stored.unchanged(digest, self.fingerprint):
                batch.seen.append(article.id)
                unchanged += 1
                continue
            if stored and stored.part:
                batch.stale_parts.add(stored.part)
            todo.append((article, digest, "updated" if stored else "new"))
        self.pending.update(seen_here)
        job = _Job(
            articles=len(chunk) + skipped_articles,
            words=sum(article.words for article in chunk),
            chars=sum(len(article.text) for article in chunk),
            todo=todo,
            batch=batch,
            ids=list(seen_here),
            unchanged=unchanged,
        )
        if todo:
            if self.starting is not None:  # the engine loads the model with its first chunk
                self.starting()
                self.starting = None
            # The workers derive each record's events too: the writer only places them.
            job.handle = self.engine.submit(
                [article for article, _, _ in todo], finish=derive_in_workers
            )
        return job

    def _commit(self, job: _Job) -> None:
        result = self._result(job)
        counts = dict.fromkeys(COUNTS, 0)
        counts["unchanged"] = job.unchanged
        rows = job.batch.rows
        arrivals: list[Arrival] = []
        records: list[tuple[dict[str, Any], str]] = []  # for a dataset
        for (article, digest, kind), outcome in zip(job.todo, result.outcomes, strict=True):
            if outcome.error:
                job.batch.failures.append(
                    LoadFailure(article.source, outcome.error, None, article.id)
                )
                continue
            counts[kind] += 1
            fields = article.to_dict()
            record = functools.partial(_record, fields, outcome.extraction)
            arrivals.append(Arrival(outcome.derived, record))
            if self.dataset:
                records.append((record(), result.fingerprint))
            rows.append(
                StoredRow.of(
                    fields,
                    outcome.extraction,
                    digest=digest,
                    pipeline=result.fingerprint,
                    reference_date=outcome.reference_date,
                    with_record=self.dataset is None,
                )
            )
        if self.dataset and records:
            parts = self.dataset.write(records)
            for row in rows:
                row.part = parts[row.id]
        self.failed_sources.update(failure.source for failure in job.batch.failures)
        job.batch.done_sources = [
            state for state in job.batch.done_sources if state.path not in self.failed_sources
        ]
        self.store_run.commit(job.batch, arrivals)
        counts["failed"] = len(job.batch.failures)
        for failure in job.batch.failures:
            if failure.article is not None:  # load failures were reported when read
                self._report_problem(failure.message())
        for name, value in counts.items():
            self.summary.counts[name] += value
        for id_ in job.ids:
            self.pending.pop(id_, None)
        if self.progress:
            self.progress(job.articles, job.words, job.chars)

    def _report_problem(self, message: str) -> None:
        self.reported += 1
        if self.reported <= MAX_REPORTED:
            self.report(message)
        elif self.reported == MAX_REPORTED + 1:
            self.report(
                "more problems are recorded but not shown; list them with "
                f"`vntrade db stats --db {shown(self.store.path)}`."
            )

    def _result(self, job: _Job) -> ChunkResult:
        """The chunk's outcomes; a chunk the engine lost becomes one failure per article."""
        if job.handle is None:
            return ChunkResult(self.fingerprint, [])
        try:
            result = job.handle.result()
        except VntradeError:
            raise
        except Exception as error:  # e.g. a Dask worker lost mid-chunk
            if error.__class__.__name__ == "BrokenProcessPool":
                raise EngineError(broken_pool_message()) from None
            reason = describe_error(error)
            return ChunkResult(self.fingerprint, [Outcome(None, None, reason)] * len(job.todo))
        if result.fingerprint != self.fingerprint and not self.warned_version:
            # Records are stamped with the version that made them, so nothing is mislabelled;
            # but a cluster running other code would redo them on every run from here.
            self.warned_version = True
            self.report(
                f"workers run pipeline version {result.fingerprint}, this machine "
                f"{self.fingerprint}: install the same vntrade, model and pattern files "
                "everywhere, or records will be processed again on every run."
            )
        return result


def _record(fields: dict[str, Any], extraction: str) -> dict[str, Any]:
    """An article's record: its fields and its extraction's (JSON)."""
    return {**fields, **json.loads(extraction)}


def _ready(job: _Job) -> bool:
    return job.handle is None or job.handle.done()


def duplicate_failure(article: Article) -> LoadFailure:
    return LoadFailure(
        article.source,
        f"duplicate article id {article.id!r}: another article with this id, but different "
        "content, came earlier in this run; give the articles distinct ids",
        None,
        article.id,
    )


def compact_dataset(store: Store, directory: Path) -> None:
    """Remove superseded rows from part files and delete parts no index row points to.

    Both come from runs that were updated or interrupted; doing it under the ingest lock,
    at the start and the end of every run, keeps the dataset free of duplicates.
    """
    for leftover in directory.glob(f"{PARTITION}=*/.*.tmp"):  # from a killed write
        leftover.unlink(missing_ok=True)
    referenced = store.parts_in_use()
    for part in part_files(directory):
        if part not in referenced:
            (directory / part).unlink(missing_ok=True)
    for part in store.stale_parts():
        rewrite_part(directory, part, store.ids_in_part(part))
        store.forget_stale_part(part)
