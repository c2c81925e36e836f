"""vntrade's components one by one, as spaCy tests its own: `nlp.add_pipe(...)` on a blank or
trained pipeline, settings from the config, data through `initialize` and the registered
readers, and `doc.spans` after saving and loading (bytes and disk)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import load_config_from_str, load_model_from_config, registry
from thinc.api import Config

from vntrade.nlp.doc_records import doc_actors, doc_commodities
from vntrade.nlp.extensions import ACTOR_SPANS, register_extensions
from vntrade.nlp.jsonl import JsonlError, TableData, read_table
from vntrade.nlp.pipeline import DEFAULT_MODEL, FACTORY_MODULES, load_pipeline, pipeline_config
from vntrade.nlp.pos import replace_attribute_ruler

for module in FACTORY_MODULES:  # the factories and readers, as from the entry points
    importlib.import_module(module)

TEXT = (
    "Prime Minister Pham Minh Chinh asked the Ministry of Industry and Trade to report on "
    "rice and coffee exports by April 30, 2025. He said Vietnam would buy 50 Boeing 787 "
    "aircraft, worth US$10 billion. Lanny Tran said trepang exports rose 12%."
)
USER_ACTOR = {"name": "Tran Thi Lan", "type": "PERSON", "aliases": ["Lanny Tran"]}
USER_GOOD = {"name": "sea cucumber", "category": "seafood", "aliases": ["trepang"]}


def spans(doc, key: str) -> list[tuple[str, str, str]]:
    return [(span.text, span.label_, span.kb_id_) for span in doc.spans[key]]


def all_spans(doc) -> dict[str, list[tuple[int, int, str, str]]]:
    return {
        key: [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in group]
        for key, group in doc.spans.items()
    }


@pytest.fixture
def user_files(tmp_path: Path) -> tuple[Path, Path]:
    actors, goods = tmp_path / "actors.jsonl", tmp_path / "goods.jsonl"
    actors.write_text(json.dumps(USER_ACTOR) + "\n", encoding="utf-8")
    goods.write_text(json.dumps(USER_GOOD) + "\n", encoding="utf-8")
    return actors, goods


@pytest.fixture
def trained() -> Language:
    """The trained English model, as `load_pipeline` starts from it, with none of ours."""
    register_extensions()
    nlp = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    replace_attribute_ruler(nlp)
    return nlp


@pytest.mark.parametrize(
    ("factory", "settings"),
    [
        ("vntrade_actors", {"spans_key": "vntrade_actors", "references_key": "vntrade_references"}),
        ("vntrade_commodities", {"spans_key": "vntrade_commodities"}),
        ("vntrade_figures", {"max_count_words": 4}),
        ("vntrade_directives", {"passive_reach": 2}),
    ],
)
def test_settings_come_from_default_config_and_reach_the_component(factory, settings):
    assert Language.get_factory_meta(factory).default_config == settings
    nlp = spacy.blank("en")
    default = nlp.add_pipe(factory, name="default")
    changed = {
        name: f"x_{value}" if isinstance(value, str) else 1 for name, value in settings.items()
    }
    configured = nlp.add_pipe(factory, name="configured", config=changed)
    for name, value in settings.items():
        assert getattr(default, name) == value
        assert getattr(configured, name) == changed[name]
    assert nlp.config["components"]["configured"] == {"factory": factory, **changed}


def test_commodities_on_a_blank_pipeline_with_their_data_from_the_config_reader(tmp_path):
    goods = tmp_path / "goods.jsonl"
    goods.write_text(json.dumps(USER_GOOD) + "\n", encoding="utf-8")
    config = load_config_from_str(
        f"""
[nlp]
lang = "en"
pipeline = ["vntrade_commodities"]

[components]

[components.vntrade_commodities]
factory = "vntrade_commodities"
spans_key = "goods"

[initialize]

[initialize.components]

[initialize.components.vntrade_commodities]

[initialize.components.vntrade_commodities.tables]
@readers = "vntrade.commodity_tables.v1"
extra = {json.dumps(str(goods))}
"""
    )
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    doc = nlp("Exporters sold trepang and durians.")
    assert ("trepang", "seafood", "sea cucumber") in spans(doc, "goods")
    assert "vntrade_commodities" not in doc.spans


def test_actors_on_the_trained_pipeline_under_their_own_span_keys(trained, user_files):
    actors, _ = user_files
    tables = registry.get("readers", "vntrade.actor_tables.v1")(extra=str(actors))
    ruler = trained.add_pipe(
        "vntrade_actors", config={"spans_key": "people", "references_key": "who"}
    )
    ruler.initialize(lambda: [], nlp=trained, tables=tables)
    doc = trained(TEXT)
    assert ("Pham Minh Chinh", "PERSON", "Pham Minh Chinh") in spans(doc, "people")
    assert ("Lanny Tran", "PERSON", "Tran Thi Lan") in spans(doc, "people")
    assert ("He", "PERSON", "Pham Minh Chinh") in spans(doc, "who")
    assert ACTOR_SPANS not in doc.spans


def test_an_uninitialized_component_says_so(trained):
    trained.add_pipe("vntrade_actors")
    with pytest.raises(ValueError, match="not initialized"):
        trained("Pham Minh Chinh spoke.")


def test_initialize_without_data_uses_the_shipped_files(trained):
    trained.add_pipe("vntrade_commodities")
    trained.add_pipe("vntrade_actors")
    for name in ("vntrade_commodities", "vntrade_actors"):
        trained.get_pipe(name).initialize(lambda: [], nlp=trained)
    doc = trained(TEXT)
    assert ("Lanny Tran", "PERSON", "Tran Thi Lan") not in spans(doc, "vntrade_actors")
    assert ("rice", "agriculture", "rice") in spans(doc, "vntrade_commodities")


def test_figures_count_no_further_than_max_count_words(trained):
    trained.add_pipe("vntrade_dates")
    near = trained.add_pipe("vntrade_figures", name="near", config={"max_count_words": 2})
    near.initialize(lambda: [], nlp=trained)
    doc = trained(TEXT)
    assert "aircraft" not in [span.label_ for span in doc.spans["vntrade_figures"]]
    trained.remove_pipe("near")
    trained.add_pipe("vntrade_figures").initialize(lambda: [], nlp=trained)
    doc = trained(TEXT)
    found = [span.text for span in doc.spans["vntrade_figures"] if span.label_ == "aircraft"]
    assert found == ["50 Boeing 787 aircraft"]


def test_dates_on_a_blank_pipeline_with_a_sentencizer():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vntrade_dates")
    doc = nlp("The rules took effect on April 2, 2025.")
    [span] = doc.spans["vntrade_dates"]
    assert (span.text, span.label_, span._.timex_value) == ("April 2, 2025", "DATE", "2025-04-02")


@pytest.mark.parametrize(
    "factory", ["vntrade_actors", "vntrade_commodities", "vntrade_directives", "vntrade_figures"]
)
def test_a_component_saved_to_bytes_or_disk_loads_the_same_tables(factory, tmp_path):
    nlp = spacy.blank("en")
    saved = nlp.add_pipe(factory, name="saved")
    saved.initialize(lambda: [], nlp=nlp)
    assert isinstance(saved, TableData) and saved.tables
    objects = {name: [record for _, record in rows] for name, rows in saved.tables.items()}
    from_bytes = nlp.add_pipe(factory, name="from_bytes").from_bytes(saved.to_bytes())
    saved.to_disk(tmp_path / factory)
    from_disk = nlp.add_pipe(factory, name="from_disk").from_disk(tmp_path / factory)
    for loaded in (from_bytes, from_disk):
        assert {n: [r for _, r in rows] for n, rows in loaded.tables.items()} == objects


@pytest.mark.slow
def test_a_pipeline_to_bytes_and_back_gives_the_same_spans(user_files):
    actors, goods = user_files
    nlp = load_pipeline(actors_file=actors, commodities_file=goods)
    fresh = type(nlp).from_config(nlp.config)  # built, not initialized: no data, no weights
    # The statements component saves no bytes yet: it reads its shipped cues.
    fresh.get_pipe("vntrade_statements").initialize(lambda: [], nlp=fresh)
    fresh.from_bytes(nlp.to_bytes())
    expected, got = nlp(TEXT), fresh(TEXT)
    assert all_spans(got) == all_spans(expected)
    assert ("trepang", "seafood", "sea cucumber") in spans(got, "vntrade_commodities")
    assert ("Lanny Tran", "PERSON", "Tran Thi Lan") in spans(got, "vntrade_actors")
    assert {"vntrade_dates", "vntrade_figures", "vntrade_directives", "vntrade_events"} <= set(
        got.spans
    )


def test_records_from_spans_one_per_canonical_name():
    register_extensions()
    nlp = spacy.blank("en")
    doc = nlp("PM Chinh met Pham Minh Chinh about rice and more rice.")
    doc.spans[ACTOR_SPANS] = [
        Span(doc, 3, 6, label="PERSON", kb_id="Pham Minh Chinh"),
        Span(doc, 0, 2, label="PERSON", kb_id="Pham Minh Chinh"),
    ]
    doc.spans["goods"] = [
        Span(doc, 7, 8, label="agriculture", kb_id="rice"),
        Span(doc, 10, 11, label="agriculture", kb_id="rice"),
    ]
    doc._.vntrade_actor_roles = {"Pham Minh Chinh": "Prime Minister"}
    [actor] = doc_actors(doc)
    assert (actor.name, actor.type, actor.role, actor.aliases) == (
        "Pham Minh Chinh",
        "PERSON",
        "Prime Minister",
        ["PM Chinh"],
    )
    assert [m.start for m in actor.mentions] == [0, 13]
    [good] = doc_commodities(doc, "goods")
    assert (good.name, good.category, [m.text for m in good.mentions]) == (
        "rice",
        "agriculture",
        ["rice", "rice"],
    )
    assert doc_commodities(doc) == []


def test_the_jsonl_reader_names_file_and_line(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_text('{"name": "a"}\n\n{"name": "b"}\n', encoding="utf-8")
    assert read_table(path) == [("list.jsonl:1", {"name": "a"}), ("list.jsonl:3", {"name": "b"})]
    path.write_text('{"name": "a"}\n[1]\n', encoding="utf-8")
    with pytest.raises(JsonlError, match=r"^list\.jsonl:2: each line must be a JSON object$"):
        read_table(path)
    path.write_text('{"name": "a"\n', encoding="utf-8")
    with pytest.raises(JsonlError, match=r"^full:1: not valid JSON"):
        read_table(path, "full")


def test_the_shipped_config_names_a_reader_for_each_component_with_data():
    config: Config = pipeline_config()
    readers = {
        name: block["tables"]["@readers"]
        for name, block in config["initialize"]["components"].items()
        if "tables" in block
    }
    assert readers == {
        "vntrade_actors": "vntrade.actor_tables.v1",
        "vntrade_commodities": "vntrade.commodity_tables.v1",
        "vntrade_directives": "vntrade.directive_tables.v1",
        "vntrade_figures": "vntrade.figure_tables.v1",
    }
    for name in config["nlp"]["pipeline"]:
        settings = dict(config["components"][name])
        assert settings.pop("factory") == name
        assert settings == Language.get_factory_meta(name).default_config
