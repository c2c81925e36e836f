"""Periods counted from the anchor or from the last date named: `this week`, `last year`,
`the end of the month`, `year-end`, `two years ago`, `a year earlier`, `the next day`,
`the month before`; their rules and normalisers.

Each rule carries examples that the tests run through the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import re

from vntrade.nlp.dates import guards as guard
from vntrade.nlp.dates.anaphora import compared
from vntrade.nlp.dates.calendar import PAST, month_value, shift_unit, unit_value, unknown_unit_value
from vntrade.nlp.dates.lexicon import UNIT_FACTORS, UNITS, parse_number
from vntrade.nlp.dates.normalise import Context, Match, Resolved, word
from vntrade.nlp.dates.rule import MOD, QTY, UNIT, Example, rule

# Words that must occur in a period's match (the rule runs only in a window around them).
PERIOD_WORDS = ("week", "weekend", "month", "quarter", "year", "decade", "century")

RELATION_OFFSETS = {
    "this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
    "following": 1, "upcoming": 1, "preceding": -1, "prior": -1,
}  # fmt: skip
# How precisely the anchor must be known to resolve `this <unit>`.
UNIT_PRECISION = {
    "day": "day",
    "week": "day",
    "weekend": "day",
    "month": "month",
    "quarter": "month",
}


def relative_period(match: Match, ctx: Context) -> Resolved:
    """`this week`, `last year`, `earlier this month`, `the end of the year`, `next quarter`.

    `the past year` / `the next month` are durations (P1Y, P1M), as in TimeML; `the
    previous/following year` count from the last explicit date when there is one.
    """
    unit = word(match, "unit").split()[-1]  # "fiscal year" -> "year"
    words = word(match, "rel").split()
    relation = words[-1] if words else "this"
    if unit in UNITS and (relation == "past" or words == ["the", "next"]):
        letter, _ = UNITS[unit]
        return Resolved(f"P{UNIT_FACTORS.get(unit, 1)}{letter}", "duration", "DURATION")
    kind = "week" if unit == "weekend" else unit
    precision = UNIT_PRECISION.get(unit, "year")
    if (moved := _next_to_compared(ctx, unit, relation)) is not None:
        return Resolved(moved, kind)
    if relation in ("previous", "following", "preceding", "prior"):
        base = ctx.narrative_day(precision)
    else:
        base = ctx.anchor_day(precision)
    if base is None and unit == "month" and ctx.yearless_month and relation in RELATION_OFFSETS:
        number = (ctx.yearless_month - 1 + RELATION_OFFSETS[relation]) % 12 + 1
        return Resolved(month_value(None, number), kind)
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), kind)
    offset = RELATION_OFFSETS.get(relation, 0)
    if not words and unit == "year" and _year_end_over(match, ctx, base):
        offset = -1
    moved = shift_unit(base, unit, offset)
    return Resolved(unit_value(moved, unit), kind)


def _year_end_over(match: Match, ctx: Context, base: dt.date) -> bool:
    """`peaked by the end of the year`, reported in the first quarter: last year's end."""
    ends = any(w in ("end", "close") for w in word(match, "mod").split())
    return ends and ctx.direction == PAST and ctx.shift and base.month <= 3


_QUARTER_VALUE = re.compile(r"(FY)?(\d{4})-Q([1-4])")


def _next_to_compared(ctx: Context, unit: str, relation: str) -> str | None:
    """`the previous quarter` after `third-quarter profit`: the quarter before that one."""
    found = _QUARTER_VALUE.fullmatch(ctx.compared.value) if ctx.compared else None
    offset = {"previous": -1, "preceding": -1, "prior": -1, "following": 1}.get(relation)
    if unit != "quarter" or found is None or offset is None:
        return None
    index = int(found.group(2)) * 4 + int(found.group(3)) - 1 + offset
    return f"{found.group(1) or ''}{index // 4}-Q{index % 4 + 1}"


def ago(match: Match, ctx: Context) -> Resolved:
    """`four years ago` -> the year, `a week ago` -> the week; `years ago` -> PAST_REF.

    `a year earlier` / `two months later` count from the last explicit date, if any.
    """
    raw = word(match, "unit")
    unit = "century" if raw.startswith("centur") else raw.rstrip("s")
    amount = _whole_number(word(match, "qty"))
    if amount is None or unit in ("second", "minute", "hour"):
        return Resolved("PAST_REF", "ref")
    if unit == "fortnight":
        unit, amount = "week", amount * 2
    precision = UNIT_PRECISION.get(unit, "year")
    direction = word(match, "dir")
    if (
        unit == "year"
        and amount == 1
        and direction != "later"
        and (same := compared(ctx, 1, direction))
    ):
        return same
    base = ctx.anchor_day(precision) if direction == "ago" else ctx.narrative_day(precision)
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    moved = shift_unit(base, unit, amount if direction == "later" else -amount)
    if direction != "ago" and unit == "week" and ctx.narrative_day("day") is not None:
        return Resolved(unit_value(moved, "day"), "day")  # "on April 2 ... a week later": April 9
    return Resolved(unit_value(moved, unit), unit)


def narrative_day(match: Match, ctx: Context) -> Resolved:
    """`the next day`, `the day before`, `the month before`: from the last explicit date."""
    relation = word(match, "rel") or word(match, "rel2")
    offset = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(relation, 0)
    unit = word(match, "unit") or "day"
    base = ctx.narrative_day(UNIT_PRECISION.get(unit, "year"))
    if base is None:
        return Resolved(unknown_unit_value(unit, ctx.anchor), unit)
    return Resolved(unit_value(shift_unit(base, unit, offset), unit), unit)


def _whole_number(text: str) -> int | None:
    value = parse_number(text) if text else None
    return int(value) if value is not None and value == int(value) else None


RELATIVE_PERIOD_RULES = (
    rule(
        "relative_period",
        rf"{MOD}(?P<rel>(?i:(?:the\s+)?(?:past|last|next|coming|current|previous|following|"
        r"upcoming|preceding|prior)|this))\s+(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|"
        r"(?:fiscal|financial)\s+year))(?![\w-])",
        relative_period,
        reach=(45, 12),
        triggers=PERIOD_WORDS,
        examples=(
            Example("Exports rose this month.", "this month", "2025-07"),
            Example("Talks were held last week.", "last week", "2025-W27"),
            # week numbers have two digits, as ISO 8601 writes them
            Example("Officials will meet this week.", "this week", "2000-W06", "2000-02-10"),
            Example("Talks resume next week.", "next week", "1990-W02", "1990-01-03"),
            Example(
                "Third-quarter profit rose 4% from the previous quarter.",
                "the previous quarter",
                "2025-Q2",
                "2025-10-20",
            ),
        ),
    ),
    rule(
        "period_of",
        r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of))\s+(?:the\s+)?"
        r"(?P<unit>(?i:week|month|quarter|year|decade|century))(?![\w-])",
        relative_period,
        tense=True,  # "flu peaked by the end of the year", written in March: last year's end
        reach=(40, 12),
        triggers=PERIOD_WORDS,
        examples=(
            Example("The deal is due by the end of the month.", "the end of the month", "2025-07"),
            Example(
                "Exports peaked at the end of the year, officials said.",
                "the end of the year",
                "2024",
                "2025-02-11",
            ),
        ),
    ),
    rule(
        "period_end",
        r"(?P<unit>(?i:year|month|quarter))[\s-](?i:end)(?![\w-])",
        relative_period,
        reach=(10, 4),
        triggers=("end",),
        examples=(Example("Prices rose before year-end.", "year-end", "2025"),),
    ),
    rule(
        "ago",
        rf"(?:{QTY}[\s-]+)?(?:(?P<half>and\s+a\s+half)\s+)?{UNIT}\s+"
        r"(?P<dir>(?i:ago|earlier|later))(?!\w)",
        ago,
        reach=(40, 6),
        triggers=("ago", "earlier", "later"),
        accept=guard.ago_ok,
        examples=(
            Example("The tariff was imposed two years ago.", "two years ago", "2023"),
            Example("June exports rose 9% from a year earlier.", "a year earlier", "2024-06"),
            Example(
                "Exports rose 5% in June, the ministry said on Monday, up from a year earlier.",
                "a year earlier",
                "2024-06",
            ),
            # far from any period named, a quarterly report compares with its last quarter
            Example(
                "Net income rose 10% in the third quarter. Sales grew in Europe. Costs fell "
                "in Asia. The tax rate was lower. Net was $4 million a year earlier.",
                "a year earlier",
                "1988-Q3",
                "1989-10-26",
            ),
            # nor is a year named in passing in an earlier sentence
            Example(
                "XYZ reported third-quarter net of $5 million. Earlier this year, it sold a "
                "unit. Net was $4 million a year earlier.",
                "a year earlier",
                "1988-Q3",
                "1989-10-26",
            ),
            # the last day of a period (`ended Sept. 30`) is not what is compared
            Example(
                "Net for the third quarter ended Sept. 30 rose to $5 million from $4 million "
                "a year earlier.",
                "a year earlier",
                "1988-Q3",
                "1989-10-26",
            ),
        ),
    ),
    rule(
        "narrative_day",
        r"(?i:the\s+(?P<rel>next|following|previous|same)\s+day(?![\w-])|the\s+"
        r"(?P<unit>day|week|month|year)\s+(?P<rel2>before|after)(?=\s*(?:[,.;:!?)]|$)))",
        narrative_day,
        reach=(20, 14),
        triggers=("day", "week", "month", "year"),
        examples=(
            Example(
                "Talks opened on June 3; the next day the delegations met.",
                "the next day",
                "2025-06-04",
            ),
            Example(
                "Retail sales in May were flat, after a 1% gain the month before.",
                "the month before",
                "2025-04",
            ),
        ),
    ),
)
