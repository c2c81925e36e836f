"""`vntrade extract` and `vntrade schema`: record shape, offsets, model selection."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SEEDS, jsonl


@pytest.fixture(scope="module")
def seed_records() -> list[dict]:
    """The seeds' records, extracted once for this module (no cache: a fresh run)."""
    from click.testing import CliRunner

    from vntrade.cli import main

    args = ["extract", str(SEEDS), "--with-text", "--no-cache", "--format", "jsonl"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


@pytest.mark.slow
def test_real_output_validates_against_the_schema(cli, seed_records):
    schema = json.loads(cli("schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    for record in seed_records:
        jsonschema.validate(record, schema)
    assert len(seed_records) == 5


def test_every_offset_slices_the_clean_text(seed_records):
    checked = 0
    for record in seed_records:
        text = record["text"]
        spans = record["dates"] + [
            m for item in record["actors"] + record["commodities"] for m in item["mentions"]
        ]
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]
            checked += 1
        for found in record["directives"]:
            assert text[found["start"] : found["end"]] == found["sentence"]
            checked += 1
        for event in record["events"]:
            assert text[event["sentence_start"] : event["sentence_end"]] == event["sentence"]
            checked += 1
    assert checked > 100


def test_events_are_in_the_record_with_one_lead_each(seed_records):
    for record in seed_records:
        events = record["events"]
        assert events, record["id"]
        (lead,) = [event for event in events if event["lead"]]
        assert lead["order"] == min(event["order"] for event in events)
        for event in events:
            if event["directive"] is not None:
                directive = record["directives"][event["directive"]]
                assert directive["deadline"] == event["value"]
                assert (directive["start"], directive["end"]) == (
                    event["sentence_start"],
                    event["sentence_end"],
                )
    (first, *_) = seed_records[0]["events"]  # "as he chaired a meeting on April 29"
    assert (first["value"], first["kind"], first["trigger"], first["lead"]) == (
        "2025-04-29",
        "meeting",
        "meeting",
        True,
    )
    assert (first["start"], first["end"], first["precision"]) == ("2025-04-29", "2025-04-30", "day")
    assert first["actors"][0] == "Pham Minh Chinh"  # "he", resolved by the pipeline
    assert first["summary"].startswith("Pham Minh Chinh chaired a meeting")


def test_the_schema_describes_events(cli):
    schema = json.loads(cli("schema").stdout)
    event = schema["properties"]["events"]["items"]
    assert "events" in schema["required"]
    assert {"value", "start", "end", "precision", "kind", "trigger", "actors", "commodities",
            "summary", "sentence", "sentence_start", "sentence_end", "order", "lead"} <= set(
        event["required"]
    )  # fmt: skip


def test_text_is_in_every_record_unless_left_out(cli, seeds):
    path = str(seeds / "003_df8df0b08cc2d189.txt")
    (record,) = jsonl(cli("extract", path, "--format", "jsonl"))
    assert record["text"].startswith("Vietnamese ministries")
    (record,) = jsonl(cli("extract", path, "--without-text", "--format", "jsonl"))
    assert "text" not in record
    assert record["published"] == "2025-04-25"


def test_missing_model_names_the_package_to_install(cli, seeds):
    result = cli("extract", str(seeds), "--model", "en_core_web_nonexistent", "--no-cache")
    assert result.exit_code == 1
    assert "spaCy model 'en_core_web_nonexistent' is not installed" in result.stderr
    assert "pip install en-core-web-nonexistent" in result.stderr
    assert "Traceback" not in result.stderr


def test_model_comes_from_the_environment(cli, seeds):
    result = cli("extract", str(seeds), "--no-cache", env={"VNTRADE_MODEL": "no_such_model"})
    assert result.exit_code == 1
    assert "'no_such_model' is not installed" in result.stderr


def test_stdin_jsonl_goes_through_extract(cli):
    line = json.dumps(
        {
            "id": "x1",
            "published": "2025-06-02",
            "title": "Talks",
            "text": "Deputy Prime Minister Ho Duc Phoc met US Commerce Secretary Howard "
            "Lutnick on Friday to discuss exports of shrimp.",
        }
    )
    result = cli("extract", "-", "--format", "jsonl", input=line + "\n")
    (record,) = jsonl(result)
    assert record["id"] == "x1"
    assert [d["value"] for d in record["dates"]] == ["2025-05-30"]
    assert {"Ho Duc Phoc", "Howard Lutnick"} <= {a["name"] for a in record["actors"]}
    assert [c["name"] for c in record["commodities"]] == ["shrimp"]


def test_table_on_request_summarises_each_article(cli, seeds):
    result = cli("extract", str(seeds / "004_64a97ab08e7e91aa.txt"), "--format", "table")
    assert result.exit_code == 0
    assert "004_64a97ab08e7e91aa" in result.stdout
    assert "Last week=2025-W11" in result.stdout
