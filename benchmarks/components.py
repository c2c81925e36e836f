"""Where the pipeline's time goes: seconds per component, the model's and vntrade's own.

`python benchmarks/components.py ARTICLES.jsonl --max-words N` runs vntrade's pipeline one
component at a time over the articles (each component over every document before the next,
so each is timed alone), then turns the documents into records, and prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from vntrade.nlp.extract import doc_to_extraction
from vntrade.nlp.pipeline import load_pipeline
from vntrade.records import ARTICLE_BATCH, Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="JSONL of article records from `vntrade articles`")
    parser.add_argument("--max-words", type=int, default=30_000)
    args = parser.parse_args()
    articles = _read(args.articles, args.max_words)
    nlp = load_pipeline()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.published = article.published
        docs.append(doc)
    seconds["tokenizer"] = time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=ARTICLE_BATCH))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - started
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        json.dumps(doc_to_extraction(doc, article).to_dict(with_text=False), ensure_ascii=False)
    seconds["records and JSON"] = time.perf_counter() - started
    print(json.dumps(_summary(seconds, articles)))


def _read(path: str, max_words: int) -> list[Article]:
    articles: list[Article] = []
    words = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if words >= max_words:
                break
            article = Article(**json.loads(line))
            articles.append(article)
            words += article.words
    return articles


def _summary(seconds: dict[str, float], articles: list[Article]) -> dict[str, Any]:
    total = sum(seconds.values())
    ours = sum(s for name, s in seconds.items() if name.startswith("vntrade_"))
    return {
        "words": sum(article.words for article in articles),
        "total_s": total,
        "seconds": seconds,
        "share": {name: s / total for name, s in seconds.items()},
        "vntrade_share": (ours + seconds["records and JSON"]) / total,
    }


if __name__ == "__main__":
    main()
