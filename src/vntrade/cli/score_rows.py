"""Rows of `vntrade eval`'s JSONL and CSV output: one measure per row."""

from __future__ import annotations

from typing import Any

PRF = (("precision", "fp"), ("recall", "fn"), ("f1", "fn"))  # each with what it misses


def prf_rows(label: str, score: dict[str, Any]) -> list[dict[str, Any]]:
    """`label precision`, `label recall` and `label f1`, each with right and of."""
    return [
        {
            "measure": f"{label} {name}".strip(),
            "score": score[name],
            "right": score["tp"],
            "of": score["tp"] + score[miss],
        }
        for name, miss in PRF
    ]


def accuracy_row(name: str, tally: dict[str, Any]) -> dict[str, Any]:
    """One accuracy: its share, and how many were right of how many."""
    return {"measure": name, "score": tally["accuracy"], "right": tally["right"], "of": tally["of"]}
