"""Events through `vntrade extract`: who did what from the parse, one event per range of days,
and summaries that read as clauses (issue 21, items 1-3)."""

from __future__ import annotations

import re

import pytest

from conftest import extract_one

HEADER = "Published: 2025-07-20\n\n"


def events_of(cli, tmp_path, body: str) -> list[dict]:
    return extract_one(cli, tmp_path, HEADER + body)["events"]


def test_an_actor_of_an_earlier_sentence_never_replaces_the_subject(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Vietnamese Ambassador to the United States Nguyen Quoc Dung met American business "
        "leaders in Washington on April 11. The US announced reciprocal tariffs of 46 percent "
        "on Vietnamese goods on April 2.",
    )
    meeting, tariffs = sorted(events, key=lambda e: e["order"])
    assert meeting["actors"][0] == "Nguyen Quoc Dung"
    assert tariffs["summary"].startswith("The US announced reciprocal tariffs")
    assert tariffs["actors"][0] == "United States"
    assert "Nguyen Quoc Dung" not in tariffs["actors"]


def test_a_role_phrase_subject_is_named_after_a_fronted_date(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Prime Minister Pham Minh Chinh received US Ambassador Marc Knapper in Hanoi on May 8. "
        "On May 9 the PM met business leaders.",
    )
    later = next(e for e in events if e["value"] == "2025-05-09")
    assert later["summary"] == "Pham Minh Chinh met business leaders"
    assert later["actors"] == ["Pham Minh Chinh"]


def test_partners_follow_the_agent(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Deputy Prime Minister Ho Duc Phoc held talks with US Commerce Secretary Howard "
        "Lutnick in Washington on June 10.",
    )
    assert event["actors"][:2] == ["Ho Duc Phoc", "Howard Lutnick"]


@pytest.mark.parametrize(
    ("body", "start", "end"),
    [
        ("The two sides held the first round of negotiations in Washington on May 19-22.",
         "2025-05-19", "2025-05-23"),
        ("Minister Nguyen Hong Dien led a delegation to Washington from May 19 to 22.",
         "2025-05-19", "2025-05-23"),
        ("Negotiators from Vietnam and the United States met in Washington between June 9 "
         "and 12.", "2025-06-09", "2025-06-13"),
        ("The US delegation visited Hanoi from June 9 through June 12.",
         "2025-06-09", "2025-06-13"),
        ("Deputy Prime Minister Ho Duc Phoc held talks with US officials in Washington "
         "June 9-12.", "2025-06-09", "2025-06-13"),
        ("The trade delegation stayed in New York June 3 to June 5.", "2025-06-03", "2025-06-06"),
        ("A US congressional delegation arrived in Hanoi on July 14 for a four-day visit.",
         "2025-07-14", "2025-07-18"),
        ("The two-day Vietnam-US investment forum closed in Ho Chi Minh City on July 11.",
         "2025-07-10", "2025-07-12"),
    ],
)  # fmt: skip
def test_a_range_of_days_is_one_event_from_its_first_to_its_last_day(
    cli, tmp_path, body, start, end
):
    (event,) = events_of(cli, tmp_path, body)
    assert (event["start"], event["end"]) == (start, end)
    assert not re.search(r"\d|\s[-–]|\b(?:from|to|through|between|and|on)$", event["summary"])


def test_a_range_whose_last_day_the_dates_left_unread_leaves_no_dash(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The third round of negotiations took place in Washington D.C. from June 10 -12.",
    )
    assert event["summary"].startswith("The third round of negotiations took place in Washington")
    assert "-12" not in event["summary"] and "12" not in event["summary"]


def test_a_subject_cut_by_a_dash_stays_whole(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The second round of talks on the Viet Nam – United States reciprocal trade agreement "
        "was held as planned from June 9-12 in Washington DC.",
    )
    assert event["summary"].startswith("The second round of talks on the Viet Nam – United States")
    assert (event["start"], event["end"]) == ("2025-06-09", "2025-06-13")
    assert "-12" not in event["summary"]


def test_a_preposition_ending_in_ing_is_no_participle_and_listed_days_go_whole(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "During phone conversations on July 1 and 2, Prime Minister Pham Minh Chinh and US "
        "Treasury Secretary Scott Bessent discussed the tariff negotiations.",
    )
    for event in events:
        assert "dured" not in event["summary"].lower()
        assert not re.search(r"\band\s+\d|\bon\s+July|\band,", event["summary"])
        assert "discussed the tariff negotiations" in event["summary"]
        assert event["actors"][:2] == ["Pham Minh Chinh", "Scott Bessent"]


def test_a_relative_clause_gets_its_antecedent_as_subject(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The new decree, which was signed and effective on May 5, said customs fraud was "
        "likely to rise as tariffs went up.",
    )
    assert event["summary"] == "The new decree was signed and effective"


def test_a_clause_without_its_own_subject_gets_the_sentence_subject(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Washington will keep a 20 percent duty on most Vietnamese goods; starting August 7, "
        "exempt some unnamed products from the new duty as well.",
    )
    assert event["summary"].startswith("Washington exempt some unnamed products")


def test_a_date_in_brackets_leaves_no_empty_brackets(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "President Donald Trump said he struck a trade deal with Vietnam during a phone call "
        "with General Secretary To Lam [July 2], in which the two leaders agreed on tariffs.",
    )
    assert events
    for event in events:
        assert "[]" not in event["summary"] and "()" not in event["summary"]
        assert event["summary"].startswith("President Donald Trump said")


def test_a_long_summary_is_shortened_at_a_phrase_boundary(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Prime Minister Pham Minh Chinh chaired a meeting on April 29 with ministries, agencies "
        "and exporters of seafood, textiles and electronics to review the preparations for the "
        "coming negotiations with the United States.",
    )
    summary = event["summary"]
    assert summary.endswith("…")
    last = summary[:-1].split()[-1]
    assert last.lower() not in ("of", "with", "to", "for", "the", "and", "a", "in", "on")


def test_a_shortened_summary_never_ends_on_a_preposition(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "The circular, signed by Deputy Minister Cao Anh Tuan, cuts the duty on pork to 15% "
        "from as high as 30% and takes effect on July 1.",
    )
    summary = event["summary"].rstrip("…")
    assert summary.split()[-1] not in {"from", "to", "on", "under", "of", "the", "during"}
    assert not summary.endswith("from as high"), summary


def test_a_figure_according_to_a_source_keeps_its_clause(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Cashew exports to the US fell 7% in the second quarter, according to figures "
        "released by the Vietnam Cashew Association on July 9.",
    )
    [released] = [e for e in events if e["value"] == "2025-07-09"]
    assert released["summary"].startswith("Cashew exports to the US fell 7%"), released
    assert "according to figures released by the Vietnam Cashew Association" in released["summary"]


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        (
            "Under a decree signed by Deputy Prime Minister Tran Hong Ha on July 3, importers "
            "pay less duty on ethanol.",
            "A decree was signed by Deputy Prime Minister Tran Hong Ha",
        ),
        (
            "The new rates, announced by the Commerce Department on July 4, apply to steel nails.",
            "The new rates were announced by the Commerce Department",
        ),
        (
            "Customs figures released by the finance ministry on July 6 showed a record surplus.",
            "Customs figures were released by the finance ministry",
        ),
    ],
)
def test_a_participle_describing_a_noun_reads_as_a_passive_clause(cli, tmp_path, body, summary):
    [event] = events_of(cli, tmp_path, body)
    assert event["summary"] == summary


def test_a_sentence_saying_how_long_a_happening_goes_on_extends_it(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Negotiators from both countries began a fifth round of talks in Geneva on July 14. "
        "The round, which runs through July 17, covers rules of origin.",
    )
    assert [(e["start"], e["end"], e["kind"]) for e in events] == [
        ("2025-07-14", "2025-07-18", "negotiation")
    ]


def test_opening_on_one_day_and_ending_on_another_is_one_span(cli, tmp_path):
    events = events_of(cli, tmp_path, "The trade fair opened on July 5 and closed on July 8.")
    assert [(e["start"], e["end"]) for e in events] == [("2025-07-05", "2025-07-09")]


def test_a_fronted_phrase_and_a_name_that_starts_with_to_leave_the_clause_whole(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Following the talks on July 1, the two sides issued a joint statement. US Ambassador "
        "Marc Knapper paid a farewell call on General Secretary To Lam on July 14.",
    )
    assert [e["summary"] for e in events] == [
        "The two sides issued a joint statement",
        "US Ambassador Marc Knapper paid a farewell call on General Secretary To Lam",
    ]


def test_a_fronted_past_participle_gives_way_to_what_its_subject_said(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "Questioned about the shrimp duties at a briefing on July 17, the deputy trade "
        "minister Phan Thi Thang said exporters would appeal.",
    )
    assert event["kind"] == "briefing"
    assert event["actors"][0] == "Phan Thi Thang"
    assert event["summary"].startswith("The deputy trade minister Phan Thi Thang said")


def test_a_word_in_scare_quotes_does_not_end_the_summary(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        'Key dates:\nJuly 8 — Brazil rejects the "unfair" duties on its coffee at a WTO '
        "meeting in Geneva.",
    )
    assert event["summary"].endswith("duties on its coffee at a WTO meeting in Geneva")


def test_a_clause_with_no_verb_of_its_own_is_read_with_the_clause_before(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Deputy Prime Minister Tran Hong Ha met Canada's trade minister in Ottawa on July 8, "
        "as part of his working trip to Canada from July 6 to 10.",
    )
    trip = next(e for e in events if e["start"] == "2025-07-06")
    assert trip["summary"].startswith("Deputy Prime Minister Tran Hong Ha met Canada's trade")


@pytest.mark.parametrize(
    "body",
    [
        "Negotiators from both sides concluded a four-day round of talks in Seoul on Thursday.",
        "Negotiators from both sides on Thursday wrapped up four days of talks in Seoul.",
    ],
)
def test_a_happening_of_so_many_days_that_ended_on_a_day_spans_the_days_before(cli, tmp_path, body):
    (event,) = events_of(cli, tmp_path, body)
    assert (event["start"], event["end"]) == ("2025-07-14", "2025-07-18")


@pytest.mark.parametrize(
    "body",
    [
        "The fifth round was held in Geneva from 14 to 17 July 2025, the ministry said.",
        "The fifth round was held in Geneva on 14-17 July.",
    ],
)
def test_a_day_first_range_is_one_happening(cli, tmp_path, body):
    (event,) = [e for e in events_of(cli, tmp_path, body) if e["kind"] == "negotiation"]
    assert (event["start"], event["end"]) == ("2025-07-14", "2025-07-18")
    assert "14" not in event["summary"]


def test_a_sentence_opening_with_its_source_names_the_source_as_doer(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Long An's exports rose strongly in April.\nAccording to figures released by the "
        "Provincial Statistics Office on July 6, the province's exports rose 12% in six "
        "months.",
    )
    (report,) = [e for e in events if e["start"] == "2025-07-06"]
    assert report["summary"] == "The Provincial Statistics Office released figures"


def test_a_task_due_by_a_date_reads_as_a_clause(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The Prime Minister on May 1 named Deputy Minister Tran Van Hai head of the rice task "
        "force.\nDeputy Minister Hai is tasked with drafting a plan on rice exports for the "
        "Government by May 20.",
    )
    (deadline,) = [e for e in events if e["kind"] == "deadline"]
    assert deadline["summary"] == (
        "Deadline: Deputy Minister Hai is tasked with drafting a plan on rice exports for the "
        "Government"
    )


def test_a_part_of_the_day_and_on_or_after_go_with_their_date(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "On the afternoon of July 8, Chairman Vuong Quoc Tuan chaired a dialogue conference "
        "with electronics exporters.\nThe exemption applies to goods entered on or after July "
        "13.",
    )
    summaries = sorted(e["summary"] for e in events)
    assert summaries == [
        "Chairman Vuong Quoc Tuan chaired a dialogue conference with electronics exporters",
        "The exemption applies to goods entered",
    ]


def test_a_date_set_off_by_commas_takes_one_comma_with_it(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The notice, dated July 7, set a 30% duty on plywood.\n\n"
        "The agency, on July 9, said imports had fallen.\n\n"
        "Fitch analysts said in a note dated July 10 that demand would ease.",
    )
    summaries = [event["summary"] for event in events]
    assert summaries == [
        "The notice set a 30% duty on plywood",
        "The agency said imports had fallen",
        "Fitch analysts said in a note that demand would ease",
    ]


def test_a_long_clause_loses_its_fronted_place_before_its_verb(cli, tmp_path):
    (event,) = events_of(
        cli,
        tmp_path,
        "At a press briefing in Hanoi on July 17, Deputy Minister of Agriculture and "
        "Environment Tran Thanh Nam said the new rules would open the market to fruit growers "
        "across the Mekong Delta.",
    )
    assert event["summary"].startswith("Deputy Minister of Agriculture and Environment Tran")
    assert " said " in event["summary"]


def test_a_page_s_own_stamp_is_no_event(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Updated: 09:12\nFriday, 18/07/2025 14:32\nThe ministry issued a decision on July 18 "
        "on steel duties.",
    )
    assert [e["value"] for e in events] == ["2025-07-18"]


def test_a_date_written_as_a_modifier_leaves_its_preposition_and_noun(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Importers rushed orders a week before the August 12 expiry of the tariff pause.",
    )
    assert events[0]["summary"].endswith("a week before the expiry of the tariff pause")


def test_a_chain_of_titles_before_a_name_leaves_the_name(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "In Geneva, Politburo member, Deputy Prime Minister and Minister of Foreign Affairs "
        "Bui Thanh Son met the WTO director-general on July 14.",
    )
    assert events[0]["summary"].startswith("Bui Thanh Son met the WTO director-general")


def test_a_page_stamp_in_vietnamese_is_no_event(cli, tmp_path):
    events = events_of(cli, tmp_path, "Cập nhật: 16:40\n\nThe ministry met exporters on July 14.")
    assert [e["value"] for e in events] == ["2025-07-14"]


def test_a_page_stamp_with_a_month_name_is_no_event(cli, tmp_path):
    events = events_of(
        cli, tmp_path, "Monday, July 14 | 10:32\n\nThe ministry met exporters on July 14."
    )
    assert [e["summary"] for e in events] == ["The ministry met exporters"]


@pytest.mark.parametrize(
    "stamp",
    [
        "Thứ Sáu, 18/07/2025 - 16:45",
        "Friday, 18 July 2025 10:42 WIB",
        "Reuters | Updated: Jul 18, 2025, 12:45 IST",
        "July 18, 2025 at 7:32 AM GMT+8",
        "Update: July, 18/2025 - 08:47",
        "Published: 09:31 | Updated: 2025-07-18 14:02",
    ],
)
def test_a_page_stamp_with_a_weekday_zone_or_credit_is_no_event(cli, tmp_path, stamp):
    events = events_of(
        cli,
        tmp_path,
        f"Ministry meets exporters\n\n{stamp}\n\nThe ministry met exporters on July 14.",
    )
    assert [e["summary"] for e in events] == ["The ministry met exporters"]


def test_a_line_that_is_only_a_date_without_a_clock_is_left_to_the_rules(cli, tmp_path):
    events = events_of(cli, tmp_path, "The ministry met exporters on Monday, July 14.")
    assert [e["value"] for e in events] == ["2025-07-14"]


def test_a_deal_that_sets_a_rate_reported_by_a_speaker_keeps_the_deal(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "Thailand and the United States have reached a trade agreement that sets a 19 percent "
        "tariff on Thai goods, President Donald Trump said on July 14.",
    )
    assert events[0]["kind"] == "agreement"
    assert "Thailand and the United States have reached a trade agreement" in events[0]["summary"]
    assert not events[0]["summary"].startswith("Sets")


def test_that_after_a_saying_opens_what_was_said_not_a_relative_clause(cli, tmp_path):
    events = events_of(
        cli,
        tmp_path,
        "The chairman told reporters on July 14 that orders were unstable because buyers "
        "waited for the tariff decision.",
    )
    assert not events[0]["summary"].startswith("That")


# One event each, its summary trimmed to one line: a fronted place after the date, a long
# subject's title in apposition, a date's paired comma, a deadline's long list of addressees.
TRIMMED = {
    "a fronted place after the date": (
        "On the morning of September 9, at the headquarters of the Provincial People's "
        "Committee, Tan Phu Wood Company and Carolina Home Furnishings signed a memorandum of "
        "understanding on supplying rubberwood dining sets.",
        "Tan Phu Wood Company and Carolina Home Furnishings signed a memorandum of "
        "understanding on supplying rubberwood dining sets",
    ),
    "a title in apposition": (
        "Nguyen Van Hai, General Director of a seafood processing company in Ca Mau province's "
        "Nam Can district, said on Monday that his company had cut shrimp output by a fifth.",
        "Nguyen Van Hai said that his company had cut shrimp output by a fifth",
    ),
    "a date's own comma": (
        "The Ministry of Finance on Sept. 9, 2025, issued a circular on customs valuation.",
        "The Ministry of Finance issued a circular on customs valuation",
    ),
    "an addressee's examples": (
        "The ministry asked provinces with large garment exports, including Nam Dinh, Thai "
        "Binh and Ha Nam, to report on order cancellations by August 15.",
        "Deadline: provinces with large garment exports to report on order cancellations",
    ),
    "a long list of addressees": (
        "The Prime Minister requested ministers, heads of ministerial-level agencies and "
        "chairpersons of People's Committees of provinces to review origin certificates by "
        "August 15.",
        "Deadline: ministers and others to review origin certificates",
    ),
}


@pytest.mark.parametrize("case", TRIMMED)
def test_a_long_summary_loses_what_says_least_before_it_is_cut(cli, tmp_path, case):
    sentence, summary = TRIMMED[case]
    (event,) = events_of(cli, tmp_path, sentence)
    assert event["summary"] == summary
