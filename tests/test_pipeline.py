"""The pipeline as a whole: its fingerprint, its results carried by the `Doc` itself, and a
saved pipeline reloaded by plain `spacy.load` (through the real model)."""

from __future__ import annotations

import importlib
import tomllib
from importlib import resources

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from conftest import ROOT, SEEDS
from vntrade.loader import iter_inputs
from vntrade.nlp.extract import _make_doc, doc_to_extraction, extract_articles
from vntrade.nlp.pipeline import _package_files, load_pipeline, pipeline_config
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


def test_a_saved_pipeline_reloads_with_spacy_load_and_gives_the_same_records(articles, tmp_path):
    nlp = load_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.meta["vntrade_fingerprint"] == nlp.meta["vntrade_fingerprint"]
    expected = [r.to_dict() for r in extract_articles(nlp, articles)]
    got = [r.to_dict() for r in extract_articles(loaded, articles)]
    assert got == expected
    assert sum(len(r["commodities"]) for r in got) and sum(len(r["directives"]) for r in got)
    doc = loaded("The ministry asked exporters to report by April 30.")
    assert all(token.pos_ for token in doc)


def test_entry_points_name_the_factories():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    points = config["project"]["entry-points"]["spacy_factories"]
    assert set(points) == {"vntrade_pos", *pipeline_config()["nlp"]["pipeline"]}
    for name, target in points.items():
        module, function = target.split(":")
        assert callable(getattr(importlib.import_module(module), function))
        assert Language.has_factory(name)


def test_a_saved_pipeline_keeps_the_users_actors_and_goods(tmp_path):
    actors = tmp_path / "actors.jsonl"
    actors.write_text('{"name": "Tran Thi Lan", "type": "PERSON", "aliases": ["Lanny Tran"]}\n')
    goods = tmp_path / "goods.jsonl"
    goods.write_text('{"name": "sea cucumber", "category": "seafood", "aliases": ["trepang"]}\n')
    nlp = load_pipeline(actors_file=actors, commodities_file=goods)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "Lanny Tran said trepang exports rose."
    for pipeline in (nlp, loaded):
        doc = pipeline(text)
        assert {s.kb_id_ for s in doc.spans["vntrade_actors"]} == {"Tran Thi Lan"}
        assert {s.kb_id_ for s in doc.spans["vntrade_commodities"]} == {"sea cucumber"}
