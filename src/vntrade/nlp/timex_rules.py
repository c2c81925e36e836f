"""The grammar of temporal expressions: one compiled regex per kind, with its normaliser.

`find_candidates(text)` runs every rule over the text and keeps the longest
non-overlapping matches. Month and weekday names must be capitalised (so that the verb
`may` or `march` never matches); quantities and units are case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vntrade.nlp import timex_durations as dur
from vntrade.nlp import timex_guards as guard
from vntrade.nlp import timex_normalise as norm
from vntrade.nlp.timex_lexicon import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    PART_OF_DAY_RE,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    UNITS,
    VAGUE_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    alternation,
    capitalised,
    unit_forms,
)

Match = re.Match[str]

YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)(?!\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
FULL_MONTH = alternation(capitalised(list(MONTHS)[:12]))
# "early", "mid-", "the end of": they qualify a period without changing its value.
MOD_WORDS = (
    r"(?<![\w-])(?P<mod>(?i:early|earlier|late|later|mid|end|the\s+(?:end|beginning|start|middle|"
    r"close|turn|first\s+half|second\s+half)\s+of(?:\s+the)?|(?:end|beginning|start|"
    r"middle)\s+of))"
)
MOD = rf"(?:{MOD_WORDS}[\s-]+)?"
REL = r"(?i:last|next|this|coming|past|previous|following|the\s+(?:coming|past|previous|following))"


@dataclass(frozen=True, slots=True)
class Rule:
    """A temporal expression pattern, its normaliser and what it needs from the parse."""

    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[Match, norm.Context], norm.Resolved | None]
    triggers: tuple[str, ...]
    reach: tuple[int, int]
    needs_tense: bool = False
    accept: Callable[[Match], bool] | None = None


@dataclass(slots=True)
class Candidate:
    """A match of a rule over the text, before normalisation."""

    start: int
    end: int
    rule: Rule
    match: Match


def _rule(
    name: str,
    pattern: str,
    normalise,
    *,
    triggers,
    reach: tuple[int, int] = (50, 30),
    tense: bool = False,
    accept=None,
) -> Rule:
    """A rule; `reach` is how far (in characters) a match may begin before its trigger
    word and end after it."""
    return Rule(name, re.compile(pattern), normalise, tuple(triggers), reach, tense, accept)


# Words that must occur in a rule's match; the rule only runs in a window around them.
DIGITS = ("#",)
MONTH_WORDS = tuple(MONTHS)
WEEKDAY_WORDS = tuple(WEEKDAYS)
SEASON_WORDS = tuple(SEASONS)
PARTS = ("morning", "afternoon", "evening", "night")
UNIT_WORDS = tuple(unit_forms([*UNITS, "weekend"]))
PERIOD_WORDS = ("week", "weekend", "month", "quarter", "year", "decade", "century")
_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"[0-9]+")

WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
TIME_UNIT = r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
UNIT = rf"(?P<unit>(?i:{UNIT_RE}))"
# "the past" as a noun ("in the past, ..."), not an adjective ("the past trade deficits"):
# punctuation, a function word or a name comes next.
PAST_AS_NOUN = (
    r"\s*[^\w\s]|\s*$|\s+(?:(?i:he|she|it|we|they|i|you|there|this|that|and|or|but|as|when|"
    r"while|because|to|in|on|at|for|with|has|have|had|was|were|is|are)\b|(?-i:[A-Z]))"
)
QTY = rf"(?P<qty>(?i:{NUMBER_RE}|{VAGUE_RE}|half\s+an?|a\s+half))"

RULES: tuple[Rule, ...] = (
    _rule(
        "month_day",
        rf"{WD_PREFIX}(?P<month>{MONTH_RE})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
        norm.month_day,
        tense=True,
        reach=(16, 12),
        triggers=MONTH_WORDS + WEEKDAY_WORDS,
    ),
    _rule(
        "day_month",
        rf"{WD_PREFIX}(?<![\d.,/])(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH_RE})"
        rf"(?:,?\s+(?P<year>{YEAR}))?(?!\w)",
        norm.month_day,
        tense=True,
        reach=(36, 12),
        triggers=MONTH_WORDS,
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
    ),
    _rule(
        "numeric_date",
        rf"(?<![\w/.-])(?:(?P<year>{YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        rf"|(?P<day2>[0-3]?\d)/(?P<month2>[01]?\d)/(?P<year2>{YEAR}))(?![\w/-])",
        norm.numeric_date,
        reach=(12, 12),
        triggers=DIGITS,
    ),
    _rule(
        "month_year",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<month>{MONTH_RE}),?\s+(?:of\s+)?(?P<year>{YEAR})",
        norm.month,
        reach=(45, 12),
        triggers=MONTH_WORDS,
    ),
    _rule(
        "month_relative_year",
        rf"{MOD}(?P<month>{FULL_MONTH})\s+(?:of\s+)?(?P<yrel>(?i:last|next|this|the\s+"
        r"(?:previous|following|same)))\s+year(?![\w-])",
        norm.month_of_relative_year,
        reach=(45, 30),
        triggers=MONTH_WORDS,
    ),
    _rule(
        "month",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<month>{FULL_MONTH})(?!\w|-[a-z])",
        norm.month,
        tense=True,
        accept=guard.bare_month_ok,
        reach=(45, 12),
        triggers=MONTH_WORDS,
    ),
    _rule(
        "year",
        rf"(?:{MOD_WORDS}[\s-]+|(?i:fiscal(?:\s+year)?|FY)\s*|(?<=\d{{4}}[-–])|(?<![\w$€£¥.,/\-–]))"
        rf"(?P<year>(?:19|20)\d\d)(?![\w%/]|[.,]\d|-[A-Za-z]|\s*(?i:percent|per\s+cent))",
        norm.year,
        tense=True,  # the tense tells a year that is over from one under way
        accept=guard.year_ok,
        reach=(36, 12),
        triggers=DIGITS,
    ),
    _rule(
        "short_year",
        r"(?<=\d{4}[-–])(?P<yy>\d\d)(?!\d)",
        norm.short_year,
        reach=(6, 4),
        triggers=DIGITS,
    ),
    _rule(
        "decade",
        r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
        r"(?:(?P<cent>1[5-9]|20)(?P<dec>\d)0['’]?s|['’](?P<dec2>\d)0s)(?!\w)",
        norm.decade,
        reach=(24, 8),
        triggers=DIGITS,
    ),
    _rule(
        "century",
        r"(?i:(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
        r"eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century)(?!\w)",
        norm.century,
        reach=(30, 12),
        triggers=("century", "centuries"),
    ),
    _rule(
        "quarter",
        rf"{MOD}(?i:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"\s+quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR})|(?P<yrel>this|last|next|"
        r"the|the\s+current)\s+(?:fiscal\s+)?year))?)(?!\w)",
        norm.quarter,
        tense=True,
        reach=(50, 40),
        triggers=("quarter",),
    ),
    _rule(
        "quarter_code",
        rf"(?<![\w-])Q(?P<q>[1-4])(?:\s*[/-]?\s*(?P<year>{YEAR})|['’](?P<yy>\d\d))?(?![\w-])",
        norm.quarter,
        tense=True,
        reach=(4, 12),
        triggers=DIGITS,
    ),
    _rule(
        "half",
        rf"(?i:(?:the\s+)?(?P<ord>first|second|latter|1st|2nd)\s+(?P<half>half)\s+of\s+"
        rf"(?:(?P<year>{YEAR})|(?P<yrel>this|last|next|the|the\s+current)\s+year))(?!\w)",
        norm.quarter,
        tense=True,
        reach=(20, 40),
        triggers=("half",),
    ),
    _rule(
        "season",
        rf"{MOD}(?:(?P<rel>{REL})\s+)?(?P<season>{SEASON_RE})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?"
        r"(?!\w)",
        norm.season,
        tense=True,
        accept=guard.season_ok,
        reach=(45, 16),
        triggers=SEASON_WORDS,
    ),
    _rule(
        "weekday",
        rf"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{WEEKDAY_RE})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY_RE}))?(?!\w)",
        norm.weekday,
        tense=True,
        reach=(12, 20),
        triggers=WEEKDAY_WORDS,
    ),
    _rule(
        "relative_day",
        rf"(?:(?P<word>(?i:today|yesterday|tomorrow|tonight))(?:\s+(?P<pod>{PART_OF_DAY_RE}))?"
        rf"|(?P<rel>(?i:this|last))\s+(?P<pod2>{PART_OF_DAY_RE}))(?![\w-])",
        norm.relative_day,
        reach=(8, 14),
        triggers=("today", "yesterday", "tomorrow", "tonight", *PARTS),
    ),
    _rule(
        "relative_period",
        rf"{MOD}(?P<rel>(?i:(?:the\s+)?(?:past|last|next|coming|current|previous|following|"
        r"upcoming)|this))\s+(?P<unit>(?i:week|weekend|month|quarter|year|decade|century|"
        r"(?:fiscal|financial)\s+year))(?![\w-])",
        norm.relative_period,
        reach=(45, 12),
        triggers=PERIOD_WORDS,
    ),
    _rule(
        "period_of",
        r"(?P<mod>(?i:(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of))\s+(?:the\s+)?"
        r"(?P<unit>(?i:week|month|quarter|year|decade|century))(?![\w-])",
        norm.relative_period,
        reach=(40, 12),
        triggers=PERIOD_WORDS,
    ),
    _rule(
        "period_end",
        r"(?P<unit>(?i:year|month|quarter))[\s-](?i:end)(?![\w-])",
        norm.relative_period,
        reach=(10, 4),
        triggers=("end",),
    ),
    _rule(
        "ago",
        rf"(?:{QTY}[\s-]+)?(?:(?P<half>and\s+a\s+half)\s+)?{UNIT}\s+"
        r"(?P<dir>(?i:ago|earlier|later))(?!\w)",
        norm.ago,
        reach=(40, 6),
        triggers=("ago", "earlier", "later"),
        accept=guard.ago_ok,
    ),
    _rule(
        "narrative_day",
        r"(?i:the\s+(?P<rel>next|following|previous|same)\s+day(?![\w-])|the\s+day\s+"
        r"(?P<rel2>before|after)(?=\s*(?:[,.;:!?)]|$)))",
        norm.narrative_day,
        reach=(20, 12),
        triggers=("day",),
    ),
    _rule(
        "rate",
        rf"(?i:(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<qty>{NUMBER_RE})\s+)?"
        rf"(?P<unit>{UNIT_RE}|(?-i:{WEEKDAY_RE}|{FULL_MONTH})|morning|afternoon|evening|night|"
        rf"{SEASON_RE})|(?:once|twice|thrice|{NUMBER_RE}\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit2>{TIME_UNIT})|per\s+(?P<unit3>{TIME_UNIT}|annum))(?!\w)",
        dur.rate,
        reach=(12, 30),
        triggers=("every", "each", "once", "twice", "thrice", "times", "per"),
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
    ),
    _rule(
        "duration",
        rf"(?:(?i:the)\s+(?:(?P<rel>(?i:past|last|next|coming|first|previous|following|final|"
        rf"remaining))\s+)?)?{QTY}(?:\s+(?P<half>(?i:and\s+a\s+half)))?[\s-]+"
        rf"(?:(?i:more|additional|full|long|straight|consecutive|whole)\s+)?{UNIT}(?!\w)",
        dur.duration,
        accept=guard.duration_ok,
        reach=(40, 12),
        triggers=UNIT_WORDS,
    ),
    _rule(
        "duration_range",
        rf"(?P<qty>(?i:{NUMBER_RE}))(?=\s*(?:-|–|to|or|and)\s*(?i:{NUMBER_RE})[\s-]+{UNIT})",
        dur.duration,
        reach=(40, 24),
        triggers=UNIT_WORDS,
    ),
    _rule(
        "bare_duration",
        r"(?:(?P<rel>(?i:recent|the\s+past|the\s+last|the\s+coming|the\s+next|past|coming))\s+)?"
        r"(?P<unit>(?i:minutes|hours|days|weeks|months|years|decades))(?![\w'’-])",
        dur.vague_duration,
        accept=guard.bare_unit_ok,
        reach=(24, 12),
        triggers=UNIT_WORDS,
    ),
    _rule(
        "clock",
        r"(?<![\w:.,$])(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*"
        r"(?P<ampm>[ap]\.\s?m\.|[ap]m|[AP]M|[AP]\.M\.)(?![\w])"
        r"|(?P<word>noon|midday|midnight)(?!\w))",
        dur.clock_time,
        reach=(8, 16),
        triggers=("noon", "midday", "midnight", *DIGITS),
    ),
    _rule(
        "clock24",
        r"(?<![\w:.,$])(?P<h>[01]?\d|2[0-3])[:h](?P<m>[0-5]\d)(?![\d:]|\.\d)"
        r"(?:\s*(?P<tz>GMT|UTC|ICT|EST|EDT|CET|local\s+time|Hanoi\s+time|Vietnam\s+time))?",
        dur.clock_time,
        accept=guard.clock_ok,
        reach=(6, 24),
        triggers=DIGITS,
    ),
    _rule(
        "present_ref",
        r"(?<![\w-])(?i:(?:right\s+)?now|currently|presently|nowadays|at\s+present|"
        r"at\s+the\s+moment|these\s+days)(?![\w-])",
        dur.reference("PRESENT_REF"),
        reach=(14, 12),
        triggers=("now", "currently", "presently", "nowadays", "present", "moment", "days"),
    ),
    _rule(
        "past_ref",
        r"(?<![\w-])(?i:recently|lately|previously|formerly|in\s+recent\s+times|at\s+(?:the|that)"
        rf"\s+time|the\s+past(?={PAST_AS_NOUN}))(?!\w)",
        dur.reference("PAST_REF"),
        reach=(12, 30),
        triggers=("recently", "lately", "previously", "formerly", "times", "time", "past"),
    ),
    _rule(
        "future_ref",
        r"(?i:the\s+(?:(?:near|foreseeable|distant|immediate)\s+)?future|the\s+(?:coming|upcoming)"
        r"\s+(?:time|period)|the\s+time(?:s)?\s+(?:ahead|to\s+come))(?!\w)",
        dur.reference("FUTURE_REF"),
        accept=guard.future_ok,
        reach=(25, 12),
        triggers=("future", "time", "times", "period"),
    ),
)


def _trigger_index() -> dict[str, list[Rule]]:
    index: dict[str, list[Rule]] = {}
    for rule in RULES:
        for word in rule.triggers:
            index.setdefault(word, []).append(rule)
    return index


TRIGGERS = _trigger_index()
TRIGGER_WORDS = frozenset(TRIGGERS) - {"#"}


def _trigger_positions(text: str) -> list[tuple[str, int, int]]:
    """(trigger, start, end) of every trigger word and number in `text`."""
    lower = text.lower()
    found = [("#", m.start(), m.end()) for m in _NUMBER.finditer(text)]
    for word in TRIGGER_WORDS.intersection(_WORD.findall(lower)):
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and lower[at - 1].isalpha()) and not lower[end : end + 1].isalpha():
                found.append((word, at, end))
            at = lower.find(word, end)
    found.sort(key=lambda item: item[1])
    return found


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its trigger words.

    Scanning only these (instead of every position with every rule) keeps the tagger
    cheap; windows start on a word boundary so that no match is cut.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for word, word_start, word_end in _trigger_positions(text):
        for rule in TRIGGERS[word]:
            before, after = rule.reach
            start = max(0, word_start - before)
            while start and text[start - 1].isalnum():
                start -= 1
            end = min(len(text), word_end + after)
            stretches = spans.setdefault(rule.name, [])
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
            else:
                stretches.append((start, end))
    return spans


def find_candidates(text: str) -> list[Candidate]:
    """The longest non-overlapping matches of all rules, in text order."""
    found: list[Candidate] = []
    windows = _windows(text)
    for rule in RULES:
        for start, end in windows.get(rule.name, ()):
            for match in rule.pattern.finditer(text, start, end):
                if match.end() > match.start() and (rule.accept is None or rule.accept(match)):
                    found.append(Candidate(match.start(), match.end(), rule, match))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for candidate in found:
        if not any(taken[candidate.start : candidate.end]):
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen
