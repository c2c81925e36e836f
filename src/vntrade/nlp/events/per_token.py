"""Values of a parsed `Doc`'s words worked out once, for rules that read the same words
again and again: a function's value by token number (a noun's kind, a phrase's words), and
each token's part of speech read from the doc's array (no `Token` per word). The parse is
done when the events component runs, so these values cannot change."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from weakref import WeakKeyDictionary

from vntrade.nlp.per_doc import per_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

T = TypeVar("T")


def once_per_token(function: Callable[[Token], T]) -> Callable[[Token], T]:
    """`function(token)` worked out once per token of a `Doc` (the entries go with their
    `Doc`). Only for what reads nothing but the parse; a list it gives is shared, not to
    be changed."""
    known: WeakKeyDictionary[Doc, dict[int, T]] = WeakKeyDictionary()

    @functools.wraps(function)
    def once(token: Token) -> T:
        doc = token.doc
        values = known.get(doc)
        if values is None:
            values = known[doc] = {}
        i = token.i
        if i not in values:
            values[i] = function(token)
        return values[i]

    return once


@per_doc
def parts_of_speech(doc: Doc) -> list[str]:
    """Each token's `pos_`, read from the doc's array."""
    from spacy.attrs import POS  # here: the views use the rules without spaCy
    from spacy.parts_of_speech import NAMES

    return [NAMES[pos] for pos in doc.to_array(POS).tolist()]
