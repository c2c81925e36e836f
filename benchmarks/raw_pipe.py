"""The baseline: the full spaCy model's `nlp.pipe` over article texts, nothing else.

`python benchmarks/raw_pipe.py ARTICLES.jsonl --model NAME --batch-size N` reads the clean
texts written by `vntrade articles --format jsonl`, runs every component the model ships
with, and prints one JSON line: load and pipe times, articles, words, components.
`--numpy-matrices` multiplies matrices as vntrade does (`vntrade.nlp.matrices`) instead of
with thinc's default: what vntrade's own work costs beyond the same networks.
"""

from __future__ import annotations

import argparse
import json
import time

START = time.perf_counter()

import spacy  # noqa: E402  (the import is part of what is timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="JSONL of article records (text, words)")
    parser.add_argument("--model", required=True)
    parser.add_argument("--batch-size", type=int, required=True)
    parser.add_argument("--numpy-matrices", action="store_true", help="as vntrade multiplies")
    args = parser.parse_args()
    if args.numpy_matrices:
        from vntrade.nlp.matrices import numpy_matrices

        with numpy_matrices():
            nlp = spacy.load(args.model)
    else:
        nlp = spacy.load(args.model)  # the full model: no component excluded or disabled
    loaded = time.perf_counter()
    with open(args.articles, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    texts = [record["text"] for record in records]
    read = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        tokens += len(doc)  # touch every doc so nothing is left lazy
    done = time.perf_counter()
    summary = {
        "startup_s": loaded - START,
        "read_s": read - loaded,
        "pipe_s": done - read,
        "articles": len(texts),
        "words": sum(record["words"] for record in records),
        "tokens": tokens,
        "components": nlp.pipe_names,
        "numpy_matrices": args.numpy_matrices,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
