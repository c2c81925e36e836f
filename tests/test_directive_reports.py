"""Directives as real reports write them, through the real CLI and model: nominal actions,
assign/task frames, documents speaking for their issuer, issuers across a sentence,
associations and firms; and what is not an order (wishes, pledges, intentions, needs)."""

from __future__ import annotations

from pathlib import Path

from conftest import extract_one
from test_directives import brief, directives


def test_a_nominal_action_is_given_as_its_verb(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính ordered the prompt creation of a working group on "
        "US tariffs. He also demanded the swift completion of the negotiation plan by June 30, "
        "2025. Vietjet ordered 50 Boeing aircraft last year.",
    )
    assert [brief(d) for d in found] == [
        ("Pham Minh Chinh", "order", None, "create a working group on US tariffs"),
        ("Pham Minh Chinh", "demand", None, "complete the negotiation plan by June 30, 2025"),
    ]
    assert found[1]["deadline"] == "2025-06-30"


def test_a_nominal_with_a_meaningful_adjective_stays_as_written(cli, tmp_path: Path):
    [found] = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính called for the mutual reduction of import tariffs.",
    )
    assert brief(found) == (
        "Pham Minh Chinh",
        "call for",
        None,
        "the mutual reduction of import tariffs",
    )


def test_assign_and_task_frames(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Phạm Minh Chính assigned provinces and state banks to draw up plans "
        "to support exporters. He tasked the Ministry of Finance with drafting a decree on "
        "import duties. He assigned the State Bank of Vietnam the task of managing exchange "
        "rates flexibly.",
    )
    assert [brief(d) for d in found] == [
        (
            "Pham Minh Chinh",
            "assign",
            "provinces and state banks",
            "draw up plans to support exporters",
        ),
        (
            "Pham Minh Chinh",
            "task",
            "the Ministry of Finance",
            "drafting a decree on import duties",
        ),
        (
            "Pham Minh Chinh",
            "assign",
            "the State Bank of Vietnam",
            "managing exchange rates flexibly",
        ),
    ]


def test_an_order_coordinated_after_an_infinitive_and_a_lower_case_role(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Prime Minister Pham Minh Chinh met ministers on Saturday.\n\n"
        "Chinh assigned the Ministry of Finance to draft incentives for exporters and tasked "
        "the State Bank of Vietnam with keeping interest rates low. The government leader also "
        "demanded the swift completion of a national digital trade platform.",
    )
    assert [brief(d) for d in found] == [
        ("Pham Minh Chinh", "assign", "the Ministry of Finance", "draft incentives for exporters"),
        ("Pham Minh Chinh", "task", "the State Bank of Vietnam", "keeping interest rates low"),
        ("Pham Minh Chinh", "demand", None, "complete a national digital trade platform"),
    ]


def test_a_document_speaks_for_its_issuer(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "The Ministry of Industry and Trade, in a dispatch dated May 6, asked exporters to "
        "check the origin of their goods. It also required customs to tighten inspections of "
        "steel imports.\n\n"
        "The Ministry of Finance issued a dispatch on tariffs on May 8. The dispatch requests "
        "importers to declare the origin of goods.",
    )
    assert [brief(d) for d in found] == [
        ("Ministry of Industry and Trade", "ask", "exporters", "check the origin of their goods"),
        (
            "Ministry of Industry and Trade",
            "require",
            "customs",
            "tighten inspections of steel imports",
        ),
        ("Ministry of Finance", "request", "importers", "declare the origin of goods"),
    ]


def test_the_person_in_the_subject_issues_not_the_country(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Vietnam's delegation, led by Deputy Prime Minister Lê Văn Minh, urged the US side to "
        "expedite talks.\n\n"
        "At the meeting with Vietnam's negotiators, Deputy Prime Minister Lê Văn Minh urged the "
        "US side to cut tariffs on shrimp.\n\n"
        "Vietnam, represented by Deputy Prime Minister Lê Văn Minh, urged the US to recognise "
        "its market economy status.",
    )
    assert [brief(d) for d in found] == [
        ("Le Van Minh", "urge", "the US side", "expedite talks"),
        ("Le Van Minh", "urge", "the US side", "cut tariffs on shrimp"),
        ("Le Van Minh", "urge", "the US", "recognise its market economy status"),
    ]


def test_associations_and_firms_issue_orders(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "The seafood association called on exporters to diversify markets.\n\n"
        "The Vietnam Association of Seafood Exporters and Producers (VASEP) met on Monday. "
        "The seafood association asked members to cut costs.\n\n"
        "Vinamilk asked its suppliers to raise quality.",
    )
    assert [brief(d) for d in found] == [
        ("seafood association", "call on", "exporters", "diversify markets"),
        (
            "Vietnam Association of Seafood Exporters and Producers",
            "ask",
            "members",
            "cut costs",
        ),
        ("Vinamilk", "ask", "its suppliers", "raise quality"),
    ]


def test_wishes_pledges_intentions_and_needs_are_not_orders(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Vietnam hopes the US will lift tariffs on shrimp. Minister Nguyễn Hồng Diên pledged "
        "to buy more US cotton. Prime Minister Phạm Minh Chính said he would urge ministries "
        "to act. Vietnam will ask the US to recognise it as a market economy. The minister "
        "is expected to urge US firms to invest more. Vietnam plans to ask the US for lower "
        "duties. Vietnam will continue to urge the US to lift tariffs. It is crucial to "
        "diversify export markets. Exporters need to cut costs.",
    )
    assert found == []
    [given] = directives(
        cli, tmp_path, "Minister Nguyễn Hồng Diên continued to urge US firms to invest more."
    )
    assert brief(given) == ("Nguyen Hong Dien", "urge", "US firms", "invest more")


def test_wire_copy_issuers_and_requests_about_oneself(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Vietnam's trade ministry asked exporters to avoid transshipment of Chinese goods. "
        "Hanoi urged Washington to reconsider the tariffs.\n\n"
        "A Vietnamese official, who asked not to be named, said talks would go on. Trade "
        "Minister Nguyen Hong Dien asked not to be quoted on the details.",
    )
    assert [brief(d) for d in found] == [
        (
            "Ministry of Industry and Trade",
            "ask",
            "exporters",
            "avoid transshipment of Chinese goods",
        ),
        ("Vietnam", "urge", "Washington", "reconsider the tariffs"),
    ]


def test_pressed_and_appealed_to(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "U.S. President Donald Trump pressed Vietnam to cut its trade surplus. Trade "
        "Representative Jamieson Greer pressed for faster action on transshipment. Vietnam "
        "appealed to the United States to delay the tariffs. Deputy Prime Minister Ho Duc Phoc "
        "is pressing ahead with the talks.",
    )
    assert [brief(d) for d in found] == [
        ("Donald Trump", "press", "Vietnam", "cut its trade surplus"),
        ("Jamieson L. Greer", "press for", None, "faster action on transshipment"),
        ("Vietnam", "appeal to", "the United States", "delay the tariffs"),
    ]


def test_a_quoted_order_in_the_first_person_is_the_speakers(cli, tmp_path: Path):
    found = directives(
        cli,
        tmp_path,
        "Minister of Industry and Trade Nguyễn Hồng Diên met US Trade Representative Jamieson "
        'Greer.\n\n"We ask the US side to treat Vietnamese firms fairly," Diên said.\n\n'
        'Diên said: "We request the US to recognise Vietnam as a market economy."\n\n'
        '"I urge all ministries to act quickly. Time is short," Prime Minister Phạm Minh '
        "Chính told the meeting.",
    )
    assert [brief(d) for d in found] == [
        ("Nguyen Hong Dien", "ask", "the US side", "treat Vietnamese firms fairly"),
        ("Nguyen Hong Dien", "request", "the US", "recognise Vietnam as a market economy"),
        ("Pham Minh Chinh", "urge", "all ministries", "act quickly"),
    ]


def test_a_wire_copy_on_a_web_page_end_to_end(cli, tmp_path: Path):
    """Page furniture, byline, timestamp, photo credit, dateline, document voice, a quoted
    order, an intention and a wish, staff credits: one made-up Reuters copy."""
    text = (Path(__file__).parent / "data" / "formats" / "reuters_web_copy.txt").read_text()
    record = extract_one(cli, tmp_path, text)
    assert [record[k] for k in ("title", "published", "agency", "dateline", "dateline_date")] == [
        "Vietnam asks exporters to curb transshipment as US tariff deadline looms",
        "2025-07-03",
        "Reuters",
        "Hanoi",
        "XXXX-07-03",
    ]
    assert record["text"].startswith("Vietnam's trade ministry on Thursday asked exporters")
    assert record["text"].endswith("Vietnam hopes the U.S. will lift tariffs on shrimp.")
    assert [brief(d) for d in record["directives"]] == [
        (
            "Ministry of Industry and Trade",
            "ask",
            "exporters",
            "tighten checks on the origin of goods shipped to the United States",
        ),
        (
            "Ministry of Industry and Trade",
            "require",
            "local authorities",
            "inspect factories suspected of relabelling Chinese goods",
        ),
        (
            "Ministry of Industry and Trade",
            "ask",
            "customs",
            "step up inspections of steel and aluminium shipments by the end of July",
        ),
        ("Ho Duc Phoc", "ask", "the U.S. side", "treat Vietnamese firms fairly"),
        (
            "Vietnam Association of Seafood Exporters and Producers",
            "call on",
            "members",
            "diversify markets",
        ),
    ]
    names = {actor["name"] for actor in record["actors"]}
    assert not names & {"Francesco Guarascio", "Khanh Vu", "Thanh Hue", "Ed Davies", "Reuters"}
