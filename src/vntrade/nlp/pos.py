"""The `vntrade_pos` component: the model's coarse POS tags, without the rest of its ruler.

The trained English pipelines set `token.pos_` with an `attribute_ruler` that also writes
lemmas and morphology, which vntrade never reads; matching all its patterns costs about a
tenth of the model's time. This component compiles the ruler's POS rules into lookups keyed
by fine-grained tag and applies only those, giving the same `pos_` on every token. The
patterns it was built from are saved with the pipeline (`to_disk`, `to_bytes`) and compiled
again on loading (`from_disk`, `from_bytes`).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

PATTERNS_FILE = "patterns.jsonl"


MAX_SEEN = 50_000  # rows remembered before starting over (about 300 bytes each)


class _NotIn(frozenset):
    """A NOT_IN value set."""


def _values(condition: Any) -> frozenset | None:
    """A pattern condition as a set of allowed values (a `_NotIn` for NOT_IN), or None."""
    if condition is None:
        return None
    if isinstance(condition, dict):
        if "IN" in condition:
            return frozenset(condition["IN"])
        return _NotIn(condition["NOT_IN"])
    return frozenset([condition])


def _allows(values: frozenset | None, value: Any) -> bool:
    if values is None:
        return True
    return value not in values if isinstance(values, _NotIn) else value in values


def _hashed(values: frozenset | None) -> frozenset | None:
    """A condition on strings as the same condition on their spaCy hashes."""
    if values is None:
        return None
    return type(values)(get_string_id(value) for value in values)


@dataclass(frozen=True, slots=True)
class _TokenTest:
    """One token's conditions, on the hashes of tag, lowercase form and dependency."""

    tag: frozenset | None
    lower: frozenset | None
    dep: frozenset | None
    is_space: bool | None

    def __call__(self, token: tuple[int, int, int, int]) -> bool:
        """Whether a token's (TAG, LOWER, DEP, IS_SPACE) row passes."""
        tag, lower, dep, is_space = token
        return (
            _allows(self.tag, tag)
            and _allows(self.lower, lower)
            and _allows(self.dep, dep)
            and (self.is_space is None or bool(is_space) == self.is_space)
        )


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # later patterns win, as in the attribute ruler
    tests: tuple[_TokenTest, ...]
    index: int  # which token of the pattern gets the POS
    pos: int  # the POS id


Row = tuple[int, int, int, int]  # a token's TAG, LOWER, DEP and IS_SPACE


@dataclass(slots=True)
class PosRules:
    """The POS-setting patterns of an attribute ruler, indexed for fast application: the
    one-token rules by tag hash, latest first (the first that passes wins)."""

    by_tag: dict[int, list[_Rule]] = field(default_factory=dict)
    any_tag: list[_Rule] = field(default_factory=list)
    multi: list[_Rule] = field(default_factory=list)
    # The POS of the one-token rule of each row met so far (-1: none), and for the rows
    # that pass the first test of some rule of `multi`, which ones: words recur.
    seen: dict[Row, int] = field(default_factory=dict)
    firsts: dict[Row, tuple[bool, ...]] = field(default_factory=dict)

    @classmethod
    def from_patterns(cls, patterns: Sequence[dict[str, Any]]) -> PosRules:
        """Compile attribute ruler entries; ValueError or KeyError if one cannot be."""
        rules = cls()
        by_tag: dict[int, list[_Rule]] = defaultdict(list)
        for order, entry in enumerate(patterns):
            pos = entry["attrs"].get("POS")
            if pos is None:
                continue
            for pattern in entry["patterns"]:
                unsupported = {key for token in pattern for key in token} - {
                    "TAG",
                    "LOWER",
                    "DEP",
                    "IS_SPACE",
                }
                if unsupported:
                    raise ValueError(f"attribute ruler pattern uses {sorted(unsupported)}")
                tests = tuple(
                    _TokenTest(
                        _hashed(_values(t.get("TAG"))),
                        _hashed(_values(t.get("LOWER"))),
                        _hashed(_values(t.get("DEP"))),
                        t.get("IS_SPACE"),
                    )
                    for t in pattern
                )
                rule = _Rule(order, tests, entry["index"] % len(pattern), POS_IDS[pos])
                if len(pattern) > 1:
                    rules.multi.append(rule)
                    continue
                tags = tests[0].tag
                if tags is None or isinstance(tags, _NotIn):
                    rules.any_tag.append(rule)
                else:
                    for key in tags:
                        by_tag[key].append(rule)
        latest_first = lambda rule: -rule.order  # noqa: E731
        rules.any_tag.sort(key=latest_first)
        for tag, tagged in by_tag.items():
            rules.by_tag[tag] = sorted([*tagged, *rules.any_tag], key=latest_first)
        return rules

    def apply(self, doc: Doc) -> None:
        """Set `pos_` where a rule matches; the last matching pattern wins."""
        columns = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).T.tolist()
        rows: list[Row] = list(zip(*columns, strict=True))
        if len(self.seen) > MAX_SEEN:
            self.seen.clear()
            self.firsts.clear()
        pos = list(map(self.seen.get, rows))  # words recur: most rows were met before
        if None in pos:
            for i, row in enumerate(rows):
                if pos[i] is None:
                    pos[i] = self._remember(row)
        if self.firsts and not self.firsts.keys().isdisjoint(rows):
            self._apply_multi(rows, pos)
        if not pos:
            return
        if min(pos) >= 0:  # the usual case: a rule for every token, the column written whole
            doc.from_array([POS], numpy.frombuffer(array("Q", pos), dtype=numpy.uint64))
        elif max(pos) >= 0:
            new = numpy.array(pos, dtype=numpy.int64)
            matched = new >= 0
            column = doc.to_array([POS])
            column[matched] = new[matched]
            doc.from_array([POS], column)

    def _apply_multi(self, rows: list[Row], pos: list[int]) -> None:
        """Where a multi-token rule matches, its POS, unless a later rule's stands."""
        chosen: dict[int, _Rule | None] = {}
        firsts = self.firsts
        starts = [(i, firsts[row]) for i, row in enumerate(rows) if row in firsts]
        for k, rule in enumerate(self.multi):
            last = len(rows) - len(rule.tests)
            for start, passed in starts:
                if (
                    start <= last
                    and passed[k]
                    and all(test(rows[start + j]) for j, test in enumerate(rule.tests[1:], 1))
                ):
                    target = start + rule.index
                    if target not in chosen:
                        chosen[target] = self._single(rows[target])
                    current = chosen[target]
                    if current is None or rule.order >= current.order:
                        chosen[target] = rule
                        pos[target] = rule.pos

    def _remember(self, row: Row) -> int:
        """The POS of a row's one-token rule (-1: none), noting which first tests of `multi`
        it passes."""
        value = self.seen.get(row)
        if value is None:
            single = self._single(row)
            value = self.seen[row] = -1 if single is None else single.pos
            passed = self._firsts(row)
            if True in passed:
                self.firsts[row] = passed
        return value

    def _firsts(self, row: Row) -> tuple[bool, ...]:
        """Whether a token's row passes the first test of each multi-token rule."""
        return tuple(rule.tests[0](row) for rule in self.multi)

    def _single(self, row: Row) -> _Rule | None:
        """The latest one-token rule a token's row passes, if any."""
        for rule in self.by_tag.get(row[0], self.any_tag):
            if rule.tests[0](row):
                return rule
        return None


@Language.factory(
    "vntrade_pos",
    assigns=["token.pos"],
    requires=["token.tag", "token.dep"],
    default_config={},
)
def make_pos(nlp: Language, name: str) -> PosTagger:
    return PosTagger(name=name)


class PosTagger:
    """Applies the POS rules of an attribute ruler, compiled into lookups."""

    def __init__(self, *, name: str = "vntrade_pos") -> None:
        self.name = name
        self.patterns: list[dict[str, Any]] = []
        self.rules = PosRules()

    def __call__(self, doc: Doc) -> Doc:
        self.rules.apply(doc)
        return doc

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Sequence[dict[str, Any]] | None = None,
    ) -> None:
        """Start over with `patterns` (attribute ruler entries; those without POS are ignored)."""
        self.patterns = []
        self.rules = PosRules()
        if patterns:
            self.add_patterns(patterns)

    def add_patterns(self, patterns: Sequence[dict[str, Any]]) -> None:
        """Add attribute ruler entries after the current ones (a later entry wins).

        Raises ValueError for a pattern this cannot compile, leaving the tagger unchanged.
        """
        kept = [
            {"patterns": p["patterns"], "attrs": {"POS": p["attrs"]["POS"]}, "index": p["index"]}
            for p in patterns
            if "POS" in p["attrs"]
        ]
        self.rules = PosRules.from_patterns([*self.patterns, *kept])
        self.patterns += kept

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.patterns)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> PosTagger:
        self.initialize(patterns=srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PosTagger:
        self.initialize(patterns=list(srsly.read_jsonl(Path(path) / PATTERNS_FILE)))
        return self


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for `vntrade_pos` built from its patterns.

    A pipeline without an attribute ruler, or with patterns this cannot compile, is left as
    it is.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    patterns = nlp.get_pipe("attribute_ruler").patterns
    try:
        PosRules.from_patterns(patterns)
    except (KeyError, ValueError):
        return
    tagger = nlp.replace_pipe("attribute_ruler", "vntrade_pos")  # keeps the old name
    nlp.rename_pipe("attribute_ruler", "vntrade_pos")
    tagger.initialize(nlp=nlp, patterns=patterns)
