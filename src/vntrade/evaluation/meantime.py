"""Reading the MEANTIME corpus (CAT XML) as TimeML gold: articles and their TIMEX3 values.

A CAT document lists its tokens (`<token t_id sentence>`), then `<Markables>` whose
TIMEX3 point at tokens (`<token_anchor t_id>`). The text is rebuilt from the tokens with
ordinary spacing: the title (sentence 0) on a line of its own, then the body up to the
last sentence annotated (MEANTIME annotates only the first few). The TIMEX3
marked `functionInDocument="CREATION_TIME"` is the publication date; its line (the
dateline) is left out of the text, as TimeML keeps its DCT out of `<TEXT>`. TIMEX3 without
tokens (implicit times) are not scored.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

from vntrade.evaluation.documents import GoldTimex, as_article
from vntrade.records import Article

SPLITS = ("all", "dev", "aside")
# No space before these tokens, none after the opening ones.
_CLOSING = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "%", "''", "”", "’", "...", "'s", "'", "n't"}
    | {"'re", "'ve", "'ll", "'d", "'m", "'S"}
)
_OPENING = frozenset({"(", "[", "$", "``", "“", "‘", "`", "#", "£", "€", "¥"})


def is_meantime(directory: Path) -> bool:
    """Whether `directory` holds CAT XML documents (and no TimeML files)."""
    return directory.is_dir() and not any(directory.glob("*.tml")) and any(_paths(directory))


def _paths(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.xml"), key=lambda path: path.name)


def split_of(index: int) -> str:
    """Every third document (by sorted file name, from the third on) is kept aside."""
    return "aside" if index % 3 == 2 else "dev"


def document_names(directory: Path, split: str = "all") -> list[str]:
    """The file names (without `.xml`) of the documents of `split`, sorted."""
    return [
        path.stem
        for index, path in enumerate(_paths(directory))
        if split == "all" or split_of(index) == split
    ]


def iter_meantime(directory: Path, split: str = "all") -> Iterator[tuple[Article, list[GoldTimex]]]:
    """The CAT documents of `directory` (recursively, sorted by file name) in `split`."""
    for index, path in enumerate(_paths(directory)):
        if split in ("all", split_of(index)):
            yield read_cat(path)


def read_cat(path: Path) -> tuple[Article, list[GoldTimex]]:
    """One CAT XML document as an article and its gold expressions."""
    root = ElementTree.parse(path).getroot()
    tokens = [
        (t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")
    ]
    markables = root.find("Markables")
    timexes = list(markables.iter("TIMEX3")) if markables is not None else []
    published = None
    dateline: set[str] = set()
    for timex in timexes:
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = _iso_day(timex.get("value") or "")
            dateline = {anchor.get("t_id", "") for anchor in timex.iter("token_anchor")}
    skipped = _dateline_sentences(tokens, dateline)
    last = _last_annotated_sentence(tokens, markables)
    text, offsets = _detokenise([t for t in tokens if t[1] not in skipped and t[1] <= last])
    gold = []
    for timex in timexes:
        ids = [a.get("t_id", "") for a in timex.iter("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME" or not ids:
            continue
        spans = [offsets[i] for i in ids if i in offsets]
        if not spans:
            continue
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        kind = timex.get("type") or "DATE"
        gold.append(GoldTimex(text[start:end], start, end, kind, timex.get("value") or ""))
    gold.sort(key=lambda item: item.start)
    title = text.split("\n", 1)[0] if "\n" in text else None
    return as_article(path.stem, str(path), published, text, title), gold


def _iso_day(value: str) -> str | None:
    """The creation time as an ISO day; one document writes it day first (`03-02-2009`)."""
    if re.fullmatch(r"\d\d-\d\d-\d{4}", value):
        return f"{value[6:]}-{value[3:5]}-{value[:2]}"
    return value[:10] or None


def _last_annotated_sentence(
    tokens: list[tuple[str, int, str]], markables: ElementTree.Element | None
) -> int:
    """MEANTIME annotates the title and the first sentences only: the last one with a
    markable (an event, a time...); the text stops there, or the rest would count as
    spurious."""
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}
    found = [
        sentence_of.get(anchor.get("t_id", ""), -1)
        for anchor in (markables.iter("token_anchor") if markables is not None else ())
    ]
    return max(found, default=max((s for _, s, _ in tokens), default=0))


def _dateline_sentences(tokens: list[tuple[str, int, str]], dateline: set[str]) -> set[int]:
    """The sentences made only of the creation time's tokens and punctuation."""
    sentences: dict[int, bool] = {}
    for t_id, sentence, word in tokens:
        own = t_id in dateline or not any(c.isalnum() for c in word)
        sentences[sentence] = sentences.get(sentence, True) and own
    return {sentence for sentence, only in sentences.items() if only and dateline}


def _detokenise(tokens: list[tuple[str, int, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of the tokens with ordinary spacing, and each token's offsets in it."""
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    size = 0
    previous: tuple[int, str] | None = None
    open_quote = False
    for t_id, sentence, word in tokens:
        word = {"``": '"', "''": '"'}.get(word, word)
        if previous is None:
            gap = ""
        elif previous[0] == 0 and sentence != 0:
            gap = "\n"  # the title's line
        elif word in _CLOSING or (word == '"' and open_quote) or word == "-":
            gap = ""  # `Wal-Mart` is three tokens
        elif previous[1] in _OPENING or (previous[1] == '"' and open_quote) or previous[1] == "-":
            gap = ""
        else:
            gap = " "
        if word == '"':
            open_quote = not open_quote
        pieces.append(gap + word)
        size += len(gap)
        offsets[t_id] = (size, size + len(word))
        size += len(word)
        previous = (sentence, word)
    return "".join(pieces), offsets
