"""`vntrade eval --participants`: event agents against MEANTIME's Arg0, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from vntrade.evaluation.participants import GoldAgent, agent_matches, read_participants

MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "external" / "meantime"
CORPUS = MEANTIME / "intra-doc_annotation"
# Apple launches the 3G iPhone (Arg0 Apple); General Motors names Mary Barra (Arg0 GM, not
# the person named); GM announces its sales (and executives, a description, say something).
DOCUMENTS = (
    "107785_Apple_launches_3G",
    "1007169_Mary_Barra_appointed_as_General_Motors_chief",
    "124043_General_Motors_automobile_sales_plunge_by_45%",
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"MEANTIME is missing at {CORPUS}")
    for name in DOCUMENTS:
        [path] = CORPUS.rglob(f"{name}.xml")
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_gold_agents_come_from_arg0_and_its_instance(sample: Path):
    gold = read_participants(sample / f"{DOCUMENTS[0]}.xml")
    launched = next(event for event in gold.events if event.text == "launched")
    assert launched.agent is not None and launched.agent.descriptor == "APPLE"
    assert "Apple Computer" in launched.agent.mentions
    assert gold.article.text[launched.start : launched.end] == "launched"
    named = next(e for e in read_participants(sample / f"{DOCUMENTS[1]}.xml").events if e.agent)
    # the country that modifies the company's description is not the company
    assert named.text == "named" and named.agent.mentions == ("General Motors",)


def test_agents_are_scored_through_the_cli(cli, sample: Path):
    result = cli("eval", "--participants", str(sample), "--misses", "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["split"], report["articles"]) == ("all", 3)
    scored = report["scored"]
    assert 3 <= scored <= report["events"] - sum(report["unscored"].values()) + scored
    right, named = report["agent_right"]["right"], report["agent_named"]["right"]
    assert 1 <= right <= named <= scored and report["no_agent"]["of"] == scored
    assert len(report["misses"]) == scored - right
    # Apple's launch is matched: its first actor is Apple, so it is no miss
    assert not [miss for miss in report["misses"] if miss["article"] == DOCUMENTS[0]]
    # GM named Mary Barra: the gold agent is General Motors, a name the actors do not list,
    # which the event takes from the subject ("The United States's largest car
    # manufacturer General Motors"), not the country that modifies it
    assert not [miss for miss in report["misses"] if miss["article"] == DOCUMENTS[1]]
    # "Executives from several auto firms said": someone unnamed, so a miss
    [executives, *_] = [miss for miss in report["misses"] if miss["article"] == DOCUMENTS[2]]
    assert executives["gold_agent"].startswith("Executives from several auto firms")


def test_table_and_rows(cli, sample: Path):
    table = cli("eval", "--participants", str(sample), "--format", "table", "--misses")
    assert table.exit_code == 0, table.stderr
    assert "agent right" in table.stdout and "not scored, no Arg0" in table.stdout
    assert "gold agent: Executives from several auto firms" in table.stdout
    rows = cli("eval", "--participants", str(sample), "--format", "csv")
    assert rows.stdout.splitlines()[0] == "measure,score,right,of"
    assert [line.split(",")[0] for line in rows.stdout.splitlines()[1:]] == [
        "agent_right",
        "agent_named",
        "no_agent",
    ]


def test_participants_take_no_paths(cli, sample: Path):
    result = cli("eval", "--participants", str(sample), str(sample / "x.txt"))
    assert result.exit_code == 2 and "takes no PATH" in result.stderr


def test_agent_matching_by_content_words():
    gm = GoldAgent("General Motors", ("GM", "General Motors"))
    assert agent_matches("General Motors Corporation", gm)
    assert agent_matches("gm", gm)  # folded equality
    assert not agent_matches("United States", gm)
    assert not agent_matches("Ford Motor Company", GoldAgent("the company", ()))  # generic
    assert agent_matches("Đà Nẵng Port", GoldAgent("Da Nang", ()))  # diacritics folded
