"""`vntrade eval --statements GOLD PATH...`: statements scored against a statement gold file
(P/R/F1 at 0.3 and 0.8 token overlap, speaker and direct/reported accuracy)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vntrade.cli.inputs import ProblemReporter
from vntrade.cli.output import stdout_console, write_document
from vntrade.cli.score_rows import PRF, accuracy_row, prf_rows
from vntrade.cli.sources import iter_records

COLUMNS = ("measure", "score", "right", "of")


def score_statements(
    statements_file: Path,
    reporter: ProblemReporter,
    verbose: bool,
    split: str,
    source: dict[str, Any],
) -> dict[str, Any]:
    from vntrade.evaluation.statements import load_statement_gold, score_statements

    gold = load_statement_gold(statements_file)
    records = iter_records(reporter=reporter, **source)
    return score_statements(gold, records, split, details=verbose)


def _rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """P/R/F1 at each overlap, then the speaker and direct accuracies, for jsonl and csv."""
    rows = []
    for key in (k for k in report if k.startswith("overlap")):
        rows += [
            {**row, "measure": f"{name} at {key}"}
            for (name, _), row in zip(PRF, prf_rows("", report[key]), strict=True)
        ]
    return rows + [accuracy_row(name, report[name]) for name in ("speaker", "direct")]


def _render(report: dict[str, Any], verbose: bool) -> None:
    from rich.table import Table

    console = stdout_console()
    title = f"Statements ({report['split']}: {report['articles']} articles)"
    found = Table(title=title, header_style="bold cyan")
    for column in ("token overlap", "precision", "recall", "F1", "tp", "fp", "fn"):
        found.add_column(column, justify="left" if column == "token overlap" else "right")
    for key in (k for k in report if k.startswith("overlap")):
        score = report[key]
        rates = (f"{score[name]:.3f}" for name in ("precision", "recall", "f1"))
        found.add_row(
            key.removeprefix("overlap "), *rates, *(str(score[n]) for n in ("tp", "fp", "fn"))
        )
    console.print(found)
    table = Table(title="Statements matched at 0.3", header_style="bold cyan")
    for column in ("measure", "accuracy", "right", "of"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    for name in ("speaker", "direct"):
        tally = report[name]
        table.add_row(name, f"[bold]{tally['accuracy']:.3f}[/bold]", str(tally["right"]),
                      str(tally["of"]))  # fmt: skip
    console.print(table)
    for error in report.get("errors", []) if verbose else []:
        details = " | ".join(f"{key}: {value}" for key, value in error.items() if key != "article")
        console.print(f"{error['article']} {details}", markup=False)


def write_statements(report: dict[str, Any], fmt: str | None, verbose: bool) -> None:
    """The report as tables, or as rows of (measure, score, right, of)."""
    write_document(report, fmt, lambda r: _render(r, verbose), _rows, COLUMNS)
