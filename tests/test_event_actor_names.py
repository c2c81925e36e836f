"""Who an event names, through `vntrade extract`: a body whose name holds a title, a firm
its analysts speak for, the customs office behind "customs figures", a foreign name with a
Vietnamese family name inside it (issue 21, item 1)."""

from __future__ import annotations

import pytest

from conftest import extract_one

HEADER = "Published: 2025-07-20\n\n"


def events_of(cli, tmp_path, body: str) -> list[dict]:
    return extract_one(cli, tmp_path, HEADER + body)["events"]


def test_a_body_whose_name_holds_a_title_is_the_body_not_the_title_s_holder(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "A team from the Office of the U.S. Trade Representative will arrive in Hanoi on July 22.",
    )
    assert event["actors"] == ["Office of the US Trade Representative"]
    assert event["kind"] == "visit"


def test_analysts_at_a_firm_the_model_does_not_tag_speak_for_it(cli, tmp_path):
    (event,) = events_of(
        cli, tmp_path, "Analysts at Bantam Capital said in a note on July 9 that orders would slow."
    )
    assert (event["kind"], event["actors"]) == ("report", ["Bantam Capital"])


def test_customs_figures_in_lower_case_are_vietnam_customs(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Shipments of pepper to the US rose 12% in June, according to customs figures "
        "released on July 6.",
    )
    assert event["actors"][0] == "Vietnam Customs"


def test_a_foreign_name_is_not_cut_at_a_vietnamese_family_name(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Minister for Trade and Industry Chan Kim Chee told reporters on July 8 that "
        "Singapore would respond.",
    )
    people = {a["name"]: a["role"] for a in record["actors"] if a["type"] == "PERSON"}
    assert people == {"Chan Kim Chee": "Minister for Trade and Industry"}
    assert [e["actors"][0] for e in record["events"]] == ["Chan Kim Chee"]


def test_the_justice_department_is_the_listed_us_department(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The Justice Department said on July 3 that two importers were charged with evading "
        "duties on plywood.",
    )
    assert event["actors"][0] == "US Department of Justice"


def test_who_is_due_to_travel_travels_not_the_place(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Indonesian Trade Minister Budi Santoso is due to visit Hanoi on July 24 for talks "
        "on rice.",
    )
    assert (event["kind"], event["actors"][0]) == ("visit", "Budi Santoso")


def test_a_passive_s_by_also_does_the_verb_joined_to_it(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The trade ministry said the duty was imposed by the Commerce Department on July 2 and "
        "lifted on July 15.",
    )
    assert [e["actors"][0] for e in events] == ["US Department of Commerce"] * 2


def test_a_firm_described_by_nationality_and_trade_is_the_firm_named_before(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Becamex IDC Corp said it would expand its park. The Vietnamese industrial "
        "developer, controlled by businessman Tran Van Nam, broke ground on a new zone on "
        "July 3.",
    )
    (ground,) = [e for e in events if e["start"] == "2025-07-03"]
    assert ground["actors"][0] == "Becamex IDC"
    assert ground["summary"].startswith("The Vietnamese industrial developer")


def test_whose_delegation_is_its_owner_s_also_when_used_again(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The contracts were signed in the presence of Deputy Prime Minister Tran Hong Ha, "
        "whose delegation arrived in Ottawa on July 6. The Vietnamese delegation met Canada's "
        "trade minister on July 8.",
    )
    assert [e["actors"][0] for e in sorted(events, key=lambda e: e["start"])] == [
        "Tran Hong Ha",
        "Tran Hong Ha",
    ]


def test_the_city_that_acts_is_the_last_named_city_s_people_s_committee(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Hai Phong has set up a task force on US tariffs. The city will hold a conference "
        "with the US Consulate General on July 25.",
    )
    assert events[-1]["actors"][0] == "Hai Phong People's Committee"


def test_a_dotted_acronym_matches_a_listed_name_written_without_dots(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "U.S. Department of Agriculture data released on July 14 showed corn sales "
        "to Vietnam up 25%.",
    )
    assert "United States" not in [a["name"] for a in record["actors"]]
    assert record["events"][0]["actors"][0] == "US Department of Agriculture"


def test_a_provincial_people_s_committee_is_a_body_of_its_place(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "The Bình Duong Provincial People's Committee issued a directive on origin "
        "checks on July 5.\n\nExporters in Cần Thơ face higher costs. Under a plan approved "
        "by the city People's Committee on July 8, firms will get cheaper loans.\n\nThe Việt "
        "Nam Cashew Association said on July 9 that exports fell.",
    )
    assert not [a for a in record["actors"] if a["type"] == "PERSON"]
    assert [e["actors"][0] for e in sorted(record["events"], key=lambda e: e["start"])] == [
        "Binh Duong People's Committee",
        "Can Tho People's Committee",
        "Vietnam Cashew Association",
    ]


def test_according_to_is_no_predicate_of_its_own(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Vietnam's exports of shrimp to Japan rose 14% in the first half, up from a year "
        "earlier, according to customs figures released earlier this month.",
    )
    assert event["actors"][0] == "Vietnam Customs"


def test_authorities_of_a_trade_are_no_city_s_and_a_provincial_committee_is_its_place_s(
    cli, tmp_path
):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nQUANG NINH — Customs authorities seized 12 containers of "
        "relabelled steel on July 14. The Provincial People's Committee issued a plan on "
        "July 15 to support exporters. The US Census Bureau said on July 16 that imports "
        "rose.",
    )
    assert [e["actors"][0] for e in sorted(record["events"], key=lambda e: e["start"])] == [
        "Vietnam Customs",
        "Quang Ninh People's Committee",
        "US Census Bureau",
    ]


def test_an_acronym_defined_after_a_listed_body_stands_for_it(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "The US Department of Commerce (DOC) opened the review on May 2. "
        "The DOC is expected to publish preliminary results on September 17.",
    )
    [event] = [e for e in record["events"] if e["value"] == "2025-09-17"]
    assert event["actors"][0] == "US Department of Commerce"
    assert "DOC" not in {a["name"] for a in record["actors"]}


def test_an_association_named_after_several_trades_keeps_every_trade(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "The Furniture and Handicraft Exporters Association of Da Nang City (FHEA) "
        "met its members on July 14. FHEA will open a fair on July 30.",
    )
    names = {a["name"] for a in record["actors"] if a["type"] == "ORG"}
    whole = "Furniture and Handicraft Exporters Association of Da Nang City"
    assert names == {whole}
    assert [e["actors"][0] for e in record["events"]] == [whole] * 2


def test_a_place_joined_by_and_does_not_enter_an_association_s_name(cli, tmp_path):
    record = extract_one(
        cli, tmp_path, HEADER + "Vietnam and the Pepper Traders Association met on July 14."
    )
    names = {a["name"] for a in record["actors"]}
    assert "Vietnam" in names
    assert not any(name.startswith("Vietnam and") for name in names)


def test_a_firm_s_delegation_is_the_firm_s_before_its_leader_s(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Corvane Microsystems' delegation, led by executive Paul Ridley, began a "
        "working trip to Vietnam on July 14. The delegation met Thai Nguyen leaders on July 15.",
    )
    assert [e["actors"][0] for e in record["events"]] == ["Corvane Microsystems"] * 2
    assert "Paul Ridley" in record["events"][0]["actors"]


def test_a_delegation_of_an_organisation_is_first_its_then_its_leaders(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "A delegation of the Vietnam-Canada Business Council led by its chairman "
        "Mark Reeves arrived in Hanoi on July 14.",
    )
    assert record["events"][0]["actors"][:2] == ["Vietnam-Canada Business Council", "Mark Reeves"]


def test_a_delegation_of_no_named_body_is_its_leaders(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "A delegation of 40 Canadian companies led by Mark Reeves arrived in Hanoi on "
        "July 14.",
    )
    assert record["events"][0]["actors"][0] == "Mark Reeves"


def test_a_tariff_pause_ending_is_its_owner_s_deadline_not_a_waiting_exporter_s(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Pepper exporters want to ship as much as they can to the United States before "
        "the 60-day pause on higher U.S. tariffs expires on August 12, the association said.",
    )
    [event] = [e for e in record["events"] if e["value"] == "2025-08-12"]
    assert (event["kind"], event["actors"][0]) == ("deadline", "United States")


def test_government_data_on_another_country_s_figures_are_not_vietnam_s(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Thailand's exports rose 4% in June, official data showed on July 6.",
    )
    assert "National Statistics Office" not in record["events"][0]["actors"]


def test_a_body_named_as_its_member_s_title_does_not_act(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Politburo member and Prime Minister Pham Minh Chinh chaired a meeting of "
        "the Government on July 14.",
    )
    assert "Politburo" not in record["events"][0]["actors"]
    assert record["events"][0]["actors"][0] == "Pham Minh Chinh"


def test_a_provincial_body_is_named_after_the_province_a_headline_opens_with(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Tay Ninh helps tyre exporters hit by US tariffs\n\nPublished: 2025-07-20\n\n"
        "The Provincial People's Committee held a conference with 80 exporters on July 14. "
        "Officials later flew to Washington to meet importers on July 16.",
    )
    assert record["events"][0]["actors"][0] == "Tay Ninh People's Committee"


def test_malaysian_honorifics_are_no_part_of_a_name(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        HEADER + "Investment, Trade and Industry Minister Tengku Datuk Seri Zafrul Abdul Aziz "
        "told parliament on July 14 that talks went well. Mr Tan Cheng Bock agreed.",
    )
    people = {a["name"] for a in record["actors"] if a["type"] == "PERSON"}
    assert "Tengku Zafrul Abdul Aziz" in people
    assert "Tan Cheng Bock" in people
    assert record["events"][0]["actors"][0] == "Tengku Zafrul Abdul Aziz"


# The main actor of one event of an article of this file's wording: (body, the event's
# date value, its first actor).
MAIN_ACTORS = [
    # a tariff in force belongs to who set it, not to who reports it
    ("Sales of ceramics to the United States held up in June despite the 20% U.S. tariff in "
     "force since April, the statistics office said.", "2025-04", "United States"),
    # a tariff whose clause names its doer keeps that doer
    ("The Commerce Department set duties of 12% on Vietnamese tiles on May 2. Tile shipments "
     "to the US had slowed after Washington doubled its Section 232 tariffs on aluminium to "
     "50% from June 4.", "2025-06-04", "United States"),
    # a delegation of a council is the council's when told again
    ("The Prime Minister received a delegation of the Vietnam-Canada Business Council on "
     "July 14. Its chairman Mark Reeves said the delegation would hold a working session "
     "with the Ministry of Finance on July 15.", "2025-07-15", "Vietnam-Canada Business Council"),
    # a tariff announced in a month inside a pause's phrase keeps its announcer
    ("The deal comes a week before the August 12 expiry of the pause on the 40% tariff "
     "President Donald Trump announced in May.", "2025-05", "Donald Trump"),
    # a province named with its word that acts is its People's Committee
    ("Tay Ninh province granted an investment certificate to South Korea's Daewon Tyre on "
     "July 14.", "2025-07-14", "Tay Ninh People's Committee"),
    # government data on Vietnam's figures are its statistics office's
    ("Vietnam's exports of cashews to the United States rose 14% in June, government data "
     "showed on July 6.", "2025-07-06", "National Statistics Office"),
    # an exemption taking effect is its setter's (a person for their country)
    ("President Donald Trump on July 8 signed an order exempting coffee from the reciprocal "
     "tariffs. The exemption will take effect on July 10, the coffee association said.",
     "2025-07-10", "United States"),
    # Vietnam's central bank is the State Bank
    ("Vietnam's central bank raised the dong's trading band on July 14.", "2025-07-14",
     "State Bank of Vietnam"),
    # a firm named after its place and product keeps them
    ("Thanh Hoa LNG Power JSC signed a 20-year supply deal with a US exporter on July 14.",
     "2025-07-14", "Thanh Hoa LNG Power"),
    # a party's congress is the party's gathering
    ("The 14th National Congress of the Communist Party of Vietnam will open in Hanoi on "
     "January 19.", "2026-01-19", "Communist Party of Vietnam"),
]  # fmt: skip


@pytest.mark.parametrize(("body", "value", "main_actor"), MAIN_ACTORS)
def test_the_main_actor_of_an_event(cli, tmp_path, body, value, main_actor):
    record = extract_one(cli, tmp_path, HEADER + body)
    [event] = [e for e in record["events"] if e["value"] == value]
    assert event["actors"][0] == main_actor
