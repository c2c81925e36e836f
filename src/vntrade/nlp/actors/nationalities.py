"""Nationality words and the countries they stand for ("Vietnamese negotiators" are
Vietnam's, "American officials" the United States'), capitals that act for their country,
and the places and other names listed in `data/actors/nonactors.jsonl`."""

from __future__ import annotations

import functools
import re

from vntrade.folding import fold
from vntrade.nlp.jsonl import shipped_tables

# Folded adjective -> canonical country name (as in `data/actors/actors.jsonl`).
NATIONALITIES = {
    "vietnamese": "Vietnam",
    "american": "United States",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "South Korea",
    "thai": "Thailand",
    "malaysian": "Malaysia",
    "indonesian": "Indonesia",
    "indian": "India",
    "cambodian": "Cambodia",
    "european": "European Union",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "singaporean": "Singapore",
    "lao": "Laos",
    "laotian": "Laos",
    "australian": "Australia",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "swiss": "Switzerland",
    "taiwanese": "Taiwan",
    "british": "United Kingdom",
    "bangladeshi": "Bangladesh",
}
# Nouns of people or groups that act for their nationality: "Vietnamese negotiators",
# "the U.S. delegation", "American businesses".
GROUP_NOUNS = frozenset(
    {"negotiator", "negotiators", "official", "officials", "delegation", "delegations"}
    | {"team", "teams", "side", "leader", "leaders", "authorities", "government", "source"}
    | {"businesses", "firms", "companies", "exporters", "importers", "producers", "diplomats"}
    | {"lawmakers", "counterparts", "representatives", "envoy", "envoys", "administration"}
)
# Capitals that stand for their country when they act ("Hanoi sent a note to Washington",
# "talks with Beijing"); as a place ("in Hanoi") or a modifier ("Hanoi authorities") they
# do not.
CAPITALS = {
    "hanoi": "Vietnam",
    "ha noi": "Vietnam",
    "washington": "United States",
    "beijing": "China",
    "tokyo": "Japan",
    "seoul": "South Korea",
    "bangkok": "Thailand",
    "kuala lumpur": "Malaysia",
    "jakarta": "Indonesia",
    "new delhi": "India",
    "phnom penh": "Cambodia",
    "brussels": "European Union",
}


def country_of(word: str) -> str | None:
    """The country a nationality adjective names, if it is one."""
    return NATIONALITIES.get(word.lower())


def country_of_capital(name: str) -> str | None:
    """The country a capital's name stands for when it acts ("Hanoi", "Ha Noi")."""
    return CAPITALS.get(" ".join(name.lower().split()))


NONACTORS_FILE = "nonactors.jsonl"


@functools.cache
def _nonactors() -> dict[str, tuple[str, str]]:
    """Folded name -> (listed name, kind) of `nonactors.jsonl` (places, media, ...); a
    spelling listed `same_as` another ("HCMC") gives that one ("Ho Chi Minh City")."""
    [entries] = shipped_tables("actors", [NONACTORS_FILE]).values()
    return {
        _key(e["name"]): (e.get("same_as") or e["name"], e.get("kind", "")) for _where, e in entries
    }


def _key(name: str) -> str:
    return fold(" ".join(name.split())).lower()


def place_name(name: str) -> str | None:
    """The listed spelling of a place (a city or province: "Hai Phong", "Đà Nẵng" → "Da
    Nang"), or None when `name` is not a listed place."""
    listed, kind = _nonactors().get(_key(name), ("", ""))
    return listed if kind == "place" else None


def home_place(name: str) -> str | None:
    """The listed spelling of a place in Vietnam, whose bodies a People's Committee or a
    local department may be (not one abroad: "Washington", "Seoul")."""
    listed = place_name(name)
    return listed if listed and _key(listed) not in _abroad() else None


@functools.cache
def _abroad() -> frozenset[str]:
    [entries] = shipped_tables("actors", [NONACTORS_FILE]).values()
    return frozenset(_key(e["name"]) for _where, e in entries if e.get("abroad"))


def is_media(name: str) -> bool:
    """Whether a name is a listed news outlet ("told CNA", "told The Investor")."""
    return _nonactors().get(_key(name), ("", ""))[1] == "media"


def is_nonactor(name: str) -> bool:
    """Whether a name is listed as no actor (a place, a newspaper, a generic phrase)."""
    return _key(name) in _nonactors()


_LOCAL_BODY = re.compile(
    r"^(?:the\s+)?(?P<place>.+?)\s+(?:(?:provincial|municipal|city|province)\s+)?"
    r"(?P<body>People['’]s\s+(?:Committee|Council))$",
    re.IGNORECASE,
)
_LOCAL_BODY_OF = re.compile(  # "the People's Committee of Binh Duong province"
    r"^(?:the\s+)?(?P<body>People['’]s\s+(?:Committee|Council))\s+of\s+(?P<place>.+?)"
    r"(?:\s+(?:province|city|municipality))?$",
    re.IGNORECASE,
)


# A local department or agency named after its place: "HCMC Department of Industry and Trade".
_PLACE_DEPARTMENT = re.compile(
    r"^(?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}) (?P<body>(?:Department|Customs|Tax)\b.*)$"
)


def local_department_name(name: str) -> str | None:
    """A local department's name with its place spelled as listed ("HCM City Department of
    Industry and Trade" → "Ho Chi Minh City Department of Industry and Trade"), or None."""
    found = _PLACE_DEPARTMENT.match(name)
    listed = found and place_name(found["place"])
    return f"{listed} {found['body']}" if found and listed else None


def local_body_name(name: str) -> str | None:
    """The one name of a city's or province's People's Committee or Council however it is
    written ("the Cần Thơ City People's Committee", "Binh Thuan provincial People's
    Committee", "the People's Committee of Binh Duong province" → "Can Tho People's
    Committee", "Binh Thuan People's Committee", "Binh Duong People's Committee"); the body
    alone when a word stands for its place ("the Provincial People's Committee": People's
    Committee, which the events name after the place); None for other names."""
    found = _LOCAL_BODY.match(name.strip()) or _LOCAL_BODY_OF.match(name.strip())
    if not found:
        return None
    place, body = found["place"], found["body"].replace("’", "'")
    body = "People's " + body.split()[-1].capitalize()
    if place.lower() in ("the", "provincial", "municipal", "city", "the provincial", "the city"):
        return body
    listed = place_name(f"{place} City") or place_name(place)
    return f"{listed or fold(place)} {body}"
