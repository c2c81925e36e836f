"""A rule of the temporal grammar: its regex, its normaliser, its trigger words and the
examples it must get right; and the regex fragments rules share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from vntrade.nlp.dates import normalise as norm
from vntrade.nlp.dates.lexicon import (
    MONTHS,
    NUMBER_RE,
    UNIT_RE,
    UNITS,
    VAGUE_RE,
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
TIME_UNIT = r"(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
UNIT = rf"(?P<unit>(?i:{UNIT_RE}))"
QTY = rf"(?P<qty>(?i:{NUMBER_RE}|{VAGUE_RE}|half\s+an?|a\s+half))"
# Words that must occur in a rule's match (the rule runs only in a window around them);
# `#` stands for any number.
DIGITS = ("#",)
PARTS = ("morning", "afternoon", "evening", "night")
UNIT_WORDS = tuple(unit_forms([*UNITS, "weekend"]))


@dataclass(frozen=True, slots=True)
class Example:
    """An executable example of a rule: in `text`, published on `dct`, `expression` has
    `value` (tests run every example through the real pipeline)."""

    text: str
    expression: str
    value: str
    dct: str | None = "2025-07-09"


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
    examples: tuple[Example, ...] = ()


@dataclass(slots=True)
class Candidate:
    """A match of a rule over the text, before normalisation."""

    start: int
    end: int
    rule: Rule
    match: Match


def rule(
    name: str,
    pattern: str,
    normalise,
    *,
    triggers,
    reach: tuple[int, int] = (50, 30),
    tense: bool = False,
    accept=None,
    examples: tuple[Example, ...] = (),
) -> Rule:
    """A rule; `reach` is how far (in characters) a match may begin before its trigger
    word and end after it."""
    pattern_re = re.compile(pattern)
    return Rule(name, pattern_re, normalise, tuple(triggers), reach, tense, accept, examples)
