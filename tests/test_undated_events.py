"""Articles without a publication date still get their lead event: a weekday against a wire
dateline's day, or among the dated reports of the same people in the store."""

from __future__ import annotations

import json

ARTICLES = {
    "dated.txt": (
        "date 2025-04-29\nMinister of Industry and Trade Nguyen Hong Dien met US Trade "
        "Representative Jamieson Greer in Washington on April 29 to discuss rules of origin "
        "and textiles.\n"
    ),
    "dated_2.txt": (
        "date 2025-04-30\nNguyen Hong Dien and Jamieson Greer met in Washington on April 29, "
        "discussing rules of origin and textile exports.\n"
    ),
    # a wire page without a date: its dateline gives the day, "Tuesday" is that day
    "wire.txt": (
        "WASHINGTON, April 29 (Reuters) - Minister Nguyen Hong Dien met Jamieson Greer on "
        "Tuesday to discuss rules of origin and textiles.\n"
    ),
    # no date and no dateline: some Tuesday, placed among the same people's dated reports
    "page.txt": (
        "Minister Nguyen Hong Dien met US Trade Representative Jamieson Greer in Washington on "
        "Tuesday, discussing rules of origin and textile exports.\n"
    ),
    "nothing.txt": "Vietnam and the United States keep talking about trade.\n",
}


def test_undated_reports_lead_with_their_event_and_stats_count_the_rest(cli, tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "news.db"
    result = cli("ingest", str(tmp_path), "--db", str(db), "--workers", "1", "-q")
    assert result.exit_code == 0, result.stderr
    compared = cli("compare", "--db", str(db), "--format", "json")
    assert compared.exit_code == 0, compared.stderr
    (cluster,) = json.loads(compared.stdout)["clusters"]
    assert sorted(cluster["articles"]) == ["dated", "dated_2", "page", "wire"]
    assert cluster["events"]["wire"]["date"] == "2025-04-29"
    assert cluster["events"]["page"]["date"] == "2025-WXX-2"  # some Tuesday of 2025
    stats = json.loads(cli("db", "stats", "--db", str(db), "--format", "json").stdout)
    assert stats["without_lead"] == 1  # nothing.txt gives no date at all
