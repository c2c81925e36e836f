"""Terminal renderings of the timeline and the comparison: rich tables, coloured by kind."""

from __future__ import annotations

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
    columns of their own, so that no column is squeezed to a few characters."""
    from rich.table import Table
    from rich.text import Text

    from vntrade.cli.output import stdout_console

    console = stdout_console()
    if not rows:
        console.print("No events.")
        return
    wide = console.width >= WIDE
    colours = article_styles(i for row in rows for i in row["articles"])
    inferred = any(row.get("date_inferred") for row in rows)
    table = Table(
        title="Timeline",
        header_style="bold",
        expand=True,
        caption="* year inferred from the other articles" if inferred else None,
    )
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    if wide:
        table.add_column("what", overflow="fold", ratio=3)
        table.add_column("actors", overflow="fold", ratio=1)
        table.add_column("articles", no_wrap=True)
    else:
        table.add_column("what · who · articles", overflow="fold")
    for month, group in _by_month(rows):
        table.add_section()
        table.add_row(Text(month, style="bold underline"))
        for row in group:
            what = Text(row["summary"])
            if not wide:
                _append_who(what, row, colours)
            if evidence:
                for item in row["evidence"]:
                    what.append(f"\n{item['article']}: ", style=colours[item["article"]])
                    what.append(item["sentence"], style="dim")
            cells = [_date_text(row), Text(row["kind"], style=KIND_STYLES.get(row["kind"], ""))]
            if wide:
                cells += [what, _first(row["actors"], 3), _ids_text(row["articles"], colours)]
            else:
                cells.append(what)
            table.add_row(*cells)
    console.print(table)


def _append_who(text: Any, row: dict[str, Any], colours: dict[str, str]) -> None:
    """The actors and articles of a row on lines of their own under its summary."""
    if row["actors"]:
        text.append(f"\n{_first(row['actors'], 3)}", style="italic")
    text.append("\n")
    for n, article in enumerate(row["articles"]):
        text.append(("" if not n else ", ") + article, style=colours.get(article, "dim"))


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
    of a cluster get a column; the others are named under its table.
    """
    from rich.table import Table
    from rich.text import Text

    from vntrade.cli.output import stdout_console

    console = stdout_console()
    clusters, singletons = document["clusters"], document["singletons"]
    colours = article_styles(
        [*singletons, *(i for cluster in clusters for i in cluster["articles"])]
    )
    for number, cluster in zip(numbers or range(1, len(clusters) + 1), clusters, strict=True):
        table = Table(title=_cluster_title(number, cluster), title_justify="left", show_lines=True)
        table.add_column("", style="bold")
        table.add_column("shared by all", overflow="fold")
        ids = cluster["articles"][:SIDE_BY_SIDE]
        for i in ids:
            table.add_column(Text(i, style=colours[i]), overflow="fold")
        events = cluster.get("events", {})
        if not cluster["same_event"]:
            table.add_row("event", "", *(_event_text(events.get(i)) for i in ids))
        for aspect in ASPECTS:
            shared = _aspect_text(aspect, cluster["shared"].get(aspect, []))
            own = [_aspect_text(aspect, cluster["unique"][i].get(aspect, [])) for i in ids]
            if shared or any(own):
                table.add_row(aspect, shared, *own)
        console.print(table)
        if len(cluster["articles"]) > len(ids):
            more = cluster["articles"][len(ids) :]
            console.print(
                f"and {len(more)} more articles (--format json compares them all): "
                + ", ".join(more[:MORE_NAMED])
                + (" ..." if len(more) > MORE_NAMED else ""),
                style="dim",
            )
        for conflict in cluster["conflicts"]:
            console.print(_conflict_text(conflict, colours))
    if singletons:
        table = Table(title="Articles about events no other article reports", title_justify="left")
        for name in ("article", "date", "kind", "event"):
            table.add_column(name, overflow="fold")
        for i in singletons:
            lead = leads.get(i) or {}
            table.add_row(
                Text(i, style=colours[i]),
                lead.get("date") or "",
                Text(lead.get("kind") or "", style=KIND_STYLES.get(lead.get("kind") or "", "")),
                lead.get("summary") or "",
            )
        console.print(table)


def render_overview(
    document: dict[str, Any], numbers: list[int], articles: int, clusters_in_all: int
) -> None:
    """One line per cluster shown (its number, size, event and conflicts); `articles` is how
    many were compared, `clusters_in_all` how many clusters they make."""
    from rich.table import Table
    from rich.text import Text

    from vntrade.cli.output import stdout_console

    clusters = document["clusters"]
    table = Table(
        title=f"Clusters of {articles} articles, largest first", title_justify="left", expand=True
    )
    for name in ("#", "articles", "date", "kind", "event", "conflicts"):
        ratio = 1 if name == "event" else None
        table.add_column(name, overflow="fold", ratio=ratio, no_wrap=name != "event")
    for number, cluster in zip(numbers, clusters, strict=True):
        kind = cluster["kind"] or ""
        table.add_row(
            str(number),
            str(len(cluster["articles"])),
            cluster["date"] or "",
            Text(kind, style=KIND_STYLES.get(kind, "")),
            cluster["summary"] or "",
            str(len(cluster["conflicts"])) if cluster["conflicts"] else "",
        )
    console = stdout_console()
    console.print(table)
    console.print(
        f"{len(clusters)} of {clusters_in_all} clusters shown. "
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
