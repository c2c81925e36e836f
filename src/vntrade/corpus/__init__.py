"""Synthetic corpora for the tests and benchmarks, outside the product: articles in the seeds'
styles (`articles`), and labelled reports of events for clustering (`events`, with their
`templates`, `dates` and the `labelled` article records). No product module imports them."""

from vntrade.corpus.articles import GeneratedArticle, make_corpus, write_jsonl, write_txt

__all__ = ["GeneratedArticle", "make_corpus", "write_jsonl", "write_txt"]
