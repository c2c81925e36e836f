"""The `vntrade_statements` component through the real CLI and model: quotations and
reported speech with their speakers on the seeds (tests/data/statements/seeds.json), the
constructions one by one, the records' offsets and schema, and the development set's scores
(`vntrade eval --statements`)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, SEEDS, extract_one, jsonl
from vntrade.evaluation.gold import gold_key
from vntrade.evaluation.polnear import read_split
from vntrade.evaluation.statements import content_tokens, overlap
from vntrade.schema import extraction_schema

DATA = Path(__file__).resolve().parent / "data" / "statements"
MATCH = 0.8  # the overlap a seed statement must reach (word tokens over the larger side)


def _statements(record: dict) -> list[dict]:
    """The record's statements, after checking their offsets against its text."""
    text = record["text"]
    for statement in record["statements"]:
        assert text[statement["start"] : statement["end"]] == statement["text"]
        assert statement["sentence_start"] <= statement["start"]
        assert statement["end"] <= statement["sentence_end"]
    return record["statements"]


def _speakers(record: dict) -> dict[str, str]:
    """Each statement's content, by the speaker who said it (content → speaker)."""
    return {s["text"]: s["speaker"] for s in _statements(record)}


def _find(record: dict, wanted: str, occurrence: int = 1) -> tuple[int, int]:
    text = record["text"]
    at = -1
    for _ in range(occurrence):
        at = text.index(wanted, at + 1)
    return at, at + len(wanted)


@pytest.mark.parametrize("article", json.loads((DATA / "seeds.json").read_text())["articles"],
                         ids=lambda a: a["id"][:3])  # fmt: skip
def test_every_statement_of_the_seeds_with_its_speaker(cli, article):
    path = next(SEEDS.glob(f"{article['id']}*.txt"))
    result = cli("extract", str(path), "--with-text", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    text = record["text"]
    system = _statements(record)
    found = [content_tokens(text, s["start"], s["end"]) for s in system]
    matched: set[int] = set()
    for gold in article["statements"]:
        wanted = content_tokens(text, *_find(record, gold["text"], gold.get("occurrence", 1)))
        hits = [
            i
            for i, tokens in enumerate(found)
            if overlap(tokens, wanted) >= MATCH
            and gold_key(system[i]["speaker"]) == gold_key(gold["speaker"])
            and system[i]["direct"] == gold["direct"]
        ]
        if gold.get("optional"):
            matched.update(hits)
            continue
        assert hits, f"missed {gold['speaker']}: {gold['text'][:80]}"
        matched.add(hits[0])
    spurious = [system[i]["text"][:80] for i in range(len(system)) if i not in matched]
    assert not spurious


def test_in_004_the_spokesperson_and_hang_are_one_speaker(cli):
    path = next(SEEDS.glob("004_*.txt"))
    [record] = jsonl(cli("extract", str(path), "--with-text", "--format", "jsonl"))
    quotes = [s for s in _statements(record) if s["direct"]]
    assert [q["speaker"] for q in quotes] == ["Pham Thu Hang", "Pham Thu Hang"]
    assert [q["speaker_text"] for q in quotes] == ["foreign ministry spokesperson", "Hằng"]
    assert [q["cue"] for q in quotes] == ["told the press", "noted"]
    said = next(s for s in record["statements"] if s["speaker"] == "Ministry of Foreign Affairs")
    assert said["date"] == "2025-03-20"  # `said on Thursday`, in the week of March 20


def test_quotations_split_curly_and_over_paragraphs(cli, tmp_path):
    text = (
        "date 2025-05-02\n\n“We had a very productive conversation,” Greer said, “and the "
        "talks will go on next week.”\n\n"
        '"Vietnam has put serious proposals on the table. We are studying them.\n\n'
        '"Rules of origin have to mean something," he told reporters.\n\n'
        "Greer described the mood as “constructive and frank” at the end of the day.\n"
    )
    record = extract_one(cli, tmp_path, text)
    statements = _statements(record)
    assert [(s["speaker"], s["direct"], s["cue"]) for s in statements] == [
        ("Jamieson L. Greer", True, "said"),
        ("Jamieson L. Greer", True, "told reporters"),
    ]
    assert statements[0]["text"].startswith("We had") and statements[0]["text"].endswith("week.")
    assert "Greer said" in statements[0]["text"]  # one statement across its attribution
    assert statements[1]["text"].startswith("Vietnam has put")  # over two paragraphs
    assert statements[1]["text"].endswith("mean something")


def test_reported_speech_cues(cli, tmp_path):
    text = (
        "date 2025-04-22\n\n"
        "Prime Minister Pham Minh Chinh stressed that Vietnam is ready to negotiate. "
        "The talks, he noted, must be calm and flexible. "
        "According to the PM, exports to the US grew strongly last year. "
        "Chinh expressed hope that the two sides would soon reach a deal.\n\n"
        "Ambassador Marc Knapper welcomed the decision to hold a new round of talks. "
        "Exporters are worried about the tariff, a government official said.\n"
    )
    record = extract_one(cli, tmp_path, text)
    found = {s["text"]: s for s in _statements(record)}
    assert found["Vietnam is ready to negotiate"]["speaker"] == "Pham Minh Chinh"
    assert found["The talks, he noted, must be calm and flexible"]["cue"] == "noted"
    assert found["exports to the US grew strongly last year"]["cue"] == "According to"
    assert found["the two sides would soon reach a deal"]["cue"] == "expressed hope"
    assert found["the decision to hold a new round of talks"]["speaker"] == "Marc Knapper"
    unnamed = found["Exporters are worried about the tariff"]
    assert (unnamed["speaker"], unnamed["unnamed"]) == ("a government official", True)
    assert all(not s["direct"] for s in found.values())
    assert {s["speaker"] for s in found.values() if not s["unnamed"]} == {
        "Pham Minh Chinh", "Marc Knapper"
    }  # fmt: skip


def test_orders_questions_and_scare_quotes_are_no_statements(cli, tmp_path):
    text = (
        "date 2025-04-22\n\n"
        "Prime Minister Pham Minh Chinh asked ministries to prepare negotiation plans. "
        "He urged the US to recognise Vietnam as a market economy. "
        "Reporters asked whether Vietnam believes it can avoid the tariffs. "
        "Vietnam pursues “balanced interests, shared risks” in the talks.\n"
    )
    record = extract_one(cli, tmp_path, text)
    assert _statements(record) == []
    assert record["directives"]  # the orders are directives


def test_a_spokesperson_speaks_for_the_organisation_and_a_statement_for_its_issuer(cli, tmp_path):
    text = (
        "date 2025-07-03\n\n"
        "The Office of the US Trade Representative said in a statement that the meeting was "
        "productive. The statement said the two sides would meet again in June.\n\n"
        "A spokesperson for the US Department of Commerce said the rules of origin would be "
        "strict.\n"
    )
    speakers = _speakers(extract_one(cli, tmp_path, text))
    assert speakers == {
        "the meeting was productive": "Office of the US Trade Representative",
        "the two sides would meet again in June": "Office of the US Trade Representative",
        "the rules of origin would be strict": "US Department of Commerce",
    }


def test_statements_are_in_the_schema(cli, seeds):
    result = cli("extract", str(seeds), "--with-text", "--format", "json")
    records = json.loads(result.stdout)
    schema = extraction_schema()
    assert set(schema["properties"]["statements"]["items"]["required"]) >= {
        "speaker", "speaker_text", "cue", "text", "start", "end", "direct",
        "sentence_start", "sentence_end", "date",
    }  # fmt: skip
    for record in records:
        jsonschema.validate(record, schema)
    assert sum(len(r["statements"]) for r in records) >= 30


def test_the_development_set_scores(cli):
    """The dev two thirds of tests/data/statements (never the aside third, scored once)."""
    result = cli(
        "eval", "--statements", str(DATA / "gold.json"), str(DATA / "articles.jsonl"),
        "--split", "dev", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["articles"] == 40 and report["not_in_text"] == 0
    assert report["overlap 0.3"]["f1"] >= 0.97
    assert report["overlap 0.8"]["f1"] >= 0.94
    assert report["speaker"]["accuracy"] >= 0.96
    assert report["direct"]["accuracy"] >= 0.98


def test_eval_statements_needs_a_gold_file_alone(cli):
    result = cli(
        "eval", "--statements", str(DATA / "gold.json"), "--events", str(DATA / "gold.json")
    )
    assert result.exit_code == 2
    assert "exactly one of" in result.stderr


def test_polnear_reader_refuses_the_test_split(tmp_path):
    folder = tmp_path / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    text = 'The senator said the bill would pass. "It is a good bill," she added.'
    (folder / "text" / "a.txt").write_text(text)
    spans = []
    for number, (kind, words) in enumerate(
        [("Source", "The senator"), ("Cue", "said"), ("Content", "the bill would pass"),
         ("Content", "It is a good bill,"), ("Source", "she"), ("Cue", "added")], 1
    ):  # fmt: skip
        at = text.index(words)
        spans.append(f"T{number}\t{kind} {at} {at + len(words)}\t{words}")
    relations = ["E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
                 "E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5"]  # fmt: skip
    (folder / "attributions" / "a_x1.ann").write_text("\n".join(spans + relations) + "\n")
    articles, gold = read_split(tmp_path, "dev")
    assert [a["id"] for a in articles] == ["a"]
    statements = gold["articles"][0]["statements"]
    assert [(s["source_text"], s["direct"]) for s in statements] == [
        ("The senator", False), ("she", True)
    ]  # fmt: skip
    with pytest.raises(ValueError, match="only train and dev"):
        read_split(tmp_path, "test")
    assert ROOT.exists()


def test_statements_command_by_any_alias_date_and_words(cli, seeds, tmp_path):
    db = tmp_path / "news.db"
    assert cli("ingest", str(seeds), "--db", str(db)).exit_code == 0
    for speaker in ("Hằng", "Pham Thu Hang", "the foreign ministry spokesperson"):
        rows = jsonl(cli("statements", "--db", str(db), "--speaker", speaker, "--format", "jsonl"))
        assert [(r["speaker"], r["direct"], r["cue"]) for r in rows] == [
            ("Pham Thu Hang", True, "told the press"),
            ("Pham Thu Hang", True, "noted"),
        ], speaker
    rows = jsonl(
        cli("statements", str(seeds), "--speaker", "the PM", "--since", "2025-04-01",
            "--contains", "trade balance", "--format", "jsonl")
    )  # fmt: skip
    assert rows and all(r["speaker"] == "Pham Minh Chinh" for r in rows)
    assert all("trade balance" in r["text"] for r in rows)
    march = jsonl(cli("statements", "--db", str(db), "--until", "2025-03", "--format", "jsonl"))
    assert {r["date"] for r in march} == {"2025-03-20", "2025-W12"}  # `this week indicated`
    assert len(march) == 6
    csv = cli("statements", "--db", str(db), "--speaker", "Greer", "--format", "csv").stdout
    assert csv.splitlines()[0].startswith("date,speaker,direct,cue,text")
    assert len(csv.splitlines()) == 3
    none = cli("statements", "--db", str(db), "--speaker", "Nobody At All")
    assert none.exit_code == 0 and none.stdout == "" and "no statements match" in none.stderr


def test_offsets_stay_right_in_a_long_article_cut_into_pieces(cli, tmp_path):
    paragraph = (
        "In round {n}, Minister of Industry and Trade Nguyen Hong Dien said that the two "
        "sides had narrowed their differences on tariffs.{filler}"
    )
    filler = " The talks went on." * 40
    text = "\n\n".join(paragraph.format(n=n, filler=filler) for n in range(1, 31))
    assert len(text) > 25_000  # more than one piece (nlp/pieces.py)
    record = extract_one(cli, tmp_path, text)
    statements = _statements(record)
    assert len(statements) == 30
    assert {s["speaker"] for s in statements} == {"Nguyen Hong Dien"}
    assert all(s["text"] == "the two sides had narrowed their differences on tariffs"
               for s in statements)  # fmt: skip


def test_who_is_quoted_in_which_report_and_whether_the_words_agree(cli, tmp_path):
    from vntrade.views.statements import quoted_across

    wire = (
        "date 2025-05-02\n\n"
        '"We had a very productive conversation with Vietnam," Greer told a Senate hearing. '
        "He added that transshipment remained a major concern for Washington.\n\n"
        "Minister Nguyen Hong Dien said Vietnam was ready to buy more American goods.\n"
    )
    state_media = (
        "date 2025-05-02\n\n"
        "USTR Jamieson Greer said they had a very productive conversation with Vietnam, "
        "adding that transshipment remained a major concern. "
        '"We had a very productive conversation with Vietnam," he said.\n'
    )
    for name, text in (("wire", wire), ("vna", state_media)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    records = jsonl(cli("extract", str(tmp_path), "--format", "jsonl"))
    rows = {row["speaker"]: row for row in quoted_across(records)}
    greer = rows["Jamieson L. Greer"]
    assert sorted(greer["articles"]) == ["vna", "wire"] and greer["missing"] == []
    agreement = {(s["text"][:20], s["direct"]): s["agreement"] for s in greer["articles"]["vna"]}
    assert agreement[("We had a very produc", True)] == "verbatim"
    assert agreement[("they had a very prod", False)] == "paraphrased"
    assert rows["Nguyen Hong Dien"]["missing"] == ["vna"]
    assert rows["Nguyen Hong Dien"]["articles"]["wire"][0]["agreement"] == "alone"
