"""The events' per-token values: worked out once per token of a Doc, as the token gives them."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from vntrade.nlp.events.per_token import once_per_token, parts_of_speech


def _doc() -> Doc:
    words = ["Trump", "called", "To", "Lam", "on", "Tuesday", "."]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    return Doc(Vocab(), words=words, pos=pos)


def test_parts_of_speech_are_the_tokens():
    doc = _doc()
    assert parts_of_speech(doc) == [token.pos_ for token in doc]


def test_a_value_is_worked_out_once_per_token_of_each_doc():
    seen: list[int] = []

    @once_per_token
    def upper(token):
        seen.append(token.i)
        return token.text.upper()

    doc, other = _doc(), _doc()
    assert [upper(token) for token in doc] == [token.text.upper() for token in doc]
    assert upper(doc[1]) == upper(doc[1]) == "CALLED"  # a new Token, the same word
    assert upper(other[1]) == "CALLED"
    assert seen == [0, 1, 2, 3, 4, 5, 6, 1]
