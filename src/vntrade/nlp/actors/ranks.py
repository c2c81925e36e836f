"""Titles read off the text against the listed roles: the rank word before a title
(`Deputy` Governor) and how a title in the text fits a person's listed roles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vntrade.nlp.actors.phrases import key

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words before a title that make it another, lower office.
RANKS = frozenset({"deputy", "vice", "acting"})


def with_rank(
    doc: Doc, keys: Sequence[str], titles: dict[int, tuple[int, str]]
) -> dict[int, tuple[int, str]]:
    """Titles with the rank word before them: `Deputy` + `Governor of the State Bank of
    Vietnam` is a deputy governor, not the governor."""
    ranked = {}
    for end, (start, role) in titles.items():
        rank = doc[start - 1].text if start else ""
        if key(rank) in RANKS and not key(role).startswith(key(rank)):
            start, role = start - 1, f"{rank.capitalize()} {role}"
        ranked[end] = (start, role)
    return ranked


def role_fits(role: str, listed: set[str]) -> bool:
    """Whether a title names one of the listed roles, fully or in short: `President` for
    `US President`, `Deputy Minister` for `Deputy Minister of Industry and Trade`."""
    words = set(role.split())
    return any(role == r or role.endswith(r) or words <= set(r.split()) for r in listed)


def reconcile(text_role: str | None, listed: list[str]) -> str | None:
    """The text's title in its listed form (`President` → `US President`), else the list's."""
    if text_role is None:
        return listed[0] if listed else None
    folded = key(text_role)
    for role in listed:
        if role_fits(folded, {key(role)}):
            return role
    return text_role
