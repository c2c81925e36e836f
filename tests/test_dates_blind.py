"""What the blind round (tests/data/timex_dev/blind.jsonl) taught, sentence by sentence,
through the real CLI and model. Every sentence is written for this file."""

from __future__ import annotations

from test_dates_news import dates


def test_clock_times_with_a_time_zone_join_their_day(cli):
    text = "The launch is set for 6:45 a.m. EST tomorrow; NASA will brief at 2 p.m. ET Friday."
    assert dates(cli, "1998-03-12", text) == [
        ("6:45 a.m. EST tomorrow", "1998-03-13T06:45"),
        ("2 p.m. ET Friday", "1998-03-13T14"),
    ]


def test_a_weekday_takes_the_tense_of_the_clause_it_belongs_to(cli):
    text = (
        "The jury deliberated for three days before returning its verdict Friday. The "
        "Rangers rallied to beat Boston on Sunday. The Knicks play Chicago Saturday night."
    )
    assert dates(cli, "1992-11-04", text) == [
        ("three days", "P3D"),
        ("Friday", "1992-10-30"),
        ("Sunday", "1992-11-01"),
        ("Saturday night", "1992-11-07TNI"),
    ]


def test_figures_name_a_month_that_is_over(cli):
    text = "The department will release October trade figures on Tuesday, and a report in March."
    assert dates(cli, "1990-11-14", text) == [
        ("October", "1990-10"),
        ("Tuesday", "1990-11-20"),
        ("March", "1991-03"),
    ]


def test_anaphoric_parts_of_days_holidays_and_compounds(cli):
    text = (
        "The storm hit on Nov. 2. That night, power failed across the city. Stores hope "
        "to recover by Thanksgiving. Shares fell in after-hours trading."
    )
    assert dates(cli, "1989-11-06", text) == [
        ("Nov. 2", "1989-11-02"),
        ("That night", "1989-11-02TNI"),
        ("Thanksgiving", "1989-11-23"),
    ]


def test_a_comparison_after_a_period_ended_on_a_day_takes_the_period(cli):
    text = (
        "Net income for the third quarter ended Sept. 30 rose to $5 million from $4 million a "
        "year earlier."
    )
    assert dates(cli, "1989-10-26", text) == [
        ("the third quarter", "1989-Q3"),
        ("Sept. 30", "1989-09-30"),
        ("a year earlier", "1988-Q3"),
    ]
