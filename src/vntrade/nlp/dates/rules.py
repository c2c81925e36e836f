"""The grammar of temporal expressions: one compiled regex per kind, with its normaliser.

`scan.find_candidates(text)` runs every rule over the text and keeps the longest
non-overlapping matches. Month and weekday names must be capitalised (so that the verb
`may` or `march` never matches); quantities and units are case-insensitive. Each rule
carries examples that the tests run through the real pipeline. Here: the rules of dates
named on the calendar (days, months, years, decades, centuries, quarters, halves, seasons)
and `RULES`, the whole table. The other kinds live with their normalisers: `holidays`,
comparisons and anaphora in `anaphora`, years in words in `spelled_years`, weekdays and
days named from today in `days`, periods counted from the anchor in `relative_periods`;
durations, sets, clock times and vague references in `amounts`.
"""

from __future__ import annotations

from vntrade.nlp.dates import guards as guard
from vntrade.nlp.dates import normalise as norm
from vntrade.nlp.dates import quarters
from vntrade.nlp.dates.amounts import AMOUNT_RULES
from vntrade.nlp.dates.anaphora import ANAPHORA_RULES
from vntrade.nlp.dates.days import DAY_RULES, WEEKDAY_WORDS
from vntrade.nlp.dates.holidays import HOLIDAY_RULES
from vntrade.nlp.dates.lexicon import MONTH_RE, MONTHS, SEASON_RE, SEASONS, WEEKDAY_RE
from vntrade.nlp.dates.relative_periods import RELATIVE_PERIOD_RULES
from vntrade.nlp.dates.rule import (
    DAY,
    DIGITS,
    FULL_MONTH,
    MOD,
    MOD_WORDS,
    REL,
    YEAR,
    Example,
    Rule,
)
from vntrade.nlp.dates.rule import rule as _rule
from vntrade.nlp.dates.spelled_years import SPELLED_YEAR_RULES

# Words that must occur in a rule's match; the rule only runs in a window around them.
MONTH_WORDS = tuple(MONTHS)
SEASON_WORDS = tuple(SEASONS)
WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"

CALENDAR_RULES = (
    _rule(
        "month_day",
        rf"{WD_PREFIX}(?P<month>{MONTH_RE})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
        norm.month_day,
        tense=True,
        reach=(16, 12),
        triggers=MONTH_WORDS + WEEKDAY_WORDS,
        examples=(
            Example("The deal was signed on April 29.", "April 29", "2025-04-29"),
            Example("Tariffs will rise on Thursday, August 7.", "Thursday, August 7", "2025-08-07"),
            Example("A report dated April 2nd gave the figures.", "April 2nd", "2025-04-02"),
        ),
    ),
    _rule(
        "day_month",
        rf"{WD_PREFIX}(?<![\d.,/])(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_RE})"
        rf"(?:,?\s+(?P<year>{YEAR}))?(?!\w)",
        norm.month_day,
        tense=True,
        reach=(36, 12),
        triggers=MONTH_WORDS,
        examples=(Example("Talks resumed on 3 March 2019.", "3 March 2019", "2019-03-03"),),
    ),
    _rule(
        "range_end_day",  # `May 19 to 23`, `June 3-5, 2025`; not `May 19 to 23 per cent`
        r"(?:(?<=\d-)|(?<=\d–)|(?<=\d\s-\s)|(?<=\d\s–\s)|(?<=\sto\s)|(?<=\sand\s)|"
        r"(?<=\suntil\s)|(?<=\still\s)|(?<=\sthrough\s))"
        rf"(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?"
        r"(?![\w.,]\d|\s*(?:%|(?i:per\s*cent|percent|pc|million|billion|trillion|thousand)\b))",
        norm.range_end_day,
        tense=True,
        accept=lambda match: norm.range_start_month(match) is not None,
        reach=(4, 12),
        triggers=DIGITS,
        examples=(Example("The fair ran from May 19 to 23.", "23", "2025-05-23"),),
    ),
    _rule(
        "numeric_date",
        rf"(?<![\w/.-])(?:(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        rf"|(?P<day2>[0-3]?\d)/(?P<month2>[01]?\d)/(?P<year2>{YEAR}))(?![\w/-])",
        norm.numeric_date,
        reach=(12, 12),
        triggers=DIGITS,
        examples=(
            Example("Decision 1142 dated 15/7/2025 set the rates.", "15/7/2025", "2025-07-15"),
        ),
    ),
    _rule(
        "month_year",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<month>{MONTH_RE}),?\s+(?:of\s+)?(?P<year>{YEAR})",
        norm.month,
        reach=(45, 12),
        triggers=MONTH_WORDS,
        examples=(Example("Exports peaked in May 2025.", "May 2025", "2025-05"),),
    ),
    _rule(
        "month_relative_year",
        rf"{MOD}(?P<month>{FULL_MONTH})\s+(?:of\s+)?(?P<yrel>(?i:last|next|this|the\s+"
        r"(?:previous|following|same)))\s+year(?![\w-])",
        norm.month_of_relative_year,
        reach=(45, 30),
        triggers=MONTH_WORDS,
        examples=(Example("Talks began in April last year.", "April last year", "2024-04"),),
    ),
    _rule(
        "month",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<month>{FULL_MONTH})(?!\w|-[a-z])",
        norm.month,
        tense=True,
        accept=guard.bare_month_ok,
        reach=(45, 12),
        triggers=MONTH_WORDS,
        examples=(
            Example("The accord was signed in March.", "March", "2025-03"),
            Example("Rates will be cut in January.", "January", "2026-01"),
            Example("Prices peaked last February.", "last February", "1997-02", "1998-03-05"),
            Example("Prices peaked last October.", "last October", "1997-10", "1998-03-05"),
            # figures name a month that is over, whatever the tense
            Example("The ministry will publish June export figures on Friday.", "June", "2025-06"),
            # a futures contract's delivery month is this month or one ahead
            Example(
                "Crude oil for December delivery rose 20 cents a barrel.",
                "December",
                "1989-12",
                "1989-10-26",
            ),
            Example(
                "The September contract settled at $27.30.", "September", "1990-09", "1990-08-16"
            ),
        ),
    ),
    _rule(
        "year",
        rf"(?:{MOD_WORDS}[\s-]+|(?P<fy>(?i:fiscal(?:\s+year)?|FY))\s*|(?<=\d{{4}}[-–])"
        r"|(?<![\w$€£¥.,/\-–]))"
        rf"(?P<year>(?:18|19|20)\d\d)(?![\w%/]|[.,]\d|-[A-Za-z]|\s*(?i:percent|per\s+cent)|"
        r"\s*(?:GMT|UTC|[ECMP][SD]T|(?i:hours|hrs)\b))",
        norm.year,
        tense=True,  # the tense tells a year that is over from one under way
        accept=guard.year_ok,
        reach=(36, 12),
        triggers=DIGITS,
        examples=(
            Example("Trade reached $150 billion in 2024.", "2024", "2024"),
            Example("The plan covers fiscal 2026.", "fiscal 2026", "FY2026"),
            Example("The railroad, built in 1869, was sold.", "1869", "1869"),
        ),
    ),
    _rule(
        "short_year",
        r"(?<=\d{4}[-–])(?P<yy>\d\d)(?!\d)",
        norm.short_year,
        reach=(6, 4),
        triggers=DIGITS,
        examples=(Example("Output fell in 1997-98, officials said.", "98", "1998"),),
    ),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
        r"(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0['’]?s|['’](?P<dec2>\d)0s|(?<![\w'’.,$-])"
        r"(?P<dec3>[3-9])0s)(?!\w|\s*(?:%|(?i:degrees|percent|per\s+cent)\b))",
        norm.decade,
        accept=guard.decade_ok,
        reach=(24, 8),
        triggers=DIGITS,
        examples=(
            Example("Reforms began in the 1980s.", "the 1980s", "198"),
            Example("The boxy cars of the 70s and 80s are gone.", "80s", "198", "2007-02-09"),
        ),
    ),
    _rule(
        "century",
        r"(?i:(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
        r"eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century)(?!\w)",
        norm.century,
        reach=(30, 12),
        triggers=("century", "centuries"),
        examples=(Example("Trade grew in the 20th century.", "the 20th century", "19"),),
    ),
    _rule(
        "quarter",
        rf"{MOD}(?i:(?:the\s+)?(?:(?P<fy2>fiscal\s+)?(?P<pyear>{YEAR})(?:['’]s)?[\s-]+|"
        r"(?P<yrel2>this|last|next)\s+year['’]s\s+)?"
        r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th|"
        r"latest|most\s+recent|just[-\s](?:ended|completed))[\s-]+quarter(?:\s+of\s+(?:"
        rf"(?P<fy>fiscal\s+)?(?P<year>{YEAR})|(?P<yrel>this|last|next|the|the\s+current)\s+"
        r"(?:fiscal\s+)?year))?)(?![\w-])",
        quarters.quarter,
        tense=True,
        reach=(50, 40),
        triggers=("quarter",),
        examples=(
            Example(
                "Exports rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"
            ),
            Example("Second-quarter profit fell 5%.", "Second-quarter", "2025-Q2"),
            Example("Sales in the latest quarter rose.", "the latest quarter", "2025-Q2"),
            Example(
                "Next year's first quarter should be better.",
                "Next year's first quarter",
                "2026-Q1",
            ),
            Example(
                "Fourth-quarter results will be out next week.",
                "Fourth-quarter",
                "2024-Q4",
                "2025-01-15",
            ),
        ),
    ),
    _rule(
        "quarter_code",
        rf"(?<![\w-])Q(?P<q>[1-4])(?:\s*[/-]?\s*(?P<year>{YEAR})|['’](?P<yy>\d\d))?(?![\w-])",
        quarters.quarter,
        tense=True,
        reach=(4, 12),
        triggers=DIGITS,
        examples=(Example("Shipments rose in Q1 2025.", "Q1 2025", "2025-Q1"),),
    ),
    _rule(
        "half",
        rf"(?i:(?:the\s+)?(?:(?P<pyear>{YEAR})(?:['’]s)?\s+|(?P<yrel2>this|last|next)\s+year['’]s\s+)?"
        rf"(?P<ord>first|second|latter|1st|2nd)[\s-]+(?P<half>half)(?:\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<yrel>this|last|next|the|the\s+current)\s+year))?)"
        r"(?![\w-]|\s+of\b|\s+(?:a|an|one)\b)",
        quarters.quarter,
        tense=True,
        reach=(30, 40),
        triggers=("half",),
        examples=(
            Example("Exports rose 33% in the first half.", "the first half", "2025-H1"),
            Example("Sales fell in 2024's second half.", "2024's second half", "2024-H2"),
            Example(
                "Growth will slow in the second half of this year.",
                "the second half of this year",
                "2025-H2",
            ),
        ),
    ),
    _rule(
        "season",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"
        r"(?!\w)",
        quarters.season,
        tense=True,
        accept=guard.season_ok,
        reach=(45, 16),
        triggers=SEASON_WORDS,
        examples=(Example("Talks stalled last summer.", "last summer", "2024-SU"),),
    ),
)

# When two rules match the same span, the one earlier in the table wins.
RULES: tuple[Rule, ...] = (
    *HOLIDAY_RULES,
    *ANAPHORA_RULES,
    *SPELLED_YEAR_RULES,
    *CALENDAR_RULES,
    *DAY_RULES,
    *RELATIVE_PERIOD_RULES,
    *AMOUNT_RULES,
)
