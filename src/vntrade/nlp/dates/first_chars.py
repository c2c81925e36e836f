"""A rule's regex with a look-ahead at the characters a match can start with.

`finditer` tries a pattern at every position of a window; a rule that opens with long
alternations of number words (`duration`) spends most of its time failing on letters that
start none of them. The same pattern behind `(?=[the first characters])` finds exactly the
same matches (the look-ahead only rejects positions where no match can start, and consumes
nothing, captures nothing) and rejects most positions with one character-class test. The
first characters are read from the parsed pattern; for anything this does not follow
(`.`, a negated class, a back-reference, a pattern that can match nothing) the pattern is
left as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any


class _Unknown(Exception):
    """A part of a pattern whose first characters this does not work out."""


class _Firsts:
    """The characters (and classes such as `\\d`) a match may start with, by case flag."""

    def __init__(self) -> None:
        self.exact: set[str] = set()
        self.folded: set[str] = set()  # compared ignoring case, as the pattern does there

    def add(self, item: str, ignore_case: bool) -> None:
        (self.folded if ignore_case else self.exact).add(item)

    def look_ahead(self) -> str:
        classes = []
        if self.exact:
            classes.append(f"[{''.join(sorted(self.exact))}]")
        if self.folded:
            classes.append(f"(?i:[{''.join(sorted(self.folded))}])")
        return f"(?={'|'.join(classes)})"


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))


def _char(code: int) -> str:
    """One character as it may stand inside a character class."""
    return re.escape(chr(code)) if chr(code).isascii() else chr(code)


def _sequence(items: Any, flags: int, firsts: _Firsts) -> bool:
    """Add the first characters of a sequence; whether it can match the empty string."""
    return all(_item(op, av, flags, firsts) for op, av in items)


def _item(op: Any, av: Any, flags: int, firsts: _Firsts) -> bool:
    """Add the first characters of one item; whether it can match the empty string."""
    ignore_case = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        firsts.add(_char(av), ignore_case)
        return False
    if op is sre.IN:
        for kind, value in av:
            if kind is sre.LITERAL:
                firsts.add(_char(value), ignore_case)
            elif kind is sre.RANGE:
                firsts.add(f"{_char(value[0])}-{_char(value[1])}", ignore_case)
            elif kind is sre.CATEGORY and value in _CATEGORIES:
                firsts.add(_CATEGORIES[value], ignore_case)
            else:  # NEGATE and anything rarer
                raise _Unknown
        return False
    if op is sre.BRANCH:
        empty = False
        for branch in av[1]:
            empty = _sequence(branch, flags, firsts) or empty
        return empty
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _sequence(items, (flags | add_flags) & ~del_flags, firsts)
    if op in _REPEATS:
        low, _high, items = av
        return _sequence(items, flags, firsts) or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av, flags, firsts)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return True  # consumes nothing: the first character comes after it
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a look-ahead at the characters its matches can start with, or
    `pattern` itself when those cannot be worked out (or a match may be empty)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        firsts = _Firsts()
        if _sequence(parsed, parsed.state.flags, firsts):
            return pattern
        faster = re.compile(firsts.look_ahead() + pattern.pattern, pattern.flags)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return pattern
    if faster.groupindex != pattern.groupindex or faster.groups != pattern.groups:
        return pattern
    return faster
