"""Every example a rule of the date grammar carries, through the real CLI and model."""

from __future__ import annotations

import json

import pytest

from conftest import jsonl
from vntrade.nlp.dates.rules import RULES

WITH_EXAMPLES = [rule for rule in RULES if rule.examples]


def test_every_rule_has_an_example():
    assert [rule.name for rule in RULES if not rule.examples] == []


@pytest.mark.parametrize("rule", WITH_EXAMPLES, ids=[rule.name for rule in WITH_EXAMPLES])
def test_rule_examples(cli, rule):
    lines = "".join(
        json.dumps({"id": f"e{i}", "published": ex.dct, "title": None, "text": ex.text}) + "\n"
        for i, ex in enumerate(rule.examples)
    )
    result = cli("extract", "-", "--format", "jsonl", input=lines)
    assert result.exit_code == 0, result.stderr
    for example, record in zip(rule.examples, jsonl(result), strict=True):
        found = {date["text"]: date["value"] for date in record["dates"]}
        assert found.get(example.expression) == example.value, (example, found)
