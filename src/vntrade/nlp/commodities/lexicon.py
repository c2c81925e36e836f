"""The word lists behind the goods patterns (`data/commodities/lexicon.jsonl`): head nouns,
trade words and the normal form of a word."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources

LEXICON_FILE = "lexicon.jsonl"
_IRREGULAR = {
    "potatoes": "potato",
    "tomatoes": "tomato",
    "mangoes": "mango",
    "buses": "bus",
    "gases": "gas",
    "knives": "knife",
    "leaves": "leaf",
    "series": "series",
    "species": "species",
    "news": "news",
    "people": "people",
    "men": "man",
    "women": "woman",
}


@functools.lru_cache(maxsize=200_000)
def normal_form(word: str) -> str:
    """Lower-case singular of a word by suffix rules (the model's lemmatizer is not run).

    Words ending in -ics stay whole, so `electronics` never meets the adjective `electronic`.
    """
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1].lower()  # `PCs`, `EVs`, `SUVs`
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ics", "'s")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    return w[:-1]


def phrase_key(text: str) -> str:
    """The normal form of a phrase written in a word list: each word singular, lower-case."""
    return " ".join(normal_form(word) for word in text.split())


@dataclass(frozen=True)
class Lexicon:
    """The word lists of the general patterns, as normal forms."""

    list_trigger: frozenset[str]
    of_trigger: frozenset[str]
    on_trigger: frozenset[str]
    verb_trigger: frozenset[str]
    flow: frozenset[str]
    hypernym: frozenset[str]
    abstract: frozenset[str]
    generic_modifier: frozenset[str]
    unit: frozenset[str]
    trade_head: frozenset[str]
    open_head: frozenset[str]
    for_trigger: frozenset[str] = frozenset()
    head_category: dict[str, str] = field(default_factory=dict)


def shipped_lexicon() -> str:
    """The shipped word lists, as JSONL text."""
    folder = resources.files("vntrade.nlp").joinpath("data", "commodities")
    return folder.joinpath(LEXICON_FILE).read_text("utf-8")


def load_lexicon(text: str) -> Lexicon:
    """Read word lists from JSONL `text` (a fresh object per call: instances never share state)."""
    roles: dict[str, set[str]] = {}
    categories: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        words = {phrase_key(word) for word in record["words"]}
        if record["role"] == "head_category":
            categories.update(dict.fromkeys(words, record["category"]))
        else:
            roles.setdefault(record["role"], set()).update(words)
    sets = {role: frozenset(words) for role, words in roles.items()}
    return Lexicon(**sets, head_category=categories)
