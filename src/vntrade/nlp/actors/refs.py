"""Resolving pronouns (`He`), role phrases (`The PM`, `the Government leader`, `the
minister`) and bare organisation nouns (`the ministry`) to the actors of one article, so
that directives get a named issuer."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from vntrade.nlp.actors.lexicon import ActorLexicon, RoleHead
from vntrade.nlp.actors.nationalities import country_of
from vntrade.nlp.actors.phrases import key
from vntrade.nlp.per_doc import sentence_tokens

PRONOUNS = frozenset({"he", "she"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A pronoun looks back this many sentences (besides its own) for the person it stands for.
WINDOW_SENTENCES = 2
# Words allowed between `the` and a role phrase: `the Vietnamese PM`, `the US President`.
QUALIFIERS = frozenset({"vietnamese", "us", "u.s.", "american", "then"})
INTRODUCERS = frozenset({"the", "'s"})
# `the ministry`, `the association`: the latest organisation named with that noun (and
# with the words before it: `the seafood association`, at most this many).
MAX_MODIFIERS = 3
# `the company`, `the firm`: a business; with no business of that word named, the latest
# organisation whose name has no word of a public body (`Vinamilk`, not `the Ministry of`).
BUSINESS_NOUNS = frozenset(
    {"company", "firm", "corporation", "group", "carrier", "airline", "maker", "automaker"}
    | {"carmaker", "chipmaker", "steelmaker", "manufacturer", "producer", "exporter"}
    | {"retailer", "giant", "conglomerate", "lender", "insurer", "developer", "brand"}
)
# The words of a business's name that a sector noun stands for: "the carrier" is the
# airline named before it, not the planemaker named after the airline.
_AIRLINES = frozenset({"airlines", "airline", "airways", "air", "aviation"})
SECTOR_NAMES = {
    "carrier": _AIRLINES,
    "airline": _AIRLINES,
    "lender": frozenset({"bank"}),
    "insurer": frozenset({"insurance"}),
    "steelmaker": frozenset({"steel"}),
    "chipmaker": frozenset({"semiconductor", "semiconductors", "chip", "chips"}),
}
ORGANISATION_NOUNS = (
    frozenset(
        {"ministry", "association", "council", "committee", "commission", "department"}
        | {"agency", "chamber", "office", "administration", "authority", "bank", "federation"}
        | {"union", "alliance", "cooperative", "board", "court", "tribunal", "institute"}
    )
    | BUSINESS_NOUNS
)
PUBLIC_BODY_WORDS = ORGANISATION_NOUNS - BUSINESS_NOUNS | {"government", "assembly"}
# How far before its name a descriptor may stand (`dairy company Vinamilk`).
DESCRIPTOR_WORDS = 3


@dataclass(slots=True)
class NamedMention:
    """An actor named in the article (token offsets) under its canonical name."""

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
        mentions: Sequence[NamedMention],
        roles: dict[str, list[str]],
        organisations: Sequence[NamedMention] = (),
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.mentions = sorted(mentions, key=lambda m: m.start)  # people
        self.roles = roles
        self.organisations = sorted(organisations, key=lambda m: m.start)
        self.sentence_of, self.sentence_starts = _sentence_numbers(doc)

    def resolve(self, keys: Sequence[str], texts: Sequence[str]) -> list[Reference]:
        """All resolvable role phrases and pronouns, in text order."""
        role_refs = self._role_references(keys, texts)
        pronoun_refs = self._pronouns(keys, role_refs)
        return sorted(role_refs + pronoun_refs + self._organisation_nouns(keys), key=_start)

    def _organisation_nouns(self, keys: Sequence[str]) -> list[Reference]:
        """`the ministry said` → the latest organisation named `... Ministry ...` before it."""
        found: list[Reference] = []
        named = {m.start for m in self.organisations}
        for i in [i for i, word in enumerate(keys) if word in ORGANISATION_NOUNS]:
            if i == 0 or i in named:
                continue
            # `the seafood association`: lower-case words between `the` and the noun.
            the = i - 1
            while the > 0 and i - the <= MAX_MODIFIERS and _modifier(self.doc[the]):
                if keys[the] == "the":
                    break
                the -= 1
            if keys[the] != "the":
                continue
            following = self.doc[i + 1] if i + 1 < len(self.doc) else None
            if following is not None and (following.lower_ == "of" or following.is_title):
                continue  # the start of a name: `the Ministry of ...`
            name = self._organisation(keys, keys[the + 1 : i + 1], i)
            if name is not None:
                found.append(Reference(the, i + 1, name, "ORG"))
        return found

    def _organisation(self, keys: Sequence[str], words: Sequence[str], i: int) -> str | None:
        """The organisation `the <words>` at token `i` stands for: of those named with
        these words (in the name or just before it: `dairy company Vinamilk`), the latest
        subject of the last sentences, else the latest before; a business noun alone takes
        the latest business named."""
        fitting = [m for m in self.organisations if set(words) <= self._words(keys, m)]
        before = [m for m in fitting if m.start < i]
        recent = self.sentence_starts[max(0, self.sentence_of[i] - WINDOW_SENTENCES)]
        subjects = [m for m in before if m.start >= recent and self._subject(m)]
        if subjects or before:
            return (subjects or before)[-1].name
        if words[-1] in BUSINESS_NOUNS:  # "the company", "the Vietnamese EV maker"
            businesses = [
                m
                for m in self.organisations
                if m.start < i and not set(key(m.name).split()) & PUBLIC_BODY_WORDS
            ]
            trade = SECTOR_NAMES.get(words[-1], frozenset())  # "the carrier": an airline
            in_trade = [m for m in businesses if set(key(m.name).split()) & trade]
            return (in_trade or businesses)[-1].name if businesses else None
        return None

    def _words(self, keys: Sequence[str], mention: NamedMention) -> set[str]:
        """A named organisation's words and the descriptor before it."""
        descriptor = keys[max(0, mention.start - DESCRIPTOR_WORDS) : mention.start]
        return set(key(mention.name).split()) | set(descriptor)

    def _role_references(self, keys: Sequence[str], texts: Sequence[str]) -> list[Reference]:
        titles_of_names = {m.start for m in self.mentions}
        found: list[Reference] = []
        for start, end, value in self.lexicon.references.scan(keys, texts):
            if end in titles_of_names or not _introduced(keys, start):
                continue
            if any(o.start <= start and end <= o.end for o in self.organisations):
                continue  # "the Office of the US Trade Representative": a body's name
            name = self._holder(value, start)
            if name is not None:
                in_text = any(m.name == name for m in self.mentions)
                found.append(Reference(start, end, name, self._type(name), in_text))
        return found

    def _holder(self, value: str | RoleHead, position: int) -> str | None:
        """Who in this article holds the role; else the one listed holder of it on the
        article's day (its listed terms, when it has any, include that day)."""
        if isinstance(value, RoleHead):
            holders = {n for n, held in self.roles.items() if any(value.fits(r) for r in held)}
        else:
            wanted = key(value)  # as titled in the text ("President X"), else qualified
            for fold in (key, lambda role: _bare(key(role))):
                holders = {n for n, held in self.roles.items() if wanted in map(fold, held)}
                if holders:
                    break
        if holders:
            return self._nearest(holders, position)
        if isinstance(value, str):  # the one listed holder in office on the article's day
            listed = self.lexicon.holders_on(value, self.doc._.reference_date)
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
            *(NamedMention(r.start, r.end, r.name) for r in role_refs if r.in_text),
        ]
        mentions.sort(key=lambda m: m.start)
        if not mentions:
            return []
        main = _main_speaker(mentions)
        found: list[Reference] = []
        for i in [i for i, word in enumerate(keys) if word in PRONOUNS]:
            name = self._antecedent(i, mentions, main)
            if name is not None:
                found.append(Reference(i, i + 1, name, "PERSON"))
                bisect.insort(mentions, NamedMention(i, i + 1, name), key=_start)
        return found

    def _antecedent(
        self, position: int, mentions: list[NamedMention], main: str | None
    ) -> str | None:
        """Who a pronoun stands for, by journalistic habit: the subject before it in its
        sentence, else the previous sentence's main subject, else the article's main speaker
        if recently named, else the latest subject, else the latest person named."""
        sentence = self.sentence_of[position]
        first_token = self.sentence_starts[max(0, sentence - WINDOW_SENTENCES)]
        low = bisect.bisect_left(mentions, first_token, key=_start)
        window = mentions[low : bisect.bisect_left(mentions, position, key=_start)]
        if not window:  # the main speaker, if named before: a pronoun never looks ahead
            return main if any(m.name == main and m.start < position for m in mentions) else None
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

    def _subject(self, mention: NamedMention, main_clause: bool = False) -> bool:
        return any(
            t.dep_ in SUBJECT_DEPS and (not main_clause or t.head.dep_ == "ROOT")
            for t in self.doc[mention.start : mention.end]
        )


def _bare(role: str) -> str:
    """A folded role without the country that qualifies it ("us president", "philippine
    president": "president"), so that "the President" finds the article's president."""
    first, _, rest = role.partition(" ")
    return rest if rest and (country_of(first) or first in ("us", "u.s.")) else role


def _modifier(token: Token) -> bool:
    """A word that may stand between `the` and an organisation noun: lower-case, or a
    nationality or an acronym (`the Vietnamese EV maker`)."""
    return token.is_lower or token.ent_type_ == "NORP" or (token.is_upper and len(token) > 1)


def _start(item: NamedMention | Reference) -> int:
    return item.start


def _main_speaker(mentions: list[NamedMention]) -> str | None:
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
    numbers: list[int] = []
    starts: list[int] = []
    for number, (start, end) in enumerate(sentence_tokens(doc)):  # the doc's tokens, in order
        starts.append(start)
        numbers += [number] * (end - start)
    return numbers, starts
