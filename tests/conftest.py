"""Shared fixtures: the real CLI through click's CliRunner, the seeds and the gold file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from vntrade.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold_seeds.json"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets an empty extraction cache, never the user's own; and an unexpected
    exception fails the test with its traceback instead of becoming an error message."""
    monkeypatch.setenv("VNTRADE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("VNTRADE_DEBUG", "1")


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def gold() -> Path:
    return GOLD


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `vntrade ARGS...` in-process; returns click's Result (stdout and stderr apart)."""
    monkeypatch.setenv("TERM", "dumb")

    def invoke(*args: str, input: str | bytes | None = None, env: dict | None = None) -> Result:
        return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


def jsonl(result: Result) -> list[dict]:
    """Parse a command's JSONL stdout."""
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def extract_one(cli: Callable[..., Result], tmp_path: Path, text: str, *options: str) -> dict:
    """Run `vntrade extract` on one article written to `tmp_path`; check that every actor,
    commodity and date mention's and every event sentence's offsets slice the clean text."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = cli("extract", str(path), "--with-text", "--format", "jsonl", *options)
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result)
    spans = list(record["dates"])
    for item in record["actors"] + record["commodities"]:
        assert item["mentions"], item
        spans.extend(item["mentions"])
    for span in spans:
        assert record["text"][span["start"] : span["end"]] == span["text"]
    for event in record["events"]:
        assert record["text"][event["sentence_start"] : event["sentence_end"]] == event["sentence"]
    return record


def ingested(folder: Path, source: Path, name: str = "seeds.db") -> Path:
    """A store of `source` made by `vntrade ingest` in `folder` (for module fixtures, which
    cannot use `cli`), with a cache of its own."""
    db = folder / name
    env = {"VNTRADE_CACHE_DIR": str(folder / "cache"), "VNTRADE_DEBUG": "1"}
    args = ["ingest", str(source), "--db", str(db), "-q", "--workers", "1"]
    result = CliRunner().invoke(main, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return db
