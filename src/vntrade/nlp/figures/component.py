"""The `vntrade_figures` component: money amounts, percentages, quantities with a unit and
counts, each with its number, its unit and what it measures.

Money (`US$90.3 billion`, `$1.2bn`, `VND 5 trillion`), percentages (`46%`, `46 per cent`)
and measures (`1.5 million tonnes`, `2,000 containers`) are read from the text with patterns
made of the word lists in `data/figures/units.jsonl`; counts (`50 Boeing aircraft`) from the
parse (a number modifying a plural noun). Dates are never figures. What a figure measures
comes from `measures.py` and the cues of `data/figures/measures.jsonl`. Results go to
`doc.spans["vntrade_figures"]` (see `extensions.py`). The word lists come to `initialize`
through the reader `vntrade.figure_tables.v1` and are saved with the pipeline.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any

from spacy.attrs import DEP
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry

from vntrade.nlp.commodities.lexicon import normal_form
from vntrade.nlp.dates.lexicon import parse_number
from vntrade.nlp.events.component import sentences
from vntrade.nlp.extensions import date_mentions, register_extensions, set_figures
from vntrade.nlp.figures.lexicon import Lexicon, load_lexicon, shipped_tables
from vntrade.nlp.figures.measures import measures
from vntrade.nlp.jsonl import Records, TableData, Tables
from vntrade.nlp.per_doc import doc_text
from vntrade.records import Figure

_NUMMOD = get_string_id("nummod")
MAX_COUNT_WORDS = 4  # from the number to the counted noun: `50 Boeing 787 aircraft`
_NOT_BEFORE_COUNT = frozenset({"the", "both", "these", "those", "its", "their", "our", "his"})


@registry.readers("vntrade.figure_tables.v1")
def read_figure_tables() -> Tables:
    """The shipped units and measure cues, by file name."""
    return shipped_tables()


@Language.factory(
    "vntrade_figures",
    assigns=["doc.spans"],
    requires=["token.tag", "token.pos", "token.dep", "doc.sents"],
    default_config={"max_count_words": MAX_COUNT_WORDS},
)
def make_figures(nlp: Language, name: str, max_count_words: int) -> FigureTagger:
    register_extensions()
    return FigureTagger(nlp, name=name, max_count_words=max_count_words)


class FigureTagger(TableData):
    """Finds figures and says what they measure."""

    read_tables = staticmethod(read_figure_tables)

    def __init__(
        self,
        nlp: Language,
        *,
        name: str = "vntrade_figures",
        max_count_words: int = MAX_COUNT_WORDS,
    ) -> None:
        self.name = name
        self.max_count_words = max_count_words
        self.tables: Tables = {}
        self.lex: Lexicon | None = None

    def set_tables(self, tables: Mapping[str, Records]) -> None:
        """Build the patterns and cue tables from the units and measure cues."""
        self.lex = load_lexicon(tables)
        self.tables = dict(tables)

    def __call__(self, doc: Doc) -> Doc:
        if self.lex is None:
            raise ValueError(f"{self.name}: not initialized (call `initialize` or `from_disk`)")
        spans = sentences(doc)
        starts = [start for start, _ in spans]
        taken = [(d.start, d.end) for d in date_mentions(doc)]
        found = []
        candidates = [*self._written(doc, taken), *self._counts(doc, taken)]
        for start, end, quantity, unit, what in candidates:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            index = bisect.bisect_right(starts, start) - 1
            sentence = spans[index] if index >= 0 else (span.sent.start_char, span.sent.end_char)
            found.append(
                Figure(
                    text=doc_text(doc)[start:end],
                    quantity=quantity,
                    unit=unit,
                    measures=what or measures(span, unit, sentence, self.lex),
                    start=start,
                    end=end,
                    sentence_start=sentence[0],
                    sentence_end=sentence[1],
                )
            )
        set_figures(doc, sorted(found, key=lambda figure: figure.start))
        return doc

    def _written(self, doc: Doc, taken: list[tuple[int, int]]) -> list[tuple]:
        """Money, percentages and measures as the patterns find them in the text."""
        lex, found = self.lex, []
        for pattern in [*lex.money, lex.rate]:
            for match in pattern.finditer(doc_text(doc)):
                if _overlaps(match.span(), taken):
                    continue
                quantity = float(match["num"].replace(",", ""))
                quantity *= lex.scales.get((match["scale"] or "").lower(), 1.0)
                if "cur" in pattern.groupindex:
                    unit = lex.currencies[" ".join(match["cur"].lower().split())]
                else:
                    unit = lex.units[" ".join(match["unit"].lower().split())][0]
                taken.append(match.span())
                found.append((*match.span(), quantity, unit, None))
        return found

    def _counts(self, doc: Doc, taken: list[tuple[int, int]]) -> list[tuple]:
        """`50 Boeing aircraft`, `three rounds`: a number modifying a plural noun, which says what
        it measures (`number of aircraft`)."""
        lex, found = self.lex, []
        # Only a number modifier counts: found by the DEP column, a Token for it alone.
        deps = doc.to_array(DEP).tolist()
        for token in [doc[i] for i, dep in enumerate(deps) if dep == _NUMMOD]:
            head = token.head
            if not 0 < head.i - token.i <= self.max_count_words:
                continue
            if not (token.like_num or token.lower_ in lex.count_words) or head.pos_ != "NOUN":
                continue
            unit = normal_form(head.text)
            plural = head.tag_ == "NNS" or head.lower_ in lex.invariant
            if unit in lex.not_counted or not plural or not head.is_alpha:
                continue
            first = token.i
            while first > 0 and doc[first - 1].like_num and doc[first - 1].head.i == token.i:
                first -= 1  # `1.5 million people`
            before = doc[first - 1] if first else None
            if before is not None and (before.lower_ in _NOT_BEFORE_COUNT or before.tag_ == "POS"):
                continue  # `the two countries`: a reference, not a count
            quantity = _count_value(doc[first : token.i + 1], lex)
            start, end = doc[first].idx, head.idx + len(head)
            if quantity is None or quantity < 2 or _overlaps((start, end), taken):
                continue
            taken.append((start, end))
            found.append((start, end, quantity, unit, f"number of {head.lower_}"))
        return found


def _count_value(words: Any, lex: Lexicon) -> float | None:
    """The number of `1.5 million`, `2,000`, `three`, `a dozen`; None for a year (`2025`)."""
    total: float | None = None
    for token in words:
        text = token.lower_
        if text == "dozen":
            value = 12.0
        elif text in lex.scales and total is not None:
            total *= lex.scales[text]
            continue
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text):
            value = float(text.replace(",", ""))
            if len(words) == 1 and 1900 <= value <= 2100 and "." not in text:
                return None  # a year
        else:
            value = parse_number(text)
            if value is None:
                return None
        total = value if total is None else total * value
    return total


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)
