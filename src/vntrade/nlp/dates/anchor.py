"""Inferring the reference date of an article that has no publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from vntrade.nlp.dates.calendar import FUTURE, PAST, Anchor
from vntrade.nlp.dates.guards import deadline_before
from vntrade.nlp.dates.normalise import Context, Resolved
from vntrade.nlp.dates.rule import Candidate
from vntrade.nlp.law_years import names_a_law

# Kinds of explicit dates precise enough to tell the year of the article.
_PRECISE_KINDS = frozenset({"day", "month", "quarter", "half", "season", "week", "time"})
_DAY_OR_MONTH = re.compile(r"(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?(?:$|T)")
# Words before a year that make it the current one: part of it is over, the rest to come.
_YEAR_UNDER_WAY = re.compile(
    r"(?i:\b(?:first\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|quarters?|half)\s+of|so\s+far\s+in|"
    r"since\s+the\s+(?:beginning|start)\s+of|year-to-date\s+in)\s+)$"
)
# What a finished year's statistic reports: a figure (`US$150 billion`, `12%`) or a movement
# (`exports rose`, `a record`).
_FIGURE = re.compile(
    r"(?i:\d[\d.,]*\s*(?:%|per\s*cent\b|percent\b|billion\b|million\b|trillion\b|tonnes?\b)|"
    r"(?:US)?\$\s?\d|\b(?:rose|fell|grew|gained|reached|hit|increased|decreased|dropped|"
    r"declined|jumped|surged|slumped|climbed|totall?ed|records?)\b)"
)
# A relative year right after a day or month puts it in another year ("October 25 last year").
OTHER_YEAR_AFTER = re.compile(
    r"(?i:,?\s+(?:of\s+)?(?P<which>last|next|the\s+previous|the\s+following)\s+year)\b"
)
_SENTENCE_END = re.compile(r"[.!?][\"'”]?\s|\n")


def infer_anchor(candidates: list[Candidate], tenses: list[str | None]) -> Anchor | None:
    """A reference date from the article's own explicit dates, or None if it has none.

    The year is the most frequent among explicit days with a year, or without any, among
    explicit months and quarters (ties: the latest), else the latest year that bare years
    point to (`_publication_year`). The day is, within that year (yearless days included),
    the latest day reported in the past tense (reported events precede publication), else
    the latest day without tense, else the earliest day ahead (a deadline follows
    publication); failing days, the latest month; else the year alone.
    """
    unanchored = Context(anchor=None)
    resolved = [c.rule.normalise(c.match, unanchored) for c in candidates]
    dated = [r for r in resolved if r and r.kind in _PRECISE_KINDS and r.value[:4].isdigit()]
    days = [r for r in dated if r.kind == "day"]  # a day's year is the surest: months with a
    precise = Counter(int(r.value[:4]) for r in days or dated)  # year are often plans
    if precise:
        year = max(precise, key=lambda y: (precise[y], y))
    else:
        years = [
            found
            for candidate, r, tense in zip(candidates, resolved, tenses, strict=True)
            if r
            and r.kind == "year"
            and r.value.isdigit()
            and (found := _publication_year(candidate, int(r.value), tense)) is not None
        ]
        if not years:
            return None
        year = max(years)
    past: list[dt.date] = []
    undirected: list[dt.date] = []
    ahead: list[dt.date] = []
    months: list[dt.date] = []
    for candidate, found, tense in zip(candidates, resolved, tenses, strict=True):
        day = _day_in_year(found, year)
        if day is None or OTHER_YEAR_AFTER.match(candidate.match.string, candidate.end):
            continue  # "on October 25 last year": a day of another year
        if found.kind == "month":
            months.append(day)
        elif found.kind == "day":
            if tense == PAST:
                past.append(day)
            elif tense == FUTURE or deadline_before(candidate.match.string, candidate.start):
                ahead.append(day)
            else:
                undirected.append(day)
    if past or undirected:
        return Anchor(max(past or undirected), "day")
    if ahead:
        return Anchor(min(ahead), "day")
    if months:
        return Anchor(max(months), "month")
    return Anchor(dt.date(year, 1, 1), "year")


def _publication_year(candidate: Candidate, year: int, tense: str | None) -> int | None:
    """The year of publication a bare year points to, or None for a year ahead or a law's.

    A year still under way (`the first seven months of 2025`, `so far in 2025`) is the
    year of publication; a finished year's figure reported in the past tense (`trade
    reached US$150 billion in 2024`) is over, so the article is from a later year, most
    likely the next. A year the story itself happened in (`how the talks unfolded in
    2025`) is the article's own.
    """
    text = candidate.match.string
    if tense == FUTURE or names_a_law(text, candidate.start, candidate.end):
        return None  # a year ahead, or the year of a law ("a 1977 emergency powers law")
    digits = text.rfind(str(year), candidate.start, candidate.end)
    if _YEAR_UNDER_WAY.search(text, max(0, candidate.start - 40), max(digits, candidate.start)):
        return year
    return year + 1 if tense == PAST and _FIGURE.search(_sentence(text, candidate)) else year


def _sentence(text: str, candidate: Candidate) -> str:
    """The sentence around a candidate, cut at sentence ends and line breaks."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, candidate.start)]
    after = _SENTENCE_END.search(text, candidate.end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]


def _day_in_year(resolved: Resolved | None, year: int) -> dt.date | None:
    """The (first) day of a day or month value in `year`, or of a yearless one."""
    match = _DAY_OR_MONTH.match(resolved.value) if resolved else None
    if match is None or match.group(1) not in (str(year), "XXXX"):
        return None
    try:
        return dt.date(year, int(match.group(2)), int(match.group(3) or 1))
    except ValueError:  # February 29 of a yearless date, in a common year
        return None


def yearless_month(candidates: list[Candidate], tenses: list[str | None]) -> int | None:
    """The month of an article with no year at all: that of its latest day reported in the
    past or without tense, else of its earliest day ahead, else its latest month."""
    unanchored = Context(anchor=None)
    reported: list[tuple[int, int]] = []
    ahead: list[tuple[int, int]] = []
    months: list[int] = []
    for candidate, tense in zip(candidates, tenses, strict=True):
        found = candidate.rule.normalise(candidate.match, unanchored)
        match = _DAY_OR_MONTH.match(found.value) if found else None
        if match is None or match.group(1) != "XXXX":
            continue
        month, day = int(match.group(2)), int(match.group(3) or 0)
        if found.kind == "month":
            months.append(month)
        elif found.kind == "day" and (
            tense == FUTURE or deadline_before(candidate.match.string, candidate.start)
        ):
            ahead.append((month, day))
        elif found.kind == "day":
            reported.append((month, day))
    if reported or ahead:
        return max(reported)[0] if reported else min(ahead)[0]
    return max(months) if months else None
