"""One generated report as the labelled corpus gives it (`LabelledArticle`): its text pieces
with what each names, and the extraction record `vntrade extract` would print for it."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from vntrade.corpus.dates import dateline
from vntrade.corpus.templates import CATEGORIES
from vntrade.events.text import sentence_spans
from vntrade.nlp.events.finder import find_events


@dataclass(frozen=True, slots=True)
class CastMember:
    """Someone a generated report names: a person or an organisation."""

    name: str
    type: str  # PERSON or ORG
    role: str | None


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    """One report of one event: its text pieces with what each names, and its label."""

    id: str
    event: str
    published: date
    agency: str
    dateline: str
    title: str
    # (text, None | CastMember | ("good", name) | ("date", value, kind, timex type))
    pieces: tuple[tuple[str, Any], ...]
    lookalike_of: str | None = None  # the event this one's event resembles
    dated: bool = True  # False: the page gives no publication date

    @property
    def body(self) -> str:
        return "".join(text for text, _ in self.pieces)

    @property
    def text(self) -> str:
        """The raw article as an outlet prints it: title, dateline and body."""
        return f"{self.title}\n{dateline(self.agency, self.dateline, self.published)}{self.body}"

    def record(self) -> dict[str, Any]:
        """The extraction record of this article, with the event label under "event"."""
        return labelled_record(self)


def labelled_record(article: LabelledArticle) -> dict[str, Any]:
    """The extraction record of a generated article, with exact offsets (no spaCy)."""
    text = article.body
    actors: dict[str, dict[str, Any]] = {}
    goods: dict[str, dict[str, Any]] = {}
    dates: list[dict[str, Any]] = []
    position = 0
    for piece, what in article.pieces:
        start, end = position, position + len(piece)
        position = end
        mention = {"text": piece, "start": start, "end": end}
        if isinstance(what, CastMember):
            entry = actors.setdefault(
                what.name,
                {"name": what.name, "type": what.type, "role": what.role, "aliases": []},
            )
            entry.setdefault("mentions", []).append(mention)
            if piece != what.name and piece not in entry["aliases"]:
                entry["aliases"].append(piece)
        elif isinstance(what, tuple) and what[0] == "good":
            entry = goods.setdefault(
                what[1], {"name": what[1], "category": CATEGORIES.get(what[1], "goods")}
            )
            entry.setdefault("mentions", []).append(mention)
        elif isinstance(what, tuple) and what[0] == "date":
            _tag, value, kind, timex = what
            dates.append(
                {**mention, "value": value, "kind": kind, "timex_type": timex, "deadline": False}
            )
    published = article.published.isoformat() if article.dated else None
    record = {
        "id": article.id,
        "source": f"{article.id}.txt",
        "title": article.title,
        "published": published,
        "agency": article.agency,
        "dateline": article.dateline,
        "text": text,
        "words": len(text.split()),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "url": None,
        # Wire datelines carry the day: "HANOI, April 29 (Reuters) - ".
        "dateline_date": (
            f"XXXX-{article.published.month:02d}-{article.published.day:02d}"
            if article.agency in ("Reuters", "Xinhua")
            else None
        ),
        "published_inferred": False,
        "reference_date": published,
        "actors": list(actors.values()),
        "dates": [
            {k: d[k] for k in ("text", "value", "kind", "start", "end", "timex_type", "deadline")}
            for d in dates
        ],
        "commodities": list(goods.values()),
        "directives": [],
        "figures": [],  # the generator writes no figures
        "statements": [],
        "event": article.event,
    }
    # The events component's rules, over punctuation sentences (there is no parse here).
    found = find_events(record, sentence_spans(text), {})
    record["events"] = [asdict(event) for event in found]
    return record
