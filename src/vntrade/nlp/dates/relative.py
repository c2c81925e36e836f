"""Rules for comparisons, anaphora, weekends and years written in words.

Each rule carries examples (`Example`) that the tests run through the real pipeline:
`a year earlier` and `the year-ago quarter` take the granularity of the period they
compare with; `that year`, `the same day` and `the second day` count from the last date
the text mentioned; `the weekend` is placed by the verb's tense; `nineteen ninety-eight`
and `the year two thousand` are years.
"""

from __future__ import annotations

import datetime as dt
import re

from vntrade.nlp.dates.calendar import (
    FUTURE,
    day_value,
    shift_unit,
    unit_value,
    unknown_unit_value,
    weekday_date,
    weekend_value,
    year_for_month,
    year_text,
)
from vntrade.nlp.dates.guards import PREPOSITIONS
from vntrade.nlp.dates.lexicon import MONTH_RE, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY
from vntrade.nlp.dates.normalise import Context, Match, Resolved, compared, group, word
from vntrade.nlp.dates.rule import DIGITS, YEAR, Example, rule

# Words before `that` that make it a conjunction: "said that day traders ...".
_CONJUNCTION_THAT = (
    r"(?<!\bsaid\s)(?<!\bsays\s)(?<!\bsay\s)(?<!\bnoted\s)(?<!\badded\s)(?<!\bshowed\s)"
    r"(?<!\bshows\s)(?<!\bfound\s)(?<!\bmeans\s)(?<!\bhope\s)(?<!\bhopes\s)(?<!\bbelieve\s)"
    r"(?<!\bexpect\s)(?<!\bexpects\s)(?<!\bwarned\s)(?<!\bso\s)(?<!\bsuch\s)"
)
_UNIT_PRECISION = {"day": "day", "week": "day", "month": "month", "year": "year"}


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
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    return Resolved(unit_value(base, unit), unit)


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


def one_day(match: Match, ctx: Context) -> Resolved | None:
    """`one day` / `someday` ahead is a vague future (`one day the dam will break`); `one
    day` otherwise is a day's duration."""
    if ctx.direction == FUTURE:
        return Resolved("FUTURE_REF", "ref")
    return Resolved("P1D", "duration", "DURATION") if word(match, "one") else None


def apostrophe_year(match: Match, ctx: Context) -> Resolved:
    """`'82` -> 1982: the latest such year not more than ten years after the anchor's."""
    this_year = ctx.anchor.year if ctx.anchor is not None else 2000
    year = this_year // 100 * 100 + int(match.group("yy"))
    if year > this_year + 10:
        year -= 100
    return Resolved(str(year), "year")


def weekend(match: Match, ctx: Context) -> Resolved:
    """`over the weekend` (past: the last one), `will ... the weekend` (the next one)."""
    anchor = ctx.anchor_day("day")
    if anchor is None:
        return Resolved(f"{year_text(ctx.anchor.year if ctx.anchor else None)}-WXX-WE", "week")
    return Resolved(weekend_value(weekday_date(6, anchor, ctx.direction, None)), "week")


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")  # fmt: skip
_W = "|".join
_TENS_UNIT = rf"(?:{_W(_TENS)})(?:[-\s](?:{_W(_UNITS)}))?"
_CENTURY = r"(?P<cent>eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "nineteen ninety-eight", "nineteen oh five"; "two thousand (and) ten".
_SPELLED = (
    rf"(?:{_CENTURY}\s+(?P<rest>{_TENS_UNIT}|{_W(_TEENS)}|oh\s+(?:{_W(_UNITS)})|hundred)"
    rf"|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest2>{_TENS_UNIT}|{_W(_TEENS)}|"
    rf"{_W(_UNITS)}))?)"
)
_DECADES = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_NOT_A_COUNT = (
    r"(?![\w-]|\s+(?:hundred|thousand|million|billion|percent|per\s+cent|[a-z]+s)\b|\s*%)"
)
_YEAR_CONTEXT = r"(?<![\w-])(?P<the_year>the\s+year\s+)?"


def _words_value(text: str) -> int:
    parts = text.lower().replace("-", " ").split()
    return sum(NUMBER_WORDS[part] for part in parts if part not in ("oh", "and", "hundred"))


# Holidays on a fixed day: (month, day).
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "independence day": (7, 4),
}  # fmt: skip
_HOLIDAY = (
    r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween|"
    r"Valentine['’]s\s+Day|Independence\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|"
    r"Memorial\s+Day|Election\s+Day|Easter(?:\s+Sunday)?(?!\s+Island)|Good\s+Friday)"
)

_HOLIDAY_TRIGGERS = (
    "christmas", "year", "halloween", "valentine", "independence", "thanksgiving", "labor",
    "memorial", "election", "easter", "good",
)  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` `weekday` (1 = Monday) of a month; nth = -1: the last one."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Holidays whose day moves: (usual month, the day in a given year). US holidays, as in
# American newswire.
MOVABLE_HOLIDAYS = {
    "thanksgiving": (11, lambda year: _nth_weekday(year, 11, 4, 4)),
    "thanksgiving day": (11, lambda year: _nth_weekday(year, 11, 4, 4)),
    "labor day": (9, lambda year: _nth_weekday(year, 9, 1, 1)),
    "memorial day": (5, lambda year: _nth_weekday(year, 5, 1, -1)),
    "easter": (4, _easter),
    "easter sunday": (4, _easter),
    "good friday": (4, lambda year: _easter(year) - dt.timedelta(days=2)),
    # the Tuesday after the first Monday of November
    "election day": (11, lambda year: _nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)),
}


def holiday(match: Match, ctx: Context) -> Resolved | None:
    """`Christmas`, `New Year's Eve 1999`: the day, its year given or placed by tense."""
    name = " ".join(word(match, "holiday").replace("’", "'").split())
    month, day = HOLIDAYS.get(name) or (MOVABLE_HOLIDAYS[name][0], 0)
    if group(match, "year"):
        year: int | None = int(match["year"])
    elif ctx.anchor is not None:
        year = year_for_month(month, ctx.anchor, ctx.direction, ctx.shift)
    else:
        year = None
    if name in MOVABLE_HOLIDAYS:
        if year is None:
            return None  # no year, no day
        return Resolved(MOVABLE_HOLIDAYS[name][1](year).isoformat(), "day")
    value = day_value(year, month, day)
    return Resolved(value, "day") if value else None


def spelled_year(match: Match, ctx: Context) -> Resolved | None:
    """`nineteen ninety-eight` -> 1998, `the year two thousand` -> 2000."""
    if group(match, "thousand"):
        if not (group(match, "the_year") or group(match, "rest2")):
            return None  # "two thousand" alone counts things more often than it dates
        return Resolved(str(2000 + _words_value(group(match, "rest2") or "")), "year")
    century = NUMBER_WORDS[word(match, "cent")]
    return Resolved(str(century * 100 + _words_value(match["rest"])), "year")


def spelled_decade(match: Match, ctx: Context) -> Resolved:
    """`the nineteen thirties` -> 193; `the seventies` -> 197 (of the 20th century)."""
    tens = (word(match, "tens") or word(match, "tens2")).removesuffix("ies") + "y"
    century = NUMBER_WORDS[word(match, "cent") or "nineteen"]
    return Resolved(str(century * 10 + NUMBER_WORDS[tens] // 10), "decade")


PERIOD_RULES = (
    rule(
        "holiday",
        rf"{_HOLIDAY}(?:,?\s+(?P<year>{YEAR}))?(?![\w-])",
        holiday,
        tense=True,
        reach=(4, 24),
        triggers=_HOLIDAY_TRIGGERS,
        examples=(
            Example("Sales rose at Christmas.", "Christmas", "2024-12-25"),
            Example(
                "The rules take effect on New Year's Day 2026.", "New Year's Day 2026", "2026-01-01"
            ),
            Example(
                "Sales in the week after Thanksgiving were strong.",
                "Thanksgiving",
                "1989-11-23",
                "1989-12-29",
            ),
            Example("Congress returns after Labor Day.", "Labor Day", "1991-09-02", "1991-08-22"),
            Example("Markets were shut on Good Friday.", "Good Friday", "1998-04-10", "1998-04-14"),
            Example("The polls open on Election Day.", "Election Day", "1992-11-03", "1992-09-17"),
        ),
    ),
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
    rule(
        "one_day",  # not a count (`in one day`, `for one day`, `one day's trading`)
        r"(?<![\w-])(?i:(?P<one>one)\s+day|some\s*day)(?![\w'’-]|\s+(?:of|after|before|later|"
        r"earlier|ago)\b)",
        one_day,
        tense=True,
        accept=lambda match: PREPOSITIONS.search(match.string, 0, match.start()) is None,
        reach=(6, 4),
        triggers=("day", "someday"),
        examples=(
            Example("One day, the dam will break.", "One day", "FUTURE_REF"),
            Example("Someday the debt will be paid.", "Someday", "FUTURE_REF"),
            Example("Prices fell 3% in one day.", "one day", "P1D"),
        ),
    ),
    rule(
        "apostrophe_year",  # `since '82`, `the class of '98`
        r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%]|\s*(?i:percent|per\s+cent))",
        apostrophe_year,
        accept=lambda match: PREPOSITIONS.search(match.string, 0, match.start()) is not None,
        reach=(2, 4),
        triggers=DIGITS,
        examples=(Example("Stocks are at their lowest since '82.", "'82", "1982", "2008-10-27"),),
    ),
    rule(
        "weekend",
        r"(?i:the\s+weekend)(?![\w-])",
        weekend,
        tense=True,
        reach=(6, 8),
        triggers=("weekend",),
        examples=(
            Example(
                "Officials met over the weekend to prepare the talks.", "the weekend", "2025-W27-WE"
            ),
            Example("Negotiators will meet again at the weekend.", "the weekend", "2025-W28-WE"),
        ),
    ),
    rule(
        "spelled_year",
        rf"(?i:{_YEAR_CONTEXT}{_SPELLED}){_NOT_A_COUNT}",
        spelled_year,
        reach=(16, 40),
        triggers=("nineteen", "eighteen", "seventeen", "thousand"),
        examples=(
            Example("The reform began in nineteen eighty-six.", "nineteen eighty-six", "1986"),
            Example(
                "Budgets must balance by the year two thousand.", "the year two thousand", "2000"
            ),
        ),
    ),
    rule(
        "spelled_decade",
        rf"(?i:(?:the\s+)?{_CENTURY}[\s-]+(?P<tens>{_DECADES})|the\s+(?P<tens2>{_DECADES}))"
        r"(?![\w-])",
        spelled_decade,
        reach=(20, 20),
        triggers=("nineteen", "eighteen", *_DECADES.split("|")),
        examples=(
            Example("The law dates from the nineteen thirties.", "the nineteen thirties", "193"),
            Example("Prices last fell this far in the seventies.", "the seventies", "197"),
        ),
    ),
)
