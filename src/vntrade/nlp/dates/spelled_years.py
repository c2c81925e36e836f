"""Years not written in four digits: in words (`nineteen ninety-eight`, `the year two
thousand`), decades in words (`the nineteen thirties`, `the seventies`) and years cut to
two digits after an apostrophe (`since '82`); their rules and normalisers, with examples
the tests run.
"""

from __future__ import annotations

from vntrade.nlp.dates.guards import PREPOSITIONS
from vntrade.nlp.dates.lexicon import NUMBER_WORDS
from vntrade.nlp.dates.normalise import Context, Match, Resolved, group, word
from vntrade.nlp.dates.rule import DIGITS, Example, rule


def apostrophe_year(match: Match, ctx: Context) -> Resolved:
    """`'82` -> 1982: the latest such year not more than ten years after the anchor's."""
    this_year = ctx.anchor.year if ctx.anchor is not None else 2000
    year = this_year // 100 * 100 + int(match.group("yy"))
    if year > this_year + 10:
        year -= 100
    return Resolved(str(year), "year")


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


SPELLED_YEAR_RULES = (
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
