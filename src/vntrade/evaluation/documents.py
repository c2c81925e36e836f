"""Gold documents for scoring dates: a TimeML file or a line of a JSONL development set
as an article and its gold TIMEX3 expressions (`GoldTimex`).

A `.tml` file gives the article (its `<TEXT>` with tags removed, the `<DCT>` value as the
publication date, `<TITLE>` as title) and the gold TIMEX3 expressions with their offsets
in that text. A `.jsonl` development set gives one short article per line: `{"class",
"dct", "text", "timexes": [{"text", "type", "value"}]}`, its expressions in text order.
MEANTIME's CAT XML is read in `meantime`.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vntrade.records import Article

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>.*?<TIMEX3[^>]*?value=\"([^\"]+)\"", re.DOTALL)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_SPACE_CHARS = frozenset(" \t\u00a0")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A gold TIMEX3: its surface text, offsets into the clean text, type and value."""

    text: str
    start: int
    end: int
    timex_type: str
    value: str


def read_timeml(path: Path) -> tuple[Article, list[GoldTimex]]:
    """One TimeML file as an article (text without tags) and its gold expressions."""
    raw = path.read_text(encoding="utf-8")
    body = _TEXT.search(raw)
    if body is None:
        raise ValueError("no <TEXT> element")
    text, gold = _strip_tags(body.group(1))
    dct = _DCT.search(raw)
    title = _TITLE.search(raw)
    clean_title = html.unescape(_TAG.sub("", title.group(1))).strip() if title else None
    published = dct.group(1)[:10] if dct else None
    return as_article(path.stem, str(path), published, text, clean_title), gold


def _strip_tags(markup: str) -> tuple[str, list[GoldTimex]]:
    """The text without tags (entities decoded, spaces squeezed) and the TIMEX3 offsets."""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(markup):
        piece = html.unescape(markup[position : tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            gold.append(
                GoldTimex(
                    text, start, length, attributes.get("type", "DATE"), attributes.get("value", "")
                )
            )
            open_timex = None
    pieces.append(html.unescape(markup[position:]))
    return _squeeze("".join(pieces), gold)


def _squeeze(full: str, gold: list[GoldTimex]) -> tuple[str, list[GoldTimex]]:
    """Strip the text's ends and collapse runs of spaces, as the loader does, moving the
    gold offsets along: the same text then goes through `vntrade extract` unchanged."""
    kept: list[str] = []
    new_offset = [0] * (len(full) + 1)  # old offset -> new offset
    size = 0
    lead = len(full) - len(full.lstrip())
    tail = len(full.rstrip())
    for index, char in enumerate(full):
        new_offset[index] = size
        inside = lead <= index < tail
        if inside and not (char in _SPACE_CHARS and kept and kept[-1] == " "):
            kept.append(" " if char in _SPACE_CHARS else char)
            size += 1
    new_offset[len(full)] = size
    text = "".join(kept)
    moved = []
    for item in gold:
        start, end = new_offset[item.start], new_offset[item.end]
        moved.append(GoldTimex(text[start:end], start, end, item.timex_type, item.value))
    return text, moved


def as_article(
    doc_id: str, source: str, published: str | None, text: str, title: str | None = None
) -> Article:
    """A gold document as an article record: its text, no agency or dateline."""
    return Article(
        id=doc_id,
        source=source,
        title=title,
        published=published,
        agency=None,
        dateline=None,
        text=text,
        words=len(text.split()),
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def read_dev_set(path: Path) -> Iterator[tuple[Article, list[GoldTimex], str | None]]:
    """The lines of a JSONL development set as (article, gold, class); each expression is
    found in the text after the previous one."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        text, gold, position = item["text"], [], 0
        for timex in item["timexes"]:
            start = text.find(timex["text"], position)
            if start < 0:
                raise ValueError(f"line {number}: {timex['text']!r} not found in order")
            position = start + len(timex["text"])
            gold.append(GoldTimex(timex["text"], start, position, timex["type"], timex["value"]))
        article = as_article(f"{path.stem}-{number:03d}", f"{path}:{number}", item.get("dct"), text)
        yield article, gold, item.get("class")
