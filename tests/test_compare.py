"""`vntrade compare`: articles that report one event, what they share, add and disagree on."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import jsonl
from test_timeline import ARTICLES as KNAPPER  # the reception told by VNA and VOV
from test_timeline import CALL  # one phone call: "March 4 evening" and "Tuesday night"

SEED_000 = "000_a6d94dcbb98d2318"
SEED_001 = "001_3a2340998392e8b3"
ROUND = (
    "date {published}\n"
    "WASHINGTON — The Vietnamese delegation led by Minister of Industry and Trade Nguyễn Hồng "
    "Diên held the {ordinal} round of negotiations on a reciprocal trade agreement with US Trade "
    "Representative Jamieson Greer on {day}.\n"
    "The two sides discussed tariffs on Vietnamese shrimp, textiles and furniture, and US farm "
    "products. Diên said Vietnam was ready to cut tariffs on US ethanol and beef.\n"
)
# Two agencies' reports of one reception that disagree on its date and on a figure, and two
# negotiation rounds with the same people and nearly the same words.
ARTICLES = {
    "knapper_vna.txt": KNAPPER["knapper_vna.txt"],
    "knapper_vov.txt": KNAPPER["knapper_vov.txt"],
    "round1.txt": ROUND.format(published="2025-05-17", ordinal="first", day="May 15"),
    "round2.txt": ROUND.format(published="2025-06-06", ordinal="second", day="June 4"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("compare")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _document(cli, *paths: str) -> dict:
    result = cli("compare", *paths, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_seeds_group_000_and_001_only(cli, seeds):
    document = _document(cli, str(seeds))
    assert [c["articles"] for c in document["clusters"]] == [[SEED_000, SEED_001]]
    assert document["singletons"] == [
        "002_fc9815a1ee066b28", "003_df8df0b08cc2d189", "004_64a97ab08e7e91aa",
    ]  # fmt: skip
    cluster = document["clusters"][0]
    assert (cluster["date"], cluster["kind"], cluster["same_event"]) == (
        "2025-04-29",
        "meeting",
        True,
    )
    assert cluster["conflicts"] == []


def test_seed_cluster_shared_and_unique(cli, seeds):
    cluster = _document(cli, str(seeds))["clusters"][0]
    shared = cluster["shared"]
    assert {"Pham Minh Chinh", "Ministry of Industry and Trade"} <= set(shared["actors"])
    assert {"LNG", "aircraft", "pharmaceuticals"} <= set(shared["commodities"])
    assert {"2025-04-29", "2025-04-30", "2025-05"} <= set(shared["dates"])
    deadlines = {d["deadline"] for d in shared["directives"]}
    assert {"2025-04-30", "2025-05"} <= deadlines
    moit = next(d for d in shared["directives"] if d["deadline"] == "2025-04-30")
    assert moit["issuer"] == "Pham Minh Chinh"
    assert set(moit["actions"]) == {SEED_000, SEED_001}
    # Only the VOV report mentions the National Assembly session.
    assert "National Assembly" in cluster["unique"][SEED_001]["actors"]
    assert "National Assembly" not in cluster["unique"][SEED_000]["actors"]
    assert set(cluster["unique"]) == {SEED_000, SEED_001}
    for aspect in ("actors", "commodities", "dates", "figures", "directives"):
        assert aspect in shared and aspect in cluster["unique"][SEED_000]


def test_conflicting_dates_and_figures_are_flagged(cli, corpus):
    document = _document(cli, str(corpus))
    assert [c["articles"] for c in document["clusters"]] == [["knapper_vna", "knapper_vov"]]
    conflicts = {c["type"]: c for c in document["clusters"][0]["conflicts"]}
    assert conflicts["date"]["values"] == {"knapper_vna": "2025-07-02", "knapper_vov": "2025-07-03"}
    assert "on July 2" in conflicts["date"]["evidence"]["knapper_vna"]
    figure = conflicts["figure"]
    assert figure["values"] == {"knapper_vna": "US$10 billion", "knapper_vov": "US$12 billion"}
    assert "aircraft" in figure["what"]
    assert "US$12 billion" in figure["evidence"]["knapper_vov"]
    shared = document["clusters"][0]["shared"]
    assert {"2025-07-15"} <= set(shared["dates"])
    assert {"pork", "almonds"} <= set(shared["commodities"])
    assert any(f["text"] == "50 Boeing aircraft" for f in shared["figures"])


def test_a_day_and_time_joins_its_day(cli, tmp_path):
    for name, text in {**CALL, "round1.txt": ARTICLES["round1.txt"]}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    document = _document(cli, str(tmp_path))
    assert document["singletons"] == ["round1"]
    [call] = [c for c in document["clusters"] if "call_vna" in c["articles"]]
    assert call["articles"] == ["call_vna", "call_vov"]
    assert (call["date"], call["kind"], call["conflicts"]) == ("2025-03-04", "call", [])
    assert call["events"]["call_vov"]["date"] == "2025-03-04TNI"


def test_different_rounds_with_the_same_people_stay_apart(cli, corpus):
    document = _document(cli, str(corpus))
    assert {"round1", "round2"} <= set(document["singletons"])


def test_two_articles_side_by_side(cli, corpus):
    different = _document(cli, str(corpus / "round1.txt"), str(corpus / "round2.txt"))
    assert document_shape(different) == (1, [])
    pair = different["clusters"][0]
    assert pair["same_event"] is False and pair["conflicts"] == []
    assert pair["events"]["round1"]["date"] == "2025-05-15"
    assert pair["events"]["round2"]["date"] == "2025-06-04"
    assert "Nguyen Hong Dien" in pair["shared"]["actors"]
    assert pair["unique"]["round1"]["dates"] == ["2025-05-15"]

    same = _document(cli, str(corpus / "knapper_vna.txt"), str(corpus / "knapper_vov.txt"))
    assert same["clusters"][0]["same_event"] is True
    assert {c["type"] for c in same["clusters"][0]["conflicts"]} == {"date", "figure"}


def document_shape(document: dict) -> tuple[int, list]:
    return len(document["clusters"]), document["singletons"]


def test_one_article_is_a_singleton(cli, seeds):
    document = _document(cli, str(seeds / "003_df8df0b08cc2d189.txt"))
    assert document == {"clusters": [], "singletons": ["003_df8df0b08cc2d189"]}


def test_jsonl_csv_and_table(cli, seeds, corpus):
    result = cli("compare", str(seeds), "--format", "jsonl")
    assert result.exit_code == 0
    lines = jsonl(result)  # one row per cluster, then one per article reported alone
    assert [(line["cluster"], line["articles"]) for line in lines] == [
        (1, ["000_a6d94dcbb98d2318", "001_3a2340998392e8b3"]),
        (None, ["002_fc9815a1ee066b28"]),
        (None, ["003_df8df0b08cc2d189"]),
        (None, ["004_64a97ab08e7e91aa"]),
    ]
    assert lines[0]["date"] == "2025-04-29"

    result = cli("compare", str(corpus), "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["cluster", "date", "article", "aspect", "values"]
    assert {"shared", "knapper_vna", "knapper_vov"} <= {row["article"] for row in rows}
    conflict = next(row for row in rows if row["aspect"] == "conflict: figure")
    assert json.loads(conflict["values"])["values"]["knapper_vov"] == "US$12 billion"
    assert {row["article"] for row in rows if row["aspect"] == "singleton"} == {"round1", "round2"}

    table = cli("compare", str(corpus), "--format", "table")
    assert table.exit_code == 0
    for text in ("shared by all", "Conflict (date)", "Conflict (figure)", "round1", "negotiation"):
        assert text in table.stdout


def test_missing_input_gives_exit_code_1(cli, seeds, tmp_path):
    result = cli("compare", str(seeds / "000_a6d94dcbb98d2318.txt"), str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr
    assert jsonl(result) == [{"cluster": None, "articles": [SEED_000]}]


def test_no_paths_is_a_usage_error(cli):
    result = cli("compare")
    assert result.exit_code == 2
    assert "PATH" in result.stderr


@pytest.fixture(scope="module")
def two_clusters(tmp_path_factory: pytest.TempPathFactory, corpus):
    """The reception told twice, and the phone call told by eight copies (a cluster wider
    than the terminal shows side by side)."""
    folder = tmp_path_factory.mktemp("clusters")
    texts = {name: ARTICLES[name] for name in ("knapper_vna.txt", "knapper_vov.txt")}
    texts |= {f"call_{n}.txt": CALL["call_vna.txt"] for n in range(1, 8)}
    texts |= {"call_vov.txt": CALL["call_vov.txt"], "round1.txt": ARTICLES["round1.txt"]}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_overview_past_the_limit_and_one_cluster_on_request(cli, two_clusters):
    folder = str(two_clusters)
    full = _document(cli, folder)
    assert [len(c["articles"]) for c in full["clusters"]] == [8, 2]  # largest first
    assert full["singletons"] == ["round1"]

    overview = cli("compare", folder, "--format", "table", "--limit", "1")
    assert overview.exit_code == 0, overview.stderr
    assert "largest first" in overview.stdout and "call" in overview.stdout
    assert "knapper" not in overview.stdout  # one row per cluster, not its articles
    assert "1 more clusters left out" in overview.stderr and "--cluster N" in overview.stderr

    limited = _document(cli, folder, "--limit", "1")
    assert [c["articles"] for c in limited["clusters"]] == [full["clusters"][0]["articles"]]

    second = cli("compare", folder, "--format", "table", "--cluster", "2")
    assert second.exit_code == 0, second.stderr
    assert "2. 2025-07-0" in second.stdout and "Conflict (date)" in second.stdout
    lines = jsonl(cli("compare", folder, "--cluster", "2", "--format", "jsonl"))
    assert [(line["cluster"], line["articles"]) for line in lines] == [
        (2, ["knapper_vna", "knapper_vov"])
    ]

    wide = cli("compare", folder, "--format", "table", "--cluster", "1")
    assert "and 2 more articles" in wide.stdout  # six side by side, the others named

    by_article = _document(cli, folder, "--article", "call_vov")
    assert by_article["clusters"] == [full["clusters"][0]]
    alone = _document(cli, folder, "--article", "round1")
    assert alone == {"clusters": [], "singletons": ["round1"]}
    on_day = _document(cli, folder, "--event", "2025-03-04")
    assert [c["date"] for c in on_day["clusters"]] == ["2025-03-04"]


def test_a_cluster_or_article_that_is_not_there_is_a_usage_error(cli, two_clusters):
    result = cli("compare", str(two_clusters), "--cluster", "9")
    assert result.exit_code == 2
    assert "no cluster 9" in result.stderr and "2 clusters" in result.stderr
    result = cli("compare", str(two_clusters), "--article", "nope")
    assert result.exit_code == 2 and "nope" in result.stderr
    result = cli("compare", str(two_clusters), "--cluster", "1", "--article", "round1")
    assert result.exit_code == 2 and "one of" in result.stderr
