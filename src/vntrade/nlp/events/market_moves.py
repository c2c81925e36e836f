"""Market moves are no events: "the benchmark VN-Index fell 7%", "VHC shares closed 2%
higher", "the rupiah was little changed". A trade analyst's timeline holds what states,
firms and people did and the data they released, not the day's prices of shares and
currencies, which news of a deal often adds; nor how a month's or a quarter's business
went ("orders from US partners fell 20% in the third quarter", "members received inquiries
for shipments in December"): that is data, whose release is the event."""

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


_TRADE_DATA = (
    r"(?i:orders|exports?|imports?|shipments|sales|prices|inquiries|enquiries|revenues?|"
    r"profits?|output|demand|turnover|volumes?|bookings)"
)
# The clause opens with trade data as its subject (capitalised words or a determiner before
# it, no verb), or someone received orders or inquiries.
_DATA_CLAUSE = re.compile(
    rf"^(?:(?:The|Its|Their|Our|[A-Z][\w'’.&-]*)\s+){{0,3}}?{_TRADE_DATA}\b"
    r"(?:\s+(?:from|to|of|for|in)\s+[^,;]{0,40}?)?\s+(?:\w+ly\s+)?"
    r"(?:rose|fell|grew|jumped|surged|dropped|decreased|increased|declined|slowed|slumped|"
    r"climbed|reached|hit|totall?ed|stood|were|was|are|is|have|has|had|remained|doubled)\b|"
    rf"\b(?:received|receives|got)\s+(?:[\w-]+\s+){{0,3}}?(?:orders|inquiries|enquiries)\b"
)


def tells_period_data(summary: str) -> bool:
    """Whether an event's clause tells how trade went over a period: its subject is orders,
    exports, sales or prices, or someone received orders or inquiries; not when it says
    where the figures come from ("..., according to customs data released this month")."""
    return bool(_DATA_CLAUSE.search(summary)) and "according" not in summary
