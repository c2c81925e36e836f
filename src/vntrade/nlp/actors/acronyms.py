"""Short names an article defines or implies for an organisation it names: an acronym in
brackets after the name (`... Council (USABC)`, `Vietnam Cashew Association (Vinacas)`), and
the subject word of a department (`Commerce said` after `the Department of Commerce`)."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from typing import TYPE_CHECKING, Protocol

from vntrade.nlp.actors.words import is_name_word

if TYPE_CHECKING:
    from spacy.tokens import Doc

# `Department of Commerce`, `Commerce Department`: the word a wire writes alone for it.
_DEPARTMENT = re.compile(
    r"(?:\bDepartment of (?P<of>[A-Z][a-z]+)|\b(?P<head>[A-Z][a-z]+) Department)$"
)
_SUBJECTS = ("nsubj", "nsubjpass")


class Named(Protocol):
    """An actor mention: token offsets, type and canonical name."""

    start: int
    end: int
    type: str
    name: str


def acronym_after(doc: Doc, end: int, initial: str = "") -> str | None:
    """The acronym defined right after a name: `... Council (USABC)` → `USABC`; one written
    as a word (`Vietnam Cashew Association (Vinacas)`) must start with the name's `initial`
    and be no place."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1].text
        if len(word) >= 2 and sum(c.isupper() for c in word) >= 2 and word.isalnum():
            return word
        if (
            initial
            and 4 <= len(word) <= 12
            and word.isalpha()
            and word[0] == initial.upper()
            and word[1:].islower()
            and doc[end + 1].ent_type_ not in _PLACE_ENTITIES
        ):
            return word
    return None


_PLACE_ENTITIES = ("GPE", "LOC", "NORP", "FAC", "DATE")


def acronym_after_place(doc: Doc, end: int, initial: str) -> str | None:
    """The acronym of a name that goes on with its place: `the Garment Manufacturers
    Association in Cambodia (GMAC)`, `... Association of Ho Chi Minh City (HAWA)`."""
    if end >= len(doc) or doc[end].lower_ not in ("in", "of"):
        return None
    stop = end + 1
    while stop < len(doc) and stop - end <= 4 and is_name_word(doc[stop].text):
        stop += 1
    if stop == end + 1:
        return None
    acronym = acronym_after(doc, stop, initial)
    if acronym is None or all(doc[i].ent_type_ in ("GPE", "LOC") for i in range(end + 1, stop)):
        return acronym
    # a place the model did not tag (`of Ho Chi Minh City (HAWA)`): the acronym's capitals
    # must open with the name's own initial
    return acronym if acronym.isupper() and acronym[0] == initial.upper() else None


def defined_acronyms(doc: Doc, found: Iterable[Named]) -> dict[str, str]:
    """Each acronym defined after an organisation's name → that name (the first)."""
    acronyms: dict[str, str] = {}
    for item in found:
        if item.type != "ORG":
            continue
        initial = item.name[:1]
        acronym = acronym_after(doc, item.end, initial) or acronym_after_place(
            doc, item.end, initial
        )
        if acronym:
            acronyms.setdefault(acronym, item.name)
    return acronyms


def department_words(found: Iterable[Named]) -> dict[str, str]:
    """`Commerce` → `US Department of Commerce` for each department the article names."""
    words: dict[str, str] = {}
    for item in found:
        match = _DEPARTMENT.search(item.name) if item.type == "ORG" else None
        if match:
            words.setdefault(match["of"] or match["head"], item.name)
    return words


def department_subject(doc: Doc, i: int) -> bool:
    """Whether the word at `i` stands alone as a subject (`Commerce also launched ...`),
    not as part of another name (`the Commerce Ministry`)."""
    following = doc[i + 1] if i + 1 < len(doc) else None
    return (
        doc[i].dep_ in _SUBJECTS
        and (i == 0 or not doc[i - 1].text[:1].isupper() or doc[i - 1].is_sent_start)
        and (following is None or not following.text[:1].isupper())
    )


def name_by_listed_acronym(doc: Doc, found: list[Named], listed: Container[str]) -> None:
    """`Việt Nam Seafood Exporters Association (VASEP)`: a name written another way than
    `listed` is the listed organisation its acronym stands for (renamed in place)."""
    listed_at = {
        f.start: f.name
        for f in found
        if f.end - f.start == 1 and f.type == "ORG" and f.name in listed
    }
    renamed: dict[str, str] = {}
    for item in found:
        unlisted = item.type == "ORG" and item.name not in listed
        if unlisted and item.end + 1 in listed_at and acronym_after(doc, item.end):
            renamed[item.name] = listed_at[item.end + 1]
    for item in found:
        item.name = renamed.get(item.name, item.name)
