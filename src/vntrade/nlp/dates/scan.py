"""Running the grammar over a text: trigger words, windows around them, longest matches."""

from __future__ import annotations

import re

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
TRIGGER_WORDS = frozenset(TRIGGERS) - {"#"}


def lower_in_place(text: str) -> str:
    """`text` in lower case, character for character: a letter whose lower case is longer
    (`İ` → `i̇`) stays as it is, so every offset in the result is one in `text`."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _trigger_positions(text: str) -> list[tuple[str, int, int]]:
    """(trigger, start, end) of every trigger word and number in `text`."""
    lower = lower_in_place(text)
    found = [("#", m.start(), m.end()) for m in _NUMBER.finditer(text)]
    for word in TRIGGER_WORDS.intersection(_WORD.findall(lower)):
        at = lower.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and lower[at - 1].isalpha()) and not lower[end : end + 1].isalpha():
                found.append((word, at, end))
            at = lower.find(word, end)
    found.sort(key=lambda item: item[1])
    return found


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule, the merged stretches of text around its trigger words.

    Scanning only these (instead of every position with every rule) keeps the tagger
    cheap; windows start on a word boundary so that no match is cut.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for word, word_start, word_end in _trigger_positions(text):
        for rule in TRIGGERS[word]:
            before, after = rule.reach
            start = max(0, word_start - before)
            while start and text[start - 1].isalnum():
                start -= 1
            end = min(len(text), word_end + after)
            stretches = spans.setdefault(rule.name, [])
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
            else:
                stretches.append((start, end))
    return spans


def find_candidates(text: str) -> list[Candidate]:
    """The longest non-overlapping matches of all rules, in text order."""
    found: list[Candidate] = []
    windows = _windows(text)
    for rule in RULES:
        for start, end in windows.get(rule.name, ()):
            for match in _SCANNED[rule.name].finditer(text, start, end):
                if match.end() > match.start() and (rule.accept is None or rule.accept(match)):
                    found.append(Candidate(match.start(), match.end(), rule, match))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for candidate in found:
        if not any(taken[candidate.start : candidate.end]):
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen
