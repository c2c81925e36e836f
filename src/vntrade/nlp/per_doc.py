"""Values computed once per `Doc`: spaCy builds `Doc.text` anew from every token at each
access, and the components and their records read the text and the sentences many times per
article."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")


def per_doc(build: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """`build(doc)` at the first call for a `Doc`, the same value after (the entry goes with
    its `Doc`). Only for what cannot change once the parse is done, and not to be mutated."""
    values: WeakKeyDictionary[Doc, T] = WeakKeyDictionary()

    def get(doc: Doc) -> T:
        try:
            return values[doc]
        except KeyError:
            value = values[doc] = build(doc)
            return value

    get.__doc__ = build.__doc__
    get.__name__ = build.__name__
    return get


_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """The text of `doc`, as `doc.text` gives it (retokenizing never changes it)."""
    try:
        return _TEXTS[doc]
    except KeyError:
        text = _TEXTS[doc] = doc.text
        return text


def made_from(doc: Doc, text: str) -> Doc:
    """`doc`, known to be the tokenizer's doc of `text`: its `doc_text` (spaCy's tokenizer
    keeps every character, so `doc.text == text`) without joining its tokens."""
    _TEXTS[doc] = text
    return doc


MAX_KNOWN_WORDS = 100_000  # words a `WordValues` remembers before starting over
_UNKNOWN = object()


class WordValues(Generic[T]):
    """`function(word)` for the words of documents, each word's value computed once: words
    recur, and one dictionary lookup per word is cheaper than a call."""

    def __init__(self, function: Callable[[str], T]) -> None:
        self.function = function
        self.known: dict[str, T] = {}

    def __call__(self, words: list[str]) -> list[T]:
        try:
            return list(map(self.known.__getitem__, words))
        except KeyError:  # a word met for the first time
            if len(self.known) > MAX_KNOWN_WORDS:
                self.known.clear()
        values = []
        for word in words:
            value = self.known.get(word, _UNKNOWN)
            if value is _UNKNOWN:
                value = self.known[word] = self.function(word)
            values.append(value)
        return values


@per_doc
def doc_words(doc: Doc) -> list[str]:
    """The text of each token (`token.text`), read from the doc's array: no `Token` objects."""
    from spacy.attrs import ORTH  # here: the events' phrase naming uses this without spaCy

    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


@per_doc
def sentence_ends(doc: Doc) -> list[int]:
    """For each token, where its sentence ends (`token.sent.end`); without sentence
    boundaries, the end of `doc`. Token offsets only: a value that held a `Span` would keep
    its `Doc` alive."""
    if not doc.has_annotation("SENT_START"):
        return [len(doc)] * len(doc)
    ends: list[int] = []
    for sentence in doc.sents:
        ends += [sentence.end] * len(sentence)
    return ends


@per_doc
def sentence_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of the parser's sentences, as `doc.sents` gives them (and as it fails
    without sentence boundaries)."""
    return [(sentence.start, sentence.end) for sentence in doc.sents]


@per_doc
def doc_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of each of the model's entities, as `doc.ents` gives them."""
    return [(entity.start, entity.end, entity.label_) for entity in doc.ents]
