"""A record's directives as events and views read them: canonical issuer and addressee, and
a deadline with the corpus year."""

from __future__ import annotations

from typing import Any

from vntrade.events.text import content_words
from vntrade.names import NameIndex
from vntrade.periods import with_year


def article_directives(
    record: dict[str, Any], actors: NameIndex, year: int | None = None
) -> list[dict[str, Any]]:
    """The record's directives with canonical issuer and addressee and a resolved deadline."""
    found = []
    for directive in record.get("directives", []):
        deadline = directive.get("deadline")
        found.append(
            {
                "article": record["id"],
                "issuer": _canonical(directive.get("issuer"), actors),
                "verb": directive.get("verb"),
                "addressee": _canonical(directive.get("addressee"), actors),
                "action": directive.get("action", ""),
                "deadline": with_year(deadline, year) if deadline else None,
                "deadline_inferred": bool(deadline and deadline.startswith("XXXX") and year),
                "sentence": directive.get("sentence", ""),
                "start": directive.get("start", 0),
                "end": directive.get("end", 0),
                "words": content_words(directive.get("action", "")),
            }
        )
    return found


def _canonical(name: str | None, actors: NameIndex) -> str | None:
    if not name:
        return None
    matches = actors.match(name)
    return next(iter(matches)) if len(matches) == 1 else name
