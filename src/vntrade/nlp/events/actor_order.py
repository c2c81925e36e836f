"""Which of an event's actors comes first: the trigger's participants, agent first, the
clause's own subject before a doer borrowed from an earlier sentence, a tariff's owner
before the country it hits, a named gathering's organisation before who attends it, and
the two main countries for talks whose sides go unnamed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from vntrade.nlp.events.gatherings import host_first
from vntrade.nlp.events.imposers import bearer_not_first
from vntrade.nlp.events.kind_words import HAPPENING_KINDS

if TYPE_CHECKING:
    from vntrade.nlp.events.mentions import Mentions
    from vntrade.nlp.events.participants import Parse, Participants


# A summary that opens with someone telling ("X said the teams would ..."): its subject is
# the teller, not the doer of what is told.
_TELLING = re.compile(r"(?:Deadline:\s+)?(?:\S+\s+){0,8}?(?:said|says|told|tells|noted|added)\b")


def participant_names(
    who: Participants | None, subject: str | None, summary: str, kind: str
) -> list[str]:
    """The trigger's participants, agent first; without a parse, or before a doer borrowed
    from an earlier sentence, the summary's subject (not a teller's: "X said the teams
    would ..."). The source of an "according to" leads what it tells of data, not a
    happening it reports ("talks were held in Washington, according to the ministry": the
    talks' sides)."""
    subject = None if _TELLING.match(summary) else subject
    if who is None or not who.names:
        return [subject] if subject else []
    if who.borrowed and subject and subject not in who.names:
        return [subject, *who.names]  # "The Ministry of Finance is to propose ...": its own
    if kind in HAPPENING_KINDS and who.sources and len(who.names) > len(who.sources):
        return list(dict.fromkeys([*who.names[len(who.sources) :], *who.sources]))
    return who.names


def sides_unnamed(who: Participants | None, mentions: Mentions, kind: str) -> bool:
    """Whether talks or a deal name none of their sides (the source of an "according to",
    the doer of the clause they sit in are not theirs), or only one of the article's two
    main countries ("the framework agreed with the US")."""
    no_agent = who is None or who.borrowed or not set(who.agents) - set(who.sources)
    if no_agent and (kind == "negotiation" or not (who and who.partners)):
        return True  # "the next round will open", "the trade deal announced on July 2"
    partners = set(who.partners) if who else set()
    return no_agent and bool(partners) and partners < set(mentions.main_countries())


def owner_first(
    parse: Parse | None, actors: list[str], kind: str, date: dict[str, Any]
) -> list[str]:
    """`actors` with a tariff's owner before the country it hits (`bearer_not_first`), a
    named gathering's organisation before who attends it (`host_first`)."""
    if parse is None:
        return actors
    span = (date["start"], date["end"])
    return host_first(parse, bearer_not_first(parse, actors, kind, span), kind, span)
