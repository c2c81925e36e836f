"""Write a synthetic corpus in the seeds' styles: `python scripts/make_corpus.py N OUT`.

OUT is a directory (one .txt file per article) or a file ending in .jsonl (one dump).
The same --seed always writes the same corpus.
"""

from __future__ import annotations

import argparse

from vntrade.corpus import write_jsonl, write_txt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output directory, or a .jsonl file")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args()
    if args.out.endswith(".jsonl"):
        write_jsonl(args.out, args.n, args.seed)
    else:
        write_txt(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
