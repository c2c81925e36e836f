"""The date rules' scan patterns (`first_chars`) find exactly what the rules' own do."""

from __future__ import annotations

import re

import pytest

from vntrade.nlp.dates.first_chars import with_first_chars
from vntrade.nlp.dates.rules import RULES

TRICKY = [
    "ſix days, K years, İstanbul, the past 3 weeks, two-to-three months, Q3 2025",
    "On Tuesday, 12 March 2025, at 8 p.m. — the ’90s, mid-2024, a year ago.",
    "",
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_scan_pattern_finds_the_rule_matches(rule):
    faster = with_first_chars(rule.pattern)
    texts = [example.text for example in rule.examples] + TRICKY
    for text in texts:
        assert _matches(faster, text) == _matches(rule.pattern, text)
        for start in range(0, len(text), 7):
            assert [m.span() for m in faster.finditer(text, start, start + 30)] == [
                m.span() for m in rule.pattern.finditer(text, start, start + 30)
            ]


@pytest.mark.parametrize("pattern", [r".bc", r"(?:x)?", r"[^a]b", r"(?i)abc"])
def test_patterns_it_cannot_read_are_left_alone(pattern):
    compiled = re.compile(pattern)
    assert with_first_chars(compiled) is compiled


def test_look_ahead_names_the_first_characters():
    faster = with_first_chars(re.compile(r"(?:the\s+)?(?i:two|\d+)\s+days"))
    assert faster.pattern.startswith("(?=")
    assert faster.pattern.count("(?=") == 2  # the first character, then the first two
    assert [m.group() for m in faster.finditer("the 2 days, TWO days, owt days")] == [
        "the 2 days",
        "TWO days",
    ]
