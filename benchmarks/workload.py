"""The benchmark's corpora: generated deterministically, sized by the loader's own word count.

A corpus of N words is the shortest prefix of `vntrade.corpus.make_corpus(..., seed)` whose
clean texts (as `vntrade articles` reports them) hold at least N words, so the small corpus
is a prefix of the large one and both sides of every comparison count the same words.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from vntrade.corpus import write_txt

WORDS_PER_ARTICLE_GUESS = 140  # a little under the generator's mean, so one pass is enough


@dataclass(frozen=True, slots=True)
class Corpus:
    """A directory of .txt articles and the JSONL of their clean records."""

    directory: Path
    articles_jsonl: Path
    articles: int
    words: int
    chars: int


def build_corpora(root: Path, sizes: list[int], seed: int, vntrade: str) -> dict[int, Corpus]:
    """Write one corpus per word count in `sizes` under `root`, replacing earlier ones."""
    for stale in [*root.glob("corpus_*"), *root.glob("articles_*.jsonl"), root / "pool"]:
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink(missing_ok=True)
    pool = root / "pool"
    largest = max(sizes)
    count = math.ceil(largest / WORDS_PER_ARTICLE_GUESS)
    while True:
        shutil.rmtree(pool, ignore_errors=True)
        write_txt(pool, count, seed)
        records = _clean_records(vntrade, pool, root / "pool.jsonl")
        if sum(record["words"] for record in records) >= largest:
            break
        count *= 2  # the generator changed its style: try again with more articles
    corpora = {size: _prefix(root, pool, records, size) for size in sizes}
    shutil.rmtree(pool)
    (root / "pool.jsonl").unlink()
    return corpora


def _clean_records(vntrade: str, directory: Path, target: Path) -> list[dict]:
    """The loader's records for `directory`, in file order (the generator's order)."""
    with target.open("wb") as out:
        subprocess.run(
            [vntrade, "articles", str(directory), "--format", "jsonl"], stdout=out, check=True
        )
    with target.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return sorted(records, key=lambda record: Path(record["source"]).name)


def _prefix(root: Path, pool: Path, records: list[dict], words: int) -> Corpus:
    directory = root / f"corpus_{words}"
    directory.mkdir(parents=True)
    jsonl = root / f"articles_{words}.jsonl"
    total = chars = 0
    kept = []
    for record in records:
        if total >= words:
            break
        kept.append(record)
        total += record["words"]
        chars += len(record["text"])
    with jsonl.open("w", encoding="utf-8") as out:
        for record in kept:
            name = Path(record["source"]).name
            shutil.copyfile(pool / name, directory / name)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return Corpus(directory, jsonl, len(kept), total, chars)
