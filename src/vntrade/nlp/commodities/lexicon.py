"""The commodity component's data: gazetteer entries (`data/commodities/gazetteer.jsonl`,
plus a user's), the word lists behind the goods patterns (`lexicon.jsonl`: head nouns, trade
words) and the normal form of a word."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vntrade.errors import DataFileError
from vntrade.nlp import jsonl
from vntrade.nlp.jsonl import JsonlError, Records, Tables, read_table
from vntrade.nlp.per_doc import WordValues, doc_words, per_doc

if TYPE_CHECKING:  # the events' rules use `normal_form` without spaCy
    from spacy.tokens import Doc

GAZETTEER_FILE = "gazetteer.jsonl"
LEXICON_FILE = "lexicon.jsonl"
USER_FILE = "user_commodities.jsonl"  # a user's goods (`--commodities FILE`), kept apart
DEFAULT_CATEGORY = "other"
ENTRY_EXAMPLE = '{"name": "durian", "category": "agriculture", "aliases": ["durians"]}'
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


@dataclass(slots=True)
class Entry:
    """A gazetteer entry: canonical name, category, aliases and optional token patterns."""

    name: str
    category: str | None = None  # None: not given (a user entry that only adds aliases)
    aliases: list[str] = field(default_factory=list)
    patterns: list[list[dict[str, Any]]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.category or DEFAULT_CATEGORY

    def to_dict(self) -> dict[str, Any]:
        record = {"name": self.name, "category": self.category, "aliases": list(self.aliases)}
        if self.patterns:
            record["patterns"] = list(self.patterns)
        return record


def parse_entries(records: Records) -> list[Entry]:
    """Gazetteer entries; a malformed one is a `DataFileError` naming its file and line."""
    entries = []
    for where, record in records:
        try:
            entries.append(_entry(record))
        except (TypeError, ValueError) as error:
            raise _entry_error(where, str(error)) from None
    return entries


def _entry_error(where: str, problem: str) -> DataFileError:
    return DataFileError(
        f"{where}: not a commodity entry ({problem}). Each line must be a "
        f"JSON object like {ENTRY_EXAMPLE}"
    )


def _entry(record: Any) -> Entry:
    if not isinstance(record, dict):
        raise TypeError("expected a JSON object")
    name, category = record.get("name"), record.get("category")
    aliases, patterns = record.get("aliases") or [], record.get("patterns") or []
    if not isinstance(name, str) or not name.strip():
        raise ValueError('"name" must be a non-empty string')
    if category is not None and (not isinstance(category, str) or not category.strip()):
        raise ValueError('"category" must be a non-empty string')
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ValueError('"aliases" must be a list of non-empty strings')
    if not isinstance(patterns, list) or not all(isinstance(p, list) and p for p in patterns):
        raise ValueError('"patterns" must be a list of spaCy token patterns')
    category = category.strip() if category else None
    return Entry(name.strip(), category, [a.strip() for a in aliases], patterns)


def shipped_tables() -> Tables:
    """The shipped gazetteer and word lists, by file name."""
    return jsonl.shipped_tables("commodities", (GAZETTEER_FILE, LEXICON_FILE))


def user_records(path: str | Path) -> Records:
    """The lines of a user's file given with `--commodities`."""
    try:
        return read_table(Path(path), str(path))
    except JsonlError as error:
        raise _entry_error(error.where, error.detail) from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(
            f"{path}: cannot read commodities file ({error}); give a UTF-8 JSONL file"
        ) from None


def merge_entries(base: list[Entry], extra: list[Entry]) -> list[Entry]:
    """Add `extra` to `base`: same name (any case) adds aliases and overrides the category."""
    merged = {entry.name.lower(): Entry(**entry.to_dict()) for entry in base}
    for entry in extra:
        known = merged.get(entry.name.lower())
        if known is None:
            merged[entry.name.lower()] = Entry(**entry.to_dict())
            continue
        known.category = entry.category or known.category
        known.aliases += [a for a in entry.aliases if a not in known.aliases]
        known.patterns += entry.patterns
    return list(merged.values())


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


_NORMAL_FORMS = WordValues(normal_form)


@per_doc
def doc_normal_forms(doc: Doc) -> list[str]:
    """`normal_form` of each token's text (not to be changed: it is kept for the Doc)."""
    return _NORMAL_FORMS(doc_words(doc))


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


def load_lexicon(records: Iterable[tuple[str, dict]]) -> Lexicon:
    """The word lists of `records` (a fresh object per call: instances never share state)."""
    roles: dict[str, set[str]] = {}
    categories: dict[str, str] = {}
    for _, record in records:
        words = {phrase_key(word) for word in record["words"]}
        if record["role"] == "head_category":
            categories.update(dict.fromkeys(words, record["category"]))
        else:
            roles.setdefault(record["role"], set()).update(words)
    sets = {role: frozenset(words) for role, words in roles.items()}
    return Lexicon(**sets, head_category=categories)
