"""Where a person's name starts and ends: full Vietnamese names the model missed or
mis-bounded, and the model's PERSON spans without titles, possessives or punctuation, with
the parts a hyphen joins (`Kim Jung-kwan`) and a generational suffix (`Marcos Jr.`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from vntrade.nlp.actors.rules import (
    ADMINISTRATIVE_WORDS,
    CALENDAR_WORDS,
    DETERMINERS,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_HEADS,
    SUFFIXES,
    TITLE_WORDS,
    VIETNAMESE_SURNAMES,
    title_after,
)
from vntrade.nlp.actors.words import is_name_word, name_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Named(Protocol):
    """A name's token offsets."""

    start: int
    end: int


N = TypeVar("N", bound=Named)


def _name_token(keys: Sequence[str], name_word: Sequence[bool], i: int) -> bool:
    k = keys[i]
    return (
        name_word[i]
        and k not in TITLE_WORDS
        and k not in ORG_HEADS
        and k not in PLACE_HEADS
        and k not in CALENDAR_WORDS
    )


def vietnamese_names(
    doc: Doc,
    keys: Sequence[str],
    free: Sequence[bool],
    title_ends: set[int],
    vetoed: set[str],
) -> list[tuple[int, int]]:
    """Full Vietnamese names the model missed or mis-bounded (`Phạm Minh` + `Chính`);
    `vetoed` holds names (folded words) that are places or bodies, not people."""
    flags = name_words(doc)
    found: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    for start in [i for i, flag in enumerate(flags) if flag]:  # a run starts at a name word
        if start < i or not (free[start] and _name_token(keys, flags, start)):
            continue
        end = start
        while end < n and free[end] and _name_token(keys, flags, end):
            end += 1
        # Vietnamese names join no parts by hyphens: `Kim Jung-kwan` is the model's to bound
        span = (
            None
            if end < n and _joined_part(doc, end)
            else _name_in_run(doc, keys, start, end, title_ends, vetoed)
        )
        if span:
            found.append(span)
        i = end
    return found


def _name_in_run(
    doc: Doc, keys: Sequence[str], start: int, end: int, title_ends: set[int], vetoed: set[str]
) -> tuple[int, int] | None:
    """The name at the end of a run of capitalised words, from a family name on; two words
    need a title (before, or after a comma) or the model's support (`Ha Noi` is a city,
    `Thai Binh` a province)."""
    for first in range(start, end - 1):
        length = end - first
        if keys[first] not in VIETNAMESE_SURNAMES or length > 4 or _named_earlier(doc, first):
            continue
        if " ".join(keys[first:end]) in vetoed:
            return None
        if any(
            k in ADMINISTRATIVE_WORDS or k in ORG_HEADS or k == "people" for k in keys[first:end]
        ):
            return None  # "Binh Duong Provincial People's Committee": a body, not a person
        if end < len(doc) and (keys[end] in PLACE_HEADS or keys[end] in ORG_HEADS):
            return None  # Ho Chi Minh City, Hoang Anh Gia Lai Group
        titled = (
            first in title_ends
            or (first > 0 and keys[first - 1] in TITLE_WORDS)
            or title_after(doc, keys, end) is not None  # `Nguyễn Liêm, chairman of ...`
        )
        person_tagged = any(doc[i].ent_type_ == "PERSON" for i in range(first, end))
        other_entity = doc[first].ent_iob_ == "B" and doc[first].ent_type_ != "PERSON"
        if titled or person_tagged or (length >= 3 and not other_entity):
            return first, end
        return None
    return None


def _named_earlier(doc: Doc, first: int) -> bool:
    """Whether the model's person name takes in a name word before a family name (`Gan`
    Kim Yong, Singapore's minister): the name is the model's, not a Vietnamese one."""
    begin = first
    while begin > 0 and doc[begin].ent_iob_ == "I" and doc[begin].ent_type_ == "PERSON":
        begin -= 1
    before = doc[begin:first]
    return bool(len(before)) and all(
        is_name_word(t.text) and t.lower_ not in TITLE_WORDS for t in before
    )


def person_bounds(
    doc: Doc, keys: Sequence[str], start: int, end: int, title_ends: dict[int, tuple]
) -> tuple[int, int] | None:
    """A model PERSON span without titles or possessives, or None if it is not a name."""
    while start < end and (keys[start] in TITLE_WORDS or keys[start] in DETERMINERS):
        start += 1
    for title_end in range(end, start, -1):
        if title_end in title_ends and title_ends[title_end][0] <= start:
            start = title_end  # the model took a title into the name (`Minister Dien`)
            break
    while end > start and not doc[end - 1].text[:1].isalnum():
        end -= 1
    while end > start and keys[end - 1] in ("'s", "'"):
        end -= 1
    words = [t.text for t in doc[start:end]]
    if not words or not is_name_word(words[0]):
        return None
    if not (is_name_word(words[-1]) or _joined_part(doc, end - 1) or keys[end - 1] in SUFFIXES):
        return None
    if not all(
        is_name_word(w) or w.lower() in NAME_PARTICLES or _joined_part(doc, start + n)
        for n, w in enumerate(words[:-1])
    ):
        return None
    if any(keys[i] in CALENDAR_WORDS or keys[i] in ORG_HEADS for i in range(start, end)):
        return None
    return start, end


def _joined_part(doc: Doc, i: int) -> bool:
    """A hyphen inside a given name and the part after it, which the tokenizer splits off:
    `Kim Jung-kwan`, `Koo Yun-cheol`, `Jean-Pierre` (no space on either side)."""
    if doc[i].text == "-":
        return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
        and doc[i].text.isalpha()
    )


def short_form_at(doc: Doc, keys: Sequence[str], name: Span | Named) -> int:
    """The word a full name is later written by alone: the family name, last in `Ferdinand
    Marcos Jr.` (a generational suffix aside) and first in `Kim Jung-kwan` (a hyphened
    given name comes after the family name)."""
    last = name.end - 1
    if keys[last] in SUFFIXES:
        return last - 1
    if name.end - name.start > 2 and doc[name.end - 2].text == "-" and _joined_part(doc, last):
        return name.start
    return last


def short_form_index(doc: Doc, keys: Sequence[str], people: Sequence[N]) -> dict[str, list[N]]:
    """Full names by the word each is later written by alone (`short_form_at`); a name's
    first word too when no name is written by it and it is no Vietnamese family name
    (`Airlangga` for `Airlangga Hartarto`, `Prabowo` for `Prabowo Subianto`)."""
    index: dict[str, list[N]] = {}
    for person in people:
        index.setdefault(keys[short_form_at(doc, keys, person)], []).append(person)
    first_words: dict[str, list[N]] = {}
    for person in people:
        first = keys[person.start]
        if first not in index and first not in VIETNAMESE_SURNAMES | TITLE_WORDS:
            first_words.setdefault(first, []).append(person)
    return {**index, **first_words}


# Malaysian and Bruneian honorifics, written before a name and no part of it: "Tengku Datuk
# Seri Zafrul Abdul Aziz" is Tengku Zafrul Abdul Aziz, "Tan Sri Muhyiddin" Muhyiddin.
_CONFERRED = frozenset({"datuk", "dato", "dato'", "datin", "tun", "toh"})
_AFTER_CONFERRED = frozenset({"seri", "sri", "puan", "utama"})


def _honorific_at(keys: Sequence[str], i: int) -> bool:
    if keys[i] in _CONFERRED or (keys[i] == "tan" and i + 1 < len(keys) and keys[i + 1] == "sri"):
        return True
    return keys[i] in _AFTER_CONFERRED and i > 0 and (keys[i - 1] in _CONFERRED | {"tan"})


def honorifics_joined(
    entities: list[tuple[int, int, str]], keys: Sequence[str]
) -> list[tuple[int, int, str]]:
    """The model's entities with two people split at an honorific made one ("Tengku Datuk"
    + "Seri Zafrul Abdul Aziz")."""
    joined: list[tuple[int, int, str]] = []
    for start, end, label in entities:
        after = bool(joined) and joined[-1][2] == label == "PERSON" and joined[-1][1] == start
        if after and (_honorific_at(keys, start) or _honorific_at(keys, start - 1)):
            joined[-1] = (joined[-1][0], end, label)
            continue
        joined.append((start, end, label))
    return joined


def without_honorifics(doc: Doc, keys: Sequence[str], start: int, end: int) -> str | None:
    """A person's name without the honorifics inside it, or None when it has none."""
    kept = [doc[i].text for i in range(start, end) if not _honorific_at(keys, i)]
    if len(kept) == end - start or not kept:
        return None
    return " ".join(kept)
