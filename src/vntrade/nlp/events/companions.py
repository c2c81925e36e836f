"""A call told alongside another happening of the same day: "Trump announced the deal after
a phone call with To Lam", "wrote on Truth Social after speaking by phone with Prabowo".

The sentence's date dates its main event; a call in a phrase of time ("after", "following",
"before", "during") or conjoined to that event's verb, with no date of its own, happened
that day too and is an event of its own: its doer is the main event's, its partners are
whom the call was with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events import kind_words as words
from vntrade.nlp.events.event_nouns import noun_kind
from vntrade.nlp.events.event_records import make_event
from vntrade.nlp.events.groups import named_in
from vntrade.nlp.events.per_token import parts_of_speech

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vntrade.nlp.events.participants import Parse
    from vntrade.records import Event

_ALONGSIDE = ("after", "following", "before", "during", "shortly")
_PRONOUNS = ("He ", "She ", "They ")
_PAST = {"speaking": "spoke", "talking": "talked", "holding": "held", "having": "had"}
_CALL_WORDS = ("NOUN", "VERB")  # the parts of speech `_is_call` looks at


def companion_calls(
    record: dict[str, Any],
    parse: Parse,
    sentence: tuple[int, int],
    date: dict[str, Any],
    main: Event,
    others: list[tuple[int, int]],
) -> list[Event]:
    """The call (or meeting) the sentence of `main` (dated by `date`) tells alongside it, as
    an event dated the same; none when it tells none or `main` is a call itself. `others`
    are the characters of the article's other dates."""
    if main.kind == "call":
        return []
    doer = main.actors[0] if main.actors else None
    call = companion_call(parse, sentence, others, doer)
    kind = "call"
    if call is None and main.kind != "meeting":
        call, kind = companion_meeting(parse, sentence, others, doer), "meeting"
    if call is None and main.kind == "agreement":
        call, kind = meeting_of_the_deal(parse, sentence, others, main.actors), "meeting"
    if call is None:
        return []
    return [_call_event(record, call, sentence, main.order, date["value"], date.get("last"), kind)]


def companion_meeting(
    parse: Parse, sentence: tuple[int, int], dates: list[tuple[int, int]], doer: str | None
) -> tuple[str, list[str], str] | None:
    """A meeting told in a phrase of time beside the main event ("announced the deal on
    Tuesday after meeting President Marcos"): its trigger, actors and summary."""
    span = parse.doc.char_span(*sentence, alignment_mode="expand")
    if span is None or doer is None:
        return None
    for token in span:
        if token.lower_ != "meeting" or token.pos_ != "VERB" or dated_within(token, dates):
            continue
        if not any(a.lower_ in _ALONGSIDE for a in [token, *token.ancestors][:3]):
            continue
        people = named_in(parse.names.named, token.subtree, "PERSON")
        partners = [p for p in people if p != doer]
        if partners:
            met = token.doc[token.i + 1 : token.right_edge.i + 1].text
            return token.text, [doer, *partners], f"{doer} met {met}"
    return None


def meeting_of_the_deal(
    parse: Parse, sentence: tuple[int, int], dates: list[tuple[int, int]], sides: list[str]
) -> tuple[str, list[str], str] | None:
    """The meeting a deal was reached during or after ("the deal was sealed during the
    bilateral meeting of the two leaders at the White House", "agreed ..., after their
    bilateral meeting"): its trigger, the people of the deal (or of the meeting's phrase)
    and a summary; None when the sentence tells none or the deal names fewer than two."""
    span = parse.doc.char_span(*sentence, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        if token.lower_ not in ("meeting", "summit") or token.pos_ != "NOUN":
            continue
        if token.head.lower_ not in _ALONGSIDE or dated_within(token, dates):
            continue
        people = named_in(parse.names.named, token.subtree, "PERSON")
        people = people if len(people) > 1 else [s for s in sides if s in _people(parse)]
        if len(people) > 1:
            words = token.doc[token.left_edge.i : token.i + 1].text
            what = re.sub(r"^(?:the|their|a|an)\s+", "", words, flags=re.IGNORECASE)
            return token.text, people, f"{' and '.join(people[:2])} held a {what}"
    return None


def _people(parse: Parse) -> set[str]:
    return {s.kb_id_ for s in parse.names.named.values() if s.label_ == "PERSON"}


def undated_companions(
    record: dict[str, Any], parse: Parse, sentences: list[tuple[int, int]], events: list[Event]
) -> list[Event]:
    """Calls told in a sentence with no date of its own right after a sentence whose event,
    dated to a day, has the same doer ("Trump said Tuesday the US had struck a deal. Trump
    announced the agreement after speaking by phone with Prabowo."): dated as that event."""
    found: list[Event] = []
    dated = {e.order for e in events}
    for index in range(1, len(sentences)):
        before = [e for e in events if e.order == index - 1 and e.precision == "day"]
        if index in dated or not before or not before[0].actors or before[0].kind == "call":
            continue
        main, sentence = before[0], sentences[index]
        doer = main.actors[0]
        opening = record["text"][sentence[0] : sentence[0] + 80]
        if doer.split()[-1] not in opening and not opening.startswith(_PRONOUNS):
            continue  # another doer: "Analysts said ..."
        call = companion_call(parse, sentence, [], doer)
        if call is not None:
            found.append(_call_event(record, call, sentence, index, main.value))
    return found


def _call_event(
    record: dict[str, Any],
    call: tuple[str, list[str], str],
    sentence: tuple[int, int],
    order: int,
    value: str,
    last: str | None = None,
    kind: str = "call",
) -> Event:
    """The event of a call (or a meeting) a companion finder found (its trigger, actors and
    summary)."""
    trigger, actors, summary = call
    return make_event(value, last=last, kind=kind, trigger=trigger, actors=actors,
                      commodities=[], summary=summary, text=record["text"], sentence=sentence,
                      order=order)  # fmt: skip


def companion_call(
    parse: Parse, sentence: tuple[int, int], dates: list[tuple[int, int]], doer: str | None
) -> tuple[str, list[str], str] | None:
    """The trigger, actors and summary of a call the sentence at characters `sentence` tells
    alongside its main event (whose doer is `doer`); None when it tells none. `dates` are
    the characters of every date of the sentence: a call with a date of its own is dated
    by it instead."""
    span = parse.doc.char_span(*sentence, alignment_mode="expand")
    if span is None or doer is None:
        return None
    doc, pos = parse.doc, parts_of_speech(parse.doc)
    # only a noun or a verb can be a call (`_is_call`): no `Token` for the other words
    for token in (doc[i] for i in range(span.start, span.end) if pos[i] in _CALL_WORDS):
        if not _is_call(token) or not _alongside(token) or dated_within(token, dates):
            continue
        partners = [n for n in _partners(parse, token) if n != doer]
        if not partners:
            continue
        return token.text, [doer, *partners], f"{doer} {_told(token, span)}"
    return None


def _is_call(token: Token) -> bool:
    """A phone or video call: a noun naming one ("a phone call", "phone talks") or a verb of
    talking by phone or video ("speaking by phone")."""
    if token.pos_ == "NOUN":
        return noun_kind(token) == "call"
    if token.pos_ != "VERB" or parts.lemma(token) not in words.TALKING:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "via", "over")
        and any(parts.lemma(n) in words.REMOTE_MEANS for n in parts.pobjects(c))
        for c in token.children
    )


def _alongside(token: Token) -> bool:
    """Whether the call sits in a phrase of time or is conjoined to the main verb."""
    for ancestor in [token, *token.ancestors][:4]:
        if ancestor.lower_ in _ALONGSIDE and ancestor.dep_ in ("prep", "mark", "advmod"):
            return True
        if ancestor.dep_ == "conj" and ancestor.pos_ == "VERB":
            return True
    return False


def dated_within(token: Token, dates: list[tuple[int, int]]) -> bool:
    """Whether a word's phrase holds one of `dates` (characters): it has a date of its own."""
    words_at = [t.idx for t in token.subtree]
    return any(start <= at < end for at in words_at for start, end in dates)


def _partners(parse: Parse, token: Token) -> list[str]:
    """Whom the call was with: its "with" phrase, or the names after "between"."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            # "Vietnam's Communist Party chief To Lam": To Lam, not Vietnam
            people = named_in(parse.names.named, child.subtree, "PERSON")
            found += people or parse.names.by(child)
    return list(dict.fromkeys(found))


def _told(token: Token, sentence: Span) -> str:
    """The call as a predicate: "held a phone call with X", "spoke by phone with X"."""
    doc = token.doc
    words_of = [t for t in token.subtree if not t.is_punct or t.i < token.right_edge.i]
    first, last = words_of[0].i, words_of[-1].i + 1
    if token.pos_ == "NOUN":
        return f"held {doc[first:last].text}"
    verb = _PAST.get(token.lower_, token.text)
    return f"{verb} {doc[token.i + 1 : last].text}".strip()
