"""Synthetic test corpora in the styles of the seed articles (VNA, VOV, VNS, VLLF).

`make_corpus(n, seed)` yields `GeneratedArticle`s built from templates with varied dates,
people (names with and without diacritics), goods and directives; the same seed always
gives the same corpus. Used by the tests and the benchmark; `scripts/make_corpus.py` is
its command line.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# (plain name, name with diacritics, title)
VIETNAMESE = [
    ("Pham Minh Chinh", "Phạm Minh Chính", "Prime Minister"),
    ("Ho Duc Phoc", "Hồ Đức Phớc", "Deputy Prime Minister"),
    ("Bui Thanh Son", "Bùi Thanh Sơn", "Deputy Prime Minister and Foreign Minister"),
    ("Nguyen Hong Dien", "Nguyễn Hồng Diên", "Minister of Industry and Trade"),
    ("Nguyen Van Thang", "Nguyễn Văn Thắng", "Minister of Finance"),
    ("Nguyen Hoang Long", "Nguyễn Hoàng Long", "Deputy Minister of Industry and Trade"),
    ("Pham Thu Hang", "Phạm Thu Hằng", "foreign ministry spokesperson"),
    ("Do Hung Viet", "Đỗ Hùng Việt", "Deputy Foreign Minister"),
    ("Nguyen Quoc Dung", "Nguyễn Quốc Dũng", "Ambassador to the US"),
    ("Tran Luu Quang", "Trần Lưu Quang", "Deputy Prime Minister"),
]
AMERICANS = [
    ("Jamieson Greer", "US Trade Representative"),
    ("Howard Lutnick", "US Secretary of Commerce"),
    ("Scott Bessent", "US Treasury Secretary"),
    ("Marc Knapper", "US Ambassador to Vietnam"),
    ("Brooke Rollins", "US Secretary of Agriculture"),
]
GOODS = [
    "LNG", "aircraft", "pharmaceuticals", "medical supplies", "soybeans", "corn", "cotton",
    "wheat", "ethanol", "beef", "pork", "poultry", "dairy products", "wood products",
    "seafood", "shrimp", "textiles", "garments", "footwear", "electronics", "steel",
    "aluminium", "semiconductors", "machinery", "farm produce", "tree nuts", "crude oil",
]  # fmt: skip
ADDRESSEES = [
    "ministries and agencies", "the Ministry of Industry and Trade", "the Ministry of Finance",
    "the negotiation team", "relevant ministries and sectors", "the State Bank of Vietnam",
    "localities and businesses", "the Ministry of Agriculture and Environment",
]  # fmt: skip
ACTIONS = [
    "sign purchase contracts for US {good} and {good2}",
    "speed up negotiations on a reciprocal trade agreement",
    "review tariff rates on US {good}",
    "tighten controls on the origin of exported {good}",
    "report on the impact of the new tariffs on {good} exports",
    "remove non-tariff barriers facing US {good}",
    "draft a plan to raise imports of US {good}",
    "fight trade fraud and illegal transshipment of {good}",
]
EVENTS = [
    ("chaired a meeting with {addressee} on {when} to review preparations for trade talks "
     "with the US"),
    "held phone talks with {us_title} {us_name} on {when}",
    "received {us_title} {us_name} in Hanoi on {when}",
    "led a delegation to Washington for the {nth} round of negotiations on {when}",
    "attended a working session with {us_title} {us_name} on {when}",
    "met with representatives of the US-ASEAN Business Council on {when}",
]  # fmt: skip
VERBS = ["instructed", "asked", "directed", "urged", "requested", "ordered"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]
COUNTS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
STYLES = ("VNA", "VOV", "VNS", "VLLF")


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """A synthetic article: its file stem, raw text and the publication date it claims."""

    id: str
    text: str
    published: date
    style: str


def make_corpus(n: int, seed: int = 0) -> Iterator[GeneratedArticle]:
    """Yield `n` articles; deterministic for a given `seed`."""
    rng = random.Random(seed)
    for index in range(n):
        style = STYLES[rng.randrange(len(STYLES))]
        published = date(2025, 1, 6) + timedelta(days=rng.randrange(330))
        text = _article(rng, style, published)
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        yield GeneratedArticle(f"{index:05d}_{digest}", text, published, style)


def write_txt(directory: str | Path, n: int, seed: int = 0) -> list[Path]:
    """Write `n` articles as .txt files into `directory`; return their paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in make_corpus(n, seed):
        path = folder / f"{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write `n` articles as one JSONL dump (id, published, agency, text) at `path`."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        for article in make_corpus(n, seed):
            record = {
                "id": article.id,
                "published": article.published.isoformat(),
                "agency": article.style,
                "text": article.text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


def _article(rng: random.Random, style: str, published: date) -> str:
    plain, accented, title = VIETNAMESE[rng.randrange(len(VIETNAMESE))]
    # VNS keeps the diacritics; the others mostly drop them, as the seeds do.
    name = accented if style == "VNS" or rng.random() < 0.3 else plain
    surname = name.split()[-1]
    us_name, us_title = AMERICANS[rng.randrange(len(AMERICANS))]
    goods = rng.sample(GOODS, 4)
    event_day = published - timedelta(days=rng.randrange(0, 6))
    deadline = published + timedelta(days=rng.randrange(10, 90))
    fill = {
        "addressee": rng.choice(ADDRESSEES),
        "us_name": us_name,
        "us_title": us_title,
        "nth": rng.choice(ORDINALS),
        "when": _when(rng, event_day, published),
        "good": goods[0],
        "good2": goods[1],
    }
    event = rng.choice(EVENTS).format(**fill)
    lead = f"{title} {name} {event}."
    if title[0].islower():  # a spokesperson briefs rather than acts
        lead = (
            f"The {title} {name} said on {WEEKDAYS[event_day.weekday()]} that Vietnam is "
            "ready to work with the US on trade issues."
        )
    action = rng.choice(ACTIONS).format(**fill)
    by = rng.choice(
        [
            f"by {MONTHS[deadline.month - 1]} {deadline.day}",
            f"by the end of {MONTHS[deadline.month - 1]}",
            f"before {MONTHS[deadline.month - 1]} {deadline.year}",
            "within this month",
            "as soon as possible",
        ]
    )
    body = [
        lead,
        f"{_pronoun(rng, surname)} {rng.choice(VERBS)} {fill['addressee']} to {action} {by}.",
    ]
    extra = [
        (
            f"Vietnam's exports of {goods[2]} and {goods[3]} to the US reached "
            f"{rng.randrange(2, 40)}.{rng.randrange(10)} billion USD in the first "
            f"{rng.choice(COUNTS)} months of the year, up {rng.randrange(3, 30)} percent "
            "year on year."
        ),
        (
            f"For his part, {us_name} welcomed Vietnam's efforts and said the two sides would "
            f"continue talks on tariffs on {goods[2]} in the coming weeks."
        ),
        (
            f"{surname} stressed that negotiations must be calm, flexible and aimed at "
            "balanced and sustainable trade, in the spirit of the comprehensive strategic "
            "partnership."
        ),
        (
            f"The US announced reciprocal tariffs of {rng.choice([20, 32, 46])} percent on "
            "Vietnamese goods on April 2, then suspended most of them for 90 days to allow "
            "negotiations."
        ),
        (
            f'"Vietnam stands ready to work with the US to address its concerns over '
            f'{goods[1]} and to build a balanced trade relationship," {surname} said.'
        ),
        (
            f"Two-way trade reached {rng.randrange(120, 160)} billion USD in 2024, with "
            f"Vietnam's surplus at {rng.randrange(90, 125)}.{rng.randrange(10)} billion USD, "
            "according to the customs department."
        ),
        (
            f"Vietnamese businesses have signed deals worth {rng.randrange(2, 20)} billion USD "
            f"to buy US {goods[0]} and {goods[3]} since the start of the year."
        ),
        (
            f"The next round of talks is expected in {MONTHS[deadline.month - 1]}, "
            f"{rng.choice(['officials said', 'according to the ministry', 'sources said'])}."
        ),
    ]
    rng.shuffle(extra)
    body += extra[: rng.randrange(3, len(extra) + 1)]
    return _dress(rng, style, published, body, name, title, goods)


def _when(rng: random.Random, day: date, published: date) -> str:
    if day == published and rng.random() < 0.3:
        return "the same day"
    if rng.random() < 0.25:
        return WEEKDAYS[day.weekday()]
    return f"{MONTHS[day.month - 1]} {day.day}"


def _pronoun(rng: random.Random, surname: str) -> str:
    return rng.choice(["He", surname, f"The {rng.choice(['PM', 'minister', 'official'])}"])


def _dress(
    rng: random.Random,
    style: str,
    published: date,
    body: list[str],
    name: str,
    title: str,
    goods: list[str],
) -> str:
    """Add the dateline, title, captions and trailers of each outlet's style."""
    headline = f"Vietnam seeks balanced trade with US on {goods[0]} and {goods[1]}"
    caption = f"{title} {name} at the event"
    if style == "VNA":
        paragraphs = [f"Hanoi (VNA) - {body[0]}", *body[1:]]
        if rng.random() < 0.5:
            paragraphs.insert(1, f"{caption}. (Photo: VNA)")
        return "\n".join([headline, *paragraphs]) + " ./."
    if style == "VOV":
        return "\n".join([headline, f"VOV.VN - {body[0]}", *body[1:]])
    if style == "VNS":
        text = "\n\n".join([f"HÀ NỘI — {body[0]}", *body[1:]])
        return f" date {published.isoformat()} {text} — VNS"
    lead = body[0]
    return (
        "\n".join(["mask", headline, lead, f"{caption}__Photo: VNA", "", lead, *body[1:]])
        + "- (VNA/VLLF)\nback to top"
    )
