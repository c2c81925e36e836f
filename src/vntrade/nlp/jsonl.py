"""The rule components' data: JSONL tables read with each line's `file:line`, and saved with a
pipeline (`to_disk`/`from_disk`, `to_bytes`/`from_bytes`) as the tables they were read into.

A component's data is a `Tables`: its records by file name, the shipped files plus a user's
(`--actors`, `--commodities`) under a name of their own. A registered reader gives them to
`initialize` from the config's `[initialize]` block, as spaCy's own rulers receive patterns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import srsly

if TYPE_CHECKING:
    from spacy.language import Language

# (`file:line`, object) for each entry of a JSONL file; the label names it in error messages.
Records = Sequence[tuple[str, dict[str, Any]]]
Tables = dict[str, Records]


class DataError(ValueError):
    """A malformed line or record of a data file (the message names the file and line)."""


class JsonlError(DataError):
    """A line of a data file that is no JSON object (the message names the file and line)."""

    def __init__(self, where: str, problem: str, detail: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.detail = detail  # the problem as the JSON parser put it


def read_jsonl(source: Traversable | Path, label: str | None = None) -> Iterator[tuple[str, dict]]:
    """Yield (`file:line`, object) for each non-blank line of a JSONL file (label: its name)."""
    label = label or getattr(source, "name", str(source))
    with source.open("r", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{label}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise JsonlError(where, f"not valid JSON ({error.msg})", str(error)) from None
            if not isinstance(record, dict):
                raise JsonlError(where, "each line must be a JSON object", "expected a JSON object")
            yield where, record


def read_table(source: Traversable | Path, label: str | None = None) -> list[tuple[str, dict]]:
    """Every record of a JSONL file, with its `file:line`."""
    return list(read_jsonl(source, label))


def shipped_tables(folder: str, names: Iterable[str]) -> Tables:
    """The files `names` of `nlp/data/<folder>/`, read from the installed package."""
    data = resources.files("vntrade.nlp").joinpath("data", folder)
    return {name: read_table(data.joinpath(name)) for name in names}


def numbered(name: str, objects: Iterable[dict[str, Any]]) -> Records:
    """Records saved without their labels, labelled again as lines of `name`."""
    return [(f"{name}:{number}", record) for number, record in enumerate(objects, start=1)]


class TableData:
    """Initializing, saving and loading for a component whose data is `Tables`: it keeps them
    in `tables`, builds its lookups from them in `set_tables` (which validates them), and reads
    its shipped files with its registered reader, `read_tables`."""

    tables: Tables
    read_tables: ClassVar[Callable[[], Tables]]

    def set_tables(self, tables: Mapping[str, Records]) -> None:
        """Build the component's lookups from `tables` and keep them."""
        raise NotImplementedError

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        tables: dict | None = None,  # `Tables`; a plain type for `nlp.initialize`'s pydantic
    ) -> None:
        """Use `tables`, as the reader of the config's `[initialize]` block gives them (None:
        the shipped files)."""
        self.set_tables(self.read_tables() if tables is None else tables)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The tables as msgpack, by file name."""
        return srsly.msgpack_dumps(_objects(self.tables))

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Any:
        """Load what `to_bytes` gave."""
        loaded = srsly.msgpack_loads(data)
        self.set_tables({name: numbered(name, objects) for name, objects in loaded.items()})
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write each table as a JSONL file of its name."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, objects in _objects(self.tables).items():
            srsly.write_jsonl(path / name, objects)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Any:
        """Read the tables `to_disk` wrote."""
        files = sorted(Path(path).glob("*.jsonl"))
        self.set_tables({file.name: read_table(file) for file in files})
        return self


def _objects(tables: Mapping[str, Records]) -> dict[str, list[dict[str, Any]]]:
    return {name: [record for _, record in records] for name, records in tables.items()}
