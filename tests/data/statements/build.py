"""Build `articles.jsonl` and `gold.json` from the marked articles (`marked_*.txt`).

Each article starts with `### id | published | title`; every statement's content is marked
`{{SPEAKER|content}}` where SPEAKER is the canonical name (then `/alias` for other names the
speaker may be given) or `?words` for a source that names nobody. A content right after a
quotation mark is direct. Every third article (s03, s06, ...) is kept aside.

    python tests/data/statements/build.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\{\{([^|{}]+)\|(.*?)\}\}", re.S)
QUOTES = '"“”«»'
ABOUT = (
    "Statements (who said what) in 60 articles written for vntrade's development set, in the "
    "styles of wire services, Vietnamese state media, business and regional press, US outlets, "
    "interviews, opinion and explainers. A statement is content attributed to a source by a "
    "speech or cognition cue (said, told, noted, stressed, affirmed, welcomed, believes, "
    "expressed hope that, according to), or a quotation whose speaker its attribution or the "
    "statement before it gives. Content: for a quotation the words inside the marks (a quote "
    "split by its attribution, or running over paragraphs, is one statement from its first to "
    "its last word); for reported speech the clause (without `that`), the object of verbs like "
    "welcomed or highlighted, the clause an `according to X` phrase belongs to, the clause of "
    "an expressed noun; a parenthetical attribution in the middle stays inside the content. "
    "Orders (urged, asked, called on, instructed) and proposals are not statements; a statement "
    "reported inside another is the outer one's. speaker: the canonical actor (aliases: other "
    "names accepted); unnamed: the source names nobody, speaker is its words. split: every "
    "third article is aside, scored once at the end."
)


def parse(text: str) -> list[dict]:
    articles = []
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        header, _, body = block.partition("\n")
        ident, published, title = (part.strip() for part in header.split("|", 2))
        body = re.sub(r"\n\s*", "\n\n", body.strip())
        clean, statements, shift = [], [], 0
        position = 0
        for match in MARK.finditer(body):
            clean.append(body[position : match.start()])
            shift_start = match.start() - shift
            content = match.group(2)
            clean.append(content)
            spec = match.group(1).strip()
            names = spec.lstrip("?").split("/")
            before = "".join(clean)[:shift_start].rstrip(" ")
            statements.append(
                {
                    "speaker": names[0],
                    "aliases": names[1:],
                    "unnamed": spec.startswith("?"),
                    "direct": bool(before) and before[-1] in QUOTES,
                    "start": shift_start,
                    "end": shift_start + len(content),
                    "text": content,
                }
            )
            shift += len(match.group(0)) - len(content)
            position = match.end()
        clean.append(body[position:])
        plain = "".join(clean)
        for statement in statements:
            assert plain[statement["start"] : statement["end"]] == statement["text"]
        number = int(re.sub(r"\D", "", ident))
        articles.append(
            {
                "id": ident,
                "title": title,
                "published": published,
                "text": plain,
                "split": "aside" if number % 3 == 0 else "dev",
                "statements": statements,
            }
        )
    return articles


def main() -> None:
    articles = []
    for path in sorted(HERE.glob("marked_*.txt")):
        articles += parse(path.read_text("utf-8"))
    with (HERE / "articles.jsonl").open("w", encoding="utf-8") as out:
        for article in articles:
            record = {key: article[key] for key in ("id", "title", "published", "text")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    gold = {
        "about": ABOUT,
        "articles": [
            {"id": a["id"], "split": a["split"], "statements": a["statements"]} for a in articles
        ],
    }
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    total = sum(len(a["statements"]) for a in articles)
    direct = sum(s["direct"] for a in articles for s in a["statements"])
    aside = [a for a in articles if a["split"] == "aside"]
    print(f"{len(articles)} articles ({len(aside)} aside), {total} statements ({direct} direct)")


if __name__ == "__main__":
    main()
