"""The pipeline as a whole: its fingerprint, and its results carried by the `Doc` itself."""

from __future__ import annotations

from importlib import resources

import pytest
from spacy.tokens import DocBin

from conftest import ROOT, SEEDS
from vntrade.loader import iter_inputs
from vntrade.nlp.extract import _make_doc, doc_to_extraction
from vntrade.nlp.pipeline import _package_files, load_pipeline
from vntrade.records import Article

CORPORA = [SEEDS, ROOT / "tests" / "data" / "unseen", ROOT / "tests" / "data" / "heldout"]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    found = list(iter_inputs([str(path) for path in CORPORA]))
    assert all(isinstance(item, Article) for item in found)
    return found


def test_fingerprint_reads_every_file_under_nlp():
    names = [relative for relative, _ in _package_files(resources.files("vntrade.nlp"))]
    assert names == sorted(names)
    assert "pipeline.py" in names and "dates/component.py" in names
    assert "data/actors/actors.jsonl" in names
    assert not any(name.endswith(".pyc") for name in names)


def test_a_processed_doc_survives_docbin(articles):
    nlp = load_pipeline()
    docs = [nlp(_make_doc(nlp, article)) for article in articles]
    expected = [doc_to_extraction(doc, a).to_dict() for doc, a in zip(docs, articles, strict=True)]
    assert any(record["directives"] for record in expected)
    assert any(record["dates"] for record in expected)
    stored = DocBin(store_user_data=True, docs=docs).to_bytes()
    loaded = list(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    got = [doc_to_extraction(doc, a).to_dict() for doc, a in zip(loaded, articles, strict=True)]
    assert got == expected
    assert {"vntrade_dates", "vntrade_directives"} <= set(loaded[0].spans)
