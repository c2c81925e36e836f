"""Extraction records as a partitioned Parquet dataset (hive layout, one folder per month).

The Arrow schema is derived from the record dataclasses, so nested fields (actors, dates, ...)
keep their structure for pandas, DuckDB, Dask or Spark. Each part file is written under a
hidden name and renamed into place, so readers never see half a file.
"""

from __future__ import annotations

import dataclasses
import os
import re
import types
import typing
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vntrade.errors import DatasetError
from vntrade.records import Article, Extraction

PARTITION = "month"
PIPELINE_COLUMN = "pipeline"
INDEX_NAME = "_vntrade_index.db"  # leading "_": Parquet readers skip it
_MONTH = re.compile(r"^\d{4}-\d{2}")


def _require_pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise DatasetError(
            "Parquet needs pyarrow: install it with `pip install 'vntrade[parquet]'`."
        ) from None
    return pyarrow


def _arrow_type(hint: Any) -> Any:
    pa = _require_pyarrow()
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return pa.struct(
            [pa.field(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(hint)]
        )
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _arrow_type(inner)
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    scalars = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), float: pa.float64()}
    return scalars[hint]


def record_schema() -> Any:
    """The Arrow schema of a record row: article fields, extraction fields, pipeline."""
    pa = _require_pyarrow()
    fields = []
    for cls, skip in ((Article, ()), (Extraction, ("article",))):
        hints = typing.get_type_hints(cls)
        fields += [
            pa.field(f.name, _arrow_type(hints[f.name]))
            for f in dataclasses.fields(cls)
            if f.name not in skip
        ]
    return pa.schema([*fields, pa.field(PIPELINE_COLUMN, pa.string())])


def month_of(record: dict[str, Any]) -> str:
    """The partition of a record: the month it was published (or its reference date)."""
    for key in ("published", "reference_date"):
        value = record.get(key) or ""
        if _MONTH.match(value):
            return value[:7]
    return "unknown"


def check_empty_or_ours(directory: str | Path, *, incremental: bool) -> None:
    """Refuse to write into a directory with other files: they could be mixed up or removed.

    An incremental dataset (`ingest --output`) may go on in a directory that holds its index.
    """
    path = Path(directory)
    if not path.exists():
        return
    if not path.is_dir():
        raise DatasetError(f"{directory} is not a directory.")
    if incremental and (path / INDEX_NAME).exists():
        return
    if next(path.iterdir(), None) is not None:
        why = " and holds no vntrade dataset index" if incremental else ""
        raise DatasetError(f"{directory} is not empty{why}; give a new or empty directory.")


class DatasetWriter:
    """Writes batches of records as Parquet part files under DIR/month=YYYY-MM/."""

    def __init__(self, directory: str | Path) -> None:
        _require_pyarrow()
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatasetError(f"cannot create {directory}: {error.strerror}.") from None
        self.schema = record_schema()
        self.prefix = uuid.uuid4().hex[:12]
        self.count = 0

    def write(self, rows: Iterable[tuple[dict[str, Any], str]]) -> dict[str, str]:
        """Write (record, pipeline) pairs; return {article id: part path relative to DIR}."""
        import pyarrow as pa

        groups: dict[str, list[dict[str, Any]]] = {}
        for record, pipeline in rows:
            groups.setdefault(month_of(record), []).append({**record, PIPELINE_COLUMN: pipeline})
        parts: dict[str, str] = {}
        for month, records in sorted(groups.items()):
            self.count += 1
            relative = f"{PARTITION}={month}/part-{self.prefix}-{self.count:06d}.parquet"
            write_atomically(self.directory / relative, pa.Table.from_pylist(records, self.schema))
            parts.update((record["id"], relative) for record in records)
        return parts


def write_atomically(path: Path, table: Any) -> None:
    """Write a Parquet file under a hidden name, then rename it into place."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    hidden = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, hidden, compression="zstd")
    os.replace(hidden, path)


def part_files(directory: Path) -> Iterator[str]:
    """Relative paths of the part files in a dataset."""
    for path in sorted(directory.glob(f"{PARTITION}=*/*.parquet")):
        yield path.relative_to(directory).as_posix()


def rewrite_part(directory: Path, part: str, keep_ids: set[str]) -> None:
    """Keep only `keep_ids` in a part file (deleting it when none is left)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    path = directory / part
    if not path.exists():
        return
    if not keep_ids:
        path.unlink()
        return
    table = pq.read_table(path)
    write_atomically(path, table.filter(pc.is_in(table["id"], value_set=_string_array(keep_ids))))


def _string_array(values: set[str]) -> Any:
    import pyarrow as pa

    return pa.array(sorted(values), pa.string())


def read_dataset(directory: str | Path, batch_rows: int = 1024) -> Iterator[tuple[dict, str]]:
    """Stream (record, pipeline) pairs out of a dataset written by `DatasetWriter`."""
    _require_pyarrow()
    import pyarrow.dataset as ds

    path = Path(directory)
    if not path.is_dir():
        raise DatasetError(f"no Parquet dataset at {directory}: it must be a directory.")
    # Only visible part files: writers keep temporary and index files under "." and "_" names.
    files = [
        str(file)
        for file in sorted(path.rglob("*.parquet"))
        if not any(part.startswith((".", "_")) for part in file.relative_to(path).parts)
    ]
    if not files:
        raise DatasetError(f"no Parquet files in {directory}.")
    try:
        dataset = ds.dataset(
            files, format="parquet", partitioning="hive", partition_base_dir=str(path)
        )
    except Exception as error:  # pyarrow raises several kinds here
        raise DatasetError(f"cannot read {directory} as Parquet: {error}") from None
    names = [name for name in record_schema().names if name in dataset.schema.names]
    missing = {"id", "text", PIPELINE_COLUMN} - set(names)
    if missing:
        raise DatasetError(
            f"{directory} is not a vntrade dataset (no {', '.join(sorted(missing))} column); "
            "write one with `vntrade ingest --output DIR` or `vntrade db export --format parquet`."
        )
    for batch in dataset.to_batches(columns=names, batch_size=batch_rows):
        for row in batch.to_pylist():
            pipeline = row.pop(PIPELINE_COLUMN)
            yield row, pipeline
