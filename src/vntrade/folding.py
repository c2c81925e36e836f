"""One way to fold names and words for comparison, for the pipeline, the views and scoring.

`fold` drops diacritics (`Nguyễn Hồng Diên` → `Nguyen Hong Dien`, `đ` → `d`) and writes
typographic quotes and dashes plainly, keeping case; `fold_key` also ignores case,
punctuation and spacing, for matching a user's query or a gold name.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters NFD does not decompose, and typographic marks written both ways in the sources.
_TRANSLATE = str.maketrans(
    {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "’": "'", "‘": "'", "–": "-", "—": "-", "‐": "-"}
)
_PUNCTUATION = re.compile(r"[^\w\s]")


@functools.lru_cache(maxsize=65536)  # names and words recur across a corpus
def fold(text: str) -> str:
    """`text` without diacritics, case kept: `Nguyễn Hồng Diên` → `Nguyen Hong Dien`."""
    decomposed = unicodedata.normalize("NFD", text.translate(_TRANSLATE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


@functools.lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """`fold` without case, punctuation or extra spaces: `Hồ Đức Phớc.` → `ho duc phoc`."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text).casefold()).split())
