"""Dates through the real CLI and model: every kind of temporal expression, resolution of
relative dates by the publication date and the verb's tense, inferred anchors, deadlines,
and numbers that are not dates."""

from __future__ import annotations

import json

from conftest import extract_one, jsonl


def extract(cli, *articles: tuple[str | None, str]) -> list[dict]:
    """Run `vntrade extract` on (published, text) articles given as JSONL on stdin.

    Checks that every date's offsets slice the clean text to the date's own text.
    """
    lines = [
        json.dumps({"id": f"a{i}", "published": published, "title": None, "text": text})
        for i, (published, text) in enumerate(articles)
    ]
    result = cli("extract", "-", "--with-text", "--format", "jsonl", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result)
    for record in records:
        for date in record["dates"]:
            assert record["text"][date["start"] : date["end"]] == date["text"], date
    return records


def values(cli, published: str | None, text: str, *fields: str) -> list[tuple]:
    """(text, value, *fields) of each date found in one article."""
    [record] = extract(cli, (published, text))
    keys = ("text", "value", *fields)
    return [tuple(date[key] for key in keys) for date in record["dates"]]


def test_full_dates_in_english_vietnamese_and_iso_order(cli):
    found = values(
        cli,
        "2025-08-01",
        "The pact signed on June 12, 2025 replaced one of 3 March 2019; Decision 1142 dated "
        "15/7/2025 and the notice of 2025-07-28 set the rates.",
    )
    assert found == [
        ("June 12, 2025", "2025-06-12"),
        ("3 March 2019", "2019-03-03"),
        ("15/7/2025", "2025-07-15"),
        ("2025-07-28", "2025-07-28"),
    ]


def test_day_without_year_takes_the_year_the_verb_tense_points_to(cli):
    winter = (
        "Hà Nội signed the memorandum on December 20, and the lower duties will take effect "
        "on February 3."
    )
    year_end = "The new rates will apply from January 1, the finance ministry said."
    assert values(cli, "2025-01-08", winter) == [
        ("December 20", "2024-12-20"),
        ("February 3", "2025-02-03"),
    ]
    assert values(cli, "2025-12-28", year_end) == [("January 1", "2026-01-01")]


def test_weekdays_follow_tense_and_last_next(cli):
    # 2025-06-12 is a Thursday.
    found = values(
        cli,
        "2025-06-12",
        "The trade office said on Monday that delegates met last Friday and that they will "
        "meet again on Tuesday. The spokeswoman confirmed the plan on Thursday.",
    )
    assert found == [
        ("Monday", "2025-06-09"),
        ("last Friday", "2025-06-06"),
        ("Tuesday", "2025-06-17"),
        ("Thursday", "2025-06-12"),
    ]


def test_relative_weeks_months_years_and_narrative_years(cli):
    found = values(
        cli,
        "2025-06-12",
        "Earlier this year exports rose; this week the ministry met importers, after last "
        "week's talks, and next month it will report. Last year duties fell. In 2019 a "
        "first deal was signed; the following year trade doubled.",
    )
    assert found == [
        ("Earlier this year", "2025"),
        ("this week", "2025-W24"),
        ("last week", "2025-W23"),
        ("next month", "2025-07"),
        ("Last year", "2024"),
        ("2019", "2019"),
        ("the following year", "2020"),
    ]


def test_narrative_references_count_from_the_last_explicit_date(cli):
    found = values(
        cli,
        "2025-07-10",
        "Exports in May rose 12% from a year earlier. Talks opened on June 3 in Geneva; the "
        "next day the delegations met again. Two months later, the deal was signed.",
    )
    assert found == [
        ("May", "2025-05"),
        ("a year earlier", "2024-05"),  # the granularity of what it compares with
        ("June 3", "2025-06-03"),
        ("the next day", "2025-06-04"),
        ("Two months later", "2025-08"),
    ]


def test_months_seasons_quarters_halves_decades_and_centuries(cli):
    found = values(
        cli,
        "2025-07-10",
        "Shipments resumed in early March and peaked last summer. Exports in the first "
        "quarter of 2025 and in Q4/2024 beat forecasts; the second half of this year looks "
        "weaker. Ties grew in the 1990s and through the 21st century, and the 2026-2030 plan "
        "starts in mid-2026.",
    )
    assert found == [
        ("early March", "2025-03"),
        ("last summer", "2024-SU"),
        ("the first quarter of 2025", "2025-Q1"),
        ("Q4/2024", "2024-Q4"),
        ("the second half of this year", "2025-H2"),
        ("the 1990s", "199"),
        ("the 21st century", "20"),
        ("2026", "2026"),
        ("2030", "2030"),
        ("mid-2026", "2026"),
    ]


def test_durations(cli):
    found = values(
        cli,
        "2025-07-10",
        "Washington announced a 90-day pause, the first in a decade, after a three-month "
        "review. Talks lasted two and a half years, then several weeks, and the last call "
        "took an hour. Over the past two years trade grew.",
        "timex_type",
    )
    assert found == [
        ("90-day", "P90D", "DURATION"),
        ("a decade", "P10Y", "DURATION"),
        ("three-month", "P3M", "DURATION"),
        ("two and a half years", "P2.5Y", "DURATION"),
        ("several weeks", "PXW", "DURATION"),
        ("an hour", "PT1H", "DURATION"),
        ("the past two years", "P2Y", "DURATION"),
    ]


def test_an_ordinal_second_before_a_name_is_no_duration(cli):
    found = values(
        cli,
        "2025-07-10",
        "A second Boeing 787 will land in Hanoi, and a second Vietnamese delegation will "
        "follow; the doors closed within a second.",
    )
    assert found == [("a second", "PT1S")]


def test_sets(cli):
    found = values(
        cli,
        "2025-07-10",
        "Inspectors visit every week and report twice a year; the fund, worth US$2 billion "
        "a year, is reviewed annually and the board meets each Monday.",
        "kind",
        "timex_type",
    )
    assert found == [
        ("every week", "P1W", "set", "SET"),
        ("twice a year", "P1Y", "set", "SET"),
        ("a year", "P1Y", "set", "SET"),
        ("annually", "P1Y", "set", "SET"),
        ("each Monday", "XXXX-WXX-1", "set", "SET"),
    ]


def test_times_of_day_join_their_day(cli):
    found = values(
        cli,
        "2025-06-12",
        "The call will start at 9:30 a.m. on Friday. Officials spoke until 8 p.m. and met "
        "again on Tuesday evening; the vote has been postponed until 10:00 GMT Monday.",
    )
    assert found == [
        ("9:30 a.m. on Friday", "2025-06-13T09:30"),
        ("8 p.m.", "2025-06-12T20"),
        ("Tuesday evening", "2025-06-10TEV"),
        ("10:00 GMT Monday", "2025-06-16T10:00"),
    ]


def test_present_past_and_future_references(cli):
    found = values(
        cli,
        "2025-06-12",
        "Vietnam currently buys more US cotton than it did two years ago; tariffs were "
        "recently cut, unlike in the past, and talks will go on in the future. Now the two "
        "sides will meet in the coming time.",
    )
    assert found == [
        ("currently", "PRESENT_REF"),
        ("two years ago", "2023"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
        ("Now", "PRESENT_REF"),
        ("the coming time", "FUTURE_REF"),
    ]


def test_deadlines_are_marked(cli):
    found = values(
        cli,
        "2025-03-20",
        "The ministry must send its plan by April 30 and sign contracts no later than "
        "July 31. Duties stay until the end of 2025, ahead of the August 1 deadline; "
        "agencies must reply within 30 days. The talks began on March 3.",
        "deadline",
    )
    assert found == [
        ("April 30", "2025-04-30", True),
        ("July 31", "2025-07-31", True),
        ("the end of 2025", "2025", True),
        ("August 1", "2025-08-01", True),
        ("30 days", "P30D", True),
        ("March 3", "2025-03-03", False),
    ]


def test_end_of_a_month_is_the_month(cli):
    found = values(cli, "2025-03-20", "Firms were told to finish audits by the end of June.")
    assert found == [("the end of June", "2025-06")]


def test_numbers_that_are_not_dates(cli):
    text = (
        "This was the sixth meeting before the ninth National Assembly session. Nearly 2000 "
        "workers and nearly 60 firms attended. Resolution No. 59-NQ/TW, Decree 126/2020/ND-CP "
        "and deals worth US$90.3 billion were cited. Exports may rise; May I add that a "
        "20-year-old plant in Route 1 exported 1,995 tonnes?"
    )
    assert values(cli, "2025-03-20", text) == []


def test_reference_date_inferred_from_the_articles_own_dates(cli):
    text = (
        "Deputy Prime Minister Hồ Đức Phớc on June 3 told ministries to finish the review "
        "by June 20 and to sign the purchase deals in July 2025. Last week the team met."
    )
    [record] = extract(cli, (None, text))
    assert (record["reference_date"], record["published_inferred"]) == ("2025-06-03", True)
    assert [(d["text"], d["value"], d["deadline"]) for d in record["dates"]] == [
        ("June 3", "2025-06-03", False),
        ("June 20", "2025-06-20", True),
        ("July 2025", "2025-07", False),
        ("Last week", "2025-W22", False),
    ]


def test_year_unknown_without_publication_or_explicit_year(cli):
    a, b = extract(
        cli,
        (None, "The Government on April 10 ordered ministries to report on Friday."),
        (None, "In 2024, exports rose; last year was a record."),
    )
    assert (a["reference_date"], a["published_inferred"]) == (None, False)
    assert [(d["text"], d["value"]) for d in a["dates"]] == [
        ("April 10", "XXXX-04-10"),
        ("Friday", "XXXX-WXX-5"),
    ]
    # A whole year reported in the past tense is over: the article is from the next one.
    assert (b["reference_date"], b["published_inferred"]) == ("2025", True)
    assert [(d["text"], d["value"]) for d in b["dates"]] == [
        ("2024", "2024"),
        ("last year", "2024"),
    ]


def test_published_date_is_the_anchor_and_not_inferred(cli):
    [record] = extract(cli, ("2025-04-25", "Phạm Minh Chính spoke on Wednesday."))
    assert (record["reference_date"], record["published_inferred"]) == ("2025-04-25", False)
    [date] = record["dates"]
    assert (date["text"], date["value"], date["kind"]) == ("Wednesday", "2025-04-23", "day")


def test_quarters_as_periods_and_rates_are_three_months(cli):
    text = (
        "Banks must report each quarter, the plan covers two quarters and fees are paid quarterly."
    )
    assert values(cli, None, text) == [
        ("each quarter", "P3M"),
        ("two quarters", "P6M"),
        ("quarterly", "P3M"),
    ]


def test_bare_years_tell_the_year_of_an_undated_article(cli):
    over, under_way, ahead = extract(
        cli,
        # A whole year reported in the past is over: the article is from the next one.
        (
            None,
            "Two-way trade reached US$149.7 billion in 2024. On March 12, the minister "
            "met US firms; last month exports rose.",
        ),
        # Part of a year reported: it is the year of the article.
        (
            None,
            "Exports rose 14 per cent in the first five months of 2025. The minister met "
            "US firms on June 3.",
        ),
        # A target year says nothing about when the article was written.
        (
            None,
            "Vietnam aims to double exports to the US by 2030. The minister met US firms on May 2.",
        ),
    )
    assert over["reference_date"] == "2025-03-12"
    assert [(d["text"], d["value"]) for d in over["dates"]] == [
        ("2024", "2024"),
        ("March 12", "2025-03-12"),
        ("last month", "2025-02"),
    ]
    assert under_way["reference_date"] == "2025-06-03"
    assert ahead["reference_date"] is None
    assert [(d["text"], d["value"]) for d in ahead["dates"]] == [
        ("2030", "2030"),
        ("May 2", "XXXX-05-02"),
    ]


def test_month_of_a_relative_year(cli):
    text = (
        "Shipments fell in April last year and will recover in March next year. The deal was "
        "signed in 2023 and took effect in May of the same year."
    )
    assert values(cli, "2025-07-01", text) == [
        ("April last year", "2024-04"),
        ("March next year", "2026-03"),
        ("2023", "2023"),
        ("May of the same year", "2023-05"),
    ]


def test_the_second_day_of_a_range_takes_the_month_before_it(cli):
    text = (
        "The delegation visited Washington from May 19 to 23. A fair runs on June 3-5. "
        "Prices rose from May 19 to 23 per cent."
    )
    assert values(cli, "2025-05-26", text) == [
        ("May 19", "2025-05-19"),
        ("23", "2025-05-23"),
        ("June 3", "2025-06-03"),
        ("5", "2025-06-05"),
        ("May 19", "2025-05-19"),
    ]


def test_this_month_in_an_article_without_any_year_takes_its_dates_month(cli):
    text = (
        "The governor met US investors on July 8. He asked officials to solve their problems "
        "by the end of this month. Exports had fallen last month."
    )
    assert values(cli, None, text) == [
        ("July 8", "XXXX-07-08"),
        ("the end of this month", "XXXX-07"),
        ("last month", "XXXX-06"),
    ]


def test_letters_whose_lower_case_is_longer_keep_every_offset(cli, tmp_path):
    """`İ` lower-cases to two characters; the tagger's offsets must still slice the text."""
    text = "Hanoi (VNA) - " + "İ" * 80 + " traders met officials on April 2, 2025."
    record = extract_one(cli, tmp_path, text)
    assert [(d["text"], d["value"]) for d in record["dates"]] == [("April 2, 2025", "2025-04-02")]


def test_an_undated_story_of_a_named_year_keeps_its_yearless_days_in_it(cli):
    """A year the story happened in, or one still under way, is the article's own; only a
    finished year's figure moves the article to a later one."""
    timeline, record, figures = extract(
        cli,
        (
            None,
            "The deal was sealed on July 2. This is how the talks went in 2025.\n"
            "April 2: the tariffs are announced.",
        ),
        (
            None,
            "Shipments reached a record in the first half of 2025, customs figures "
            "published on July 9 showed.",
        ),
        (
            None,
            "Exports to Japan reached US$24 billion in 2024. The minister met buyers on March 3.",
        ),
    )
    assert [(d["text"], d["value"]) for d in timeline["dates"]] == [
        ("July 2", "2025-07-02"),
        ("2025", "2025"),
        ("April 2", "2025-04-02"),
    ]
    assert [d["value"] for d in record["dates"]] == ["2025", "2025-07-09"]
    assert [d["value"] for d in figures["dates"]] == ["2024", "2025-03-03"]


def test_a_weekday_after_a_past_verb_s_object_infinitive_is_past(cli):
    assert values(cli, "2025-09-12", "Buyers signed deals to buy corn on Wednesday.") == [
        ("Wednesday", "2025-09-10")
    ]
    text = "Buyers signed agreements to buy US cotton at a ceremony in Atlanta on Tuesday."
    assert values(cli, "2025-07-20", text) == [("Tuesday", "2025-07-15")]
    # an order's infinitive is still ahead
    assert values(cli, "2025-09-12", "The ministry asked firms to report on Wednesday.") == [
        ("Wednesday", "2025-09-17")
    ]


def test_a_yearless_day_followed_by_last_or_next_year_is_in_that_year(cli):
    text = "Duties were set on March 3 last year and will be reviewed on May 2 next year."
    assert values(cli, "2025-03-14", text) == [
        ("March 3", "2024-03-03"), ("last year", "2024"), ("May 2", "2026-05-02"),
        ("next year", "2026"),
    ]  # fmt: skip
    # an undated article's own year is not that of "October 25 last year"
    a, = extract(cli, (None, "The review opened on March 28, 2025. Duties were set on "
                       "October 25 last year."))  # fmt: skip
    assert a["reference_date"] == "2025-03-28"
    assert [d["value"] for d in a["dates"]][-2:] == ["2024-10-25", "2024"]


def test_a_past_tense_condition_is_no_report_of_the_past(cli):
    text = "Firms said they would cut jobs if the duty stayed in place beyond the third quarter."
    assert values(cli, "2025-04-08", text) == [("the third quarter", "2025-Q3")]


def test_the_week_of_a_day_is_that_week(cli):
    found = values(
        cli,
        "2025-05-08",
        "The first round will be held in the week of May 19, and a second in the week "
        "beginning 16 June in Hanoi. Talks resume on May 12.",
        "kind",
    )
    assert found == [
        ("the week of May 19", "2025-W21", "week"),
        ("the week beginning 16 June", "2025-W25", "week"),
        ("May 12", "2025-05-12", "day"),
    ]


def test_the_year_of_a_law_is_not_the_year_of_an_undated_story(cli):
    """`a 1977 emergency powers law` and `the Trade Expansion Act of 1962` name laws: the
    story's days keep no year rather than take theirs."""
    found = values(
        cli,
        None,
        "A federal court ruled on May 28 that the president overstepped a 1977 emergency "
        "powers law. Steel duties fall under the Trade Expansion Act of 1962. On May 29, an "
        "appeals court put the ruling on hold.",
    )
    assert [value for text, value in found if text in ("May 28", "May 29")] == [
        "XXXX-05-28",
        "XXXX-05-29",
    ]
