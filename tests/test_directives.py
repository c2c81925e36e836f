"""Directives through the real CLI and model: frames, issuers (names, pronouns, role
phrases, countries), addressees, coordinated and nominal actions, passives, deadlines."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import jsonl


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNTRADE_CACHE_DIR", str(tmp_path / "cache"))


def directives(cli, tmp_path: Path, text: str) -> list[dict]:
    """Run `vntrade extract` on one article; check each directive's sentence offsets."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = cli("extract", str(path), "--with-text", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [record] = jsonl(result)
    for directive in record["directives"]:
        assert record["text"][directive["start"] : directive["end"]] == directive["sentence"]
        # A nominal action is given as the verb it names: `the creation of X` → `create X`.
        action = directive["action"]
        assert action in directive["sentence"] or action.split(" ", 1)[-1] in directive["sentence"]
    return record["directives"]


def brief(directive: dict) -> tuple:
    return (directive["issuer"], directive["verb"], directive["addressee"], directive["action"])


def test_object_infinitive_with_coordinated_actions_and_pronoun_issuer(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Deputy Prime Minister Bùi Thanh Sơn chaired a meeting on exports on Monday.\n\n"
        "He instructed the Ministry of Finance to review tariff schedules and report to "
        "the Government, and urged localities to speed up customs clearance.",
    )
    assert [brief(d) for d in found] == [
        (
            "Bui Thanh Son",
            "instruct",
            "the Ministry of Finance",
            "review tariff schedules and report to the Government",
        ),
        ("Bui Thanh Son", "urge", "localities", "speed up customs clearance"),
    ]


def test_role_phrase_issuer_and_trailing_with_order_with_deadline(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính met ministers on the tariff talks.\n\n"
        "The Government leader requested each ministry to list its proposals, with the "
        "Ministry of Industry and Trade to compile them by June 30, 2025.",
    )
    assert [brief(d) for d in found] == [
        ("Pham Minh Chinh", "request", "each ministry", "list its proposals"),
        (
            "Pham Minh Chinh",
            "request",
            "the Ministry of Industry and Trade",
            "compile them by June 30, 2025",
        ),
    ]
    assert [d["deadline"] for d in found] == [None, "2025-06-30"]


def test_called_on_and_called_for_a_nominal_action(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Party General Secretary Tô Lâm called on businesses to invest in green technology. "
        "Lâm also called for a stronger crackdown on trade fraud.",
    )
    assert [brief(d) for d in found] == [
        ("To Lam", "call on", "businesses", "invest in green technology"),
        ("To Lam", "call for", None, "a stronger crackdown on trade fraud"),
    ]


def test_urged_with_a_nominal_action_and_deadline_on_the_verb(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Minister of Finance Nguyễn Văn Thắng spoke at the conference. He urged a review "
        "of tax refund rules by September 2025 for firms hit by the new duties.",
    )
    [directive] = found
    assert directive["issuer"] == "Nguyen Van Thang"
    assert directive["verb"] == "urge"
    assert directive["addressee"] is None
    assert directive["action"].startswith("review tax refund rules")
    assert directive["deadline"] == "2025-09"


def test_requested_that_makes_the_clause_subject_the_addressee(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Vietnam has requested that the US lift its restrictions on high-tech exports.",
    )
    assert [brief(d) for d in found] == [
        ("Vietnam", "request", "the US", "lift its restrictions on high-tech exports"),
    ]


def test_country_issuer_is_kept(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Việt Nam is urging the United States to recognise it as a market economy.",
    )
    assert [brief(d) for d in found] == [
        ("Vietnam", "urge", "the United States", "recognise it as a market economy"),
    ]


def test_tasked_with_active_and_passive(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "The Ministry of Finance has been tasked with drafting a decree on tariff cuts, a "
        "spokesman said.\n\n"
        "Deputy Prime Minister Hồ Đức Phớc tasked the State Bank of Vietnam with drafting "
        "support measures for exporters. The Ministry of Agriculture and Environment was "
        "tasked with inspecting seafood farms in the Mekong Delta.",
    )
    assert [brief(d) for d in found] == [
        (None, "task", "The Ministry of Finance", "drafting a decree on tariff cuts"),
        (
            "Ho Duc Phoc",
            "task",
            "the State Bank of Vietnam",
            "drafting support measures for exporters",
        ),
        # No one named: the order comes from who gave the one just before.
        (
            "Ho Duc Phoc",
            "task",
            "The Ministry of Agriculture and Environment",
            "inspecting seafood farms in the Mekong Delta",
        ),
    ]


def test_two_coordinated_orders_and_a_dated_action(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính directed ministries to sign purchase contracts in "
        "July 2025 and assigned the Ministry of Finance to prepare a report.",
    )
    assert [brief(d) for d in found] == [
        ("Pham Minh Chinh", "direct", "ministries", "sign purchase contracts in July 2025"),
        ("Pham Minh Chinh", "assign", "the Ministry of Finance", "prepare a report"),
    ]
    assert found[0]["deadline"] == "2025-07"


def test_statements_and_questions_are_not_orders(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính noted that exports grew by 14 per cent. He stressed "
        "the need for calm negotiations and welcomed the US proposal. When asked about the "
        "deadline, the minister said talks would go on. The situation remains complex, "
        "requiring agencies to stay alert. He did not ask the ministries to delay the talks. "
        "Vietjet ordered 50 Boeing aircraft.",
    )
    assert found == []


def test_pronouns_follow_the_previous_subject_and_the_main_speaker(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Governor of the State Bank of Vietnam Nguyễn Thị Hồng met bankers on Monday. "
        "She asked commercial banks to cut lending rates for exporters.\n\n"
        "Deputy Governor Phạm Thanh Hà said the bank had enough tools. He urged lenders to "
        "restructure debts of seafood firms.\n\n"
        "Hồng said inflation was under control. Exports to the US were stable, Hồng noted. "
        "She also instructed banks to report on bad debts.",
    )
    assert [(d["issuer"], d["verb"]) for d in found] == [
        ("Nguyen Thi Hong", "ask"),
        ("Pham Thanh Ha", "urge"),
        ("Nguyen Thi Hong", "instruct"),
    ]


def test_order_after_an_unpunctuated_line_keeps_to_its_own_line(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Exports rose sharply in May\n"
        "The ministry said shipments of rice and coffee to the United States rose 12 per cent\n"
        "Prime Minister Pham Minh Chinh has asked relevant agencies to make "
        "proactive efforts in coming negotiations with the United States.",
    )
    assert [d["issuer"] for d in found] == ["Pham Minh Chinh"]
    assert found[0]["sentence"].startswith("Prime Minister Pham Minh Chinh has asked")


def test_relative_deadline_is_resolved_against_the_publication_date(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        " date 2025-04-25 Deputy Prime Minister Hồ Đức Phớc on Friday asked the Ministry of "
        "Finance to submit a draft decree on tariff cuts by the end of next month.",
    )
    [directive] = found
    assert directive["issuer"] == "Ho Duc Phoc"
    assert directive["deadline"] == "2025-05"


def test_the_ministry_stands_for_the_ministry_named_before(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "The Ministry of Industry and Trade met exporters of steel and aluminium on Monday. "
        "The ministry asked firms to tighten origin checks on goods exported to the US.",
    )
    assert [brief(d) for d in found] == [
        (
            "Ministry of Industry and Trade",
            "ask",
            "firms",
            "tighten origin checks on goods exported to the US",
        ),
    ]


def test_order_coordinated_with_a_reported_statement(cli, tmp_path):
    # The parser hangs `asked` on `would simplify`; the order is the speaker's.
    found = directives(
        cli,
        tmp_path,
        "Minister of Finance Nguyễn Văn Thắng said the ministry would simplify procedures and "
        "asked customs officers to speed up the clearance of rice shipments.",
    )
    assert [brief(d) for d in found] == [
        (
            "Nguyen Van Thang",
            "ask",
            "customs officers",
            "speed up the clearance of rice shipments",
        ),
    ]


def test_addressee_with_a_compound_the_parser_took_for_a_verb(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "The provincial chairman Lê Văn Tâm asked coffee growers and processing plants to keep "
        "records of pesticide use.",
    )
    assert [brief(d) for d in found] == [
        (
            "Le Van Tam",
            "ask",
            "coffee growers and processing plants",
            "keep records of pesticide use",
        ),
    ]


def test_passive_orders_under_a_document_signed_by_someone(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Under the decision, signed by Deputy Prime Minister Trần Hồng Hà on March 3, the "
        "Vietnam Customs (VC) are required to check the origin of steel exports. The Ministry "
        "of Construction is assigned to review building codes.",
    )
    assert [brief(d) for d in found] == [
        ("Tran Hong Ha", "require", "the Vietnam Customs", "check the origin of steel exports"),
        ("Tran Hong Ha", "assign", "The Ministry of Construction", "review building codes"),
    ]


def test_document_as_subject_gives_the_order_of_whoever_issued_it(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính has signed Directive 12 on trade fraud, asking "
        "ministries to tighten checks on origin. The directive also requires localities to "
        "inspect industrial parks.",
    )
    assert [brief(d) for d in found] == [
        ("Pham Minh Chinh", "ask", "ministries", "tighten checks on origin"),
        ("Pham Minh Chinh", "require", "localities", "inspect industrial parks"),
    ]
    # With no one named as its source, an obligation is a rule, not an order.
    rules = "Exporters are required to register with the ministry. The decree requires " + (
        "importers to declare the origin of goods."
    )
    assert directives(cli, tmp_path, rules) == []


def test_an_order_to_give_an_order_is_one_directive(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Deputy Prime Minister Hồ Đức Phớc asked the State Bank of Vietnam to keep interest "
        "rates stable and to direct commercial banks to extend loans to exporters.",
    )
    assert [brief(d) for d in found] == [
        (
            "Ho Duc Phoc",
            "ask",
            "the State Bank of Vietnam",
            "keep interest rates stable and to direct commercial banks to extend loans to "
            "exporters",
        ),
    ]


def test_tasked_with_before_a_trailing_infinitive(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Deputy Prime Minister Hồ Đức Phớc tasked the Ministry of Finance with drafting a "
        "decree on import duties, to be submitted next week.",
    )
    assert [brief(d) for d in found] == [
        ("Ho Duc Phoc", "task", "the Ministry of Finance", "drafting a decree on import duties"),
    ]


def test_deputy_title_phrase_names_the_issuer(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Deputy Governor of the State Bank of Vietnam Lê Thị Mai Hương spoke on May 6.\n\n"
        "The Deputy Governor asked lenders to report their currency positions every week.",
    )
    assert [brief(d) for d in found] == [
        ("Le Thi Mai Huong", "ask", "lenders", "report their currency positions every week")
    ]


def test_a_must_clause_joined_to_an_order_is_a_further_order(cli, tmp_path):
    found = directives(
        cli,
        tmp_path,
        "Deputy Prime Minister Trần Hồng Hà asked the Ministry of Construction to speed up "
        "port projects, while the Ministry of Home Affairs must review staffing plans.\n\n"
        "He urged firms to invest more, because businesses must adapt to the new tariffs.",
    )
    assert [brief(d) for d in found] == [
        ("Tran Hong Ha", "ask", "the Ministry of Construction", "speed up port projects"),
        ("Tran Hong Ha", "ask", "the Ministry of Home Affairs", "review staffing plans"),
        ("Tran Hong Ha", "urge", "firms", "invest more"),
    ]
