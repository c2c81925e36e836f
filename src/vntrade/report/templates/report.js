/* vntrade report: the timeline, its filters, the charts and the evidence reader.
   Data comes from the JSON block that `vntrade report` wrote; drawing is Plotly's (its basic
   bundle: scatter and bar; the heatmaps are HTML tables written by the template). */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                   "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79"];
  const colour = (kind) => PALETTE[Math.max(0, data.kinds.indexOf(kind)) % PALETTE.length];
  // No toolbar (modebar): on a phone it covered the chart's first rows. Drag zooms and a
  // double click zooms out; on a narrow screen a drag scrolls the page instead.
  const NARROW = Boolean(globalThis.matchMedia?.("(max-width: 700px)").matches);
  const CONFIG = { responsive: true, displayModeBar: false, scrollZoom: !NARROW };
  const DAY = 86400000;

  // Plotly reads a little HTML in every string it draws (<a href> makes a link; <b>, <i>,
  // <br>; entities): each string of the data that goes into a chart (trace names,
  // categories, tick labels, hover text) goes through plotlyText, so that it is shown as
  // text. Plotly turns &amp;, &lt; and &gt; back into their characters (not &quot;).
  function plotlyText(text) {
    return String(text ?? "").replace(/[&<>]/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" }[c]));
  }

  function wrap(text, width) {
    const lines = [];
    let line = "";
    for (const word of String(text).split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) { lines.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    }
    if (line) lines.push(line);
    return lines.map(plotlyText).join("<br>");
  }

  function list(items, most) {
    if (!items.length) return "—";
    const shown = items.slice(0, most).join(", ");
    return plotlyText(items.length > most ? shown + ` +${items.length - most}` : shown);
  }

  // ---- the evidence reader -------------------------------------------------------------
  const reader = document.getElementById("reader");

  function showEvidence(ref) {
    const article = data.articles[ref.a] || {};
    document.getElementById("reader-title").textContent = article.title || ref.a;
    const meta = [ref.a, article.agency, article.published &&
                  (article.published + (article.inferred ? " (date inferred)" : ""))];
    document.getElementById("reader-meta").textContent = meta.filter(Boolean).join(" · ");
    const box = document.getElementById("reader-text");
    box.replaceChildren();
    const mark = document.createElement("mark");
    if (article.text && ref.s) {
      const [start, end] = ref.s;
      mark.textContent = article.text.slice(start, end);
      box.append(article.text.slice(0, start), mark, article.text.slice(end));
    } else {
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = "Only the evidence sentence of this article is included in the report.";
      mark.textContent = ref.t || "(sentence not found)";
      box.append(mark, note);
    }
    reader.hidden = false;
    mark.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-ev]");
    if (button) showEvidence(JSON.parse(button.dataset.ev));
  });
  document.getElementById("reader-close").addEventListener("click", () => { reader.hidden = true; });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") reader.hidden = true; });

  // ---- the timeline --------------------------------------------------------------------
  const entries = data.timeline;
  // A year or decade (`year_only`: "2025, month unknown") is drawn in a chart of its own,
  // never as a day of January or a mark in the middle of the year.
  const placed = entries.filter((e) => e.start && !e.year_only);
  const kinds = data.kinds.filter((k) => entries.some((e) => e.kind === k));
  const filters = {
    actor: document.getElementById("filter-actor"),
    kind: document.getElementById("filter-kind"),
    commodity: document.getElementById("filter-commodity"),
    since: document.getElementById("filter-since"),
    until: document.getElementById("filter-until"),
  };

  function fillOptions(select, values) {
    for (const value of values) select.add(new Option(value, value));
  }
  const distinct = (field) => [...new Set(entries.flatMap((e) => e[field]))]
    .sort((a, b) => a.localeCompare(b));
  fillOptions(filters.actor, distinct("actors"));
  fillOptions(filters.kind, kinds);
  fillOptions(filters.commodity, distinct("commodities"));
  if (placed.length) {
    const first = placed.map((e) => e.start).sort()[0];
    const last = placed.map((e) => e.end).sort().at(-1);
    for (const input of [filters.since, filters.until]) { input.min = first; input.max = last; }
  }

  function selected() {
    const f = Object.fromEntries(Object.entries(filters).map(([k, el]) => [k, el.value]));
    return entries.filter((e) =>
      (!f.actor || e.actors.includes(f.actor)) &&
      (!f.kind || e.kind === f.kind) &&
      (!f.commodity || e.commodities.includes(f.commodity)) &&
      (!f.since || (e.end && e.end > f.since)) &&
      (!f.until || (e.start && e.start <= f.until)));
  }

  function middle(entry) {
    const start = Date.parse(entry.start);
    const end = Date.parse(entry.end) - DAY;  // the last day of the period
    return new Date(start + (end - start) / 2).toISOString().slice(0, 10);
  }

  function hover(e) {
    return `<b>${plotlyText(e.label)}</b>${e.inferred ? " <i>year inferred</i>" : ""} · ` +
      `${plotlyText(e.kind)}<br>${wrap(e.summary, 70)}<br><b>Actors:</b> ${list(e.actors, 5)}` +
      `<br><b>Commodities:</b> ${list(e.commodities, 5)}<br><b>Reported by:</b> ` +
      `${e.reports} article${e.reports === 1 ? "" : "s"} (${list(e.outlets, 5)})`;
  }

  // The marks of `shown` at `where` (their day, or their year's bin for the years' chart).
  function traces(shown, where, legend) {
    const lanes = {};
    const spans = [];
    const marks = [];
    for (const kind of kinds) {
      // Marks of known years first: the legend shows a trace's first symbol.
      const mine = shown.filter((e) => e.kind === kind)
        .sort((a, b) => Number(a.inferred) - Number(b.inferred));
      if (!mine.length) continue;
      const lane = kinds.indexOf(kind);
      const x = [], y = [], size = [], symbol = [], text = [], index = [];
      const lineX = [], lineY = [];
      for (const e of mine) {
        const at = where(e);
        const key = `${lane}|${at}`;
        const n = lanes[key] = (lanes[key] ?? -1) + 1;
        // Marks of one day fan out within their lane (at most 0.39 of a lane each way), so
        // that a busy day never spills into the next lane.
        const offset = n === 0 ? 0 : (n % 2 ? 1 : -1) * Math.min(Math.ceil(n / 2), 3) * 0.13;
        x.push(at); y.push(lane + offset);
        // Grows with the log of the reports and stops at a lane's height: a mark of hundreds
        // of reports must not cover the lanes next to it.
        size.push(Math.min(26, 9 + 6 * Math.log2(e.reports)));
        symbol.push(e.inferred ? "circle-open" : "circle");
        text.push(hover(e)); index.push(entries.indexOf(e));
        if (e.precision !== "day" && !e.year_only) {
          const last = new Date(Date.parse(e.end) - DAY).toISOString().slice(0, 10);
          lineX.push(e.start, last, null); lineY.push(lane + offset, lane + offset, null);
        }
      }
      if (lineX.length) {
        spans.push({ type: "scatter", mode: "lines", x: lineX, y: lineY, hoverinfo: "skip",
          legendgroup: kind, showlegend: false,
          line: { color: colour(kind), width: 8 }, opacity: 0.35 });
      }
      marks.push({ type: "scatter", mode: "markers", name: plotlyText(kind), legendgroup: kind,
        showlegend: legend, x, y, text, customdata: index, hovertemplate: "%{text}<extra></extra>",
        marker: { color: colour(kind), size, symbol, line: { color: colour(kind), width: 2 },
                  opacity: 0.85 } });
    }
    return [...spans, ...marks];
  }

  function layout() {
    const range = filters.since.value || filters.until.value
      ? [filters.since.value || filters.since.min, filters.until.value || filters.until.max]
      : undefined;
    return {
      margin: { l: NARROW ? 96 : 110, r: NARROW ? 8 : 20, t: 10, b: 40 },
      height: 120 + 45 * Math.max(kinds.length, 2), dragmode: NARROW ? false : "zoom",
      hovermode: "closest", showlegend: true, legend: { orientation: "h", y: -0.15 },
      xaxis: { type: "date", range, autorange: range ? false : true, gridcolor: "#eee" },
      yaxis: { tickvals: kinds.map((_, i) => i), ticktext: kinds.map(plotlyText),
               range: [-0.7, kinds.length - 0.3],
               fixedrange: true, zeroline: false, gridcolor: "#f3f3f3" },
      plot_bgcolor: "#fff", paper_bgcolor: "#fff",
    };
  }

  const timeline = document.getElementById("timeline");
  const years = document.getElementById("timeline-years");
  const yearBins = [...new Set(entries.filter((e) => e.year_only).map((e) => e.year_only))];
  document.getElementById("timeline-years-section").hidden = !yearBins.length;

  function yearsLayout() {
    return { ...layout(), showlegend: false,
             margin: { l: NARROW ? 96 : 110, r: NARROW ? 8 : 20, t: 10, b: 30 },
             xaxis: { type: "category", categoryorder: "array",
                      categoryarray: yearBins.map(plotlyText), fixedrange: true } };
  }

  function drawTimeline() {
    const shown = selected();
    const dated = shown.filter((e) => !e.year_only);
    const yearOnly = shown.filter((e) => e.year_only);
    document.getElementById("timeline-count").textContent =
      `${shown.length} of ${entries.length} events shown` +
      (data.limits.marks[1] > entries.length ? ` (of ${data.limits.marks[1]} in the corpus)` : "") +
      (yearOnly.length ? `; ${yearOnly.length} give only a year (below)` : "");
    const drawn = [Plotly.react(timeline, traces(dated, middle, true), layout(), CONFIG)];
    if (yearBins.length) {
      drawn.push(Plotly.react(years, traces(yearOnly, (e) => plotlyText(e.year_only), false),
                              yearsLayout(), CONFIG));
    }
    return Promise.all(drawn);
  }

  function showEntry(entry) {
    const box = document.getElementById("event-details");
    box.replaceChildren();
    const title = document.createElement("h3");
    title.textContent = `${entry.label}${entry.inferred ? " (year inferred)" : ""} · ${entry.kind}`;
    const summary = document.createElement("p");
    summary.textContent = entry.summary;
    const facts = document.createElement("p");
    facts.className = "muted";
    facts.textContent = `Actors: ${entry.actors.join(", ") || "—"}. Commodities: ` +
      `${entry.commodities.join(", ") || "—"}. Outlets: ${entry.outlets.join(", ")}.`;
    const reports = document.createElement("ul");
    reports.className = "entry-reports";
    entry.evidence.forEach((ref) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "fact";
      button.dataset.ev = JSON.stringify(ref);
      const article = data.articles[ref.a] || {};
      button.textContent = `${ref.a}${article.agency ? " (" + article.agency + ")" : ""}`;
      item.append(button);
      reports.append(item);
    });
    if (entry.reports > entry.evidence.length) {
      const more = document.createElement("li");
      more.textContent = `and ${entry.reports - entry.evidence.length} more reports`;
      reports.append(more);
    }
    box.append(title, summary, facts, reports);
    box.hidden = false;
  }

  drawTimeline().then(() => {
    for (const chart of yearBins.length ? [timeline, years] : [timeline]) {
      chart.on("plotly_click", (event) => {
        const point = event.points && event.points[0];
        if (point && point.customdata !== undefined) showEntry(entries[point.customdata]);
      });
    }
    timeline.dataset.ready = "true";
  });
  for (const element of Object.values(filters)) element.addEventListener("change", drawTimeline);
  document.getElementById("filter-reset").addEventListener("click", () => {
    for (const element of Object.values(filters)) element.value = "";
    drawTimeline();
  });

  // ---- events per month, co-occurrence, goods by month ----------------------------------
  // One bar per month, and after a year's December one for its events that give no month
  // ("2025, month unknown", hatched): a year-only date is never counted in January.
  const bins = data.month_axis.map((b) => b.bin);
  const binLabels = data.month_axis.map((b) => plotlyText(b.label));
  const perBin = [...data.months.map((m) => ({ ...m, bin: m.month })),
                  ...data.month_unknown.map((m) => ({ ...m, bin: m.period }))];
  const monthKinds = data.kinds.filter((k) => perBin.some((m) => m.kind === k));
  Plotly.newPlot("months", monthKinds.map((kind) => {
    const counts = bins.map((bin) => perBin.filter((m) => m.kind === kind && m.bin === bin)
      .reduce((sum, m) => sum + m.events, 0));
    // The kind comes in as the trace's name: data is never part of a hover template.
    return { type: "bar", name: plotlyText(kind), x: binLabels, y: counts,
             marker: { color: colour(kind),
                       pattern: { shape: bins.map((bin) => (bin.length === 7 ? "" : "/")) } },
             hovertemplate: "%{x}: %{y} %{fullData.name}<extra></extra>" };
  }), { barmode: "stack", height: 240, margin: { l: 40, r: NARROW ? 8 : 20, t: 10, b: 50 },
        showlegend: false, dragmode: NARROW ? false : "zoom",
        xaxis: { type: "category", categoryorder: "array", categoryarray: binLabels,
                 automargin: true } }, CONFIG);

  // ---- tables wider than their card scroll inside it, with a hint that says so ---------
  function hintOverflow() {
    for (const wrap of document.querySelectorAll(".table-wrap")) {
      const hint = wrap.previousElementSibling;
      if (hint && hint.classList.contains("scroll-hint")) {
        hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
      }
    }
  }
  hintOverflow();
  globalThis.addEventListener?.("resize", hintOverflow);

  // ---- sortable directive table ----------------------------------------------------------
  for (const table of document.querySelectorAll("table.sortable")) {
    table.querySelectorAll("th").forEach((th, column) => {
      th.addEventListener("click", () => {
        const body = table.tBodies[0];
        const ascending = th.dataset.order !== "asc";
        table.querySelectorAll("th").forEach((other) => delete other.dataset.order);
        th.dataset.order = ascending ? "asc" : "desc";
        const value = (row) => {
          const cell = row.cells[column];
          return cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
        };
        const numeric = th.dataset.sort === "number";
        const rows = [...body.rows].sort((a, b) => {
          const order = numeric ? value(a) - value(b) : value(a).localeCompare(value(b));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
})();
