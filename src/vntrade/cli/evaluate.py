"""`vntrade eval`: score extraction against a gold file, or dates against TimeML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from vntrade.cli.inputs import ProblemReporter
from vntrade.cli.output import output_options, stdout_console, write_document
from vntrade.cli.score_rows import accuracy_row, prf_rows
from vntrade.cli.sources import iter_records, source_options


@click.command("eval")
@source_options
@click.option(
    "--gold",
    "gold_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold annotations: a JSON file of the expected actors, dates, commodities and "
    "directives per article (format in the README, section Scores).",
)
@click.option(
    "--timeml",
    "timeml_dir",
    type=click.Path(exists=True, path_type=Path),
    help="Directory of TimeML (.tml) files or of MEANTIME CAT XML files, or a JSONL date "
    "development set such as "
    "tests/data/timex_dev/tune.jsonl: score date values (TempEval-3 style).",
)
@click.option(
    "--events",
    "events_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Event gold (tests/data/events/gold.json): score the events of PATH... (detection, "
    "kind, main actor, span, lead, well-formed summaries).",
)
@click.option(
    "--statements",
    "statements_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Statement gold (tests/data/statements/gold.json): score the statements of PATH... "
    "(P/R/F1 at 0.3 and 0.8 token overlap, speaker and direct/reported accuracy).",
)
@click.option(
    "--participants",
    "participants_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="MEANTIME's folder of CAT XML: score the agent (first actor) of each event against "
    "its gold event mention's Arg0 (agent right, agent named, no agent given).",
)
@click.option(
    "--split",
    type=click.Choice(["all", "dev", "aside"]),
    default="all",
    show_default=True,
    help="With --timeml on a MEANTIME folder (CAT XML): every document, the two thirds to "
    "develop on, or the third kept aside (every third by file name); with --events, the "
    "articles of that split in the gold file (also with --statements); with --participants, "
    "the MEANTIME documents of that split.",
)
@click.option("--misses", is_flag=True, help="List every missed and spurious item.")
@click.option("-v", "--verbose", "legacy_misses", is_flag=True, hidden=True, help="Old --misses.")
@click.option(
    "--by-type",
    is_flag=True,
    help="With --timeml: the misses grouped by TIMEX3 type (and by class for a development set).",
)
@click.option(
    "--min-f1",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit with code 3 when any reported F1 is below this (for scripts and CI).",
)
@output_options
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold_file: Path | None,
    timeml_dir: Path | None,
    events_file: Path | None,
    statements_file: Path | None,
    participants_dir: Path | None,
    split: str,
    misses: bool,
    legacy_misses: bool,
    by_type: bool,
    min_f1: float | None,
    fmt: str | None,
    **source: Any,
) -> None:
    """Score extraction: precision, recall and F1 per field and per article.

    \b
    vntrade eval --gold gold.json PATH...   actors, dates, commodities, directives
    vntrade eval --timeml DIR|FILE.jsonl    date values against TimeML gold (TempEval-3)
    vntrade eval --timeml MEANTIME_DIR --split dev   the same on MEANTIME's CAT XML
    vntrade eval --events gold.json PATH...   events: detection, kind, actor, span, lead
    vntrade eval --statements gold.json PATH...   statements: found, extent, speaker, direct
    vntrade eval --participants MEANTIME_DIR --split dev   event agents against MEANTIME's Arg0
    """
    chosen = [gold_file, timeml_dir, events_file, statements_file, participants_dir]
    if chosen.count(None) != len(chosen) - 1:
        raise click.UsageError(
            "Give exactly one of --gold FILE (with PATH...), --timeml DIR, --events FILE, "
            "--statements FILE (with PATH...) or --participants DIR."
        )
    verbose = misses or legacy_misses
    reporter = ProblemReporter()
    if participants_dir is not None:
        report = _score_participants(participants_dir, verbose, split, source)
        f1s = [report["agent_right"]["accuracy"]]  # --min-f1 checks the agent accuracy
        render = lambda r: _render_participants(r, verbose)  # noqa: E731
        write_document(report, fmt, render, _participants_rows, EVENT_COLUMNS)
    elif statements_file is not None:
        from vntrade.cli.evaluate_statements import score_statements, write_statements

        report = score_statements(statements_file, reporter, verbose, split, source)
        f1s = [report[f"overlap {t}"]["f1"] for t in (0.3, 0.8)]
        write_statements(report, fmt, verbose)
    elif events_file is not None:
        report = _score_events(events_file, reporter, verbose, split, source)
        f1s = [report["detection"]["f1"]]
        render = lambda r: _render_events(r, verbose)  # noqa: E731
        write_document(report, fmt, render, _events_rows, EVENT_COLUMNS)
    elif gold_file is not None:
        report = _score_gold(gold_file, reporter, verbose, source)
        f1s = [field["f1"] for field in report["fields"].values()]
        write_document(report, fmt, lambda r: _render_gold(r, verbose), _gold_rows, SCORE_COLUMNS)
    else:
        report = _score_timeml(timeml_dir, verbose, by_type, source, split)
        f1s = [report["value"]["f1"]]
        render = lambda r: _render_timeml(r, verbose)  # noqa: E731
        write_document(report, fmt, render, _timeml_rows, SCORE_COLUMNS)
    if reporter.exit_code:
        ctx.exit(reporter.exit_code)
    if min_f1 is not None and min(f1s) < min_f1:
        click.echo(f"vntrade: an F1 score is below --min-f1 {min_f1}", err=True)
        ctx.exit(3)


def _score_gold(
    gold_file: Path, reporter: ProblemReporter, verbose: bool, source: dict[str, Any]
) -> dict[str, Any]:
    from vntrade.evaluation.gold import load_gold, score_records

    gold = load_gold(gold_file)
    records = iter_records(reporter=reporter, **source)
    return score_records(gold, records, details=verbose)


def _score_timeml(
    timeml_dir: Path, verbose: bool, by_type: bool, source: dict[str, Any], split: str = "all"
) -> dict[str, Any]:
    from vntrade.evaluation.timeml import score_timeml
    from vntrade.nlp.pipeline import load_pipeline

    if source.get("paths"):
        raise click.UsageError("--timeml DIR takes no PATH arguments.")
    if timeml_dir.is_file() and timeml_dir.suffix != ".jsonl":
        raise click.UsageError(
            f"--timeml {timeml_dir}: give a directory of .tml files or a .jsonl development set."
        )
    nlp = load_pipeline(source["model"], source["actors_file"], source["commodities_file"])
    try:
        return score_timeml(timeml_dir, nlp, verbose, by_type, split)
    except (ValueError, KeyError) as error:  # a malformed development set line
        raise click.ClickException(f"{timeml_dir}: not a date development set ({error})") from None


def _score_events(
    events_file: Path,
    reporter: ProblemReporter,
    verbose: bool,
    split: str,
    source: dict[str, Any],
) -> dict[str, Any]:
    from vntrade.evaluation.events import load_event_gold, score_events
    from vntrade.nlp.pipeline import load_pipeline

    gold = load_event_gold(events_file)
    records = iter_records(reporter=reporter, **source)
    nlp = load_pipeline(source["model"], source["actors_file"], source["commodities_file"])
    return score_events(gold, records, nlp, split, details=verbose)


def _score_participants(
    directory: Path, verbose: bool, split: str, source: dict[str, Any]
) -> dict[str, Any]:
    from vntrade.evaluation.participants import score_participants
    from vntrade.nlp.pipeline import load_pipeline

    if source.get("paths"):
        raise click.UsageError("--participants DIR takes no PATH arguments.")
    nlp = load_pipeline(source["model"], source["actors_file"], source["commodities_file"])
    return score_participants(directory, nlp, split, details=verbose)


_AGENT_MEASURES = ("agent_right", "agent_named", "no_agent")


def _participants_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per agent measure over the events scored, for jsonl and csv."""
    return [accuracy_row(name, report[name]) for name in _AGENT_MEASURES]


def _render_participants(report: dict[str, Any], verbose: bool) -> None:
    from rich.table import Table

    console = stdout_console()
    title = (f"Event agents against MEANTIME's Arg0 ({report['split']}: {report['articles']} "
             f"articles, {report['events']} events, {report['scored']} scored)")  # fmt: skip
    table = Table(title=title, header_style="bold cyan")
    for column in ("measure", "share", "events", "of"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name in _AGENT_MEASURES:
        tally = report[name]
        share = f"[bold]{tally['accuracy']:.3f}[/bold]"
        table.add_row(name.replace("_", " "), share, str(tally["right"]), str(tally["of"]))
    console.print(table)
    for reason, count in report["unscored"].items():
        console.print(f"not scored, {reason}: {count}", markup=False)
    for miss in report.get("misses", []) if verbose else []:
        console.print(
            f"{miss['article']} | trigger: {miss['trigger']} | gold event: {miss['gold_event']}"
            f" | gold agent: {miss['gold_agent']} | actors: {', '.join(miss['actors']) or '-'}"
            f"\n  {miss['sentence']}",
            markup=False,
        )


EVENT_COLUMNS = ("measure", "score", "right", "of")
_EVENT_MEASURES = ("kind", "main_actor", "actor_named", "span", "lead", "summaries")


def _events_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Detection precision, recall and F1, then one row per accuracy, for jsonl and csv."""
    rows = prf_rows("detection", report["detection"])
    return rows + [accuracy_row(name, report[name]) for name in _EVENT_MEASURES]


def _render_events(report: dict[str, Any], verbose: bool) -> None:
    from rich.table import Table

    console = stdout_console()
    title = f"Event detection ({report['split']}: {report['articles']} articles)"
    detection = _score_table(title, "events")
    detection.add_row(*_score_row("all", report["detection"]))
    console.print(detection)
    table = Table(title="Matched events", header_style="bold cyan")
    for column in ("measure", "accuracy", "right", "of"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name in _EVENT_MEASURES:
        tally = report[name]
        accuracy = f"[bold]{tally['accuracy']:.3f}[/bold]"
        table.add_row(name.replace("_", " "), accuracy, str(tally["right"]), str(tally["of"]))
    console.print(table)
    for error in report.get("errors", []) if verbose else []:
        details = " | ".join(f"{key}: {value}" for key, value in error.items() if key != "article")
        console.print(f"{error['article']} {details}", markup=False)


SCORE_COLUMNS = ("scope", "field", "precision", "recall", "f1", "tp", "fp", "fn")
_MEASURES = ("precision", "recall", "f1", "tp", "fp", "fn")


def _gold_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per field, overall (scope `all`) and per article, for jsonl and csv."""
    rows = [_measured("all", name, score) for name, score in report["fields"].items()]
    for article_id, fields in report["articles"].items():
        rows += [_measured(article_id, name, score) for name, score in fields.items()]
    return rows


def _timeml_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Value and extent scores overall, then value scores per TIMEX3 type."""
    rows = [_measured("all", name, report[name]) for name in ("value", "extent")]
    rows += [_measured(kind, "value", score) for kind, score in report.get("by_type", {}).items()]
    return rows


def _measured(scope: str, field: str, score: dict[str, Any]) -> dict[str, Any]:
    return {"scope": scope, "field": field, **{key: score[key] for key in _MEASURES}}


def _score_row(name: str, score: dict[str, Any]) -> list[str]:
    return [
        name,
        f"{score['precision']:.3f}",
        f"{score['recall']:.3f}",
        f"[bold]{score['f1']:.3f}[/bold]",
        str(score["tp"]),
        str(score["fp"]),
        str(score["fn"]),
    ]


def _score_table(title: str, first: str):
    from rich.table import Table

    table = Table(title=title, header_style="bold cyan")
    for column in (first, "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == first else "right")
    return table


def _render_gold(report: dict[str, Any], verbose: bool) -> None:
    console = stdout_console()
    table = _score_table("Extraction scores (micro-averaged over articles)", "field")
    for name, score in report["fields"].items():
        table.add_row(*_score_row(name, score))
    console.print(table)
    per_article = _score_table("Per article (F1)", "article")
    per_article.columns = per_article.columns[:1]
    for name in report["fields"]:
        per_article.add_column(name, justify="right")
    for article_id, scores in report["articles"].items():
        per_article.add_row(article_id, *(f"{scores[name]['f1']:.3f}" for name in report["fields"]))
    console.print(per_article)
    if verbose:
        for article_id, scores in report["articles"].items():
            for name in report["fields"]:
                for item in scores[name].get("missed", []):
                    console.print(f"{article_id} {name} [red]missed[/red] {item}", markup=True)
                for item in scores[name].get("spurious", []):
                    console.print(f"{article_id} {name} [yellow]spurious[/yellow] {item}")


def _render_timeml(report: dict[str, Any], verbose: bool) -> None:
    console = stdout_console()
    table = _score_table("TimeML date values", "TIMEX3 type")
    table.add_row(*_score_row("all", report["value"]))
    for name, score in report.get("by_type", {}).items():
        table.add_row(*_score_row(name, score))
    console.print(table)
    if "by_class" in report:
        classes = _score_table("Date values by class", "class")
        for name, score in report["by_class"].items():
            classes.add_row(*_score_row(name, score))
        console.print(classes)
    if verbose and "misses_by_type" not in report:
        for miss in report.get("misses", []):
            console.print(miss, markup=False)
    for key, title in (("misses_by_type", "type"), ("misses_by_class", "class")):
        for name, misses in report.get(key, {}).items():
            console.print(f"[bold]Misses of {title} {name}[/bold]: {len(misses)}")
            for miss in misses:
                console.print(f"  {miss}", markup=False)
