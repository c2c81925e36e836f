"""Name matching shared by the actor and directive components.

Names folded by `vntrade.folding` (`Phạm Minh Chính` → `Pham Minh Chinh`) in a token-sequence
dictionary keyed by folded lowercase words, so one lookup per token finds every listed name
whatever its accents, with case checks that keep `us` from matching `US`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Generic, TypeVar

from vntrade.folding import fold

V = TypeVar("V")

_END = ""  # trie key marking the end of a phrase; no token folds to an empty string


_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")


@functools.lru_cache(maxsize=65536)
def key(text: str) -> str:
    """The matching key of a word or name: folded and lowercased; a dotted acronym without
    its dots (`U.S.` is `us`, as `US` is)."""
    if _DOTTED.fullmatch(text):
        text = text.replace(".", "")
    return fold(text).lower()


def _uppercase_count(word: str) -> int:
    return sum(c.isupper() for c in word)


def case_compatible(pattern: Sequence[str], words: Sequence[str]) -> bool:
    """Whether text `words` may stand for the listed `pattern` given their capitalisation.

    Acronyms must be written in capitals (`US`, not `us`), mixed-case acronyms keep two
    capitals (`MoIT`, `MOIT`, not `Moit`), and a capitalised name must start capitalised.
    """
    for position, (want, got) in enumerate(zip(pattern, words, strict=True)):
        letters = [c for c in want if c.isalpha()]
        if len(letters) > 1 and want.isupper():
            if not got.isupper():
                return False
        elif _uppercase_count(want) >= 2:
            if _uppercase_count(got) < 2:
                return False
        elif position == 0 and want[:1].isupper() and not got[:1].isupper():
            return False
    return True


class PhraseTable(Generic[V]):
    """A dictionary of word sequences (a trie over folded words); the longest match wins."""

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, words: Sequence[str], value: V, first: bool = False) -> None:
        """Add a phrase, given as its words (tokenised the way documents are); with `first`,
        it wins over phrases of the same words added before."""
        node = self._root
        for word in words:
            node = node.setdefault(key(word), {})
        entries = node.setdefault(_END, [])
        entries.insert(0 if first else len(entries), (tuple(words), value))

    def __contains__(self, word: str) -> bool:
        return key(word) in self._root

    def match(self, keys: Sequence[str], texts: Sequence[str], start: int) -> tuple[int, V] | None:
        """The longest phrase starting at token `start`: (end token, value), or None.

        `keys` are the document's words through `key`, `texts` the words themselves.
        """
        node = self._root
        best: tuple[int, V] | None = None
        position = start
        while position < len(keys):
            node = node.get(keys[position])
            if node is None:
                break
            position += 1
            for words, value in node.get(_END, ()):
                if case_compatible(words, texts[start:position]):
                    best = (position, value)
                    break
        return best

    def scan(self, keys: Sequence[str], texts: Sequence[str]) -> list[tuple[int, int, V]]:
        """Every longest, non-overlapping match from left to right: (start, end, value)."""
        found: list[tuple[int, int, V]] = []
        position = 0
        while position < len(keys):
            hit = self.match(keys, texts, position)
            if hit is None:
                position += 1
                continue
            found.append((position, hit[0], hit[1]))
            position = hit[0]
        return found

    def ends(self, keys: Sequence[str], texts: Sequence[str]) -> dict[int, tuple[int, V]]:
        """All matches (possibly overlapping) by end token: {end: (start, value)}, longest kept."""
        found: dict[int, tuple[int, V]] = {}
        for position in range(len(keys)):
            if keys[position] not in self._root:
                continue
            hit = self.match(keys, texts, position)
            if hit is not None and hit[0] not in found:
                found[hit[0]] = (position, hit[1])
        return found
