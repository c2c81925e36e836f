"""Every table command fits a terminal of 80 and of 120 columns without splitting a token
(issue 23): a word, id or date is either whole on one line or shortened with "…"; lists
fold to "A, B +3" and narrow terminals leave columns out instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import GOLD, ROOT, SEEDS, ingested
from vntrade.cli import main
from vntrade.corpus.events import write_event_jsonl

pytestmark = pytest.mark.slow

EVENTS = ROOT / "tests" / "data" / "events"
BOX = re.compile("[\u2500-\u257f]")  # rich's box-drawing characters
# Words only a narrow layout prints: the timeline's merged header, compare's key of ids and
# the articles it has no room for.
MORE = "and more articles (--format json compares them all):"
NARROW_WORDS = {"·", "who", "key:", *MORE.split(" ")}
COMMANDS = [
    ("timeline",),
    ("timeline", "--evidence"),
    ("compare",),
    ("compare", "--cluster", "1"),
    ("actors",),
    ("commodities",),
    ("directives",),
    ("statements",),
    ("articles",),
    ("extract",),
    ("db", "stats"),
    ("eval", "--gold", str(GOLD)),
]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seeds' store and a store of 40 generated reports of events (clusters of up to five
    articles, long lists of ids), each made by `vntrade ingest`."""
    folder = tmp_path_factory.mktemp("fit")
    corpus = folder / "corpus.jsonl"
    write_event_jsonl(str(corpus), 40, 3)
    return {"seeds": ingested(folder, SEEDS), "generated": ingested(folder, corpus, "gen.db")}


def render(args: tuple[str, ...], db: Path, columns: int) -> str:
    env = {"COLUMNS": str(columns), "TERM": "dumb", "VNTRADE_DEBUG": "1"}
    result = CliRunner().invoke(
        main, [*args, "--db", str(db), "--format", "table"], env=env, catch_exceptions=False
    )
    assert result.exit_code in (0, 1), result.stderr  # 1: a stale store is no failure here
    return result.stdout


def tokens(text: str) -> list[str]:
    """The words of a rendering, borders left out and a list's commas taken off."""
    return [t.rstrip(",") for line in text.splitlines() for t in BOX.sub(" ", line).split()]


def broken_tokens(narrow: str, wide: str) -> list[str]:
    """The tokens of `narrow` that are not whole tokens of `wide` (a rendering wide enough
    to split nothing): the pieces of anything split across lines. A token shortened with
    "…" and a count of more items ("+3") are fine."""
    whole = set(tokens(wide)) | NARROW_WORDS
    prefixes = {t[:n] for t in whole for n in range(1, len(t) + 1)}
    return [
        t
        for t in tokens(narrow)
        if t not in whole
        and not (t.endswith("…") and t[:-1].rstrip(",") in prefixes)
        and not re.fullmatch(r"\+?\d+", t)
    ]


@pytest.mark.parametrize("store", ["seeds", "generated"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_token_is_split_at_80_or_120_columns(stores, store, args):
    if args[0] == "eval" and store != "seeds":
        pytest.skip("the gold file is the seeds'")
    wide = render(args, stores[store], 1000)
    assert wide.strip()
    for columns in (80, 120):
        narrow = render(args, stores[store], columns)
        assert max(len(line) for line in narrow.splitlines()) <= columns, (columns, narrow)
        assert broken_tokens(narrow, wide) == [], (columns, narrow)


def test_event_scores_fit(tmp_path):
    env = {"VNTRADE_CACHE_DIR": str(tmp_path), "TERM": "dumb"}
    args = ["eval", "--events", str(EVENTS / "gold.json"), str(EVENTS / "articles.jsonl")]
    outputs = {}
    for columns in (80, 120, 1000):
        result = CliRunner().invoke(
            main,
            [*args, "--misses", "--format", "table"],
            env={**env, "COLUMNS": str(columns)},
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.stderr
        outputs[columns] = result.stdout
    for columns in (80, 120):
        assert broken_tokens(outputs[columns], outputs[1000]) == [], outputs[columns]


def test_the_narrow_actors_table_keeps_whole_names(stores):
    narrow = render(("actors",), stores["seeds"], 80)
    assert "Jamieson L. Greer" in narrow and "n_articles" not in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 80


def test_a_long_list_is_folded_with_a_count(stores):
    narrow = render(("timeline",), stores["generated"], 80)
    assert re.search(r" \+\d+\b", narrow)
