"""A year that only names a law, an act or a treaty ("the Trade Act of 1974", "Law on
Handling of Administrative Violations 2012", "the 2014 Customs Law", "a 1977 emergency
powers law"): its year, not a time of the article's events nor the article's own year."""

from __future__ import annotations

import re

_NAMED_BEFORE = re.compile(
    r"\b(?:Act|Law|Code|Ordinance|Constitution|Convention|Treaty)"
    r"(?:\s+(?:on|of|for)(?:\s+(?:[A-Z][\w'’-]*|and|of|on|the|for|in))+)?\s+(?:of\s+)?$"
)
_NAMED_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,4}?(?:Act|Law|Code)\b"  # "the 1974 Trade Act"
    r"|\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:law|act|statute)\b"  # "a 1977 emergency powers law"
)


def names_a_law(text: str, start: int, end: int) -> bool:
    """Whether the year at `text[start:end]` names a law, an act or a treaty."""
    before = text[max(0, start - 80) : start]
    return bool(_NAMED_BEFORE.search(before) or _NAMED_AFTER.match(text, end))
