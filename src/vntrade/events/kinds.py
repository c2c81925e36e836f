"""Which event kinds may describe one happening, and how specific a kind is."""

from __future__ import annotations

from vntrade.nlp.events.kinds import KINDS, trigger_kinds

__all__ = ["KINDS", "compatible", "kind_rank"]

# Kinds that one happening may be given by different reports ("talks" seen as a meeting).
COMPATIBLE_KINDS = (
    {"meeting", "call", "negotiation"},
    {"meeting", "visit"},
    {"briefing", "announcement"},
    {"agreement", "decision"},
)
_PAIRS = frozenset(
    (first, second) for group in COMPATIBLE_KINDS for first in group for second in group
)


def compatible(first: str, second: str) -> bool:
    """Whether two reports' kinds may describe one happening."""
    if first == second:
        return True
    if "deadline" in (first, second):
        return False
    if "report" in (first, second):
        return True
    return (first, second) in _PAIRS


def kind_rank(kind: str) -> int:
    """How specific a kind is (lower is more specific)."""
    order = trigger_kinds()
    return order.index(kind) if kind in order else len(order)
