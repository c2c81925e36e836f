"""The extraction cache of commands given paths: hits skip spaCy entirely, misses fill it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import jsonl
from vntrade.nlp.pipeline import load_pipeline

ARTICLE = (
    "VOV.VN - Minister of Industry and Trade Nguyễn Hồng Diên met US Commerce Secretary "
    "Howard Lutnick on July 8 to discuss tariffs on Vietnamese footwear and furniture.\n"
    "Diên asked the negotiation team to finish a draft agreement by August 1."
)


def pipeline_calls() -> int:
    """How many times the pipeline was asked for in this process (a counter, not a timer)."""
    info = load_pipeline.cache_info()
    return info.hits + info.misses


def cached_results() -> int:
    path = Path(os.environ["VNTRADE_CACHE_DIR"]) / "extractions.db"
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM results").fetchone()[0]


@pytest.fixture
def articles(tmp_path: Path, seeds: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(seeds, folder)
    (folder / "lutnick.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def extract(cli, *args: str) -> list[dict]:
    result = cli("extract", *args, "--with-text", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    return jsonl(result)


def test_second_run_is_served_from_the_cache(cli, articles):
    first = extract(cli, str(articles))
    assert cached_results() == 6
    calls = pipeline_calls()
    second = extract(cli, str(articles))
    assert pipeline_calls() == calls  # spaCy was not even asked for
    assert second == first


def test_timeline_twice_runs_spacy_once(cli, seeds):
    first = cli("timeline", str(seeds), "--format", "json")
    assert first.exit_code == 0, first.stderr
    calls = pipeline_calls()
    second = cli("timeline", str(seeds), "--format", "json")
    assert pipeline_calls() == calls
    assert second.stdout == first.stdout


def test_only_a_changed_article_goes_through_the_pipeline(cli, articles):
    extract(cli, str(articles))
    calls = pipeline_calls()
    changed = articles / "lutnick.txt"
    changed.write_text(ARTICLE.replace("July 8", "July 9"), encoding="utf-8")
    records = extract(cli, str(articles))
    assert pipeline_calls() == calls + 1  # one chunk: the one changed article
    assert cached_results() == 7  # five seeds + the old and the new version
    assert "July 9" in next(r for r in records if r["id"] == "lutnick")["text"]


def test_the_same_article_elsewhere_is_a_hit_with_its_own_id_and_source(cli, articles, tmp_path):
    extract(cli, str(articles / "lutnick.txt"))
    elsewhere = tmp_path / "mirror" / "copy-of-lutnick.txt"
    elsewhere.parent.mkdir()
    shutil.copy(articles / "lutnick.txt", elsewhere)
    calls = pipeline_calls()
    (record,) = extract(cli, str(elsewhere))
    assert pipeline_calls() == calls
    assert (record["id"], record["source"]) == ("copy-of-lutnick", str(elsewhere))


def test_no_cache_runs_the_pipeline_and_leaves_the_cache_alone(cli, articles):
    first = extract(cli, str(articles / "lutnick.txt"))
    calls = pipeline_calls()
    uncached = extract(cli, str(articles / "lutnick.txt"), "--no-cache")
    assert pipeline_calls() == calls + 1
    assert uncached == first
    extract(cli, str(articles / "003_df8df0b08cc2d189.txt"), "--no-cache")
    assert cached_results() == 1


def test_another_pipeline_version_misses(cli, articles, tmp_path):
    extract(cli, str(articles / "lutnick.txt"))
    extra = tmp_path / "goods.jsonl"
    extra.write_text('{"name": "rattan furniture", "category": "wood", "aliases": []}\n')
    calls = pipeline_calls()
    extract(cli, str(articles / "lutnick.txt"), "--commodities", str(extra))
    assert pipeline_calls() == calls + 1
    assert cached_results() == 2


def test_a_broken_cache_is_skipped_with_a_warning(cli, articles):
    path = Path(os.environ["VNTRADE_CACHE_DIR"]) / "extractions.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is no database" * 100)
    result = cli("extract", str(articles / "lutnick.txt"), "--format", "jsonl")
    assert result.exit_code == 0
    assert [r["id"] for r in jsonl(result)] == ["lutnick"]
    assert "vntrade: cache" in result.stderr and "going on without it" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("command", ["extract", "timeline"])
def test_a_cached_run_never_imports_spacy(articles, tmp_path, command):
    """Neither the records nor the views' event rules (run on stored records) need spaCy."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from vntrade.cli import main\n"
        f"args = [{command!r}, {str(articles)!r}, '--format', 'jsonl']\n"
        "result = CliRunner().invoke(main, args)\n"
        "assert result.exit_code == 0, result.output\n"
        "print(len(result.stdout.splitlines()) > 0, 'spacy' in sys.modules)\n"
    )
    env = {**os.environ, "VNTRADE_CACHE_DIR": str(tmp_path / "subprocess-cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["True", "True"], ["True", "False"]]
