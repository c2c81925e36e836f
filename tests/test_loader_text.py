"""The loader's cleaning of article text, through `vntrade articles`, on made-up articles."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import jsonl

BODY = "The two sides agreed to hold a second round of talks in Washington next month."


@pytest.fixture
def load_one(cli, tmp_path: Path):
    """Write one article file, run `vntrade articles` on it, return its record."""

    def load(content: str | bytes, name: str = "story.txt") -> dict:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        result = cli("articles", str(path), "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""
        [record] = jsonl(result)
        return record

    return load


def test_junk_lines_around_the_article_are_dropped(load_one) -> None:
    record = load_one(
        "mask\nVietnam and US open new round of tariff talks\n"
        f"Deputy Prime Minister Bui Thanh Son met US officials on May 6.\n\n{BODY}\n\nback to top"
    )
    assert record["title"] == "Vietnam and US open new round of tariff talks"
    assert (
        record["text"]
        == f"Deputy Prime Minister Bui Thanh Son met US officials on May 6.\n\n{BODY}"
    )


def test_caption_and_the_lead_repeated_after_it_are_dropped(load_one) -> None:
    lead = "Minister Nguyen Hong Dien on May 12 chaired a meeting with seafood exporters."
    record = load_one(
        f"Exporters told to diversify markets\n{lead}\n"
        "Minister Nguyen Hong Dien speaks at the meeting on May 12__Photo: VNA\n\n"
        f"{lead}\n\n{BODY}\n\nAn overview of the meeting__Photo: VNA\n\n"
        "Exporters were asked to report by June 1.- (VNA/VLLF)\n\nback to top"
    )
    assert record["text"] == f"{lead}\n\n{BODY}\n\nExporters were asked to report by June 1."
    assert record["agency"] == "VNA"


def test_bracketed_caption_with_a_stray_combining_mark(load_one) -> None:
    record = load_one(
        " date 2025-05-14 Việt Nam will buy more US farm products, the trade minister said.\n\n"
        "Minister Dien \u0323(second from right) meets US farm groups. (Photo: VNA)\n\n"
        f"{BODY}./."
    )
    assert record["text"] == (
        f"Việt Nam will buy more US farm products, the trade minister said.\n\n{BODY}"
    )
    assert record["published"] == "2025-05-14"
    assert record["agency"] == "VNA"  # from the photo credit: the trailer names nobody
    assert record["title"] is None


@pytest.mark.parametrize(
    ("ending", "agency"),
    [
        ("./.", None),
        (". — VNS", "VNS"),
        (".— VNS", "VNS"),
        (".- (VNA/VLLF)", "VNA"),
        (". (VNA)", "VNA"),
        (". - VNA", "VNA"),
        (".\n\nSource: VOV", "VOV"),
        (".\n\nVNS", "VNS"),
    ],
)
def test_credit_trailers_are_removed_and_name_the_agency(load_one, ending: str, agency) -> None:
    record = load_one(f"Rice exporters expect higher sales to the US this year{ending}\n")
    assert record["text"] == "Rice exporters expect higher sales to the US this year."
    assert record["agency"] == agency


def test_a_dash_inside_the_last_sentence_is_not_a_credit(load_one) -> None:
    record = load_one("Talks covered steel, wood and textiles - the three largest items.\n")
    assert record["text"] == "Talks covered steel, wood and textiles - the three largest items."
    assert record["agency"] is None


@pytest.mark.parametrize(
    ("first_line", "is_title"),
    [
        ("Vietnam urges US to recognise its market economy status", True),
        ("PM Chính: Việt Nam ready to buy more American goods", True),
        ("Will new tariffs hurt Vietnamese exporters?", True),
        ('Minister: "We are ready to negotiate"', True),
        ("Vietnam and the US held a third round of trade talks on Friday.", False),
        ("Talks ended.", False),
        ("The ministry asked exporters to check origins. Talks continue", False),
        ("mask", False),
        ("Economy", False),
    ],
)
def test_title_is_told_from_body_by_its_form(load_one, first_line: str, is_title: bool) -> None:
    record = load_one(f"{first_line}\n{BODY}\n")
    if is_title:
        assert record["title"] == first_line
        assert record["text"] == BODY
    else:
        assert record["title"] is None
        if first_line in ("mask", "Economy"):
            assert record["text"] == BODY
        else:
            assert record["text"] == f"{first_line}\n\n{BODY}"


def test_a_short_line_alone_is_not_a_title(load_one) -> None:
    record = load_one("Vietnam seeks balanced trade with the US\n")
    assert record["title"] is None
    assert record["text"] == "Vietnam seeks balanced trade with the US"


@pytest.mark.parametrize(
    ("date_line", "published"),
    [
        ("Thursday, 08:15, May 08, 2025", "2025-05-08"),
        ("08/05/2025 10:30 (GMT+7)", "2025-05-08"),
        (" date 2025-05-08", "2025-05-08"),
        ("Updated: 2025-05-08 10:00", None),
    ],
)
def test_date_lines_under_the_title(load_one, date_line: str, published) -> None:
    record = load_one(f"VIETNAM, US AGREE TO SPEED UP TALKS\n{date_line}\nVOV.VN - {BODY}\n")
    assert record["title"] == "VIETNAM, US AGREE TO SPEED UP TALKS"
    assert record["published"] == published
    assert record["text"] == BODY


def test_title_before_a_date_line_and_a_byline(load_one) -> None:
    record = load_one(
        "Textile makers brace for US duties | VOV.VN\nPublished: June 3, 2025 08:15\n"
        f"By Minh Anh\nHCM City (VNA) - {BODY}\n"
    )
    assert record["title"] == "Textile makers brace for US duties"
    assert record["published"] == "2025-06-03"
    assert record["dateline"] == "HCM City"
    assert record["agency"] == "VNA"
    assert record["text"] == BODY


@pytest.mark.parametrize(
    ("opening", "dateline", "agency"),
    [
        ("Hanoi (VNA) - ", "Hanoi", "VNA"),
        ("Ho Chi Minh City (VNA) – ", "Ho Chi Minh City", "VNA"),
        ("Washington, May 8 (VNA) - ", "Washington", "VNA"),
        ("Washington (Reuters) - ", "Washington", "Reuters"),
        ("VOV.VN - ", None, "VOV"),
        ("HÀ NỘI — ", "Hà Nội", None),
        ("ĐÀ NẴNG — ", "Đà Nẵng", None),
        ("HCM CITY — ", "HCM City", None),
        ("Hà Nội — ", "Hà Nội", None),
        ("THỪA THIÊN-HUẾ – ", "Thừa Thiên-Huế", None),
        ("HẢI PHÒNG (VNS) — ", "Hải Phòng", "VNS"),
    ],
)
def test_datelines_give_place_and_agency_and_leave_the_body(
    load_one, opening: str, dateline, agency
) -> None:
    record = load_one(f"{opening}{BODY}\n")
    assert (record["dateline"], record["agency"]) == (dateline, agency)
    assert record["text"] == BODY


@pytest.mark.parametrize(
    ("chrome", "published"),
    [
        ("Share · Tweet · Email\nUpdated 2 hours ago", None),
        ("Published: 2025-06-03 08:10 | Updated: 2025-06-03 11:45", "2025-06-03"),
        ("AFP | Updated: Jun 3, 2025, 11:45 IST", None),
        ("World   03/06/2025 11:45 GMT+7", "2025-06-03"),
    ],
)
def test_page_chrome_before_a_dateline_is_dropped_and_the_dateline_read(
    load_one, chrome: str, published
) -> None:
    record = load_one(f"{chrome}\n\nSEOUL, June 3 (Yonhap) -- {BODY}\n")
    assert (record["dateline"], record["agency"]) == ("Seoul", "Yonhap")
    assert record["published"] == published
    assert record["text"] == BODY


def test_a_banner_and_a_headline_before_a_dateline_paragraph_are_not_body(load_one) -> None:
    record = load_one(
        "BINH DUONG PROVINCE PORTAL | Cổng thông tin điện tử\n\n"
        f"Province receives US furniture buyers\n\n(BDP) – {BODY}\n"
    )
    assert record["title"] == "Province receives US furniture buyers"
    assert record["text"] == BODY


def test_short_opening_lines_without_a_dateline_after_them_stay_body(load_one) -> None:
    record = load_one(f"Rice exports rise\n\nTrade notes for the week\n\n{BODY}\n")
    assert "Trade notes for the week" in record["text"]


@pytest.mark.parametrize(
    "first_line",
    [
        "US — Vietnam trade reached a record last year.",
        "ASEAN — the regional bloc — is watching the talks.",
        "Trade – the engine of growth – slowed in May.",
    ],
)
def test_a_dash_after_a_capitalised_word_is_not_a_dateline(load_one, first_line: str) -> None:
    record = load_one(f"{first_line}\n{BODY}\n")
    assert record["dateline"] is None
    assert record["text"].startswith(first_line)


def test_agency_dateline_wins_over_photo_credit(load_one) -> None:
    record = load_one(f"Hanoi (VNA) - {BODY}\n\nDelegates at the talks. (Photo: VGP)\n")
    assert record["agency"] == "VNA"


def test_bom_and_crlf(load_one) -> None:
    raw = "\ufeffTrade talks to resume\r\nVOV.VN - First line.\r\n\r\nSecond line.\r\n"
    record = load_one(raw.encode("utf-8"))
    assert record["title"] == "Trade talks to resume"
    assert record["text"] == "First line.\n\nSecond line."
    assert "\r" not in record["text"] and "\ufeff" not in record["text"]


def test_text_is_nfc_and_stray_marks_are_removed(load_one) -> None:
    decomposed = unicodedata.normalize("NFD", "Phạm Minh Chính met Nguyễn Hồng Diên.")
    record = load_one(f"{decomposed}\n\u0301The talks \u0323(in Hà Nội) went well.\n")
    assert record["text"] == (
        "Phạm Minh Chính met Nguyễn Hồng Diên.\n\nThe talks (in Hà Nội) went well."
    )
    assert unicodedata.is_normalized("NFC", record["text"])


def test_hard_wrapped_lines_are_joined(load_one) -> None:
    record = load_one(
        "The ministry asked exporters of wood\nproducts to check the origin of their\n"
        "materials by June 30.\nA second paragraph follows.\n"
    )
    assert record["text"] == (
        "The ministry asked exporters of wood products to check the origin of their "
        "materials by June 30.\n\nA second paragraph follows."
    )


def test_whitespace_and_html_entities_are_tidied(load_one) -> None:
    record = load_one("The  R&amp;D\tbudget\u00a0rose, said the PM&#8217;s office.\n\n\n\nM&A too.")
    assert record["text"] == "The R&D budget rose, said the PM’s office.\n\nM&A too."
    assert record["words"] == 10


def test_a_sentence_about_a_photo_is_not_a_caption(load_one) -> None:
    body = "The VNA photo exhibition on trade opens in Hanoi on Monday."
    assert load_one(f"{body}\n{BODY}\n")["text"] == f"{body}\n\n{BODY}"


def test_a_scraped_page_s_menus_cookie_notice_and_stamp_are_dropped_its_date_kept(
    load_one,
) -> None:
    record = load_one(
        "MEKONG TRADE DAILY | E-paper | Subscribe | Sign in\n"
        "We use cookies to improve your experience. By continuing you agree to our policy.\n"
        "Industry | Seafood\n"
        "Friday, 11/07/2025 09:40\n"
        "Shrimp exporters step up shipments to the US\n"
        f"Shrimp processors in Ca Mau worked at full capacity this week.\n\n{BODY}"
    )
    assert record["title"] == "Shrimp exporters step up shipments to the US"
    assert record["published"] == "2025-07-11"
    assert record["text"].startswith("Shrimp processors in Ca Mau")


def test_an_updated_line_in_vietnamese_is_no_text(load_one) -> None:
    record = load_one(
        "Lao Cai and Yunnan hold a border trade conference\n"
        "Cập nhật: 14:20 | 12/06/2025\n"
        f"On June 11, the province held a conference with Yunnan officials.\n\n{BODY}"
    )
    assert record["text"].startswith("On June 11, the province")


def test_an_acronym_opening_a_headline_is_no_dateline(load_one) -> None:
    record = load_one(
        "VITAS: garment makers race to ship US orders before the deadline\n"
        f"The Vietnam Textile and Apparel Association said on July 8 orders were strong.\n\n{BODY}"
    )
    assert record["title"] == "VITAS: garment makers race to ship US orders before the deadline"
    assert record["dateline"] is None


def test_a_short_title_with_its_outlet_after_a_bar_stays_a_title(load_one) -> None:
    record = load_one(
        f"Tariff talks | VnExpress\nThe ministry said on July 8 talks went well.\n\n{BODY}"
    )
    assert record["title"] == "Tariff talks"


def test_a_wire_dateline_without_a_dash_is_read(load_one) -> None:
    record = load_one(
        "India weighs response to extra US tariff\n"
        f"NEW DELHI, Aug 7 (PTI) An additional tariff on Indian goods came into force.\n\n{BODY}"
    )
    assert (record["dateline"], record["agency"]) == ("New Delhi", "PTI")
    assert record["text"].startswith("An additional tariff")


def test_a_wire_dateline_with_its_agency_unbracketed_is_read(load_one) -> None:
    record = load_one(
        "Japan and US settle tariff deal\n"
        f"TOKYO, July 23 Kyodo - Japan and the United States reached a deal.\n\n{BODY}"
    )
    assert (record["dateline"], record["agency"]) == ("Tokyo", "Kyodo")
    assert record["text"].startswith("Japan and the United States reached a deal.")


@pytest.mark.parametrize(
    ("opening", "agency"),
    [("(BTO) – On September 8, the", "BTO"), ("(VNA) - On September 8, the", "VNA")],
)
def test_an_outlets_code_in_brackets_opening_the_body_is_its_credit(
    load_one, opening: str, agency: str
) -> None:
    record = load_one(
        "Binh Thuan firms brace for the ruling\n"
        f"{opening} province's trade department met seafood exporters.\n\n{BODY}"
    )
    assert record["agency"] == agency
    assert record["text"].startswith("On September 8, the province's trade department")


def test_a_country_in_brackets_opening_a_sentence_is_no_credit(load_one) -> None:
    record = load_one(f"Tariff talks resume\n(US) - Negotiators met in Hanoi on Monday.\n\n{BODY}")
    assert record["agency"] is None
    assert record["text"].startswith("(US) - Negotiators")
