"""Who a tariff's taking effect belongs to, who a due task is for, which president "the US
President" is, and what kind a document's issuing is, through `vntrade extract` (issue 21,
items 1 and 4). Sentences of our own, written for these rules."""

from __future__ import annotations

import pytest

from conftest import extract_one


def article(published: str, body: str) -> str:
    return f"Published: {published}\n\n{body}"


def dated(cli, tmp_path, published: str, body: str, day: str) -> dict:
    """The one event that starts on `day`."""
    events = extract_one(cli, tmp_path, article(published, body))["events"]
    [event] = [e for e in events if e["start"] == day]
    return event


# A tariff taking effect with no doer of its own is its owner's, not the country it hits:
# the rate's targets ("46% on Vietnam"), the capital that owns it ("Washington's rates"),
# the owner the article gives ("a deal with Washington") and not a setter told only by a
# phrasal verb ("setting up a task force to assess the levy" sets nothing).
OWNERS = [
    (
        "2025-04-10",
        "Washington's steeper country rates, including 46% on Vietnam and 49% on Cambodia, "
        "kicked in on April 9, only to be paused hours later.",
        "2025-04-09",
    ),
    (
        "2025-08-01",
        "Seoul agreed a deal with Washington last week. The 15 percent rate will apply from "
        "August 7, officials in Seoul said.",
        "2025-08-07",
    ),
    (
        "2025-04-04",
        "Cambodia was hit with a 49% tariff by U.S. President Donald Trump on Wednesday. Prime "
        "Minister Hun Manet convened his cabinet on Thursday, setting up a task force to "
        "assess the impact of the levy. The 49% rate is due to take effect on April 9.",
        "2025-04-09",
    ),
    (
        "2025-08-05",
        "Exports of Thai rice fell in July. The 19% rate has applied to Thai goods since "
        "August 7, the Bank of Thailand said, after a deal with the United States.",
        "2025-08-07",
    ),
]


OWNERS += [
    (
        "2025-09-01",
        "In July the Commerce Department imposed anti-dumping duties on Thai steel pipes. The "
        "19% tariff on Thai goods took effect on August 7 under an executive order signed by "
        "President Donald Trump.",
        "2025-08-07",
    ),
    (
        "2025-09-01",
        "In July the Commerce Department imposed anti-dumping duties on Lao plywood. Lao "
        "furniture is also subject to the 40% reciprocal tariff that has been in force since "
        "August 7.",
        "2025-08-07",
    ),
]


@pytest.mark.parametrize(("published", "body", "day"), OWNERS)
def test_a_tariff_taking_effect_is_its_owners(cli, tmp_path, published, body, day):
    event = dated(cli, tmp_path, published, body, day)
    assert event["kind"] == "tariff measure"
    assert event["actors"][0] == "United States"


# "The US President" is whoever held the office on the article's day (the actor list's
# terms), not the country; before either term nobody is named for it.
PRESIDENTS = [
    ("2025-04-10", "Donald Trump"),
    ("2023-04-10", "Joe Biden"),
]


@pytest.mark.parametrize(("published", "president"), PRESIDENTS)
def test_the_us_president_is_the_one_in_office(cli, tmp_path, published, president):
    year = published[:4]
    body = (
        f"Furniture makers in Binh Duong are worried. On April 9, {year}, the US President "
        "announced a review of tariffs on wooden cabinets."
    )
    event = dated(cli, tmp_path, published, body, f"{year}-04-09")
    assert event["actors"][0] == president


def test_no_president_is_named_outside_the_listed_terms(cli, tmp_path):
    body = "On April 9, 2008, the US President announced a review of tariffs on steel pipes."
    event = dated(cli, tmp_path, "2008-04-10", body, "2008-04-09")
    assert not {"Donald Trump", "Joe Biden"} & set(event["actors"])


# Issuing a numbered document, a plan or a decree is a decision, however the parser breaks
# its number; "an order" as a noun orders nobody to do anything by the date after it; a
# tariff "to take effect" on a day is a tariff measure; a court agreeing to hear a case
# rules.
KINDS = [
    (
        "2025-09-15",
        "The reform follows Decree No. 198/2025/ND-CP, issued on September 12, which eased "
        "limits on foreign ownership.",
        "2025-09-12",
        "decision",
    ),
    (
        "2025-05-20",
        "The step follows Official Dispatch No. 2877/BCT-XNK issued by the Ministry of "
        "Industry and Trade on May 16, which asked agencies to check certificates of origin.",
        "2025-05-16",
        "decision",
    ),
    (
        "2025-04-16",
        "The Tay Ninh Provincial People's Committee on April 15 issued Plan No. 1188/KH-UBND "
        "on helping local exporters hit by US tariffs.",
        "2025-04-15",
        "decision",
    ),
    (
        "2025-08-07",
        "On Wednesday, Trump signed an order imposing an extra 25 percent duty on Brazilian "
        "beef, to take effect on August 27.",
        "2025-08-27",
        "tariff measure",
    ),
    (
        "2025-08-01",
        "In a separate order, Trump raised the tariff on Swiss watches to 39 percent from "
        "31 percent, effective August 7.",
        "2025-08-07",
        "tariff measure",
    ),
    (
        "2025-04-11",
        "President Donald Trump on April 9 dropped the steep country rates for 90 days, "
        "leaving a 10% baseline levy in place.",
        "2025-04-09",
        "tariff measure",
    ),
    (
        "2025-09-10",
        "The US Supreme Court on Tuesday agreed to hear the challenge to the emergency tariffs.",
        "2025-09-09",
        "decision",
    ),
]


@pytest.mark.parametrize(("published", "body", "day", "kind"), KINDS)
def test_documents_orders_and_rulings_kinds(cli, tmp_path, published, body, day, kind):
    assert dated(cli, tmp_path, published, body, day)["kind"] == kind


def test_an_issued_decree_reads_with_its_name(cli, tmp_path):
    body = (
        "The reform follows Decree No. 198/2025/ND-CP, issued on September 12, which eased "
        "limits on foreign ownership."
    )
    summary = dated(cli, tmp_path, "2025-09-15", body, "2025-09-12")["summary"]
    assert summary.startswith("Decree No. 198/2025/ND-CP was issued")


# A summit or congress, or a gathering by its proper name, is the organisation's it is named
# after when the date is the gathering's own; who attends it on a day stays first.
def test_a_named_summit_is_its_organisations(cli, tmp_path):
    body = (
        "Thai Prime Minister Anutin Charnvirakul flew to Manila on May 25 for the 48th ASEAN "
        "Summit and related summits, which are being held from May 26 to 28."
    )
    events = extract_one(cli, tmp_path, article("2025-05-25", body))["events"]
    [summit] = [e for e in events if e["start"] == "2025-05-26"]
    assert summit["kind"] == "meeting"
    assert summit["actors"][0] == "ASEAN"


def test_a_place_is_not_what_took_place(cli, tmp_path):
    body = (
        "GENEVA - The Swiss and US negotiating teams have wrapped up the third round of tariff "
        "talks in Geneva, which took place from June 16 to 18 (local time), the economy "
        "ministry said on Friday."
    )
    event = dated(cli, tmp_path, "2025-06-20", body, "2025-06-16")
    assert event["kind"] == "negotiation"
    assert event["end"] == "2025-06-19"  # the day after the last
    assert "(" not in event["summary"]
    assert not event["summary"].startswith("Geneva")


def test_a_deal_told_by_its_saying_is_dated_by_its_doing(cli, tmp_path):
    body = (
        "MANILA, July 24 (Reuters) - The Philippines and the United States have reached a "
        "trade deal setting a 19 percent tariff on Philippine goods, the presidential palace "
        "said Thursday.\n\nTrump announced the agreement on Tuesday after meeting President "
        "Ferdinand Marcos Jr. at the White House."
    )
    events = extract_one(cli, tmp_path, article("2025-07-24", body))["events"]
    deals = [e for e in events if e["kind"] == "agreement"]
    assert [e["start"] for e in deals] == ["2025-07-22"]
    assert deals[0]["lead"]
    assert "have reached a trade deal" in deals[0]["summary"]


def test_a_weekday_after_said_is_the_sayings_day(cli, tmp_path):
    body = (
        "Canadian lumber mills braced for more duties. US President Donald Trump said on "
        "Saturday he would raise tariffs on Canadian lumber by another 10 percent."
    )
    record = extract_one(cli, tmp_path, article("2025-10-26", body))
    [saturday] = [d for d in record["dates"] if d["text"].endswith("Saturday")]
    assert saturday["value"] == "2025-10-25"


def test_the_meeting_a_deal_came_after_is_an_event_too(cli, tmp_path):
    body = (
        "Prime Minister Anutin Charnvirakul and President Donald Trump agreed on Monday to cut "
        "the US tariff on Thai rice to 15 percent, after their talks and a working lunch, and "
        "after their meeting at the White House."
    )
    events = extract_one(cli, tmp_path, article("2025-11-04", body))["events"]
    kinds = {e["kind"]: e for e in events if e["start"] == "2025-11-03"}
    assert set(kinds) == {"agreement", "meeting"}
    assert kinds["meeting"]["actors"][:2] == ["Anutin Charnvirakul", "Donald Trump"]
    assert kinds["agreement"]["lead"]


def test_a_day_in_another_time_zone_is_no_second_event(cli, tmp_path):
    body = (
        "Prime Minister Anutin Charnvirakul and President Donald Trump on Monday (Tuesday in "
        "Bangkok) agreed to cut the US tariff on Thai rice to 15 percent."
    )
    events = extract_one(cli, tmp_path, article("2025-11-05", body))["events"]
    assert [(e["kind"], e["start"]) for e in events] == [("agreement", "2025-11-03")]


# Summaries: a title is no participle clause ("Acting Prime Minister"), a fronted participle
# takes the name its clause opens with after a long title, "on or around" goes with the
# date, and a compound whose first half was the date loses its second half ("-long").
SUMMARIES = [
    (
        "2025-08-02",
        "Acting Prime Minister Somchai Prasert told reporters on Friday that the rate was fair.",
        "2025-08-01",
        "Acting Prime Minister Somchai Prasert told reporters",
    ),
    (
        "2025-11-10",
        "Speaking at a press conference in Hanoi on Thursday, Deputy Minister of Industry and "
        "Trade Nguyen Sinh Nhat Tan said the teams had agreed on the text.",
        "2025-11-06",
        "Nguyen Sinh Nhat Tan spoke at a press conference in Hanoi",
    ),
    (
        "2025-10-20",
        "Commerce is expected to publish the orders in the Federal Register on or around "
        "30 October 2025.",
        "2025-10-30",
        "Commerce is expected to publish the orders in the Federal Register",
    ),
]


@pytest.mark.parametrize(("published", "body", "day", "opening"), SUMMARIES)
def test_summaries_read_as_clauses(cli, tmp_path, published, body, day, opening):
    summary = dated(cli, tmp_path, published, body, day)["summary"]
    assert summary.startswith(opening)
    assert not summary.rstrip("…").endswith((" or", " on"))


# Who comes first: the doer of a task due before the issuer (its own sentence's subject, or
# the first addressee of a list), and who attends a gathering on a day before the gathering.
FIRST_ACTORS = [
    (
        "2025-04-06",
        "Prime Minister Pham Minh Chinh on Saturday signed a dispatch asking ministries to "
        "respond to the US tariffs. The Ministry of Agriculture is to propose measures to "
        "tighten control of the origin of farm goods before April 18.",
        "2025-04-18",
        ["Ministry of Agriculture", "Pham Minh Chinh"],
    ),
    (
        "2025-08-05",
        "Prime Minister Pham Minh Chinh signed a directive on August 4 on origin fraud, "
        "assigning the State Bank of Vietnam, the Ministry of Public Security and the "
        "Ministry of Finance to report on their inspections before August 31.",
        "2025-08-31",
        ["State Bank of Vietnam"],
    ),
    (
        "2025-11-02",
        "President Luong Cuong attended the APEC Economic Leaders' Meeting on November 1.",
        "2025-11-01",
        ["Luong Cuong"],
    ),
]


@pytest.mark.parametrize(("published", "body", "day", "first"), FIRST_ACTORS)
def test_who_comes_first(cli, tmp_path, published, body, day, first):
    actors = dated(cli, tmp_path, published, body, day)["actors"]
    assert actors[: len(first)] == first
