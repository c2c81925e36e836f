"""The views never turn a year-only or month-only date into a day, and compare groups the
values of a conflict (issue 21, items 5 and 6)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import jsonl
from vntrade.cli import main

RECEPTION = (
    "Deputy PM receives US Ambassador\n"
    "Hanoi – Deputy Prime Minister Bui Thanh Son received US Ambassador Marc Knapper in Hanoi "
    "on July 2 to discuss the reciprocal trade agreement between the two countries.\n"
    "Son said Vietnam would buy 50 Boeing aircraft worth {worth} this year."
)
# Six reports of one reception giving three values for one figure.
REPORTS = [
    ("VNA", "US$10 billion"), ("VOV", "US$10 billion"), ("VNA", "US$10 billion"),
    ("Reuters", "US$12 billion"), ("VOV", "US$12 billion"), ("Tuoi Tre", "US$15 billion"),
]  # fmt: skip
ARTICLES = [
    *(
        {
            "id": f"reception_{n}",
            "published": "2025-07-03",
            "agency": agency,
            "text": RECEPTION.format(worth=worth),
        }
        for n, (agency, worth) in enumerate(REPORTS)
    ),
    {
        "id": "year_only",
        "published": "2025-03-10",
        "agency": "VNA",
        "text": "Vietnam plans trade talks\nHanoi (VNA) - Vietnam will sign a trade agreement "
        "with the United States in 2025, Minister of Industry and Trade Nguyen Hong Dien said.",
    },
    {
        "id": "month_only",
        "published": "2025-03-10",
        "agency": "VOV",
        "text": "Delegation to visit Washington\nHanoi (VOV) - Minister of Industry and Trade "
        "Nguyen Hong Dien will visit Washington in May 2025 for talks with US Trade "
        "Representative Jamieson Greer.",
    },
    {
        "id": "days",
        "published": "2025-06-01",
        "agency": "VNA",
        "text": "PM chairs meeting on US tariffs\nHanoi (VNA) - Prime Minister Pham Minh Chinh "
        "chaired a meeting on January 3 on US tariffs. Minister Nguyen Hong Dien held phone "
        "talks with Jamieson Greer on May 20.",
    },
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of the articles above, made by `vntrade ingest` (once for the module)."""
    folder = tmp_path_factory.mktemp("precision")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "store.db"
    env = {"VNTRADE_CACHE_DIR": str(folder / "cache"), "TERM": "dumb", "VNTRADE_DEBUG": "1"}
    result = CliRunner().invoke(
        main, ["ingest", str(corpus), "--db", str(db)], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return str(db)


def _timeline(cli, store: str) -> list[dict]:
    result = cli("timeline", "--db", store, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def test_timeline_sorts_a_year_or_month_after_the_days_it_covers(cli, store):
    dates = [(e["date"], e["precision"]) for e in _timeline(cli, store)]
    assert dates == [
        ("2025-01-03", "day"),
        ("2025-05-20", "day"),
        ("2025-05", "month"),  # after May's days, not on May 1
        ("2025-07-02", "day"),
        ("2025", "year"),  # after the year's days, not on January 1
    ]


def test_timeline_table_labels_what_a_date_gives(cli, store):
    result = cli("timeline", "--db", store, "--format", "table", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert "2025 (year only)" in result.stdout and "2025-05 (month only)" in result.stdout
    # The year-only entry has a heading of its own, after the months, not January's.
    headings = ["January 2025", "May 2025", "July 2025", "2025, month unknown"]
    at = [result.stdout.index(heading) for heading in headings]
    assert at == sorted(at)
    year_at = result.stdout.index("2025 (year only)")
    assert result.stdout.index("2025, month unknown") < year_at
    assert result.stdout.index("January 2025") < result.stdout.index("2025-01-03") < year_at


DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.DOTALL)


@pytest.mark.slow
def test_report_never_counts_a_year_in_january(cli, store, tmp_path: Path):
    out = tmp_path / "report.html"
    result = cli("report", "--db", store, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    data = json.loads(DATA.search(page)[1])
    months = {(m["month"], m["kind"]): m["events"] for m in data["months"]}
    assert months == {
        ("2025-01", "meeting"): 1,  # the meeting of January 3 only
        ("2025-05", "call"): 1,
        ("2025-05", "visit"): 1,  # the visit of May 2025, in May
        ("2025-07", "meeting"): 1,
    }
    assert data["month_unknown"] == [
        {"period": "2025", "label": "2025, month unknown", "kind": "agreement", "events": 1}
    ]
    axis = [b["label"] for b in data["month_axis"]]
    assert axis[0] == "Jan 2025" and axis[-2:] == ["Jul 2025", "2025, month unknown"]
    assert len(axis) == 8  # January to July, then the year's unknown month
    marks = {m["date"]: m for m in data["timeline"]}
    assert marks["2025"]["year_only"] == "2025, month unknown"
    assert marks["2025"]["label"] == "2025 (year only)"
    assert marks["2025-05"]["year_only"] is None and marks["2025-05"]["end"] == "2025-06-01"
    # The conflict is grouped by value on the page too.
    section = page.split('id="clusters"')[1].split('id="directives"')[0]
    assert section.count('class="conflict-group"') == 3
    assert re.search(r"US\$10 billion</button>:\s*<span class=\"count\">3 reports</span>", section)


def test_compare_groups_a_conflict_by_value(cli, store):
    result = cli("compare", "--db", store, "--format", "json")
    assert result.exit_code == 0, result.stderr
    [cluster] = json.loads(result.stdout)["clusters"]
    assert len(cluster["articles"]) == 6
    [conflict] = [c for c in cluster["conflicts"] if c["type"] == "figure"]
    assert conflict["groups"] == [
        {"value": "US$10 billion", "reports": 3, "sources": ["VNA", "VOV"],
         "articles": ["reception_0", "reception_1", "reception_2"]},
        {"value": "US$12 billion", "reports": 2, "sources": ["Reuters", "VOV"],
         "articles": ["reception_3", "reception_4"]},
        {"value": "US$15 billion", "reports": 1, "sources": ["Tuoi Tre"],
         "articles": ["reception_5"]},
    ]  # fmt: skip
    # The per-article values and evidence are still there, as before.
    assert conflict["values"]["reception_3"] == "US$12 billion"
    assert "US$15 billion" in conflict["evidence"]["reception_5"]


def test_compare_table_prints_each_value_once_with_its_count(cli, store):
    result = cli("compare", "--db", store, "--format", "table", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert "3 values in 6 reports" in result.stdout
    assert "US$10 billion: 3 reports (VNA, VOV)" in result.stdout
    assert "US$12 billion: 2 reports (Reuters, VOV)" in result.stdout
    assert "US$15 billion: 1 report (Tuoi Tre)" in result.stdout
