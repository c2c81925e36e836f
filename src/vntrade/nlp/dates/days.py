"""Days named without a calendar date: weekdays (`Thursday`, `last Friday night`), days
named from today (`yesterday morning`, `tonight`, `this afternoon`), `the weekend` and
`one day` (a vague future, or a day long); their rules and normalisers.

Each rule carries examples that the tests run through the real pipeline.
"""

from __future__ import annotations

import datetime as dt

from vntrade.nlp.dates.calendar import FUTURE, weekday_date, weekend_value, year_text
from vntrade.nlp.dates.guards import PREPOSITIONS
from vntrade.nlp.dates.lexicon import PART_OF_DAY_RE, PARTS_OF_DAY, WEEKDAY_RE, WEEKDAYS
from vntrade.nlp.dates.normalise import Context, Match, Resolved, relation_word, word
from vntrade.nlp.dates.rule import PARTS, Example, rule

# Words that must occur in a weekday's match (the rule runs only in a window around them).
WEEKDAY_WORDS = tuple(WEEKDAYS)


def weekday(match: Match, ctx: Context) -> Resolved:
    """`Thursday`, `last Friday`, `Sunday night` (a TIME with the part of the day)."""
    number = WEEKDAYS[word(match, "wd")]
    relation = {"past": "last", "coming": "next"}.get(relation_word(match), relation_word(match))
    anchor = ctx.anchor_day("day")
    if anchor is None:
        value = f"{year_text(ctx.anchor.year if ctx.anchor else None)}-WXX-{number}"
    else:
        day = weekday_date(number, anchor, ctx.direction, relation or None, ctx.today_named)
        value = day.isoformat()
    return _with_part_of_day(value, match)


def _with_part_of_day(value: str, match: Match) -> Resolved:
    part = word(match, "pod") or word(match, "pod2")
    if not part:
        return Resolved(value, "day")
    return Resolved(f"{value}T{PARTS_OF_DAY[part]}", "time", "TIME")


def relative_day(match: Match, ctx: Context) -> Resolved:
    """`today`, `yesterday morning`, `tonight`, `last night`, `this afternoon`."""
    name = word(match, "word") or ("yesterday" if word(match, "rel") == "last" else "today")
    anchor = ctx.anchor_day("day")
    if anchor is None:
        if name == "today" and not word(match, "pod"):
            return Resolved("PRESENT_REF", "ref")
        return _with_part_of_day("XXXX-XX-XX", match)
    offset = {"yesterday": -1, "tomorrow": 1}.get(name, 0)
    value = (anchor + dt.timedelta(days=offset)).isoformat()
    if name == "tonight":
        return Resolved(value + "TNI", "time", "TIME")
    return _with_part_of_day(value, match)


def weekend(match: Match, ctx: Context) -> Resolved:
    """`over the weekend` (past: the last one), `will ... the weekend` (the next one)."""
    anchor = ctx.anchor_day("day")
    if anchor is None:
        return Resolved(f"{year_text(ctx.anchor.year if ctx.anchor else None)}-WXX-WE", "week")
    return Resolved(weekend_value(weekday_date(6, anchor, ctx.direction, None)), "week")


def one_day(match: Match, ctx: Context) -> Resolved | None:
    """`one day` / `someday` ahead is a vague future (`one day the dam will break`); `one
    day` otherwise is a day's duration."""
    if ctx.direction == FUTURE:
        return Resolved("FUTURE_REF", "ref")
    return Resolved("P1D", "duration", "DURATION") if word(match, "one") else None


DAY_RULES = (
    rule(
        "weekday",
        rf"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{WEEKDAY_RE})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?(?!\w)",
        weekday,
        tense=True,
        reach=(12, 20),
        triggers=WEEKDAY_WORDS,
        examples=(
            Example("The minister said on Monday that talks would go on.", "Monday", "2025-07-07"),
            Example(
                "The delegation will arrive on Friday morning.", "Friday morning", "2025-07-11TMO"
            ),
            # a gerund after a preposition, a purpose infinitive: the tense of their clause
            Example(
                "The jury deliberated for four days before returning its verdict Friday.",
                "Friday",
                "1992-10-30",
                "1992-11-04",
            ),
            Example(
                "Sweden took the lead and held on to beat Canada on Sunday.",
                "Sunday",
                "1994-02-20",
                "1994-02-24",
            ),
            # a base form with a subject is a present tense: the nearest such day
            Example(
                "The Bulls, who won 72 games, open the second round Saturday night.",
                "Saturday night",
                "1996-05-04TNI",
                "1996-05-02",
            ),
            # a text that says `today` for its own day names other days by weekday
            Example(
                "Iraq said today that its troops crossed the border Friday.",
                "Friday",
                "1990-08-10",
                "1990-08-17",
            ),
            Example(  # what is scheduled lies ahead
                "The vote is scheduled for 10 a.m. Monday.",
                "10 a.m. Monday",
                "1998-02-16T10",
                "1998-02-12",
            ),
            Example(  # so does one that calls the day before `yesterday`
                "Stocks fell sharply Friday. Bonds rose yesterday.",
                "Friday",
                "1989-10-13",
                "1989-10-20",
            ),
            Example(  # `open` tagged as an adjective: a present tense all the same
                "The Paris Olympics open Friday evening with a ceremony on the Seine.",
                "Friday evening",
                "2024-07-26TEV",
                "2024-07-25",
            ),
        ),
    ),
    rule(
        "relative_day",
        rf"(?:(?P<word>(?i:today|yesterday|tomorrow|tonight))(?:\s+(?P<pod>{PART_OF_DAY_RE}))?"
        rf"|(?P<rel>(?i:this|last))\s+(?P<pod2>{PART_OF_DAY_RE}))(?![\w-])",
        relative_day,
        reach=(8, 14),
        triggers=("today", "yesterday", "tomorrow", "tonight", *PARTS),
        examples=(Example("The ministry announced the cut yesterday.", "yesterday", "2025-07-08"),),
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
)
