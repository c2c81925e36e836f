"""The grammar of temporal expressions: one compiled regex per kind, with its normaliser.

`find_candidates(text)` runs every rule over the text and keeps the longest
non-overlapping matches. Month and weekday names must be capitalised (so that the verb
`may` or `march` never matches); quantities and units are case-insensitive. Each rule
carries examples that the tests run through the real pipeline. Rules of comparisons,
anaphora and years in words live in `periods`, of durations, sets, clock times and vague
references in `amounts`; `scan` runs them all.
"""

from __future__ import annotations

from vntrade.nlp.dates import guards as guard
from vntrade.nlp.dates import normalise as norm
from vntrade.nlp.dates import quarters
from vntrade.nlp.dates.amounts import AMOUNT_RULES
from vntrade.nlp.dates.lexicon import (
    MONTH_RE,
    MONTHS,
    PART_OF_DAY_RE,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
)
from vntrade.nlp.dates.relative import PERIOD_RULES
from vntrade.nlp.dates.rule import (
    DAY,
    DIGITS,
    FULL_MONTH,
    MOD,
    MOD_WORDS,
    PARTS,
    QTY,
    REL,
    UNIT,
    YEAR,
    Example,
    Rule,
)
from vntrade.nlp.dates.rule import rule as _rule

# Words that must occur in a rule's match; the rule only runs in a window around them.
MONTH_WORDS = tuple(MONTHS)
WEEKDAY_WORDS = tuple(WEEKDAYS)
SEASON_WORDS = tuple(SEASONS)
PERIOD_WORDS = ("week", "weekend", "month", "quarter", "year", "decade", "century")
WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"

RULES: tuple[Rule, ...] = (
    *PERIOD_RULES,
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
    _rule(
        "weekday",
        rf"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{WEEKDAY_RE})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?(?!\w)",
        norm.weekday,
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
    _rule(
        "relative_day",
        rf"(?:(?P<word>(?i:today|yesterday|tomorrow|tonight))(?:\s+(?P<pod>{PART_OF_DAY_RE}))?"
        rf"|(?P<rel>(?i:this|last))\s+(?P<pod2>{PART_OF_DAY_RE}))(?![\w-])",
        norm.relative_day,
        reach=(8, 14),
        triggers=("today", "yesterday", "tomorrow", "tonight", *PARTS),
        examples=(Example("The ministry announced the cut yesterday.", "yesterday", "2025-07-08"),),
    ),
    _rule(
        "relative_period",
        rf"{MOD}(?P<rel>(?i:(?:the\s+)?(?:past|last|next|coming|current|previous|following|"
        r"upcoming|preceding|prior)|this))\s+(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|"
        r"(?:fiscal|financial)\s+year))(?![\w-])",
        norm.relative_period,
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
    _rule(
        "period_of",
        r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of))\s+(?:the\s+)?"
        r"(?P<unit>(?i:week|month|quarter|year|decade|century))(?![\w-])",
        norm.relative_period,
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
    _rule(
        "period_end",
        r"(?P<unit>(?i:year|month|quarter))[\s-](?i:end)(?![\w-])",
        norm.relative_period,
        reach=(10, 4),
        triggers=("end",),
        examples=(Example("Prices rose before year-end.", "year-end", "2025"),),
    ),
    _rule(
        "ago",
        rf"(?:{QTY}[\s-]+)?(?:(?P<half>and\s+a\s+half)\s+)?{UNIT}\s+"
        r"(?P<dir>(?i:ago|earlier|later))(?!\w)",
        norm.ago,
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
    _rule(
        "narrative_day",
        r"(?i:the\s+(?P<rel>next|following|previous|same)\s+day(?![\w-])|the\s+"
        r"(?P<unit>day|week|month|year)\s+(?P<rel2>before|after)(?=\s*(?:[,.;:!?)]|$)))",
        norm.narrative_day,
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
    *AMOUNT_RULES,
)
