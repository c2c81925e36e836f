"""The statement cue families beyond `said that S`, through the real CLI and model: what a
speaker calls something, whom they accuse of what, what they vow or threaten to do, what a
call for something asks (speech, unless the directives component read it as an order), and
what a poll or a study finds (not what bare figures show)."""

from __future__ import annotations

from conftest import extract_one


def _found(cli, tmp_path, text: str) -> dict[str, dict]:
    record = extract_one(cli, tmp_path, "date 2025-06-10\n\n" + text)
    for statement in record["statements"]:
        assert record["text"][statement["start"] : statement["end"]] == statement["text"]
    return {s["text"]: s for s in record["statements"]}


def test_what_a_speaker_calls_something_and_accuses_someone_of(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        'Senator Mark Warner called the new tariff "a serious mistake" on Monday.\n\n'
        "The union accused the importers of hiding the origin of their goods.\n\n"
        "Mark Warner called his office before the vote.\n",
    )
    called = found['the new tariff "a serious mistake"']
    assert (called["speaker"], called["cue"], called["direct"]) == ("Mark Warner", "called", False)
    accused = found["the importers of hiding the origin of their goods"]
    assert accused["cue"] == "accused" and accused["speaker_text"] == "The union"
    assert len(found) == 2  # calling someone on the phone says nothing


def test_what_a_speaker_vows_or_threatens_to_do(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Exporter Le Thi Hoa vowed to keep shipping furniture to the United States.\n\n"
        "Mark Warner threatened to block the agreement in the Senate.\n\n"
        "The company promised that prices would not rise.\n",
    )
    assert found["to keep shipping furniture to the United States"]["cue"] == "vowed"
    threat = found["to block the agreement in the Senate"]
    assert (threat["speaker"], threat["cue"]) == ("Mark Warner", "threatened")
    assert found["prices would not rise"]["cue"] == "promised"  # a clause, as before


def test_a_call_for_something_is_speech_unless_it_is_an_order(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Labour groups called for higher wages in the garment industry.\n\n"
        "Prime Minister Pham Minh Chinh called for swift action by every ministry.\n",
    )
    call = found["higher wages in the garment industry"]
    assert (call["cue"], call["direct"]) == ("called for", False)
    assert (call["speaker"], call["unnamed"]) == ("Labour groups", True)
    assert len(found) == 1  # the PM's call is an order: a directive


def test_what_a_poll_or_a_study_finds_but_not_what_figures_show(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "A survey by the chamber found that most exporters expect fewer orders this year.\n\n"
        "The latest poll shows that support for the agreement is growing.\n\n"
        "Customs data showed that exports rose 25% in April.\n",
    )
    assert set(found) == {
        "most exporters expect fewer orders this year",
        "support for the agreement is growing",
    }
    assert found["support for the agreement is growing"]["cue"] == "shows"


def test_beliefs_what_someone_wants_or_hopes_to_do(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Mark Warner wants to see the rules of origin before the vote.\n\n"
        "The exporters hope to sign new contracts in September.\n",
    )
    wants = found["to see the rules of origin before the vote"]
    assert (wants["speaker"], wants["cue"]) == ("Mark Warner", "wants")
    assert found["to sign new contracts in September"]["cue"] == "hope"


def test_a_cue_opened_by_as_reports_the_clause_it_hangs_from(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "As the newspaper Tuoi Tre reported, exporters shipped more furniture in May.\n\n"
        "Prices rose in June, as analysts had predicted.\n",
    )
    reported = found["exporters shipped more furniture in May"]
    assert (reported["cue"], reported["direct"]) == ("reported", False)
    predicted = found["Prices rose in June"]
    assert (predicted["speaker"], predicted["unnamed"]) == ("analysts", True)


def test_stances_and_a_speaker_named_by_a_relative_pronoun(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "The garment association endorsed the agreement on Friday.\n\n"
        "Senator Mark Warner, who opposed the new quota, met exporters in Hanoi.\n\n"
        "Exporters blamed the tariff for the loss of orders.\n",
    )
    assert found["the agreement"]["cue"] == "endorsed"
    opposed = found["the new quota"]
    assert (opposed["speaker"], opposed["speaker_text"]) == ("Mark Warner", "who")
    assert found["the tariff for the loss of orders"]["cue"] == "blamed"


def test_a_claim_noun_with_its_possessor(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Senator Mark Warner met exporters in Hanoi on Monday.\n\n"
        "The ministry disputed Warner's claim that the quota hurts farmers.\n\n"
        "The claim that prices will fall is common.\n",
    )
    claim = found["the quota hurts farmers"]
    assert (claim["speaker"], claim["cue"]) == ("Mark Warner", "Warner's claim")
    assert not claim["direct"]
    assert len(found) == 1  # a claim nobody is said to hold is no statement


def test_a_second_cue_joined_to_the_content_ends_it_and_is_the_speakers(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Senator Mark Warner said the quota was unfair and insisted that exporters "
        "deserved more time.\n",
    )
    assert set(found) == {"the quota was unfair", "exporters deserved more time"}
    assert {s["speaker"] for s in found.values()} == {"Mark Warner"}
    assert found["exporters deserved more time"]["cue"] == "insisted"


def test_no_statement_from_a_withheld_cue_or_a_label_without_a_verb(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Senator Mark Warner declined to criticize the agreement on Monday.\n\n"
        "Hanoi: Nguyen Van An, Tran Thi Binh, Le Van Cuong, Pham Thi Dung.\n\n"
        "Le Van Cuong: We will ship the furniture before the tariff starts.\n",
    )
    assert set(found) == {"We will ship the furniture before the tariff starts."}


def test_a_content_ends_before_a_second_cue_after_a_dash(cli, tmp_path):
    found = _found(
        cli,
        tmp_path,
        "Exporter Le Van Cuong says he could make no profit on the orders - noting that "
        "freight rates doubled in May.\n",
    )
    assert "he could make no profit on the orders" in found
    assert found["freight rates doubled in May"]["cue"] == "noting"


def test_an_unclosed_quote_before_a_last_paragraph_of_spaces_is_no_error():
    """A piece of a long article may end in a paragraph of spaces after an unclosed quote."""
    from vntrade.nlp.statements.quotes import find_quotes

    assert find_quotes('He said: "We will act.\n\n   ') == []
    assert len(find_quotes('"We will act.\n\n"And we will win," he said.')) == 1
