"""Cleaning article text: Unicode and whitespace, paragraphs, and what scrapers leave around them.

Everything here works on plain strings and knows nothing of files or records; `article.py`
puts the steps together.
"""

from __future__ import annotations

import html
import re
import unicodedata

from vntrade.loader.agencies import CREDIT, known_agency

# Only complete references ending in ";": "R&D" and "M&A" stay as they are.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Combining marks with no letter to sit on (after a space, a bracket, or at a line start):
# left in place they would be glued onto whatever follows.
_STRAY_MARKS = re.compile(rf"(?<![\w{_MARKS}])[{_MARKS}]+")
_FIELD_START = re.compile(r"(?:date|published|posted|updated)\b\s*[:=]?\s*\d", re.IGNORECASE)
_SENTENCE_END = tuple('.!?:;"”’)…')

# Page furniture that is never article text, compared lower-cased without edge punctuation.
_UI_JUNK = frozenset(
    {
        *("mask", "back to top", "to top", "top", "advertisement", "ads", "print", "share"),
        *("print article", "share this article", "email", "e-mail", "comments", "comment"),
        *("read more", "see more", "view more", "more", "related news", "related articles"),
        *("related", "more news", "latest news", "most read", "tags", "keywords", "facebook"),
        *("twitter", "zalo", "linkedin", "copy link", "close", "menu", "search", "home"),
        *("skip to content", "skip to main content", "listen", "font size", "subscribe"),
        *("previous", "next", "loading", "loading...", "purchase licensing rights"),
        *(
            "suggested topics",
            "opens new tab",
            "sign up here",
            "advertisement · scroll to continue",
        ),
    }
)
_JUNK_LINE = re.compile(
    r"^(?:home\s*[>»/|›]|(?:tags?|keywords|related(?: news| articles)?|read more)\s*:"
    r"|©|\(c\)\s|copyright\b|all rights reserved|our standards:"
    r"|(?:sign up|subscribe|follow us|download (?:our|the) app)\b[^.]{0,80}[.:!]?$"
    r"|(?:we|this (?:site|website)) uses? cookies\b)",
    re.IGNORECASE,
)
_EDGE_CHARS = " :|•·>»«<-–—*#"

_CAPTION_WORDS = ("photo", "image", "picture", "graphic", "video", "caption")
_CAPTION = re.compile(
    r"""(?:__|[(\[]|^|(?<=[.!?"”])\s+|\s[-–—]\s*)
        (?:(?:file|illustrative|illustration|archive|archival)\s+)?
        (?:photos?|images?|pictures?|graphics?|infographics?|video)
        \s*(?::|\bby\b|\bcourtesy(?:\s+of)?\b|\bsource\s*:)\s*
        (?P<credit>[^()\[\]\n]{1,80}?)\s*[)\]]?\s*\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
# A caption that opens with its credit: "Photo: VNA/Doan Tan - The PM at the meeting".
_CAPTION_START = re.compile(
    r"^[(\[]?(?:(?:file|illustrative|illustration)\s+)?(?:photos?|images?|caption)\s*:\s*"
    r"(?P<credit>[^\s,;]+)",
    re.IGNORECASE,
)
# VNS style: "... at the meeting. — VNA/VNS Photo Nhật Bắc".
_AGENCY_PHOTO = re.compile(
    rf"""(?:^|(?<=[.!?"”])\s+|\s[-–—]\s*)\(?(?P<credit>{CREDIT})\s+(?i:photos?)
        (?:\s*:)?(?:\s+[^\W\d_a-z][\w.'’-]*){{0,4}}\s*\)?\.?$""",
    re.VERBOSE,
)
# "Photo from Reuters": only with a known agency, as "photos from the summit" is a sentence.
_PHOTO_FROM = re.compile(
    rf"(?:^|(?<=[.!?\"”])\s+|[(\[])(?i:photos?|images?|pictures?)\s+(?i:from)\s+"
    rf"(?P<credit>{CREDIT})\s*[)\]]?\s*\.?$"
)
# A wire photo credit closing a caption: "... (AP Photo/Hau Dinh)", "... Xinhua/Hu Jingchen".
_SLASH_CREDIT = re.compile(
    r"""(?:^|(?<=[.!?"”])\s+)\(?(?P<credit>[A-Z][\w.&+]{1,15})(?:\s+(?i:photo))?
        /(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})\)?\.?$""",
    re.VERBOSE,
)
# Staff credits of wire copy, a paragraph or a bracket at the end of one: "Reporting by
# Khanh Vu; Editing by Ed Davies", "(Writing by ...)". Their names are never actors.
_STAFF_ROLES = (
    r"(?:additional\s+)?(?:reporting|writing|written|editing|edited|compiled|translated"
    r"|story|text|photos?|video|graphics?|produced|prepared)"
)
_STAFF_LINE = re.compile(
    rf"""^\(?(?:(?:{_STAFF_ROLES}\s+)?by\b[^().]*(?:\)\.?)?
        |(?:editors?|(?:responsible|web)\s+editor)\s*:\s*[^.]*
        |[^.]{{0,80}}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story)\.?)$""",
    re.IGNORECASE | re.VERBOSE,
)
_STAFF_BRACKET = re.compile(rf"\s*\(\s*{_STAFF_ROLES}\s+by\b[^()]*\)\.?$", re.IGNORECASE)
# A name alone on a line: two to five capitalised words.
_NAME_LINE = re.compile(r"[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_a-z][\w.'’-]*){1,4}")
# Lone headings of the link lists sites put under (or inside) an article.
_LINK_LIST_HEADINGS = frozenset(
    {
        *("related news", "related articles", "related stories", "related", "read more"),
        *("read also", "also read", "see also", "more news", "more stories", "latest news"),
        *("most read", "you may also like", "recommended", "trending", "more on this story"),
    }
)
_LINK_MAX_WORDS = 25
_END_MARK = re.compile(r"\s*(\.?)(?:/\.|\s+(?i:enditem))$")  # VNA's "./.", Xinhua's "Enditem"
_SOURCE = r"(?:(?i:source)\s*:\s*)?"
# Each trailer with what a paragraph must hold for it to match (None: anything): these
# searches, tried at every position, are slow, and most paragraphs end in a plain sentence.
_TRAILERS = (
    (
        "dash",
        re.compile(
            rf"(?:^|(?<=[\s.!?\"”’)]))[-–—]+\s*\(?\s*{_SOURCE}(?P<credit>{CREDIT})\s*\)?\s*\.?$"
        ),
    ),
    ("bracket", re.compile(rf"\s*\(\s*{_SOURCE}(?P<credit>{CREDIT})\s*\)\s*\.?$")),
    # "Source: Reuters", "Source: AFP/ec" (CNA adds its editor's initials)
    (
        "colon",
        re.compile(
            rf"(?:^|(?<=[\s.!?\"”’]))(?i:source)\s*:\s*(?P<credit>{CREDIT})(?:/[a-z]{{1,4}})?\s*\.?$"
        ),
    ),
    (None, re.compile(rf"^\s*(?P<credit>{CREDIT})\s*\.?$")),
    ("capital", re.compile(rf"(?<=[.!?\"”’])\s+(?P<credit>{CREDIT})\s*$")),  # "... rose. VNA/VNS"
)


def normalize(raw: str) -> str:
    """NFC text with `\\n` line breaks, no invisible or control characters, no stray marks.

    HTML character references left by scrapers ("&amp;", "&#8217;") are decoded too.
    """
    text = _ENTITY.sub(lambda match: html.unescape(match[0]), raw) if "&" in raw else raw
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return _STRAY_MARKS.sub("", text)


def clean_inline(value: str) -> str:
    """One line of text (a title, a field): normalised, whitespace collapsed."""
    return " ".join(_SPACES.sub(" ", normalize(value)).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text: blank lines and ends of full lines separate them.

    A line broken in mid-sentence (no final punctuation, the next line starts in lower case)
    is a hard wrap and is joined back to the next.
    """
    paragraphs: list[str] = []
    open_paragraph = False
    for raw_line in text.split("\n"):
        line = _SPACES.sub(" ", raw_line).strip()
        if not line:
            open_paragraph = False
        elif open_paragraph and _continues(paragraphs[-1], line):
            joiner = "" if paragraphs[-1].endswith("-") else " "
            paragraphs[-1] += joiner + line
        else:
            paragraphs.append(line)
            open_paragraph = True
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """True when `line` goes on with `previous`, broken mid-sentence (but no " date ..." field)."""
    return (
        not previous.endswith(_SENTENCE_END) and line[0].islower() and not _FIELD_START.match(line)
    )


def is_ui_junk(paragraph: str) -> bool:
    """True for page furniture: "mask", "back to top", breadcrumbs, tag lists, copyright, a
    bar of share buttons ("Share · Tweet · Email"), a relative stamp ("Updated 2 hours ago")."""
    key = paragraph.strip(_EDGE_CHARS).lower()
    if key in _UI_JUNK or bool(_JUNK_LINE.match(paragraph)) or not any(map(str.isalnum, key)):
        return True
    buttons = [word for word in _BUTTON_SEPARATORS.split(key) if word]
    return (bool(buttons) and set(buttons) <= _SHARE_BUTTONS) or bool(_AGO.fullmatch(key))


_BUTTON_SEPARATORS = re.compile(r"[\s·•|/,]+")
_SHARE_BUTTONS = frozenset(
    {"share", "tweet", "email", "e-mail", "print", "facebook", "twitter", "x", "zalo"}
    | {"linkedin", "whatsapp", "telegram", "pinterest", "reddit", "copy", "link", "save"}
)
_AGO = re.compile(
    r"(?:(?:last\s+)?updated|posted|published)?\s*:?\s*\d+\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago"
)


def is_edge_junk(paragraph: str) -> bool:
    """True for what is junk at the start or end of an article: furniture or a lone word label."""
    lone_word = " " not in paragraph and not paragraph.endswith((".", "!", "?", '"', "”"))
    return lone_word or is_ui_junk(paragraph)


def caption_credit(paragraph: str) -> str | None:
    """The credit of a photo caption ("...__Photo: VNA", "(Photo: VNA)"), or None if no caption.

    Returns "" for a caption whose credit names no known agency.
    """
    lowered = paragraph.lower()
    if "/" in paragraph and (credit := _photographer_credit(paragraph)):
        return credit
    if not any(word in lowered for word in _CAPTION_WORDS):
        return None  # the regexes below are slow; most paragraphs have none of these words
    match = _CAPTION.search(paragraph)
    if match and len(match["credit"].split()) <= 8:
        return known_agency(match["credit"]) or ""
    match = _CAPTION_START.match(paragraph)
    if match:
        return known_agency(match["credit"]) or ""
    for pattern in (_AGENCY_PHOTO, _PHOTO_FROM):
        match = pattern.search(paragraph)
        if match and known_agency(match["credit"]):
            return known_agency(match["credit"])
    return None


def _photographer_credit(paragraph: str) -> str | None:
    """The agency of a closing "(AP Photo/Hau Dinh)" or "Xinhua/Hu Jingchen"; not of an
    agency credit such as "VNA/VNS"."""
    match = _SLASH_CREDIT.search(paragraph)
    if match is None or known_agency(match["name"]):
        return None
    return known_agency(match["credit"])


def strip_trailer(paragraph: str) -> tuple[str, str | None]:
    """`paragraph` without a final credit ("./.", "— VNS", "- (VNA/VLLF)"), and its agency."""
    agency = None
    changed = True
    while changed and paragraph:
        changed = False
        mark = _END_MARK.search(paragraph) if _may_end_marked(paragraph) else None
        if mark and mark.start() > 0:
            before = paragraph[: mark.start()].rstrip()
            paragraph = before if before.endswith(_SENTENCE_END) else before + "."
            changed = True
        for needs, pattern in _TRAILERS:
            match = pattern.search(paragraph) if _holds(needs, paragraph) else None
            if match and known_agency(match["credit"]):
                agency = agency or known_agency(match["credit"])
                paragraph = paragraph[: match.start()].rstrip()
                changed = True
                break
    return paragraph, agency


def _may_end_marked(paragraph: str) -> bool:
    """Whether `paragraph` ends as `_END_MARK` needs ("/." or "m" before any final line break)."""
    return paragraph.removesuffix("\n").endswith(("/.", "m", "M"))


def _holds(needs: str | None, paragraph: str) -> bool:
    """Whether `paragraph` has what a trailer pattern needs to match (see `_TRAILERS`)."""
    if needs == "dash":
        return "-" in paragraph or "–" in paragraph or "—" in paragraph
    if needs == "bracket":  # ")" at the end, perhaps with a full stop after it
        end = paragraph.rstrip()
        return end.endswith(")") or (end.endswith(".") and end[:-1].rstrip().endswith(")"))
    if needs == "colon":
        return ":" in paragraph
    if needs == "capital":  # a credit as its last word, after a space: "... rose. VNA/VNS"
        words = paragraph.rsplit(None, 1)
        first = words[-1].lstrip("/")[:1]
        return len(words) == 2 and first.isascii() and first.isupper()
    return True


def is_name_line(paragraph: str) -> bool:
    """True for a name alone ("Vân Nguyễn", "Phan Anh"): a writer's byline, not text."""
    return bool(_NAME_LINE.fullmatch(paragraph)) and known_agency(paragraph) is None


def is_staff_credit(paragraph: str) -> bool:
    """True for a wire copy's staff credit line: "Reporting by X; Editing by Y"."""
    short = len(paragraph.split()) <= _LINK_MAX_WORDS
    return short and not paragraph.endswith(("!", "?")) and bool(_STAFF_LINE.match(paragraph))


def strip_body_credit(paragraph: str) -> tuple[str, str | None]:
    """A body paragraph without a credit after its last sentence ("... on Friday. (Reuters)",
    "... – Reuters", "(Reporting by ...)"), and the agency; a credit closing a sentence
    ("the Vietnam News Agency (VNA).") stays."""
    if paragraph.endswith((")", ").", ")\n", ").\n")):  # as `_STAFF_BRACKET` needs
        paragraph = _STAFF_BRACKET.sub("", paragraph)
    rest, agency = strip_trailer(paragraph)
    if agency and (not rest or rest.endswith(_SENTENCE_END)):
        return rest, agency
    return paragraph, None


def drop_link_lists(paragraphs: list[str]) -> list[str]:
    """`paragraphs` without "Related news" headings and the headlines listed under them."""
    kept: list[str] = []
    in_list = False
    for paragraph in paragraphs:
        if paragraph.strip(_EDGE_CHARS).lower() in _LINK_LIST_HEADINGS:
            in_list = True
        elif not (in_list and _headline_form(paragraph)):
            in_list = False
            kept.append(paragraph)
    return kept


def _headline_form(paragraph: str) -> bool:
    return len(paragraph.split()) <= _LINK_MAX_WORDS and not paragraph.endswith(_SENTENCE_END)


def drop_repeats(paragraphs: list[str], seen: set[str] | None = None) -> list[str]:
    """`paragraphs` without any that repeats an earlier one (or one in `seen`) exactly."""
    seen = set(seen or ())
    kept = []
    for paragraph in paragraphs:
        if paragraph not in seen:
            seen.add(paragraph)
            kept.append(paragraph)
    return kept
