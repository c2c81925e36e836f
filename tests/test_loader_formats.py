"""Wire and web formats outside the seeds' house styles, through `vntrade articles` and
`vntrade extract`, on made-up articles: datelines, page furniture, bylines, credits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import extract_one, jsonl

BODY = "Officials said the two sides would meet again in Washington next month."


def load(cli, tmp_path: Path, text: str, name: str = "story.txt") -> dict:
    """The one record `vntrade articles` makes of `text`, with nothing on stderr."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = cli("articles", str(path), "--format", "jsonl")
    assert (result.exit_code, result.stderr) == (0, "")
    [record] = jsonl(result)
    return record


def header(record: dict) -> tuple:
    keys = ("title", "published", "agency", "dateline", "dateline_date")
    return tuple(record[key] for key in keys)


@pytest.mark.parametrize(
    ("first", "agency", "place", "date"),
    [
        ("HANOI, March 3 (Reuters) - ", "Reuters", "Hanoi", "XXXX-03-03"),
        ("HANOI, Sept. 9 (Xinhua) -- ", "Xinhua", "Hanoi", "XXXX-09-09"),
        ("WASHINGTON, Oct. 21 (AP) — ", "AP", "Washington", "XXXX-10-21"),
        ("WASHINGTON (AP) — ", "AP", "Washington", None),
        ("Hanoi, April 29, 2025 (VNA) - ", "VNA", "Hanoi", "2025-04-29"),
        ("HANOI, Vietnam (AP) — ", "AP", "Hanoi", None),
        ("WASHINGTON, D.C. (Reuters) - ", "Reuters", "Washington", None),
        ("HANOI/WASHINGTON, March 3 (Reuters) - ", "Reuters", "Hanoi/Washington", "XXXX-03-03"),
        ("HANOI: ", None, "Hanoi", None),
        ("HO CHI MINH CITY: ", None, "Ho Chi Minh City", None),
        ("THE HANOI TIMES — ", "The Hanoi Times", None, None),
    ],
)
def test_wire_datelines_give_agency_place_and_date(cli, tmp_path, first, agency, place, date):
    lead = "Vietnam's trade ministry has asked exporters to diversify markets."
    record = load(cli, tmp_path, f"{first}{lead}\n\n{BODY}\n")
    assert header(record) == (None, None, agency, place, date)
    assert record["text"] == f"{lead}\n\n{BODY}"


@pytest.mark.parametrize("first", ["UPDATE: Talks resume", "EDITOR'S NOTE: Updated", "MOF: Deal"])
def test_a_shouted_label_before_a_colon_is_no_dateline(cli, tmp_path, first):
    record = load(cli, tmp_path, f"{first} on Friday in Hanoi after a pause.\n\n{BODY}\n")
    assert record["dateline"] is None
    assert record["text"].startswith(first)


def test_web_page_furniture_timestamp_and_related_links(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        "Skip to main content\nVietnam, US hold fourth round of trade talks\n"
        "February 2, 2025 | 08:05\n"
        "THE HANOI TIMES — Vietnam and the United States ended their fourth round of talks.\n\n"
        f"{BODY}\n\nShare\n\nRelated news\n\nVietnam eyes more US LNG imports\n\n"
        "Exporters brace for new tariffs\n",
    )
    assert header(record) == (
        "Vietnam, US hold fourth round of trade talks",
        "2025-02-02",
        "The Hanoi Times",
        None,
        None,
    )
    assert record["text"] == (
        f"Vietnam and the United States ended their fourth round of talks.\n\n{BODY}"
    )


@pytest.mark.parametrize(
    "caption",
    [
        "Workers at a garment factory in Hanoi on May 5, 2025. (AP Photo/Hau Dinh)",
        "A container port in Hai Phong. Xinhua/Hu Jingchen",
        "FILE PHOTO: A worker at a factory in Hanoi. REUTERS/Thanh Hue/File Photo",
    ],
)
def test_wire_photo_captions_are_dropped_with_their_photographers(cli, tmp_path, caption):
    record = extract_one(cli, tmp_path, f"{caption}\n\n{BODY}\n\nExports rose. VNA/VNS\n")
    assert record["text"] == f"{BODY}\n\nExports rose."
    assert not {a["name"] for a in record["actors"]} & {"Hau Dinh", "Hu Jingchen", "Thanh Hue"}


def test_wire_page_boilerplate_and_an_outlet_byline(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        f"Vietnam offers more US purchases\nBy VnEconomy\n{BODY}\n\nSign up here.\n\n"
        "Talks will go on in June.\n\nOur Standards: The Thomson Reuters Trust Principles."
        "\n\nPurchase Licensing Rights\n",
    )
    assert header(record) == ("Vietnam offers more US purchases", None, "VnEconomy", None, None)
    assert record["text"] == f"{BODY}\n\nTalks will go on in June."


def test_related_heading_inside_the_article_drops_only_its_links(cli, tmp_path):
    lead = "Vietnam will buy more US farm goods, the ministry said."
    record = load(cli, tmp_path, f"{lead}\n\nRead more\n\nUS farm exports hit record\n\n{BODY}\n")
    assert record["text"] == f"{lead}\n\n{BODY}"


def test_date_field_followed_by_a_photo_caption(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        " date 2025-05-14 Deputy Prime Minister Bui Thanh Son at the meeting. Photo: VNA\n\n"
        f"Việt Nam will buy more US farm products, the minister said.\n\n{BODY}\n",
    )
    assert header(record) == (None, "2025-05-14", "VNA", None, None)
    assert record["text"] == (
        f"Việt Nam will buy more US farm products, the minister said.\n\n{BODY}"
    )


def test_title_after_the_date_field(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        " date 2025-05-14 Vietnam to buy more US farm products\n"
        f"Việt Nam will buy more US farm products, the minister said.\n\n{BODY}\n",
    )
    assert header(record)[:2] == ("Vietnam to buy more US farm products", "2025-05-14")
    assert record["text"].startswith("Việt Nam will buy")


def test_byline_and_standfirst_before_the_dateline(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        "Vietnam seeks tariff cut on seafood\nBy Vân Nguyễn\n"
        "Exporters say the new duties threaten thousands of jobs in the Mekong Delta.\n"
        "HÀ NỘI — Việt Nam's seafood exporters have asked for lower US duties on shrimp.\n\n"
        f"{BODY}\n\nPhoto from Reuters\n",
    )
    assert header(record) == (
        "Vietnam seeks tariff cut on seafood",
        None,
        "Reuters",
        "Hà Nội",
        None,
    )
    assert record["text"] == (
        f"Việt Nam's seafood exporters have asked for lower US duties on shrimp.\n\n{BODY}"
    )


@pytest.mark.parametrize(
    ("stamp", "published", "agency"),
    [
        ("(Xinhua) 09:30, June 4, 2025", "2025-06-04", "Xinhua"),
        ("Xinhua) 09:30, June 4, 2025", "2025-06-04", "Xinhua"),
        ("By Vân Nguyễn | February 2, 2025 | 08:05", "2025-02-02", None),
        ("February 2, 2025 | 08:05", "2025-02-02", None),
        ("Thu, June 5, 2025, 10:12 [GMT+7]", "2025-06-05", None),
        ("Jun 5, 2025, 10:12 AM ET", "2025-06-05", None),
        ("June 5, 2025 at 10:12 a.m.", "2025-06-05", None),
        ("By Vân Nguyễn", None, None),
        ("By Vân Nguyễn, February 2, 2025", "2025-02-02", None),
        ("Vân Nguyễn | February 2, 2025", "2025-02-02", None),
        ("Thứ Năm, 05/06/2025 10:12", "2025-06-05", None),
    ],
)
def test_byline_and_timestamp_lines_give_the_published_date(
    cli, tmp_path, stamp, published, agency
):
    record = load(cli, tmp_path, f"Vietnam, US agree to speed up talks\n{stamp}\n{BODY}\n")
    assert header(record) == ("Vietnam, US agree to speed up talks", published, agency, None, None)
    assert record["text"] == BODY


def test_a_headline_may_end_in_an_abbreviation(cli, tmp_path):
    headline = "Vietnam urges firms to seize trade deal with U.S."
    record = load(cli, tmp_path, f"{headline}\n{BODY}\n")
    assert (record["title"], record["text"]) == (headline, BODY)
    sentence = "Vietnam signed a deal with the U.S."
    record = load(cli, tmp_path, f"{sentence}\n{BODY}\n")
    assert (record["title"], record["text"]) == (None, f"{sentence}\n\n{BODY}")


def test_a_writers_name_alone_under_the_title_or_the_article(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        f"Vietnam, US agree to speed up talks\nVân Nguyễn\n{BODY}\n\nPhan Anh\n",
    )
    assert (record["title"], record["text"]) == ("Vietnam, US agree to speed up talks", BODY)
    assert not {a["name"] for a in record["actors"]} & {"Van Nguyen", "Phan Anh"}


def test_a_dateline_on_a_line_of_its_own(cli, tmp_path):
    record = load(
        cli, tmp_path, f"Vietnam, US agree to speed up talks\nHanoi, June 4, 2025\n{BODY}\n"
    )
    assert header(record) == (
        "Vietnam, US agree to speed up talks",
        None,
        None,
        "Hanoi",
        "2025-06-04",
    )
    assert record["text"] == BODY


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        (" – Reuters", "Reuters"),
        (" (Reuters)", "Reuters"),
        ("\n\nSource: Reuters", "Reuters"),
        ("\n\nPhoto from Reuters", "Reuters"),
        ("\n\nReporting by Khanh Vu; Editing by Ed Davies", None),
        (" (Reporting by Khanh Vu; Editing by Ed Davies)", None),
    ],
)
def test_credit_lines_at_the_end(cli, tmp_path, ending, agency):
    record = load(cli, tmp_path, f"Vietnam will buy more US cotton.\n\n{BODY}{ending}\n")
    assert record["agency"] == agency
    assert record["text"] == f"Vietnam will buy more US cotton.\n\n{BODY}"


def test_credit_lines_inside_the_body(cli, tmp_path):
    record = load(
        cli,
        tmp_path,
        "Vietnam will buy more US cotton, the ministry said. (Reuters)\n\n"
        "The talks were reported by the Vietnam News Agency (VNA).\n\n"
        f"Exports rose 20% in May. – Reuters\n\n{BODY}\n",
    )
    assert record["agency"] == "Reuters"
    assert record["text"] == (
        "Vietnam will buy more US cotton, the ministry said.\n\n"
        "The talks were reported by the Vietnam News Agency (VNA).\n\n"
        f"Exports rose 20% in May.\n\n{BODY}"
    )


LEAD = "Vietnam will buy more US cotton, the ministry said on Monday."


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (  # a wire copy on a web page: byline, timestamp with an update note, staff credits
            "By Francesco Guarascio and Khanh Vu\n"
            "March 3, 2025 10:05 AM GMT+7 Updated 2 hours ago\n"
            f"HANOI, March 3 (Reuters) - {LEAD}\n\n{BODY}\n\n"
            "(Reporting by Khanh Vu; Editing by Ed Davies)",
            ("2025-03-03", "Reuters", "Hanoi", "XXXX-03-03"),
        ),
        (  # Xinhua's source and editor lines, its end mark
            f"Source: Xinhua\nEditor: huaxia\n2025-06-04 20:52:30\n"
            f"HANOI, June 4 (Xinhua) -- {LEAD}\n\n{BODY} Enditem",
            ("2025-06-04", "Xinhua", "Hanoi", "XXXX-06-04"),
        ),
        (  # CNA: a timestamp with its update, a wire credit with the editor's initials
            f"04 Jun 2025 09:30AM (Updated: 04 Jun 2025 10:00AM)\nHANOI: {LEAD}\n\n{BODY}"
            "\n\nSource: Reuters/fh",
            ("2025-06-04", "Reuters", "Hanoi", None),
        ),
        (  # The Nation: a labelled date with a time after a separator
            f"Published Jun 04, 2025 | 10:20 AM\n{LEAD}\n\n{BODY}\n\nXinhua",
            ("2025-06-04", "Xinhua", None, None),
        ),
        (  # an outlet's name alone on a line, a byline with a translator at the end
            f"SGGPO\nThursday, June 05, 2025 10:12\n{LEAD}\n\n{BODY}\n\n"
            "By Thanh Hai - Translated by Anh Quan",
            ("2025-06-05", "SGGP", None, None),
        ),
        (  # AP: a shouted byline, a contributor line
            f"By THE ASSOCIATED PRESS\nWASHINGTON (AP) — {LEAD}\n\n{BODY}\n\n"
            "Associated Press writer Aniruddha Ghosal in Hanoi contributed to this report.",
            (None, "AP", "Washington", None),
        ),
    ],
)
def test_outlet_headers_and_staff_credits(cli, tmp_path, page, expected):
    title = "Vietnam offers to buy more US goods to avert tariffs"
    record = load(cli, tmp_path, f"{title}\n{page}\n")
    assert header(record) == (title, *expected)
    assert record["text"] == f"{LEAD}\n\n{BODY}"


def test_no_date_anywhere_leaves_published_null(cli, tmp_path):
    record = load(cli, tmp_path, f"HANOI (Reuters) - Vietnam will buy more US cotton.\n\n{BODY}\n")
    assert (record["published"], record["dateline_date"]) == (None, None)


def test_impossible_date_field_is_warned_and_the_dateline_still_read(cli, tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text(
        " date 2025-02-30 Hanoi (VNA) - Việt Nam will buy more US cotton.\n\n" + BODY,
        encoding="utf-8",
    )
    result = cli("articles", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"vntrade: {path}: cannot read the date '2025-02-30'; published left empty\n"
    )
    [record] = jsonl(result)
    assert header(record) == (None, None, "VNA", "Hanoi", None)
    assert record["text"] == f"Việt Nam will buy more US cotton.\n\n{BODY}"


def test_impossible_date_field_in_a_dump_is_warned_with_its_line(cli, tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [{"text": "Fine."}, {"text": " date 2025-13-01 HÀ NỘI — Cotton talks went on."}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = cli("articles", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == (
        f"vntrade: {path}:2: cannot read the date '2025-13-01'; published left empty\n"
    )
    assert [(r["dateline"], r["text"]) for r in jsonl(result)] == [
        (None, "Fine."),
        ("Hà Nội", "Cotton talks went on."),
    ]


def test_the_dateline_date_anchors_relative_dates(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "Vietnam offers to buy more US farm goods\nBy Khanh Vu\n"
        "HANOI, March 3 (Reuters) - Vietnam's trade ministry said on Monday it would sign "
        "deals for US soybeans by April 30, 2025.\n\nReporting by Phuong Nguyen; Editing by "
        "Ed Davies\n",
    )
    assert (record["published"], record["dateline_date"]) == (None, "XXXX-03-03")
    assert (record["reference_date"], record["published_inferred"]) == ("2025-03-03", True)
    assert [(d["text"], d["value"]) for d in record["dates"]] == [
        ("Monday", "2025-03-03"),
        ("April 30, 2025", "2025-04-30"),
    ]
    names = {actor["name"] for actor in record["actors"]}
    assert not names & {"Khanh Vu", "Phuong Nguyen", "Ed Davies", "Reuters"}


def test_a_dateline_date_with_a_year_is_the_reference_date(cli, tmp_path):
    record = extract_one(
        cli,
        tmp_path,
        "HANOI, March 3, 2025 (Xinhua) -- Vietnam will send a delegation to Washington next "
        "week, the ministry said on Monday.\n",
    )
    assert (record["reference_date"], record["published_inferred"]) == ("2025-03-03", False)
    assert ("next week", "2025-W11") in [(d["text"], d["value"]) for d in record["dates"]]
