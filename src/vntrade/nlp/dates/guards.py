"""Checks on the text around a match: is it a date here, is it a deadline?

The rules' regexes see a fixed stretch of text; these guards look a little further, e.g.
for the preposition that makes a bare `May` the month (`in May`, not `May I`).
"""

from __future__ import annotations

import re

from vntrade.nlp.dates.lexicon import VAGUE_RE

Match = re.Match[str]

# Words after which a bare month, season or plural unit is temporal ("in May", "for years").
PREPOSITIONS = re.compile(
    r"(?i:\b(?:in|on|since|by|until|till|from|through|throughout|during|before|after|of|"
    r"and|or|to|between|early|late|mid|last|next|this|each|every|for|within|over|around|"
    r"about|spend|spent|take|takes|took|taken|taking|lasted|lasts|last|wait|waited)"
    r"(?:\s+the)?[\s-]+)$"
)


def _after_preposition(match: Match) -> bool:
    return bool(PREPOSITIONS.search(match.string[max(0, match.start() - 24) : match.start()]))


def bare_month_ok(match: Match) -> bool:
    """`May` alone is the month only after a preposition or with a modifier (`in May`)."""
    if match.string.startswith(" Day", match.end()):
        return False  # May Day, a holiday rather than the month
    if match.group("month") != "May" or match.group("mod") or match.group("rel"):
        return True
    return _after_preposition(match)


# Words after which a season is one: "in summer", "during the winter", "since last spring".
_SEASON_BEFORE = re.compile(
    r"(?i:\b(?:in|during|by|until|till|since|through|throughout|before|after|over|this|"
    r"last|next|early|late|mid)(?:\s+the)?[\s-]+)$"
)


def season_ok(match: Match) -> bool:
    """A season needs a year, a modifier or a preposition; `winter-spring crop` and
    `Summer Davos` are no dates."""
    before = match.string[max(0, match.start() - 1) : match.start()]
    after = match.string[match.end() : match.end() + 2]
    if before == "-" or after[:1] == "-" or re.match(r"\s[A-Z]", after):
        return False
    if match.group("year") or match.group("rel") or match.group("mod"):
        return True
    preceding = match.string[max(0, match.start() - 20) : match.start()]
    return match.group("season").lower() != "fall" and bool(_SEASON_BEFORE.search(preceding))


_NOT_A_YEAR_BEFORE = re.compile(
    r"(?i:\b(?:no|nos|number|article|clause|item|room|route|highway|flight|page|decree|"
    r"decision|resolution|circular|code|model|version|lot)\.?\s*)$"
)


def year_ok(match: Match) -> bool:
    """Not a numbered item (`Decree No. 2025`); units after counts are checked on tokens."""
    if match.group("mod"):
        return True
    return not _NOT_A_YEAR_BEFORE.search(match.string[max(0, match.start() - 16) : match.start()])


def bare_unit_ok(match: Match) -> bool:
    """Plural units alone are durations after `for`, `within`, `took` or before `before`."""
    if match.group("rel"):
        return True
    after = match.string[match.end() : match.end() + 8].lower()
    return _after_preposition(match) or bool(
        re.match(r"\s+(?:before|after|later|earlier)\b", after)
    )


def clock_ok(match: Match) -> bool:
    """A 24-hour `15:00` needs a time zone or a preposition (not a score or ratio)."""
    return bool(match.group("tz")) or _after_preposition(match)


def duration_ok(match: Match) -> bool:
    """`a quarter of`, `a second term`, `a second A380`, `some day` and `an hour` of a ratio
    are no durations."""
    quantity = (match.group("qty") or "").lower()
    unit = match.group("unit").lower()
    after = match.string[match.end() : match.end() + 4]
    if quantity in ("a", "an", "one") and unit.startswith(("quarter", "second")):
        return not re.match(r"\s+(?:of\b|\w)", after)
    if re.fullmatch(VAGUE_RE, quantity, re.IGNORECASE) and not unit.endswith("s"):
        return False
    return not re.match(r"(?:-|\s+)old\b", after + match.string[match.end() + 4 : match.end() + 6])


def ago_ok(match: Match) -> bool:
    """`two years ago`, `years ago`; but only a counted `a year earlier` is a point in time."""
    if match.group("dir").lower() == "ago":
        return True
    if re.match(r"\s+than\b", match.string[match.end() : match.end() + 6]):
        return False  # "a week earlier than planned" compares, it does not date
    quantity = (match.group("qty") or "").lower()
    return bool(quantity) and not re.fullmatch(VAGUE_RE, quantity, re.IGNORECASE)


def future_ok(match: Match) -> bool:
    return bool(re.search(r"(?i:\b(?:in|into|for|near)\s+)$", match.string[: match.start()][-12:]))


# Words before a date that make it a deadline: "by April 30", "no later than July 31".
_DEADLINE_BEFORE = re.compile(
    r"(?i:\b(?:by|no\s+later\s+than|not\s+later\s+than|before|until|till|prior\s+to|"
    r"ahead\s+of|deadline\s+(?:of|for|on|is|was)|due(?:\s+(?:on|by|in))?)\s+(?:the\s+)?)$"
)
_DEADLINE_AFTER = re.compile(r"(?i:(?:['’]s)?\s+deadline\b)")


def deadline_before(text: str, start: int) -> bool:
    """Whether the words just before `start` make a date a deadline (`by`, `until`...)."""
    return _DEADLINE_BEFORE.search(text, max(0, start - 24), start) is not None


def deadline_after(text: str, end: int) -> bool:
    """Whether the date ending at `end` names a deadline: `the April 9 deadline`."""
    return _DEADLINE_AFTER.match(text, end) is not None


# Nouns of figures about a period: a month naming them (`will release September employment
# figures`, `May housing starts`) is one that is over, whatever the verb's tense.
_FIGURES_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:sales|figures|data|statistics|numbers|report|payrolls|"
    r"starts|orders|output|production|exports|imports|shipments|deliveries|index|inflation|"
    r"jobs|employment|unemployment|deficit|surplus|survey|reading)\b"
)


def figures_after(text: str, end: int) -> bool:
    """A noun of reported figures follows (`September employment figures`)."""
    return bool(_FIGURES_AFTER.match(text, end))


# A futures contract named by its delivery month (`for December delivery`, `the September
# contract`, `March crude futures`): contracts trade for this month and months ahead.
_CONTRACT_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*)?\s+(?:delivery|contracts?|futures|options|settlement)\b"
)


def contract_after(text: str, end: int) -> bool:
    """A month naming a futures contract follows (`December delivery`, `the May contract`)."""
    return bool(_CONTRACT_AFTER.match(text, end))


# Words before a date that put it ahead of the text's time, whatever the verb's tense: what
# is scheduled, set, slated or due happens after it was planned (`was scheduled for Monday`).
_SCHEDULED_BEFORE = re.compile(
    r"(?i:\b(?:scheduled|slated|planned|set|due)\s+(?:to\s+[a-z]+\s+(?:[a-z]+\s+)?)?"
    r"(?:for|on|at)?\s*(?:the\s+)?)$"
)


def scheduled_before(text: str, start: int) -> bool:
    """Whether the date starting at `start` is what something is scheduled for."""
    return _SCHEDULED_BEFORE.search(text, max(0, start - 40), start) is not None


# Words that make `the 60s` a range of temperatures, ages or scores rather than a decade.
_NOT_A_DECADE_BEFORE = re.compile(
    r"(?i:temperature|degree|high|low|reading|mercury|thermometer|\bage|score|price|cent|trad|"
    r"yield|rate|\bhis\b|\bher\b|\btheir\b)"
)
_DECADE_BEFORE = re.compile(r"(?i:\b(?:the|and|or)\s+)$")


def decade_ok(match: Match) -> bool:
    """`the 70s and 80s` are decades; `temperatures rose into the 60s` and `in his 70s` not."""
    if not match.group("dec3"):
        return True
    before = match.string[max(0, match.start() - 60) : match.start()]
    if not (match.group().lower().startswith("the") or _DECADE_BEFORE.search(before)):
        return False
    sentence = re.split(r"[.!?]\s", before)[-1]
    return not _NOT_A_DECADE_BEFORE.search(sentence)
