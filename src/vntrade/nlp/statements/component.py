"""The `vntrade_statements` component: who said what, quoted or reported.

Runs after `vntrade_actors` (speakers are its canonical actors: names, pronouns and role
phrases already resolved) and `vntrade_dates` (a statement's date). Cues are data
(`data/statements/`): speech and cognition verbs with the content each takes (a clause, a
quotation, an object, what the object is said to be: `called the tariff "a mistake"`,
`accused X of Y`, `blamed X for Y`; an infinitive: `vowed to`, `wants to`, `hopes to`), nouns
a light verb expresses (`expressed hope that S`) and claim nouns with a possessor (`Warner's
claim that S`, `his view that S`), phrases that name a source (`according to X`). Beliefs are
statements (`believes`, `thinks`, `wants to`), and so are stances (`endorsed`, `opposed`,
`praised X`) and what a poll, survey or study shows or finds (not bare figures: `customs data
showed` is none). Orders are the directives component's: a cue the directives component read
as an order in the same sentence stays a directive (`the PM called for swift action`), and
`called for X` said by someone it did not read as ordering (`labour groups called for higher
wages`) is speech. Questions are no statements, nor a cue the speaker withheld (`declined to
criticize`). Results go to `doc.spans["vntrade_statements"]` (see `spans.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Token

from vntrade.nlp.actors.lexicon import read_jsonl
from vntrade.nlp.extensions import DATE_SPANS, date_mentions, register_extensions
from vntrade.nlp.statements.finder import Found, statements
from vntrade.nlp.statements.lexicon import FILES, Cues, load_cues, shipped_records
from vntrade.nlp.statements.spans import register, set_statements
from vntrade.records import Statement

# How far up the parse a date may hang from the cue (`said on Thursday`: date, pobj, prep).
DATE_REACH = 3


@Language.factory(
    "vntrade_statements",
    assigns=["doc.spans"],
    requires=["token.tag", "token.dep", "doc.sents", "doc.spans"],
    default_config={},
)
def make_statements(nlp: Language, name: str) -> StatementFinder:
    register_extensions()
    register()
    return StatementFinder(name=name)


class StatementFinder:
    """Finds quotations and reported speech with their speakers."""

    def __init__(self, *, name: str = "vntrade_statements") -> None:
        self.name = name
        self.records: dict[str, list[tuple[str, dict]]] = {}
        self.cues: Cues | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Read the shipped cue lists."""
        self.set_records(shipped_records())

    def set_records(self, records: dict[str, list[tuple[str, dict]]]) -> None:
        self.cues = load_cues(records)
        self.records = records

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, records in self.records.items():
            srsly.write_jsonl(path / name, [record for _, record in records])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StatementFinder:
        path = Path(path)
        self.set_records({name: list(read_jsonl(path / name)) for name in FILES})
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.cues is None:
            raise ValueError(f"{self.name}: not initialized (call `initialize` or `from_disk`)")
        finder, found = statements(doc, self.cues)
        text = finder.text
        dates = _dated(doc) if found else []
        records = []
        for item in found:
            assert item.speaker is not None
            low = min(item.start, item.cue_token.idx) if item.cue_token is not None else item.start
            high = max(item.end, _cue_end(item))
            first, last = finder.sentence_bounds(low, max(low, high - 1))
            records.append(
                Statement(
                    speaker=item.speaker.name,
                    speaker_text=item.speaker.text,
                    cue=item.cue,
                    text=text[item.start : item.end],
                    start=item.start,
                    end=item.end,
                    direct=item.direct,
                    sentence_start=first,
                    sentence_end=max(last, item.end),
                    date=_date(item, dates) or doc._.reference_date,
                    unnamed=item.speaker.unnamed,
                )
            )
        set_statements(doc, records)
        return doc


def _cue_end(item: Found) -> int:
    token = item.cue_token
    return token.idx + len(token.text) if token is not None else item.end


def _dated(doc: Doc) -> list[tuple[int, str, frozenset[int]]]:
    """(first character, value, the words it hangs from) of each date or time a cue can
    give, in order: a value of a year (`2025-04`) or a weekday's (`XXXX-WXX-4`)."""
    spans = doc.spans.get(DATE_SPANS, [])
    dates = []
    for number, mention in enumerate(date_mentions(doc)):  # the records of `spans`, in order
        if mention.timex_type not in ("DATE", "TIME"):
            continue
        value = mention.value
        if value and (value[:1].isdigit() or value.startswith("XXXX")):
            span = spans[number]
            dates.append((span.start_char, value, _heads(span.root)))
    return dates


def _heads(token: Token) -> frozenset[int]:
    """The words a date's root hangs from, up to DATE_REACH steps up the parse through
    prepositions only (never another verb): a cue among them gives the date."""
    heads = set()
    for _ in range(DATE_REACH):
        token = token.head
        heads.add(token.i)
        if token.dep_ not in ("prep", "pobj") or token.head.i == token.i:
            break
    return frozenset(heads)


def _date(item: Found, dates: list[tuple[int, str, frozenset[int]]]) -> str | None:
    """The date the cue's own words give (`said on Thursday`), outside the content."""
    cue = item.cue_token
    if cue is None:
        return None
    for start_char, value, heads in dates:
        if not item.start <= start_char < item.end and cue.i in heads:
            return value
    return None
