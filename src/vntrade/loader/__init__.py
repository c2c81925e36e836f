"""Turning input paths into article records (placeholder until the full loader lands)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from vntrade.records import Article, LoadFailure, LoadProblem

DEFAULT_MAX_BYTES = 5_000_000


def iter_inputs(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | LoadProblem]:
    """Yield an article for every article found in `paths`, and a problem for every bad input."""
    for raw in paths:
        path = Path(raw)
        files = sorted(path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                text = file.read_text(encoding="utf-8").strip()
            except OSError as error:
                yield LoadFailure(str(file), error.strerror or str(error))
                continue
            yield Article(
                id=file.stem,
                source=str(file),
                title=None,
                published=None,
                agency=None,
                dateline=None,
                text=text,
                words=len(text.split()),
                sha256=hashlib.sha256(text.encode()).hexdigest(),
            )
