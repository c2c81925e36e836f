"""Very long articles go through the pipeline in pieces, so memory stays bounded per article.

spaCy's memory grows with the length of one `Doc` (and refuses texts over `nlp.max_length`),
so a text longer than `MAX_PIECE_CHARS` is cut at paragraph breaks (else sentence ends, else
spaces) into pieces; each piece is one `Doc`, and the pieces' extractions are merged back into
one record with every offset shifted into the whole article's text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vntrade.records import Actor, Article, Commodity, Extraction, Mention

# About two long news articles: pieces this size cost the parser tens of MB, not gigabytes.
MAX_PIECE_CHARS = 20_000
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs that cover `text`, none longer than `limit` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The best place to end a piece that starts at `start` and must end by `stop`."""
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, start + (stop - start) // 2, stop)]
        if ends:
            return ends[-1]
    return stop


def piece_article(article: Article, piece: str) -> Article:
    """The article record a piece is processed as: the same metadata, the piece's text."""
    return replace(article, text=piece)


def merge_pieces(article: Article, parts: list[tuple[int, Extraction, int]]) -> Extraction:
    """One extraction for `article` from its pieces' (offset, extraction, number of
    sentences): offsets made absolute, events' sentences numbered through the article, and
    one lead event (the first piece's)."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    first = parts[0][1]
    merged = Extraction(
        article=article,
        published_inferred=first.published_inferred,
        reference_date=first.reference_date,
    )
    actors: dict[str, Actor] = {}
    commodities: dict[str, Commodity] = {}
    sentences = 0  # sentences of the pieces before this one
    for offset, part, count in parts:
        for actor in part.actors:
            _shift_all(actor.mentions, offset)
            kept = actors.setdefault(actor.name, actor)
            if kept is not actor:
                kept.mentions.extend(actor.mentions)
                kept.aliases.extend(a for a in actor.aliases if a not in kept.aliases)
                kept.role = kept.role or actor.role
        for commodity in part.commodities:
            _shift_all(commodity.mentions, offset)
            known = commodities.setdefault(commodity.name, commodity)
            if known is not commodity:
                known.mentions.extend(commodity.mentions)
        for found in (*part.dates, *part.directives):
            found.start += offset
            found.end += offset
        for event in part.events:
            event.sentence_start += offset
            event.sentence_end += offset
            event.order += sentences
            event.lead = False
            if event.directive is not None:
                event.directive += len(merged.directives)
        for figure in part.figures:
            figure.start += offset
            figure.end += offset
            figure.sentence_start += offset
            figure.sentence_end += offset
        for statement in part.statements:
            statement.start += offset
            statement.end += offset
            statement.sentence_start += offset
            statement.sentence_end += offset
        merged.statements.extend(part.statements)
        sentences += count
        merged.dates.extend(part.dates)
        merged.directives.extend(part.directives)
        merged.events.extend(part.events)
        merged.figures.extend(part.figures)
    if merged.events:
        min(merged.events, key=lambda event: event.order).lead = True
    merged.actors = list(actors.values())
    merged.commodities = list(commodities.values())
    return merged


def _shift_all(mentions: list[Mention], offset: int) -> None:
    for mention in mentions:
        mention.start += offset
        mention.end += offset
