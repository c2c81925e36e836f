"""One event per happening and who a measure belongs to, through `vntrade extract`: the
close or opening of talks joins the days they span, a measure taking effect is its setter's,
a province's branch of a national agency, a reporting verb the parser left without its
subject, and one press briefing per speaker and day (issue 21, items 1 and 2)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import extract_one


def events_of(cli, tmp_path, published: str, body: str) -> list[dict]:
    return extract_one(cli, tmp_path, f"Published: {published}\n\n{body}")["events"]


def of_kind(events: list[dict], kind: str) -> list[dict]:
    return [e for e in events if e["kind"] == kind]


def test_the_close_of_a_round_and_the_days_it_ran_are_one_event(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-10-18",
        "Vietnam and Japan wrapped up their third round of economic partnership talks in "
        "Tokyo on Friday, the foreign ministry said.\nThe round, held from October 13 to 17, "
        "covered farm trade and investment rules.",
    )
    (talks,) = of_kind(events, "negotiation")
    assert (talks["start"], talks["end"]) == ("2025-10-13", "2025-10-18")
    assert talks["lead"] and talks["order"] == 0


def test_a_close_told_before_the_opening_makes_one_span(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-09-12",
        "Trade talks between Vietnam and Australia concluded in Canberra on Thursday.\n"
        "The talks had opened on Monday with a session on farm trade.",
    )
    (talks,) = of_kind(events, "negotiation")
    assert (talks["start"], talks["end"]) == ("2025-09-08", "2025-09-12")
    assert talks["lead"]


def test_a_round_wrapped_up_after_three_days_ends_on_its_day(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-09-12",
        "Negotiators from Vietnam and South Korea wrapped up a round of trade talks on "
        "Thursday after three days of meetings in Seoul.",
    )
    (talks,) = of_kind(events, "negotiation")
    assert (talks["start"], talks["end"]) == ("2025-09-09", "2025-09-12")


def test_rates_that_take_effect_are_their_setter_s_country_not_the_last_person_named(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-08-01",
        "US President Donald Trump raised tariffs on Brazilian coffee to 50 percent on July "
        "30.\nBrazilian Trade Minister Luis Ramos said on Thursday that exporters would look "
        "for other buyers.\nThe new rates take effect on August 6.",
    )
    (effect,) = [e for e in events if e["start"] == "2025-08-06"]
    assert effect["kind"] == "tariff measure"
    assert effect["actors"][0] == "United States"


def test_a_reciprocal_tariff_on_a_country_s_goods_is_not_that_country_s(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-08-10",
        "Thai rice exporters are worried about orders.\nThe 19 per cent reciprocal tariff on "
        "Thai goods took effect on August 7.",
    )
    (effect,) = [e for e in events if e["start"] == "2025-08-07"]
    assert effect["actors"][0] == "United States"


def test_a_decree_signed_by_a_person_keeps_its_signer(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-06-20",
        "The decree, signed by Deputy Prime Minister Tran Hong Ha, takes effect on July 1.",
    )
    (effect,) = [e for e in events if e["start"] == "2025-07-01"]
    assert effect["actors"][0] == "Tran Hong Ha"


def test_a_province_s_customs_office_is_its_own_actor(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-03-10",
        "Customs officers in the northern province of Lang Son seized 40 containers of "
        "plywood on March 4.",
    )
    (seizure,) = [e for e in events if e["start"] == "2025-03-04"]
    assert seizure["actors"][0] == "Lang Son Customs"


def test_the_provincial_statistics_office_is_the_province_s(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-05-08",
        "Long An's exports to the US grew strongly this spring.\nAccording to figures "
        "released by the Provincial Statistics Office on May 6, the province's exports rose "
        "12% in four months.",
    )
    (report,) = [e for e in events if e["start"] == "2025-05-06"]
    assert report["actors"][0] == "Long An Statistics Office"


def test_a_reporting_verb_after_a_list_has_the_body_before_it_as_its_subject(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-06-05",
        "The talks covered rice, pork and wood products, the Ministry of Agriculture and "
        "Environment said in a statement on June 3.",
    )
    (statement,) = [e for e in events if e["start"] == "2025-06-03"]
    assert statement["kind"] == "briefing"  # a ministry's statement on what happened
    assert statement["actors"][0] == "Ministry of Agriculture and Environment"


def test_a_speaker_s_dated_briefing_is_not_told_again_as_a_press_briefing(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-11-14",
        "Vietnam and the United States aim to sign their trade deal soon, Industry and Trade "
        "Minister Nguyen Hong Dien said on Friday.\nThe latest round covered farm goods and "
        "digital trade, Dien told a news conference.",
    )
    briefings = [e for e in of_kind(events, "briefing") if e["start"] == "2025-11-14"]
    assert [e["actors"][0] for e in briefings] == ["Nguyen Hong Dien"]


def test_an_order_taking_effect_is_the_state_s_whose_leader_signed_it(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-08-08",
        "President Donald Trump signed an executive order on Thursday setting a 25% tariff "
        "on imports from Laos.\nThe order, which also revises the rates for other partners, "
        "takes effect on August 14.",
    )
    (effect,) = [e for e in events if e["start"] == "2025-08-14"]
    assert effect["actors"][0] == "United States"


def test_a_province_s_department_is_named_after_its_place_or_the_headline_s(cli, tmp_path):
    rows = [
        {"id": "titled", "title": "Tay Ninh: Province to support wood exporters hit by US "
         "tariffs", "published": "2025-04-18", "text": "Chairman of the Provincial People's "
         "Committee Nguyen Thanh Ngoc on April 17 held a working session with wood exporters."
         "\nHe assigned the Department of Finance to study a support package for enterprises "
         "and report to the Provincial People's Committee before May 10."},
        {"id": "after", "title": "Rice exporters discuss the Philippine suspension",
         "published": "2025-08-20", "text": "On the morning of August 19, the Department of "
         "Industry and Trade of Quang Ngai province organised a conference with rice exporters "
         "on the Philippines' suspension of rice imports."},
    ]  # fmt: skip
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = cli("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    firsts = {
        (record["id"], event["kind"]): event["actors"][0]
        for record in map(json.loads, result.stdout.splitlines())
        for event in record["events"]
    }
    assert firsts[("titled", "deadline")] == "Tay Ninh Department of Finance"
    assert firsts[("after", "meeting")] == "Quang Ngai Department of Industry and Trade"


def test_a_call_told_alongside_another_happening_is_an_event_of_its_own(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-09-10",
        "Prime Minister Pham Minh Chinh announced the rice deal on Monday after speaking by "
        "phone with Philippine President Ferdinand Marcos Jr.",
    )
    (call,) = of_kind(events, "call")
    assert call["start"] == "2025-09-08"
    assert call["actors"][0] == "Pham Minh Chinh" and len(call["actors"]) > 1
    assert call["summary"].startswith("Pham Minh Chinh spoke by phone with")
    assert [e["kind"] for e in events if e["lead"]] != ["call"]


def test_a_call_in_the_next_undated_sentence_of_the_same_doer_is_dated_as_its_event(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-07-17",
        "President Donald Trump said on Tuesday that the United States had struck a trade "
        "deal with Cambodia.\nTrump announced the agreement after speaking by phone with "
        "Cambodian Prime Minister Hun Manet.",
    )
    (call,) = of_kind(events, "call")
    assert call["start"] == "2025-07-15"
    assert call["actors"][:2] == ["Donald Trump", "Hun Manet"]


def test_prices_of_shares_indices_and_currencies_are_no_events(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-08-14",
        "Thailand's commerce ministry said on Wednesday that rice exports rose 12% in July.\n"
        "The benchmark SET index fell 0.8% on Wednesday, and shares of Thai Union closed 3% "
        "lower on Thursday. The baht was little changed on Thursday.\n"
        "Dong Nai's trade department reported on Tuesday that wood exports were up 9%.",
    )
    summaries = [e["summary"] for e in events]
    assert not any(re.search(r"SET index|Thai Union|baht", s) for s in summaries), summaries
    assert [e["kind"] for e in events] == ["report", "report"]


# Price moves, levels and quotes beside one real event (the last line of each).
PRICES = {
    "shares, futures, freight and a quote": (
        "2025-04-11",
        "Garment shares jumped by the daily limit on Thursday after the tariff pause.\n"
        "Shares of footwear makers that source heavily from Indonesia, Vietnam and Cambodia "
        "rose in New York trading on Wednesday.\n"
        "Arabica futures in New York slumped 4% to a one-month low on Tuesday.\n"
        "Container freight rates on the Asia-US West Coast route fell to 2,700 USD last week.\n"
        "Thai 5% broken rice was offered at 372-376 USD per tonne on Thursday.\n"
        "The government cut import duties on Thursday, sending shares of car dealers up 5%.",
        "2025-04-10",
    ),
    "currencies that move or stay": (
        "2025-10-28",
        "The đồng traded at 26,250 per US dollar at Vietcombank on Friday.\n"
        "Vietnam's dong was little changed at 26,330 per dollar on Monday.\n"
        "The euro fell 0.2% against the dollar in Asian trading on Monday.\n"
        "The central reference rate was fixed at 25,262 dong on Tuesday, up 0.08%.\n"
        "The US tariff on Vietnamese shrimp was set at 20 percent on Tuesday.",
        "2025-10-28",
    ),
    "markets and indexes": (
        "2025-08-02",
        "European markets slipped on Friday as the new rates loomed.\n"
        "Tokyo's main indexes ended lower on Friday.\n"
        "Washington cut its tariff on Thai rice to 15 percent on Friday.",
        "2025-08-01",
    ),
}


@pytest.mark.parametrize("case", PRICES)
def test_a_dated_price_move_level_or_quote_is_no_event_whatever_its_kind_words(cli, tmp_path, case):
    published, body, day = PRICES[case]
    events = events_of(cli, tmp_path, published, body)
    assert [(e["kind"], e["start"]) for e in events] == [("tariff measure", day)]


def test_a_price_whose_source_is_named_is_that_sources_data(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-11-05",
        "Vietnam's 5% broken rice was offered at $355-360 a tonne on Tuesday, according to "
        "data from the Vietnam Food Association.",
    )
    assert [e["start"] for e in events] == ["2025-11-04"]


def test_an_opening_and_how_long_it_runs_in_one_sentence_are_one_span(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-03-05",
        "Indian and US negotiators are meeting in New Delhi this week, with talks that began "
        "on Monday and run through Friday.\nThe provincial council's spring session opens on "
        "March 17 and is scheduled to run through April 30.",
    )
    spans = [(e["kind"], e["start"], e["end"]) for e in events]
    assert ("negotiation", "2025-03-03", "2025-03-08") in spans
    assert ("meeting", "2025-03-17", "2025-05-01") in spans
    assert len(of_kind(events, "negotiation")) == 1 and len(of_kind(events, "meeting")) == 1


def test_a_round_opened_on_a_day_that_runs_through_another_is_one_span(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-09-09",
        "Negotiators from Thailand and the US opened a fourth round of talks in Bangkok on "
        "Monday that runs through Thursday, the commerce ministry said.",
    )
    assert [(e["kind"], e["start"], e["end"]) for e in events] == [
        ("negotiation", "2025-09-08", "2025-09-12")
    ]
    assert all(len(e["summary"].split()) > 3 for e in events)


def test_how_a_quarter_s_business_went_is_data_not_an_event(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-05-20",
        "In the first quarter, orders from US buyers decreased by 15%, the association "
        "said. Members had already received inquiries for shipments in June.\n"
        "Furniture exports reached $4.1 billion in April, according to customs data released "
        "this month. Vietnam cut the import duty on US ethanol to 5% in March.",
    )
    assert [(e["value"], e["kind"]) for e in events] == [
        ("2025-05", "report"),
        ("2025-03", "tariff measure"),
    ]


def test_a_period_s_trade_totals_and_duties_collected_are_data_not_events(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-09-15",
        "Two-way trade between Thailand and the US reached nearly 80 billion USD in 2024.\n"
        "In August alone, Cambodia's garment exports hit $1.2 billion, up 11% on-year.\n"
        "The Treasury collected more than $30 billion in customs duties in August.\n"
        "Importers have paid about $95 billion in emergency tariffs since April.\n"
        "Washington raised the duty on Thai rubber gloves to 25% on Friday.",
    )
    assert [(e["start"], e["kind"]) for e in events] == [("2025-09-12", "tariff measure")]


def test_a_tariff_no_one_sets_in_its_clause_is_washington_s_in_a_us_story(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "2025-10-01",
        "The United States set new duties on furniture last week, analysts at Mirae said. "
        "The rate on sofas is scheduled to rise to 30% on January 1.\n"
        "A 20% duty on Thai rubber gloves takes effect on November 1.",
    )
    rises = [e for e in events if e["value"] in ("2026-01-01", "2025-11-01")]
    assert [e["actors"][:1] for e in rises] == [["United States"], ["United States"]]
