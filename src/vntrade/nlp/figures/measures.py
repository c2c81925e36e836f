"""What a figure measures, from the parse: the noun it modifies or is `of` (`a 46 percent
tariff`, `a trade surplus of US$123 billion`), the subject of a verb of change (`exports rose
20 percent` → exports growth), the thing a value is `worth` (`50 aircraft worth US$10
billion` → value of aircraft), else the nearest cue word of its sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from vntrade.nlp.commodities.lexicon import doc_normal_forms, normal_form
from vntrade.nlp.figures.lexicon import Lexicon

MAX_HOPS = 5  # heads walked up from the figure
WINDOW_BEFORE = 8  # tokens looked at before the figure when the parse says nothing
WINDOW_AFTER = 3
NOMINAL = ("NOUN", "PROPN")


def measures(span: Span, unit: str, sentence: tuple[int, int], lex: Lexicon) -> str | None:
    """The canonical name of what the figure `span` measures, or None when nothing says."""
    percent = unit in ("percent", "percentage point")
    norms = doc_normal_forms(span.doc)  # each word's normal form, for the cue tables
    found = _from_heads(span, sentence, lex, percent, norms)
    if found is None:
        found = _from_window(span, sentence, lex, percent, norms)
    return found


def _from_heads(
    span: Span, sentence: tuple[int, int], lex: Lexicon, percent: bool, norms: list[str]
) -> str | None:
    token, worth = span.root, False
    for _ in range(MAX_HOPS):
        if token.head is token or not _inside(token.head, sentence):
            return None
        level, token = token.lower_ in ("to", "at"), token.head
        if token.i in range(span.start, span.end):
            continue
        norm = norms[token.i]
        if norm in lex.changes and token.pos_ in ("VERB", "AUX", "ADV", "ADP"):
            return _changed(token, lex, percent, level, norms)
        cue = _cue(token.i, lex, percent, norms)
        if cue is not None:
            return cue
        if norm in lex.value_words:
            worth = True
        elif worth and token.pos_ in NOMINAL and token.is_alpha:
            return f"value of {token.text.lower()}"
    return None


def _changed(verb: Token, lex: Lexicon, percent: bool, level: bool, norms: list[str]) -> str | None:
    """`exports rose 20 percent`: the subject's measure and the change (`rose to $1.2bn`:
    the measure itself)."""
    change = lex.changes[normal_form(verb.text)]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            cue = _cue(child.i, lex, percent and level, norms)
            if cue is None or level:
                return cue
            return f"{cue} {change}"
    return None


def _cue(i: int, lex: Lexicon, percent: bool, norms: list[str]) -> str | None:
    """The measure named by token `i` with the words right before it (`trade surplus`)."""
    widest = min(lex.longest_cue, i + 1)
    words = norms[i - widest + 1 : i + 1]
    for width in range(widest, 0, -1):
        key = " ".join(words[len(words) - width :])
        found = lex.cues.get(key)
        if found is not None:
            what, as_percent = found
            return as_percent if percent and as_percent else what
    return None


def _from_window(
    span: Span, sentence: tuple[int, int], lex: Lexicon, percent: bool, norms: list[str]
) -> str | None:
    """The nearest cue word before the figure (then just after it) in its sentence."""
    doc = span.doc
    before = range(span.start - 1, max(span.start - 1 - WINDOW_BEFORE, -1), -1)
    after = range(span.end, min(span.end + WINDOW_AFTER, len(doc)))
    for i in [*before, *after]:
        token = doc[i]
        if not _inside(token, sentence) or token.ent_type_ in ("DATE", "MONEY", "PERCENT"):
            continue
        if token.pos_ in NOMINAL:
            cue = _cue(i, lex, percent, norms)
            if cue is not None:
                return cue
    return None


def _inside(token: Token, sentence: tuple[int, int]) -> bool:
    return sentence[0] <= token.idx < sentence[1]
