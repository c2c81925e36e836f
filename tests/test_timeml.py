"""`vntrade eval --timeml`: TimeML reading, TempEval-3 value scoring, misses, the JSONL route
and the TempEval-3 platinum benchmark."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, jsonl
from vntrade.evaluation.timeml import iter_timeml, score_records, timeml_records

PLATINUM = ROOT.parent / "shared" / "external" / "te3-platinum"


def timex(tid: str, kind: str, value: str, text: str) -> str:
    return f'<TIMEX3 tid="{tid}" type="{kind}" value="{value}">{text}</TIMEX3>'


# Gold of our own: "last week" is deliberately given another week than the anchor gives,
# "tenure" is a duration no rule knows, and "recently" is left unannotated.
BRIEFING = f"""<?xml version="1.0" ?>
<TimeML>
<DOCID>briefing</DOCID>
<DCT>{timex("t0", "DATE", "2025-03-20", "March 20, 2025")}</DCT>
<TITLE>AT&amp;T and Viettel talks</TITLE>
<TEXT>
The ministry said on {timex("t1", "DATE", "2025-03-20", "Thursday")} that AT&amp;T sales rose
for {timex("t2", "DURATION", "P3M", "three months")} and will be reviewed
{timex("t3", "SET", "P1W", "every week")}.
Talks ended at {timex("t4", "TIME", "2025-03-20T17", "5 p.m.")} after a visit
{timex("t5", "DATE", "2025-W10", "last week")}.
During his {timex("t6", "DURATION", "P4Y", "tenure")}, trade recently grew.
</TEXT>
</TimeML>
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "timeml"
    folder.mkdir()
    (folder / "briefing.tml").write_text(BRIEFING, encoding="utf-8")
    return folder


def evaluate(cli, folder: Path, *options: str) -> dict:
    result = cli("eval", "--timeml", str(folder), "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_reader_strips_tags_and_keeps_gold_offsets(corpus):
    [(article, gold)] = list(iter_timeml(corpus))
    assert (article.id, article.published, article.title) == (
        "briefing",
        "2025-03-20",
        "AT&T and Viettel talks",
    )
    assert "<" not in article.text and "AT&T sales" in article.text
    assert [(g.text, g.timex_type) for g in gold] == [
        ("Thursday", "DATE"),
        ("three months", "DURATION"),
        ("every week", "SET"),
        ("5 p.m.", "TIME"),
        ("last week", "DATE"),
        ("tenure", "DURATION"),
    ]
    assert all(article.text[g.start : g.end] == g.text for g in gold)


def test_values_scored_over_overlapping_pairs(cli, corpus):
    report = evaluate(cli, corpus)
    assert (report["documents"], report["gold"], report["system"]) == (1, 6, 6)
    # 4 right values of 6 system and 6 gold expressions; 5 pairs overlap at all.
    assert report["value"] == {
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
        "tp": 4,
        "fp": 2,
        "fn": 2,
    }
    assert (report["extent"]["tp"], report["extent"]["fp"]) == (5, 1)
    by_type = {name: (s["tp"], s["fp"], s["fn"]) for name, s in report["by_type"].items()}
    # The unannotated "recently" counts as a spurious DATE.
    assert by_type == {
        "DATE": (1, 2, 1),
        "TIME": (1, 0, 0),
        "DURATION": (1, 0, 1),
        "SET": (1, 0, 0),
    }
    assert "misses" not in report


def test_verbose_lists_missed_wrong_and_spurious(cli, corpus):
    misses = evaluate(cli, corpus, "-v")["misses"]
    assert sorted(misses) == [
        "briefing: missed 'tenure' DURATION P4Y",
        "briefing: spurious 'recently' PAST_REF",
        "briefing: wrong 'last week' DATE 2025-W10, got 'last week' 2025-W11",
    ]


def test_by_type_groups_the_misses_under_their_timex_type(cli, corpus):
    report = evaluate(cli, corpus, "--by-type")
    assert report["misses_by_type"] == {
        "DATE": [
            "briefing: spurious 'recently' PAST_REF",
            "briefing: wrong 'last week' DATE 2025-W10, got 'last week' 2025-W11",
        ],
        "TIME": [],
        "DURATION": ["briefing: missed 'tenure' DURATION P4Y"],
        "SET": [],
    }
    assert "by_class" not in report and "misses" not in report


def _dev_line(label: str, dct: str | None, text: str, *timexes: tuple[str, str, str]) -> str:
    gold = [{"text": t, "type": kind, "value": value} for t, kind, value in timexes]
    return json.dumps({"class": label, "dct": dct, "text": text, "timexes": gold}) + "\n"


def test_a_jsonl_development_set_is_scored_by_class(cli, tmp_path):
    dev = tmp_path / "dev.jsonl"
    dev.write_text(
        _dev_line(
            "periods",
            "2025-07-09",
            "Exports rose in the second quarter of 2025 and fell in May.",
            ("the second quarter of 2025", "DATE", "2025-Q2"),
            ("May", "DATE", "2025-05"),
        )
        + _dev_line(
            "days",
            "2025-07-09",
            "The talks ended on Monday; a deal is due by July 31.",
            ("Monday", "DATE", "2025-07-01"),
            ("July 31", "DATE", "2025-07-31"),
        )
    )
    report = evaluate(cli, dev, "--by-type")
    assert report["documents"] == 2
    assert (report["by_class"]["periods"]["tp"], report["by_class"]["periods"]["fn"]) == (2, 0)
    # The gold of "Monday" is deliberately wrong (2025-07-07 is the Monday before).
    assert report["misses_by_class"] == {
        "periods": [],
        "days": ["dev-002: wrong 'Monday' DATE 2025-07-01, got 'Monday' 2025-07-07"],
    }
    table = cli("eval", "--timeml", str(dev), "--by-type", "--format", "table")
    assert "Date values by class" in table.stdout
    assert "Misses of class days: 1" in table.stdout


def test_a_malformed_development_set_is_a_clear_error(cli, tmp_path):
    dev = tmp_path / "dev.jsonl"
    dev.write_text(_dev_line("x", None, "On Monday.", ("Tuesday", "DATE", "XXXX-WXX-2")))
    result = cli("eval", "--timeml", str(dev))
    assert result.exit_code == 1
    assert "not a date development set" in result.stderr and "'Tuesday' not found" in result.stderr
    other = tmp_path / "gold.txt"
    other.write_text("x")
    assert cli("eval", "--timeml", str(other)).exit_code == 2


def test_jsonl_through_extract_gives_the_same_scores(cli, corpus, tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in timeml_records(corpus)))
    result = cli("extract", str(articles), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    from_extract = score_records(list(iter_timeml(corpus)), jsonl(result))
    assert from_extract == evaluate(cli, corpus)


def test_unreadable_file_is_reported_and_skipped(cli, corpus):
    (corpus / "broken.tml").write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    result = cli("eval", "--timeml", str(corpus), "--format", "json")
    assert result.exit_code == 0
    assert "broken.tml" in result.stderr and "skipped" in result.stderr
    assert json.loads(result.stdout)["documents"] == 1


def test_directory_without_timeml_is_a_clear_error(cli, tmp_path):
    result = cli("eval", "--timeml", str(tmp_path))
    assert result.exit_code == 1
    assert "no .tml files" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_tempeval3_platinum_value_f1(cli):
    if not PLATINUM.is_dir():  # ../shared sits beside every checkout, CI's included
        message = f"TempEval-3 platinum is missing at {PLATINUM}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    report = evaluate(cli, PLATINUM)
    assert (report["documents"], report["gold"]) == (20, 138)
    assert report["value"]["f1"] >= 0.86, report["value"]


MEANTIME = ROOT.parent / "shared" / "external" / "meantime" / "intra-doc_annotation"
CAT_SAMPLE = ROOT / "tests" / "data" / "meantime"


def test_meantime_cat_xml_is_read_as_text_with_gold_offsets():
    [(article, gold)] = list(iter_timeml(CAT_SAMPLE))
    assert article.published == "2024-03-04"
    assert article.title == "Port of Haiphong reopens"
    # the dateline is the creation time, not text; the sentence after the annotated ones is cut
    assert article.text.startswith("Port of Haiphong reopens\nThe port of Haiphong reopened")
    assert "Wal-Mart's ships" in article.text and '"traffic is normal now"' in article.text
    assert "2023" not in article.text
    assert [(g.text, g.timex_type, g.value) for g in gold] == [
        ("Monday", "DATE", "2024-03-04"),
        ("three-day", "DURATION", "P3D"),
        ("now", "DATE", "PRESENT_REF"),
        ("March 10th", "DATE", "2024-03-10"),
    ]
    assert all(article.text[g.start : g.end] == g.text for g in gold)


def test_meantime_folder_is_scored_through_the_cli(cli):
    report = evaluate(cli, CAT_SAMPLE, "--split", "all")
    assert (report["documents"], report["gold"]) == (1, 4)
    assert report["value"]["f1"] == 1.0, report


def test_meantime_split_is_the_one_written_down():
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME is missing at {MEANTIME}")
    from vntrade.evaluation.meantime import document_names

    split = json.loads((ROOT / "tests" / "data" / "meantime_split.json").read_text())
    assert document_names(MEANTIME, "dev") == split["dev"]
    assert document_names(MEANTIME, "aside") == split["aside"]
    assert len(split["dev"]) == 80 and len(split["aside"]) == 40


@pytest.mark.slow
def test_meantime_development_part_value_f1(cli):
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME is missing at {MEANTIME}")
    report = evaluate(cli, MEANTIME, "--split", "dev")
    assert report["documents"] == 80
    assert report["value"]["f1"] >= 0.81, report["value"]
