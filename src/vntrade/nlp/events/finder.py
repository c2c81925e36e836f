"""One Doc's events: each dated sentence, and each directive's deadline.

A date mention (not a duration or set) anchors an event in its sentence (the parser's
sentences): the kind comes from the trigger and its frame in the parse (`frames.py`, the
table `data/events/kinds.jsonl`), else the trigger words nearest the date, the actors from the
actor mentions of the sentence and the pipeline's resolved references, the summary from the
clause around the date. Directive deadlines, and dates an order or a "by" makes due, become
`deadline` events. An event of the earliest sentence leads the article (`lead.py`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from vntrade.names import NameIndex
from vntrade.nlp.events.actor_order import owner_first, participant_names, sides_unnamed
from vntrade.nlp.events.arguments import in_subordinate_clause
from vntrade.nlp.events.clauses import clause_spans
from vntrade.nlp.events.companion_deals import deal_beside_call
from vntrade.nlp.events.companion_measures import companion_measures
from vntrade.nlp.events.companions import companion_calls, undated_companions
from vntrade.nlp.events.event_records import make_event
from vntrade.nlp.events.frames import frame_kind
from vntrade.nlp.events.groups import HOME_COUNTRY
from vntrade.nlp.events.imposers import measure_participants
from vntrade.nlp.events.issuers import canonical_name, issuer_first, state_of
from vntrade.nlp.events.kinds import choose_kind
from vntrade.nlp.events.lead import lead_event
from vntrade.nlp.events.local_bodies import is_local_body
from vntrade.nlp.events.mentions import Mentions
from vntrade.nlp.events.non_events import moves_a_market, tells_no_happening
from vntrade.nlp.events.participants import Parse
from vntrade.nlp.events.partner_deals import per_partner
from vntrade.nlp.events.ranges import (
    merge_ranges,
    phrase_span,
    stretch_by_lengths,
)
from vntrade.nlp.events.restated import restated_merged
from vntrade.nlp.events.stages import continuations_merged, stages_merged
from vntrade.nlp.events.summary import (
    ORDER,
    clause_summary,
    deadline_summary,
    ordered_addressee,
    ordered_summary,
)
from vntrade.nlp.events.venues import venue_dates
from vntrade.nlp.events.which_dates import (
    COARSE,
    baseline,
    document_date,
    follows,
    in_dateline,
    is_coarse,
    months_period,
    names_a_law,
    own_year,
    restates_in_another_zone,
)
from vntrade.periods import parse_period
from vntrade.records import Event

_DEADLINE_CUE = re.compile(r"\b(?:by|before|until|till|no\s+later\s+than|deadline\s+of)\s+$", re.I)
EVENT_TIMEX = ("DATE", "TIME")
WEAK_KINDS = ("report", "briefing")  # "said" tells little about what happened
_NO_DATE = {"start": -1, "end": -1}  # a summary with no date phrase to leave out
_LOCAL_OWNER = re.compile(
    r"^(?:the\s+)?(?:city|province|municipal|provincial|city['’]s|province['’]s)\s+", re.IGNORECASE
)
_LISTED = re.compile(r",\s+(?:and\s+)?|\s+and\s+")  # the items of a list of addressees
_TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2}
_BETWEEN_SIDES = ("negotiation", "agreement")  # kinds whose sides the article may leave unnamed


def find_events(
    record: dict[str, Any],
    sentences: list[tuple[int, int]],
    references: dict[int, str],
    parse: Parse | None = None,
) -> list[Event]:
    """Every event of one article (`record`: its text and the pipeline's other results as
    JSON; `parse`: its parsed `Doc`, when there is one), dated sentences then directive
    deadlines, with the lead event marked. A range of days is one event."""
    mentions = Mentions(record, sentences, references)
    events: list[Event] = []
    seen: set[tuple[int, str]] = set()
    dates = record.get("dates", [])
    ranges = merge_ranges(dates, record["text"])
    numbered = functools.partial(_sentence_index, sentences)
    deadlines = {d.get("deadline") for d in record.get("directives", [])}
    previous_end = -1
    for date in stretch_by_lengths(ranges, dates, numbered, record["text"]):
        index = _sentence_index(sentences, date["start"])
        if restates_in_another_zone(record["text"], previous_end, date):
            continue  # "on Tuesday (Wednesday in Manila)": the same moment, told again
        after_date, previous_end = follows(record["text"], previous_end, date), date["end"]
        if index is None or not _is_event_date(date) or (index, date["value"]) in seen:
            continue
        # "the Trade Act of 1974"; "SEOUL, July 8 (Yonhap) --": the day the story was filed
        named = names_a_law(record["text"], date) or in_dateline(record["text"], date)
        if named or baseline(record["text"], date) or (after_date and is_coarse(date)):
            continue  # "rose 27% from a year earlier"; "last year" in "October 25 last year"
        seen.add((index, date["value"]))
        if date["value"] in deadlines and _directive_covers(record, date, sentences, index):
            continue  # the directive's own deadline event reports it
        event = _event_from_date(record, mentions, sentences[index], index, date, parse)
        if event is None or tells_no_happening(event):
            continue  # a statistic's period, a year that says no time, prices, a page stamp
        events.extend(per_partner(parse, event) if parse is not None else [event])
        if parse is not None:  # "announced the deal after a phone call with X"
            others = [(d["start"], d["end"]) for d in dates if d is not date]
            events.extend(companion_calls(record, parse, sentences[index], date, event, others))
            events.extend(companion_measures(parse, event, others))  # ", while raising ..."
            events.extend(
                deal_beside_call(parse, event, date, others)
            )  # "agreed, following a call"
    if parse is not None:  # "At the meeting, the PM decided to ...": on the meeting's day
        for index, date in venue_dates(parse.doc, sentences, events, {i for i, _ in seen}):
            event = _event_from_date(record, mentions, sentences[index], index, date, parse)
            events.extend([event] if event is not None and not tells_no_happening(event) else [])
    events = stages_merged(continuations_merged(_without_data_periods(events)))
    if parse is not None:  # "... said Tuesday. Trump announced it after speaking with X."
        events.extend(undated_companions(record, parse, sentences, events))
    events.extend(_directive_deadlines(record, mentions, sentences, parse))
    if parse is not None:
        dated = {e.sentence_start for e in events}
        events.extend(_press_briefings(record, mentions, sentences, parse, dated, events))
    events = restated_merged(events)  # "..., officials said Thursday. X announced it Wednesday"
    if events:
        lead_event(events).lead = True
    return events


def _is_event_date(date: dict[str, Any]) -> bool:
    if date.get("timex_type", "DATE") not in EVENT_TIMEX:
        return False
    period = parse_period(date.get("value", ""))
    return period is not None and period.precision != "decade"


def _without_data_periods(events: list[Event]) -> list[Event]:
    """A report's month or week beside the day its data came out ("exports rose 15% in
    September, data showed on October 6"): the release is the event, the month its data."""
    released = {e.order for e in events if e.kind in WEAK_KINDS and e.precision == "day"}
    return [
        e
        for e in events
        if not (e.kind == "report" and e.precision in ("week", "month") and e.order in released)
    ]


def _sentence_index(sentences: list[tuple[int, int]], position: int) -> int | None:
    for index, (start, end) in enumerate(sentences):
        if start <= position < end:
            return index
    return None


def _directive_covers(
    record: dict[str, Any], date: dict[str, Any], sentences: list[tuple[int, int]], index: int
) -> bool:
    """Whether a directive of the date's sentence has this date as its deadline."""
    return any(
        d.get("deadline") == date["value"]
        and (
            d["start"] <= date["start"] < d["end"]
            or _sentence_index(sentences, d["start"]) == index
        )
        for d in record.get("directives", [])
    )


def _event_from_date(
    record: dict[str, Any],
    mentions: Mentions,
    sentence: tuple[int, int],
    index: int,
    date: dict[str, Any],
    parse: Parse | None = None,
) -> Event | None:
    """The event `date` dates in its sentence, or None when it tells no happening."""
    text = record["text"]
    start, end = sentence
    clauses = clause_spans(text, start, end)
    clause = next((c for c in clauses if c[0] <= date["start"] < c[1]), (start, end))
    framed = frame_kind(parse.doc, date["start"], date["end"]) if parse else None
    kind, trigger = framed or choose_kind(text, sentence, clause, (date["start"], date["end"]))
    cue = _DEADLINE_CUE.search(text, max(start, date["start"] - 40), date["start"])
    order = ORDER.search(text, clause[0], date["start"])
    if order and parse and not parse.is_verb(order.start("verb")):
        order = None  # "signed an order imposing a duty, to take effect on May 7": a noun
    dated = document_date(text, start, date)
    due = bool(date.get("deadline") or cue or order) and not dated  # "Directive 21 dated May 2"
    if due and framed and framed[0] == "tariff measure" and not date.get("deadline"):
        # "... to cancel orders after the US announced the tariffs on April 2": the measure's
        due = not in_subordinate_clause(parse.doc, date["start"], date["end"])
    kind, trigger = ("decision", "dated") if dated else (kind, trigger)
    if due:
        # A deadline stated outside any directive ("tariffs are paused until July 9"), or
        # the date of an ordered action ("directed ministries to sign contracts in May").
        kind = "deadline"
        trigger = (order["verb"] if order else cue.group().strip() if cue else None) or trigger
    if _unreported(record, date, kind, start) or (
        parse and moves_a_market(parse.doc, date["start"], date["end"])
    ):
        return None  # found from the kind and the parse, before the participants
    who = parse.participants(date["start"], date["end"]) if parse else None
    # The summary leaves out the whole date phrase ("on July 1 and 2", "from May 19 to 22").
    first, last = phrase_span(date, record.get("dates", []), text)
    summary, subject = clause_summary(
        text, clauses, clause, {**date, "start": first, "end": last}, mentions, who, parse
    )
    if due:
        summary = ordered_summary(text, clause, date, mentions) or f"Deadline: {summary}"
    named = sorted(mentions.actors_in(start, end), key=lambda m: _TYPE_ORDER.get(m[3], 3))
    participants = participant_names(who, subject, summary, kind)
    addressee = ordered_addressee(text, clause, date, mentions) if due else None
    if addressee:  # "Deadline: the Ministry of Finance to propose ...": the ministry's task
        participants = _unique([addressee, *participants])
    if parse and who:  # a measure's owner first: whoever set it
        event, span = (kind, trigger, summary), (date["start"], date["end"])
        participants = measure_participants(parse, who, participants, event, span)
    if kind in _BETWEEN_SIDES and sides_unnamed(who, mentions, kind):
        # Talks whose sides go unnamed ("the second round of talks will open", "the
        # framework agreed with the US") are between the two countries the article names
        # most, not its last speaker's.
        participants = _unique([*mentions.main_countries(), *(who.partners if who else [])])
    return make_event(
        date["value"],
        last=date.get("last"),
        kind=kind,
        trigger=trigger,
        actors=issuer_first(  # who acts first; a document's issuer before its signer
            owner_first(parse, _specific(_unique([*participants, *_names(named)])), kind, date),
            text,
            sentence,
            kind,
            mentions,
        ),
        commodities=mentions.commodities_in(start, end),
        summary=summary,
        text=text,
        sentence=sentence,
        order=index,
    )


def _unreported(record: dict[str, Any], date: dict[str, Any], kind: str, start: int) -> bool:
    """Whether the event of `date` (kind `kind`, sentence at `start`) tells no happening."""
    precision = parse_period(date["value"]).precision  # the event's (`make_event`)
    if kind in WEAK_KINDS and (precision in COARSE or months_period(record["text"], date)):
        return True  # "this year", "in January-July" naming no happening: a statistic
    yearly = kind != "deadline" and precision == "year"  # "signed pledges this year": no time
    return yearly and own_year(record["text"], start, date, record.get("reference_date"))


def _press_briefings(
    record: dict[str, Any],
    mentions: Mentions,
    sentences: list[tuple[int, int]],
    parse: Parse,
    dated: set[int],
    found_before: list[Event],
) -> list[Event]:
    """A named speaker telling the press in a sentence with no date of its own ("Can Van
    Luc, chief economist at BIDV, told CNA that ...", "said in an interview"): a briefing on
    the day the article was published or datelined (else the day its dates point to), once
    per speaker and not for one whose briefing that day is already found."""
    doc = parse.doc
    day = doc._.published or doc._.dateline_date or doc._.reference_date
    period = parse_period(day) if day else None
    if period is None or period.precision != "day":
        return []
    text, found = record["text"], []
    first_day = period.start.isoformat() if period.placed else None
    speakers = {
        e.actors[0]
        for e in found_before
        if e.kind == "briefing" and e.actors and e.start == first_day and first_day
    }
    for index, (start, end) in enumerate(sentences):
        if start in dated:
            continue
        for position in parse.press_verbs(start, end):
            who = parse.participants(position, position + 1)
            if who is None or not who.agents or who.borrowed or who.agents[0] in speakers:
                continue
            speakers.add(who.agents[0])
            clauses = clause_spans(text, start, end)
            clause = next((c for c in clauses if c[0] <= position < c[1]), (start, end))
            summary, _ = clause_summary(text, clauses, clause, _NO_DATE, mentions, who, parse)
            found.append(
                make_event(
                    day,
                    kind="briefing",
                    trigger=text[position : position + 5].split()[0],
                    actors=_specific(
                        _unique([*who.names, *_names(mentions.actors_in(start, end))])
                    ),
                    commodities=mentions.commodities_in(start, end),
                    summary=summary,
                    text=text,
                    sentence=(start, end),
                    order=index,
                )
            )
            break
    return found


def _directive_deadlines(
    record: dict[str, Any],
    mentions: Mentions,
    sentences: list[tuple[int, int]],
    parse: Parse | None = None,
) -> list[Event]:
    events = []
    if not any(directive.get("deadline") for directive in record.get("directives", [])):
        return events  # no names to index
    names = NameIndex.of_actors([record])
    localized = parse.names.localized if parse is not None else lambda name, _at: name
    for number, directive in enumerate(record.get("directives", [])):
        value = directive.get("deadline")
        if not value or parse_period(value) is None:
            continue
        start, end = directive["start"], directive["end"]
        issuer = state_of(canonical_name(directive.get("issuer"), names))
        addressee = canonical_name(_LOCAL_OWNER.sub("", directive.get("addressee") or ""), names)
        if addressee not in mentions.types:  # "the State Bank, the Ministry of ... and ...":
            listed = _LISTED.split(directive.get("addressee") or "")  # the first named
            addressee = canonical_name(listed[0], names) if len(listed) > 1 else addressee
        # The one who must act leads a deadline ("the ministry is to report by May 20"); a
        # directive whose addressee names no actor ("ministries") is its issuer's. A local
        # body is its place's ("the city's Department of Industry and Trade").
        named = [
            localized(name, start)
            for name in (addressee, issuer)
            if name in mentions.types or name == HOME_COUNTRY
        ]
        in_sentence = [localized(name, start) for name in _names(mentions.actors_in(start, end))]
        events.append(
            make_event(
                value,
                kind="deadline",
                trigger=directive.get("verb"),
                actors=issuer_first(
                    _specific(_unique([*named, *in_sentence])),
                    record["text"],
                    (start, end),
                    "deadline",
                    mentions,
                ),
                commodities=mentions.commodities_in(start, end),
                summary=deadline_summary(
                    canonical_name(directive.get("addressee"), names),
                    directive.get("action", ""),
                    record,
                ),
                text=record["text"],
                sentence=(start, end),
                order=_sentence_index(sentences, start) or 0,
                directive=number,
            )
        )
    return events


def _names(found: list[tuple[int, int, str, str | None]]) -> list[str]:
    return [name for _s, _e, name, _t in found]


def _specific(names: list[str]) -> list[str]:
    """Names without a generic local body that a specific one spells out ("People's
    Committee" beside "Binh Thuan People's Committee")."""
    generic = [n for n in names if is_local_body(n)]
    return [n for n in names if n not in generic or not any(o.endswith(f" {n}") for o in names)]


def _unique(items: Any) -> list[Any]:
    return list(dict.fromkeys(item for item in items if item))
