"""What a dated sentence tells that is no event. A trade analyst's timeline holds what states,
firms and people did and the data they released, not the day's prices of shares and
currencies, which news of a deal often adds ("the benchmark VN-Index fell 7%", "VHC shares
closed 2% higher", "the rupiah was little changed"); nor how a month's or a quarter's
business went ("orders from US partners fell 20% in the third quarter", "members received
inquiries for shipments in December"): that is data, whose release is the event. Nor a
page's own stamp ("Updated: 09:12", "Thursday, 21/08/2025 14:32", "Cập nhật: 16:40")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.events.which_dates import COARSE

if TYPE_CHECKING:
    from vntrade.records import Event

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
    rf"^(?:(?!(?:said|says|told|that)\b)[\w'’.&-]+\s+){{0,4}}?{_INSTRUMENT}\b"
    rf"(?:\s+[\w'’.&-]+){{0,5}}?\s+{_MOVE}\b",
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


_WEAK = ("report", "briefing", "deadline")  # what a market move is told as
_DATED_ACTS = ("deadline", "tariff measure")  # "surged despite the tariff imposed in August"
_PAGE_STAMP = re.compile(  # "Updated: 09:12", "Thursday, 21/08/2025 14:32", "03/07 08:45"
    r"^[|•·\s]*(?:(?:Updated|Last\s+updated|Posted|Published|Modified|Created|Cập\s+nhật)"
    r"(?:\s+on|\s+at)?\s*[:|]?\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\s*,?\s*)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?"
    r"(?=[^a-z]*\d)[\d:/.,|\s-]*"
    r"(?:[AP]M|GMT\s*[+-]?\d*|ICT|\(GMT\s*[+-]\d+\))?\s*$",
    re.IGNORECASE,
)


def tells_no_happening(event: Event) -> bool:
    """Whether a dated event is only a market move, how a period's trade went or the page's
    own stamp (see the module)."""
    coarse = event.precision in (*COARSE, "month")
    if coarse and event.kind not in _DATED_ACTS and tells_period_data(event.summary):
        return True  # "orders fell 20% in the third quarter": data of a period
    if event.kind in _WEAK and is_market_move(event.summary):
        return True  # "VHC shares fell 1.5% on Tuesday": prices, not a happening
    return bool(_PAGE_STAMP.match(event.sentence.strip()))
