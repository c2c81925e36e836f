"""Nationality words and the countries they stand for ("Vietnamese negotiators" are
Vietnam's, "American officials" the United States')."""

from __future__ import annotations

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
}
# Nouns of people or groups that act for their nationality: "Vietnamese negotiators",
# "the U.S. delegation", "American businesses".
GROUP_NOUNS = frozenset(
    {"negotiator", "negotiators", "official", "officials", "delegation", "delegations"}
    | {"team", "teams", "side", "leader", "leaders", "authorities", "government", "source"}
    | {"businesses", "firms", "companies", "exporters", "importers", "producers", "diplomats"}
    | {"lawmakers", "counterparts", "representatives", "envoy", "envoys", "administration"}
)


def country_of(word: str) -> str | None:
    """The country a nationality adjective names, if it is one."""
    return NATIONALITIES.get(word.lower())
