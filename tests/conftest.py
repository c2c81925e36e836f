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
    """Every test gets an empty extraction cache, never the user's own."""
    monkeypatch.setenv("VNTRADE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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
