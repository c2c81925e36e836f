"""Dates in news nobody tuned for, one test per class of issue 14, through the real CLI
and model. Every sentence is written for this file."""

from __future__ import annotations

import json

from conftest import jsonl
from vntrade.periods import parse_period


def run(cli, command: str, *articles: tuple[str | None, str]) -> list[dict]:
    lines = "".join(
        json.dumps({"id": f"a{i}", "published": published, "title": None, "text": text}) + "\n"
        for i, (published, text) in enumerate(articles)
    )
    result = cli(command, "-", "--format", "jsonl", input=lines)
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def dates(cli, published: str | None, text: str) -> list[tuple[str, str]]:
    [record] = run(cli, "extract", (published, text))
    return [(date["text"], date["value"]) for date in record["dates"]]


def test_fiscal_and_calendar_periods_of_business_news(cli):
    text = (
        "Third-quarter net income rose 9%, and the company expects fourth-quarter sales to "
        "fall. Profit for the nine months ended Sept. 30 was $40 million; in the first half it "
        "had lost money. The board approved a budget for fiscal 1991."
    )
    assert dates(cli, "1990-10-24", text) == [
        ("Third-quarter", "1990-Q3"),
        ("fourth-quarter", "1990-Q4"),
        ("the nine months", "P9M"),
        ("Sept. 30", "1990-09-30"),
        ("the first half", "1990-H1"),
        ("fiscal 1991", "FY1991"),
    ]
    # In January the fourth quarter whose results are awaited is the one just over.
    assert dates(cli, "1991-01-14", "Fourth-quarter earnings will be released next week.")[0] == (
        "Fourth-quarter",
        "1990-Q4",
    )


def test_a_year_earlier_takes_the_granularity_of_what_it_compares_with(cli):
    text = (
        "October sales rose 4% from a year earlier. Third-quarter profit was $12 million "
        "against $9 million in the year-ago quarter. On Nov. 3 the stock closed at $40, up "
        "from $31 a year earlier."
    )
    assert dates(cli, "1997-11-05", text) == [
        ("October", "1997-10"),
        ("a year earlier", "1996-10"),
        ("Third-quarter", "1997-Q3"),
        ("the year-ago quarter", "1996-Q3"),
        ("Nov. 3", "1997-11-03"),
        ("a year earlier", "1996-11-03"),
    ]
    assert dates(cli, "1997-11-05", "Inflation is higher than a year ago.") == [
        ("a year ago", "1996")
    ]


def test_weekdays_and_months_are_placed_by_tense_and_document_date(cli):
    text = (
        "The union said Friday it would strike on Monday. The contract expired in May, and a "
        "new one will take effect Jan. 1."
    )
    assert dates(cli, "1993-06-16", text) == [
        ("Friday", "1993-06-11"),
        ("Monday", "1993-06-21"),
        ("May", "1993-05"),
        ("Jan. 1", "1994-01-01"),
    ]


def test_vague_references_and_the_words_annotators_leave_alone(cli):
    text = (
        "Exporters now face higher costs; at present the tariff stands at 10%. The port, "
        "formerly a naval base, previously handled coal. In the past such disputes dragged on, "
        "and officials said rates could change in the future. The firm pays a quarterly dividend."
    )
    assert dates(cli, "2025-05-02", text) == [
        ("now", "PRESENT_REF"),
        ("at present", "PRESENT_REF"),
        ("formerly", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ]


def test_anaphoric_days_count_from_the_last_date_mentioned(cli):
    text = (
        "Talks opened in Washington on July 28. The same day, the ministry issued a statement; "
        "on the third day the two sides agreed on rules of origin, and the text was initialled "
        "the following week. Duties were first raised in 2018, and that year exports still grew."
    )
    assert dates(cli, "2025-08-20", text) == [
        ("July 28", "2025-07-28"),
        ("The same day", "2025-07-28"),
        ("the third day", "2025-07-30"),
        ("the following week", "2025-W32"),
        ("2018", "2018"),
        ("that year", "2018"),
    ]


def test_years_and_quantities_in_words(cli):
    text = (
        "The two countries normalised ties in nineteen ninety-five and set goals for the year "
        "two thousand; trade has grown for three decades. Two thousand workers joined the march."
    )
    assert dates(cli, "2025-03-01", text) == [
        ("nineteen ninety-five", "1995"),
        ("the year two thousand", "2000"),
        ("three decades", "P30Y"),
    ]


def test_weekends_and_parts_of_days_stay_comparable_with_their_days(cli):
    text = (
        "Negotiators worked through the weekend and will meet again this weekend. The minister "
        "phoned his counterpart on Tuesday evening."
    )
    assert dates(cli, "2025-07-09", text) == [
        ("the weekend", "2025-W27-WE"),
        ("this weekend", "2025-W28-WE"),
        ("Tuesday evening", "2025-07-08TEV"),
    ]
    evening, weekend = parse_period("2025-07-08TEV"), parse_period("2025-W27-WE")
    assert (evening.precision, str(evening.start), str(evening.end)) == (
        "day",
        "2025-07-08",
        "2025-07-09",
    )
    assert (str(weekend.start), str(weekend.end)) == ("2025-07-05", "2025-07-07")
    entries = run(cli, "timeline", ("2025-07-09", text))
    assert [(e["date"], e["start"]) for e in entries] == [
        ("2025-W27-WE", "2025-07-05"),
        ("2025-07-08TEV", "2025-07-08"),
        ("2025-W28-WE", "2025-07-12"),
    ]


def test_articles_without_a_publication_date_use_their_own_dates(cli):
    dated, yearless = run(
        cli,
        "extract",
        (None, "Talks resumed on Oct 9, 2025 in Washington. The delegation arrived on Monday."),
        (None, "Delegates met on Oct 9 and will meet again on Oct 20."),
    )
    assert [(d["text"], d["value"]) for d in dated["dates"]] == [
        ("Oct 9, 2025", "2025-10-09"),
        ("Monday", "2025-10-06"),
    ]
    assert (dated["reference_date"], dated["published_inferred"]) == ("2025-10-09", True)
    assert [d["value"] for d in yearless["dates"]] == ["XXXX-10-09", "XXXX-10-20"]
    assert yearless["reference_date"] is None


def test_a_week_later_a_month_just_ahead_and_the_same_day_without_a_year(cli):
    # counted from a day, a week later is a day
    assert dates(
        cli, "2025-04-12", "The rate was announced on April 2 and paused a week later."
    ) == [
        ("April 2", "2025-04-02"),
        ("a week later", "2025-04-09"),
    ]
    # a past-tense sentence looks forward to the month just ahead (an expiry), not a year back
    assert dates(cli, "2025-06-29", "The talks took place ahead of the expiry on July 8.") == [
        ("July 8", "2025-07-08")
    ]
    assert dates(cli, "2025-03-10", "Exports fell sharply in October.")[0] == (
        "October",
        "2024-10",
    )
    # in a page with no year, the same day is the day last named, still without a year
    assert dates(cli, None, "Letters went out on July 7. The order was signed the same day.") == [
        ("July 7", "XXXX-07-07"),
        ("the same day", "XXXX-07-07"),
    ]
