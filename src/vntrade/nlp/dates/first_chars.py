"""A rule's regex with a look-ahead at the characters a match can start with.

`finditer` tries a pattern at every position of a window; a rule that opens with long
alternations of number words (`duration`) spends most of its time failing on letters that
start none of them. The same pattern behind `(?=[the first characters])` finds exactly the
same matches (the look-ahead only rejects positions where no match can start, and consumes
nothing, captures nothing) and rejects most positions with one character-class test; a
second look-ahead at the first two characters (`tw`, `th`, a digit and a space...) rejects
most of the rest. The characters are read from the parsed pattern; for anything this does
not follow (`.`, a negated class, a back-reference, a pattern that can match nothing) the
pattern is left as it is (or keeps the first look-ahead alone).
"""

from __future__ import annotations

import contextlib
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


# Two-character openings: a character (class) and the class that may follow it, as
# (class content, compared ignoring case) atoms; more than this many and one character
# it is.
Atom = tuple[str, bool]
Opening = tuple[Atom, ...]  # at most two atoms; fewer when a match may be that short
MAX_OPENINGS = 400


def _openings(items: Any, flags: int) -> set[Opening]:
    """The first two characters (as classes) of what a sequence can match."""
    found: set[Opening] = {()}
    for op, av in items:
        if all(len(opening) == 2 for opening in found):
            break
        found = _then(found, _item_openings(op, av, flags))
    return found


def _then(first: set[Opening], second: set[Opening]) -> set[Opening]:
    """The openings of one thing followed by another."""
    found = {opening for opening in first if len(opening) == 2}
    for opening in first:
        if len(opening) < 2:
            found.update((opening + more)[:2] for more in second)
    if len(found) > MAX_OPENINGS:
        raise _Unknown
    return found


def _item_openings(op: Any, av: Any, flags: int) -> set[Opening]:
    ignore_case = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL or op is sre.IN:
        firsts = _Firsts()
        _item(op, av, flags, firsts)
        return {(("".join(sorted(firsts.folded or firsts.exact)), ignore_case),)}
    if op is sre.BRANCH:
        return set().union(*(_openings(branch, flags) for branch in av[1]))
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _openings(items, (flags | add_flags) & ~del_flags)
    if op in _REPEATS:
        low, high, items = av
        once = _openings(items, flags)
        if () in once:
            raise _Unknown  # a repeat of what may be empty
        found: set[Opening] = {()} if low == 0 else set()
        if low <= 1 <= high:
            found |= once
        if high >= 2:
            found |= _then(once, once)
        return found
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _openings(av, flags)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {()}
    raise _Unknown


def _class(atoms: list[Atom]) -> str:
    """One alternative matching any of `atoms` (one character each)."""
    exact = "".join(sorted({content for content, folded in atoms if not folded}))
    folded = "".join(sorted({content for content, folded in atoms if folded}))
    parts = ([f"[{exact}]"] if exact else []) + ([f"(?i:[{folded}])"] if folded else [])
    return parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"


def _two_char_look_ahead(parsed: Any) -> str:
    """A look-ahead at the first two characters of every match (one for a match of one)."""
    openings = _openings(parsed, parsed.state.flags)
    if () in openings:
        raise _Unknown
    following: dict[Atom, list[Atom]] = {}
    alone: set[Atom] = set()
    for opening in openings:
        if len(opening) == 1:
            alone.add(opening[0])
        else:
            following.setdefault(opening[0], []).append(opening[1])
    branches = [_class([first]) for first in sorted(alone)]
    branches += [
        _class([first]) + _class(seconds)
        for first, seconds in sorted(following.items())
        if first not in alone
    ]
    return f"(?={'|'.join(branches)})"


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a look-ahead at the characters its matches can start with (the
    first one, then the first two where those can be worked out), or `pattern` itself when
    they cannot be (or a match may be empty)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        firsts = _Firsts()
        if _sequence(parsed, parsed.state.flags, firsts):
            return pattern
        ahead = firsts.look_ahead()
        with contextlib.suppress(_Unknown):  # else the first character alone
            ahead += _two_char_look_ahead(parsed)
        faster = re.compile(ahead + pattern.pattern, pattern.flags)
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return pattern
    if faster.groupindex != pattern.groupindex or faster.groups != pattern.groups:
        return pattern
    return faster
