"""Rules of durations, sets (rates), clock times and vague references (PRESENT_REF,
PAST_REF, FUTURE_REF), each with examples that the tests run through the real pipeline."""

from __future__ import annotations

from vntrade.nlp.dates import durations as dur
from vntrade.nlp.dates import guards as guard
from vntrade.nlp.dates.lexicon import NUMBER_RE, SEASON_RE, UNIT_RE, WEEKDAY_RE, WEEKDAYS
from vntrade.nlp.dates.rule import (
    DIGITS,
    FULL_MONTH,
    QTY,
    TIME_UNIT,
    UNIT,
    UNIT_WORDS,
    Example,
)
from vntrade.nlp.dates.rule import rule as _rule

# "the past" as a noun ("in the past, ..."), not an adjective ("the past trade deficits"):
# punctuation, a function word or a name comes next, or `in` comes before (`in the past
# year` is longer, so the period rule takes it).
PAST_AS_NOUN = (
    r"\s*[^\w\s]|\s*$|\s+(?:(?i:he|she|it|we|they|i|you|there|this|that|and|or|but|as|when|"
    r"while|because|to|in|on|at|for|with|has|have|had|was|were|is|are)\b|(?-i:[A-Z]))"
)

# Time zones written after a clock time: `2 p.m. EST`, `9:30 a.m. ET`, `15:00 GMT`.
TIME_ZONE = r"GMT|UTC|[ECMP][SD]T|[ECMP]T"

AMOUNT_RULES = (
    _rule(
        "rate",
        rf"(?i:(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<qty>{NUMBER_RE}|few|several)\s+)?"
        rf"(?P<unit>{UNIT_RE}|(?-i:{WEEKDAY_RE}|{FULL_MONTH})|morning|afternoon|evening|night|"
        rf"{SEASON_RE})|(?:once|twice|thrice|{NUMBER_RE}\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit2>{TIME_UNIT})|per\s+(?P<unit3>{TIME_UNIT}|annum))(?!\w)",
        dur.rate,
        reach=(12, 30),
        triggers=("every", "each", "once", "twice", "thrice", "times", "per"),
        examples=(
            Example("Officials meet every week.", "every week", "P1W"),
            Example("The board meets twice a week.", "twice a week", "P1W"),
            Example("The group meets every few weeks.", "every few weeks", "PXW"),
        ),
    ),
    _rule(
        "weekdays",  # `on Mondays`: a weekday in the plural recurs
        rf"(?<![\w-])(?:(?i:on)\s+)?(?P<unit>{WEEKDAY_RE})s(?!\w)",
        dur.rate,
        reach=(4, 2),
        triggers=tuple(day + "s" for day in WEEKDAYS),
        examples=(Example("The committee meets on Mondays.", "on Mondays", "XXXX-WXX-1"),),
    ),
    _rule(
        "rate_adverb",
        r"(?<![\w-])(?P<unit>annually|yearly|daily|weekly|monthly|quarterly|hourly|nightly)(?!\w)",
        dur.rate,
        reach=(2, 2),
        triggers=(
            "annually",
            "yearly",
            "daily",
            "weekly",
            "monthly",
            "quarterly",
            "hourly",
            "nightly",
        ),
        examples=(Example("Rates are reviewed annually.", "annually", "P1Y"),),
    ),
    _rule(
        "duration",
        rf"(?:(?i:the)\s+(?:(?P<rel>(?i:past|last|next|coming|first|previous|following|final|"
        rf"remaining))\s+)?)?{QTY}(?:\s+(?P<half>(?i:and\s+a\s+half)))?[\s-]+"
        rf"(?:(?i:more|additional|full|long|straight|consecutive|whole|trading|business|"
        rf"working|calendar)\s+)?{UNIT}(?!\w)",
        dur.duration,
        accept=guard.duration_ok,
        reach=(40, 20),
        triggers=UNIT_WORDS,
        examples=(
            Example("Importers got a 90-day pause.", "90-day", "P90D"),
            Example("The plant builds 500 cars a day.", "a day", "P1D"),
            Example("The dynasty ruled for two hundred years.", "two hundred years", "P200Y"),
            Example(
                "The treaty stood for a hundred and fifty years.",
                "a hundred and fifty years",
                "P150Y",
            ),
            Example(
                "Shares fell over the past five trading days.",
                "the past five trading days",
                "P5D",
            ),
            # TimeML has no unit of a quarter: a vague number of them is a reference
            Example(
                "Sales fell in the past several quarters.",
                "the past several quarters",
                "PAST_REF",
            ),
        ),
    ),
    _rule(
        "millennia",  # TimeML's unit of a thousand years is L
        rf"(?i:(?:(?P<qty>{NUMBER_RE})\s+)?thousand\s+years|(?P<qty2>{NUMBER_RE})\s+"
        r"millenni(?:um|a))(?!\w)",
        dur.millennia,
        reach=(30, 16),
        triggers=("thousand", "millennium", "millennia"),
        examples=(
            Example(
                "The city has stood for more than two thousand years.",
                "two thousand years",
                "P2L",
            ),
        ),
    ),
    _rule(
        "duration_range",
        rf"(?P<qty>(?i:{NUMBER_RE}))(?=\s*(?:-|–|to|or|and)\s*(?i:{NUMBER_RE})[\s-]+{UNIT})",
        dur.duration,
        reach=(40, 24),
        triggers=UNIT_WORDS,
        examples=(Example("The review takes two to three weeks.", "two", "P2W"),),
    ),
    _rule(
        "bare_duration",
        r"(?:(?P<rel>(?i:recent|the\s+past|the\s+last|the\s+coming|the\s+next|past|coming))\s+)?"
        r"(?<![\w-])(?P<unit>(?i:minutes|hours|days|weeks|months|quarters|years|decades))"
        r"(?![\w'’-])",
        dur.vague_duration,
        accept=guard.bare_unit_ok,
        reach=(24, 12),
        triggers=UNIT_WORDS,
        examples=(
            Example("Talks have dragged on for months.", "months", "PXM"),
            Example("Shares have slid in recent days.", "recent days", "PAST_REF"),
            Example("Margins shrank in recent quarters.", "recent quarters", "PAST_REF"),
        ),
    ),
    _rule(
        "clock",
        r"(?<![\w:.,$])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*"
        r"(?P<ampm>[ap]\.\s?m\.|[ap]m|[AP]M|[AP]\.M\.)(?![\w])"
        r"|(?P<word>noon|midday|midnight)(?!\w))"
        rf"(?:\s+(?P<tz>{TIME_ZONE})(?!\w))?",
        dur.clock_time,
        reach=(8, 24),
        triggers=("noon", "midday", "midnight", *DIGITS),
        examples=(
            Example("The talks ended at 5 p.m.", "5 p.m.", "2025-07-09T17"),
            Example(
                "Trading resumes at 9:30 a.m. EST tomorrow.",
                "9:30 a.m. EST tomorrow",
                "1998-03-13T09:30",
                "1998-03-12",
            ),
            Example(
                "The Fed will announce its decision at 2 p.m. ET Wednesday.",
                "2 p.m. ET Wednesday",
                "2023-11-08T14",
                "2023-11-06",
            ),
        ),
    ),
    _rule(
        "clock24",
        r"(?<![\w:.,$])(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)(?![\d:]|\.\d)"
        rf"(?:\s*(?P<tz>{TIME_ZONE}|ICT|CET|local\s+time|Hanoi\s+time|Vietnam\s+time))?",
        dur.clock_time,
        accept=guard.clock_ok,
        reach=(6, 24),
        triggers=DIGITS,
        examples=(
            Example("The statement was issued at 15:00 GMT.", "15:00 GMT", "2025-07-09T15:00"),
            Example("Trading halted at 16:08 UTC.", "16:08 UTC", "2008-09-17T16:08Z", "2008-09-17"),
        ),
    ),
    _rule(
        "clock_military",  # `0800 GMT`: four digits are a time only with a time zone
        r"(?<![\w:.,$])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s*(?P<tz>GMT|UTC)(?!\w)",
        dur.clock_time,
        reach=(4, 12),
        triggers=DIGITS,
        examples=(
            Example(
                "Iraq freed the hostages at 0800 GMT.", "0800 GMT", "1990-08-16T08:00", "1990-08-16"
            ),
        ),
    ),
    _rule(
        "present_ref",
        r"(?<![\w-])(?i:(?:right\s+)?now|currently|presently|nowadays|at\s+present|"
        r"at\s+the\s+moment|these\s+days)(?![\w-])",
        dur.reference("PRESENT_REF"),
        reach=(14, 12),
        triggers=("now", "currently", "presently", "nowadays", "present", "moment", "days"),
        examples=(Example("Vietnam is now a major exporter.", "now", "PRESENT_REF"),),
    ),
    _rule(
        "current_state",  # `the current situation`: `current` dates a state of affairs
        r"(?<![\w-])(?i:current)(?=\s+(?:[a-z]+\s+)?(?i:situation|circumstances|conditions|"
        r"state|climate|environment|crisis)\b)",
        dur.reference("PRESENT_REF"),
        reach=(2, 40),
        triggers=("current",),
        examples=(
            Example("Lenders are wary under the current circumstances.", "current", "PRESENT_REF"),
            Example(
                "Given the current weak state of the economy, aid will rise.",
                "current",
                "PRESENT_REF",
            ),
        ),
    ),
    _rule(
        "past_ref",
        r"(?<![\w-])(?i:recently|lately|formerly|in\s+recent\s+times|at\s+(?:the|that)"
        rf"\s+time|the\s+past(?={PAST_AS_NOUN})|(?<=\bin\s)the\s+past(?![\w-]))(?!\w)",
        dur.reference("PAST_REF"),
        reach=(12, 30),
        triggers=("recently", "lately", "formerly", "times", "time", "past"),
        examples=(
            Example("Such disputes went to arbitration in the past.", "the past", "PAST_REF"),
            Example("In the past such talks dragged on.", "the past", "PAST_REF"),
        ),
    ),
    _rule(
        "future_ref",
        r"(?i:the\s+(?:(?:near|foreseeable|distant|immediate)\s+)?future|the\s+(?:coming|upcoming)"
        r"\s+(?:time|period)|the\s+time(?:s)?\s+(?:ahead|to\s+come))(?!\w)",
        dur.reference("FUTURE_REF"),
        accept=guard.future_ok,
        reach=(25, 12),
        triggers=("future", "time", "times", "period"),
        examples=(Example("Duties could rise in the future.", "the future", "FUTURE_REF"),),
    ),
)
