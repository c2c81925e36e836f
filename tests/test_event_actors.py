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
