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

from vntrade.nlp.events.arguments import PREDICATE, subjects
from vntrade.nlp.events.which_dates import COARSE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
    r"profits?|output|demand|turnover|volumes?|bookings|trade|throughput|surplus|deficit)"
)
# The clause opens with trade data as its subject (capitalised words or a determiner before
# it, no verb, after a word set off by a comma: "Overall, exports ..."), or someone received
# orders or inquiries.
_DATA_CLAUSE = re.compile(
    r"^(?:[A-Z][a-z]+,\s+)?"
    rf"(?:(?:The|Its|Their|Our|[A-Z][\w'’.&-]*|two-way)\s+){{0,3}}?(?:[a-z]+\s+){{0,2}}?"
    rf"{_TRADE_DATA}\b"
    r"(?:\s+(?:from|to|of|for|in|between|with)\s+[^,;]{0,40}?)?\s+(?:\w+ly\s+)?"
    r"(?:rose|fell|grew|jumped|surged|dropped|decreased|increased|declined|slowed|slumped|"
    r"climbed|reached|hit|totall?ed|stood|were|was|are|is|have|has|had|remained|doubled)\b|"
    rf"\b(?:received|receives|got)\s+(?:[\w-]+\s+){{0,3}}?(?:orders|inquiries|enquiries)\b"
)


# Money collected or paid in duties over a period ("collected $159 billion in tariff
# revenue through July", "importers have paid more than $89 billion in tariffs").
_COLLECTED = re.compile(
    r"\b(?:collected|paid|raised)\s+(?:(?:more\s+than|about|nearly|some|around|almost|over)\s+)?"
    r"(?:US)?\$?\s?[\d.,]+\s*(?:billion|million|trillion|bn)?(?:\s+(?:USD|dollars|dong))?\s+"
    r"(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?:tariffs?|duties|revenues?|taxes)\b",
    re.IGNORECASE,
)


def tells_period_data(summary: str) -> bool:
    """Whether an event's clause tells how trade went over a period: its subject is orders,
    exports, sales, prices or trade, or someone received orders or inquiries; not when it
    says where the figures come from ("..., according to customs data released this
    month")."""
    return bool(_DATA_CLAUSE.search(summary)) and "according" not in summary


_WEAK = ("report", "briefing", "deadline")  # what a market move is told as
_DATED_ACTS = ("deadline", "tariff measure")  # "surged despite the tariff imposed in August"
# The words a page's time stamp is made of besides numbers: days, months, clock and zone.
_STAMP_WORD = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov"
    r"|Dec)[a-z]*\.?|Thứ\s+\w+|Chủ\s+nhật|at|[AP]M|GMT|UTC|ICT|WIB|WITA|IST|SGT|KST|JST|HKT|PHT"
    r"|MYT|EST|EDT|PST|PDT|CET|CEST|BST|Updated?|Published|Posted)"
)
_PAGE_STAMP = re.compile(  # "Updated: 09:12", "Thứ Sáu, 12/09/2025 - 16:45", "PTI | Updated:
    # Aug 7, 2025, 12:45 IST", "Wednesday, 16 July 2025 10:42 WIB", "October 27 at 7:32 AM GMT+8"
    r"^[|•·\s]*(?:[A-Z]{2,8}\s*\|\s*)?"
    r"(?:(?:Updated?|Last\s+updated|Posted|Published|Modified|Created|Cập\s+nhật)"
    r"(?:\s+on|\s+at)?\s*[:|]?\s*"
    r"|(?=.*(?:\d:\d\d|\d/\d))|(?=[^a-z]*$))"  # a prefix, a clock or a numeric date
    rf"(?=.*\d)(?:[\d:/.,|()+\s-]|{_STAMP_WORD}\b)+$",
    re.IGNORECASE,
)


# What a market quotes: the head (or a compound) of a price move's subject.
_QUOTED = frozenset((
    "share", "shares", "stock", "stocks", "equities", "index", "indices", "indexes", "markets",
    "bourse", "bourses", "futures", "price",
    "prices", "yield", "yields", "bond", "bonds", "currency", "dong", "dollar", "greenback",
    "yuan", "renminbi", "ringgit", "baht", "rupiah", "peso", "yen", "won", "rupee", "sensex",
    "nifty", "kospi", "nikkei", "nasdaq", "dow", "s&p", "vn-index", "vnindex", "hnx-index",
    "đồng", "euro", "pound", "sterling", "franc",
))  # fmt: skip
_QUOTED_RATES = frozenset(
    ("freight", "exchange", "interest", "spot", "lending", "deposit", "reference", "central")
)
# A price's move or level, as a verb; and the verbs of a quoted price ("was offered at $355").
_MOVES = frozenset((
    "rose", "rise", "rises", "risen", "rising", "fell", "fall", "falls", "fallen", "falling",
    "gained", "gains", "gaining", "lost", "loses", "losing", "closed", "close", "closes",
    "ended", "ends", "finished", "tumbled", "tumbles", "plunged", "plunges", "jumped", "jumps",
    "slipped", "slips", "dropped", "drops", "climbed", "climbs", "rallied", "rallies",
    "surged", "surges", "sank", "sinks", "slid", "slides", "edged", "edges", "eased", "eases",
    "advanced", "advances", "declined", "declines", "soared", "soars", "slumped", "slumps",
    "rebounded", "rebounds", "recovered", "weakened", "weakens", "strengthened",
    "strengthens", "stood", "stands", "hovered", "hovers", "dipped", "dips", "retreated",
    "retreats", "traded", "trades", "hit", "hits", "touched", "plummeted", "spiked", "firmed",
    "fixed", "steadied", "changed",
))  # fmt: skip
# A price that stays where it was: "the dong was little changed", "the dollar was steady".
_COPULAS = frozenset(("was", "were", "is", "are", "stayed", "remained", "held"))
_LEVELS = frozenset(("steady", "unchanged", "changed", "flat", "firm", "stable", "weaker",
                     "stronger", "higher", "lower"))  # fmt: skip
_QUOTES = frozenset(("offered", "quoted", "priced", "traded", "sold"))


def moves_a_market(doc: Doc, start: int, end: int) -> bool:
    """Whether the date at `start:end` of `doc` dates a price's move or level: the verb it
    belongs to tells how shares, an index, futures, prices, a currency or a freight or
    exchange rate moved or stood ("Textile shares jumped 7% on Thursday", "Robusta prices
    stood at 118,000 VND per kg on Monday"), or quotes a good at a price ("5% broken rice was
    offered at $355 a tonne on Wednesday"); not when another verb governs the date ("the US
    cut tariffs on Thursday, sending shares up"), nor when it names its source ("according
    to data from the Vietnam Food Association"): then the data's release is the event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = span.root if span is not None and len(span) else None
    for _ in range(12):
        if verb is None or verb.pos_ in PREDICATE:
            break
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None or verb.pos_ not in PREDICATE or _sourced(verb):
        return False
    if verb.lower_ in _QUOTES and any(c.dep_ == "auxpass" for c in verb.children):
        return any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)
    steady = verb.lower_ in _COPULAS and any(
        c.dep_ == "acomp" and c.lower_ in _LEVELS for c in verb.children
    )
    moved = verb.lower_ in _MOVES or steady
    return moved and any(map(_quoted, subjects(verb, relative=False)))


def _sourced(verb: Token) -> bool:
    return any(token.lower_ == "according" for token in verb.subtree)


def _quoted(subject: Token) -> bool:
    words = [c.lower_ for c in subject.children if c.dep_ in ("compound", "amod", "nmod")]
    if subject.lower_ in ("rate", "rates"):
        return any(word in _QUOTED_RATES for word in words)
    return subject.lower_ in _QUOTED or any(word in _QUOTED for word in words)


def tells_no_happening(event: Event) -> bool:
    """Whether a dated event is only a market move, how a period's trade went or the page's
    own stamp (see the module)."""
    coarse = event.precision in (*COARSE, "month")
    if coarse and event.kind not in _DATED_ACTS and tells_period_data(event.summary):
        return True  # "orders fell 20% in the third quarter": data of a period
    if coarse and _COLLECTED.search(event.summary):
        return True  # "collected $159 billion in tariffs through July": revenue of a period
    if event.kind in _WEAK and is_market_move(event.summary):
        return True  # "VHC shares fell 1.5% on Tuesday": prices, not a happening
    return bool(_PAGE_STAMP.match(event.sentence.strip()))
