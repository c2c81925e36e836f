"""Tables that fit the terminal from 80 columns: no word, id or date is ever split.

Each column says how it may give way: text wraps between words, a list folds to a few
lines ("A, B +3"), an id is shortened to the prefix that still tells it apart, and a
column of low priority is left out, in that order, before anything would be cut mid-word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

BORDER = 3  # a column's padding (one space each side) and its border on the right
WORD_CAP = 30  # a longer word (a URL, say) may be shortened with … rather than widen a column
SHORT_ID = 8  # an id is never shortened to fewer characters than this


@dataclass(frozen=True)
class Column:
    """A table column: `key` in the rows, `header` shown. `kind`: "text" wraps between words,
    "fixed" is one line never cut (a date, a number, a kind), "id" is fixed but may be
    shortened to a unique prefix, "list" folds its items to `lines` lines. Columns of the
    highest `priority` are left out first; 0 is never left out. Room left is shared by
    `ratio` (0: the column keeps its minimum width). An id column is shortened
    when the columns left out reach `shorten_at` (before those of that priority)."""

    key: str
    header: str | None = None
    kind: str = "text"
    priority: int = 0
    min_width: int = 14
    ratio: int = 1
    justify: str = "left"
    lines: int = 2
    style: str = ""
    header_style: str = ""
    shorten_at: int = 3

    @property
    def title(self) -> str:
        return self.key.replace("_", " ") if self.header is None else self.header


@dataclass
class Layout:
    """The columns kept at a width, each one's width, and what gave way."""

    columns: list[Column]
    widths: list[int]
    dropped: list[Column] = field(default_factory=list)
    shortened: dict[str, int] = field(default_factory=dict)  # id column -> prefix length
    keys: list[str] = field(default_factory=list)  # every column planned, kept or not

    def cells(self, row: Sequence[Any]) -> list[Any]:
        """A row's cells (one per column of the plan's input) for the kept columns, lists
        folded and ids shortened to their widths."""
        return [self.cell(column, width, value) for column, width, value in self._kept(row)]

    def _kept(self, row: Sequence[Any]) -> list[tuple[Column, int, Any]]:
        by_key = dict(zip(self.keys, row, strict=True))
        return [(c, w, by_key[c.key]) for c, w in zip(self.columns, self.widths, strict=True)]

    def cell(self, column: Column, width: int, value: Any) -> Any:
        if column.kind == "list":
            return fold_list(value or [], width, column.lines)
        if column.kind == "id" and column.key in self.shortened and value:
            return short_id(value, self.shortened[column.key])
        return "" if value is None else value

    def table(self, **options: Any) -> Any:
        """A rich Table with the kept columns at their widths; `options` go to Table."""
        from rich.table import Table
        from rich.text import Text

        table = Table(**options)
        for column, width in zip(self.columns, self.widths, strict=True):
            table.add_column(
                Text(column.title, style=column.header_style),
                width=width,
                no_wrap=column.kind in ("fixed", "id"),
                overflow="ellipsis",
                justify=column.justify,  # type: ignore[arg-type]
                style=column.style,
            )
        return table

    def note(self) -> str | None:
        """What gave way, for a line on stderr; None when nothing did."""
        parts = []
        if self.shortened:
            parts.append("ids shortened to the first characters that tell them apart")
        if self.dropped:
            names = ", ".join(c.title for c in self.dropped)
            parts.append(f"left out: {names}")
        if not parts:
            return None
        return (
            f"the table is narrowed to the terminal ({'; '.join(parts)}); a wider terminal "
            "or --format json, jsonl or csv shows everything."
        )


def plain(value: Any) -> str:
    """The text a cell shows."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(plain(item) for item in value)
    return getattr(value, "plain", None) or str(value)


def _measure(column: Column, values: list[Any]) -> tuple[int, int]:
    """A column's natural width (its longest line) and its longest word, header included, in
    terminal cells (a wide character takes two)."""
    from rich.cells import cell_len

    texts = [plain(v) for v in values]
    lines = [line for text in texts for line in text.split("\n")]
    natural = max([cell_len(column.title), *(cell_len(line) for line in lines)])
    if column.kind == "list":
        words = [w for v in values for item in (v or []) for w in plain(item).split()]
    else:
        words = [w for line in lines for w in line.split()]
    word = max([*(cell_len(w) for w in column.title.split()),
                *(min(cell_len(w), WORD_CAP) for w in words)])  # fmt: skip
    return natural, word


def plan(columns: Sequence[Column], rows: Sequence[Sequence[Any]], width: int) -> Layout:
    """The columns to show at `width` and their widths: text and lists narrowed to their
    minimum, then columns left out and ids shortened by priority, until the table fits."""
    columns = list(columns)
    values = [[row[n] for row in rows] for n in range(len(columns))]
    measured = [_measure(c, v) for c, v in zip(columns, values, strict=True)]
    natural = [m[0] for m in measured]
    need = [
        n if c.kind in ("fixed", "id") else min(n, max(c.min_width, word))
        for c, (n, word) in zip(columns, measured, strict=True)
    ]
    shortened: dict[str, int] = {}
    tried: set[int] = set()  # id columns shortened, or too short to shorten
    kept = list(range(len(columns)))

    def total(indices: list[int]) -> int:
        return sum(need[i] for i in indices) + BORDER * len(indices) + 1

    while total(kept) > width:
        # The next to give way: the column of the highest priority, or an id column to
        # shorten whose level is as high (shortening keeps more than leaving out).
        steps = [(columns[i].priority, 0, i) for i in kept if columns[i].priority > 0]
        steps += [
            (columns[i].shorten_at, 1, i)
            for i in kept
            if columns[i].kind == "id" and i not in tried
        ]
        if not steps:
            break
        _, shorten, i = max(steps, key=lambda step: (step[0], step[1], step[2]))
        if not shorten:
            kept.remove(i)
            continue
        tried.add(i)
        length = unique_prefix([plain(v) for v in values[i] if v])
        if length + 1 < need[i]:
            shortened[columns[i].key] = length
            need[i] = natural[i] = max(length + 1, len(columns[i].title))
    widths = _share(
        [columns[i] for i in kept], [need[i] for i in kept], [natural[i] for i in kept], width
    )
    return Layout(
        [columns[i] for i in kept],
        widths,
        [c for i, c in enumerate(columns) if i not in kept],
        shortened,
        [c.key for c in columns],
    )


def _share(columns: list[Column], need: list[int], natural: list[int], width: int) -> list[int]:
    """Widths from each column's need up to its natural width, the room left shared among the
    columns that wrap by their ratios."""
    room = width - sum(need) - BORDER * len(columns) - 1
    widths = list(need)
    growing = [i for i, c in enumerate(columns) if c.ratio and widths[i] < natural[i]]
    while room > 0 and growing:
        ratios = sum(columns[i].ratio for i in growing)
        given = 0
        for i in growing:
            share = max(1, room * columns[i].ratio // ratios)
            share = min(share, natural[i] - widths[i], room - given)
            widths[i] += share
            given += share
        room -= given
        growing = [i for i in growing if widths[i] < natural[i]]
        if not given:
            break
    return widths


def unique_prefix(ids: Sequence[str]) -> int:
    """The shortest prefix length (at least `SHORT_ID`) that tells every id apart."""
    distinct = set(ids)
    longest = max((len(i) for i in distinct), default=0)
    for length in range(SHORT_ID, longest + 1):
        if len({i[:length] for i in distinct}) == len(distinct):
            return length
    return longest


def short_id(value: Any, length: int) -> Any:
    """An id (str or rich Text) cut to `length` characters and …, when it is longer."""
    text = plain(value)
    if len(text) <= length:
        return value
    if hasattr(value, "plain"):
        cut = value[:length]
        cut.append("…")
        return cut
    return text[:length] + "…"


def fold_list(items: Sequence[Any], width: int, lines: int = 2) -> Any:
    """Items (str or rich Text) joined by ", " in at most `lines` lines of `width`, the rest
    counted: "A, B +3". An item is never split, except one too long for a line on its own."""
    from rich.text import Text

    texts = [item if isinstance(item, Text) else Text(str(item)) for item in items]
    rows: list[list[Text]] = [[]]
    used = 0
    for text in texts:
        size = text.cell_len + (2 if rows[-1] else 0)
        if rows[-1] and used + size + 1 > width:  # +1: the comma that ends a full line
            rows.append([])
            used, size = 0, text.cell_len
        rows[-1].append(text)
        used += size
    shown = rows[:lines]
    left = len(texts) - sum(len(row) for row in shown)
    if left:
        last = shown[-1]
        while len(last) > 1 and _row_width(last) + len(f" +{left + 1}") > width:
            last.pop()
            left += 1
    result = Text()
    for n, row in enumerate(shown):
        if n:
            result.append(",\n")
        for m, text in enumerate(row):
            if m:
                result.append(", ")
            result.append_text(text)
    if left:
        result.append(f" +{left}", style="dim")
    return result


def _row_width(row: list[Any]) -> int:
    return sum(text.cell_len for text in row) + 2 * (len(row) - 1)
