"""Short readable clauses for events: who did what, trimmed from the evidence sentence."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from vntrade.nlp.actors.nationalities import country_of
from vntrade.nlp.events.arguments import PREPOSITION_INGS
from vntrade.nlp.events.mentions import ROLE_PHRASE
from vntrade.nlp.events.trim import finish

if TYPE_CHECKING:
    from vntrade.nlp.events.mentions import Mentions
    from vntrade.nlp.events.participants import Parse, Participants


_REPORTING = re.compile(
    r"(?P<content>.+?),\s+(?P<subject>[^,]{2,60}?)\s+(?P<verb>said|says|told|noted|stated|"
    r"added|announced|affirmed|stressed|emphasi[sz]ed|confirmed|reported)\b[^,]*$",
    re.DOTALL,
)
_PREPOSITION = re.compile(
    r"(?:,\s*)?\b(?:on\s+or\s+(?:after|before|around|about)|(?:on|in)\s+the\s+(?:morning|afternoon|"
    r"evening|night)\s+of|on|in|at|during|from|of|by|before|until|till|through|thru|to|after|"
    r"around|within|between|since|starting|beginning|no\s+later\s+than|beyond|for|past|"
    r"throughout|into|ahead\s+of|prior\s+to|as\s+of|dated)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A date used as a modifier ("the July 9 expiry", "its August 1 deadline"): a noun follows.
_ATTRIBUTIVE = re.compile(
    r"\s+(?!(?:and|or|to|that|when|which|as)\b)[a-z]{3,}\b(?!\s+(?:to|that)\b)"
)
_DAY_PART = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
# The last day of a range the dates left unread ("June 10 -12"): part of the date phrase.
_DAY_TAIL = re.compile(r"\s*[-–]\s*\d{1,2}\b(?!\s*(?:%|per|percent|\.\d))")
_ACCORDING = re.compile(r"\s*according\s+to\b", re.IGNORECASE)
_SUBORDINATOR = re.compile(
    r"(?:as|while|when|whereas|after|before|following|which|where|although|though|but|"
    r"because|since|thus|and|that|so|earlier|meanwhile|later|previously|separately|"
    r"additionally|also|however|in\s+addition|at\s+the\s+same\s+time)\b,?\s+",
    re.IGNORECASE,
)
# An action that does not open with a verb: "swift conclusion of ...", "submitting ...".
_NOMINAL_ACTION = re.compile(
    r"(?:a|an|the|its|their|swift|quick|prompt|immediate|urgent|early|timely)\b|"
    r"\w+(?:ing|tion|sion)\b|\w+ment\s+of\b",
    re.IGNORECASE,
)


def order_verbs_pattern() -> str:
    """A regex alternation of every form of every directive verb, with its particles."""
    path = resources.files("vntrade.nlp").joinpath("data", "directives", "verbs.jsonl")
    choices = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            verb = json.loads(line)
            forms = "|".join(map(re.escape, sorted(verb["forms"], key=len, reverse=True)))
            particles = "|".join(map(re.escape, verb.get("particles", [])))
            choices.append(f"(?:{forms})\\s+(?:{particles})" if particles else f"(?:{forms})")
    return "|".join(choices)


# An order and the verb of its action ("directed ministries to sign", "called on X to"), from
# the directive verbs the pipeline knows (`nlp/data/directives/verbs.jsonl`): one list.
ORDER = re.compile(
    rf"\b(?P<verb>{order_verbs_pattern()})\b[^.;]*?\b(?-i:to)\s+\w+",  # not "To Lam"
    re.IGNORECASE,
)
# Words in -ing that open a phrase as prepositions do ("Following the talks, ...").

# A fronted prepositional phrase and its comma: "Following the talks on August 1, ".
_FRONTED = re.compile(
    r"(?:after|before|following|during|since|amid|ahead\s+of)\s+[^,;.]{1,60}?,\s+(?=\S)",
    re.IGNORECASE,
)
_LONG_ADDRESSEE = 8  # words
_FOR_EXAMPLE = r"(?:including|such as|especially|notably|namely)\b"  # what lists examples
_EXAMPLES = re.compile(rf",\s+{_FOR_EXAMPLE}[^;]*?,\s+(?=to\s)")
_PRONOUN = re.compile(r"(?:he|she)\b", re.IGNORECASE)
_VERB_NEXT = re.compile(r",\s+(?!(?:the|a|an|its|their|his|her|this|these|and|or)\b)[a-z]")
_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\b")  # "Addressing a meeting ..., Chinh noted"
_TITLED = re.compile(r"\s+[A-Z][a-z]+")  # "Acting Prime Minister X": a title, no clause
_DATELINE = re.compile(  # "HANOI (VNA) -", "SEOUL, July 8 (Yonhap) --"
    r"(?:[^\W\d_][\w.’']*\s?){1,3}(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(?:\([A-Z][\w .&-]{1,25}\))?\s*(?:--|[-–—])\s+(?=[A-Z\"“])",
    re.UNICODE,
)
_IRREGULAR_PAST = {
    "speaking": "spoke", "meeting": "met", "holding": "held", "making": "made",
    "giving": "gave", "taking": "took", "telling": "told", "writing": "wrote",
    "sending": "sent", "leading": "led", "seeing": "saw", "running": "ran",
    "getting": "got", "having": "had", "being": "was", "bringing": "brought",
    "seeking": "sought", "paying": "paid", "saying": "said", "setting": "set",
}  # fmt: skip


def clause_summary(
    text: str,
    clauses: list[tuple[int, int]],
    clause: tuple[int, int],
    date: dict[str, Any],
    mentions: Mentions,
    who: Participants | None = None,
    parse: Parse | None = None,
) -> tuple[str, str | None]:
    """A short clause saying who did what around `date`, and the actor it names as subject;
    with the parse (`who`), a clause whose subject is elsewhere ("..., which was signed")
    is given it, and a relative or adverbial clause ends where its words end; a clause
    with no verb of its own ("..., as part of his trip to the US from May 4 to 9") is read
    with the clauses before it."""
    start, end = clause
    verbless = parse is not None and not parse.has_verb(start, end)
    if verbless and clause in clauses and clauses.index(clause) > 0:
        start = clauses[0][0]
        who = None  # the participants of a verb the clause does not have
    relative = _RESTRICTIVE.match(text, start) if text[:start].rstrip()[-1:].isalpha() else None
    if (
        relative is not None
        and parse is not None
        and parse.relative_verb_at(relative.start(1))
        and clause in clauses
        and clauses.index(clause) > 0
    ):
        start = clauses[clauses.index(clause) - 1][0]  # "reached a deal that sets ..., X said"
    reporting = _REPORTING.match(text, start, end)
    if reporting and reporting.start("subject") <= date["start"]:
        said = (reporting.start("subject"), reporting.end("verb"))
        summary, actor = _render(text, said, date, mentions)
        body, _ = _render(text, reporting.span("content"), date, mentions)
        return finish(f"{summary} {body}"), actor
    if who is not None and who.described and who.clause_end:
        # "Under an order signed by X on July 31, ...": the order was signed by X
        np_start, np_end, verb_start, plural = who.described
        thing, _ = _render(text, (np_start, np_end), date, mentions)
        done, actor = _render(text, (verb_start, who.clause_end), date, mentions)
        thing = re.sub(r"^(?:the|a|an)\b", lambda m: m.group().capitalize(), thing.strip())
        return finish(f"{thing} {'were' if plural else 'was'} {done}"), actor
    index = clauses.index(clause) if clause in clauses else 0
    if index > 0 and _ACCORDING.match(text, start, end):
        # "Exports rose 4%, according to the report published on April 29": the figure's
        # clause, then its source
        main, _ = clause_summary(text, clauses, clauses[0], date, mentions)
        source, _ = _render(text, (start, end), date, mentions)
        return finish(f"{main.rstrip('…')}, {source.strip()}"), None
    main = parse.after_fronted_participle(start) if parse is not None else None
    if main is not None and start < main < end:
        # "Asked about the rate on Thursday, the spokeswoman said ...": what she said
        return clause_summary(text, clauses, (main, end), date, mentions)
    last = index
    rendered = (start, end), _render(text, (start, end), date, mentions)
    while len(rendered[1][0].split()) < 5 or _continues(text, clauses, last):
        if last + 1 < len(clauses):  # the date's clause alone says too little: read on
            last += 1
            end = clauses[last][1]
        elif start > clauses[0][0]:
            start = clauses[0][0]
        else:
            break
        rendered = (start, end), _render(text, (start, end), date, mentions)
    if who is not None and who.clause_end and start < who.clause_end < end:
        end = who.clause_end
    participle = _PARTICIPLE.match(text[start:end])
    if participle and (
        participle.group().lower() in PREPOSITION_INGS
        or (parse is not None and not parse.is_participle(start))
        or _TITLED.match(text, start + participle.end())
    ):
        participle = None  # "During ...", "Following ...": a preposition; "Acting Prime ..."
    if participle and index == 0 and len(clauses) > 1:
        subject = _leading_actor(text, clauses[1], mentions)
        summary, _ = _render(text, (start + participle.end(), end), date, mentions)
        verb = _past(participle.group().lower())
        return finish(f"{subject + ' ' if subject else ''}{verb} {summary}"), subject
    if rendered[0] != (start, end):  # cut where a relative clause's words end
        rendered = (start, end), _render(text, (start, end), date, mentions)
    summary, actor = rendered[1]
    if who is not None and who.subject_text and who.subject:
        gap = text[who.subject[1] : start].strip(" –—-")
        if who.subject[0] < start and (start <= who.subject[1] or not gap):
            # the subject runs into the clause ("the Viet Nam – United States agreement")
            summary, actor = _render(text, (who.subject[0], end), date, mentions)
        elif not start <= who.subject[0] < end:
            summary = f"{who.subject_text} {summary}"
            actor = who.agents[0] if who.agents else actor
    return finish(summary), actor


_RESTRICTIVE = re.compile(r"(?:that|which)\s+(?!is\b|was\b)([a-z]+s)\b")  # "that sets"


def _continues(text: str, clauses: list[tuple[int, int]], index: int) -> bool:
    """Whether the next clause is the object of this one ("announced | that ...")."""
    return index + 1 < len(clauses) and text.startswith(
        ("that ", "whether "), clauses[index + 1][0]
    )


def ordered_summary(
    text: str, clause: tuple[int, int], date: dict[str, Any], mentions: Mentions
) -> str | None:
    """`Deadline: <who> to <do what>` for a date due in an order ("assigned the Ministry of
    Industry and Trade to compile and submit proposals by April 30"), from its nearest
    addressee, or None when the clause holds no order."""
    start = _addressee_start(text, clause, date, mentions)
    if start is None:
        return None
    summary, _ = _render(text, (start, clause[1]), date, mentions)
    summary = _EXAMPLES.sub(" ", summary, count=1)  # "localities, including X and Y, to report"
    return finish(f"Deadline: {summary}", capitalise=False)


def ordered_addressee(
    text: str, clause: tuple[int, int], date: dict[str, Any], mentions: Mentions
) -> str | None:
    """The actor an order in the clause tells to act by the date ("assigned the Ministry of
    Finance to submit ... by April 30", "the Ministry of Finance to propose ..."), when a
    named one opens its task; None otherwise."""
    start = _addressee_start(text, clause, date, mentions)
    if start is None:
        return None
    opening = re.match(r"\s*(?:the\s+)?", text[start:], re.IGNORECASE)
    first = start + (opening.end() if opening else 0)
    named = [m for m in mentions.actors_in(first, first + 120) if m[0] == first]
    return named[0][2] if named else None


def _addressee_start(
    text: str, clause: tuple[int, int], date: dict[str, Any], mentions: Mentions
) -> int | None:
    """Where the addressee of the clause's order starts: after its verb of ordering, or at
    a named actor followed by "to"; None when the clause holds no order."""
    starts = [m.end("verb") for m in ORDER.finditer(text, clause[0], date["start"])]
    for m_start, m_end, _name, _kind in mentions.actors_in(clause[0], date["start"]):
        if text.startswith(" to ", m_end):
            starts.append(m_start)
    return max(starts) if starts else None


def deadline_summary(addressee: str | None, action: str, record: dict[str, Any]) -> str:
    """`Deadline: <addressee> to <action>` (`<addressee> is tasked with <action>` for a
    gerund, `Deadline for <addressee>: <action>` for another noun phrase), without the
    deadline's own date phrase."""
    for date in record.get("dates", []):
        if date.get("text") and date["text"] in action:
            before, _, after = action.partition(date["text"])
            day_part = _DAY_PART.match(after)
            action = _PREPOSITION.sub("", before) + after[day_part.end() if day_part else 0 :]
    action = re.sub(r"^to\s+", "", " ".join(action.split()))
    if not addressee:
        return finish(f"Deadline: {action}", capitalise=False)
    addressee = _short_addressee(re.sub(r"^The\b", "the", addressee))
    if re.match(r"\w+ing\b", action):  # "submitting a plan": a task, told as a clause
        tasked = "are" if re.search(r"(?:ies|[^s]s)$", addressee) else "is"
        return finish(f"Deadline: {addressee} {tasked} tasked with {action}", capitalise=False)
    if _NOMINAL_ACTION.match(action):
        return finish(f"Deadline for {addressee}: {action}", capitalise=False)
    return finish(f"Deadline: {addressee} to {action}", capitalise=False)


def _short_addressee(addressee: str) -> str:
    """A long addressee without its examples ("localities with large exports, including
    Hanoi, ...") or, for a list, its first item and "others", so that its task fits."""
    if len(addressee.split()) <= _LONG_ADDRESSEE:
        return addressee
    first, comma, rest = addressee.partition(",")
    if comma and re.match(rf"\s*{_FOR_EXAMPLE}", rest):
        return first
    listed = re.split(r",\s+|\s+and\s+", addressee)
    return f"{listed[0]} and others" if len(listed) > 2 else addressee


def _render(
    text: str, span: tuple[int, int], date: dict[str, Any], mentions: Mentions
) -> tuple[str, str | None]:
    """The text of `span` without the event's date, with its subject named canonically."""
    start, end = span
    edits: list[tuple[int, int, str]] = []
    if start <= date["start"] and date["end"] <= end:
        before = _PREPOSITION.search(text, start, date["start"])
        if _ATTRIBUTIVE.match(text, date["end"]) and re.search(
            r"\b(?:the|a|an|its|their)\s+$", text[start : date["start"]], re.IGNORECASE
        ):
            before = None  # "a week before the July 9 expiry": "a week before the expiry"
        cut_from = before.start() if before else date["start"]
        after = _DAY_PART.match(text, date["end"], end) or _DAY_TAIL.match(text, date["end"], end)
        cut_to = after.end() if after else date["end"]
        # "X on Oct. 1, 2025, issued": the date's own comma pairs with the one after it
        paired = "," in text[date["start"] : date["end"]] and _VERB_NEXT.match(text, cut_to)
        if text.startswith(",", cut_to) and (cut_from == start or text[cut_from] == "," or paired):
            cut_to += 1  # a fronted "Last week, ..."; "The ministry, on Monday, said"
        edits.append((cut_from, cut_to, ""))
        if cut_from == start:  # the clause goes on after its fronted date: "On May 9 the PM"
            start = len(text[:cut_to]) + len(text[cut_to:end]) - len(text[cut_to:end].lstrip())
    lead = start
    for pattern in (_DATELINE, _SUBORDINATOR):
        match = pattern.match(text, lead, end)
        if match:
            edits.append((match.start(), match.end(), ""))
            lead = match.end()
            fronted = _FRONTED.match(text, match.start(), end) if pattern is _SUBORDINATOR else None
            if fronted:  # "Following the talks on August 1, the two sides issued ...": the
                edits.append((lead, fronted.end(), ""))  # clause, without its fronted phrase
                lead = fronted.end()
    actor, subject = _subject(text, lead, end, mentions)
    if actor:
        edits.append((subject[0], _with_field(text, subject[1], end), actor))
    named_before = start  # a chain of titles never runs over another person ("X and Y")
    for m_start, m_end, name, kind in mentions.actors_in(start, end):
        unbroken = kind == "PERSON" and named_before <= lead
        titles = _TITLE_CHAIN.fullmatch(text, lead, m_start) if unbroken else None
        if kind == "PERSON" and m_start >= lead:
            named_before = max(named_before, m_end)
        if titles and (titles.group().count(",") or len(titles.group().split()) >= 6):
            edits.append((lead, m_start, ""))  # "Politburo member, Deputy PM and Minister of
            lead = m_start  # Foreign Affairs Bui Thanh Son": the name says who
        if actor is None and m_start - lead <= 30 and kind in ("PERSON", "ORG"):
            actor = name  # the subject is the first person or body in the clause's head
        if kind == "PERSON" and name not in text[m_start:m_end]:
            if text[max(start, m_start - 4) : m_start].lower() == "the ":
                m_start -= 4  # "the PM" → the name, not "the Pham Minh Chinh"
            edits.append((m_start, _with_field(text, m_end, end), name))
    return _apply(text, start, end, edits), actor


def _with_field(text: str, title_end: int, end: int) -> int:
    """Where a title the name replaces ends with its field: "the Minister| of Industry and
    Trade" up to "Trade"."""
    field = _TITLE_FIELD.match(text, title_end, end)
    return field.end() if field else title_end


# The field of a title the name replaces: "the Minister| of Industry and Trade".
_TITLE_FIELD = re.compile(
    r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:,?\s+(?:(?:and|of|for|the)\s+)*[A-Z][\w'’-]*)*"
)


# A chain of titles before a person's name: "Politburo member, Deputy Prime Minister and
# Minister of Foreign Affairs", "Comrade ..., Member of the Party Central Committee, ...".
_TITLE_CHAIN = re.compile(
    r"(?:(?:[A-Z][\w'’.-]*|\d{1,4}|of|and|for|the|on|in|to|member|members|cum|,|\([^()]{0,30}\))"
    r"\s*)+"
)


def _apply(text: str, start: int, end: int, edits: list[tuple[int, int, str]]) -> str:
    pieces, cursor = [], start
    for a, b, replacement in sorted(edits):
        if a < cursor:  # overlapping edits: deletions join, else the first wins
            cursor = max(cursor, b) if not replacement else cursor
            continue
        pieces += [text[cursor:a], replacement]
        cursor = b
    pieces.append(text[cursor:end])
    return "".join(pieces)


def _subject(
    text: str, start: int, end: int, mentions: Mentions
) -> tuple[str | None, tuple[int, int]]:
    """The person a clause opens with as "he"/"she" or "the PM", and where that phrase is."""
    pronoun = _PRONOUN.match(text, start, end)
    if pronoun:
        return mentions.person_before(pronoun.start()), pronoun.span()
    role = ROLE_PHRASE.match(text, start, end)
    if role and country_of(role["role"].split()[-1]):
        role = None  # "the Vietnamese carmaker": a nationality, not a title
    if role and not mentions.actors_in(role.start("role"), role.end()):
        return mentions.person_with_role(role["role"], role.start()), role.span()
    return None, (start, start)


_TITLE_ROOM = 60  # characters of title a clause's opening name may follow


def _leading_actor(text: str, clause: tuple[int, int], mentions: Mentions) -> str | None:
    """The actor a clause opens with (a name, "he", "the PM"), as in ", Chinh noted that"."""
    actor, _ = _subject(text, clause[0], clause[1], mentions)
    if actor:
        return actor
    for m_start, _m_end, name, _kind in mentions.actors_in(*clause):
        if m_start - clause[0] <= _TITLE_ROOM:  # "Deputy Minister of Industry and Trade X"
            return name
    return None


def _past(participle: str) -> str:
    if participle in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[participle]
    stem = participle[:-3]
    return stem + ("d" if stem.endswith("e") else "ed")
