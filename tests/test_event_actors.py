"""The main actor of an event through `vntrade extract`: the trigger's agent named from
descriptions, nationalities, "led by", "the two sides" and reported speech (issue 21, item 1)."""

from __future__ import annotations

from conftest import extract_one

HEADER = "Published: 2025-07-20\n\n"


def first_actors(cli, tmp_path, body: str) -> list[str]:
    """The first actor of each event, in text order."""
    events = extract_one(cli, tmp_path, HEADER + body)["events"]
    return [e["actors"][0] if e["actors"] else None for e in sorted(events, key=_order)]


def _order(event: dict) -> tuple[int, int]:
    return event["order"], event["sentence_start"]


def test_nationality_adjectives_of_a_group_name_its_countries(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "American and Vietnamese officials resumed technical talks in Hanoi on July 14.",
    )["events"]
    assert events[0]["actors"][:2] == ["United States", "Vietnam"]


def test_a_delegation_led_by_a_person_is_that_person(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "A trade delegation, led by Minister Nguyen Hong Dien, arrived in Washington on "
        "June 3 and met officials of the US Department of Commerce.",
    )
    assert actors == ["Nguyen Hong Dien"]


def test_the_two_sides_are_the_last_two_countries_named(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam and the United States wrapped up a round of talks in Hanoi on June 20. "
        "The two sides will hold a fourth round in Washington on July 8.",
    )
    assert actors == ["Vietnam", "Vietnam"]
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Vietnam and the United States wrapped up talks in Hanoi on June 20. "
        "Both sides will meet again on July 8.",
    )["events"]
    later = max(events, key=_order)
    assert later["actors"][:2] == ["Vietnam", "United States"]


def test_the_government_is_vietnams(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam is preparing its answer to US tariffs. The Government on July 2 adopted a "
        "resolution on measures to respond to the US tariff policy.",
    )
    assert actors == ["Vietnam"]


def test_an_asked_object_does_what_it_is_asked(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam invited the US-ASEAN Business Council to join a trade fair in Hanoi on July 25.",
    )
    assert actors == ["US-ASEAN Business Council"]


def test_a_clause_with_an_unnamed_doer_takes_its_reporter(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Trade Minister Nguyen Hong Dien said shipments from the province to the US rose "
        "9% in June.",
    )
    assert actors == ["Nguyen Hong Dien"]


def test_an_unnamed_subject_takes_the_agent_of_the_sentence_before(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The US Department of Agriculture approved imports of Vietnamese longan. "
        "The rule will be published on August 4.",
    )
    assert actors == ["US Department of Agriculture"]


def test_a_named_subject_is_never_replaced(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam and the United States ended a round of talks. Greer said the US would "
        "publish the text on July 30.",
    )
    assert actors == ["United States"]


def test_the_sentence_before_gives_the_doer_it_reports_not_its_reporter(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The agriculture ministry said the US Department of Agriculture had approved imports "
        "of Vietnamese longan. The rule takes effect on September 2.",
    )
    assert actors == ["US Department of Agriculture"]


def test_analysts_at_a_bank_are_the_bank(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Analysts at Standard Chartered said in a note on July 3 that exports held up.",
    )
    assert actors == ["Standard Chartered"]


def test_a_deadline_is_first_of_the_one_who_must_act(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Deputy Prime Minister Tran Hong Ha asked the Ministry of Agriculture and "
        "Environment to submit a plan on US farm imports before August 15.",
    )["events"]
    [deadline] = [e for e in events if e["kind"] == "deadline"]
    assert deadline["actors"][0] == "Ministry of Agriculture and Environment"


def test_a_capital_that_acts_is_its_country(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Foreign ministry officials said Washington had sent a new proposal to Hanoi on "
        "July 4. The talks in Washington resumed on July 9.",
    )
    assert actors[0] == "United States"


def test_a_city_s_authorities_are_the_city(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Hai Phong authorities on July 8 began inspecting warehouses that store goods bound "
        "for the US.",
    )
    assert actors == ["Hai Phong"]


def test_it_in_a_reported_clause_is_the_reporter(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Boeing said it would deliver two 737 MAX jets to Vietnam Airlines in September.",
    )
    assert actors == ["Boeing"]


def test_a_description_used_again_names_who_it_named_before(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The World Bank released a study on Vietnam's export growth on July 1. "
        "The study was presented to lawmakers in Hanoi on July 3.",
    )
    assert actors == ["World Bank", "World Bank"]
    actors = first_actors(
        cli,
        tmp_path,
        "A delegation of the American Chamber of Commerce in Vietnam met Deputy Prime "
        "Minister Bui Thanh Son on June 11. The delegation left for Da Nang on June 13.",
    )
    assert actors[-1] == "American Chamber of Commerce in Vietnam"


def test_the_ministry_is_the_one_that_was_acting_not_the_one_last_named(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam's Ministry of Finance said on July 11 it had sent a draft decree to the "
        "Ministry of Justice. The ministry had consulted exporters from June 20 to June 30.",
    )
    assert actors[-1] == "Ministry of Finance"


def test_the_company_is_the_business_named_before(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Steelmaker Hoa Phat said on July 2 that it planned to buy more US scrap. "
        "The company signed a supply contract with a Texas dealer on July 10.",
    )
    assert actors == ["Hoa Phat Group", "Hoa Phat Group"]


def test_according_to_names_the_source_of_a_figure(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Shrimp exports to the US rose 18% in the first half, according to "
        "figures from the Vietnam Association of Seafood Exporters and Producers released "
        "on July 15.",
    )["events"]
    [released] = [e for e in events if e["value"] == "2025-07-15"]
    assert released["actors"][0] == "Vietnam Association of Seafood Exporters and Producers"


def test_a_meeting_of_a_body_is_that_body_s(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The decision follows a meeting of the Government's standing committee on July 12.",
    )
    assert actors == ["Vietnam"]


def test_a_line_break_ends_the_sentence_before_the_parser_reads_it(cli, tmp_path):
    """A caption line without end punctuation is not the subject of the next line."""
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnamese exporters brace for US duties.\n\n"
        "Vietnam coffee exports to US surge by 30%\n"
        "Hoa Phat Group announced on July 16 that it would open an office in Houston.",
    )
    assert actors[-1] == "Hoa Phat Group"


def test_a_name_the_actors_do_not_list_still_acts(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "US carmaker Ford announced on July 14 that it would cut prices of models "
        "assembled in Vietnam.",
    )
    assert actors == ["Ford"]
    actors = first_actors(
        cli,
        tmp_path,
        "Budget carrier, Vietravel Airlines, said on July 15 it would lease two more jets.",
    )
    assert actors == ["Vietravel Airlines"]


def test_an_indefinite_doer_is_not_whoever_was_named_before(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Vinatex reported a 12% fall in orders on July 8. Executives from several "
        "garment firms said on July 9 that buyers were returning.",
    )["events"]
    later = max(events, key=_order)
    assert "Vinatex" not in later["actors"]
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Hanoi authorities launched a campaign against fake origin labels on July 1. "
        "Inspection teams will visit 200 firms on July 9.",
    )["events"]
    assert max(events, key=_order)["actors"][:1] == ["Hanoi"]


def test_customs_of_vietnam_s_press_is_vietnam_customs(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Customs figures released on July 10 showed exports of wood to the US up 11%. "
        "U.S. Customs officials detained four containers of plywood on July 12.",
    )
    assert actors == ["Vietnam Customs", "US Customs and Border Protection"]


def test_a_delegation_of_firms_led_by_a_council_is_the_council(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "A mission of 25 American farm exporters led by the US Grains Council arrived in "
        "Hanoi on July 15.",
    )
    assert actors == ["US Grains and BioProducts Council"]  # the council's listed name


def test_talks_whose_sides_go_unnamed_are_between_the_article_s_countries(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam and the United States have narrowed their differences on tariffs, Deputy "
        "Minister Nguyen Hoang Long told reporters on July 8. The next round of talks will "
        "open in Washington on July 21.",
    )
    assert actors[-1] == "Vietnam"
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Vietnam and the United States have narrowed their differences on tariffs, "
        "Deputy Minister Nguyen Hoang Long told reporters on July 8. The next round of talks "
        "will open in Washington on July 21.",
    )["events"]
    assert max(events, key=_order)["actors"][:2] == ["Vietnam", "United States"]


def test_a_province_that_acts_is_its_people_s_committee(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Quang Ngai awarded an investment licence to a US solar firm on July 3. The "
        "provincial People's Committee will host a forum for US investors on July 10.",
    )
    assert actors == ["Quang Ngai People's Committee", "Quang Ngai People's Committee"]


def test_a_city_s_department_is_named_after_its_city(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "CAN THO — The city's Department of Industry and Trade met seafood exporters on "
        "July 7 to discuss the new US duties.",
    )
    assert actors == ["Can Tho Department of Industry and Trade"]


def test_the_owner_of_the_event_noun_leads(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Hanoi welcomed Washington's decision on July 9 to lower the duty on shrimp.",
    )
    assert actors == ["United States"]


def test_the_delegation_used_again_is_its_leader_s(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "A Vietnamese delegation led by Deputy Prime Minister Ho Duc Phoc arrived in "
        "Washington on July 10. The Vietnamese delegation held a working session with "
        "Commerce Secretary Howard Lutnick on July 11.",
    )
    assert actors == ["Ho Duc Phoc", "Ho Duc Phoc"]


def test_the_source_of_talks_reported_is_not_their_side(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "A round of negotiations between Vietnam and the United States was held in Geneva "
        "from July 14 to 16, according to the Ministry of Industry and Trade.",
    )
    assert actors == ["Vietnam"]


def test_a_deal_agreed_with_one_country_is_between_the_article_s_two(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam expects more orders from the United States. Under the framework agreed "
        "with the US on July 2, exporters will pay a 20% tariff.",
    )
    assert actors[0] == "Vietnam"


def test_the_two_sides_after_one_named_country_are_it_and_vietnam(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The United States sent a revised proposal on July 1. The two sides held a call on "
        "July 3 to discuss it.",
    )
    assert actors[-1] == "Vietnam"


def test_a_comparison_baseline_is_no_event(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Exports to the US rose 14% in June from a year earlier, and were up 9% "
        "compared with the same period last year, the statistics office said on July 6.",
    )["events"]
    assert {e["value"] for e in events} <= {"2025-06", "2025-07-06"}
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Wood exports slipped 4% in June from May, the association said on July 7. "
        "The assembly set a growth target of 8% for 2025 in a resolution adopted in February.",
    )["events"]
    assert {e["value"] for e in events} == {"2025-07-07", "2025-02"}  # June: the data's
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "The surplus in January-July stood at $10 billion, the office said on July 8. "
        "The US imposed duties on shrimp on October 25 last year.",
    )["events"]
    assert {e["value"] for e in events} == {"2025-07-08", "2024-10-25"}


def test_a_deal_whose_sides_go_unnamed_is_between_the_article_s_countries(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "US buyers placed more orders with Vietnamese exporters. The forum came three weeks "
        "after the trade deal announced on July 2.",
    )
    assert actors == ["Vietnam"]


def test_the_statistics_office_is_the_listed_office(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The statistics office said on July 6 that exports to Japan rose 9% in June.",
    )
    assert actors[-1] == "National Statistics Office"


def test_a_title_phrase_is_the_one_person_holding_that_title(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam and Canada aim to finish their talks by December, Vietnam's trade minister "
        "said on July 9. Industry and Trade Minister Nguyen Hong Dien told reporters the "
        "remaining issues were technical.",
    )
    assert actors[1] == "Nguyen Hong Dien"  # after the December target the sentence tells


def test_an_owner_named_by_a_participle_does_not_do_what_the_firm_does(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Hoa Binh Motors, controlled by tycoon Tran Van An, broke ground on a plant in Ohio "
        "on July 10.",
    )
    assert actors[0] != "Tran Van An"


def test_a_firm_s_short_name_is_the_firm_named_in_full(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Quang Ninh awarded a licence on July 7 to Meridian Circuits, a US maker of circuit "
        "boards. Meridian said in a statement on July 8 that the plant would open in 2026.",
    )
    assert actors[-1] == "Meridian Circuits"


def test_a_name_folded_into_the_next_name_s_modifiers_still_leads(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Trump and Vietnamese Prime Minister Pham Minh Chinh met on the sidelines on July 12.",
    )
    assert actors == ["Donald Trump"]


def test_the_department_used_again_is_the_place_s_department(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Shoe makers in Dong Nai reported fewer orders, the province's Department of Industry "
        "and Trade said on July 13. The department will meet foreign-invested firms on July 20.",
    )
    assert actors[-1] == "Dong Nai Department of Industry and Trade"


def test_the_government_without_a_dateline_is_the_first_named_country_s(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Thailand's commerce ministry asked exporters to check their paperwork. Last week "
        "the government also approved a licence for a satellite internet service, on July 15.",
    )
    assert actors[-1] == "Thailand"


def test_a_deadline_of_a_city_s_department_is_that_city_s(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "The Hai Phong People's Committee held a conference with exporters on July "
        "8.\n\nThe committee assigned the city's Department of Industry and Trade to submit a "
        "support plan by July 25.",
    )["events"]
    [deadline] = [e for e in events if e["kind"] == "deadline"]
    assert deadline["actors"][:2] == [
        "Hai Phong Department of Industry and Trade",
        "Hai Phong People's Committee",
    ]


def test_the_two_leaders_are_the_last_two_people_named(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "General Secretary To Lam held phone talks with President Donald Trump on July 2. "
        "The two leaders agreed on July 3 to hold more talks.",
    )
    assert actors == ["To Lam", "To Lam"]
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "To Lam called Donald Trump on July 2. The two leaders agreed "
        "on July 3 to hold more talks.",
    )["events"]
    assert max(events, key=_order)["actors"][:2] == ["To Lam", "Donald Trump"]


def test_a_nationality_and_a_person_noun_name_the_person_of_that_country(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Deputy Prime Minister Bui Thanh Son received US Ambassador Marc Knapper in Hanoi on "
        "July 14. The US diplomat pledged on July 15 to convey the message. The Vietnamese "
        "official said on July 16 that Hanoi wanted a balanced deal.",
    )
    assert actors == ["Bui Thanh Son", "Marc Knapper", "Bui Thanh Son"]


def test_a_date_hung_on_who_leads_a_group_belongs_to_the_group_s_clause(cli, tmp_path):
    events = extract_one(
        cli,
        tmp_path,
        HEADER + "Deputy Prime Minister Bui Thanh Son received a delegation of US senators led "
        "by Senator Steve Daines on July 17.",
    )["events"]
    assert [(e["kind"], e["actors"][0]) for e in events] == [("meeting", "Bui Thanh Son")]


def test_an_owner_of_the_subject_is_not_the_doer(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "Vietnam's Ministry of Industry and Trade on July 9 hosted a dialogue with US firms.",
    )
    assert actors == ["Ministry of Industry and Trade"]


def test_a_speaker_with_a_less_common_family_name_is_found(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The Vietnamese carmaker, which is controlled by tycoon Pham Van Tuan, broke ground on "
        "a plant in Ohio on July 10. Cấn Văn Lực, chief economist at BIDV, told CNA on July "
        "11 that exports would hold.",
    )
    assert actors[1] == "Can Van Luc"  # a Vietnamese name with the family name Cấn


def test_a_description_used_again_keeps_its_kind_of_thing(cli, tmp_path):
    actors = first_actors(
        cli,
        tmp_path,
        "The delegation had a working session with Commerce Secretary Howard Lutnick on July "
        "11. Vietnam and the US agreed that the first negotiating session would take place "
        "in August.",
    )
    assert actors[-1] == "Vietnam"


def test_a_person_with_titles_in_apposition_is_the_doer(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-05-29\n\nOn May 28, Comrade Le Van Hoa - Member of the Provincial "
        "Party Standing Committee, Chairman of the Provincial People's Committee chaired a "
        "dialogue with FDI enterprises.",
    )
    (event,) = record["events"]
    assert event["actors"][0] == "Le Van Hoa"


def test_a_bank_s_analysts_speak_for_the_bank(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2026-02-11\n\nNomura analysts said in a note on Tuesday that the strong "
        "start reflected a low base.",
    )
    (event,) = record["events"]
    assert (event["kind"], event["actors"][:1]) == ("report", ["Nomura"])


def test_a_numbered_document_is_no_actor(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Published: 2025-07-20\n\nThe Government Office issued Notice No. 281/TB-VPCP on July "
        "8 conveying the Prime Minister's conclusions.",
    )
    (event,) = record["events"]
    assert event["actors"] == ["Government Office"]
