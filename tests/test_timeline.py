"""`vntrade timeline`: events in date order, one entry per event, on the seeds and own articles."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import jsonl

# Small articles in the agencies' styles, written for these tests (not seeds).
ARTICLES = {
    "knapper_vna.txt": (
        "date 2025-07-03\n"
        "Deputy PM receives US Ambassador\n"
        "Hanoi (VNA) – Deputy Prime Minister Bùi Thanh Sơn received US Ambassador Marc Knapper "
        "in Hanoi on July 2 to discuss the reciprocal trade agreement between the two countries.\n"
        "Sơn said Vietnam would buy 50 Boeing aircraft worth US$10 billion this year. He asked "
        "the Ministry of Finance to complete the draft decree on tariff cuts for US pork and "
        "almonds by July 15.\n"
    ),
    "knapper_vov.txt": (
        "date 2025-07-04\n"
        "Vietnam, US discuss reciprocal trade deal\n"
        "VOV.VN - Deputy Prime Minister Bui Thanh Son received US Ambassador Marc Knapper in "
        "Hanoi on July 3 to discuss the reciprocal trade agreement between the two countries.\n"
        "The Deputy PM told the ambassador that Vietnam would buy 50 Boeing aircraft worth "
        "US$12 billion this year. Son asked the Ministry of Finance to complete the draft decree "
        "on tariff cuts for US pork and almonds by July 15.\n"
    ),
    "trump_deal.txt": (
        "date 2025-07-03\n"
        "Hà Nội (VNA) - US President Donald Trump announced on Wednesday that the US and "
        "Vietnam had reached a trade agreement.\n"
        "Last month, Prime Minister Phạm Minh Chính chaired a meeting with exporters of seafood "
        "and coffee.\n"
    ),
}

# Two reports of one phone call: one gives the day, the other the day and time of day.
CALL = {
    "call_vna.txt": (
        "date 2025-03-05\n"
        "HANOI — General Secretary To Lam held a phone call with US President Donald Trump on "
        "March 4 evening, discussing reciprocal tariffs and the bilateral trade balance.\n"
        "To Lam said Vietnam was ready to buy more US aircraft and LNG.\n"
    ),
    "call_vov.txt": (
        "date 2025-03-05\n"
        "HANOI — In a phone call on Tuesday night, General Secretary To Lam and US President "
        "Donald Trump discussed reciprocal tariffs and the trade balance between the two "
        "countries.\n"
        "Trump welcomed Vietnam's plans to buy US aircraft and LNG, the Party chief said.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("timeline")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _entries(cli, *args: str) -> list[dict]:
    result = cli("timeline", *args, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def test_seeds_timeline_has_every_expected_date(cli, seeds):
    result = cli("timeline", str(seeds), "--format", "json")
    assert result.exit_code == 0, result.stderr
    entries = json.loads(result.stdout)
    dates = {entry["date"] for entry in entries}
    expected = {"2025-03-20", "2025-04-02", "2025-04-22", "2025-04-23", "2025-04-29"}
    assert expected | {"2025-04-30", "2025-05", "2025-W11"} <= dates


def test_seed_meeting_reported_twice_is_one_entry(cli, seeds):
    entries = _entries(cli, str(seeds))
    meetings = [e for e in entries if e["date"] == "2025-04-29"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting["kind"] == "meeting"
    assert meeting["articles"] == ["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"]
    assert "Pham Minh Chinh" in meeting["actors"]
    assert {e["article"] for e in meeting["evidence"]} == set(meeting["articles"])
    assert "Pham Minh Chinh" in meeting["summary"] and "meeting" in meeting["summary"]


def test_seed_directive_deadlines_are_deadline_entries(cli, seeds):
    entries = _entries(cli, str(seeds), "--kind", "deadline")
    by_date = {e["date"]: e for e in entries}
    assert set(by_date) >= {"2025-04-30", "2025-05"}
    for value in ("2025-04-30", "2025-05"):
        assert by_date[value]["kind"] == "deadline"
        assert by_date[value]["summary"].startswith("Deadline: ")
        assert by_date[value]["articles"] == ["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"]
    assert "Ministry of Industry and Trade" in by_date["2025-04-30"]["summary"]
    assert "LNG" in by_date["2025-05"]["commodities"]


@pytest.mark.slow
def test_entries_sort_at_the_start_of_their_period(cli, seeds):
    entries = _entries(cli, str(seeds))
    starts = [e["start"] for e in entries]
    assert starts == sorted(starts)
    week = next(e for e in entries if e["date"] == "2025-W11")
    assert (week["precision"], week["start"], week["kind"]) == ("week", "2025-03-10", "agreement")
    month = next(e for e in entries if e["date"] == "2025-05")
    assert (month["precision"], month["start"]) == ("month", "2025-05-01")
    # The week of March 10 comes before March 20, the month of May after April 30.
    dates = [e["date"] for e in entries]
    assert dates.index("2025-W11") < dates.index("2025-03-20")
    assert dates.index("2025-04-30") < dates.index("2025-05")


def test_seed_kinds(cli, seeds):
    kinds = {e["date"]: e["kind"] for e in _entries(cli, str(seeds))}
    assert kinds["2025-03-20"] == "briefing"
    assert kinds["2025-04-02"] == "tariff measure"
    assert kinds["2025-04-22"] == "meeting"
    assert kinds["2025-04-23"] == "call"


def test_own_articles_merge_one_deadline_and_keep_two_meeting_dates(cli, corpus):
    entries = _entries(cli, str(corpus))
    deadline = [e for e in entries if e["date"] == "2025-07-15"]
    assert len(deadline) == 1
    assert deadline[0]["kind"] == "deadline"
    assert deadline[0]["articles"] == ["knapper_vna", "knapper_vov"]
    assert "Ministry of Finance" in deadline[0]["summary"]
    assert {"pork", "almonds"} <= set(deadline[0]["commodities"])
    # The two reports date the reception differently: the timeline cannot know which is right.
    receptions = [e for e in entries if "Knapper" in e["summary"]]
    assert sorted(e["date"] for e in receptions) == ["2025-07-02", "2025-07-03"]
    assert {e["kind"] for e in receptions} == {"meeting"}


def test_relative_dates_and_pronouns(cli, corpus):
    entries = _entries(cli, str(corpus / "trump_deal.txt"))
    by_date = {e["date"]: e for e in entries}
    announcement = by_date["2025-07-02"]  # "on Wednesday", published Thursday July 3
    assert announcement["kind"] == "agreement"  # what was announced: a deal reached
    assert announcement["summary"].startswith("US President Donald Trump announced that")
    month = by_date["2025-06"]  # "Last month"
    assert (month["precision"], month["kind"]) == ("month", "meeting")
    assert month["actors"][0] == "Pham Minh Chinh"
    assert {"seafood", "coffee"} <= set(month["commodities"])


def test_pronoun_subject_is_named(cli, tmp_path):
    article = tmp_path / "pronoun.txt"
    article.write_text(
        "date 2025-05-20\n"
        "Minister of Industry and Trade Nguyen Hong Dien arrived in Washington on Sunday. "
        "He met US Commerce Secretary Howard Lutnick on May 19 to discuss tariffs on steel.\n",
        encoding="utf-8",
    )
    entries = _entries(cli, str(article))
    meeting = next(e for e in entries if e["date"] == "2025-05-19")
    assert meeting["kind"] == "meeting"
    assert meeting["summary"].startswith("Nguyen Hong Dien met")
    assert "Nguyen Hong Dien" in meeting["actors"]
    visit = next(e for e in entries if e["date"] == "2025-05-18")
    assert visit["kind"] == "visit"


def test_year_from_the_rest_of_the_corpus(cli, seeds, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text(
        "Deputy Prime Minister Ho Duc Phoc on March 12 chaired a meeting with exporters "
        "of textiles and footwear to discuss the US market.\n",
        encoding="utf-8",
    )
    extracted = jsonl(cli("extract", str(undated), "--format", "jsonl"))[0]
    raw = next(d["value"] for d in extracted["dates"] if d["text"] == "March 12")
    entries = _entries(cli, str(undated), str(seeds / "003_df8df0b08cc2d189.txt"))
    entry = next(e for e in entries if e["articles"] == ["undated"])
    assert entry["date"] == "2025-03-12"
    assert entry["date_inferred"] is raw.startswith("XXXX")


def test_filters_since_until_and_kind(cli, seeds):
    entries = _entries(cli, str(seeds), "--since", "2025-04-22", "--until", "2025-04-30")
    assert [e["date"] for e in entries] == [
        "2025-04-22", "2025-04-23", "2025-04-29", "2025-04-30",
    ]  # fmt: skip
    # A month overlaps --since inside it; a week overlaps --until inside it.
    assert "2025-05" in {e["date"] for e in _entries(cli, str(seeds), "--since", "2025-05-20")}
    assert "2025-W11" in {e["date"] for e in _entries(cli, str(seeds), "--until", "2025-03-12")}
    kinds = {e["kind"] for e in _entries(cli, str(seeds), "--kind", "call", "--kind", "Meeting")}
    assert kinds == {"call", "meeting"}
    tariffs = _entries(cli, str(seeds), "--kind", "tariff-measure")
    assert [e["date"] for e in tariffs] == ["2025-04-02"]


def test_actor_filter_takes_any_alias_and_diacritics(cli, seeds, corpus):
    for name in ("Nguyễn Hồng Diên", "nguyen hong dien", "Dien"):
        entries = _entries(cli, str(seeds), "--actor", name)
        assert {e["date"] for e in entries} == {"2025-W11", "2025-04-23"}, name
    son = _entries(cli, str(corpus), "--actor", "Bùi Thanh Sơn")
    assert {e["date"] for e in son} == {"2025-07-02", "2025-07-03", "2025-07-15"}


def test_unknown_actor_warns_and_prints_nothing(cli, seeds):
    result = cli("timeline", str(seeds), "--actor", "Nobody Atall", "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no actor called 'Nobody Atall'" in result.stderr


def test_commodity_filter(cli, seeds, corpus):
    entries = _entries(cli, str(seeds), str(corpus), "--commodity", "lng")
    assert [e["date"] for e in entries] == ["2025-05"]
    pork = _entries(cli, str(seeds), str(corpus), "--commodity", "Pork")
    assert [e["date"] for e in pork] == ["2025-07-15"]


def test_bad_options_are_usage_errors(cli, seeds):
    result = cli("timeline", str(seeds), "--since", "April")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
    result = cli("timeline", str(seeds), "--kind", "party")
    assert result.exit_code == 2
    assert "unknown kind 'party'" in result.stderr


def test_csv_and_table_formats(cli, seeds):
    result = cli("timeline", str(seeds), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "date", "precision", "start", "date_inferred", "kind", "summary", "actors",
        "commodities", "articles", "evidence",
    ]  # fmt: skip
    meeting = next(row for row in rows if row["date"] == "2025-04-29")
    assert json.loads(meeting["articles"]) == ["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"]

    table = cli("timeline", str(seeds), "--format", "table", "--evidence")
    assert table.exit_code == 0
    for text in ("April 2025", "March 2025", "May 2025", "2025-W11 (week only)", "tariff measure"):
        assert text in table.stdout
    assert "directed" in table.stdout  # --evidence shows the sentences ("He directed ...")


def test_no_events_and_failed_inputs(cli, tmp_path, seeds):
    empty = tmp_path / "empty.txt"
    empty.write_text("Vietnam and the US are important trade partners.\n", encoding="utf-8")
    result = cli("timeline", str(empty), "--format", "table")
    assert result.exit_code == 0
    assert "No events." in result.stdout
    result = cli("timeline", str(seeds / "003_df8df0b08cc2d189.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert [e["date"] for e in jsonl(result)] == ["2025-04-23"]


def test_two_meetings_of_one_minister_on_one_day_stay_apart(cli, tmp_path):
    reports = {
        "reception_vna.txt": "Prime Minister Pham Minh Chinh on May 5 received US Ambassador "
        "Marc Knapper in Hanoi.",
        "cabinet.txt": "Prime Minister Pham Minh Chinh on May 5 chaired a Government meeting "
        "on the impact of US tariffs on exporters of wood products.",
        "reception_vov.txt": "VOV.VN - PM Chinh met US Ambassador Knapper on May 5, "
        "discussing trade.",
    }
    for name, body in reports.items():
        (tmp_path / name).write_text(f"date 2025-05-06\n{body}\n", encoding="utf-8")
    entries = _entries(cli, str(tmp_path))
    assert sorted(e["articles"] for e in entries) == [
        ["cabinet"], ["reception_vna", "reception_vov"],
    ]  # fmt: skip
    assert {e["date"] for e in entries} == {"2025-05-05"}


@pytest.mark.slow
def test_timeline_from_a_store_matches_the_paths(cli, seeds, tmp_path):
    db = str(tmp_path / "seeds.db")
    assert cli("ingest", str(seeds), "--db", db).exit_code == 0
    from_store = _entries(cli, "--db", db)
    assert from_store == _entries(cli, str(seeds))


def test_a_winter_is_placed_where_the_tagger_puts_it(cli):
    """One calendar: "last winter" said on 2025-03-20 is 2024-WI, December to February."""
    record = {
        "id": "w",
        "published": "2025-03-20",
        "text": "Hanoi (VNA) - Vietnamese rice exporters met US buyers in Hanoi last winter "
        "to discuss tariffs.",
    }
    result = cli("timeline", "-", "--format", "jsonl", input=json.dumps(record) + "\n")
    assert result.exit_code == 0, result.stderr
    [entry] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (entry["date"], entry["start"]) == ("2024-WI", "2024-12-01")
    later = cli(
        "timeline", "-", "--since", "2025-01", "--format", "jsonl", input=json.dumps(record)
    )
    assert [json.loads(line)["date"] for line in later.stdout.splitlines()] == ["2024-WI"]


def test_a_day_and_time_meets_its_day(cli, tmp_path):
    for name, text in CALL.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    [call] = [e for e in _entries(cli, str(tmp_path)) if e["kind"] == "call"]
    assert call["start"] == "2025-03-04" and call["precision"] == "day"
    assert call["articles"] == ["call_vna", "call_vov"]


@pytest.mark.parametrize("columns", ["80", "100"])
def test_table_fits_a_narrow_terminal(cli, seeds, columns):
    result = cli("timeline", str(seeds), "--format", "table", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(columns)
    header = next(line for line in lines if line.startswith("┏"))
    assert min(len(cell) for cell in header.strip("┏┓").split("┳")) >= 8  # none squeezed
    assert len(lines) < 100  # 224 when the actors column was 2 characters wide
    assert "000_a6d94dcbb98d2318" in result.stdout and "Pham Minh Chinh" in result.stdout


def test_table_on_a_wide_terminal_has_actor_and_article_columns(cli, seeds):
    result = cli("timeline", str(seeds), "--format", "table", env={"COLUMNS": "120"})
    header = next(line for line in result.stdout.splitlines() if line.startswith("┃"))
    assert "actors" in header and "articles" in header
