"""`vntrade report`: one self-contained HTML page made of the views' own records and clusters.

What the page shows in a browser is tested in test_report_browser.py; these tests check the
command and the data it embeds.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import jsonl
from vntrade.report import data as report_data

pytestmark = pytest.mark.slow  # renders whole pages


DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.DOTALL)


def embedded(html: str) -> dict:
    """The JSON data block the page's script draws from."""
    return json.loads(DATA.search(html)[1])


@pytest.fixture
def seeds_page(cli, seeds, tmp_path) -> str:
    out = tmp_path / "seeds.html"
    result = cli("report", str(seeds), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}: 5 articles" in result.stderr
    return out.read_text(encoding="utf-8")


def test_page_is_self_contained(seeds_page):
    # No script, style, image or font from anywhere: the page opens offline.
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=[\"']?(?:https?:)?//",
                         seeds_page)  # fmt: skip
    assert "Plotly" in seeds_page and "<style>" in seeds_page
    # plotly.js's basic bundle (1.2 MB), not plotly's full one (4.8 MB; the page was 4.9 MB).
    assert "plotly.js (basic - minified) v4.1.1" in seeds_page
    assert len(seeds_page.encode()) < 1_500_000


def test_the_vendored_plotly_bundle_is_the_pinned_one():
    """`make vendor-plotly` fetched it; its checksum is pinned in the Makefile."""
    import hashlib

    root = Path(__file__).resolve().parent.parent
    bundle = root / "src" / "vntrade" / "report" / "templates" / "plotly-basic.min.js"
    pinned = re.search(r"PLOTLY_BASIC_SHA256 := (\w+)", (root / "Makefile").read_text("utf-8"))
    assert pinned and hashlib.sha256(bundle.read_bytes()).hexdigest() == pinned[1]
    # The traces the page draws are in the bundle: scatter and bar (the heatmaps are tables).
    assert "Plotly.newPlot" in (bundle.parent / "report.js").read_text("utf-8")
    assert '"heatmap"' not in (bundle.parent / "report.js").read_text("utf-8")


def test_heatmaps_are_tables_of_counts(seeds_page, cli, seeds):
    data = embedded(seeds_page)
    co = data["cooccurrence"]
    table = seeds_page.split('<table id="cooccurrence" class="heat">')[1].split("</table>")[0]
    rows = table.split("<tbody>")[1].split("<tr>")[1:]
    assert len(rows) == len(co["names"])
    first = rows[0].split("<td")[1:]
    assert [cell.split(">")[1].split("<")[0] for cell in first] == [
        str(n) if n else "" for n in co["counts"][0]
    ]
    # The most counted cell is the darkest, with white text.
    assert "background:#08306b;color:#fff" in table
    goods = seeds_page.split('<table id="commodity-months" class="heat">')[1].split("</table>")[0]
    assert all(name in goods for name in data["commodity_months"]["names"])


def test_page_renders_the_timeline_and_comparison_of_the_views(cli, seeds, seeds_page):
    timeline = jsonl(cli("timeline", str(seeds), "--format", "jsonl"))
    data = embedded(seeds_page)
    assert [(e["date"], e["kind"], e["summary"], e["articles"]) for e in data["timeline"]] == [
        (e["date"], e["kind"], e["summary"], e["articles"]) for e in timeline
    ]
    comparison = json.loads(cli("compare", str(seeds), "--format", "json").stdout)
    [cluster] = comparison["clusters"]
    assert cluster["date"] == "2025-04-29"
    section = seeds_page.split('id="clusters"')[1].split('id="directives"')[0]
    assert section.count('class="cluster"') == 1
    for article in cluster["articles"]:
        assert article in section


def test_header_gives_the_corpus_and_the_pipeline(cli, seeds_page):
    data = embedded(seeds_page)["corpus"]
    assert data["articles"] == 5
    assert {o["name"] for o in data["outlets"]} == {"VNA", "VOV", "VNS"}
    assert (data["first"], data["newest"]) == ("2025-03-20", "2025-04-29")
    assert re.fullmatch(r"[0-9a-f]{16}", data["fingerprint"]), data["fingerprint"]
    assert f'<code id="fingerprint">{data["fingerprint"]}</code>' in seeds_page


def test_evidence_points_at_sentences_of_the_articles(seeds_page):
    data = embedded(seeds_page)
    for entry in data["timeline"]:
        for ref in entry["evidence"]:
            start, end = ref["s"]
            sentence = data["articles"][ref["a"]]["text"][start:end]
            assert sentence.endswith((".", "?", "!", "”", '"')), sentence


def test_directives_are_the_directive_view_as_of_the_newest_article(cli, seeds, seeds_page):
    rows = jsonl(cli("directives", str(seeds), "--as-of", "2025-04-29", "--format", "jsonl"))
    table = seeds_page.split('id="directive-table"')[1].split("</table>")[0]
    assert table.count("<tr") == len(rows) + 1  # and the header
    assert table.count('class="overdue"') == sum(r["status"] == "overdue" for r in rows)


def test_stdout(cli, seeds):
    result = cli("report", str(seeds), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


def test_a_failed_input_still_writes_the_page_and_exits_1(cli, seeds, tmp_path):
    out = tmp_path / "r.html"
    result = cli("report", str(seeds), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert "missing.txt: no such file or directory" in result.stderr
    assert embedded(out.read_text(encoding="utf-8"))["corpus"]["articles"] == 5


@pytest.mark.parametrize(
    "args",
    [
        ["data/seeds"],  # no -o
        ["-o", "x.html"],  # no input
        ["data/seeds", "--db", "x.db", "-o", "x.html"],  # both
    ],
)
def test_usage_errors(cli, args):
    result = cli("report", *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_unwritable_output_is_an_error_without_traceback(cli, seeds, tmp_path):
    result = cli("report", str(seeds), "-o", str(tmp_path / "no" / "such" / "dir.html"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_from_a_store(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    assert cli("ingest", str(seeds), "--db", str(db), "--workers", "1").exit_code == 0
    out = tmp_path / "r.html"
    result = cli("report", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(embedded(out.read_text(encoding="utf-8"))["timeline"]) == 9


def test_large_corpora_are_aggregated(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(report_data, "MAX_MARKS", 3)
    monkeypatch.setattr(report_data, "MAX_TEXT_CHARS", 3000)
    out = tmp_path / "r.html"
    assert cli("report", str(seeds), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    data = embedded(html)
    # The most reported entries are drawn, in date order; every entry counts per month.
    assert [e["reports"] for e in data["timeline"]] == [2, 2, 2]
    assert data["limits"]["marks"] == [3, 9]
    assert sum(m["events"] for m in data["months"]) == 9
    assert 'id="aggregation"' in html
    # Articles over the text budget keep their evidence sentences.
    missing = [a for a, article in data["articles"].items() if article["text"] is None]
    assert missing
    refs = [ref for e in data["timeline"] for ref in e["evidence"] if ref["a"] in missing]
    assert all(ref["t"] for ref in refs)


def test_entries_list_a_bounded_number_of_articles_and_count_them_all(
    cli, seeds, tmp_path, monkeypatch
):
    monkeypatch.setattr(report_data, "MAX_LISTED", 1)
    monkeypatch.setattr(report_data, "MAX_REPORTS", 1)
    out = tmp_path / "r.html"
    assert cli("report", str(seeds), "-o", str(out)).exit_code == 0
    data = embedded(out.read_text(encoding="utf-8"))
    meeting = next(e for e in data["timeline"] if e["date"] == "2025-04-29")
    assert (meeting["reports"], len(meeting["articles"]), len(meeting["evidence"])) == (2, 1, 1)


def test_deadlines_past_on_the_newest_article_are_marked(cli, seeds, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds, corpus)
    (corpus / "later.txt").write_text(
        "date 2025-06-20\nHanoi (VNA) - Vietnam and the United States held a third round of "
        "trade negotiations in Washington on June 19, the Ministry of Industry and Trade said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    assert cli("report", str(corpus), "-o", str(out)).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert embedded(html)["corpus"]["newest"] == "2025-06-20"
    table = html.split('id="directive-table"')[1].split("</table>")[0]
    past = [row for row in table.split("<tr")[1:] if 'class="overdue"' in row]
    assert [row.split("<td")[1].split(">")[1].split()[0] for row in past] == [
        "2025-04-30",
        "2025-05",
    ]


def test_readme_shows_a_screenshot_of_the_seeds_report():
    root = Path(__file__).resolve().parent.parent
    assert "](docs/report.png)" in (root / "README.md").read_text(encoding="utf-8")
    assert 10_000 < (root / "docs" / "report.png").stat().st_size < 400_000
    assert "](docs/report-phone.png)" in (root / "README.md").read_text(encoding="utf-8")
    assert 10_000 < (root / "docs" / "report-phone.png").stat().st_size < 400_000


def test_articles_read_again_after_eviction_give_the_same_page(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.setattr(report_data, "MAX_TEXT_CHARS", 3000)  # most texts are not embedded
    pages = []
    for kept in (256, 0):  # every article whose text is not embedded is read again
        monkeypatch.setattr(report_data, "RECENT_ARTICLES", kept)
        out = tmp_path / f"kept{kept}.html"
        assert cli("report", str(seeds), "-o", str(out)).exit_code == 0
        pages.append(out.read_text(encoding="utf-8"))
    data = embedded(pages[0])
    assert any(article["text"] is None for article in data["articles"].values())
    assert pages[0] == pages[1]
