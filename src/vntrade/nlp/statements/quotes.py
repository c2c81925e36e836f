"""Quotations in a text, by their marks: straight (`"`), curly (“ ”), guillemets, and the
doubled marks of newspaper archives (``...'' and ''...'').

A quotation opened and not closed in its paragraph runs to the paragraph's end when the next
paragraph opens another one (the convention for a quote that runs over several paragraphs:
every paragraph opens, only the last closes); otherwise an unclosed mark is not a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
DOUBLED = ("``", "''")  # two backquotes or apostrophes for a double mark (newspaper archives)
_PARAGRAPH = re.compile(r"[^\n]+")
# The characters a quotation mark can start with.
_MARK_CHARS = sorted({*OPENING, STRAIGHT, *(doubled[0] for doubled in DOUBLED)})
_MARK = re.compile(f"[{re.escape(''.join(_MARK_CHARS))}]")


@dataclass(frozen=True, slots=True)
class Quote:
    """The characters between a quotation's marks: `text[start:end]`; `outer` includes them."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def find_quotes(text: str) -> list[Quote]:
    """Every quotation of `text`, in order; one running over paragraphs is one quotation."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    found: list[Quote] = []
    running: Quote | None = None  # a quotation that goes on in the next paragraph
    for number, (start, end) in enumerate(paragraphs):
        quotes, unclosed = _paragraph_quotes(text, start, end)
        if running is not None:
            if quotes and quotes[0].outer_start == _first_char(text, start):
                first = quotes.pop(0)
                running = Quote(running.start, first.end, running.outer_start, first.outer_end)
            elif unclosed is not None and unclosed == _first_char(text, start):
                running = Quote(running.start, end, running.outer_start, end)
                unclosed = None
                found += quotes
                continue
            found.append(_trimmed(text, running))
            running = None
        found += quotes
        if unclosed is not None and number + 1 < len(paragraphs):
            following = _first_char(text, paragraphs[number + 1][0])
            if (
                following < len(text)
                and (  # a last paragraph of spaces opens nothing
                    text[following] in OPENING
                    or text[following] == STRAIGHT
                    or text[following : following + 2] in DOUBLED
                )
            ):
                width = 2 if text[unclosed : unclosed + 2] in DOUBLED else 1
                running = Quote(unclosed + width, end, unclosed, end)
    if running is not None:
        found.append(_trimmed(text, running))
    return found


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start].isspace():
        start += 1
    return start


def _trimmed(text: str, quote: Quote) -> Quote:
    end = quote.end
    while end > quote.start and text[end - 1].isspace():
        end -= 1
    return Quote(quote.start, end, quote.outer_start, max(end, quote.outer_end))


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quote], int | None]:
    """The closed quotations of one paragraph, and where an unclosed one opens (or None)."""
    quotes: list[Quote] = []
    opened: int | None = None
    closer = ""
    width = 1
    i = start
    while i < end:
        if opened is None:
            mark = _MARK.search(text, i, end)  # straight to the next mark that may open
            if mark is None:
                break
            i = mark.start()
            if text[i : i + 2] in DOUBLED:  # ``news style'' and ''news style''
                opened, closer, width = i, "''", 2
                i += 2
                continue
            char = text[i]
            if char in OPENING:
                opened, closer, width = i, OPENING[char], 1
            elif char == STRAIGHT:
                opened, closer, width = i, STRAIGHT, 1
            i += 1
            continue
        i = text.find(closer, i)  # straight to the closing mark
        if i < 0 or i >= end:
            break
        if i > opened + width:
            quotes.append(Quote(opened + width, i, opened, i + len(closer)))
        opened = None
        i += len(closer)
    return quotes, opened
