"""The report page: the data of `report.data` through a Jinja2 template, Plotly's JavaScript
inlined from the plotly package, so that the file opens offline in any browser."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from vntrade.views.compare import ASPECTS

TITLE = "Vietnam–US trade talks: what the news reports"


def render_page(report: dict[str, Any], title: str = TITLE) -> str:
    """The whole HTML document for `report` (see `report.data.build_report`)."""
    import jinja2
    from plotly.offline import get_plotlyjs

    templates = files("vntrade.report") / "templates"
    environment = jinja2.Environment(
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined
    )
    template = environment.from_string((templates / "report.html.j2").read_text("utf-8"))
    limits = report["limits"]
    return template.render(
        title=title,
        corpus=report["corpus"],
        clusters=report["clusters"],
        singletons=report["singletons"],
        directives=report["directives"],
        limits=limits,
        aggregated=any(shown < total for shown, total in limits.values()),
        aspects=ASPECTS,
        css=(templates / "report.css").read_text("utf-8"),
        js=(templates / "report.js").read_text("utf-8"),
        plotly_js=get_plotlyjs(),
        data_json=_script_json(_page_data(report)),
    )


def _page_data(report: dict[str, Any]) -> dict[str, Any]:
    """What the page's script draws (clusters and directives are HTML already)."""
    keys = ("corpus", "kinds", "timeline", "months", "month_unknown", "month_axis",
            "cooccurrence", "commodity_months", "articles", "limits")  # fmt: skip
    return {key: report[key] for key in keys}


def _script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no `</` can close it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
