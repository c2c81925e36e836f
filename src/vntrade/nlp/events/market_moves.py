"""Market moves are no events: "the benchmark VN-Index fell 7%", "VHC shares closed 2%
higher", "the rupiah was little changed". A trade analyst's timeline holds what states,
firms and people did and the data they released, not the day's prices of shares and
currencies, which news of a deal often adds."""

from __future__ import annotations

import re

_INSTRUMENT = (
    r"(?:shares?|stocks?|equities|(?:stock|share|benchmark|VN-?)\s*index|VN-?Index|KOSPI|"
    r"Nikkei(?:\s+225)?|Hang\s+Seng|S&P\s+500|Dow(?:\s+Jones)?|Nasdaq|SET\s+index|"
    r"stock\s+market|(?<=the\s)(?:rupiah|ringgit|baht|peso|yuan|yen|won|dong|rupee|currency))"
)
_MOVE = (
    r"(?:rose|fell|closed|gained|tumbled|plunged|jumped|slipped|dropped|climbed|rallied|"
    r"surged|sank|traded|ended|finished|edged|eased|lost|advanced|declined|soared|slumped|"
    r"rebounded|weakened|strengthened|was|were|(?:has|have)\s+(?:gained|fallen|risen|lost))"
)
# The move's subject opens the clause: a few words, the instrument, a few more, the verb.
_MARKET_MOVE = re.compile(
    rf"^(?:(?!(?:said|says|told|that)\b)[\w'’.&-]+\s+){{0,4}}?{_INSTRUMENT}\b(?:\s+[\w'’.&-]+){{0,5}}?\s+{_MOVE}\b",
    re.IGNORECASE,
)


def is_market_move(summary: str) -> bool:
    """Whether an event's clause tells a price move of shares, an index or a currency."""
    return bool(_MARKET_MOVE.match(summary))
