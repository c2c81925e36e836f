"""The pipeline multiplies matrices with numpy, one BLAS thread a process, and parses exactly
as the stock model (thinc's default, blis) does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from threadpoolctl import threadpool_info

from conftest import SEEDS
from vntrade.nlp.matrices import THREAD_SETTINGS, numpy_matrices
from vntrade.nlp.pipeline import DEFAULT_MODEL, load_pipeline

DATA = Path(__file__).resolve().parent / "data"
SENTENCES = [
    "Deputy Prime Minister Bui Thanh Son met US Trade Representative Jamieson Greer in "
    "Washington on May 19, two days before the third round of talks ended.",
    "The ministry said on Tuesday that shrimp exports to the US rose 12 percent, while "
    "pangasius shipments fell after the duties took effect.",
]


def _analyses(docs):
    return [
        [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]
        for doc in docs
    ]


@pytest.mark.slow
def test_numpy_matrices_parse_as_thincs_default_does():
    stock = spacy.load(DEFAULT_MODEL)
    with numpy_matrices():
        fast = spacy.load(DEFAULT_MODEL)
    assert fast.get_pipe("parser").model.ops.use_blis is False
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "unseen").glob("*.txt"))]
    got, expected = _analyses(fast.pipe(texts)), _analyses(stock.pipe(texts))
    assert sum(map(len, got)) > 2000
    assert got == expected


def test_the_models_multiply_with_numpy_on_one_thread():
    nlp = load_pipeline()
    for name in ("tok2vec", "tagger", "parser", "ner"):
        ops = nlp.get_pipe(name).model.ops
        assert ops.name == "numpy" and ops.use_blis is False, name
    assert spacy.load(DEFAULT_MODEL).get_pipe("ner").model.ops.use_blis  # others unchanged
    if not any(setting in os.environ for setting in THREAD_SETTINGS):
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)
