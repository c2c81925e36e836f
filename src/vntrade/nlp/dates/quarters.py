"""Normalisers of quarters, halves and seasons: `the third quarter`, `first-half`,
`Q3 2025`, `fiscal 1990's fourth quarter`, `last summer`."""

from __future__ import annotations

from vntrade.nlp.dates.calendar import FUTURE, PAST, add_months, period_year, year_text
from vntrade.nlp.dates.lexicon import ORDINALS, SEASONS
from vntrade.nlp.dates.normalise import (
    Context,
    Match,
    Resolved,
    fiscal,
    group,
    relation_word,
    word,
)


def quarter(match: Match, ctx: Context) -> Resolved | None:
    """`the third quarter of 2025`, `Q3 2025`, `Q1/2025`, `the first half of this year`."""
    half = group(match, "half") is not None
    kind, size, letter = ("half", 6, "H") if half else ("quarter", 3, "Q")
    ordinal = " ".join(word(match, "ord").split())
    index = int(group(match, "q")) if group(match, "q") else ORDINALS.get(ordinal)
    if half and ordinal == "latter":
        index = 2
    if ordinal in ("latest", "most recent", "recent", "just-ended", "just-completed"):
        index = -1
    if index is None:
        return None
    if index == -1:  # "the last quarter": of the year named, else the one before the anchor's
        if group(match, "year") or group(match, "pyear") or group(match, "yrel"):
            index = 12 // size
        elif (anchor := ctx.anchor_day("month")) is not None:
            year, before = add_months(anchor, -size)
            return Resolved(f"{year}-{letter}{(before - 1) // size + 1}", kind)
        else:
            return Resolved(f"{year_text(ctx.anchor.year if ctx.anchor else None)}-{letter}X", kind)
    year = _period_year(match, ctx, (index - 1) * size + 1, size)
    return Resolved(f"{fiscal(match)}{year_text(year)}-{letter}{index}", kind)


def _period_year(match: Match, ctx: Context, first_month: int, size: int) -> int | None:
    """The year of a quarter or half: explicit, relative (`of last year`) or by tense."""
    text = group(match, "year") or group(match, "pyear") or group(match, "yy")
    if text:
        return int(text) if len(text) == 4 else 2000 + int(text)
    if ctx.anchor is None:
        return None
    relation = word(match, "yrel") or word(match, "yrel2")
    if relation in ("last", "next"):
        return ctx.anchor.year + (1 if relation == "next" else -1)
    if relation:
        return ctx.anchor.year
    return period_year(first_month, size, ctx.anchor, ctx.direction, ctx.shift)


SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season(match: Match, ctx: Context) -> Resolved:
    """`last summer`, `the winter of 2024`, `this spring`: seasons last three months."""
    code = SEASONS[word(match, "season")]
    anchor = ctx.anchor_day("month")
    if group(match, "year") or anchor is None:
        year = group(match, "year") or year_text(ctx.anchor.year if ctx.anchor else None)
        return Resolved(f"{year}-{code}", "season")
    now = anchor.year * 12 + anchor.month
    starts = {y: y * 12 + SEASON_START[code] for y in range(anchor.year - 2, anchor.year + 2)}
    relation = relation_word(match)
    if relation in ("last", "past", "previous"):  # the last one over
        chosen = max(y for y, start in starts.items() if start + 3 <= now)
    elif relation in ("next", "coming", "following"):  # the next one to begin
        chosen = min(y for y, start in starts.items() if start > now)
    elif not relation and ctx.direction == PAST:  # the latest one begun
        chosen = max(y for y, start in starts.items() if start <= now)
    elif not relation and ctx.direction == FUTURE:  # the first one not over
        chosen = min(y for y, start in starts.items() if start + 3 > now)
    else:
        chosen = anchor.year
    return Resolved(f"{chosen}-{code}", "season")
