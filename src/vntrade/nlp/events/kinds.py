"""What kind of event a dated sentence reports, from the trigger words nearest its date."""

from __future__ import annotations

import re

_TARIFF = r"(?:tariffs?|duties|duty|levies|levy)"
_PACT = r"(?:agreements?|deals?|memorand(?:um|a)|MoUs?|contracts?|accords?|treaty|treaties)"
_ANY = r"(?:\S+\s+)"
_TRIGGER_TABLE = (
    ("call", r"(?:phone|telephone|video|online|virtual)\s+(?:talks?|calls?|conversations?|"
     r"conference|meeting)|phoned|spoke\s+(?:by|over\s+the)\s+(?:tele)?phone"),
    ("decision", r"(?:issu|sign|approv|adopt|promulgat|enact)\w*\s+" + _ANY + r"{0,4}?"
     r"(?:decrees?|resolutions?|decisions?|directives?|dispatch(?:es)?|circulars?|laws?)"),
    ("tariff measure", _TARIFF + r"\b[^.;]{0,60}?\b(?:take|takes|took|taking|go|goes|went|"
     r"come|comes|came)\s+(?:into\s+)?effect"),
    ("tariff measure", r"(?:impos|levi|slap|rais|hik|suspend|paus|postpon|delay|exempt|lift|"
     r"cut|reduc|lower)\w*\s+" + _ANY + r"{0,4}?" + _TARIFF),
    ("tariff measure", _TARIFF + r"\s+" + _ANY + r"{0,3}?(?:were\s+|was\s+|are\s+|is\s+)?"
     r"(?:imposed|levied|raised|suspended|paused|cut|reduced|lowered|effective)"),
    ("tariff measure", r"\d+(?:\.\d+)?\s*(?:%|per\s?cent)\s+" + _ANY + r"{0,2}" + _TARIFF
     + r"|pause\s+on\s+" + _ANY + r"{0,2}" + _TARIFF),
    # A pact counts when it is signed or reached, not when it is only discussed.
    ("agreement", r"(?:sign|ink|conclud|reach|finali[sz]|seal|strik|struck)\w*\s+" + _ANY
     + r"{0,5}?" + _PACT + r"|" + _PACT + r"\b[^.;]{0,120}?\b(?:were|was|have\s+been|has\s+been|"
     r"had\s+been|are|is|be)\s+(?:signed|inked|concluded|reached|sealed|finali[sz]ed)|signed|"
     r"signing|inked"),
    ("negotiation", r"rounds?\s+of\s+(?:\w+\s+)?(?:negotiations?|talks)|negotiat\w*\s+"
     r"(?:rounds?|sessions?)|(?:held|hold|holds|began|begin|begins|started|opened|concluded|"
     r"resumed|continued)\s+" + _ANY + r"{0,2}?(?:negotiations?|talks)"),
    ("visit", r"visits?|visited|visiting|trips?|tour|arriv(?:ed|es|ing)|landed|"
     r"travel(?:led|ed|s|ling|ing)?"),
    ("meeting", r"meetings?|met|meets?|chair(?:ed|s|ing)?|co-chair\w*|receiv(?:ed|es)|"
     r"receptions?|talks|conferences?|summits?|sessions?|dialogues?|forums?|roundtables?|"
     r"host(?:ed|s)|hearings?"),
    ("briefing", r"(?:press|news)\s+(?:briefing|conference)|briefing|told\s+(?:the\s+)?"
     r"(?:press|reporters|journalists|media)|said|says|stated|told"),
    ("announcement", r"announc\w*|declar(?:ed|es)|unveil\w*|indicat(?:ed|es)|publish(?:ed|es)|"
     r"releas(?:ed|es)|launch(?:ed|es)"),
)  # fmt: skip
# (kind, pattern), most specific first: at equal distance from the date, the earlier wins.
TRIGGERS = tuple(
    (kind, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for kind, pattern in _TRIGGER_TABLE
)
KINDS = ("meeting", "call", "visit", "negotiation", "agreement", "tariff measure", "decision",
         "briefing", "announcement", "deadline", "report")  # fmt: skip
# The verb that dates an event mostly comes before the date ("met X on May 5"); a trigger
# after it is often the topic ("met X on May 5 to discuss the agreement"), so counts farther.
AFTER_DATE_WEIGHT = 2


def choose_kind(
    text: str, sentence: tuple[int, int], clause: tuple[int, int], date: tuple[int, int]
) -> tuple[str, str | None]:
    """The kind of the trigger nearest the date, and the trigger's words, looking in its
    clause first, then the sentence ("report" and None when none is found)."""
    for start, end in (clause, sentence):
        best: tuple[int, int, str, str] | None = None
        for priority, (kind, pattern) in enumerate(TRIGGERS):
            for match in pattern.finditer(text, start, end):
                before = date[0] - match.end()
                after = (match.start() - date[1]) * AFTER_DATE_WEIGHT
                score = (max(0, before, after), priority)
                if best is None or score < best[:2]:
                    best = (*score, kind, match.group())
        if best:
            return best[2], best[3]
    return "report", None


def trigger_kinds() -> list[str]:
    """The kinds of the trigger table, most specific first."""
    return list(dict.fromkeys(name for name, _ in _TRIGGER_TABLE))
