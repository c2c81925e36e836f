"""The data of the report page, taken from the views: timeline entries, compare clusters,
directive rows, actor and commodity lists. Nothing here finds a fact; it selects, counts
and points at evidence.

Large corpora are aggregated so that the page stays under about 10 MB: at most `MAX_MARKS`
timeline entries are drawn one by one (the most reported), every entry counts in the events
per month; at most `MAX_CLUSTERS` clusters (`MAX_COLUMNS` articles and `MAX_CONFLICTS`
conflicts each), `MAX_DIRECTIVES` directives and `MAX_TEXT_CHARS` of article text are embedded
(evidence of other articles is shown as its sentence alone).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import combinations
from typing import Any

from vntrade.periods import corpus_year, parse_period
from vntrade.report.evidence import ArticleEvidence, Span
from vntrade.views.compare import ASPECTS, compare_records
from vntrade.views.kinds import KINDS
from vntrade.views.lists import actor_rows, commodity_rows, directive_rows
from vntrade.views.timeline import Entry, build_timeline

MAX_MARKS = 1000  # timeline entries drawn one by one
MAX_REPORTS = 5  # evidence sentences per timeline entry or directive
MAX_LISTED = 20  # article ids listed per timeline entry or directive (the count is exact)
MAX_CLUSTERS = 50  # the most reported; each carries its facts with their evidence
MAX_COLUMNS = 6  # articles side by side in one cluster
MAX_CONFLICTS = 20  # per cluster: a large cluster has conflicts between many pairs
MAX_DIRECTIVES = 200
MAX_TEXT_CHARS = 600_000  # article text embedded for the evidence reader
MAX_NAMES = 20  # actors and commodities in the co-occurrence and by-month views


class EvidenceRefs:
    """Evidence pointers of the page: an article and a span; the sentence itself is added for
    the articles whose text is not embedded."""

    def __init__(self, records: list[dict[str, Any]], year: int | None) -> None:
        self._records = {record["id"]: record for record in records}
        self._year = year
        self._evidence: dict[str, ArticleEvidence] = {}
        self._refs: list[dict[str, Any]] = []
        self.order: list[str] = []  # articles in the order the page first needs them

    def article(self, article: str) -> ArticleEvidence:
        if article not in self._evidence:
            self._evidence[article] = ArticleEvidence(self._records[article], self._year)
            self.order.append(article)
        return self._evidence[article]

    def ref(self, article: str, span: Span | None, sentence: str | None = None) -> dict[str, Any]:
        """A pointer to `span` of `article` (or to `sentence`, found there)."""
        found = self.article(article)
        if span is None and sentence:
            span = found.of_sentence(sentence)
        ref: dict[str, Any] = {"a": article, "s": list(span) if span else None}
        if span is None and sentence:
            ref["t"] = sentence
        self._refs.append(ref)
        return ref

    def fact(self, article: str, aspect: str, fact: Any) -> dict[str, Any]:
        return self.ref(article, self.article(article).of_fact(aspect, fact))

    def embed_texts(self, budget: int) -> dict[str, str]:
        """The texts to embed, first needed first, within `budget`; other references get
        their sentence."""
        texts: dict[str, str] = {}
        used = 0
        for article in self.order:
            text = self._evidence[article].text
            if used + len(text) <= budget:
                texts[article] = text
                used += len(text)
        for ref in self._refs:
            if ref["a"] not in texts and ref["s"]:
                start, end = ref["s"]
                ref["t"] = self._evidence[ref["a"]].text[start:end]
        return texts


def build_report(
    records: list[dict[str, Any]], *, version: str, fingerprint: str
) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data."""
    year = corpus_year(records)
    refs = EvidenceRefs(records, year)
    entries = build_timeline(records)
    outlets = {record["id"]: record.get("agency") for record in records}
    corpus = _corpus(records, version, fingerprint)
    newest = date.fromisoformat(corpus["newest"]) if corpus["newest"] else None
    document, _ = compare_records(records)
    directives = directive_rows(records, newest)
    report = {
        "corpus": corpus,
        "kinds": list(KINDS),
        "timeline": _timeline(entries, outlets, refs),
        "months": _months(entries),
        "clusters": [_cluster(c, outlets, refs) for c in document["clusters"][:MAX_CLUSTERS]],
        "singletons": len(document["singletons"]),
        "directives": [_directive(row, records, refs) for row in directives[:MAX_DIRECTIVES]],
        "cooccurrence": _cooccurrence(records, actor_rows(records, entries)),
        "commodity_months": _commodity_months(entries, commodity_rows(records, entries)),
    }
    report["limits"] = {
        "marks": [len(report["timeline"]), len(entries)],
        "clusters": [len(report["clusters"]), len(document["clusters"])],
        "directives": [len(report["directives"]), len(directives)],
    }
    texts = refs.embed_texts(MAX_TEXT_CHARS)
    report["limits"]["texts"] = [len(texts), len(refs.order)]
    cited = set(refs.order)
    report["articles"] = {
        record["id"]: _article(record, texts.get(record["id"]))
        for record in records
        if record["id"] in cited
    }
    return report


def _corpus(records: list[dict[str, Any]], version: str, fingerprint: str) -> dict[str, Any]:
    """Counts, outlets and dates of the articles, and what produced the report."""
    days = []
    for record in records:
        period = parse_period(record.get("published") or record.get("reference_date") or "")
        if period and period.placed and period.precision == "day":
            days.append(period.start)
    outlets = Counter(record.get("agency") or "unknown" for record in records)
    return {
        "articles": len(records),
        "outlets": [{"name": name, "articles": n} for name, n in outlets.most_common()],
        "first": min(days).isoformat() if days else None,
        "newest": max(days).isoformat() if days else None,
        "dated": len(days),
        "version": version,
        "fingerprint": fingerprint,
    }


def _timeline(
    entries: list[Entry], outlets: dict[str, str | None], refs: EvidenceRefs
) -> list[dict[str, Any]]:
    """The entries drawn one by one: all of them, or the most reported `MAX_MARKS`."""
    drawn = entries
    if len(entries) > MAX_MARKS:
        ranked = sorted(range(len(entries)), key=lambda i: (-len(entries[i].articles), i))
        drawn = [entries[i] for i in sorted(ranked[:MAX_MARKS])]
    marks = []
    for entry in drawn:
        row = entry.to_row()
        period = entry.period
        marks.append(
            {
                "date": row["date"],
                "precision": row["precision"],
                "start": row["start"],
                "end": period.end.isoformat() if period.placed else None,
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


def _months(entries: list[Entry]) -> list[dict[str, Any]]:
    """Events per month and kind, over every entry (drawn or not)."""
    counts = Counter(
        (entry.period.start.strftime("%Y-%m"), entry.kind)
        for entry in entries
        if entry.period.placed
    )
    return [{"month": m, "kind": k, "events": n} for (m, k), n in sorted(counts.items())]


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
        {
            **conflict,
            "evidence": {
                a: refs.ref(a, None, sentence)
                for a, sentence in conflict.get("evidence", {}).items()
                if a in articles
            },
        }
        for conflict in cluster["conflicts"][:MAX_CONFLICTS]
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


def _action(fact: Any, article: str) -> Any:
    """A shared directive is worded differently by each article: that article's action."""
    if isinstance(fact, dict) and "actions" in fact:
        return fact["actions"].get(article)
    return fact


def _directive(
    row: dict[str, Any], records: list[dict[str, Any]], refs: EvidenceRefs
) -> dict[str, Any]:
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


def _cooccurrence(records: list[dict[str, Any]], actors: list[dict[str, Any]]) -> dict[str, Any]:
    """Articles in which two of the most reported actors both appear."""
    names = [row["name"] for row in actors[:MAX_NAMES]]
    index = {name: i for i, name in enumerate(names)}
    counts = [[0] * len(names) for _ in names]
    for record in records:
        present = sorted({index[a["name"]] for a in record.get("actors", []) if a["name"] in index})
        for i in present:
            counts[i][i] += 1
        for i, j in combinations(present, 2):
            counts[i][j] += 1
            counts[j][i] += 1
    return {"names": names, "counts": counts}


def _commodity_months(entries: list[Entry], commodities: list[dict[str, Any]]) -> dict[str, Any]:
    """Timeline events naming each of the most reported commodities, per month."""
    names = [row["name"] for row in commodities[:MAX_NAMES]]
    wanted = set(names)
    counts: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        if entry.period.placed:
            month = entry.period.start.strftime("%Y-%m")
            for name in set(entry.commodities) & wanted:
                counts[(name, month)] += 1
    months = sorted({month for _, month in counts})
    return {
        "names": names,
        "months": months,
        "counts": [[counts[(name, month)] for month in months] for name in names],
    }


def _article(record: dict[str, Any], text: str | None) -> dict[str, Any]:
    return {
        "title": record.get("title"),
        "agency": record.get("agency"),
        "published": record.get("published") or record.get("reference_date"),
        "inferred": bool(record.get("published_inferred")),
        "text": text,
    }
