"""The report page: the data of `report.data` through a Jinja2 template, with plotly.js's
basic bundle (scatter and bar) inlined, so that the file opens offline in any browser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from typing import Any

from vntrade.views.compare import ASPECTS

TITLE = "Vietnam–US trade talks: what the news reports"
# plotly.js-basic-dist-min from npm, pinned and vendored by `make vendor-plotly`: 1.2 MB
# where plotly's full bundle is 4.8 MB. Its traces are scatter, bar and pie; the heatmaps
# are HTML tables.
PLOTLY_JS = "plotly-basic.min.js"
# White for none, then light to dark blue as the count grows (the old heatmap's scale).
HEAT_LOW = (0xDE, 0xEB, 0xF7)
HEAT_HIGH = (0x08, 0x30, 0x6B)


def render_page(report: dict[str, Any], title: str = TITLE) -> Iterator[str]:
    """The HTML document for `report` (see `report.data.build_report`), in pieces as the
    template makes them: the page is written as it is made, never held whole."""
    import jinja2

    templates = files("vntrade.report") / "templates"
    environment = jinja2.Environment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined
    )
    template = environment.from_string((templates / "report.html.j2").read_text("utf-8"))
    limits = report["limits"]
    co = report["cooccurrence"]
    goods = report["commodity_months"]
    return template.generate(
        title=title,
        corpus=report["corpus"],
        clusters=report["clusters"],
        singletons=report["singletons"],
        directives=report["directives"],
        limits=limits,
        aggregated=any(shown < total for shown, total in limits.values()),
        aspects=ASPECTS,
        cooccurrence=heat_table(co["names"], co["names"], co["counts"]),
        commodity_months=heat_table(goods["names"], goods["months"], goods["counts"]),
        css=(templates / "report.css").read_text("utf-8"),
        js=(templates / "report.js").read_text("utf-8"),
        plotly_js=(templates / PLOTLY_JS).read_text("utf-8"),
        data_json=_script_json(_page_data(report)),
    )


def heat_table(rows: list[str], columns: list[str], counts: list[list[int]]) -> dict[str, Any]:
    """A heatmap as table cells: each count with its background and text colour."""
    most = max((n for row in counts for n in row), default=0)
    return {
        "columns": columns,
        "rows": [
            {"name": name, "cells": [{"n": n, "style": _heat(n, most)} for n in row]}
            for name, row in zip(rows, counts, strict=True)
        ],
    }


def _heat(n: int, most: int) -> str:
    if n <= 0 or most <= 0:
        return ""
    share = n / most
    rgb = (round(lo + (hi - lo) * share) for lo, hi in zip(HEAT_LOW, HEAT_HIGH, strict=True))
    ink = "#fff" if share > 0.5 else "#1d2430"
    return "background:#{:02x}{:02x}{:02x};color:{}".format(*rgb, ink)


def _page_data(report: dict[str, Any]) -> dict[str, Any]:
    """What the page's script draws (clusters, directives and the heat tables are HTML
    already; their data stays in the page's data for whoever reads it)."""
    keys = ("corpus", "kinds", "timeline", "months", "month_unknown", "month_axis",
            "cooccurrence", "commodity_months", "articles", "limits")  # fmt: skip
    return {key: report[key] for key in keys}


def _script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no `</` can close it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
