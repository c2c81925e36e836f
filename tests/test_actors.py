"""Actors through the real CLI and model: canonical names across diacritics, titles, short
forms and acronyms; roles; unknown people and organisations; noise; the --actors file."""

from __future__ import annotations

import json

import pytest

from conftest import extract_one as extract


def actors(record: dict) -> dict[str, dict]:
    return {actor["name"]: actor for actor in record["actors"]}


def mentions(actor: dict) -> list[str]:
    return [m["text"] for m in actor["mentions"]]


def test_one_person_across_diacritics_titles_and_short_forms(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính met business leaders in Hà Nội on Monday.\n\n"
        "PM Chính said the talks were productive. Pham Minh Chinh later visited "
        "a port, where Chinh inspected rice shipments.",
    )
    found = actors(record)
    chinh = found["Pham Minh Chinh"]
    assert chinh["type"] == "PERSON"
    assert chinh["role"] == "Prime Minister"
    assert mentions(chinh) == ["Phạm Minh Chính", "Chính", "Pham Minh Chinh", "Chinh"]
    assert set(chinh["aliases"]) == {"Phạm Minh Chính", "Chính", "Chinh"}
    assert "Ha Noi" not in found and "Hà Nội" not in found


def test_western_surnames_and_listed_roles(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Minister of Industry and Trade Nguyễn Hồng Diên held online talks with US Trade "
        "Representative Jamieson Greer on Friday.\n\nGreer said Washington valued the "
        "proposals, while Diên stressed that Việt Nam would buy more US farm goods. "
        "President Trump is expected to decide next month.",
    )
    found = actors(record)
    assert found["Jamieson L. Greer"]["role"] == "US Trade Representative"
    assert mentions(found["Jamieson L. Greer"]) == ["Jamieson Greer", "Greer"]
    assert found["Nguyen Hong Dien"]["role"] == "Minister of Industry and Trade"
    assert mentions(found["Nguyen Hong Dien"]) == ["Nguyễn Hồng Diên", "Diên"]
    assert found["Donald Trump"]["role"] == "US President"
    assert found["Vietnam"]["type"] == "GPE"
    # The title names the ministry, but the ministry itself is not mentioned.
    assert "Ministry of Industry and Trade" not in found


def test_unknown_vietnamese_official_gets_folded_name_role_and_short_form(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Deputy Minister of Finance Đỗ Thành Trung told reporters that tax refunds for "
        "exporters would be processed faster.\n\nTrung said the ministry had cut the "
        "average waiting time to 20 days.",
    )
    found = actors(record)
    trung = found["Do Thanh Trung"]
    assert trung["type"] == "PERSON"
    assert trung["role"] == "Deputy Minister of Finance"
    assert mentions(trung) == ["Đỗ Thành Trung", "Trung"]


def test_apposed_title_and_organisation_missed_by_the_model(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Lê Văn Quang, Chairman of the Vietnam Pepper and Spice Association (VPSA), said "
        "exporters were worried about the new tariffs.\n\nThe VPSA has asked members to "
        "look for buyers in the Middle East, Quang added.",
    )
    found = actors(record)
    assert found["Le Van Quang"]["role"] == "Chairman of the Vietnam Pepper and Spice Association"
    association = found["Vietnam Pepper and Spice Association"]
    assert association["type"] == "ORG"
    assert mentions(association) == [
        "Vietnam Pepper and Spice Association",
        "VPSA",
        "VPSA",
    ]


def test_acronyms_and_country_spellings_join_their_actor(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Representatives of the US-ASEAN Business Council (USABC) met officials of Viet Nam "
        "and the Association of Southeast Asian Nations. The USABC said U.S. firms see "
        "Vietnam as a key partner, and that America and ASEAN should deepen ties.",
    )
    found = actors(record)
    usabc = found["US-ASEAN Business Council"]
    assert mentions(usabc) == ["US-ASEAN Business Council", "USABC", "USABC"]
    assert set(found["United States"]["aliases"]) == {"U.S.", "America"}
    assert mentions(found["Vietnam"]) == ["Viet Nam", "Vietnam"]
    assert mentions(found["ASEAN"]) == ["Association of Southeast Asian Nations", "ASEAN"]


def test_credits_generic_bodies_goods_and_places_are_not_actors(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The Party and State have backed plans to buy more LNG and to set up a National "
        "Export Support Centre in Đà Nẵng, the Government said. The Politburo will review "
        "the plan.\nThe Cabinet met in Hanoi. (Photo: VNA)\nVNA/VOV",
    )
    assert set(actors(record)) == {"Politburo"}


def test_pronouns_are_not_actors_but_he_is_not_an_error(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Deputy Prime Minister Hồ Đức Phớc received a US trade delegation. He said Vietnam "
        "is ready to cut tariffs on US pork.",
    )
    found = actors(record)
    assert mentions(found["Ho Duc Phoc"]) == ["Hồ Đức Phớc"]
    assert found["Ho Duc Phoc"]["role"] == "Deputy Prime Minister"
    assert {"Ho Duc Phoc", "Vietnam", "United States"} == set(found)


@pytest.mark.slow
def test_user_actor_file_adds_names_roles_and_aliases(cli, tmp_path):
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        json.dumps(
            {
                "name": "Mekong Fruit Exporters Club",
                "type": "ORG",
                "aliases": ["MFEC"],
            }
        )
        + "\n"
        + json.dumps({"name": "Vo Thi Lan", "type": "PERSON", "roles": ["MFEC director"]})
        + "\n"
        + json.dumps({"name": "Vietnam News Agency", "type": "ORG", "aliases": ["VNA"]})
        + "\n",
        encoding="utf-8",
    )
    text = (
        "The MFEC said durian sales fell. Võ Thị Lan warned that buyers were cautious, "
        "the VNA reported."
    )
    plain = actors(extract(cli, tmp_path, text))
    assert "Mekong Fruit Exporters Club" not in plain
    assert "Vietnam News Agency" not in plain
    found = actors(extract(cli, tmp_path, text, "--actors", str(extra)))
    assert found["Mekong Fruit Exporters Club"]["aliases"] == ["MFEC"]
    assert found["Vo Thi Lan"]["role"] == "MFEC director"
    # A user's entry wins over the shipped list, here over `VNA` as a news credit.
    assert mentions(found["Vietnam News Agency"]) == ["VNA"]


# A malformed line of an --actors file: the file, the line and what is wrong, no traceback.
BAD_ACTOR_LINES = [
    (
        '{"name": "Somebody", "type": "PERSON"}\n{"name": "X", "type": "ANIMAL"}\n',
        ":2",
        '"type" must be one of PERSON, ORG, GPE',
    ),
    (
        '{"name": "Jane Roe", "type": "PERSON", "roles": ["US Trade Representative"], '
        '"terms": [{"role": "US Trade Representative", "from": "May 2029"}]}\n',
        ":1",
        "YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(("lines", "where", "reason"), BAD_ACTOR_LINES)
def test_bad_actor_file_is_a_clear_error(cli, tmp_path, lines, where, reason):
    extra = tmp_path / "bad.jsonl"
    extra.write_text(lines)
    article = tmp_path / "article.txt"
    article.write_text("Somebody said hello.", encoding="utf-8")
    result = cli("extract", str(article), "--format", "jsonl", "--actors", str(extra))
    assert result.exit_code == 1
    assert f"bad.jsonl{where}" in result.stderr
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_a_users_holder_in_office_answers_for_the_role(cli, tmp_path):
    extra = tmp_path / "terms.jsonl"
    line = {
        "name": "Jane Roe",
        "type": "PERSON",
        "roles": ["US Trade Representative"],
        "terms": [{"role": "US Trade Representative", "from": "2029-01-20", "to": None}],
    }
    extra.write_text(json.dumps(line) + "\n")
    text = (
        "Published: 2029-03-02\n\nThe US Trade Representative said on March 1 that talks went well."
    )
    [event] = extract(cli, tmp_path, text, "--actors", str(extra))["events"]
    assert event["actors"][0] == "Jane Roe"
    [event] = extract(cli, tmp_path, text.replace("2029", "2025"))["events"]
    assert event["actors"][0] == "Jamieson L. Greer"


def test_listed_names_in_the_viet_nam_spelling_and_under_their_acronym(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The Việt Nam Chamber of Commerce and Industry (VCCI) held a forum on US tariffs. "
        "The Vietnam Textile and Garment Association (VITAS) said orders fell; VITAS urged "
        "members to diversify.",
    )
    found = actors(record)
    assert mentions(found["Vietnam Chamber of Commerce and Industry"]) == [
        "Việt Nam Chamber of Commerce and Industry",
        "VCCI",
    ]
    # Written another way than listed, the association is the one its acronym stands for.
    assert mentions(found["Vietnam Textile and Apparel Association"]) == [
        "Vietnam Textile and Garment Association",
        "VITAS",
        "VITAS",
    ]


def test_organisation_names_around_listed_names_and_countries(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vingroup Energy Corporation and Gemadept Logistics Group signed a deal with Boeing. "
        "The Association of Seafood Processors of Vietnam said shrimp prices fell. MoIT Trade "
        "Remedies Authority officials attended.",
    )
    assert set(actors(record)) == {
        "Vingroup Energy Corporation",
        "Gemadept Logistics Group",
        "Boeing",
        "Association of Seafood Processors of Vietnam",
        "Ministry of Industry and Trade",
        "Trade Remedies Authority of Vietnam",
    }


def test_local_body_and_the_rank_in_a_title(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Chairman of the Đồng Tháp provincial People's Committee Trần Trí Quang said mango "
        "exports rose.\n\n"
        "Deputy Governor of the State Bank of Vietnam Đào Minh Tú said banks had liquidity.",
    )
    found = actors(record)
    # one name for a local body however it is written ("provincial", "City" or neither)
    body = found["Dong Thap People's Committee"]
    assert [m["text"] for m in body["mentions"]] == ["Đồng Tháp provincial People's Committee"]
    assert found["Tran Tri Quang"]["role"] == (
        "Chairman of the Đồng Tháp provincial People's Committee"
    )
    assert found["Dao Minh Tu"]["role"] == "Deputy Governor of the State Bank of Vietnam"


def test_surnames_inside_place_names_and_surnames_tagged_as_nouns(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Deputy Prime Minister Hồ Đức Phớc visited the Nghi Sơn refinery on Monday.\n\n"
        "US Senator Steve Daines met Vietnamese officials in Washington.\n"
        "Daines said he supported a deal. Nguyễn Hồng Diên also met him.\n"
        "Minister of Industry and Trade Diên said talks went well.",
    )
    found = actors(record)
    assert "Bui Thanh Son" not in found  # `Sơn` of Nghi Sơn is no Deputy PM
    assert mentions(found["Steve Daines"]) == ["Steve Daines", "Daines"]
    assert mentions(found["Nguyen Hong Dien"]) == ["Nguyễn Hồng Diên", "Diên"]


def test_the_make_of_a_good_is_no_actor(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietnam Airlines will buy 50 Boeing aircraft and more Intel chips.\n\n"
        "Boeing executives visited Hanoi on Monday.",
    )
    found = actors(record)
    assert "Intel" not in found
    assert mentions(found["Boeing"]) == ["Boeing"]
    assert found["Boeing"]["mentions"][0]["start"] > record["text"].index("executives") - 10


def test_two_word_vietnamese_name_with_a_title_after_it(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Nguyễn Liêm, chairman of the Bình Dương Furniture Association (BIFA), said orders fell.",
    )
    found = actors(record)
    assert found["Nguyen Liem"]["type"] == "PERSON"
    assert found["Nguyen Liem"]["role"] == "chairman of the Bình Dương Furniture Association"
    assert mentions(found["Binh Duong Furniture Association"]) == [
        "Bình Dương Furniture Association",
        "BIFA",
    ]


def test_firm_names_joined_by_an_ampersand(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Hanoi (VNA) - Bamboo Airways signed an engine deal with Pratt & Whitney on Monday, "
        "while research and development spending rose.",
    )
    found = actors(record)
    assert found["Pratt & Whitney"]["type"] == "ORG"
    assert not any("research" in name.lower() for name in found)


def test_legal_forms_and_a_namesake_with_another_given_name(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Vietjet JSC signed a deal with Excelerate Energy Inc. on May 27. Vietjet Joint Stock "
        "Company said the deal covered ten years, and Excelerate Energy confirmed it.\n\n"
        "Melania Trump visited Hanoi on June 1, while Trump stayed in Washington.",
    )
    found = actors(record)
    assert "Excelerate Energy" in found and "Excelerate Energy Inc." not in found
    assert not any(name.endswith(("JSC", "Inc.", "Joint Stock Company")) for name in found)
    assert "Melania Trump" in found
    assert "Melania Donald Trump" not in json.dumps(record)


def test_hyphenated_given_names_and_a_generational_suffix(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "SEOUL, July 30 - Finance Minister Ahn Soo-min and Industry Minister Kim Tae-hyun "
        "held talks with Chilean President Gabriel Ortiz Jr. on Wednesday.\n\n"
        "Ortiz said the two sides would meet again, and Ahn agreed.",
    )
    found = actors(record)
    assert found["Ahn Soo-min"]["type"] == "PERSON"
    assert found["Kim Tae-hyun"]["type"] == "PERSON"
    assert "Kim Tae" not in found and "Ahn" not in found
    assert mentions(found["Gabriel Ortiz Jr."]) == ["Gabriel Ortiz Jr.", "Ortiz"]


def test_a_word_acronym_in_brackets_and_one_after_the_place(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The Vietnam Pepper Association (Vipas) said on Monday that exports rose. Vipas "
        "expects more orders.\n\nThe Footwear Producers Association in Indonesia (FPAI) "
        "welcomed the cut. FPAI said the rate was fair. Delta Foods (Hanoi) opened a plant.",
    )
    found = actors(record)
    assert mentions(found["Vietnam Pepper Association"]) == [
        "Vietnam Pepper Association",
        "Vipas",
        "Vipas",
    ]
    assert mentions(found["Footwear Producers Association"])[-2:] == ["FPAI", "FPAI"]
    assert "Hanoi" not in found.get("Delta Foods", {}).get("aliases", [])


def test_a_department_named_by_its_word_and_the_court(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The US Department of Agriculture set new quotas on May 2. Agriculture also "
        "opened a review of shrimp imports.\n\nThe US Court of International Trade took "
        "the case in June. The court heard arguments on July 8. The Agriculture Ministry "
        "of Chile said it would comply.",
    )
    found = actors(record)
    assert mentions(found["US Department of Agriculture"]) == [
        "US Department of Agriculture",
        "Agriculture",
    ]
    hearing = [e for e in record["events"] if e["value"].endswith("-07-08")]
    assert [e["actors"][0] for e in hearing] == ["US Court of International Trade"]


def test_a_people_s_committee_named_by_of_and_its_place(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "On May 14, the People's Committee of Tay Ninh province issued a plan to support "
        "rubber exporters.\n\nThe People's Council of Can Tho city approved the budget.",
    )
    found = actors(record)
    assert found["Tay Ninh People's Committee"]["type"] == "ORG"
    assert found["Can Tho People's Council"]["type"] == "ORG"
    assert not any(name.startswith("People's Committee of") for name in found)


def test_a_firm_s_board_stands_for_the_firm(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Masan Group said on Monday that its Board of Directors had approved a bond issue.\n\n"
        "The Board of Directors of Hoa Phat Group approved the new plant on Tuesday. The "
        "Ministry of Finance said its Board of Management would review it.",
    )
    found = actors(record)
    assert "Board of Directors" not in found and "Board of Directors of" not in found
    assert "Board of Directors" in " ".join(mentions(found["Masan Group"]))
    assert any(m.startswith("Board of Directors") for m in mentions(found["Hoa Phat Group"]))


def test_a_firm_s_national_arm_is_a_firm_of_its_own_and_a_region_is_not(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Hyundai Motor Vietnam said on Monday that sales rose 5%. Exports from Southern "
        "Vietnam grew, and the US and Vietnam kept talking. The S&P Global Vietnam "
        "Manufacturing PMI rose.",
    )
    found = actors(record)
    assert found["Hyundai Motor Vietnam"]["type"] == "ORG"
    assert "Southern Vietnam" not in found and "Global Vietnam" not in found
    assert found["Vietnam"]["type"] == "GPE"


def test_a_name_written_later_by_its_first_word(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "Indonesian Economic Affairs Minister Airlangga Hartarto arrived in Washington on "
        "Monday.\n\nAirlangga told reporters the deal was done. Minister Nguyen Van Binh "
        "agreed, and Binh said more talks would follow.",
    )
    found = actors(record)
    assert mentions(found["Airlangga Hartarto"]) == ["Airlangga Hartarto", "Airlangga"]
    assert "Nguyen" not in found and mentions(found["Nguyen Van Binh"])[-1] == "Binh"


def test_a_city_s_bodies_take_one_spelling_of_the_city(cli, tmp_path):
    record = extract(
        cli,
        tmp_path,
        "The HCM City People's Committee met exporters on Monday.\n\n"
        "The HCMC People's Committee said on Tuesday it would back them, and the Ha Noi "
        "People's Committee followed.",
    )
    found = actors(record)
    texts = sorted(m["text"] for m in found["Ho Chi Minh City People's Committee"]["mentions"])
    assert texts == ["HCM City People's Committee", "HCMC People's Committee"]
    assert "Hanoi People's Committee" in found
