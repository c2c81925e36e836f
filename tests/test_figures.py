"""The `vntrade_figures` component through the CLI: money, percentages, measures and counts
with their number, unit and what they measure, offsets into the text, and compare reading
them from the records."""

from __future__ import annotations

import json

import pytest

from conftest import extract_one
from test_timeline import ARTICLES as KNAPPER  # one reception told by VNA and VOV
from vntrade.views.compare import compare_records

UNITS = (
    "date 2025-04-10\n"
    "Vietnam faces a 46 percent tariff. Another report said 46% and a third 46 per cent.\n"
    "Shipments reached US$90.3 billion, then $1.2bn and VND 5 trillion.\n"
    "The port handled 1.5 million tonnes of rice, 2,000 containers and 3 million TEU.\n"
    "Vietnam would buy 50 Boeing aircraft.\n"
)
MEASURES = (
    "date 2025-04-10\n"
    "Washington announced a 46 percent tariff on Vietnamese goods.\n"
    "Exports rose 20 percent in the first quarter.\n"
    "Vietnam ran a trade surplus of US$123 billion with the United States.\n"
    "US firms pledged US$2 billion in investment in Vietnam.\n"
    "Agreements with a total value of US$90.3 billion were signed.\n"
)


def _figures(record: dict) -> dict[str, dict]:
    text = record["text"]
    for figure in record["figures"]:
        assert text[figure["start"] : figure["end"]] == figure["text"]
        sentence = text[figure["sentence_start"] : figure["sentence_end"]]
        assert figure["text"] in sentence and "\n" not in sentence
    return {figure["text"]: figure for figure in record["figures"]}


def test_each_kind_of_unit(cli, tmp_path):
    found = _figures(extract_one(cli, tmp_path, UNITS))
    expected = {
        "46 percent": (46, "percent"),
        "46%": (46, "percent"),
        "46 per cent": (46, "percent"),
        "US$90.3 billion": (90.3e9, "USD"),
        "$1.2bn": (1.2e9, "USD"),
        "VND 5 trillion": (5e12, "VND"),
        "1.5 million tonnes": (1.5e6, "tonne"),
        "2,000 containers": (2000, "container"),
        "3 million TEU": (3e6, "TEU"),
        "50 Boeing aircraft": (50, "aircraft"),
    }
    for text, (quantity, unit) in expected.items():
        assert found[text]["quantity"] == pytest.approx(quantity), text
        assert found[text]["unit"] == unit, text
    assert found["50 Boeing aircraft"]["measures"] == "number of aircraft"
    assert "2025" not in found and "April 10" not in found  # dates are never figures


def test_what_a_figure_measures(cli, tmp_path):
    found = _figures(extract_one(cli, tmp_path, MEASURES))
    assert found["46 percent"]["measures"] == "tariff rate"
    assert found["20 percent"]["measures"] == "exports growth"
    assert found["US$123 billion"]["measures"] == "trade surplus"
    assert found["US$2 billion"]["measures"] == "investment"
    assert found["US$90.3 billion"]["measures"] == "value of agreements"


def test_an_unknown_measure_is_null(cli, tmp_path):
    record = extract_one(cli, tmp_path, "The figure was 12 percent, he said.\n")
    [figure] = record["figures"]
    assert (figure["text"], figure["unit"], figure["measures"]) == ("12 percent", "percent", None)


def test_offsets_stay_right_in_a_long_article_cut_into_pieces(cli, tmp_path):
    paragraphs = [
        f"Washington set a {day % 40 + 10} percent tariff on Vietnamese shrimp in round {day}."
        + " The talks went on." * 30
        for day in range(60)
    ]
    record = extract_one(cli, tmp_path, "Hanoi (VNA) - " + "\n\n".join(paragraphs))
    assert len(record["text"]) > 20_000  # two pieces or more (see nlp/pieces.py)
    rates = [f for f in _figures(record).values() if f["unit"] == "percent"]
    figures = [f for f in record["figures"] if f["unit"] == "percent"]
    assert len(figures) == 60 and len(rates) == 40  # 40 distinct texts
    assert {f["measures"] for f in figures} == {"tariff rate"}
    assert [f["start"] for f in figures] == sorted(f["start"] for f in figures)


def test_compare_groups_a_tariff_conflict_from_the_records_figures(cli, tmp_path):
    tariffs = {"knapper_vna.txt": "46 percent", "knapper_vov.txt": "20 percent"}
    for name, rate in tariffs.items():
        text = KNAPPER[name] + f"The US has announced a {rate} tariff on Vietnamese goods.\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = cli("compare", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    [cluster] = json.loads(result.stdout)["clusters"]
    [tariff] = [c for c in cluster["conflicts"] if c["what"] == "tariff rate"]
    assert tariff["values"] == {"knapper_vna": "46 percent", "knapper_vov": "20 percent"}
    assert "46 percent tariff" in tariff["evidence"]["knapper_vna"]
    assert sorted((g["value"], g["reports"], g["articles"]) for g in tariff["groups"]) == [
        ("20 percent", 1, ["knapper_vov"]),
        ("46 percent", 1, ["knapper_vna"]),
    ]


def test_records_made_before_figures_were_kept_compare_without_them(cli, tmp_path):
    for name in ("knapper_vna.txt", "knapper_vov.txt"):
        (tmp_path / name).write_text(KNAPPER[name], encoding="utf-8")
    result = cli("extract", str(tmp_path), "--with-text", "--format", "json")
    records = json.loads(result.stdout)
    assert all(record["figures"] for record in records)
    for record in records:
        del record["figures"]
    document, _ = compare_records(records)
    [cluster] = document["clusters"]
    assert cluster["shared"]["figures"] == []
    assert {c["type"] for c in cluster["conflicts"]} == {"date"}
