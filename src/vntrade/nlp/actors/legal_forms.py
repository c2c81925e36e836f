"""A firm's legal form written after its name (`JSC`, `Inc.`, `Joint Stock Corporation`,
`Co., Ltd`), which is no part of the name: word rules on folded keys."""

from __future__ import annotations

from collections.abc import Sequence

# Words of a firm's legal form, not of its name: `JSC`, `Joint Stock Company`, `Co., Ltd`.
LEGAL_FORM_WORDS = frozenset({
    "jsc", "joint", "stock", "company", "corporation", "corp", "corp.", "co", "co.", "inc",
    "inc.", "ltd", "ltd.", "llc", "plc", "limited",
})  # fmt: skip
# The legal forms that say so alone; "Company" or "Corporation" alone may be a name's.
_LEGAL_FORM_MARKS = frozenset(
    {"jsc", "corp", "corp.", "co", "co.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "joint"}
)


def legal_form_end(keys: Sequence[str], end: int) -> int | None:
    """The end of the legal form written right after a firm's name ending at `end` (`JSC`,
    `Inc.`, `Joint Stock Corporation`, `Co., Ltd`), not of a longer name (`Power
    Corporation`); None when there is none."""
    stop, marked = end, False
    while stop < len(keys) and (
        keys[stop] in LEGAL_FORM_WORDS
        or (keys[stop] == "," and stop + 1 < len(keys) and keys[stop + 1] in LEGAL_FORM_WORDS
            and stop > end)
    ):  # fmt: skip
        marked = marked or keys[stop] in _LEGAL_FORM_MARKS
        stop += 1
    return stop if marked else None


def without_legal_form(name: str) -> str:
    """A firm's name without the legal form written after it ("Chrysler LLC" → Chrysler)."""
    words = name.split()
    keys = [w.lower() for w in words]
    for cut in range(1, len(words)):
        if legal_form_end(keys, cut) == len(words):
            return " ".join(words[:cut]).rstrip(",")
    return name
