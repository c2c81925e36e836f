"""Light text helpers over a record's clean text: sentences, content words, name folding.

Events and views work on extraction records alone (which may come from a store, without
spaCy); events come with their sentences from the pipeline, and the few views that need other
sentences (figures, the report's evidence) split them by punctuation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from vntrade.folding import fold_key


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a literal list."""
    return frozenset(text.split())


# Tokens that end with a full stop without ending a sentence.
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st no nos co ltd inc jr sr vs etc e.g i.e u.s u.k u.n gen gov sen rep dept "
    "approx jan feb mar apr aug sep sept oct nov dec prof assoc corp fig art"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n+|(?<=\S)(?=__Photo)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]", re.UNICODE)
STOPWORDS = word_set(
    """a an the and or but nor of to in on at by for from with without into onto upon about
    above below over under between among through during before after since until as than
    that this these those there here it its it's they them their theirs he him his she her
    hers we us our you your i me my mine who whom whose which what when where why how all
    any both each few more most other some such only own same so too very can will just
    should would could may might must shall do does did done doing have has had having be
    is are was were been being not no also well said says say noted added told while
    including include includes further up down out off again then once per via mr ms
    said one two three four five six seven eight nine ten new"""
)


fold = fold_key  # events and views compare names and words without case, accents or punctuation


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (newlines always end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group().startswith((".", "!", "?")) and not _ends_sentence(text, match):
            continue
        _add_span(spans, text, start, end)
        start = end
    _add_span(spans, text, start, len(text))
    return spans


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    before = text[: match.start()].rsplit(None, 1)
    token = before[-1].lower() if before else ""
    if token in _ABBREVIATIONS or token + "." in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha():  # an initial, as in "Jamieson L. Greer"
        return False
    following = text[match.end() :].lstrip()
    return not following or not (following[0].islower() or following[0].isdigit())


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def words(text: str) -> list[str]:
    """The words of `text` (letters, inner apostrophes, dots and hyphens kept)."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem, enough to match plurals and verb forms between paraphrases."""
    word = fold(word).replace(" ", "")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + keep
    return word


def content_words(text: str) -> set[str]:
    """Stems of the words of `text` that carry content (no stopwords, no short words)."""
    found = set()
    for word in words(text):
        folded = fold(word)
        if len(folded) > 2 and folded not in STOPWORDS:
            found.add(stem(folded))
    return found


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard similarity of two collections as sets (0 when both are empty)."""
    first, second = set(a), set(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0
