"""Page stamps: bylines and time stamps with a date ("By Vân Nguyễn | February 2, 2025",
"(Xinhua) 09:30, June 4, 2025", "PUBLISHED : 8 Aug 2025 at 04:00 | NEWSPAPER SECTION:
Business", "Posted by: Thu Hang | 10:24 | 15/08/2025", "Posted: 20/06/2025 08:30 | Views:
1,245"), read for the publication date and the credit they give."""

from __future__ import annotations

import re

from vntrade.loader.agencies import CREDIT, known_agency
from vntrade.loader.clean import is_name_line
from vntrade.loader.published import parse_date

MAX_STAMP_WORDS = 16
WORD = r"[^\W\d_][\w.'’-]*"
BYLINE = re.compile(
    r"^(?:(?:story|written|reported|text|posted)\s+)?by\s*:?\s+[^\W\d_][\w.'’-]*"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,5}$",
    re.IGNORECASE,
)
# A stamp's label before its date ("PUBLISHED : 8 Aug 2025 at 04:00", "Posted: 15/08/2025"),
# and a label naming no date beside it ("NEWSPAPER SECTION: Business", "Category: Trade").
_STAMP_LABEL = re.compile(r"^(?:published|posted|date)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)
_NAMED_FIELD = re.compile(r"^[A-Za-z][A-Za-z ]{1,30}:\s*[^\d:]{1,40}$")
# A page's counter beside its stamp: "Views: 1,245", "Comments: 3", "12 views".
_COUNTER = re.compile(
    r"^(?:(?:views?|comments?|likes?|shares?|reads?|hits?)\s*:?\s*[\d.,]+|[\d.,]+\s+"
    r"(?:views?|comments?|likes?|shares?|reads?))$",
    re.IGNORECASE,
)
# The parts of a byline or timestamp line: "By Vân Nguyễn | February 2, 2025 | 08:05".
_STAMP_SEPARATORS = re.compile(r"\s*(?:[|•·]|\s[-–—]\s)\s*")
# A credit opening a timestamp line: "(Xinhua) 09:30, June 4, 2025", "Xinhua) 09:30 ...".
_STAMP_CREDIT = re.compile(rf"^\(?(?P<credit>{CREDIT})\)\s*[,:]?\s*")
_BYLINE_COMMA = re.compile(rf"^by\s+{WORD}(?:\s+{WORD}){{0,5}}\s*,\s*", re.IGNORECASE)
# "... 09:30AM (Updated: 04 Jun 2025 10:00AM)", "... GMT+7 Updated 2 hours ago"
_UPDATED_TAIL = re.compile(r"\s*[(\[|]?\s*(?:last\s+)?updated\b.*$", re.IGNORECASE)
_SECTION = re.compile(r"[A-Z][a-z]{2,15}\s+(?=\d)")
# A page stamp may stand among the first paragraphs of a body, after a headline the header
# did not take.
STAMP_REACH = 3
# What a date field leaves of a stamp: "at 04:00 | NEWSPAPER SECTION: Business".
STAMP_TAIL = re.compile(
    r"(?:at\s+)?\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?"
    r"(?:\s*[|•·]\s*[A-Za-z][A-Za-z ]{1,30}:\s*[^\d|]{1,40})*"
)


def read_stamp(line: str) -> tuple[str, str | None] | None:
    """The date and credit of a byline or timestamp line ("(Xinhua) 09:30, June 4, 2025",
    "By Vân Nguyễn | February 2, 2025", "Posted by: Thu Hang | 10:24 | 15/08/2025"); None for
    a line that is none."""
    if len(line.split()) > MAX_STAMP_WORDS:
        return None
    line = _UPDATED_TAIL.sub("", line) or line
    credit = None
    stamp = _STAMP_CREDIT.match(line)
    if stamp and known_agency(stamp["credit"]):
        credit, line = known_agency(stamp["credit"]), line[stamp.end() :]
    byline = _BYLINE_COMMA.match(line)  # "By Vân Nguyễn, February 2, 2025"
    line = line[byline.end() :] if byline else line
    rest = []
    for piece in _STAMP_SEPARATORS.split(line):
        piece = _STAMP_LABEL.sub("", piece)
        if known_agency(piece):
            credit = credit or known_agency(piece)
        elif not (
            BYLINE.match(piece)
            or is_name_line(piece)
            or _NAMED_FIELD.match(piece)
            or _COUNTER.match(piece)
        ):
            rest.append(piece)
    published = parse_date(" | ".join(rest)) if rest else None
    section = _SECTION.match(line) if published is None else None
    if section:  # "Business 17/11/2025 10:25 GMT+7": a section's name before the stamp
        published = parse_date(line[section.end() :])
    return None if published is None else (published, credit)
