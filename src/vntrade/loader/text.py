"""Plain-text inputs: one article per file (or per stdin), named by the file stem."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from vntrade.loader.article import NO_TEXT_LEFT, make_article, parse_text
from vntrade.loader.paths import NOT_UTF8, NUL_BYTE, STDIN, STDIN_TOO_LARGE, Input, decode
from vntrade.records import Article, LoadFailure, LoadProblem, LoadWarning


def load_text(source: Input) -> Iterator[Article | LoadProblem]:
    """The one article of a plain-text input; stdin's is named by its content hash."""
    limit = source.max_bytes
    data = source.stream.read(limit + 1) if limit else source.stream.read()
    if limit and len(data) > limit:  # stdin, whose size is only known by reading it
        yield LoadFailure(source.name, STDIN_TOO_LARGE.format(limit=limit))
        return
    if b"\x00" in data:  # a few NUL bytes (more make the file binary): not an article
        yield LoadFailure(source.name, NUL_BYTE)
        return
    text, fell_back = decode(data)
    if fell_back:
        yield LoadWarning(source.name, NOT_UTF8)
    parsed = parse_text(text)
    for warning in parsed.warnings:
        yield LoadWarning(source.name, warning)
    if not parsed.paragraphs:
        yield LoadFailure(source.name, NO_TEXT_LEFT)
        return
    article_id = None if source.name == STDIN else Path(source.name).stem
    yield make_article(parsed, id=article_id, source=source.name)
