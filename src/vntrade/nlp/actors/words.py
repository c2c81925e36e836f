"""Word shapes of names: a capitalised word that can be part of a person's name, a
capitalised word of an organisation's name; per token of a Doc, each word's shape computed
once (words recur)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.per_doc import WordValues, doc_words, per_doc

if TYPE_CHECKING:  # word rules only; the events' phrase naming uses them without spaCy
    from spacy.tokens import Doc


def is_name_word(text: str) -> bool:
    """A capitalised word that can be part of a name (`Phạm`, `O'Neil`, `L.`)."""
    if not text[:1].isupper():
        return False
    if len(text) == 2 and text[1] == ".":
        return True  # an initial
    return text.replace("-", "").replace("'", "").isalpha()


_NAME_WORDS = WordValues(is_name_word)


@per_doc
def name_words(doc: Doc) -> list[bool]:
    """`is_name_word` of each token's text."""
    return _NAME_WORDS(doc_words(doc))


def capitalised(text: str) -> bool:
    """A capitalised word of letters and digits (hyphens and `&` aside): `Vietnam`, `Co-op`."""
    return text[:1].isupper() and text.replace("-", "").replace("&", "").isalnum()


_CAPITALISED = WordValues(capitalised)


@per_doc
def capitalised_words(doc: Doc) -> list[bool]:
    """`capitalised` of each token's text."""
    return _CAPITALISED(doc_words(doc))
