"""Resolving pronouns (`He`) and role phrases (`The PM`, `the Government leader`, `the
minister`) to the actors of one article, so that directives get a named issuer."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from vntrade.nlp.actor_lexicon import ActorLexicon, RoleHead
from vntrade.nlp.names import key

PRONOUNS = frozenset({"he", "she"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A pronoun looks back this many sentences (besides its own) for the person it stands for.
WINDOW_SENTENCES = 2
# Words allowed between `the` and a role phrase: `the Vietnamese PM`, `the US President`.
QUALIFIERS = frozenset({"vietnamese", "us", "u.s.", "american", "then"})
INTRODUCERS = frozenset({"the", "'s"})


@dataclass(slots=True)
class PersonMention:
    """A named mention of a person in the article, in text order."""

    start: int
    end: int
    name: str


@dataclass(slots=True)
class Reference:
    """A pronoun or role phrase (token offsets) and the actor it stands for."""

    start: int
    end: int
    name: str
    type: str
    in_text: bool = True  # False: a role's listed holder, not named in this article


class ReferenceResolver:
    """Resolves the references of one document against its named person mentions."""

    def __init__(
        self,
        doc: Doc,
        lexicon: ActorLexicon,
        mentions: Sequence[PersonMention],
        roles: dict[str, list[str]],
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.roles = roles
        self.sentence_of, self.sentence_starts = _sentence_numbers(doc)

    def resolve(self, keys: Sequence[str], texts: Sequence[str]) -> list[Reference]:
        """All resolvable role phrases and pronouns, in text order."""
        role_refs = self._role_references(keys, texts)
        pronoun_refs = self._pronouns(keys, role_refs)
        return sorted(role_refs + pronoun_refs, key=lambda r: r.start)

    def _role_references(self, keys: Sequence[str], texts: Sequence[str]) -> list[Reference]:
        titles_of_names = {m.start for m in self.mentions}
        found: list[Reference] = []
        for start, end, value in self.lexicon.references.scan(keys, texts):
            if end in titles_of_names or not _introduced(keys, start):
                continue
            name = self._holder(value, start)
            if name is not None:
                in_text = any(m.name == name for m in self.mentions)
                found.append(Reference(start, end, name, self._type(name), in_text))
        return found

    def _holder(self, value: str | RoleHead, position: int) -> str | None:
        """Who in this article holds the role; else the one listed holder of it."""
        if isinstance(value, RoleHead):
            holders = {n for n, held in self.roles.items() if any(value.fits(r) for r in held)}
        else:
            wanted = key(value)
            holders = {n for n, held in self.roles.items() if any(key(r) == wanted for r in held)}
        if holders:
            return self._nearest(holders, position)
        if isinstance(value, str):
            listed = self.lexicon.role_holders.get(key(value), [])
            if len(listed) == 1:
                return listed[0]
        return None

    def _nearest(self, names: set[str], position: int) -> str:
        """The latest of `names` mentioned before `position`, else the first after it."""
        before = [m for m in self.mentions if m.name in names and m.start < position]
        if before:
            return before[-1].name
        return next(m.name for m in self.mentions if m.name in names)

    def _type(self, name: str) -> str:
        entry = self.lexicon.entries.get(name)
        return entry.type if entry else "PERSON"

    def _pronouns(self, keys: Sequence[str], role_refs: list[Reference]) -> list[Reference]:
        """Resolve `he`/`she` in text order; each resolved pronoun is a mention for the next."""
        mentions = [
            *self.mentions,
            *(PersonMention(r.start, r.end, r.name) for r in role_refs if r.in_text),
        ]
        mentions.sort(key=lambda m: m.start)
        if not mentions:
            return []
        main = _main_speaker(mentions)
        found: list[Reference] = []
        for token in self.doc:
            if keys[token.i] not in PRONOUNS:
                continue
            name = self._antecedent(token.i, mentions, main)
            if name is not None:
                found.append(Reference(token.i, token.i + 1, name, "PERSON"))
                bisect.insort(mentions, PersonMention(token.i, token.i + 1, name), key=_start)
        return found

    def _antecedent(
        self, position: int, mentions: list[PersonMention], main: str | None
    ) -> str | None:
        """Who a pronoun stands for, by journalistic habit: the subject before it in its
        sentence, else the previous sentence's main subject, else the article's main speaker
        if recently named, else the latest subject, else the latest person named."""
        sentence = self.sentence_of[position]
        first_token = self.sentence_starts[max(0, sentence - WINDOW_SENTENCES)]
        low = bisect.bisect_left(mentions, first_token, key=_start)
        window = mentions[low : bisect.bisect_left(mentions, position, key=_start)]
        if not window:
            return main
        same = [m for m in window if self.sentence_of[m.start] == sentence and self._subject(m)]
        if same:
            return same[-1].name
        previous = [
            m
            for m in window
            if self.sentence_of[m.start] == sentence - 1 and self._subject(m, main_clause=True)
        ]
        if previous:
            return previous[-1].name
        if main is not None and any(m.name == main for m in window):
            return main
        subjects = [m for m in window if self._subject(m)]
        return (subjects or window)[-1].name

    def _subject(self, mention: PersonMention, main_clause: bool = False) -> bool:
        return any(
            t.dep_ in SUBJECT_DEPS and (not main_clause or t.head.dep_ == "ROOT")
            for t in self.doc[mention.start : mention.end]
        )


def _start(mention: PersonMention) -> int:
    return mention.start


def _main_speaker(mentions: list[PersonMention]) -> str | None:
    """The person named most often, if strictly more often than anyone else."""
    ranked = Counter(m.name for m in mentions).most_common(2)
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return None


def _introduced(keys: Sequence[str], start: int) -> bool:
    """Whether a role phrase is used as a noun phrase (`the PM`), not as a title."""
    position = start - 1
    while position >= 0 and keys[position] in QUALIFIERS:
        position -= 1
    return position >= 0 and keys[position] in INTRODUCERS


def _sentence_numbers(doc: Doc) -> tuple[list[int], list[int]]:
    """The sentence number of every token, and the first token of every sentence."""
    numbers = [0] * len(doc)
    starts: list[int] = []
    for number, sentence in enumerate(doc.sents):
        starts.append(sentence.start)
        for i in range(sentence.start, sentence.end):
            numbers[i] = number
    return numbers, starts
