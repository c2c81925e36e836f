"""From raw article text to a clean `Article`: the cleaning steps in order, then the record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from vntrade.loader.clean import (
    caption_credit,
    drop_link_lists,
    drop_repeats,
    is_edge_junk,
    is_name_line,
    is_staff_credit,
    is_ui_junk,
    normalize,
    split_paragraphs,
    strip_body_credit,
    strip_trailer,
)
from vntrade.loader.header import read_header, split_date_field
from vntrade.records import Article

NO_TEXT_LEFT = "no article text left after removing page furniture"
BAD_DATE = "cannot read the date {value!r}; published left empty"


@dataclass(slots=True)
class ParsedText:
    """An article's text taken apart: the header fields and the clean body paragraphs."""

    title: str | None = None
    published: str | None = None
    agency: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def parse_text(raw: str) -> ParsedText:
    """Clean `raw` article text and read its title, date field, dateline and agency."""
    paragraphs = drop_link_lists(split_paragraphs(normalize(raw)))
    paragraphs = [p for p in paragraphs if not is_ui_junk(p)]
    # A date field goes before captions are dropped: a caption may follow it on its line.
    paragraphs[:1] = split_date_field(paragraphs[0]) if paragraphs else []
    # Captions go first: their words are not the article's, and their credit is a fallback.
    photo_agency = None
    kept = []
    for paragraph in paragraphs:
        credit = caption_credit(paragraph)
        if credit is None:
            kept.append(paragraph)
        else:
            photo_agency = photo_agency or credit or None
    while kept and is_edge_junk(kept[0]):
        kept.pop(0)
    header, body = read_header(kept)
    body, trailer_agency = _strip_credits(body)
    seen = {header.title} if header.title else set()
    return ParsedText(
        title=header.title,
        published=header.published,
        agency=header.agency or trailer_agency or header.title_agency or photo_agency,
        dateline=header.dateline,
        dateline_date=header.dateline_date,
        paragraphs=drop_repeats(body, seen),
        warnings=[BAD_DATE.format(value=header.bad_date)] if header.bad_date else [],
    )


def _strip_credits(body: list[str]) -> tuple[list[str], str | None]:
    """`body` without trailing furniture, staff credits and agency credits (after the last
    sentence of any paragraph); the agency the last credit named."""
    body = [p for p in body if not is_staff_credit(p)]
    if body and is_name_line(body[-1]):
        body.pop()  # the writer's name under the article
    body, agency = _strip_tail(body)
    kept = []
    for paragraph in body:
        paragraph, credit = strip_body_credit(paragraph)
        agency = agency or credit
        if paragraph:
            kept.append(paragraph)
    return kept, agency


def _strip_tail(body: list[str]) -> tuple[list[str], str | None]:
    """`body` without trailing furniture and credits; the agency a credit named."""
    body = list(body)
    agency = None
    while body:
        last, credit = strip_trailer(body[-1])
        agency = agency or credit
        if last and not is_edge_junk(last):
            body[-1] = last
            break
        body.pop()
    return body, agency


def make_article(
    parsed: ParsedText,
    *,
    id: str | None,
    source: str,
    title: str | None = None,
    published: str | None = None,
    agency: str | None = None,
    dateline: str | None = None,
    url: str | None = None,
) -> Article:
    """The `Article` record for parsed text; fields given here win over what the text said.

    Without an `id`, the article is named by its content: the first 16 hex digits of `sha256`.
    """
    text = parsed.text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        id=id or digest[:16],
        source=source,
        title=title or parsed.title,
        published=published or parsed.published,
        agency=agency or parsed.agency,
        dateline=dateline or parsed.dateline,
        text=text,
        words=len(text.split()),
        sha256=digest,
        url=url,
        dateline_date=parsed.dateline_date,
    )
