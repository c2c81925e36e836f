"""The one day every view judges deadlines against: the day asked for (`--as-of`), else the
newest article's day (of publication, else of reference), so that a store of last year's
news reads the same today as on the day it was made; today only for a store of undated
articles."""

from __future__ import annotations

from datetime import date

from vntrade.store import Store


def newest_day(store: Store) -> date | None:
    """The newest day of publication (else reference) of the store's articles."""
    _, newest, _ = store.dated_span()
    return date.fromisoformat(newest) if newest else None


def as_of(store: Store, given: date | None = None) -> date:
    """`given`, else the newest article's day, else today."""
    return given or newest_day(store) or date.today()
