"""Terminal renderings of the timeline and the comparison: rich tables, coloured by kind."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from vntrade.events.entries import DAY_UNKNOWN
from vntrade.views.compare import ASPECTS
from vntrade.views.timeline import date_label, period_label

KIND_STYLES = {
    "meeting": "bold blue",
    "call": "cyan",
    "visit": "green",
    "negotiation": "bold magenta",
    "agreement": "bold green",
    "tariff measure": "bold red",
    "decision": "yellow",
    "briefing": "bright_blue",
    "announcement": "magenta",
    "deadline": "bold yellow",
    "report": "white",
}
SIDE_BY_SIDE = 6  # articles of a cluster given a column each in the terminal
MORE_NAMED = 20  # the other articles of a cluster named under its table
MAX_SPEAKERS_SHOWN = 5  # under a cluster's table: who is quoted in which report
WIDE = 110  # columns from which the timeline gives actors and articles columns of their own
_ARTICLE_PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan",
                    "bright_magenta", "bright_green", "bright_yellow", "bright_blue")  # fmt: skip


def article_styles(ids: Iterable[str]) -> dict[str, str]:
    """One colour per article id, the same wherever the id is shown."""
    ordered = sorted(set(ids))
    return {i: _ARTICLE_PALETTE[n % len(_ARTICLE_PALETTE)] for n, i in enumerate(ordered)}


def render_timeline(rows: list[dict[str, Any]], evidence: bool = False) -> None:
    """A table per month: date, kind, what happened, who, and which articles say so.

    Below `WIDE` columns the actors and articles go under the summary instead of in
    columns of their own, so that no column is squeezed to a few characters; lists of
    actors and articles are folded ("A, B +3") and no word or id is ever split."""
    from rich.text import Text

    from vntrade.cli.output import stdout_console
    from vntrade.cli.tables import Column, plan

    console = stdout_console()
    if not rows:
        console.print("No events.")
        return
    wide = console.width >= WIDE
    colours = article_styles(i for row in rows for i in row["articles"])
    inferred = any(row.get("date_inferred") for row in rows)
    groups = _by_month(rows)
    columns = [Column("date", "date", "fixed"), Column("kind", "kind", "fixed")]
    if wide:
        columns += [
            Column("what", "what", ratio=3, min_width=24),
            Column("actors", "actors", "list", 2, min_width=16, lines=3),
            Column("articles", "articles", "list", 1, min_width=24, ratio=0, lines=3),
        ]
    else:
        columns.append(Column("what", "what · who · articles", min_width=24))
    measured = [[Text(month), "", "", [], []][: len(columns)] for month, _ in groups]
    for row in rows:
        cells = [_date_text(row), row["kind"], row["summary"]]
        measured.append([*cells, row["actors"], row["articles"]] if wide else cells)
    layout = plan(columns, measured, console.width)
    table = layout.table(
        title="Timeline",
        header_style="bold",
        caption="* year inferred from the other articles" if inferred else None,
    )
    what_width = layout.widths[[c.key for c in layout.columns].index("what")]
    for month, group in groups:
        table.add_section()
        table.add_row(Text(month, style="bold underline"))
        for row in group:
            what = Text(row["summary"])
            if not wide:
                _append_who(what, row, colours, what_width)
            if evidence:
                for item in row["evidence"]:
                    what.append(f"\n{item['article']}: ", style=colours[item["article"]])
                    what.append(item["sentence"], style="dim")
            kind = Text(row["kind"], style=KIND_STYLES.get(row["kind"], ""))
            ids = [Text(i, style=colours.get(i, "")) for i in row["articles"]]
            cells = [_date_text(row), kind, what]
            table.add_row(*layout.cells([*cells, row["actors"], ids] if wide else cells))
    console.print(table)


def _append_who(text: Any, row: dict[str, Any], colours: dict[str, str], width: int) -> None:
    """The actors and articles of a row on lines of their own under its summary, each list
    folded to the width of the column."""
    from rich.text import Text

    from vntrade.cli.tables import fold_list

    if row["actors"]:
        actors = fold_list(row["actors"], width, 1)
        actors.stylize("italic")
        text.append("\n")
        text.append_text(actors)
    text.append("\n")
    ids = [Text(i, style=colours.get(i, "dim")) for i in row["articles"]]
    text.append_text(fold_list(ids, width, 2))


def _first(names: list[str], count: int) -> str:
    """The first names of a list, and how many more there are."""
    more = f" +{len(names) - count}" if len(names) > count else ""
    return ", ".join(names[:count]) + more


def _by_month(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Consecutive rows under one heading: the month of a day, week or month; a period that
    gives no month has its own ("2025, month unknown"), after the months it covers."""
    from datetime import date

    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for row in rows:
        start = row["start"]
        if start is None:
            title = "Undated"
        elif row["precision"] in DAY_UNKNOWN and row["precision"] != "month":
            title = period_label(row["date"], row["precision"])
        else:
            title = date.fromisoformat(start).strftime("%B %Y")
        if not groups or groups[-1][0] != title:
            groups.append((title, []))
        groups[-1][1].append(row)
    return groups


def _date_text(row: dict[str, Any]) -> Any:
    from rich.text import Text

    text = Text(row["date"], style="bold")
    if row["precision"] != "day":
        text.append(date_label("", row["precision"]), style="dim")
    if row.get("date_inferred"):
        text.append(" *", style="dim")  # the year comes from the rest of the corpus
    return text


def _ids_text(ids: Iterable[str], colours: dict[str, str]) -> Any:
    from rich.text import Text

    text = Text()
    for n, i in enumerate(ids):
        text.append(("\n" if n else "") + i, style=colours.get(i, ""))
    return text


def render_comparison(
    document: dict[str, Any], leads: dict[str, dict[str, Any]], numbers: list[int] | None = None
) -> None:
    """A side-by-side table per group of articles, its conflicts, then the articles alone.

    `leads` gives each article's lead event (date, kind, summary) for the lone articles,
    `numbers` the clusters' numbers (1, 2, ... by default). At most `SIDE_BY_SIDE` articles
    of a cluster get a column, fewer when the terminal is narrow (their ids then shortened,
    with a key under the table); the others are named under its table.
    """
    from rich.text import Text

    from vntrade.cli.output import stdout_console
    from vntrade.cli.tables import Column, plan

    console = stdout_console()
    clusters, singletons = document["clusters"], document["singletons"]
    colours = article_styles(
        [*singletons, *(i for cluster in clusters for i in cluster["articles"])]
    )
    for number, cluster in zip(numbers or range(1, len(clusters) + 1), clusters, strict=True):
        layout, rows, shortened = _side_by_side(cluster, colours, console.width)
        table = layout.table(
            title=_cluster_title(number, cluster), title_justify="left", show_lines=True
        )
        for row in rows:
            table.add_row(*layout.cells(row))
        console.print(table)
        shown = [c.key for c in layout.columns[2:]]
        if shortened:
            key = " · ".join(f"{c.title} {c.key}" for c in layout.columns[2:])
            console.print(f"key: {key}", style="dim", markup=False, highlight=False)
        if len(cluster["articles"]) > len(shown):
            more = [i for i in cluster["articles"] if i not in shown]
            console.print(
                f"and {len(more)} more articles (--format json compares them all): "
                + ", ".join(more[:MORE_NAMED])
                + (" ..." if len(more) > MORE_NAMED else ""),
                style="dim",
                markup=False,
                highlight=False,
            )
        for conflict in cluster["conflicts"]:
            console.print(_conflict_text(conflict, colours))
        for quoted in cluster.get("quoted", [])[:MAX_SPEAKERS_SHOWN]:
            console.print(_quoted_text(quoted, colours))
    if singletons:
        columns = [
            Column("article", "article", "id"),
            Column("date", "date", "fixed"),
            Column("kind", "kind", "fixed", 1),
            Column("event", "event", min_width=20),
        ]
        rows = []
        for i in singletons:
            lead = leads.get(i) or {}
            kind = lead.get("kind") or ""
            style = KIND_STYLES.get(kind, "")
            rows.append([Text(i, style=colours[i]), lead.get("date") or "",
                         Text(kind, style=style), lead.get("summary") or ""])  # fmt: skip
        layout = plan(columns, rows, console.width)
        table = layout.table(
            title="Articles about events no other article reports", title_justify="left"
        )
        for row in rows:
            table.add_row(*layout.cells(row))
        console.print(table)


def _side_by_side(cluster: dict[str, Any], colours: dict[str, str], width: int) -> Any:
    """The layout and rows of a cluster's table: aspect, shared, then an article a column
    as many as fit (ids as headers, shortened to a unique prefix when that lets more fit)."""
    from vntrade.cli.tables import Column, plan, short_id, unique_prefix

    ids = cluster["articles"][:SIDE_BY_SIDE]
    events = cluster.get("events", {})
    rows = []
    if not cluster["same_event"]:
        rows.append(["event", "", *(_event_text(events.get(i)) for i in ids)])
    for aspect in ASPECTS:
        shared = _aspect_text(aspect, cluster["shared"].get(aspect, []))
        own = [_aspect_text(aspect, cluster["unique"][i].get(aspect, [])) for i in ids]
        if shared or any(own):
            rows.append([aspect, shared, *own])
    length = unique_prefix(ids)
    best = None
    for headers in (list(ids), [short_id(i, length) for i in ids]):
        columns = [
            Column("aspect", "", "fixed", style="bold"),
            Column("shared", "shared by all"),
            *(
                Column(i, header, priority=n + 1, header_style=colours[i])
                for n, (i, header) in enumerate(zip(ids, headers, strict=True))
            ),
        ]
        layout = plan(columns, rows, width)
        if best is None or len(layout.columns) > len(best.columns):
            best, shortened = layout, headers != ids
    return best, rows, shortened


def render_overview(
    document: dict[str, Any], numbers: list[int], articles: int, clusters_in_all: int
) -> None:
    """One line per cluster shown (its number, size, event and conflicts); `articles` is how
    many were compared, `clusters_in_all` how many clusters they make."""
    from rich.text import Text

    from vntrade.cli.output import stdout_console
    from vntrade.cli.tables import Column, plan

    clusters = document["clusters"]
    columns = [
        Column("#", "#", "fixed", justify="right"),
        Column("articles", "articles", "fixed", 2, justify="right"),
        Column("date", "date", "fixed"),
        Column("kind", "kind", "fixed", 3),
        Column("event", "event", min_width=16),
        Column("conflicts", "conflicts", "fixed", 1, justify="right"),
    ]
    rows = []
    for number, cluster in zip(numbers, clusters, strict=True):
        kind = cluster["kind"] or ""
        conflicts = f"{len(cluster['conflicts']):,}" if cluster["conflicts"] else ""
        rows.append([f"{number:,}", f"{len(cluster['articles']):,}", cluster["date"] or "",
                     Text(kind, style=KIND_STYLES.get(kind, "")), cluster["summary"] or "",
                     conflicts])  # fmt: skip
    console = stdout_console()
    layout = plan(columns, rows, console.width)
    table = layout.table(
        title=f"Clusters of {articles:,} articles, largest first", title_justify="left"
    )
    for row in rows:
        table.add_row(*layout.cells(row))
    console.print(table)
    console.print(
        f"{len(clusters):,} of {clusters_in_all:,} clusters shown. "
        "--cluster N shows a cluster side by side.",
        style="dim",
    )


def _cluster_title(number: int, cluster: dict[str, Any]) -> str:
    if not cluster["same_event"]:
        return f"{number}. Side by side (different events)"
    what = f"{cluster['kind'] or 'event'}: {cluster['summary'] or ''}"
    return f"{number}. {cluster['date'] or 'undated'} {what}"


def _event_text(event: dict[str, Any] | None) -> str:
    if not event:
        return ""
    return f"{event['date']} {event['kind']}: {event['summary']}"


def _aspect_text(aspect: str, items: list[Any]) -> str:
    if aspect == "figures":
        return "\n".join(
            f"{f['text']} ({f['quantity']})" if f["quantity"] else f["text"] for f in items
        )
    if aspect == "directives":
        return "\n".join(_directive_text(d) for d in items)
    return "\n".join(items)


def _directive_text(directive: dict[str, Any]) -> str:
    who = directive.get("issuer") or "?"
    to = f" → {directive['addressee']}" if directive.get("addressee") else ""
    by = f" (by {directive['deadline']})" if directive.get("deadline") else ""
    action = directive.get("action") or next(iter(directive.get("actions", {}).values()), "")
    return f"{who}{to}: {action}{by}"


def _quoted_text(quoted: dict[str, Any], colours: dict[str, str]) -> Any:
    """`Quoted: Pham Thu Hang: A (2 verbatim), B (1 paraphrased); not by C`."""
    from rich.text import Text

    text = Text(f"Quoted: {quoted['speaker']}: ", style="bold")
    for number, (article, statements) in enumerate(quoted["articles"].items()):
        kinds = Counter(statement["agreement"] for statement in statements)
        told = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
        text.append(("; " if number else "") + article, style=colours.get(article, ""))
        text.append(f" ({told})")
    if quoted["missing"]:
        text.append("; not by ")
        for number, article in enumerate(quoted["missing"]):
            text.append((", " if number else "") + article, style=colours.get(article, ""))
    return text


def _conflict_text(conflict: dict[str, Any], colours: dict[str, str]) -> Any:
    """A conflict grouped by value, the most reported first: how many reports give each value,
    their outlets and articles, and the evidence sentence of the first of them."""
    from rich.text import Text

    groups = conflict.get("groups") or []
    reports = sum(group["reports"] for group in groups)
    text = Text(f"Conflict ({conflict['type']}): {conflict['what']}", style="bold red")
    text.append(f" — {len(groups)} values in {reports} reports\n", style="red")
    for group in groups[:MORE_NAMED]:
        n = group["reports"]
        text.append(f"  {group['value']}", style="bold")
        text.append(f": {n} report{'s' if n != 1 else ''}")
        if group["sources"]:
            text.append(f" ({_first(group['sources'], 5)})")
        text.append("\n    ")
        for i, article in enumerate(group["articles"][:SIDE_BY_SIDE]):
            text.append(("" if not i else ", ") + article, style=colours.get(article, ""))
        if n > SIDE_BY_SIDE:
            text.append(f" +{n - SIDE_BY_SIDE}", style="dim")
        first = group["articles"][0]
        text.append(f"\n    {first}: {conflict['evidence'].get(first, '')}\n", style="dim")
    if len(groups) > MORE_NAMED:
        text.append(f"  and {len(groups) - MORE_NAMED} more values (--format json)\n", "dim")
    return text
