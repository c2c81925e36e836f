"""Running the pipeline over article records and collecting extraction records.

The model's networks run over batches of `Doc`s (their cost follows the text's length); the
rule components then run on one article at a time within its time budget, so that an article
that sends a rule into a long loop becomes a failure of its own and the rest goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.budget import Budget
from vntrade.nlp.doc_records import doc_actors, doc_commodities
from vntrade.nlp.events.component import sentences
from vntrade.nlp.per_doc import made_from
from vntrade.nlp.pieces import merge_pieces, piece_article, split_text
from vntrade.nlp.statements.spans import statements
from vntrade.records import ARTICLE_BATCH, Article, Extraction

RULE_PREFIX = "vntrade_"  # our components: rules in Python, run per article within a budget


class Failed(NamedTuple):
    """An article whose rule components raised (or ran out of time): the rest goes on."""

    article: Article
    error: Exception


def extract_articles(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = ARTICLE_BATCH,
    timeout: float | None = None,
) -> Iterator[Extraction | Failed]:
    """Yield one extraction per article, in input order, with `nlp.pipe` batching.

    A very long article is processed as several `Doc`s and merged (see `nlp.pieces`); the
    rule components spend at most `timeout` seconds on one article (None: no limit).
    """
    rules = [(name, proc) for name, proc in nlp.pipeline if name.startswith(RULE_PREFIX)]
    docs = (
        (_make_doc(nlp, piece_article(article, piece)), (article, offset, last))
        for article in articles
        for offset, piece, last in _pieces(article.text)
    )
    networks = nlp.pipe(
        docs, as_tuples=True, batch_size=batch_size, disable=[name for name, _ in rules]
    )
    parts: list[tuple[int, Extraction, int]] = []
    budget, failure = Budget(timeout), None
    for doc, (article, offset, last) in networks:
        if failure is None:
            try:
                with budget.spending():
                    doc = _apply(rules, doc)
                parts.append((offset, doc_to_extraction(doc, article), len(sentences(doc))))
            except Exception as error:  # one article's failure must not stop the others
                failure = Failed(article, error)
        if last:
            yield failure or merge_pieces(article, parts)
            parts, budget, failure = [], Budget(timeout), None


def _apply(rules: list[tuple[str, Callable[[Doc], Doc]]], doc: Doc) -> Doc:
    for _, proc in rules:
        doc = proc(doc)
    return doc


def _pieces(text: str) -> Iterator[tuple[int, str, bool]]:
    pieces = split_text(text)
    for number, (offset, piece) in enumerate(pieces, 1):
        yield offset, piece, number == len(pieces)


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = made_from(nlp.make_doc(article.text), article.text)
    doc._.published = article.published
    doc._.dateline_date = article.dateline_date
    doc._.dateline = article.dateline
    doc._.title = article.title
    return doc


def doc_to_extraction(doc: Doc, article: Article) -> Extraction:
    """Collect the components' results from a processed `Doc`."""
    return Extraction(
        article=article,
        published_inferred=bool(doc._.published_inferred),
        reference_date=doc._.reference_date,
        actors=doc_actors(doc),
        dates=list(doc._.vntrade_dates or []),
        commodities=doc_commodities(doc),
        directives=list(doc._.vntrade_directives or []),
        events=list(doc._.vntrade_events or []),
        figures=list(doc._.vntrade_figures or []),
        statements=statements(doc),
    )
