"""A firm's organs stand for the firm: "the PV GAS Board of Directors approved the deal",
"the Board of Directors of Hoa Phat Group", "its Board of Directors" after Vinamilk. The
board or the shareholders' meeting is how the firm decided; an analyst follows the firm.
A firm's national arm is a firm of its own: "Samsung Electronics Vietnam", "Sailun
Vietnam"."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from vntrade.nlp.actors.acronyms import Named
from vntrade.nlp.actors.words import is_name_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ORGAN = re.compile(
    r"^(?:the\s+)?(?:Board\s+of\s+(?:Directors|Management)|(?:Supervisory|Management|"
    r"Executive)\s+Board|General\s+(?:Meeting|Assembly)\s+of\s+Shareholders|"
    r"Shareholders['’]?\s+Meeting)(?:\s+of)?$",
    re.IGNORECASE,
)
# Words of a public body's name: a ministry's board is no firm's.
_PUBLIC = re.compile(r"\b(?:Ministry|Department|Committee|Council|Government|Agency|Office)\b")


def name_organs_by_firm(found: Sequence[Named], of_at: Sequence[bool]) -> None:
    """Rename each organ in `found` (sorted by start) after its firm, in place: the firm
    named just before it, or just after it with "of" (`of_at[i]`: token i is "of"), else
    the latest firm named before it; an organ with no firm named keeps its name."""
    for index, item in enumerate(found):
        if item.type != "ORG" or not _ORGAN.match(item.name):
            continue
        before = found[index - 1] if index else None
        after = found[index + 1] if index + 1 < len(found) else None
        firm = None
        if before is not None and before.end == item.start and _firm(before):
            firm = before
        elif after is not None and _firm(after) and _right_after(item, after, of_at):
            firm = after
        else:
            firm = next((f for f in reversed(found[:index]) if _firm(f)), None)
        if firm is not None:
            item.name = firm.name


def _right_after(organ: Named, firm: Named, of_at: Sequence[bool]) -> bool:
    """Whether `firm` follows `organ` at once or after "of" (`Board of Directors of X`)."""
    with_of = organ.end < len(of_at) and of_at[organ.end]
    return firm.start == organ.end or (with_of and firm.start == organ.end + 1)


def _firm(item: Named) -> bool:
    return item.type == "ORG" and not _ORGAN.match(item.name) and not _PUBLIC.search(item.name)


# Words before a country that make a region of it, not a firm: `Southern Vietnam`.
_REGIONS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern"}
    | {"western", "upper", "lower", "greater", "coastal", "rural"}
)
_LONGEST_FIRM_WORDS = 4


def subsidiary_spans(
    doc: Doc, keys: Sequence[str], found: Sequence[Named], titles: Collection[str]
) -> list[tuple[int, int]]:
    """A firm's national arm: capitalised name words (or an organisation) written right
    before a country (`Samsung Electronics Vietnam`, `Kumho Tire Vietnam`, `Intel
    Vietnam`): their starts and ends; not a region (`Southern Vietnam`) nor a person or a
    title before the country, nor a country inside a longer name (`S&P Global Vietnam
    Manufacturing PMI`)."""
    by_end = {f.end: f for f in found}
    spans: list[tuple[int, int]] = []
    for country in (f for f in found if f.type == "GPE"):
        start = country.start
        before = by_end.get(start)
        if before is not None and (before.type != "ORG" or not _firm(before)):
            continue
        first = before.start if before is not None else start
        while (
            before is None
            and first > 0
            and start - first < _LONGEST_FIRM_WORDS
            and is_name_word(doc[first - 1].text)
            and doc[first - 1].pos_ == "PROPN"
            and not (first < start and doc[first].is_sent_start)
            and doc[first - 1].ent_type_ not in ("GPE", "PERSON", "NORP", "LOC", "DATE")
            and keys[first - 1] not in titles
            and keys[first - 1] not in _REGIONS
        ):
            first -= 1
        inside = country.end < len(doc) and is_name_word(doc[country.end].text)
        joined = first > 0 and doc[first - 1].text in ("&", "-")  # `S&P Global Vietnam PMI`
        spaced = all(doc[i].whitespace_ for i in range(first, start))
        if first < start and spaced and not inside and not joined:
            spans.append((first, country.end))
    return spans
