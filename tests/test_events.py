"""The `vntrade_events` component through `vntrade extract`: a day and time is dated by its day."""

from __future__ import annotations

import json

from conftest import jsonl

CALL = (
    "HANOI (VNA) - Prime Minister Pham Minh Chinh held phone talks with US Trade "
    "Representative Jamieson Greer on Tuesday night on tariffs on Vietnamese shrimp.\n\n"
    "He said Vietnam would buy more LNG."
)


def test_a_day_and_time_event_has_its_days_period(cli, tmp_path):
    path = tmp_path / "call.jsonl"
    path.write_text(json.dumps({"id": "call", "text": CALL, "published": "2025-03-05"}) + "\n")
    result = cli("extract", str(path), "--with-text", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    (record,) = jsonl(result)
    (event,) = record["events"]
    assert event["value"] == "2025-03-04TNI"
    assert (event["start"], event["end"], event["precision"]) == ("2025-03-04", "2025-03-05", "day")
    assert (event["kind"], event["trigger"], event["lead"]) == ("call", "phone talks", True)
    assert event["commodities"] == ["shrimp"]
    assert record["text"][event["sentence_start"] : event["sentence_end"]] == event["sentence"]
    assert event["sentence"].endswith("on tariffs on Vietnamese shrimp.")
