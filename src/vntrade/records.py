"""Dataclasses of vntrade's public record schema.

Every record turns into plain JSON with `to_dict()`; the keys are documented in the README
and described by `vntrade schema`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

# The lists the pipeline's components give an extraction record, in the record's order.
RESULT_LISTS = ("actors", "dates", "commodities", "directives", "events", "figures", "statements")
# Keys of an extraction record that come from the pipeline rather than the loader.
EXTRACTION_KEYS = ("published_inferred", "reference_date", *RESULT_LISTS)
# Articles a record stream handles together: one `nlp.pipe` batch, one cache lookup, one
# chunk sent to a worker and committed in one transaction (`ingest --batch-size`).
ARTICLE_BATCH = 64


@dataclass(slots=True)
class Article:
    """One clean article as produced by the loader."""

    id: str
    source: str
    title: str | None
    published: str | None
    agency: str | None
    dateline: str | None
    text: str
    words: int
    sha256: str
    url: str | None = None
    # The date a wire dateline carries ("HANOI, March 3 (Reuters) -"): a TimeML value,
    # `XXXX-03-03` without a year.
    dateline_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


@dataclass(slots=True)
class LoadProblem:
    """Something wrong with an input, reported on stderr with the path (and line)."""

    source: str
    reason: str
    line: int | None = None
    article: str | None = None  # the article's id, for a failure of one article

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        if self.article is not None:  # one article of a dump: say which
            where = f"{where}: article {self.article}"
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class LoadFailure(LoadProblem):
    """An input (or a record inside it) that could not be turned into an article."""


@dataclass(slots=True)
class LoadWarning(LoadProblem):
    """An input that was loaded, but not as it should have been (e.g. decoded as cp1252)."""


@dataclass(slots=True)
class Mention:
    """A span of the article's clean text: `text == article.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """A person, organisation or country, once per article, with all its mentions."""

    name: str
    type: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class DateMention:
    """A temporal expression normalised to an ISO 8601 / TimeML value."""

    text: str
    value: str
    # day, month, week, quarter, half, year, decade, century, season, duration, time, set, ref
    kind: str
    start: int
    end: int
    timex_type: str = "DATE"  # TimeML TIMEX3 type: DATE, TIME, DURATION, SET
    deadline: bool = False


@dataclass(slots=True)
class Commodity:
    """A traded good under its canonical name, with every mention."""

    name: str
    category: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Directive:
    """Who ordered whom to do what, by when, with the evidence sentence."""

    issuer: str | None
    verb: str
    addressee: str | None
    action: str
    deadline: str | None
    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """A dated happening the article reports, with its evidence sentence:
    `sentence == article.text[sentence_start:sentence_end]`."""

    value: str  # TimeML value of its date; `XXXX-...` when the year is unknown
    start: str | None  # first day of the value's period (ISO), None when not placed
    end: str | None  # the day after the period
    precision: str | None  # day, week, month, quarter, half, season, year
    # meeting, call, visit, negotiation, agreement, tariff measure, decision, briefing,
    # announcement, deadline, report
    kind: str
    trigger: str | None  # the words that gave the kind
    actors: list[str]  # canonical actor names, who acts first
    commodities: list[str]
    summary: str
    sentence: str
    sentence_start: int
    sentence_end: int
    order: int  # index of the evidence sentence in the article
    lead: bool = False  # the article's lead event: the first of its earliest sentence
    directive: int | None = None  # index in `directives` of the order whose deadline it is


@dataclass(slots=True)
class Figure:
    """A number the article gives, with its unit and what it measures:
    `text == article.text[start:end]`, in the sentence `text[sentence_start:sentence_end]`."""

    text: str
    quantity: float  # the number, scales applied: `US$1.2 billion` is 1200000000.0
    unit: str  # percent, percentage point, USD, VND, EUR, tonne, TEU, ...; a count's noun
    measures: str | None  # tariff rate, trade surplus, exports growth, ...; None when unknown
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(slots=True)
class Statement:
    """Who said what: a quotation or reported speech, its content `text[start:end]` in the
    sentences `text[sentence_start:sentence_end]`."""

    speaker: str | None  # canonical actor; as written when unnamed; None when unknown
    speaker_text: str | None  # the source's words (`the PM`, `Hằng`, `a government official`)
    cue: str  # what attributes it: `said`, `told reporters`, `according to`, `expressed hope`
    text: str  # the content (inside the quotation marks for a quotation)
    start: int
    end: int
    direct: bool  # a quotation (the speaker's words), else reported speech
    sentence_start: int
    sentence_end: int
    date: str | None  # TimeML value of when it was said, else the article's reference date
    unnamed: bool = False  # a source that names nobody (`a government official`)


@dataclass(slots=True)
class Extraction:
    """An article with everything the pipeline found in it."""

    article: Article
    published_inferred: bool = False
    reference_date: str | None = None
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    commodities: list[Commodity] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def to_dict(self, with_text: bool = True) -> dict[str, Any]:
        record = self.article.to_dict()
        if not with_text:
            record.pop("text")
        record["published_inferred"] = self.published_inferred
        record["reference_date"] = self.reference_date
        for name in RESULT_LISTS:
            record[name] = [as_dict(item) for item in getattr(self, name)]
        return record


# Values `as_dict` keeps as they are, as `copy.deepcopy` does.
_ATOMIC = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}  # a record class's field names, in order


def as_dict(value: Any) -> Any:
    """What `dataclasses.asdict` gives for a record: records as dicts, lists, tuples and
    dicts rebuilt, anything else deep-copied; without a deep copy of every string and
    number, and with each class's fields looked up once."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [as_dict(item) for item in value]
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: as_dict(getattr(value, name)) for name in names}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return kind(*[as_dict(item) for item in value])
    if isinstance(value, list | tuple):
        return kind(as_dict(item) for item in value)
    if isinstance(value, dict):
        return kind((as_dict(key), as_dict(item)) for key, item in value.items())
    return copy.deepcopy(value)
