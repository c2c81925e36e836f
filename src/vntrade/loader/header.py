"""The lines before an article's body: an inline date field, a title, a byline, the dateline.

Titles are told from body paragraphs by form (short, no closing sentence punctuation,
followed by a longer paragraph), datelines by the agency or place-and-dash that opens them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vntrade.loader.agencies import CREDIT, known_agency
from vntrade.loader.clean import is_edge_junk, is_name_line, is_staff_credit, strip_trailer
from vntrade.loader.published import dateline_value, match_date, only_clock, parse_date
from vntrade.loader.stamps import BYLINE, STAMP_REACH, STAMP_TAIL, WORD, read_stamp

MAX_HEADER_LINES = 8
MAX_TITLE_WORDS = 22
MAX_STANDFIRST_WORDS = 60

_DATE_LABEL = re.compile(
    r"^\s*(?:date(?:\s+published)?|published(?:\s+(?:on|date))?|posted(?:\s+on)?|publish\s+date)"
    r"\s*[:=]?\s*",
    re.IGNORECASE,
)
_UPDATED_LINE = re.compile(
    r"^\s*(?:last\s+)?(?:updated|cập\s+nhật)\s*(?:on)?\s*:?\s*", re.IGNORECASE
)
# A dateline's first word, or two places of a joint report: "HANOI/WASHINGTON".
_PLACE = rf"{WORD}(?:/{WORD})?"
# A line that only says when the page was updated, after a credit or a section's name.
_UPDATE_STAMP = re.compile(
    rf"(?:\(?{CREDIT}\)?\s*[|•·:-]\s*)?(?:last\s+)?(?:updated|modified)\s*(?:on|at)?\s*:?\s*"
    r"(?=.*\d)[\w\s:/.,+()-]{4,40}",
    re.IGNORECASE,
)
_CREDIT_ONLY = re.compile(rf"\(?{CREDIT}\)?\.?")
# "Source: Xinhua", a credit line in the header
_SOURCE_LINE = re.compile(r"^(?:source|from)\s*:\s*(?P<credit>.+)$", re.IGNORECASE)
# The country or state some datelines name after the place ("HANOI, Vietnam (AP) —",
# "WASHINGTON, D.C."), left out of the record's place.
_REGION = r"(?:\s*,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}(?![\w.]*\s*\d))?"
# The date some datelines carry after the place: "Hanoi, April 29 (VNA) -".
_WHEN = (
    r"(?:\s*,\s*(?P<when>(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}[\s/.][A-Za-z\d]{1,9})"
    r"(?:,?\s*\d{4})?))?"
)
# "Hanoi (VNA) -", "Ho Chi Minh City, April 29 (VNA) –", "Washington (Reuters) -"
_AGENCY_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:\s+{WORD}){{0,4}}){_REGION}{_WHEN}"
    rf"\s*(?:\((?P<credit>{CREDIT})\)\s*(?:[-–—:]+\s*|(?=[A-Z\"“]))"  # PTI writes no dash
    rf"|\s+(?P<bare>{CREDIT})\s+[-–—]+\s*)"  # "TOKYO, July 23 Kyodo - ...": no brackets
)
# A dateline alone on its line: "Hanoi, June 4, 2025"
_PLACE_DATE = re.compile(rf"(?P<place>{_PLACE}(?:\s+{WORD}){{0,3}}){_REGION}\s*,\s*(?P<date>.+)")
# CNA style: "HANOI: Vietnam's trade ministry has ..." (a shouted place only)
_COLON_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:\s+{WORD}){{0,3}}){_REGION}{_WHEN}\s*:\s+(?=[\"“‘'\d]|[^\W\d_])"
)
# "VOV.VN -", "VNA -", "THE HANOI TIMES —"
_CREDIT_DATELINE = re.compile(rf"^(?P<credit>{CREDIT})\s*[-–—:]+\s+")
# An outlet's own code in brackets and a dash, known or not: "(CTO) – The US ...", "(VNA) -"
_BRACKET_DATELINE = re.compile(r"^\((?P<code>[A-Z][A-Z0-9.+]{1,9})\)\s*[-–—]+\s+(?=[\"“A-Z])")
# "HÀ NỘI —", "HCM CITY —", or a Title-case place with a long dash, "Ha Noi —"
_PLACE_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:\s+{WORD}){{0,3}}){_REGION}{_WHEN}"
    rf"\s+(?P<dash>[-–—]+)\s+(?=[\"“‘'\d]|[^\W\d_])"
)
_PLACE_CONNECTORS = frozenset({"of", "de", "du", "la", "upon", "on"})
# Capitalised words that open a sentence with a dash but are no place.
_NOT_PLACES = frozenset(
    {
        *("US", "U.S.", "USA", "EU", "UN", "ASEAN", "WTO", "IMF", "WB", "ADB", "APEC", "G7"),
        *("G20", "CPTPP", "EVFTA", "RCEP", "FDI", "GDP", "VAT", "PM", "NA", "MOIT", "USTR"),
        *("NATO", "OPEC", "AI", "VN", "VIETNAM-US", "US-VIETNAM", "UPDATE", "BREAKING"),
        *("EXCLUSIVE", "NOTE", "EDITOR'S", "PHOTO", "PHOTOS", "VIDEO", "SOURCE", "WATCH"),
        *("READ", "ALSO", "OPINION", "ANALYSIS", "COMMENTARY", "FACTBOX", "EXPLAINER"),
        *("INTERVIEW", "UPDATED", "LIVE", "FEATURE", "PODCAST", "BACKGROUND", "FILE"),
    }
)
_KEEP_UPPER = frozenset({"HCM", "TP", "D.C.", "DC", "US", "U.S.", "UK", "UAE", "USA"})
_TITLE_SUFFIX = re.compile(rf"\s+[|–—-]\s+(?P<credit>{CREDIT})(?:\s*\([^()]*\))?$")
_TWO_SENTENCES = re.compile(r"[.!?]\s+[A-Z]")
# A headline may end in "U.S." (headlines drop "the": a sentence says "the U.S.").
_ABBREVIATION_END = re.compile(r"(?<!\bthe)(?<!\bThe)\s(?:[A-Z]\.){2,}$")


@dataclass(slots=True)
class Header:
    """What the header lines said about the article."""

    title: str | None = None
    published: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    agency: str | None = None
    title_agency: str | None = None
    bad_date: str | None = None  # an impossible date in a date field (`2025-02-30`)


def read_header(paragraphs: list[str]) -> tuple[Header, list[str]]:
    """Split the header off `paragraphs`; return it and the body, dateline removed."""
    header = Header()
    body = list(paragraphs)
    for _ in range(MAX_HEADER_LINES):
        if not body:
            break
        first = _take_date_field(header, body[0])
        if not first:
            body.pop(0)
            continue
        body[0] = first
        if _take_furniture(header, first):
            body.pop(0)
        elif header.title is None and looks_like_title(first, _next_text(body[1:])):
            # a headline before a dateline test: "VASEP: shrimp exporters race to ship ..."
            # has no full stop; a paragraph opened by "HANOI:" or "HANOI (VNA) -" has one
            header.title, header.title_agency = _split_title_suffix(body.pop(0))
        elif _dateline(first):
            break
        elif _is_standfirst(first, body[1:]):
            body.pop(0)
        else:
            break
    body = _without_stamps(header, body)
    body = _before_dateline(header, body)
    if body:
        rest = _take_dateline(header, body[0])
        if rest:
            body[0] = rest
        else:
            body.pop(0)
    return header, body


def _before_dateline(header: Header, body: list[str]) -> list[str]:
    """`body` from its dateline paragraph on, when one or two headline-like lines the loop
    did not take stand before it (a site's banner, then the headline: "DONG NAI PROVINCE
    PORTAL | ...", "Dong Nai connects exporters ...", "(DNP) – On June 19, ..."); the last
    of them is the title when the header has none."""
    for at in (1, 2):
        if len(body) <= at or not _dateline(body[at]) or _dateline(body[0]):
            continue
        if all(_headline_like(line) for line in body[:at]):
            if header.title is None:
                header.title, header.title_agency = _split_title_suffix(body[at - 1])
            return body[at:]
    return body


def _headline_like(line: str) -> bool:
    """A short line with no sentence end: a headline or a site's banner."""
    return len(line.split()) <= _HEADLINE_WORDS and not line.rstrip().endswith((".", "!", "?"))


_HEADLINE_WORDS = 20


def _without_stamps(header: Header, body: list[str]) -> list[str]:
    """`body` without the page stamps among its first paragraphs, read into `header`: a
    headline the header did not take may stand before them ("... pangasius", "Posted by:
    Thu Hang | 10:24 | 15/08/2025"), and a stamp's time may trail its date field."""
    kept = [
        paragraph
        for index, paragraph in enumerate(body)
        if index >= STAMP_REACH
        or not (_take_timestamp(header, paragraph) or STAMP_TAIL.fullmatch(paragraph))
    ]
    return kept if kept else body


def looks_like_title(line: str, following: str) -> bool:
    """True when `line` has a headline's form and `following` reads like body text after it."""
    line = strip_trailer(line)[0] or line  # "... said. (Reuters)" is a sentence
    words = line.split()
    abbreviation = bool(_ABBREVIATION_END.search(line))
    closed = line.endswith((".", ":", ";", ",", "…")) and not abbreviation
    if not 2 <= len(words) <= MAX_TITLE_WORDS or closed:
        return False
    if line.endswith(('."', ".”", ".'", ".’")) or _TWO_SENTENCES.search(line):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"):
        return False
    if parse_date(line) or line.islower():
        return False
    if not following:
        return False
    return following.endswith((".", "!", "?", '"', "”", "’")) or len(following.split()) > len(words)


def _next_text(paragraphs: list[str]) -> str:
    """The first of `paragraphs` that is not a header line (a date, a byline), or ""."""
    for paragraph in paragraphs:
        scratch = Header(title="")  # what would follow a title
        rest = _take_date_field(scratch, paragraph)
        if rest and not _take_furniture(scratch, rest):
            return rest
    return ""


def _is_standfirst(line: str, following: list[str]) -> bool:
    """True for a summary line between the title and a dateline (which opens the body)."""
    if len(line.split()) > MAX_STANDFIRST_WORDS or _dateline(line):
        return False
    return _dateline(_next_text(following)) is not None


def _take_furniture(header: Header, line: str) -> bool:
    """True for a header line that is no text: a byline, a credit, a timestamp, junk; what
    it says goes to `header`."""
    if _take_credit(header, line) or _take_timestamp(header, line):
        return True
    if _UPDATE_STAMP.fullmatch(line):  # "PTI | Updated: Aug 7, 2025, 12:45 IST": not published
        return True
    if STAMP_TAIL.fullmatch(line):  # what a date field left: "at 04:00 | SECTION: Business"
        return True
    if _menu_line(line):  # "Industry | Steel", "DAILY | E-paper | Subscribe | Sign in"
        return True
    if _take_place_date(header, line):
        return True
    if BYLINE.match(line):  # "By VnEconomy" credits an outlet, "By Vân Nguyễn" a writer
        header.agency = header.agency or known_agency(line.split(None, 1)[1])
        return True
    if header.title is not None and is_name_line(line):  # a writer's name under the title
        return True
    return is_edge_junk(line) or is_staff_credit(line)


_MENU_SEPARATOR = re.compile(r"\s+[|›»>]\s+")


def _menu_line(line: str) -> bool:
    """A site's menu or breadcrumb: short labels between bars ("Industry | Steel"); at least
    three, or two of at most two words that name no outlet ("Trade talks | VnExpress" is a
    title with its site)."""
    labels = _MENU_SEPARATOR.split(line.strip())
    if len(labels) < 2 or any(
        not label or len(label.split()) > 3 or label.endswith((".", "!", "?")) for label in labels
    ):
        return False
    if len(labels) >= 3:
        return True
    return all(len(label.split()) <= 2 and not known_agency(label) for label in labels)


def _take_credit(header: Header, line: str) -> bool:
    """True for a header line that only credits an outlet ("VnEconomy", "Source: Xinhua");
    the outlet goes to `header` unless a dateline names one."""
    source = _SOURCE_LINE.match(line)
    credit = source["credit"] if source else line
    agency = known_agency(credit) if _CREDIT_ONLY.fullmatch(credit) else None
    if agency is None:
        return False
    header.agency = header.agency or agency
    return True


def _take_place_date(header: Header, line: str) -> bool:
    """True for a dateline on a line of its own: "Hanoi, June 4, 2025"."""
    match = _PLACE_DATE.fullmatch(line)
    if match is None or not _is_place(match["place"]):
        return False
    found = parse_date(match["date"])
    if found is None:
        return False
    header.dateline = header.dateline or _fold_place(match["place"])
    header.dateline_date = header.dateline_date or found
    return True


def _take_timestamp(header: Header, line: str) -> bool:
    """True for a byline or timestamp line with a date ("(Xinhua) 09:30, June 4, 2025",
    "By Vân Nguyễn | February 2, 2025"); its date and credit go to `header`."""
    found = read_stamp(line)
    if found is None:
        return False
    header.published = header.published or found[0]
    header.agency = header.agency or found[1]
    return True


def split_date_field(paragraph: str) -> list[str]:
    """A paragraph opening with a date field (" date 2025-05-14 PM Chinh at ... Photo: VNA")
    as two: the field, and the rest."""
    label = _DATE_LABEL.match(paragraph)
    found = match_date(paragraph, label.end()) if label else None
    if found is None or not paragraph[found[1] :].strip():
        return [paragraph]
    return [paragraph[: found[1]].strip(), paragraph[found[1] :].strip()]


def _take_date_field(header: Header, line: str) -> str:
    """`line` without a leading date field (" date 2025-04-25 ", a date-only line), noted."""
    label = _DATE_LABEL.match(line)
    if label:
        found = match_date(line, label.end())
        if found:
            iso, end = found
            if iso is None:
                header.bad_date = header.bad_date or line[label.end() : end].strip(" |,")
            header.published = header.published or iso
            rest = line[end:].strip()
            return "" if only_clock(rest) else rest
    iso = parse_date(line)
    if iso:
        header.published = header.published or iso
        return ""
    updated = _UPDATED_LINE.match(line)
    if updated and updated.end() < len(line) and parse_date(line[updated.end() :]):
        return ""
    return line


def _dateline(line: str) -> tuple[str | None, str | None, str | None, int] | None:
    """The (place, agency, date value, end) of a dateline opening `line`, or None."""
    match = _AGENCY_DATELINE.match(line)
    credit = match and (match["credit"] or match["bare"])
    if match and credit and known_agency(credit) and _is_place(match["place"]):
        place, agency = _fold_place(match["place"]), known_agency(credit)
        return place, agency, _when(match), match.end()
    match = _CREDIT_DATELINE.match(line)
    if match and known_agency(match["credit"]):
        return None, known_agency(match["credit"]), None, match.end()
    match = _BRACKET_DATELINE.match(line)
    if match and match["code"] not in _NOT_PLACES:
        return None, known_agency(match["code"]) or match["code"], None, match.end()
    match = _COLON_DATELINE.match(line)
    if match and _is_place(match["place"]) and _shouted_place(match["place"]):
        return _fold_place(match["place"]), None, _when(match), match.end()
    match = _PLACE_DATELINE.match(line)
    if match and _is_place(match["place"]):
        place = match["place"]
        rest = line[match.end() :]
        spoken = place.upper() != place and match["dash"] in "–—" and rest[0].isupper()
        if _shouted_place(place) or (spoken and not known_agency(place)):
            return _fold_place(place), None, _when(match), match.end()
    return None


def _shouted_place(place: str) -> bool:
    """True for a place in capitals ("HÀ NỘI"); a short ASCII word ("MOF") is far likelier
    an acronym, and labels ("UPDATE", "EDITOR'S NOTE") are no places."""
    short_acronym = " " not in place and len(place) < 4 and place.isascii()
    labels = place in _NOT_PLACES or any(word in _NOT_PLACES for word in place.split())
    return place.upper() == place and not labels and not short_acronym


def _when(match: re.Match[str]) -> str | None:
    return dateline_value(match["when"]) if match["when"] else None


def _take_dateline(header: Header, line: str) -> str:
    """`line` without its dateline; the place, agency and date go to `header`."""
    found = _dateline(line)
    if not found:
        return line
    place, agency, when, end = found
    header.dateline = place or header.dateline
    header.dateline_date = when or header.dateline_date
    header.agency = agency or header.agency
    return line[end:].strip()


def _is_place(place: str) -> bool:
    words = place.split()
    return words[0][0].isupper() and all(
        word[0].isupper() or word in _PLACE_CONNECTORS for word in words
    )


def _fold_place(place: str) -> str:
    """A shouted place in Title case ("HÀ NỘI" -> "Hà Nội"); other spellings kept as written."""
    if place.upper() != place:
        return place
    words = place.split()
    return " ".join(
        word if word in _KEEP_UPPER else re.sub(r"[^\W\d_]+", _capitalize, word) for word in words
    )


def _capitalize(match: re.Match[str]) -> str:
    return match[0].capitalize()


def _split_title_suffix(title: str) -> tuple[str, str | None]:
    """A title without a site suffix ("... | VOV.VN"), and the agency the suffix names."""
    match = _TITLE_SUFFIX.search(title)
    if match and known_agency(match["credit"]):
        return title[: match.start()].rstrip(), known_agency(match["credit"])
    return title, None
