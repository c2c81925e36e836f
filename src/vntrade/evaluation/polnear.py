"""PolNeAR (github:networkdynamics/PolNeAR: attributions in 2016 US election news, brat
standoff) as a statement gold file and articles for `vntrade eval --statements`.

Each attribution relation (`E` line) gives its source, cue and content spans (`T` lines; a
span may be discontinuous, `start end;start end`); a statement is its content from first to
last character, its `source_text` the source's words (PolNeAR resolves no names), direct when
the content opens with a quotation mark or right after one. An article annotated more than
once is read from its first annotation (by file name). Only the train and dev splits are
read: the test split is kept for scoring by others.

    python -m vntrade.evaluation.polnear PolNeAR/ dev OUT_DIR
    vntrade eval --statements OUT_DIR/gold.json OUT_DIR/articles.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SPLITS = ("train", "dev")
QUOTES = '"“”«»'


def read_split(root: Path, split: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The articles (id, text) and the statement gold of one PolNeAR split."""
    if split not in SPLITS:
        raise ValueError(f"PolNeAR split {split!r}: only {' and '.join(SPLITS)} may be read")
    folder = Path(root) / "data" / split
    articles, gold = [], []
    for text_file in sorted((folder / "text").glob("*.txt")):
        annotations = sorted((folder / "attributions").glob(f"{text_file.stem}_*.ann"))
        if not annotations:
            continue
        text = text_file.read_text("utf-8")
        articles.append({"id": text_file.stem, "title": None, "text": text})
        statements = attributions(annotations[0].read_text("utf-8"), text)
        gold.append({"id": text_file.stem, "split": "dev", "statements": statements})
    about = f"PolNeAR {split} split: attribution contents, sources as written (see polnear.py)"
    return articles, {"about": about, "articles": gold}


def attributions(ann: str, text: str) -> list[dict[str, Any]]:
    """The statements of one brat annotation file over `text`."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
            spans[parts[0]] = (label, [(a, b) for a, b in pieces])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    statements = []
    for relation in relations:
        content = spans.get(relation.get("Content", ""))
        if content is None:
            continue
        pieces = sorted(content[1])
        start, end = pieces[0][0], max(b for _, b in pieces)
        source = spans.get(relation.get("Source", ""))
        source_text = " ".join(text[a:b] for a, b in source[1]) if source else None
        cue = spans.get(relation.get("Cue", ""))
        cue_text = " ".join(text[a:b] for a, b in cue[1]) if cue else None
        stripped = text[start:end].lstrip(" ,")
        direct = stripped[:1] in QUOTES or text[max(0, start - 1) : start] in QUOTES
        statements.append(
            {
                "start": start,
                "end": end,
                "text": text[start:end],
                "speaker": None,
                "source_text": source_text,
                "cue": cue_text,
                "direct": direct,
                # `“A,” said X, “B.”`: the content's pieces, without the source and cue between
                **({"fragments": [list(piece) for piece in pieces]} if len(pieces) > 1 else {}),
            }
        )
    return statements


def main(argv: list[str]) -> None:
    root, split, out = Path(argv[0]), argv[1], Path(argv[2])
    articles, gold = read_split(root, split)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "articles.jsonl").open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
    count = sum(len(article["statements"]) for article in gold["articles"])
    print(f"{len(articles)} articles, {count} statements", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
