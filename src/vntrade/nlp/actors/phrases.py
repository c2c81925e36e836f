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
    for test, got in zip(_case_tests(tuple(pattern)), words, strict=True):
        if test == _ALL_CAPITALS:
            if not got.isupper():
                return False
        elif test == _TWO_CAPITALS:
            if _uppercase_count(got) < 2:
                return False
        elif test == _CAPITAL_FIRST and not got[:1].isupper():
            return False
    return True


_ANY_CASE, _ALL_CAPITALS, _TWO_CAPITALS, _CAPITAL_FIRST = range(4)


@functools.lru_cache(maxsize=65536)
def _case_tests(pattern: tuple[str, ...]) -> tuple[int, ...]:
    """What `case_compatible` asks of the word written for each word of a listed phrase."""
    tests = []
    for position, want in enumerate(pattern):
        letters = [c for c in want if c.isalpha()]
        if len(letters) > 1 and want.isupper():
            tests.append(_ALL_CAPITALS)
        elif _uppercase_count(want) >= 2:
            tests.append(_TWO_CAPITALS)
        elif position == 0 and want[:1].isupper():
            tests.append(_CAPITAL_FIRST)
        else:
            tests.append(_ANY_CASE)
    return tuple(tests)


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
        for start in self._first_words(keys):
            if start < position:
                continue
            hit = self.match(keys, texts, start)
            if hit is not None:
                found.append((start, hit[0], hit[1]))
                position = hit[0]
        return found

    def ends(self, keys: Sequence[str], texts: Sequence[str]) -> dict[int, tuple[int, V]]:
        """All matches (possibly overlapping) by end token: {end: (start, value)}, longest kept."""
        found: dict[int, tuple[int, V]] = {}
        for position in self._first_words(keys):
            hit = self.match(keys, texts, position)
            if hit is not None and hit[0] not in found:
                found[hit[0]] = (position, hit[1])
        return found

    def _first_words(self, keys: Sequence[str]) -> list[int]:
        """Where a phrase may start: the tokens whose key starts one (no match elsewhere)."""
        root = self._root
        return [i for i, word in enumerate(keys) if word in root]
