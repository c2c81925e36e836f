"""The figures of an extraction record (money, percentages, measures, counts), as the
`vntrade_figures` component found them, in the form compare matches them by.

Records made before the component existed have no `figures`: they give none (the store warns
that another pipeline version made them, and `ingest` makes them again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit, what it measures and its evidence sentence."""

    text: str
    value: float
    unit: str
    measures: str | None
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        """The figure as compare gives it (`quantity`: what it measures, or null)."""
        quantity = self.measures
        return {"text": self.text, "value": self.value, "unit": self.unit, "quantity": quantity}

    def same_quantity(self, other: Figure) -> bool:
        """Whether both figures measure one known thing in one unit."""
        return self.measures is not None and (self.unit, self.measures) == (
            other.unit,
            other.measures,
        )

    def same_value(self, other: Figure) -> bool:
        return abs(self.value - other.value) <= 0.01 * max(abs(self.value), abs(other.value))


def record_figures(record: dict[str, Any]) -> list[Figure]:
    """The record's figures in text order; none for a record made before they were kept."""
    text = record.get("text") or ""
    found = []
    for figure in record.get("figures") or []:
        start, end = figure["sentence_start"], figure["sentence_end"]
        sentence = text[start:end] if text else figure["text"]
        found.append(
            Figure(figure["text"], figure["quantity"], figure["unit"], figure["measures"], sentence)
        )
    return found
