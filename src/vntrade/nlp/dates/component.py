"""The `vntrade_dates` component: temporal expressions normalised to ISO 8601 / TimeML values.

The grammar (`rules`) finds expressions in `doc.text`; the parse only supplies the
tense of the verb governing each expression, which places dates named without a year
(`said on Thursday`, `will take effect on April 2`). Relative expressions are resolved
against `doc._.published`, else `doc._.dateline_date` (a wire dateline's day, in the
year the article's own dates give when it has none); otherwise the anchor is inferred from
the article's own explicit dates (`anchor`) and `doc._.published_inferred` says so. The
anchor goes to `doc._.reference_date` as an ISO date, of reduced precision (`2025`) when
only the year could be inferred.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.dates.anchor import OTHER_YEAR_AFTER, infer_anchor, yearless_month
from vntrade.nlp.dates.calendar import Anchor, parse_anchor, week_value
from vntrade.nlp.dates.first_chars import with_first_chars
from vntrade.nlp.dates.guards import deadline_after, deadline_before
from vntrade.nlp.dates.normalise import Context, Resolved
from vntrade.nlp.dates.rule import Candidate
from vntrade.nlp.dates.scan import find_candidates
from vntrade.nlp.dates.syntax import is_attribute, is_count, tense
from vntrade.nlp.extensions import register_extensions, set_date_mentions
from vntrade.nlp.per_doc import doc_text
from vntrade.records import DateMention


@Language.factory(
    "vntrade_dates",
    assigns=["doc.spans", "doc._.reference_date", "doc._.published_inferred"],
    requires=["token.tag", "token.dep", "doc.sents"],
    default_config={},
)
def make_dates(nlp: Language, name: str) -> DateTagger:
    register_extensions()
    return DateTagger(name=name)


# A clock time and a day next to each other make one TIME: "8 p.m. on Sunday".
_TIME_DAY_GAP = re.compile(r"\s*,?\s*(?:on|at)?\s*")
# A text that names its own day `today` (or the day before `yesterday`, its night
# `tonight`) names other days by weekday: a Friday report's `Friday` is a week away.
_TODAY = with_first_chars(re.compile(r"(?i:\b(?:today|yesterday|tonight)\b)(?!['’]s)"))
_WITHIN_BEFORE = re.compile(r"(?i:\bwithin\s+(?:the\s+)?(?:next\s+)?)$")
_EXPLICIT = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:$|T)")
# Rules whose values count from the last explicit date: they do not become it.
_NARRATIVE_RULES = frozenset(
    {"relative_period", "ago", "narrative_day", "year_ago", "that_unit", "ordinal_day"}
)
# What a comparison (`a year earlier`) never compares with: another comparison, and days
# named by weekday or as `yesterday`, which mostly date the report (`said on Monday`).
_NOT_COMPARED_RULES = frozenset(
    {"ago", "year_ago", "weekday", "relative_day", "clock", "clock24", "clock_military"}
)
# The last day of a period just named (`the quarter ended Sept. 30`): a comparison that
# follows compares with the period, not with its last day.
_PERIOD_END_BEFORE = re.compile(r"(?i:\b(?:ended|ending)(?:\s+on)?\s+)$")


class DateTagger:
    """Finds temporal expressions and normalises them against the publication date.

    Its rules are code (`rules`), so it has no data to initialize or save.
    """

    def __init__(self, *, name: str = "vntrade_dates") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        candidates = [
            c for c in find_candidates(text) if not is_count(doc, c) and not is_attribute(doc, c)
        ]
        tenses = [
            tense(doc, c, _phrase_start(text, candidates, i)) if c.rule.needs_tense else None
            for i, c in enumerate(candidates)
        ]
        dateline = doc._.dateline_date
        anchor = parse_anchor(doc._.published) or parse_anchor(dateline)
        inferred = False
        if anchor is None:
            anchor = infer_anchor(candidates, tenses)
            inferred = anchor is not None
        # A yearless dateline (`HANOI, March 3 (Reuters)`) gives the day of an inferred year.
        on_dateline = _dateline_day(dateline, anchor) if inferred else None
        anchor = on_dateline or anchor
        month = None
        if anchor is None:
            month = int(dateline[5:7]) if dateline else yearless_month(candidates, tenses)
        shift = not inferred or on_dateline is not None
        sentences = [sentence.start_char for sentence in doc.sents] if candidates else []
        mentions = _resolve(
            text, candidates, tenses, anchor, shift=shift, month=month, sentences=sentences
        )
        set_date_mentions(doc, _weeks_of(text, _merge_times(text, mentions)))
        doc._.reference_date = anchor.iso() if anchor else None
        doc._.published_inferred = inferred
        return doc


def _phrase_start(text: str, candidates: list[Candidate], index: int) -> int:
    """Where an expression begins, with a clock time just before it (`15:00 GMT Saturday`)."""
    start = candidates[index].start
    if index and candidates[index - 1].rule.name.startswith("clock"):
        previous = candidates[index - 1]
        if _TIME_DAY_GAP.fullmatch(text, previous.end, start):
            return previous.start
    return start


def _resolve(
    text: str,
    candidates: list[Candidate],
    tenses: list[str | None],
    anchor: Anchor | None,
    shift: bool,
    month: int | None = None,
    sentences: list[int] | None = None,
) -> list[DateMention]:
    """Normalise each candidate in text order; explicit dates feed `the following year`,
    and any date a comparison up to three sentences on (`a year earlier`)."""
    mentions: list[DateMention] = []
    today_named = _TODAY.search(text) is not None
    previous: Anchor | None = None
    last: tuple[int, Resolved] | None = None  # (sentence, date) of the last period named
    last_quarter: Resolved | None = None
    reported_quarter: Resolved | None = None  # the first quarter named
    spans = _range_ends(text, candidates)  # "from October 25 to 28": a period, no day
    for number, (candidate, found_tense) in enumerate(zip(candidates, tenses, strict=True)):
        sentence = bisect_right(sentences or [], candidate.start)
        gap = sentence - last[0] if last is not None else 0
        near = last[1] if last is not None and gap <= 3 else None
        context = Context(
            anchor,
            found_tense,
            shift,
            previous,
            month,
            near,
            gap,
            today_named,
            last_quarter,
            reported_quarter,
        )
        try:
            resolved = candidate.rule.normalise(candidate.match, context)
        except (ValueError, OverflowError):  # past the calendar: `next year` in 9999
            continue
        if resolved is None:
            continue
        resolved = _in_year_named_after(text, candidate, resolved, anchor)
        if candidate.rule.name not in _NARRATIVE_RULES and number not in spans:
            previous = _explicit(resolved) or previous
        if (
            candidate.rule.name not in _NOT_COMPARED_RULES
            and resolved.timex_type == "DATE"
            and not _PERIOD_END_BEFORE.search(text, max(0, candidate.start - 16), candidate.start)
        ):
            last = (sentence, resolved)
            if resolved.kind == "quarter":
                last_quarter = resolved
                reported_quarter = reported_quarter or resolved
        mentions.append(
            DateMention(
                text=text[candidate.start : candidate.end],
                value=resolved.value,
                kind=resolved.kind,
                start=candidate.start,
                end=candidate.end,
                timex_type=resolved.timex_type,
                deadline=_is_deadline(text, candidate, resolved),
            )
        )
    return mentions


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|until|till|through|and)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)


def _range_ends(text: str, candidates: list[Candidate]) -> set[int]:
    """The candidates that open or close a span of days ("from October 25 to 28", "between
    June 9 and 12"): "the same day" after them is not their last day."""
    ends: set[int] = set()
    for number in range(1, len(candidates)):
        first, second = candidates[number - 1], candidates[number]
        joined = _RANGE_JOIN.fullmatch(text, first.end, second.start)
        if joined and _RANGE_OPEN.search(text, max(0, first.start - 10), first.start):
            ends |= {number - 1, number}
    return ends


def _in_year_named_after(
    text: str, candidate: Candidate, resolved: Resolved, anchor: Anchor | None
) -> Resolved:
    """A yearless day or month followed by "last year" or "next year" ("on October 25 last
    year") in the year before or after the anchor's."""
    after = OTHER_YEAR_AFTER.match(text, candidate.end)
    if after is None or anchor is None or resolved.kind not in ("day", "month"):
        return resolved
    if not resolved.value[:4].isdigit() or re.search(
        r"\d{4}", text[candidate.start : candidate.end]
    ):
        return resolved  # a written year stays
    step = 1 if after["which"].lower().endswith(("next", "following")) else -1
    return Resolved(
        f"{anchor.day.year + step}{resolved.value[4:]}", resolved.kind, resolved.timex_type
    )


def _dateline_day(dateline: str | None, inferred: Anchor | None) -> Anchor | None:
    """The day of a yearless dateline (`XXXX-03-03`) in the inferred anchor's year."""
    if not dateline or inferred is None:
        return None
    try:
        return Anchor(dt.date(inferred.day.year, int(dateline[5:7]), int(dateline[8:10])), "day")
    except ValueError:
        return None


def _explicit(resolved: Resolved) -> Anchor | None:
    """A date with a known year as an anchor for narrative references, else None."""
    match = _EXPLICIT.match(resolved.value)
    if resolved.timex_type not in ("DATE", "TIME") or match is None:
        return None
    year, month, day = match.groups()
    precision = "day" if day else "month" if month else "year"
    return Anchor(dt.date(int(year), int(month or 1), int(day or 1)), precision)


def _is_deadline(text: str, candidate: Candidate, resolved: Resolved) -> bool:
    """`by April 30`, `no later than July 31`, `the April 9 deadline`, `within 30 days`."""
    if resolved.timex_type == "DURATION":
        return bool(_WITHIN_BEFORE.search(text, max(0, candidate.start - 24), candidate.start))
    if resolved.timex_type not in ("DATE", "TIME") or resolved.kind == "ref":
        return False
    return deadline_before(text, candidate.start) or deadline_after(text, candidate.end)


def _merge_times(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Join a bare clock time with the day next to it: `8 p.m. on Sunday`, `April 3 at 9:00`."""
    merged: list[DateMention] = []
    for mention in mentions:
        last = merged[-1] if merged else None
        if last is not None and _TIME_DAY_GAP.fullmatch(text, last.end, mention.start):
            pair = _join(text, last, mention) or _join(text, mention, last)
            if pair is not None:
                merged[-1] = pair
                continue
        merged.append(mention)
    return merged


# A day with a part of it (`this morning`): a clock time next to it gives the time.
_PART_OF_DAY = re.compile(r"(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI)")


def _join(text: str, time: DateMention, day: DateMention) -> DateMention | None:
    """`8 p.m. on Sunday`, `7:30 this morning`: the clock time on that day."""
    part = _PART_OF_DAY.fullmatch(day.value)
    if time.kind != "time" or "T" not in time.value or _PART_OF_DAY.fullmatch(time.value):
        return None
    if day.kind != "day" and part is None:
        return None
    start, end = min(time.start, day.start), max(time.end, day.end)
    value = f"{part[1] if part else day.value}T{time.value.split('T', 1)[1]}"
    deadline = time.deadline or day.deadline
    return DateMention(text[start:end], value, "time", start, end, "TIME", deadline)


# "the week of May 19", "the week beginning 23 February": the week that holds the day.
_WEEK_OF = re.compile(r"\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)\s+$", re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _weeks_of(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A day written as the week it falls in (`the week of May 19`) is that ISO week."""
    found: list[DateMention] = []
    for mention in mentions:
        before = _WEEK_OF.search(text, max(0, mention.start - 30), mention.start)
        if before is None or mention.kind != "day" or not _DAY.fullmatch(mention.value):
            found.append(mention)
            continue
        week = week_value(dt.date.fromisoformat(mention.value))
        start = before.start()
        phrase = text[start : mention.end]
        kind, timex, due = "week", mention.timex_type, mention.deadline
        found.append(DateMention(phrase, week, kind, start, mention.end, timex, due))
    return found
