"""One chunk of work: the pipeline over a list of articles, answered as small JSON strings
(an article that makes the pipeline raise becomes an error outcome, not a lost chunk)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from vntrade.errors import DataFileError, VntradeError
from vntrade.records import Article
from vntrade.store import EXTRACTION_KEYS

# Numeric libraries must not start a thread pool per worker: processes already use every core.
THREAD_LIMITS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
PIPE_BATCH = 64


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """What identifies a pipeline: small and picklable, so it travels to workers."""

    model: str | None = None
    actors_file: str | None = None
    commodities_file: str | None = None

    def fingerprint(self) -> str:
        """The pipeline version, computed without loading spaCy."""
        from vntrade.nlp.pipeline import model_name, pipeline_fingerprint

        return pipeline_fingerprint(model_name(self.model), self.actors_file, self.commodities_file)

    def load(self) -> Any:  # -> spacy.language.Language
        """The pipeline, loaded once per process; any failure is a user-facing error."""
        from vntrade.nlp.pipeline import load_pipeline

        try:
            return load_pipeline(self.model, self.actors_file, self.commodities_file)
        except VntradeError:
            raise
        except Exception as error:  # e.g. a broken pattern file
            raise DataFileError(
                f"cannot load the pipeline: {error.__class__.__name__}: {error}. "
                "Check --model, --actors and --commodities."
            ) from None


class Outcome(NamedTuple):
    """The pipeline's result for one article: its extraction fields as JSON, or an error."""

    extraction: str | None
    reference_date: str | None
    error: str | None


class ChunkResult(NamedTuple):
    """A worker's answer for one chunk, in the chunk's order."""

    fingerprint: str
    outcomes: list[Outcome]


def extract_chunk(spec: PipelineSpec, articles: list[Article]) -> ChunkResult:
    """Run the pipeline over one chunk; an article that makes it raise becomes an error outcome."""
    from vntrade.nlp.extract import extract_articles

    nlp = spec.load()
    fingerprint = nlp.meta["vntrade_fingerprint"]
    try:
        extractions = list(extract_articles(nlp, articles, min(PIPE_BATCH, len(articles))))
        return ChunkResult(fingerprint, [_outcome(e) for e in extractions])
    except Exception:  # retry one by one to pin the failure on its article
        outcomes = []
        for article in articles:
            try:
                outcomes.extend(_outcome(e) for e in extract_articles(nlp, [article], 1))
            except Exception as error:  # a bad input must not stop the batch
                outcomes.append(Outcome(None, None, describe_error(error)))
        return ChunkResult(fingerprint, outcomes)


def _outcome(extraction: Any) -> Outcome:
    record = extraction.to_dict(with_text=False)
    fields = {key: record[key] for key in EXTRACTION_KEYS}
    return Outcome(json.dumps(fields, ensure_ascii=False), record["reference_date"], None)


def describe_error(error: BaseException) -> str:
    """A one-line reason for a failure record."""
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
