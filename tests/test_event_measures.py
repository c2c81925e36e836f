"""Tariffs made known, who bears them, deals beside a dated call, trade-remedy rulings and
trips over a stretch of days, through `vntrade extract` (issue 21, items 1, 3 and 4)."""

from __future__ import annotations

import pytest

from conftest import extract_one

HEADER = "Published: 2025-07-20\n\n"


def events_on(cli, tmp_path, body: str, day: str) -> list[dict]:
    """The events of one article that start on `day`."""
    events = extract_one(cli, tmp_path, HEADER + body)["events"]
    return [e for e in events if e["start"] == day]


def dated(cli, tmp_path, body: str, day: str) -> dict:
    """The one event that starts on `day`."""
    [event] = events_on(cli, tmp_path, body, day)
    return event


# A tariff made known (announced, unveiled, threatened, set out in a letter) is a tariff
# measure however the sentence tells it: as the object, a relative clause without "that",
# a passive, the letter it was written in, or what goods will face.
MADE_KNOWN = [
    (
        "Laos now pays 15%, well below the 40 percent Washington announced on April 2.",
        "2025-04-02",
    ),
    (
        "Brunei's rate fell to 18%, under the 25% the White House threatened in a letter "
        "to the Sultan on July 7.",
        "2025-07-07",
    ),
    (
        "The full schedule of duties was unveiled by Commerce Secretary Howard Lutnick on April 3.",
        "2025-04-03",
    ),
    (
        "President Donald Trump threatened a 35% tariff on Canadian goods in a letter to "
        "Prime Minister Mark Carney on July 10.",
        "2025-07-10",
    ),
    (
        "The US announced on July 11 that Brazilian coffee would face a 50 per cent tariff.",
        "2025-07-11",
    ),
    (
        "President Donald Trump sent a letter to Prime Minister Hun Manet on July 7 telling "
        "him that Cambodian goods would face a 36% tariff from August 1.",
        "2025-07-07",
    ),
]


@pytest.mark.parametrize(("body", "day"), MADE_KNOWN)
def test_a_tariff_made_known_is_a_tariff_measure(cli, tmp_path, body, day):
    assert dated(cli, tmp_path, body, day)["kind"] == "tariff measure"


def test_a_framework_made_known_stays_a_deal(cli, tmp_path):
    body = "Exporters plan their year under a tariff framework announced on July 2."
    assert dated(cli, tmp_path, body, "2025-07-02")["kind"] == "agreement"


def test_announcing_a_plan_stays_an_announcement(cli, tmp_path):
    body = (
        "The Ministry of Industry and Trade announced on July 14 a plan to open two trade offices."
    )
    assert dated(cli, tmp_path, body, "2025-07-14")["kind"] == "announcement"


# The country that pays or faces a tariff is its target: the United States, which the
# article names, comes first.
BEARERS = [
    (
        "The United States and Thailand keep talking. Thai rice exporters began paying a "
        "19 percent tariff on shipments to the United States on August 7.",
        "2025-08-07",
    ),
    (
        "Officials in Washington said talks go on. Malaysia faces a 25% tariff on its "
        "chips from the United States starting August 1.",
        "2025-08-01",
    ),
]


@pytest.mark.parametrize(("body", "day"), BEARERS)
def test_a_country_bearing_a_tariff_is_not_its_owner(cli, tmp_path, body, day):
    event = dated(cli, tmp_path, body, day)
    assert event["kind"] == "tariff measure"
    assert event["actors"][0] == "United States"


def test_a_country_cutting_its_own_tariffs_stays_first(cli, tmp_path):
    body = "Vietnam cut import duties on US almonds and apples on July 8."
    assert dated(cli, tmp_path, body, "2025-07-08")["actors"][0] == "Vietnam"


def test_a_deal_told_beside_a_dated_call_is_a_deal_that_day_too(cli, tmp_path):
    body = (
        "Thailand and the United States have agreed on a 19 percent tariff on Thai goods, "
        "following a phone call between Prime Minister Paetongtarn Shinawatra and President "
        "Donald Trump on Friday, a government spokesman said."
    )
    kinds = {e["kind"]: e for e in events_on(cli, tmp_path, body, "2025-07-18")}
    assert set(kinds) == {"call", "agreement"}
    assert kinds["agreement"]["actors"][:2] == ["Thailand", "United States"]
    assert kinds["agreement"]["summary"].startswith("Thailand and the United States have agreed")


def test_a_happening_after_a_call_that_is_no_deal_adds_no_deal(cli, tmp_path):
    body = (
        "Ministers met business leaders following a phone call between Anwar Ibrahim and "
        "Donald Trump on Friday."
    )
    kinds = [e["kind"] for e in events_on(cli, tmp_path, body, "2025-07-18")]
    assert kinds and "agreement" not in kinds


@pytest.mark.parametrize(
    "body",
    [
        "The US Department of Commerce issued final results of its review of Vietnamese "
        "honey on July 14, setting a rate of 2.5%.",
        "Commerce published its preliminary determination on steel wire from Vietnam on July 14.",
    ],
)
def test_a_trade_remedy_ruling_is_a_decision(cli, tmp_path, body):
    assert dated(cli, tmp_path, body, "2025-07-14")["kind"] == "decision"


def test_a_trip_over_a_stretch_of_days_is_the_visit(cli, tmp_path):
    body = (
        "During his working trip to Japan from June 2 to 6, Minister Nguyen Hong Dien had "
        "a working session with Japanese trade minister Yoji Muto."
    )
    event = dated(cli, tmp_path, body, "2025-06-02")
    assert (event["kind"], event["end"]) == ("visit", "2025-06-07")
    assert event["summary"].startswith("Minister Nguyen Hong Dien was on his working trip")


def test_a_meeting_on_one_day_of_a_trip_is_the_meeting(cli, tmp_path):
    body = (
        "Minister Nguyen Hong Dien met Japanese trade minister Yoji Muto in Tokyo on June 3 "
        "during his working trip to Japan."
    )
    assert dated(cli, tmp_path, body, "2025-06-03")["kind"] == "meeting"


def test_a_call_told_by_its_noun_reads_as_who_held_it(cli, tmp_path):
    body = (
        "Indonesia and the United States agreed on a 19 percent tariff, following a phone "
        "conversation between President Prabowo Subianto and President Donald Trump on "
        "July 15, a minister said."
    )
    [call] = [e for e in events_on(cli, tmp_path, body, "2025-07-15") if e["kind"] == "call"]
    assert call["summary"].startswith("President Prabowo Subianto and President Donald Trump held")


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "Cambodia and the United States have reached a trade agreement that cuts the US "
            "tariff on Cambodian goods to 19 percent, down from the rate announced earlier, "
            "following a phone call between Prime Minister Hun Manet and President Donald "
            "Trump on July 15.",
            "2025-07-15",
        ),
        (
            "Mexico and the United States sealed a deal on steel quotas during a summit "
            "between President Claudia Sheinbaum and President Donald Trump on July 14.",
            "2025-07-14",
        ),
        (
            "President Donald Trump said after meeting Korean envoy Kim Jung-kwan at the White "
            "House on July 14 that South Korea and the United States had struck a trade deal.",
            "2025-07-14",
        ),
    ],
)
def test_a_deal_beside_a_call_or_meeting_is_a_deal_and_leads(cli, tmp_path, body, day):
    events = events_on(cli, tmp_path, body, day)
    assert "agreement" in [e["kind"] for e in events]
    [lead] = [e for e in events if e["lead"]]
    assert lead["kind"] == "agreement"


def test_signing_at_a_forum_held_on_a_day_is_the_signing(cli, tmp_path):
    body = (
        "Vietnamese importers signed nine memoranda of understanding to buy US cotton at "
        "the Cotton Trade Forum held in Ho Chi Minh City on July 14."
    )
    assert dated(cli, tmp_path, body, "2025-07-14")["kind"] == "agreement"


def test_speaking_at_a_forum_held_on_a_day_is_the_forum(cli, tmp_path):
    body = "Ministers spoke at the Cotton Trade Forum held in Ho Chi Minh City on July 14."
    assert dated(cli, tmp_path, body, "2025-07-14")["kind"] == "meeting"


def test_a_country_hit_with_a_tariff_by_another_is_its_target(cli, tmp_path):
    body = (
        "Canada was hit with a 25% tariff by China on March 8. The new tariff on Canadian "
        "canola takes effect on March 20."
    )
    assert dated(cli, tmp_path, body, "2025-03-20")["actors"][0] == "China"
