"""The `vntrade_events` component through `vntrade extract`: a day and time is dated by its day."""

from __future__ import annotations

import json

from conftest import extract_one, jsonl

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


def extracted(cli, tmp_path, rows: list[dict]) -> list[dict]:
    """The records `vntrade extract` makes of article rows, written as one JSONL file."""
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def leads(record: dict) -> list[tuple[str, str]]:
    return [(e["start"], e["kind"]) for e in record["events"] if e["lead"]]


def test_a_quarter_s_data_do_not_lead_over_the_day_they_came_out(cli, tmp_path):
    rows = [
        {"id": "survey", "published": "2025-10-09", "text": "Confidence among furniture "
         "makers recovered in the third quarter, a survey released by the timber association "
         "on Tuesday showed. The association will meet buyers on October 20."},
        {"id": "talks", "published": "2025-10-09", "text": "The two sides will meet again in "
         "the fourth quarter, the ministry said on Wednesday."},
    ]  # fmt: skip
    survey, talks = extracted(cli, tmp_path, rows)
    assert leads(survey) == [("2025-10-07", "report")]
    # a day the sentence gives leads over its quarter, whatever the kind
    assert leads(talks) == [("2025-10-08", "briefing")]


def test_the_article_s_own_year_alone_dates_no_event_but_a_past_year_does(cli, tmp_path):
    text = (
        "Vietnamese buyers have signed similar purchase pledges in several states this year. "
        "Here is how the talks went in 2025. The ministry signed a memorandum with Brazil in "
        "2018. The deal must be signed by the end of the year. The two presidents will "
        "sign a trade agreement in 2025."
    )
    (record,) = extracted(cli, tmp_path, [{"id": "years", "published": "2025-09-20", "text": text}])
    assert [(e["value"], e["kind"]) for e in record["events"]] == [
        ("2018", "agreement"),
        ("2025", "deadline"),
        ("2025", "agreement"),
    ]


def test_what_was_done_leads_over_the_saying_of_it_and_over_what_falls_due(cli, tmp_path):
    rows = [
        {"id": "said", "published": "2025-08-20", "text": "The trade remedies agency said on "
         "Tuesday that the US Commerce Department had set a 12% duty on Vietnamese honey in "
         "final results published on August 15."},
        {"id": "due", "published": "2025-06-25", "text": "The ministry issued a regulation on "
         "June 23 requiring fuel retailers to sell E10 petrol by January 1, 2026."},
        {"id": "aim", "published": "2026-01-16", "text": "The two sides aim to sign the deal by "
         "March 31, the deputy minister told reporters on Thursday."},
    ]  # fmt: skip
    said, due, aim = extracted(cli, tmp_path, rows)
    assert leads(said) == [("2025-08-15", "tariff measure")]
    assert leads(due) == [("2025-06-23", "decision")]
    assert leads(aim) == [("2026-01-15", "briefing")]  # the saying, not what it says is due


def test_what_a_saying_reports_as_done_leads_when_the_next_sentence_dates_it(cli, tmp_path):
    rows = [
        {"id": "done", "published": "2025-08-09", "text": "Washington has cut its tariff on "
         "Laotian goods to 25 percent, Laos's trade minister said on Friday. The new rate was "
         "set in an order signed by the US president on Wednesday."},
        {"id": "plan", "published": "2025-08-09", "text": "Laos will seek further cuts, its "
         "trade minister said on Friday. The ministry met exporters on Wednesday."},
        {"id": "call", "published": "2025-08-09", "text": "Laos has reached a deal with the "
         "United States that cuts the rate threatened in April, its trade minister said on "
         "Friday. The announcement came after a phone call between the two leaders on "
         "Thursday."},
    ]  # fmt: skip
    done, plan, call = extracted(cli, tmp_path, rows)
    assert leads(done) == [("2025-08-06", "tariff measure")]  # the order that cut it
    assert leads(plan) == [("2025-08-08", "briefing")]  # nothing reported as done
    # the deal the saying reports (its terms' "April" dates nothing), not the call beside it
    assert leads(call) == [("2025-08-08", "agreement")]


def test_a_year_that_names_a_law_dates_no_event(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nThe ministry invoked Section 9 of the Export Control Act of "
        "1988 on July 3. Officials amended the Law on Export Duties 2016 in March, and the 2019 "
        "Customs Law was cited too.",
    )
    assert sorted(e["value"] for e in record["events"]) == ["2025-03", "2025-07-03"]


def test_a_gathering_where_a_plan_was_approved_is_dated_in_the_past(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-09-24\n\nShareholders approved the plan to expand the carrier's "
        "fleet at the annual general meeting on June 26.",
    )
    assert [e["value"] for e in record["events"]] == ["2025-06-26"]


def test_the_same_day_after_a_span_of_days_is_the_day_named_before_the_span(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-10-27\n\nThe two countries issued a joint statement on October 26. "
        "It came at the summit, which the Prime Minister attends from October 25 to 28. "
        "On the afternoon of the same day, he met the US president.",
    )
    meeting = [e for e in record["events"] if e["kind"] == "meeting" and "met" in e["summary"]]
    assert [e["value"] for e in meeting] == ["2025-10-26"]


def test_a_pronoun_never_stands_for_someone_named_only_after_it(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nOn July 14, he met President Donald Trump in Washington.",
    )
    assert record["events"][0]["summary"].startswith("He met")


def test_a_subject_the_parser_makes_of_punctuation_does_not_fail_the_article(cli, tmp_path):
    # "Plan No. 4120/…": the parser takes the "." after "No" for the subject
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-11-06\n\nPlan No. 4120/KH-UBND was issued by the provincial People's "
        "Committee on November 5 on supporting enterprises.",
    )
    assert [e["start"] for e in record["events"]] == ["2025-11-05"]


def test_a_wire_dateline_inside_the_text_dates_no_event(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-06-04\n\nShrimp farmers in the Mekong Delta are restocking ponds. "
        "Traders expect demand to pick up before the holidays.\n\nPangasius farmers said feed "
        "costs rose again. Several hatcheries have cut output.\n\n"
        "HANOI, June 3 (Reuters) - Vietnam's trade ministry on Monday said it would send a "
        "delegation to Washington.",
    )
    assert [e["start"] for e in record["events"]] == ["2025-06-02"]
