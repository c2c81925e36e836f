"""The articles the rules take longest on, against the `--article-timeout` budget.

`python benchmarks/article_times.py PATH... [--top N]` loads the articles as `vntrade extract`
does, runs the model's networks over them in batches, then times vntrade's rule components on
each article (every piece of a long one), and prints one JSON object: the budget, how many
articles, and the slowest ones with their seconds and share of the budget.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict

from vntrade.loader import iter_inputs
from vntrade.nlp.budget import DEFAULT_ARTICLE_TIMEOUT
from vntrade.nlp.extract import RULE_PREFIX, _apply, _make_doc, _pieces
from vntrade.nlp.pieces import piece_article
from vntrade.nlp.pipeline import load_pipeline
from vntrade.records import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files or directories, as for vntrade extract")
    parser.add_argument("--top", type=int, default=5, help="how many of the slowest to list")
    args = parser.parse_args()
    articles = [item for item in iter_inputs(args.paths) if isinstance(item, Article)]
    nlp = load_pipeline()
    rules = [(name, proc) for name, proc in nlp.pipeline if name.startswith(RULE_PREFIX)]
    docs = (
        (_make_doc(nlp, piece_article(article, piece)), article)
        for article in articles
        for _, piece, _ in _pieces(article.text)
    )
    seconds: dict[tuple[str, str], float] = defaultdict(float)
    networks = nlp.pipe(docs, as_tuples=True, disable=[name for name, _ in rules])
    for doc, article in networks:
        started = time.perf_counter()
        _apply(rules, doc)
        seconds[(article.source, article.id)] += time.perf_counter() - started
    slowest = sorted(seconds.items(), key=lambda item: -item[1])[: args.top]
    print(
        json.dumps(
            {
                "budget_seconds": DEFAULT_ARTICLE_TIMEOUT,
                "articles": len(seconds),
                "total_seconds": round(sum(seconds.values()), 3),
                "slowest": [
                    {
                        "source": source,
                        "id": ident,
                        "seconds": round(spent, 4),
                        "share_of_budget": round(spent / DEFAULT_ARTICLE_TIMEOUT, 5),
                    }
                    for (source, ident), spent in slowest
                ],
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
