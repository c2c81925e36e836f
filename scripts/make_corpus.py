"""Write a synthetic corpus in the seeds' styles: `python scripts/make_corpus.py N OUT`.

OUT is a directory (one .txt file per article) or a file ending in .jsonl (one dump).
With --events, OUT is a .jsonl of articles labelled with the event they report (one event
told by one to five outlets, look-alike events a few days apart); with --records as well,
the lines are extraction records (as `vntrade extract` prints them) with the label, made
without spaCy. The same --seed always writes the same corpus.
"""

from __future__ import annotations

import argparse

from vntrade.corpus import write_jsonl, write_txt
from vntrade.corpus.events import write_event_jsonl


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output directory, or a .jsonl file")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--events", action="store_true", help="labelled event reports, as JSONL with an event field"
    )
    parser.add_argument(
        "--records", action="store_true", help="with --events: extraction records, not articles"
    )
    args = parser.parse_args()
    if args.records and not args.events:
        parser.error("--records goes with --events")
    if args.events:
        if not args.out.endswith(".jsonl"):
            parser.error("--events writes JSONL: give an OUT ending in .jsonl")
        write_event_jsonl(args.out, args.n, args.seed, records=args.records)
    elif args.out.endswith(".jsonl"):
        write_jsonl(args.out, args.n, args.seed)
    else:
        write_txt(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
