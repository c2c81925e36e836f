"""`find_figures` on documents processed by the real pipeline."""

from __future__ import annotations

import pytest

from vntrade.nlp.figures import find_figures, parse_number
from vntrade.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def figures():
    nlp = load_pipeline()

    def run(text: str) -> list[dict]:
        found = find_figures(nlp(text))
        for figure in found:
            assert text[figure["start"] : figure["end"]] == figure["text"]
        return found

    return run


def test_money_amounts_in_several_notations(figures):
    found = figures(
        "Exports rose to USD 119.5 bln, imports cost VND 1.2 trillion, bilateral trade reached "
        "150 billion USD and a loan of US$500 million was agreed."
    )
    assert [(f["kind"], f["value"], f["unit"]) for f in found] == [
        ("money", 119.5e9, "USD"),
        ("money", 1.2e12, "VND"),
        ("money", 150e9, "USD"),
        ("money", 500e6, "USD"),
    ]


def test_money_names_the_quantity_it_measures(figures):
    [deal] = figures(
        "Last week, several economic cooperation agreements between Vietnamese and US "
        "businesses, with a total value of approximately US$90.3 billion have been signed."
    )
    assert deal["text"] == "US$90.3 billion"
    assert deal["value"] == pytest.approx(90.3e9)
    assert deal["quantity"] == "agreements"
    assert deal["qualifier"] == "approximately"
    [surplus] = figures("Meanwhile the trade surplus hit $123.5 billion in 2024.")
    assert surplus["quantity"] == "surplus"


def test_percentages_and_rates(figures):
    found = figures(
        "Washington imposed a 46% tariff, exports rose 20 percent and the rate fell "
        "3.5 percentage points."
    )
    assert [(f["text"], f["kind"], f["value"], f["unit"]) for f in found] == [
        ("46%", "percent", 46.0, "%"),
        ("20 percent", "percent", 20.0, "%"),
        ("3.5 percentage points", "percent", 3.5, "percentage points"),
    ]
    assert [f["quantity"] for f in found[:2]] == ["tariff", "exports"]


def test_counts_of_things(figures):
    found = figures(
        "The Prime Minister received nearly 60 major US corporations and forty-six firms."
    )
    assert [(f["text"], f["kind"], f["value"], f["quantity"]) for f in found] == [
        ("60", "count", 60.0, "corporations"),
        ("forty-six", "count", 46.0, "firms"),
    ]
    assert found[0]["qualifier"] == "nearly"


def test_measured_goods(figures):
    [tonnes, worth] = figures("Vietnam exported 2.4 million tonnes of rice worth US$1.3 billion.")
    assert (tonnes["kind"], tonnes["value"], tonnes["quantity"]) == ("quantity", 2.4e6, "rice")
    assert (worth["kind"], worth["quantity"]) == ("money", "rice")


def test_dates_and_document_numbers_are_not_figures(figures):
    text = "On April 29, 2025, he cited Resolution 66/NQ-CP and Decree No. 59 on the 90-day pause."
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("90.3", 90.3), ("1,200", 1200.0), ("2.4 million", 2.4e6), ("sixty", 60.0), ("x", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value
