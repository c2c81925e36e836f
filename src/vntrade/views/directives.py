"""Directives across articles: one order told twice (a record's directives, with canonical
issuers and resolved deadlines, are read by `events.directives`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from vntrade.events.text import fold, jaccard

SAME_ACTION = 0.25  # Jaccard of action content words above which two orders are one


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
    """Directives grouped so that each group is one order, told once per article at most.

    A directive joins the first earlier group (its issuer's, then those without an issuer)
    holding a directive of the same order (`same_directive`). Only groups that share its
    deadline or one of its action words can hold one, so only those are looked at."""
    groups: list[list[dict[str, Any]]] = []
    articles: list[set[str]] = []  # per group
    # Groups by scope (an issuer, "" for none, None for all) and key (deadline or word).
    index: dict[tuple[str | None, str], set[int]] = defaultdict(set)
    scope_of: list[str] = []  # per group: the issuer it was made for
    for directive in directives:
        issuer = fold(directive["issuer"] or "")
        keys = _keys(directive)
        scopes = [issuer, ""] if issuer else [None]
        joined = None
        for scope in scopes:
            possible = sorted({i for key in keys for i in index.get((scope, key), ())})
            joined = next(
                (
                    i
                    for i in possible
                    if directive["article"] not in articles[i]
                    and any(same_directive(directive, other) for other in groups[i])
                ),
                None,
            )
            if joined is not None:
                break
        if joined is None:
            joined = len(groups)
            groups.append([])
            articles.append(set())
            scope_of.append(issuer)
        groups[joined].append(directive)
        articles[joined].add(directive["article"])
        for key in keys:
            index[(scope_of[joined], key)].add(joined)
            index[(None, key)].add(joined)
    return groups


def _keys(directive: dict[str, Any]) -> list[str]:
    """What two directives of one order share: the deadline, or an action word."""
    keys = [f"w:{word}" for word in directive["words"]]
    return [f"d:{directive['deadline']}", *keys] if directive["deadline"] else keys


def public(directive: dict[str, Any]) -> dict[str, Any]:
    """The fields of a directive that views print."""
    keys = ("issuer", "addressee", "action", "deadline")
    return {key: directive[key] for key in keys}
