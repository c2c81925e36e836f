"""The data of the report page, taken from the views: timeline entries, compare clusters,
directive rows, actor and commodity lists. Nothing here finds a fact; it selects, counts
and points at evidence.

Large corpora are aggregated so that the page stays under about 10 MB: at most `MAX_MARKS`
timeline entries are drawn one by one (the most reported), every entry counts in the events
per month; at most `MAX_CLUSTERS_ON_PAGE` clusters (`MAX_COLUMNS` articles and
`MAX_CONFLICTS_ON_PAGE` conflicts each), `MAX_DIRECTIVES` directives and `MAX_TEXT_CHARS` of
article text are embedded (evidence of other articles is shown as its sentence alone).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from datetime import date
from typing import Any

from vntrade.events.kinds import KINDS
from vntrade.periods import Period, add_months, parse_period
from vntrade.report.evidence import ArticleEvidence, Span
from vntrade.store import Store
from vntrade.views.compare import ASPECTS
from vntrade.views.lists import directive_rows_of
from vntrade.views.stored import compare_store, corpus_year_of
from vntrade.views.timeline import date_label, period_label

MAX_MARKS = 1000  # timeline entries drawn one by one
MAX_REPORTS = 5  # evidence sentences per timeline entry or directive
MAX_LISTED = 20  # article ids listed per timeline entry or directive (the count is exact)
MAX_CLUSTERS_ON_PAGE = 50  # the most reported; each carries its facts with their evidence
MAX_COLUMNS = 6  # articles side by side in one cluster
MAX_CONFLICTS_ON_PAGE = 20  # per cluster: a large cluster has conflicts between many pairs
MAX_VALUES = 10  # values per conflict, the most reported first (each with its count)
MAX_DIRECTIVES = 200
MAX_TEXT_CHARS = 600_000  # article text embedded for the evidence reader
MAX_NAMES = 20  # actors and commodities in the co-occurrence and by-month views
MAX_MONTHS = 240  # months without events shown as empty bins between the first and last
RECENT_ARTICLES = 256  # cited articles kept loaded besides those whose text is embedded
ARTICLE_FIELDS = ("title", "agency", "published", "reference_date", "published_inferred")


class EvidenceRefs:
    """Evidence pointers of the page: an article and a span; the sentence itself is added for
    the articles whose text is not embedded.

    Texts are embedded as the page first needs their articles, while they fit `budget`
    characters; the other articles are read again when evicted from a small cache of
    `RECENT_ARTICLES`, so that memory does not grow with the articles a large store cites."""

    def __init__(self, store: Store, year: int | None, budget: int) -> None:
        self._store = store
        # What the page shows of each cited article (`ARTICLE_FIELDS`), read as cited: not the
        # whole record, for a page cites thousands.
        self.records: dict[str, dict[str, Any]] = {}
        self._year = year
        self._budget = budget  # characters of text left to embed
        self.texts: dict[str, str] = {}  # the embedded texts, first needed first
        self._embedded: dict[str, ArticleEvidence] = {}
        self._recent: OrderedDict[str, ArticleEvidence] = OrderedDict()  # the others
        self.order: list[str] = []  # articles in the order the page first needs them

    def article(self, article: str) -> ArticleEvidence:
        found = self._embedded.get(article) or self._recent.get(article)
        if found is not None:
            if article in self._recent:
                self._recent.move_to_end(article)
            return found
        record = self._store.records([article])[article]
        found = ArticleEvidence(record, self._year)
        if article not in self.records:  # first needed: embedded while the budget lasts
            self.records[article] = {key: record.get(key) for key in ARTICLE_FIELDS}
            self.order.append(article)
            if len(found.text) <= self._budget:
                self._budget -= len(found.text)
                self.texts[article] = found.text
                self._embedded[article] = found
                return found
        self._recent[article] = found
        if len(self._recent) > RECENT_ARTICLES:
            self._recent.popitem(last=False)
        return found

    def ref(self, article: str, span: Span | None, sentence: str | None = None) -> dict[str, Any]:
        """A pointer to `span` of `article` (or to `sentence`, found there); with the
        sentence itself when the article's text is not embedded."""
        found = self.article(article)
        if span is None and sentence:
            span = found.of_sentence(sentence)
        ref: dict[str, Any] = {"a": article, "s": list(span) if span else None}
        if span is None and sentence:
            ref["t"] = sentence
        elif span and article not in self.texts:
            ref["t"] = found.text[span[0] : span[1]]
        return ref

    def fact(self, article: str, aspect: str, fact: Any) -> dict[str, Any]:
        return self.ref(article, self.article(article).of_fact(aspect, fact))


def build_report(store: Store, *, version: str, fingerprint: str) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data, read from a store's tables (only the
    records of the articles the page cites are read)."""
    refs = EvidenceRefs(store, corpus_year_of(store), MAX_TEXT_CHARS)
    corpus = _corpus(store, version, fingerprint)
    newest = date.fromisoformat(corpus["newest"]) if corpus["newest"] else None
    compared = compare_store(store, limit=MAX_CLUSTERS_ON_PAGE)
    clusters = compared.document["clusters"]
    directives = directive_rows_of(store, newest)
    marks = [json.loads(entry) for entry in store.most_reported_entries(MAX_MARKS)]
    outlets = store.agencies(
        {a for row in marks for a in row["articles"]}
        | {a for cluster in clusters for a in cluster["articles"][:MAX_COLUMNS]}
    )
    report = {
        "corpus": corpus,
        "kinds": list(KINDS),
        "timeline": _timeline(marks, outlets, refs),
        **_per_month(store.entries_per_month()),
        "clusters": [_cluster(c, outlets, refs) for c in clusters],
        "singletons": store.count_lone(),
        "directives": [_directive(row, refs) for row in directives[:MAX_DIRECTIVES]],
        "cooccurrence": _cooccurrence(store, store.top_names("actors", MAX_NAMES)),
        "commodity_months": _commodity_months(store, store.top_names("commodities", MAX_NAMES)),
    }
    report["limits"] = {
        "marks": [len(report["timeline"]), store.count_entries()],
        "clusters": [len(report["clusters"]), max(compared.shared, len(clusters))],
        "directives": [len(report["directives"]), len(directives)],
    }
    texts = refs.texts
    report["limits"]["texts"] = [len(texts), len(refs.order)]
    report["articles"] = {
        article: _article(refs.records[article], texts.get(article))
        for article in sorted(refs.order)
    }
    return report


def _corpus(store: Store, version: str, fingerprint: str) -> dict[str, Any]:
    """Counts, outlets and dates of the articles, and what produced the report."""
    outlets = store.outlet_counts()
    first, newest, days = store.dated_span()
    return {
        "articles": sum(n for _, n in outlets),
        "outlets": [{"name": name, "articles": n} for name, n in outlets],
        "first": first,
        "newest": newest,
        "dated": days,
        "version": version,
        "fingerprint": fingerprint,
    }


def _timeline(
    rows: list[dict[str, Any]], outlets: dict[str, str | None], refs: EvidenceRefs
) -> list[dict[str, Any]]:
    """The entries drawn one by one (the most reported `MAX_MARKS`), as timeline rows."""
    marks = []
    for row in rows:
        period = parse_period(row["date"])
        marks.append(
            {
                "date": row["date"],
                "label": date_label(row["date"], row["precision"]),
                "precision": row["precision"],
                # A year or decade is drawn beside the dates, never as a day or a mid-year.
                "year_only": _year_bin(period),
                "start": row["start"],
                "end": period.end.isoformat() if period and period.placed else None,
                "inferred": row["date_inferred"],
                "kind": row["kind"],
                "summary": row["summary"],
                "actors": row["actors"],
                "commodities": row["commodities"],
                "reports": len(row["articles"]),
                "outlets": sorted({outlets.get(a) or "unknown" for a in row["articles"]}),
                "evidence": [
                    refs.ref(e["article"], None, e["sentence"])
                    for e in row["evidence"][:MAX_REPORTS]
                ],
                "articles": row["articles"][:MAX_LISTED],
            }
        )
    return marks


def _cluster(
    cluster: dict[str, Any], outlets: dict[str, str | None], refs: EvidenceRefs
) -> dict[str, Any]:
    """A compare cluster with evidence pointers on every fact."""
    articles = cluster["articles"][:MAX_COLUMNS]
    shared = {
        aspect: [
            {"fact": fact, "evidence": [refs.fact(a, aspect, _action(fact, a)) for a in articles]}
            for fact in cluster["shared"].get(aspect, [])
        ]
        for aspect in ASPECTS
    }
    unique = {
        article: {
            aspect: [
                {"fact": fact, "evidence": [refs.fact(article, aspect, fact)]}
                for fact in cluster["unique"][article].get(aspect, [])
            ]
            for aspect in ASPECTS
        }
        for article in articles
    }
    conflicts = [
        _conflict(conflict, refs) for conflict in cluster["conflicts"][:MAX_CONFLICTS_ON_PAGE]
    ]
    return {
        "date": cluster["date"],
        "kind": cluster["kind"],
        "summary": cluster["summary"],
        "same_event": cluster["same_event"],
        "articles": articles,
        "more": len(cluster["articles"]) - len(articles),
        "outlets": {a: outlets.get(a) for a in articles},
        "events": cluster["events"],
        "shared": shared,
        "unique": unique,
        "conflicts": conflicts,
        "more_conflicts": len(cluster["conflicts"]) - len(conflicts),
    }


def _conflict(conflict: dict[str, Any], refs: EvidenceRefs) -> dict[str, Any]:
    """A conflict grouped by value (see `compare.value_groups`), each value with the evidence
    of its first report; at most `MAX_VALUES` values."""
    groups = conflict.get("groups", [])
    return {
        "type": conflict["type"],
        "what": conflict["what"],
        "groups": [
            {
                **group,
                "evidence": refs.ref(
                    group["articles"][0], None, conflict["evidence"].get(group["articles"][0])
                ),
            }
            for group in groups[:MAX_VALUES]
        ],
        "more_values": max(0, len(groups) - MAX_VALUES),
    }


def _action(fact: Any, article: str) -> Any:
    """A shared directive is worded differently by each article: that article's action."""
    if isinstance(fact, dict) and "actions" in fact:
        return fact["actions"].get(article)
    return fact


def _directive(row: dict[str, Any], refs: EvidenceRefs) -> dict[str, Any]:
    return {
        **{key: row[key] for key in ("deadline", "status", "issuer", "verb", "addressee")},
        "action": row["action"],
        "reports": len(row["articles"]),
        "articles": row["articles"][:MAX_LISTED],
        "evidence": [
            refs.ref(article, None, sentence)
            for article, sentence in zip(
                row["articles"][:MAX_REPORTS], row["evidence"][:MAX_REPORTS], strict=True
            )
        ],
    }


def _cooccurrence(store: Store, names: list[str]) -> dict[str, Any]:
    """Articles in which two of the most reported actors (`names`) both appear."""
    index = {name: i for i, name in enumerate(names)}
    counts = [[0] * len(names) for _ in names]
    for a, b, n in store.together(names):
        counts[index[a]][index[b]] = n
    return {"names": names, "counts": counts}


def _per_month(rows: list[tuple[str, str, int]]) -> dict[str, Any]:
    """The events per month (`months`), per year or decade that gives no month
    (`month_unknown`), and the bins of the chart in order (`month_axis`)."""
    months = [{"month": b, "kind": k, "events": n} for b, k, n in rows if len(b) == 7]
    unknown = [
        {"period": b, "label": _bin_label(b), "kind": k, "events": n}
        for b, k, n in rows
        if len(b) != 7
    ]
    bins = sorted({b for b, _, _ in rows}, key=_bin_order)
    month_bins = [b for b in bins if len(b) == 7]
    if month_bins:  # months without events are bins too, when there are not too many
        every = _months_between(month_bins[0], month_bins[-1])
        if len(every) <= MAX_MONTHS:
            bins = sorted({*bins, *every}, key=_bin_order)
    axis = [{"bin": b, "label": _bin_label(b)} for b in bins]
    return {"months": months, "month_unknown": unknown, "month_axis": axis}


def _year_bin(period: Period | None) -> str | None:
    """The label of the bin a year (`2025, month unknown`) or a decade is drawn in; None for
    shorter periods, drawn on the dates as the spans they are."""
    if period is None or period.start is None or period.precision not in ("year", "decade"):
        return None
    year = period.start.year
    return _bin_label(f"{year // 10:03d}" if period.precision == "decade" else f"{year:04d}")


def _bin_order(bin_: str) -> str:
    """Months in order, a year's "month unknown" after its December, a decade after its
    last year."""
    if len(bin_) == 3:
        return f"{bin_}9-14"
    return bin_ if len(bin_) == 7 else f"{bin_}-13"


def _bin_label(bin_: str) -> str:
    """`2025-04` -> Apr 2025, `2025` -> 2025, month unknown, `202` -> 2020s, year unknown."""
    if len(bin_) == 7:
        return date.fromisoformat(f"{bin_}-01").strftime("%b %Y")
    return period_label(bin_, "decade" if len(bin_) == 3 else "year")


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last and len(months) <= MAX_MONTHS:
        months.append(f"{year:04d}-{month:02d}")
        year, month = add_months(year, month, 1)
    return months


def _commodity_months(store: Store, names: list[str]) -> dict[str, Any]:
    """Timeline events naming each of the most reported commodities (`names`), per month (and
    per year or decade whose month is unknown, after its months)."""
    counts = {(name, bin_): n for name, bin_, n in store.goods_per_month(names)}
    bins = sorted({bin_ for _, bin_ in counts}, key=_bin_order)
    return {
        "names": names,
        "months": [b if len(b) == 7 else _bin_label(b) for b in bins],
        "counts": [[counts.get((name, b), 0) for b in bins] for name in names],
    }


def _article(record: dict[str, Any], text: str | None) -> dict[str, Any]:
    return {
        "title": record.get("title"),
        "agency": record.get("agency"),
        "published": record.get("published") or record.get("reference_date"),
        "inferred": bool(record.get("published_inferred")),
        "text": text,
    }
