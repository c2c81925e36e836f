"""A firm's organs stand for the firm: "the PV GAS Board of Directors approved the deal",
"the Board of Directors of Hoa Phat Group", "its Board of Directors" after Vinamilk. The
board or the shareholders' meeting is how the firm decided; an analyst follows the firm."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_ORGAN = re.compile(
    r"^(?:the\s+)?(?:Board\s+of\s+(?:Directors|Management)|(?:Supervisory|Management|"
    r"Executive)\s+Board|General\s+(?:Meeting|Assembly)\s+of\s+Shareholders|"
    r"Shareholders['’]?\s+Meeting)(?:\s+of)?$",
    re.IGNORECASE,
)
# Words of a public body's name: a ministry's board is no firm's.
_PUBLIC = re.compile(r"\b(?:Ministry|Department|Committee|Council|Government|Agency|Office)\b")


class Named(Protocol):
    """An actor mention: token offsets, type and canonical name."""

    start: int
    end: int
    type: str
    name: str


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
        elif after is not None and _firm(after) and (
            after.start == item.end or (item.end < len(of_at) and of_at[item.end]
                                        and after.start == item.end + 1)
        ):  # fmt: skip
            firm = after
        else:
            firm = next((f for f in reversed(found[:index]) if _firm(f)), None)
        if firm is not None:
            item.name = firm.name


def _firm(item: Named) -> bool:
    return item.type == "ORG" and not _ORGAN.match(item.name) and not _PUBLIC.search(item.name)
