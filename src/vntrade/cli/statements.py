"""`vntrade statements`: who said what, quoted or reported, by speaker, date and words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from vntrade.cli.filters import as_period, say_nothing_matched
from vntrade.cli.output import output_options, resolve_format, write_rows
from vntrade.cli.sources import reads_store, source_options
from vntrade.cli.tables import Column

if TYPE_CHECKING:
    from vntrade.store import Store

STATEMENT_TABLE = (
    Column("date", "date", "fixed"),
    Column("speaker", "speaker", ratio=1),
    Column("direct", "quoted", "fixed", 3),
    Column("cue", "cue", priority=4),
    Column("text", "what", ratio=4, min_width=24),
    Column("article", "article", "id", 2),
)


@click.command()
@source_options
@click.option(
    "--speaker",
    "speakers",
    multiple=True,
    metavar="NAME",
    help="Only statements of this speaker: a canonical name or any alias or mention text "
    "(Pham Thu Hang, Hằng, PM Chinh), or an unnamed source as written (repeatable).",
)
@click.option(
    "--since", callback=as_period, metavar="DATE", help="Only statements said on or after DATE."
)
@click.option(
    "--until", callback=as_period, metavar="DATE", help="Only statements said on or before DATE."
)
@click.option(
    "--contains",
    "words",
    multiple=True,
    metavar="WORDS",
    help="Only statements whose words include all of these (any case and diacritics).",
)
@output_options
@reads_store
def statements(
    store: Store,
    speakers: tuple[str, ...],
    since: Any,
    until: Any,
    words: tuple[str, ...],
    fmt: str | None,
) -> None:
    """Statements of PATH...: who said what, quoted (direct) or reported, and when.

    One row per statement, by date (when it was said if the article says, else the
    article's date): speaker (the canonical actor; an unnamed source as written), cue, the
    words said, the article. `text` is `record.text[start:end]` of that article.
    """
    from vntrade.views.statements import STATEMENT_COLUMNS, statement_filter, statement_rows

    keep = statement_filter(store, speakers, since, until, words)
    table = resolve_format(fmt) == "table"
    columns: Any = STATEMENT_TABLE if table else STATEMENT_COLUMNS
    rows = statement_rows(store, keep)
    written = write_rows(rows, fmt, columns=columns, title="Statements")
    if not written and (speakers or since or until or words):
        say_nothing_matched("statements")
