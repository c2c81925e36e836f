"""Expressions whose date is another one in the text; their rules and normalisers.

Comparisons (`the year-earlier period`, `the year-ago quarter`, `the quarter`) take the
period just named, at its granularity; anaphora (`that year`, `the same day`, `the second
day`, `for the day`) count from the last date mentioned. Each rule carries examples that
the tests run through the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import re

from vntrade.nlp.dates.calendar import (
    FUTURE,
    shift_unit,
    shift_years,
    unit_value,
    unknown_unit_value,
    year_text,
)
from vntrade.nlp.dates.lexicon import MONTH_RE, ORDINALS, PARTS_OF_DAY
from vntrade.nlp.dates.normalise import Context, Match, Resolved, word
from vntrade.nlp.dates.rule import Example, rule

# Words before `that` that make it a conjunction: "said that day traders ...".
_CONJUNCTION_THAT = (
    r"(?<!\bsaid\s)(?<!\bsays\s)(?<!\bsay\s)(?<!\bnoted\s)(?<!\badded\s)(?<!\bshowed\s)"
    r"(?<!\bshows\s)(?<!\bfound\s)(?<!\bmeans\s)(?<!\bhope\s)(?<!\bhopes\s)(?<!\bbelieve\s)"
    r"(?<!\bexpect\s)(?<!\bexpects\s)(?<!\bwarned\s)(?<!\bso\s)(?<!\bsuch\s)"
)
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


def compared(ctx: Context, years: int, direction: str, reach: int = 1) -> Resolved | None:
    """`a year earlier` than the period just mentioned, at its granularity: after
    `third-quarter profit` 1989-Q3 it is 1988-Q3, after `on Oct. 31` a day. `ago` counts
    from the anchor, so the period mentioned must be a recent one. `reach`: how many
    sentences back the period may be named; past it, a quarterly report compares with
    the last quarter it named."""
    base = ctx.compared
    if base is None or ctx.compared_gap > reach:
        base = ctx.last_quarter
    if base is None:
        return None
    reported = ctx.reported_quarter
    if ctx.compared_gap and reported is not None and _in_passing(base, reported):
        base = reported
    if (value := shift_years(base.value, -years)) is None:
        return None
    if direction == "ago":
        year = int(base.value.removeprefix("FY")[:4])
        if ctx.anchor is None or abs(year - ctx.anchor.year) > 1:
            return None
    return Resolved(value, base.kind)


def _in_passing(period: Resolved, reported: Resolved) -> bool:
    """In a quarterly report, a year or an earlier quarter named in an earlier sentence
    is mentioned in passing: figures compare with the reported quarter."""
    return period.kind == "year" or (period.kind == "quarter" and period.value < reported.value)


def year_ago(match: Match, ctx: Context) -> Resolved:
    """`the year-earlier period`, `year-ago levels`: a year before what they compare with."""
    direction = word(match, "dir") or "ago"
    noun = word(match, "noun")
    same = compared(ctx, 1, direction, reach=3)
    if same is not None and (noun in ("", "period") or same.kind == noun):
        return same
    anchor = ctx.anchor_day("month")
    if noun == "quarter" and anchor is not None:  # a year before the last quarter over
        return Resolved(unit_value(shift_unit(anchor, "quarter", -5), "quarter"), "quarter")
    base = ctx.anchor if direction == "ago" else ctx.previous or ctx.anchor
    return Resolved(year_text(base.year - 1 if base else None), "year")


def the_quarter(match: Match, ctx: Context) -> Resolved | None:
    """`the quarter`: the one just named, else the one ahead (future tense) or the last
    one over (results are reported once a quarter ends)."""
    if ctx.compared is not None and ctx.compared.kind == "quarter":
        return ctx.compared
    anchor = ctx.anchor_day("month")
    if anchor is None:
        return None
    moved = anchor if ctx.direction == FUTURE else shift_unit(anchor, "quarter", -1)
    return Resolved(unit_value(moved, "quarter"), "quarter")


def that_unit(match: Match, ctx: Context) -> Resolved:
    """`that year`, `the same day`, `that week`, `that night`: the period of the last date
    mentioned (a part of a day is a TIME)."""
    unit = word(match, "unit")
    if unit in PARTS_OF_DAY:  # `that evening`: the part of the last day mentioned
        day = ctx.narrative_day("day")
        value = day.isoformat() if day else "XXXX-XX-XX"
        return Resolved(f"{value}T{PARTS_OF_DAY[unit]}", "time", "TIME")
    base = ctx.narrative_day(_UNIT_PRECISION[unit])
    if base is None:
        last = ctx.compared  # in a page with no year: "on July 7 ... the same day"
        if unit == "day" and last is not None and _YEARLESS_DAY.fullmatch(last.value or ""):
            return Resolved(last.value, "day")
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    return Resolved(unit_value(base, unit), unit)


_YEARLESS_DAY = re.compile(r"XXXX-\d\d-\d\d")


def ordinal_day(match: Match, ctx: Context) -> Resolved:
    """`the second day` (of talks that began on the last day mentioned); `the 99th day`
    of something unnamed stays XXXX-XX-XX."""
    text = word(match, "ord")
    number = ORDINALS.get(text) or int("".join(c for c in text if c.isdigit()) or 0)
    previous = ctx.previous
    if previous is None or not previous.knows("day") or not 0 < number <= 7:
        return Resolved("XXXX-XX-XX", "day")
    return Resolved((previous.day + dt.timedelta(days=number - 1)).isoformat(), "day")


_DAY_VERBS = re.compile(
    r"(?i:\b(?:for|on|end|ended|ending|ends|finish|finished|finishing|close|closed|closing|"
    r"start|started|open|opened|during|over)\s+)$"
)


def _day_of_report(match: Match) -> bool:
    """`ended the day`, `for the day`: not `the day` of a clause (`the day he left`)."""
    return bool(_DAY_VERBS.search(match.string, max(0, match.start() - 12), match.start()))


def the_day(match: Match, ctx: Context) -> Resolved | None:
    """`for the day`: the last day mentioned, else the anchor's."""
    day = ctx.narrative_day("day")
    return Resolved(day.isoformat(), "day") if day else None


ANAPHORA_RULES = (
    rule(
        "year_ago",
        r"(?i:(?<!\ba\s)(?<!\bone\s)(?:the\s+)?(?:year[-\s](?P<dir>ago|earlier)|prior[-\s]year|"
        r"year[-\s]before)(?:\s+(?P<noun>period|quarter|month|half|year))?|the\s+same\s+(?:period|"
        r"quarter|month|half)\s+(?:of\s+)?last\s+year)(?![\w-]|\s+than\b)",
        year_ago,
        reach=(24, 30),
        triggers=("ago", "earlier", "prior", "before", "same"),
        examples=(
            Example(
                "Fourth-quarter sales rose from the year-earlier period.",
                "the year-earlier period",
                "2023-Q4",
                "2025-01-20",
            ),
            Example("June exports were 9% above year-ago levels.", "year-ago", "2024-06"),
            # a quarter before the reported one, named in passing, is not what is compared
            Example(
                "In the third quarter, net income was $45 million. In the second quarter, "
                "the company earned $30 million. Revenue rose 5% from the year-earlier period.",
                "the year-earlier period",
                "1988-Q3",
                "1989-10-26",
            ),
            Example(
                "Net income in the year-earlier quarter was $4 million.",
                "the year-earlier quarter",
                "2024-Q2",
            ),
        ),
    ),
    rule(
        "the_quarter",
        r"(?i:(?<![\w-])the\s+quarter)(?![\w-]|\s+of\b|\s+century)",
        the_quarter,
        tense=True,
        reach=(6, 10),
        triggers=("quarter",),
        examples=(
            Example("Net income for the quarter rose 8%.", "the quarter", "2025-Q2"),
            Example(
                "Third-quarter sales rose, but margins in the quarter fell.",
                "the quarter",
                "2025-Q3",
                "2025-10-20",
            ),
        ),
    ),
    rule(
        "that_unit",
        rf"(?i:{_CONJUNCTION_THAT}(?:that|the\s+same)\s+(?P<unit>day|week|month|year|morning|"
        r"afternoon|evening|night))(?![\w-])",
        that_unit,
        reach=(12, 10),
        triggers=("day", "week", "month", "year", "morning", "afternoon", "evening", "night"),
        examples=(
            Example(
                "The quake struck on Oct. 17. That evening, rescuers reached the freeway.",
                "That evening",
                "1989-10-17TEV",
                "1989-11-14",
            ),
            Example(
                "The firm was founded in 1968. That year, it sold its first radio.",
                "That year",
                "1968",
            ),
            Example(
                "Talks began on May 4, and the same day the tariff was paused.",
                "the same day",
                "2025-05-04",
            ),
        ),
    ),
    rule(
        "ordinal_day",
        r"(?i:(?:the|its|their)\s+(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|"
        r"ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))"
        rf"\s+day)(?![\w-]|\s+of\s+(?:the\s+)?(?:(?i:month|year|week|quarter|season)|{MONTH_RE}))",
        ordinal_day,
        reach=(22, 6),
        triggers=("day",),
        examples=(
            Example(
                "The summit opened on July 6. On the second day, leaders agreed on aid.",
                "the second day",
                "2025-07-07",
            ),
            Example("The strike entered its eighth day.", "its eighth day", "XXXX-XX-XX"),
        ),
    ),
    rule(
        "the_day",  # `to end the day at 7,114`, `for the day`: the day just reported
        r"(?i:(?<![\w-])the\s+day)(?=\s*[,.;:]|\s+(?:at|with|up|down|higher|lower)\b)",
        the_day,
        accept=_day_of_report,
        reach=(8, 10),
        triggers=("day",),
        examples=(
            Example(
                "The Dow fell 3% on Monday to end the day at 7,114.",
                "the day",
                "2009-02-23",
                "2009-02-24",
            ),
        ),
    ),
    rule(
        "day_end",  # `by the end of the day`, `the start of the trading day`
        r"(?i:(?:the\s+)?(?:end|start|beginning|close|middle)\s+of\s+(?:the\s+)?(?:trading\s+)?"
        r"day)(?![\w-]|\s+(?:of|before|after)\b)",
        the_day,
        reach=(40, 4),
        triggers=("day",),
        examples=(
            Example(
                "Stocks fell Tuesday. By the end of the day, the Dow had lost 20 points.",
                "the end of the day",
                "1998-03-03",
                "1998-03-05",
            ),
        ),
    ),
)
