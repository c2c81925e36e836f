"""Whose an event is when its own clause does not say, and what kind a document's taking
effect is, through `vntrade extract` (issue 21, items 1 and 4): a tariff pause or deadline
is its owner's, a leader's measure his country's, a ministry's coded document the
ministry's, "the President" the article's president, "the carrier" the airline."""

from __future__ import annotations

import pytest

from conftest import extract_one

HEADER = "Published: 2025-07-20\n\n"


def events_of(cli, tmp_path, body: str) -> list[dict]:
    """The events of one article, in text order."""
    events = extract_one(cli, tmp_path, HEADER + body)["events"]
    return sorted(events, key=lambda e: (e["order"], e["sentence_start"]))


def dated(cli, tmp_path, body: str, day: str) -> dict:
    """The one event that starts on `day`."""
    [event] = [e for e in events_of(cli, tmp_path, body) if e["start"] == day]
    return event


# The kind of the event of a sentence: documents, talks, requests, meetings (one table, so
# that each rule's sentences sit side by side).
KINDS = [
    (
        "The Government issued Decree No. 144/2025/ND-CP amending preferential import "
        "tax rates on chicken legs and almonds. The decree takes effect on August 3.",
        "2025-08-03",
        "tariff measure",
    ),
    (
        "Hanoi lowered import tariffs on ethanol and corn under Decree 144/2025/ND-CP. "
        "Decree 144/2025/ND-CP took effect on August 3.",
        "2025-08-03",
        "tariff measure",
    ),
    (
        "The Government issued Decree No. 150/2025/ND-CP on food safety inspections. "
        "The decree takes effect on August 3.",
        "2025-08-03",
        "decision",
    ),
    (
        "Deputy Prime Minister Bui Thanh Son held talks with US Secretary of Commerce "
        "Howard Lutnick in Washington on July 14.",
        "2025-07-14",
        "meeting",
    ),
    (
        "Minister Nguyen Hong Dien and Marco Rubio held talks in Hanoi on July 14.",
        "2025-07-14",
        "meeting",
    ),
    (
        "Technical teams of the two countries held talks in Hanoi on July 14, with the "
        "US side led by Assistant Trade Representative Sarah Ellerman.",
        "2025-07-14",
        "negotiation",
    ),
    (
        "Malaysia, a key market, suspended rice imports for 60 days from July 14.",
        "2025-07-14",
        "decision",
    ),
    (
        "Indonesia suspended sugar imports for 90 days from July 14.",
        "2025-07-14",
        "decision",
    ),
    (
        "The Cashew Association formally asked the Ministry of Finance on July 14 to "
        "keep the import duty on raw nuts at zero.",
        "2025-07-14",
        "decision",
    ),
    (
        "Prime Minister Pham Minh Chinh on July 14 appointed the finance ministry as "
        "the lead agency for the customs reform.",
        "2025-07-14",
        "decision",
    ),
    (
        "Shareholders of Vietjet approved the purchase of 20 jets at the annual general "
        "meeting on July 14.",
        "2025-07-14",
        "meeting",
    ),
    (
        "The city council approved the plan at a meeting on July 14.",
        "2025-07-14",
        "decision",
    ),
    (
        "The 19% rate took effect on August 9, under an executive order signed by "
        "President Donald Trump on July 14 that adjusted rates for dozens of partners.",
        "2025-07-14",
        "tariff measure",
    ),
    (
        "Minister Nguyen Hong Dien said that under the proclamation signed by President "
        "Donald Trump on July 14, wooden cabinets are subject to a 25% tariff.",
        "2025-07-14",
        "tariff measure",
    ),
    (
        "The governor welcomed the executive order signed by President Donald Trump on "
        "July 14 on artificial intelligence.",
        "2025-07-14",
        "decision",
    ),
    (
        "Customs stepped up checks under a directive issued by the Ministry of Finance "
        "on July 14, amid concerns about possible US tariffs.",
        "2025-07-14",
        "decision",
    ),
    (
        "On July 14, the Ministry of Finance issued Circular 52/2025/TT-BTC amending "
        "rules for bonded warehouses.",
        "2025-07-14",
        "decision",
    ),
    (
        "Dong Nai customs launched a two-month campaign against false origin labels on July 14.",
        "2025-07-14",
        "decision",
    ),
    (
        "The deal came after the negotiating teams went through two official rounds of "
        "negotiations, held in Hanoi from July 14 to 17 and in Washington in August.",
        "2025-07-14",
        "negotiation",
    ),
    (
        "The two sides will hold a technical session in Hanoi on July 14 to finalise "
        "the text, the ministry said.",
        "2025-07-14",
        "negotiation",
    ),
    (
        "The delegation had a working session with the Ministry of Finance on July 14.",
        "2025-07-14",
        "meeting",
    ),
    (
        "Prime Minister Pham Minh Chinh on July 14 signed Official Dispatch No. "
        "80/CD-TTg requesting ministries to respond, following the US decision to "
        "suspend the tariffs.",
        "2025-07-14",
        "decision",
    ),
]


# Who acts first in the event of a sentence: a signer, the article's president, a pause's
# owner, a document's issuer, the airline (one table, so each rule's sentence is beside
# the others).
FIRST_ACTORS = [
    (  # a signed decree stays its signers
        "On July 14, Deputy Prime Minister Ho Duc Phoc signed Decree No. 151/2025/ND-CP "
        "on export duties for cashew shells.",
        "2025-07-14",
        "Ho Duc Phoc",
    ),
    (  # the president is the articles president not a listed one
        "President Prabowo Subianto flew to Tokyo on Sunday. The President met Japanese "
        "business leaders on July 14.",
        "2025-07-14",
        "Prabowo Subianto",
    ),
    (  # the carrier is the airline not the planemaker named after it
        "Bamboo Airways is in talks to lease jets from Boeing. The carrier's "
        "shareholders approved the plan on July 14.",
        "2025-07-14",
        "Bamboo Airways",
    ),
    (  # a pause extended until a day ends as its owners
        "President Donald Trump on Monday signed an order extending the truce on higher "
        "duties on Chinese goods until October 12.",
        "2025-10-12",
        "United States",
    ),
    (  # a leaders tariff on the day he sets it stays his
        "President Donald Trump on July 14 raised tariffs on Thai goods to 30 per cent.",
        "2025-07-14",
        "Donald Trump",
    ),
    (  # a document named by its type is its earlier numbers issuers
        "On July 10, the Ministry of Finance issued Circular No. 61/2025/TT-BTC on "
        "customs valuation. The Circular takes effect on August 25.",
        "2025-08-25",
        "Ministry of Finance",
    ),
]


@pytest.mark.parametrize(("body", "day", "actor"), FIRST_ACTORS)
def test_who_acts_first_in_each_sentences_event(cli, tmp_path, body, day, actor):
    assert dated(cli, tmp_path, body, day)["actors"][0] == actor


@pytest.mark.parametrize(("body", "day", "kind"), KINDS)
def test_the_kind_of_each_sentences_event(cli, tmp_path, body, day, kind):
    assert dated(cli, tmp_path, body, day)["kind"] == kind


@pytest.mark.parametrize(
    ("body", "day", "owned"),
    [
        (  # the pause named without its tariffs, two sentences after them
            "Garment makers in Nam Dinh are racing the clock. President Donald Trump froze the "
            "higher duties on April 9 for 90 days, leaving a 10% levy. The pause runs out on "
            "July 8.",
            "2025-07-08",
            True,
        ),
        (  # a deadline for deals, in a sentence on tariffs
            "Thailand and Cambodia are still bargaining over the 36% US levy, hours before "
            "the August 1 deadline for trade deals.",
            "2025-08-01",
            True,
        ),
        (  # a leader's exemption taking effect, no one named in its clause
            "US President Donald Trump on Friday signed an order exempting cocoa and bananas "
            "from reciprocal tariffs. The exemption applies to goods entered from July 16.",
            "2025-07-16",
            True,
        ),
        (  # a deadline outside tariffs and deals keeps its doer
            "The seafood association held a meeting with members. Its members will file "
            "comments with the Commerce Department before the deadline of July 28.",
            "2025-07-28",
            False,
        ),
        (  # a pause's sentence and an order joined by "and": the order's
            "Washington paused its reciprocal tariffs for 90 days. Prime Minister Pham Minh "
            "Chinh said the pause was good news and asked the Ministry of Finance to submit a "
            "plan by July 25.",
            "2025-07-25",
            False,
        ),
    ],
)
def test_a_tariff_pause_deadline_or_exemption_is_its_owners(cli, tmp_path, body, day, owned):
    assert (dated(cli, tmp_path, body, day)["actors"][0] == "United States") is owned


def test_higher_tariffs_taking_effect_are_a_tariff_measure(cli, tmp_path):
    body = "Steeper US tariffs on goods from dozens of partners took effect on Thursday, July 17."
    assert dated(cli, tmp_path, body, "2025-07-17")["kind"] == "tariff measure"


@pytest.mark.parametrize(
    "body",
    [
        "On July 14, the Minister of Industry and Trade issued Circular No. 27/2025/TT-BCT "
        "on the origin of goods made with imported fabric.",
        "On July 14, Minister of Industry and Trade Nguyen Hong Dien issued Circular "
        "27/2025/TT-BCT on the origin of goods made with imported fabric.",
    ],
)
def test_a_ministrys_coded_document_is_the_ministrys(cli, tmp_path, body):
    event = dated(cli, tmp_path, body, "2025-07-14")
    assert event["kind"] == "decision"
    assert event["actors"][:2] == ["Ministry of Industry and Trade", "Nguyen Hong Dien"]
    assert "Dien of Industry" not in event["summary"]  # the title replaced whole


def test_the_president_titled_in_the_text_comes_before_a_qualified_one(cli, tmp_path):
    body = (
        "President Ferdinand R. Marcos Jr. arrived in Washington on Sunday, July 13. US "
        "President Donald Trump hosted a dinner. The President met US business leaders on "
        "July 15."
    )
    event = dated(cli, tmp_path, body, "2025-07-15")
    assert event["actors"][0] == "Ferdinand Marcos Jr."


def test_two_people_as_subject_keep_both_names_in_the_summary(cli, tmp_path):
    body = "Deputy Prime Minister Bui Thanh Son and Marco Rubio held talks in Hanoi on July 14."
    summary = dated(cli, tmp_path, body, "2025-07-14")["summary"]
    assert summary.startswith("Deputy Prime Minister Bui Thanh Son and Marco Rubio held talks")


@pytest.mark.parametrize(
    ("body", "day"),
    [  # the date belongs to its own clause, not to the action asked for
        (
            "Buyers asked Binh Duong furniture makers to cancel orders after the US announced "
            "a 46% tariff on April 2.",
            "2025-04-02",
        ),
        (
            "Exporters were told to cut prices after the United States doubled its duties on "
            "aluminium on June 4.",
            "2025-06-04",
        ),
    ],
)
def test_a_tariff_told_in_a_clause_of_its_own_is_no_deadline(cli, tmp_path, body, day):
    assert dated(cli, tmp_path, body, day)["kind"] == "tariff measure"


def test_a_verb_with_an_as_complement_keeps_its_clause_whole(cli, tmp_path):
    body = (
        "Prime Minister Pham Minh Chinh designated the trade ministry as the standing agency "
        "of the negotiating team on July 14."
    )
    summary = dated(cli, tmp_path, body, "2025-07-14")["summary"]
    assert "designated the trade ministry as the standing agency" in summary


def test_a_leaders_tariff_from_a_day_is_his_countrys_that_day(cli, tmp_path):
    body = (
        "President Donald Trump has set a 30 per cent tariff on Thai goods from August 1 in a "
        "letter to the prime minister."
    )
    event = dated(cli, tmp_path, body, "2025-08-01")
    assert event["actors"][:2] == ["United States", "Donald Trump"]


@pytest.mark.parametrize(
    "body",
    [
        "Seoul clinched a deal on July 12. Without it, a 30 percent tariff on Korean goods "
        "had been set to take effect on August 9.",
        "Canada's retaliatory duties had been due to take effect on August 9.",
        "The EU packaging regulation will apply to importers of fruit from August 9.",
    ],
)
def test_a_measure_that_only_had_been_due_or_a_rule_applying_is_a_deadline(cli, tmp_path, body):
    event = dated(cli, tmp_path, body, "2025-08-09")
    assert event["kind"] == "deadline"
    assert "EUDR" not in event["actors"]


def test_a_tariff_taking_effect_stays_a_tariff_measure(cli, tmp_path):
    body = "The 20% tariff on Vietnamese shrimp will take effect on August 9."
    assert dated(cli, tmp_path, body, "2025-08-09")["kind"] == "tariff measure"


@pytest.mark.parametrize(
    ("body", "deal"),
    [
        (  # a date inside the deal's terms does not date the saying's deal
            "President Donald Trump said on July 14 that the United States has reached a trade "
            "deal with Thailand that cuts the rate below the 36% he announced on April 2.",
            True,
        ),
        (
            "Thailand and the United States have agreed to a trade deal that sets a 19% tariff "
            "on Thai goods, President Donald Trump said on July 14.",
            True,
        ),
        (  # a ministry telling what the sides agreed on stays a saying
            "Foreign ministry spokeswoman Pham Thu Hang said on July 14 that the two sides had "
            "agreed on a joint statement.",
            False,
        ),
    ],
)
def test_a_leader_saying_a_deal_was_reached_tells_the_deal(cli, tmp_path, body, deal):
    assert (dated(cli, tmp_path, body, "2025-07-14")["kind"] == "agreement") is deal


def test_saying_a_deal_was_signed_on_a_day_dates_the_deal_that_day(cli, tmp_path):
    body = (
        "The ministry said on July 14 that it had signed the purchase agreement on July 11 "
        "with a Texas supplier."
    )
    events = events_of(cli, tmp_path, body)
    assert any(e["start"] == "2025-07-11" and e["kind"] == "agreement" for e in events)


def test_an_undated_articles_year_is_its_days_not_its_planned_months(cli, tmp_path):
    text = (
        "SEOUL, Nov. 3 (Yonhap) -- The two leaders met in Gyeongju on Monday. Their trade "
        "teams had met in Kuala Lumpur on Oct. 25, 2025. One leader will visit in April 2026 "
        "and the other will host a summit in November 2026."
    )
    events = extract_one(cli, tmp_path, text)["events"]
    assert any(e["start"] == "2025-11-03" for e in events)
    assert not any(e["start"] == "2026-11-03" for e in events)


def test_deals_with_several_countries_in_one_sentence_are_one_agreement_each(cli, tmp_path):
    body = (
        "President Donald Trump signed trade agreements with Laos and Brunei in Manila on "
        "July 14 and announced frameworks with Thailand and Vietnam."
    )
    deals = [e for e in events_of(cli, tmp_path, body) if e["start"] == "2025-07-14"]
    partners = sorted(e["actors"][1] for e in deals if e["kind"] == "agreement")
    assert partners == ["Brunei", "Laos", "Thailand", "Vietnam"]
    assert all(e["actors"][0] == "Donald Trump" for e in deals)
    assert "Donald Trump announced frameworks with Vietnam" in [e["summary"] for e in deals]


def test_a_deal_with_one_country_stays_one_event(cli, tmp_path):
    body = "Vietnam signed a trade deal with the United States on July 14."
    assert len([e for e in events_of(cli, tmp_path, body) if e["start"] == "2025-07-14"]) == 1


def test_a_deal_announced_after_a_meeting_is_the_deal_and_the_meeting(cli, tmp_path):
    body = (
        "Laos and the United States have agreed to a trade deal that will impose a 20% "
        "tariff on Laotian goods, President Donald Trump announced on July 14 after meeting "
        "Prime Minister Sonexay Siphandone at the White House."
    )
    kinds = sorted(e["kind"] for e in events_of(cli, tmp_path, body) if e["start"] == "2025-07-14")
    assert kinds == ["agreement", "meeting"]


def test_a_second_tariff_told_beside_the_first_is_an_event_on_its_target(cli, tmp_path):
    body = (
        "President Donald Trump on July 14 paused his new tariffs on dozens of countries for "
        "60 days, while ratcheting up the levy on Canadian lumber to 45%."
    )
    events = [e for e in events_of(cli, tmp_path, body) if e["start"] == "2025-07-14"]
    assert [e["actors"][:2] for e in events if e["kind"] == "tariff measure"][1:] == [
        ["Donald Trump", "Canada"]
    ]
    assert "Donald Trump ratcheted up the levy on Canadian lumber to 45%" in [
        e["summary"] for e in events
    ]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Saigon Times\nEconomy | Trade\n\nRice exporters brace for Manila's import ban\n\n"
            "PUBLISHED : 3 Sep 2025 at 06:30 | NEWSPAPER SECTION: Economy\n\n"
            "The Philippines suspended rice imports for 60 days from September 1.",
            "2025-09-03",
        ),
        (
            "Seafood News > Shrimp\n\nUS issues final shrimp duties\n\nPosted by: Mai Lan | "
            "09:15 | 04/09/2025\n\nThe US Department of Commerce on September 2 issued its "
            "final results in the shrimp review.",
            "2025-09-04",
        ),
        (
            "Binh Duong Portal\nHome > Economy\n\nPosted: 12/09/2025 07:45 | Views: 2,310\n\n"
            "Province hosts US buyers\n\nThe provincial People's Committee received a "
            "delegation of US furniture buyers on September 11.",
            "2025-09-12",
        ),
    ],
)
def test_a_page_stamp_under_the_headline_is_read_and_dates_no_event(cli, tmp_path, text, published):
    record = extract_one(cli, tmp_path, text)
    assert record["published"] == published
    assert all(e["start"] != published for e in record["events"])
    assert not any(w in e["summary"] for e in record["events"] for w in ("PUBLISHED", "Posted"))
