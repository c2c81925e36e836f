"""Directives across articles: canonical issuers, resolved deadlines, and one order told twice."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vntrade.periods import with_year
from vntrade.views.names import NameIndex
from vntrade.views.text import content_words, fold, jaccard

SAME_ACTION = 0.25  # Jaccard of action content words above which two orders are one


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


def same_directive(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """Whether two directives report one order: same issuer and addressee, same deadline or
    similar action."""
    if not _compatible(first["issuer"], second["issuer"]):
        return False
    if not _compatible(first["addressee"], second["addressee"]):
        return False
    if first["deadline"] and first["deadline"] == second["deadline"]:
        return True
    return jaccard(first["words"], second["words"]) >= SAME_ACTION


def _compatible(first: str | None, second: str | None) -> bool:
    """Unknown matches anything; known names match when one contains the other."""
    if not first or not second:
        return True
    a, b = fold(first), fold(second)
    return a in b or b in a


def group_directives(directives: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Directives grouped so that each group is one order, told once per article at most."""
    groups: list[list[dict[str, Any]]] = []
    by_issuer: dict[str, list[list[dict[str, Any]]]] = {}  # only one issuer's orders can match
    for directive in directives:
        issuer = fold(directive["issuer"] or "")
        candidates = groups if not issuer else by_issuer.get(issuer, []) + by_issuer.get("", [])
        for group in candidates:
            if directive["article"] not in {d["article"] for d in group} and any(
                same_directive(directive, other) for other in group
            ):
                group.append(directive)
                break
        else:
            groups.append([directive])
            by_issuer.setdefault(issuer, []).append(groups[-1])
    return groups


def public(directive: dict[str, Any]) -> dict[str, Any]:
    """The fields of a directive that views print."""
    keys = ("issuer", "addressee", "action", "deadline")
    return {key: directive[key] for key in keys}
