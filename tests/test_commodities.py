"""Commodities through the real CLI and model: gazetteer, synonyms, general patterns, user file."""

from __future__ import annotations

import json

import pytest

from conftest import extract_one as extract


def names(record: dict) -> dict[str, str]:
    return {c["name"]: c["category"] for c in record["commodities"]}


def test_synonyms_map_to_one_canonical_name(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Hanoi (VNA) - The Deputy Prime Minister asked firms to sign contracts for the "
        "purchase of US goods such as liquefied natural gas, Boeing planes, drugs, medical "
        "supplies and farm produce.\nThe airline said the airplanes would arrive in 2026.",
    )
    assert names(record) == {
        "LNG": "energy",
        "aircraft": "aviation",
        "pharmaceuticals": "medical",
        "medical supplies": "medical",
        "agricultural products": "agriculture",
    }
    aircraft = next(c for c in record["commodities"] if c["name"] == "aircraft")
    assert [m["text"] for m in aircraft["mentions"]] == ["Boeing planes", "airplanes"]


def test_plural_and_singular_forms_match(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietnam will import more soybean and cashew, while its exports of smartphone "
        "components and a single solar panel shipment drew attention.",
    )
    assert {"soybeans", "cashew nuts", "solar panels"} <= set(names(record))


def test_coordinated_modifiers_share_a_head(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Both sides will ease market access for each other's agricultural, and aquatic "
        "products, and for steel and aluminium products.",
    )
    assert set(names(record)) == {"agricultural products", "seafood", "steel", "aluminium"}
    farm = next(c for c in record["commodities"] if c["name"] == "agricultural products")
    assert [m["text"] for m in farm["mentions"]] == ["agricultural"]


def test_goods_outside_the_gazetteer(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Exports of custard apples and jackfruit to the US rose sharply last year. "
        "Washington also imposed anti-dumping duties on wooden chairs and orchids. "
        "Buyers in Seoul want Vietnamese products such as ginseng, bird nests and lacquerware.",
    )
    found = names(record)
    assert found["custard apples"] == "agriculture"
    assert found["wooden chairs"] == "manufactures"
    assert {"jackfruit", "orchids", "ginseng", "bird nests", "lacquerware"} <= set(found)


def test_list_context_names_and_categorises_unknown_goods(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Rice exports rose. The ministry listed US goods in which Vietnam has demand, "
        "including LNG, ethanol and bentonite. Exporters hope the US will open its market to "
        "tropical fruits such as pomelo and avocado.",
    )
    assert names(record) == {
        "rice": "agriculture",
        "LNG": "energy",
        "ethanol": "energy",
        "bentonite": "other",
        "fruits": "agriculture",
        "pomelo": "agriculture",
        "avocado": "agriculture",
    }


def test_trade_frames_and_quantities(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Viet Nam exported 2.4 million tonnes of rice worth US$1.3 billion and imported "
        "500,000 cubic metres of timber. The US imposed a 25% tariff on steel and aluminium, "
        "while durian exports and shipments of frozen shrimp grew.",
    )
    assert names(record) == {
        "rice": "agriculture",
        "timber": "forestry",
        "steel": "metals",
        "aluminium": "metals",
        "durian": "agriculture",
        "shrimp": "fisheries",
    }


def test_policy_words_money_and_names_are_not_commodities(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietnam has addressed areas of concern, including product origin, non-tariff "
        "barriers, intellectual property, copyright and administrative reform. The US imposed "
        "a 46% tariff on US$90.3 billion of Vietnamese goods, and on imports from partners. "
        "Import tariffs, trade, investment and other products were discussed in phone talks "
        "with Hoa Phat Steel and Apple. Pharmaceutical companies backed electronic payments. "
        "He urged diversification in markets, products and supply chains, and curbing "
        "counterfeit goods, as firms ship more US goods and services.",
    )
    assert record["commodities"] == []


def test_offsets_with_diacritics(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "HÀ NỘI — Việt Nam’s exports of coffee, cashew nuts and pepper rose, Minister "
        "Nguyễn Hồng Diên said, as Bình Phước province shipped more cashew.",
    )
    cashew = next(c for c in record["commodities"] if c["name"] == "cashew nuts")
    assert [m["text"] for m in cashew["mentions"]] == ["cashew nuts", "cashew"]
    assert set(names(record)) == {"coffee", "cashew nuts", "pepper"}


def test_user_file_adds_and_extends_entries(cli, tmp_path):
    extra = tmp_path / "extra.jsonl"
    lines = [
        {"name": "bird's nest", "category": "agriculture", "aliases": ["swiftlet nests"]},
        {"name": "aircraft", "aliases": ["widebodies"]},
        {"name": "coffee", "category": "beverages"},
    ]
    extra.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    text = "Vietnam will sell swiftlet nests and coffee, and buy five widebodies."
    assert "bird's nest" not in names(extract(cli, tmp_path, text))
    record = extract(cli, tmp_path, text, "--commodities", str(extra))
    assert names(record) == {
        "bird's nest": "agriculture",
        "coffee": "beverages",
        "aircraft": "aviation",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"name": "durian"\n', "extra.jsonl:1"),
        ('{"name": "durian"}\n{"aliases": ["x"]}\n', "extra.jsonl:2"),
        ('{"name": "durian", "aliases": "durians"}\n', '"aliases" must be a list'),
        ('{"name": "jets", "patterns": [[{"NOPE": 1}]]}\n', "bad token pattern"),
    ],
)
def test_bad_user_file_is_a_clear_error(cli, tmp_path, content, message):
    extra = tmp_path / "extra.jsonl"
    extra.write_text(content, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Vietnam buys aircraft.", encoding="utf-8")
    result = cli("extract", str(article), "--commodities", str(extra), "--format", "jsonl")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_seed_articles_score_against_gold(cli, seeds, gold):
    result = cli("eval", "--gold", str(gold), str(seeds), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["fields"]["commodities"]["f1"] >= 0.9


def test_other_items_of_a_list_of_known_goods(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietnamese longans, rambutans, custard apples, mangoes and soursops are sold in US "
        "supermarkets.",
    )
    assert names(record) == {
        "longan": "agriculture",
        "rambutan": "agriculture",
        "custard apples": "agriculture",  # an apple of its own, not `apples`
        "mango": "agriculture",
        "soursops": "agriculture",  # the category of the list's other goods
    }


def test_goods_a_market_is_opened_for_and_compound_goods(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The ministry is working to open the market for Vietnamese avocados and sweet "
        "potatoes. Exports of bird's nests rose sharply.",
    )
    assert set(names(record)) == {"avocados", "sweet potatoes", "bird's nests"}


def test_trade_status_words_name_no_good(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Washington imposed a 40 per cent tariff on transshipped goods and anti-dumping duties "
        "on dumped products.",
    )
    assert record["commodities"] == []


def test_related_goods_keep_their_own_names(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietnam buys US soybeans and soybean meal, and imports solar cells to assemble solar "
        "panels. PV Trans leased two LNG carriers to ship LNG.",
    )
    assert set(names(record)) == {
        "soybeans",
        "soybean meal",
        "solar cells",
        "solar panels",
        "LNG carriers",
        "LNG",
    }


def test_goods_after_a_rate_and_goods_sharing_a_modifier(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The US imposed duties of up to 250 per cent on solar cells and modules and tariffs "
        "of 25% on vanities. US orders for wooden chairs fell in the third quarter.",
    )
    found = {c["name"]: [m["text"] for m in c["mentions"]] for c in record["commodities"]}
    assert found == {
        "solar cells": ["solar cells"],
        "solar panels": ["modules"],  # solar modules
        "vanities": ["vanities"],
        "wooden chairs": ["wooden chairs"],
    }


def test_listed_goods_of_2025_trade_cases_and_market_openings(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Officials discussed US access for Vietnamese passion fruit and green-skin pomelos. "
        "Customs found fake origin labels on e-bikes and kitchen cabinets, and US duties on "
        "hardwood plywood stay in force.",
    )
    assert names(record) == {
        "passion fruit": "agriculture",
        "pomelo": "agriculture",
        "electric bicycles": "automotive",
        "wooden cabinets": "manufactures",
        "plywood": "forestry",  # `hardwood plywood` is plywood, not timber as well
    }
