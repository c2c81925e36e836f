"""`vntrade_pos` stands in for the model's attribute ruler: the same POS tags, faster."""

from __future__ import annotations

import pytest
import spacy

from conftest import SEEDS
from vntrade.nlp.pipeline import DEFAULT_MODEL, load_pipeline

SENTENCES = [
    "There are many reasons why exports rose, but it is not clear when they will fall.",
    "I told you that the ministry had done it, and did they not?",
    "The ministry, which was asked to act, has been working on it since May.",
]


@pytest.mark.slow
def test_pos_tags_equal_the_model_attribute_rulers():
    ours = load_pipeline()
    assert "vntrade_pos" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    reference = spacy.load(DEFAULT_MODEL)
    texts = SENTENCES + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*"))]
    compared = 0
    for expected, got in zip(reference.pipe(texts), ours.pipe(texts), strict=True):
        assert [t.pos_ for t in got] == [t.pos_ for t in expected]
        compared += len(got)
    assert compared > 2000
