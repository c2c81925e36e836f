"""Who leads an event, through `vntrade extract`: the US courts and other countries' trade
ministries under the descriptions the wires give them, a city's association by its full
name, and the body that issued a Vietnamese document on the day it takes effect (issue 21,
item 1)."""

from __future__ import annotations

import pytest

from conftest import extract_one

HEADER = "Published: 2025-09-10\n\n"


def events_of(cli, tmp_path, body: str) -> list[dict]:
    return extract_one(cli, tmp_path, HEADER + body)["events"]


# One event each; who leads it: a body under the name the wires give it, a coded document's
# issuer on the day it takes effect, the signer of what is signed.
LEADERS = {
    "a federal trade court": (
        "A federal trade court in New York on Tuesday struck down the import levies imposed "
        "by President Donald Trump.",
        "US Court of International Trade",
    ),
    "the appeals court in full": (
        "The U.S. Court of Appeals for the Federal Circuit on Monday ruled that the emergency "
        "levies exceeded the president's powers.",
        "US Court of Appeals for the Federal Circuit",
    ),
    "the Supreme Court": (
        "The Supreme Court on Monday agreed to hear the administration's appeal.",
        "US Supreme Court",
    ),
    "China's commerce ministry": (
        "China's commerce ministry on Monday warned partners against deals that hurt Chinese "
        "interests.",
        "Ministry of Commerce of China",
    ),
    "South Korea's trade ministry": (
        "South Korea's trade ministry on Monday said chip shipments hit a record.",
        "Ministry of Trade, Industry and Energy",
    ),
    "a city's association in full": (
        "The Handicraft and Wood Industry Association of Ho Chi Minh City on Monday met sofa "
        "makers to discuss the new levy.",
        "Handicraft and Wood Industry Association of Ho Chi Minh City",
    ),
    "Vietnam's own trade ministry": (
        "The Vietnam Trade Ministry on Monday said rice shipments rose.",
        "Ministry of Industry and Trade",
    ),
    "a circular taking effect": (
        "Circular 19/2025/TT-BTC, signed by Deputy Minister Cao Anh Tuan, takes effect on "
        "October 1.",
        "Ministry of Finance",
    ),
    "a decision coming into force": (
        "Deputy Minister Truong Thanh Hoai said Decision No. 2210/QD-BCT on origin checks comes "
        "into force on September 15.",
        "Ministry of Industry and Trade",
    ),
    "a province's decision": (
        "Decision No. 881/QD-UBND, signed by Chairman of the Tay Ninh Provincial People's "
        "Committee Nguyen Van Ut, takes effect on September 12.",
        "Tay Ninh People's Committee",
    ),
    "signing stays the signer's": (
        "Deputy Minister Truong Thanh Hoai on September 8 signed Decision No. 2210/QD-BCT on "
        "origin checks.",
        "Truong Thanh Hoai",
    ),
    "a Prime Minister's dispatch": (
        "Official Dispatch No. 140/CD-TTg, signed by Deputy Prime Minister Bui Thanh Son, takes "
        "effect on September 11.",
        "Bui Thanh Son",
    ),
}


@pytest.mark.parametrize("case", LEADERS)
def test_who_leads_a_body_by_its_wire_name_and_a_document_by_its_issuer(cli, tmp_path, case):
    sentence, leader = LEADERS[case]
    (event,) = events_of(cli, tmp_path, sentence)
    assert event["actors"][0] == leader


def test_a_province_named_with_of_and_its_leaders_are_its_people_s_committee(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The central province of Binh Dinh on September 4 granted an investment certificate "
        "to Pacific Rattan Works. Provincial leaders received a delegation of US furniture "
        "buyers on September 5.",
    )
    assert [(e["start"], e["actors"][0]) for e in events] == [
        ("2025-09-04", "Binh Dinh People's Committee"),
        ("2025-09-05", "Binh Dinh People's Committee"),
    ]


def test_a_summit_or_conference_named_as_subject_is_not_an_actor(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The 12th Mekong-Lancang Leaders' Summit will take place in Vientiane on November 14, "
        "Laos said.\nThe 46th ASEAN Summit opens in Kuala Lumpur on October 26.",
    )
    assert [e["actors"][0] for e in events] == ["Laos", "ASEAN"]


def test_the_province_is_the_last_province_named_not_a_city_run_by_the_centre(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "On September 1, the Binh Dinh Provincial People's Committee granted a licence to a "
        "furniture park. Its investor will meet Minister of Finance Nguyen Van Thang in Ha "
        "Noi on September 5. The province will host an investment promotion conference in "
        "Seoul on September 12, and a workshop on diversifying export markets "
        "on September 20.",
    )
    later = [(e["start"], e["kind"], e["actors"][0]) for e in events if e["start"] > "2025-09-10"]
    assert later == [
        ("2025-09-12", "meeting", "Binh Dinh People's Committee"),
        ("2025-09-20", "meeting", "Binh Dinh People's Committee"),
    ]


def test_a_topic_gerund_does_not_take_the_date_of_a_happening_it_is_about(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "On September 8, Prime Minister Pham Minh Chinh chaired a meeting on implementing the "
        "results of the phone talks between the two leaders on September 2.",
    )
    assert [(e["start"], e["kind"]) for e in events] == [
        ("2025-09-08", "meeting"),
        ("2025-09-02", "call"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The White House on Monday announced a 60-day suspension of the new duties on Thai "
        "rubber gloves.",
        "President Donald Trump on Monday ordered an extra 20% tariff on Brazilian coffee.",
    ],
)
def test_announcing_a_suspension_of_tariffs_or_ordering_a_tariff_is_a_tariff_measure(
    cli, tmp_path, sentence
):
    (event,) = events_of(cli, tmp_path, sentence)
    assert event["kind"] == "tariff measure"


def test_a_suspension_of_imports_is_no_tariff_measure(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The Philippines on Monday announced a 60-day suspension of rice imports.",
    )
    assert event["kind"] != "tariff measure"


def test_setting_a_reference_rate_is_a_central_bank_decision_not_a_tariff(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Vietnam's central bank on Monday set the dong's daily reference rate at a record low.",
    )
    assert (event["kind"], event["actors"][0]) == ("decision", "State Bank of Vietnam")


def test_a_numbered_document_s_own_date_is_its_issue_by_its_issuer(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The minister asked units to implement Directive No. 14/CT-BCT dated September 2 on "
        "origin checks and to report the results by September 30.",
    )
    assert [(e["start"], e["kind"], e["actors"][0]) for e in events] == [
        ("2025-09-02", "decision", "Ministry of Industry and Trade"),
        ("2025-09-30", "deadline", "Ministry of Industry and Trade"),
    ]


def test_what_was_decided_at_a_dated_meeting_is_an_event_on_its_day(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Deputy Prime Minister Ho Duc Phoc on September 4 chaired a meeting with seafood "
        "exporters on the new US duties. At the meeting, the Deputy Prime Minister decided to "
        "set up a working group on origin fraud. At the meeting, he said exports had held up.",
    )
    assert [(e["start"], e["kind"], e["actors"][0]) for e in events] == [
        ("2025-09-04", "meeting", "Ho Duc Phoc"),
        ("2025-09-04", "decision", "Ho Duc Phoc"),
    ]
    assert events[1]["summary"].startswith("Ho Duc Phoc decided to set up a working group")


@pytest.mark.parametrize(
    "sentence",
    [
        "Cambodia on Monday secured a 19% rate on its exports to the US, down from 36%.",
        "The European Union on Monday clinched its own deal with Washington, with a 15% rate.",
    ],
)
def test_securing_a_rate_or_clinching_a_deal_is_an_agreement(cli, tmp_path, sentence):
    (event,) = events_of(cli, tmp_path, sentence)
    assert event["kind"] == "agreement"
