"""vntrade from Python: a store, or article files, in; pandas DataFrames out.

    import vntrade.api as vt

    with vt.open_store("vntrade.db") as news:          # a store made by `vntrade ingest`
        meetings = news.timeline(since="2025-04", kinds=["meeting"])
        actors = news.actors()
    with vt.read_paths("data/seeds") as news:           # files: extracted into a temporary store
        overdue = news.directives(as_of="2025-06-01")

Each DataFrame has the columns of the matching command's JSON output (`vntrade timeline
--format jsonl` ...), one row per line, read by the same views; dates stay as vntrade writes
them (`2025-04`, `2025-W11`), and the timeline's `start` is also given as a pandas Timestamp
(`start_day`). Errors are `vntrade.errors.VntradeError`s, as the CLI reports them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from vntrade.batch import PipelineSpec
from vntrade.loader import DEFAULT_MAX_BYTES
from vntrade.periods import parse_user_date
from vntrade.records import LoadProblem
from vntrade.store import EntryFilter, Store

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "open_store", "read_paths"]
CLUSTERS = 200  # clusters compared side by side by default (see `Corpus.clusters`)


def open_store(path: str | Path) -> Corpus:
    """The corpus of a store made by `vntrade ingest` (read only; close it, or use `with`)."""
    from vntrade.views.stored import open_events

    return Corpus(open_events(str(path)))


def read_paths(
    *paths: str | Path,
    model: str | None = None,
    actors_file: str | None = None,
    commodities_file: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    use_cache: bool = True,
) -> Corpus:
    """The corpus of article files (as `vntrade timeline PATH...` reads them): each article
    is extracted (or taken from the cache) into a temporary store, removed on `close`.
    Inputs that could not be read are in `Corpus.problems`, as the CLI reports them."""
    from vntrade.extraction import records_from_paths
    from vntrade.ingest import import_records

    spec = PipelineSpec(model, actors_file, commodities_file)
    folder = tempfile.TemporaryDirectory(prefix="vntrade-")
    problems: list[LoadProblem] = []
    try:
        store = Store.open(Path(folder.name) / "corpus.db", create=True)
        try:
            records = records_from_paths(
                [str(p) for p in paths],
                spec,
                problems.append,
                max_bytes=max_bytes,
                use_cache=use_cache,
            )
            fingerprint = spec.fingerprint()
            import_records(store, ((record, fingerprint) for record in records))
        except BaseException:
            store.close()
            raise
    except BaseException:
        folder.cleanup()
        raise
    return Corpus(store, problems, folder)


class Corpus:
    """Articles, their extraction records and the views of them, as DataFrames."""

    def __init__(
        self,
        store: Store,
        problems: list[LoadProblem] | None = None,
        folder: tempfile.TemporaryDirectory[str] | None = None,
    ) -> None:
        self.store = store
        self.problems = problems or []
        self._folder = folder

    def timeline(
        self,
        since: str | None = None,
        until: str | None = None,
        actors: Iterable[str] = (),
        commodities: Iterable[str] = (),
        kinds: Iterable[str] = (),
    ) -> pd.DataFrame:
        """One row per event, in date order, as `vntrade timeline` gives them: events that
        end on or after `since` and start on or before `until` (DATEs such as 2025-04-29,
        2025-04, 2025-W15, 2025), naming one of `actors` / `commodities` (any alias), of
        one of `kinds`."""
        import pandas as pd

        from vntrade.views.timeline import TIMELINE_COLUMNS

        keep = EntryFilter(
            since=parse_user_date(since, "since").start.isoformat() if since else None,
            until=parse_user_date(until, "until").end.isoformat() if until else None,
            actors=self._names("actors", actors),
            commodities=self._names("commodities", commodities),
            kinds=_kinds(kinds),
        )
        rows = list(self.store.timeline_entries(keep))
        frame = pd.DataFrame(rows, columns=list(TIMELINE_COLUMNS))
        frame["start_day"] = pd.to_datetime(frame["start"], errors="coerce")
        return frame

    def clusters(self, limit: int | None = CLUSTERS) -> pd.DataFrame:
        """One row per group of articles that report the same event, largest first (at most
        `limit`; None for every one, up to the 2,000 one request compares), as `vntrade
        compare --format jsonl` gives them: what all share, what each adds, conflicts."""
        import pandas as pd

        from vntrade.views.stored import compare_store

        result = compare_store(self.store, limit=limit)
        rows = [
            {"cluster": number, "n_articles": len(cluster["articles"]), **cluster}
            for number, cluster in zip(result.numbers, result.document["clusters"], strict=True)
        ]
        return pd.DataFrame(rows, columns=CLUSTER_COLUMNS)

    def actors(self) -> pd.DataFrame:
        """One row per actor, most widely reported first (`vntrade actors`)."""
        import pandas as pd

        from vntrade.views.lists import ACTOR_COLUMNS, actor_rows

        return pd.DataFrame(actor_rows(self.store), columns=list(ACTOR_COLUMNS))

    def commodities(self) -> pd.DataFrame:
        """One row per commodity (`vntrade commodities`)."""
        import pandas as pd

        from vntrade.views.lists import COMMODITY_COLUMNS, commodity_rows

        return pd.DataFrame(commodity_rows(self.store), columns=list(COMMODITY_COLUMNS))

    def directives(self, as_of: str | date | None = None) -> pd.DataFrame:
        """One row per order (`vntrade directives`); `status` judges each deadline against
        `as_of` (a DATE or a date), by default the day of the newest article (`self.as_of`)."""
        import pandas as pd

        from vntrade.views.lists import DIRECTIVE_COLUMNS, directive_rows_of

        rows = directive_rows_of(self.store, self._as_of(as_of))
        return pd.DataFrame(rows, columns=list(DIRECTIVE_COLUMNS))

    def records(self, with_text: bool = True) -> pd.DataFrame:
        """One row per article: its fields and its extraction (`vntrade extract`, `db
        export`): actors, dates, commodities, directives, events and figures as lists."""
        import pandas as pd

        rows = self.store.iter_records()
        if not with_text:
            rows = ({k: v for k, v in row.items() if k != "text"} for row in rows)
        return pd.DataFrame(list(rows))

    @property
    def as_of(self) -> date:
        """The day deadlines are judged against by default: the newest article's."""
        return self._as_of(None)

    def _as_of(self, given: str | date | None) -> date:
        from vntrade.views.as_of import as_of

        if isinstance(given, str):
            given = parse_user_date(given, "as_of").start
        return as_of(self.store, given)

    def _names(self, field: str, queries: Iterable[str]) -> set[str] | None:
        """Canonical names for name or alias queries; None for no query."""
        from vntrade.views.stored import name_index

        queries = list(queries)
        if not queries:
            return None
        index = name_index(self.store, field)
        return {name for query in queries for name in index.match(query)}

    def close(self) -> None:
        """Close the store (and remove the temporary one of `read_paths`)."""
        self.store.close()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _kinds(kinds: Iterable[str]) -> set[str] | None:
    """Event kinds as the CLI takes them (any case, - or _ for a space); a `UsageError` names
    an unknown one."""
    from vntrade.errors import UsageError
    from vntrade.events.kinds import KINDS

    wanted = {" ".join(k.lower().replace("-", " ").replace("_", " ").split()) for k in kinds}
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise UsageError(f"unknown kind {', '.join(map(repr, unknown))}; choose from "
                         f"{', '.join(KINDS)}.", "kinds")  # fmt: skip
    return wanted or None


CLUSTER_COLUMNS = ["cluster", "n_articles", "articles", "date", "kind", "summary", "same_event",
                   "events", "shared", "unique", "conflicts"]  # fmt: skip
