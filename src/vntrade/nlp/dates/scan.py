"""Running the grammar over a text: trigger words, windows around them, longest matches."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import chain

from vntrade.nlp.dates.first_chars import with_first_chars
from vntrade.nlp.dates.rule import Candidate, Rule
from vntrade.nlp.dates.rules import RULES

_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"[0-9]+")


def _trigger_index() -> dict[str, list[Rule]]:
    index: dict[str, list[Rule]] = {}
    for rule in RULES:
        for word in rule.triggers:
            index.setdefault(word, []).append(rule)
    return index


TRIGGERS = _trigger_index()
# Each rule's pattern as the scan runs it: the same matches, found faster (`first_chars`).
_SCANNED = {rule.name: with_first_chars(rule.pattern) for rule in RULES}
# The scan pattern's `search`, for one with a look-ahead (which never matches nothing);
# None for a pattern left as it is.
_SCANNED_RULES = [
    None if _SCANNED[rule.name] is rule.pattern else _SCANNED[rule.name].search for rule in RULES
]
# Each rule with its trigger words, each once, and the rules (by index) of each trigger.
_RULE_TRIGGERS = [(rule, tuple(dict.fromkeys(rule.triggers))) for rule in RULES]
_RULES_OF: dict[str, list[int]] = {}
for _index, (_, _words) in enumerate(_RULE_TRIGGERS):
    for _word in _words:
        _RULES_OF.setdefault(_word, []).append(_index)
TRIGGER_WORDS = frozenset(TRIGGERS) - {"#"}


def lower_in_place(text: str) -> str:
    """`text` in lower case, character for character: a letter whose lower case is longer
    (`İ` → `i̇`) stays as it is, so every offset in the result is one in `text`."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _trigger_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """(start, end) of every trigger word in `text`, by word (`#`: every number), in text
    order."""
    lower = lower_in_place(text)
    found: dict[str, list[tuple[int, int]]] = {}
    numbers = [m.span() for m in _NUMBER.finditer(text)]
    if numbers:
        found["#"] = numbers
    for word in TRIGGER_WORDS.intersection(_WORD.findall(lower)):
        places = []
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and lower[at - 1].isalpha()) and not lower[end : end + 1].isalpha():
                places.append((at, end))
            at = lower.find(word, end)
        if places:
            found[word] = places
    return found


def _windows(text: str) -> list[list[tuple[int, int]]]:
    """For each rule (in the order of `RULES`), the merged stretches of text around its
    trigger words.

    Scanning only these (instead of every position with every rule) keeps the tagger
    cheap; windows start on a word boundary so that no match is cut.
    """
    # Each rule's trigger words found in the text: from the few words found, not from every
    # rule's list of triggers.
    by_rule: list[list[list[tuple[int, int]]]] = [[] for _ in RULES]
    for word, places in _trigger_positions(text).items():
        for index in _RULES_OF[word]:
            by_rule[index].append(places)
    size = len(text)
    word_starts: dict[int, int] = {}  # rules of the same trigger often reach back as far
    windows: list[list[tuple[int, int]]] = []
    for (rule, _), found in zip(_RULE_TRIGGERS, by_rule, strict=True):
        if not found:
            windows.append([])
            continue
        # Trigger words never start at the same place: one order, as the text gives them.
        places = found[0] if len(found) == 1 else sorted(chain.from_iterable(found))
        before, after = rule.reach
        stretches: list[tuple[int, int]] = []
        first, last = -1, -1 - before  # the stretch being extended (none yet)
        for word_start, word_end in places:
            start = word_start - before
            if start <= last:  # it overlaps the stretch, wherever its word begins
                if word_end + after > last:
                    last = word_end + after
                continue
            start = word_starts.get(start) if start > 0 else 0
            if start is None:
                start = word_starts[word_start - before] = _word_start(text, word_start - before)
            if start <= last:
                last = max(last, word_end + after)
            else:
                if first >= 0:
                    stretches.append((first, min(last, size)))
                first, last = start, word_end + after
        stretches.append((first, min(last, size)))
        windows.append(stretches)
    return windows


def _search_all(
    search: Callable[[str, int, int], re.Match[str] | None],
    text: str,
    stretches: list[tuple[int, int]],
) -> Iterator[re.Match[str]]:
    """What `finditer` finds in each stretch, for a pattern that never matches nothing (so
    each search goes on where the last match ended), without an iterator per stretch."""
    for start, end in stretches:
        match = search(text, start, end)
        while match is not None:
            yield match
            match = search(text, match.end(), end)


def _word_start(text: str, at: int) -> int:
    """`at`, moved back to the start of the word (letters and digits) it falls in."""
    while at and text[at - 1].isalnum():
        at -= 1
    return at


def find_candidates(text: str) -> list[Candidate]:
    """The longest non-overlapping matches of all rules, in text order."""
    found: list[Candidate] = []
    windows = _windows(text)
    for (rule, _), scanned, stretches in zip(_RULE_TRIGGERS, _SCANNED_RULES, windows, strict=True):
        accept = rule.accept
        if scanned is None:  # a pattern that may match nothing: finditer's rules for that
            pattern = rule.pattern
            matches = (m for start, end in stretches for m in pattern.finditer(text, start, end))
        else:
            matches = _search_all(scanned, text, stretches)
        for match in matches:
            begin, finish = match.span()
            if finish > begin and (accept is None or accept(match)):
                found.append(Candidate(begin, finish, rule, match))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for candidate in found:
        if taken.find(1, candidate.start, candidate.end) < 0:
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen
