"""Which dates of an article date a happening: not what a figure is compared with ("up 9%
from a year earlier", "slipped 4% in April from March"), not the period a target covers
("a growth target of 8% for 2025"), not a period of months a statistic covers ("in
January-July"), not a relative year that only qualifies the date before it ("October 25 last
year"), not the article's own year alone ("this year", "in 2025" in a 2025 article)."""

from __future__ import annotations

import re
from typing import Any

from vntrade.nlp.law_years import names_a_law as law_year
from vntrade.periods import parse_period

COARSE = ("quarter", "season", "half", "year", "decade")

_COMPARED = re.compile(
    r"\b(?:from|than|over|versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:the\s+)?"
    r"(?:same\s+(?:period|month|quarter|time)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_PAST_POINT = re.compile(
    r"\b(?:earlier|ago|before|last|previous|prior|same)\b.*\b(?:year|quarter|month|period|half)\b|"
    r"\b(?:year|quarter|month|period|half)\b.*\b(?:earlier|ago|before|last|previous|prior)\b",
    re.IGNORECASE,
)
# A sentence that only says how long a happening named before goes on.
_PERCENT = re.compile(r"\d\s*(?:%|per\s?cent|percent)", re.IGNORECASE)
# A target or plan for a period: "a growth target of 8% for 2025", "the budget for 2026".
_FOR_PERIOD = re.compile(
    r"\b(?:target|goal|plan|forecast|projection|budget|quota|outlook)s?\b[^.;]{0,40}?\bfor\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# "-July" after a month: the end of a period of months ("January-July").
_TO_MONTH = re.compile(
    r"\s*[-–]\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.IGNORECASE
)
# What is still to come in a clause: "will sign", "plans to", "is expected to".
_PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+to|aims?\s+to|intends?\s+to|expects?\s+to|expected\s+to|"
    r"set\s+to|due\s+to|is\s+to|are\s+to|to\s+be)\b",
    re.IGNORECASE,
)


def follows(text: str, previous_end: int, date: dict[str, Any]) -> bool:
    """Whether a date mention comes right after the one before ("October 25 last year")."""
    return 0 <= previous_end <= date["start"] and not text[previous_end : date["start"]].strip()


def restates_in_another_zone(text: str, previous_end: int, date: dict[str, Any]) -> bool:
    """Whether a date in brackets right after another gives the same moment in another time
    zone ("on Tuesday (Wednesday in Manila)", "on July 30 (July 31, Seoul time)")."""
    opens = 0 <= previous_end <= date["start"] and text[previous_end : date["start"]].strip() == "("
    return opens and bool(_IN_A_ZONE.match(text, date["end"]))


_IN_A_ZONE = re.compile(r"\s*(?:,\s*)?(?:in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|[\w.]+\s+time)\s*\)")


def months_period(text: str, date: dict[str, Any]) -> bool:
    """Whether a date opens a period of months ("in January-July", "the January-May
    period"): a statistic's period, not a happening."""
    period = parse_period(str(date.get("last") or ""))
    first = parse_period(str(date.get("value", "")))
    if period is not None and first is not None and first.precision == "month":
        return period.precision == "month"
    return bool(_TO_MONTH.match(text, date["end"]))


def baseline(text: str, date: dict[str, Any]) -> bool:
    """Whether a date is only what a figure is compared with ("up 9% from a year earlier",
    "compared with the same period last year", "slipped 4% in April from March") or the
    period a target covers ("a growth target of 8% for 2025")."""
    written = date.get("text") or text[date["start"] : date["end"]]
    before = max(0, date["start"] - 60)
    if _FOR_PERIOD.search(text, before, date["start"]) and is_coarse(date):
        return True
    if _COMPARED.search(text, max(0, date["start"] - 30), date["start"]) is None:
        return False
    if not any(c.isdigit() for c in written) and _PAST_POINT.search(written):
        return True
    # "from March" after a change in percent: the month the figure is compared with
    return bool(_PERCENT.search(text, before, date["start"])) and is_coarse(date, "month")


def is_coarse(date: dict[str, Any], *also: str) -> bool:
    period = parse_period(str(date.get("value", "")))
    return period is not None and period.precision in (*COARSE, *also)


def own_year(text: str, sentence_start: int, date: dict[str, Any], reference: str | None) -> bool:
    """Whether a year names no time within it for what happened: relative ("this year",
    "last year") or the article's own year ("in 2025" in a 2025 article), unlike a past one
    ("in 2018") or a plan for it ("will sign a deal in 2025")."""
    if _PLANNED.search(text, sentence_start, date["start"]):
        return False
    written = date.get("text") or ""
    if not any(c.isdigit() for c in written):
        return True
    return bool(reference) and str(date.get("value", ""))[:4] == str(reference)[:4]


def names_a_law(text: str, date: dict[str, Any]) -> bool:
    """Whether a year only names a law, an act or a treaty, whose year it is ("under Section
    122 of the Trade Act of 1974"): no time of the text's events."""
    if not re.fullmatch(r"\d{4}", str(date.get("value", ""))):
        return False
    return law_year(text, date["start"], date["end"])


# A wire's dateline opening a paragraph: "SEOUL, July 8 (Yonhap) --", "New Delhi, Aug 7
# (PTI)", "HANOI, June 3 (Reuters) -", "WASHINGTON, May 2 —": the day the story was filed.
_DATELINE_PLACE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'’ /-]{1,40},[ \t]*$")
_DATELINE_END = re.compile(r"[ \t]*(?:\([A-Za-z][\w .&-]{1,25}\)[ \t]*(?:--|[-–—:])?|(?:--|[-–—]))")


def in_dateline(text: str, date: dict[str, Any]) -> bool:
    """Whether a date is a wire dateline's, at the start of a paragraph: the filing day,
    not a happening (the story's own dates follow it)."""
    line_start = text.rfind("\n", 0, date["start"]) + 1
    before = text[max(0, line_start - 1) : date["start"]]
    return bool(_DATELINE_PLACE.search(before) and _DATELINE_END.match(text, date["end"]))


_DATED = re.compile(  # "Directive No. 21/CT-BCT dated November 28"
    r"\b(?:decree|circular|decision|directive|dispatch|letter|resolution|plan|notice)\b"
    r"(?:No\.|[^.;,]){0,40}?\d+/[\w/-]+\s+dated\s+$",
    re.IGNORECASE,
)


def document_date(text: str, sentence_start: int, date: dict[str, Any]) -> bool:
    """Whether a date is a numbered document's own ("Directive No. 21/CT-BCT dated November
    28"): the day it was issued, a decision, whatever the clause around it orders."""
    return bool(_DATED.search(text, max(sentence_start, date["start"] - 60), date["start"]))
