"""Ingest's progress away from a terminal: a line now and then, with the right total."""

from __future__ import annotations

import re

from vntrade.cli.progress import input_articles, progress_line
from vntrade.corpus.events import write_event_jsonl


def test_a_dump_is_counted_in_articles_and_text_files_one_each(tmp_path):
    write_event_jsonl(tmp_path / "dump" / "events.jsonl", 37, seed=4)
    (tmp_path / "dump" / "one.txt").write_text("date 2025-05-01\nA text.\n", encoding="utf-8")
    assert input_articles([str(tmp_path / "dump")]) == 38
    assert input_articles(["-"]) is None


def test_progress_line_says_done_total_rate_and_eta():
    assert progress_line(12_000, 100_000, 387.1) == (
        "ingested 12,000/100,000 articles, 31/s, ETA 0:47:19"
    )
    assert progress_line(500, None, 10.0) == "ingested 500 articles, 50/s"


def test_the_eta_waits_for_a_stable_rate_that_leaves_the_model_load_out():
    # 20 s in all, of which the first article came after 15 s of loading the model
    assert progress_line(50, 1_000, 20.0, working=5.0) == "ingested 50/1,000 articles, 10/s"
    assert progress_line(400, 1_000, 55.0, working=40.0) == (
        "ingested 400/1,000 articles, 10/s, ETA 0:01:00"
    )


def test_ingest_off_a_terminal_prints_progress_lines(cli, tmp_path, monkeypatch):
    dump = write_event_jsonl(tmp_path / "events.jsonl", 130, seed=1)
    monkeypatch.setenv("VNTRADE_PROGRESS_SECONDS", "0")  # a line after every batch
    result = cli(
        "-v", "ingest", str(dump), "--db", str(tmp_path / "p.db"), "--workers", "1",
        "--batch-size", "64",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "vntrade: loading the model…"
    progress = [line for line in lines if re.match(r"vntrade: ingested [\d,]+/130 articles", line)]
    assert [line.split()[2] for line in progress] == ["64/130", "128/130", "130/130"]
    assert lines[-1].startswith("vntrade: ingested 130 articles: 130 new")
