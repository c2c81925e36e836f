"""Clusters on news-like text through the real CLI and model: a year-less call told twice,
two same-day calls of one official with other counterparts, one meeting worded as an
announcement, and the same articles ingested in two orders."""

from __future__ import annotations

import json

import pytest

# Two pages of one phone call, scraped without a date or a year: "July 2" only.
LAM_CALL = {
    "lam_a.txt": (
        "General Secretary To Lam held a phone call with US President Donald Trump on July 2, "
        "discussing reciprocal tariffs and the trade agreement between Vietnam and the United "
        "States.\nTo Lam said Vietnam wanted a balanced deal with the US.\n"
    ),
    "lam_b.txt": (
        "US President Donald Trump and Vietnamese Party chief To Lam spoke by telephone on "
        "July 2 about a new trade framework and tariffs, with Minister Nguyen Hong Dien and US "
        "Trade Representative Jamieson Greer taking part.\nTrump wrote afterwards that the two "
        "countries had reached an agreement on trade.\n"
    ),
}
# One official, two calls on one day on one subject, each with another Vietnamese minister.
GREER_CALLS = {
    "greer_dien.txt": (
        "date 2025-05-14\nMinister of Industry and Trade Nguyen Hong Dien held phone talks with "
        "US Trade Representative Jamieson Greer on May 14 on rules of origin and exports of "
        "textiles.\nBoth sides agreed to keep working together.\n"
    ),
    "greer_dien_2.txt": (
        "date 2025-05-14\nIn a phone call on May 14, Minister Nguyen Hong Dien and Jamieson Greer "
        "exchanged views on rules of origin and textiles.\n"
    ),
    "greer_thang.txt": (
        "date 2025-05-14\nMinister of Finance Nguyen Van Thang held phone talks with US Trade "
        "Representative Jamieson Greer on May 14 on rules of origin and exports of textiles.\n"
    ),
    "greer_thang_2.txt": (
        "date 2025-05-14\nIn a phone call on May 14, Minister of Finance Nguyen Van Thang and "
        "Jamieson Greer exchanged views on rules of origin and textiles.\n"
    ),
}


def _write(folder, articles: dict[str, str]):
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in articles]


def _compare(cli, *args: str) -> dict:
    result = cli("compare", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _groups(document: dict) -> set[frozenset[str]]:
    return {frozenset(c["articles"]) for c in document["clusters"] if c["same_event"]}


def test_two_year_less_reports_of_one_call_are_one_event(cli, tmp_path):
    a, b = _write(tmp_path, LAM_CALL)
    (cluster,) = _compare(cli, a, b)["clusters"]
    assert cluster["same_event"] is True
    assert cluster["date"] == "XXXX-07-02" and cluster["kind"] == "call"


def test_a_year_less_report_takes_the_year_of_its_corpus_in_a_store(cli, tmp_path):
    paths = _write(tmp_path, {**LAM_CALL, **GREER_CALLS})
    db = tmp_path / "news.db"
    result = cli("ingest", *paths, "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.stderr
    groups = _groups(_compare(cli, "--db", str(db), "--limit", "0"))
    assert frozenset({"lam_a", "lam_b"}) in groups
    timeline = [json.loads(line) for line in cli("timeline", "--db", str(db)).stdout.splitlines()]
    (call,) = [row for row in timeline if "lam_a" in row["articles"]]
    assert (call["date"], call["date_inferred"]) == ("2025-07-02", True)


def test_same_day_calls_of_one_official_with_other_counterparts_stay_apart(cli, tmp_path):
    groups = _groups(_compare(cli, *_write(tmp_path, GREER_CALLS)))
    assert groups == {
        frozenset({"greer_dien", "greer_dien_2"}),
        frozenset({"greer_thang", "greer_thang_2"}),
    }


@pytest.mark.parametrize("order", [1, -1])
def test_ingest_order_and_recluster_give_the_same_clusters(cli, tmp_path, order):
    paths = _write(tmp_path, {**LAM_CALL, **GREER_CALLS})
    db = tmp_path / "news.db"
    for path in paths[::order]:  # one run per article: the order they arrive in
        assert cli("ingest", path, "--db", str(db), "--workers", "1", "-q").exit_code == 0
    ingested = _groups(_compare(cli, "--db", str(db), "--limit", "0"))
    assert cli("db", "recluster", "--db", str(db), "-q").exit_code == 0
    assert _groups(_compare(cli, "--db", str(db), "--limit", "0")) == ingested
    assert ingested == {
        frozenset({"lam_a", "lam_b"}),
        frozenset({"greer_dien", "greer_dien_2"}),
        frozenset({"greer_thang", "greer_thang_2"}),
    }
