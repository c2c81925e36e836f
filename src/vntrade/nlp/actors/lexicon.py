"""The actor component's knowledge: the shipped actor list (plus a user's), roles, non-actors.

Read from `nlp/data/actors/*.jsonl` with `importlib.resources` when a component is initialized
(or from a saved pipeline), never at import, and held per instance so that one pipeline's user
list never leaks into another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from vntrade.nlp.actors.nationalities import NONACTORS_FILE
from vntrade.nlp.actors.phrases import PhraseTable, fold, key
from vntrade.nlp.jsonl import DataError, Records, shipped_tables

# Re-exported for the statements' and event frames' lexicons, until they import it from
# `vntrade.nlp.jsonl` themselves.
from vntrade.nlp.jsonl import read_jsonl as read_jsonl

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
# Non-actor kinds that hide a name everywhere. Places and generic words (`State`, `Party`)
# only veto a guess that is nothing else: Vietnamese place names are made of the syllables
# of given names (Thai Binh, Hoa Binh), and `State` opens `State Securities Commission`.
BLOCKING_KINDS = frozenset({"media", "product"})
VETO_KINDS = frozenset({"place", "generic"})

Tokenize = Callable[[str], list[str]]
ACTORS_FILE, ROLES_FILE = "actors.jsonl", "roles.jsonl"
DATA_FILES = (ACTORS_FILE, NONACTORS_FILE, ROLES_FILE)
USER_FILE = "user_actors.jsonl"  # a user's actors (`--actors FILE`), kept apart


class ActorDataError(DataError):
    """A malformed actor, role or non-actor entry (the message names the file and line)."""


@dataclass(slots=True)
class ActorEntry:
    """One listed actor: canonical name, type, roles (most current first), aliases and the
    terms in which a role was held (role, first day, day after the last; ISO dates)."""

    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Term:
    """A role held from `start` (an ISO date, None: always) until `end` (excluded, None:
    still held)."""

    role: str
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        """Whether the term includes `day` (an ISO date, or a month or year: its start)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class NameHit:
    """What a listed phrase stands for: an actor (by canonical name) or a non-actor kind."""

    actor: str | None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class RoleHead:
    """A bare title noun (`the minister`) standing for whoever holds a role containing it."""

    matches: str
    excludes: tuple[str, ...] = ()

    def fits(self, role: str) -> bool:
        folded = key(role)
        return self.matches in folded and not any(word in folded for word in self.excludes)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _terms(record: dict, where: str) -> list[Term]:
    """The "terms" of an actor line: [{"role", "from"?, "to"?}, ...] with ISO dates."""
    value = record.get("terms", [])
    if not isinstance(value, list):
        raise ActorDataError(f'{where}: "terms" must be a list of {{"role", "from", "to"}}')
    terms = []
    for item in value:
        role = item.get("role") if isinstance(item, dict) else None
        days = [item.get(k) for k in ("from", "to")] if isinstance(item, dict) else []
        if not isinstance(role, str) or not all(
            d is None or (isinstance(d, str) and _ISO_DAY.match(d)) for d in days
        ):
            raise ActorDataError(
                f'{where}: each of "terms" needs a "role" and "from"/"to" dates as YYYY-MM-DD'
            )
        terms.append(Term(role.strip(), *days))
    return terms


def _strings(record: dict, name: str, where: str) -> list[str]:
    value = record.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActorDataError(f"{where}: {name!r} must be a list of non-empty strings")
    return [v.strip() for v in value]


def parse_actor(record: dict, where: str) -> ActorEntry:
    """Validate one actor line: {"name", "type", "roles"?, "aliases"?, "terms"?}."""
    name = record.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ActorDataError(f'{where}: every actor needs a non-empty "name"')
    kind = str(record.get("type", "")).upper()
    if kind not in ACTOR_TYPES:
        raise ActorDataError(f'{where}: "type" must be one of {", ".join(ACTOR_TYPES)}')
    roles = _strings(record, "roles", where) + _strings(record, "role", where)
    aliases = _strings(record, "aliases", where)
    return ActorEntry(name.strip(), kind, roles, aliases, _terms(record, where))


def shipped_records() -> dict[str, Records]:
    """The shipped actor, non-actor and role lists, by file name."""
    return shipped_tables("actors", DATA_FILES)


def load_actor_entries(actors: Records, user: Records = ()) -> tuple[list[ActorEntry], set[str]]:
    """The actor list with a user's entries added (same name: merged, the user's type and
    roles first), and the names the user's entries give."""
    entries: dict[str, ActorEntry] = {}
    from_user: set[str] = set()
    for number, records in enumerate([actors, user]):
        for where, record in records:
            entry = parse_actor(record, where)
            known = entries.setdefault(key(entry.name), entry)
            if number:
                from_user.add(known.name)
            if known is entry:
                continue
            known.type = entry.type
            known.roles = entry.roles + [r for r in known.roles if r not in entry.roles]
            known.aliases += [a for a in entry.aliases if a not in known.aliases]
            known.terms = entry.terms or known.terms
    return list(entries.values()), from_user


def _spellings(words: list[str]) -> list[list[str]]:
    """A listed name as written, plus its other spelling of the country: Vietnam News
    Service writes `Viet Nam` (`Việt Nam Association of ...`) where others write `Vietnam`."""
    folded = [key(w) for w in words]
    if "vietnam" in folded:
        i = folded.index("vietnam")
        return [words, [*words[:i], "Viet", "Nam", *words[i + 1 :]]]
    for i in range(len(folded) - 1):
        if folded[i : i + 2] == ["viet", "nam"]:
            return [words, [*words[:i], "Vietnam", *words[i + 2 :]]]
    return [words]


class ActorLexicon:
    """Phrase tables built once per component: listed names, title phrases, references."""

    def __init__(self, tokenize: Tokenize, records: Mapping[str, Records], user: Records = ()):
        """Build the tables from the records of `DATA_FILES` and a user's actor entries."""
        self.entries: dict[str, ActorEntry] = {}
        self.names: PhraseTable[NameHit] = PhraseTable()
        self.vetoed: set[str] = set()  # names (folded words) that are no actor on their own
        # last word of a listed person's name -> canonical names; used only with a cue
        self.short_names: dict[str, list[str]] = defaultdict(list)
        self.titles: PhraseTable[str] = PhraseTable()
        self.references: PhraseTable[str | RoleHead] = PhraseTable()
        self.role_holders: dict[str, list[str]] = defaultdict(list)
        self.role_terms: dict[tuple[str, str], list[Term]] = defaultdict(list)
        self._tokenize = tokenize
        entries, from_user = load_actor_entries(records[ACTORS_FILE], user)
        for entry in entries:
            self._add_actor(entry, entry.name in from_user)
        self._load_non_actors(records[NONACTORS_FILE])
        self._load_roles(records[ROLES_FILE])

    def _add_actor(self, entry: ActorEntry, from_user: bool) -> None:
        self.entries[entry.name] = entry
        hit = NameHit(entry.name)
        words = self._tokenize(entry.name)
        for phrase in [entry.name, *entry.aliases]:
            for variant in _spellings(self._tokenize(phrase)):
                self.names.add(variant, hit, first=from_user)
        if entry.type == "PERSON":
            if len(words) > 1:
                self.short_names[key(words[-1])].append(entry.name)
            if len(words) > 2 and all(w.endswith(".") for w in words[1:-1]):
                self.names.add([words[0], words[-1]], hit)  # Jamieson L. Greer -> Jamieson Greer
            for role in entry.roles:
                self.role_holders[key(role)].append(entry.name)
            for term in entry.terms:
                self.role_terms[entry.name, key(term.role)].append(term)

    def _load_non_actors(self, records: Records) -> None:
        for where, record in records:
            name, kind = record.get("name"), record.get("kind")
            if not isinstance(name, str) or not isinstance(kind, str):
                raise ActorDataError(f'{where}: a non-actor needs "name" and "kind"')
            if kind in VETO_KINDS:
                self.vetoed.add(" ".join(key(w) for w in self._tokenize(name)))
            elif kind in BLOCKING_KINDS:
                self.names.add(self._tokenize(name), NameHit(None, kind))

    def _load_roles(self, records: Records) -> None:
        for where, record in records:
            if "head" in record:
                head = str(record["head"])
                value = RoleHead(
                    key(str(record.get("matches", head))),
                    tuple(key(e) for e in _strings(record, "excludes", where)),
                )
                self.references.add(self._tokenize(head), value)
                continue
            role = record.get("role")
            if not isinstance(role, str):
                raise ActorDataError(f'{where}: a role needs "role" or "head"')
            titles = [role, *_strings(record, "aliases", where)]
            for phrase in titles:
                self.titles.add(self._tokenize(phrase), role)
            for phrase in titles + _strings(record, "refs", where):
                self.references.add(self._tokenize(phrase), role)

    def holders_on(self, role: str, day: str | None) -> list[str]:
        """The listed holders of `role`; with a `day` (ISO), those whose listed terms of it
        include that day, else those listed with no terms of it (held at any time)."""
        listed = self.role_holders.get(key(role), [])
        if day is None or not day[:4].isdigit():  # no day, or one without its year
            return listed
        terms = {name: self.role_terms.get((name, key(role)), []) for name in listed}
        in_office = [n for n in listed if any(t.covers(day) for t in terms[n])]
        return in_office or [n for n in listed if not terms[n]]

    def canonical_role(self, text: str) -> str | None:
        """The listed role a title phrase names, if any (`PM` → `Prime Minister`)."""
        words = self._tokenize(text)
        hit = self.titles.match([key(w) for w in words], [fold(w) for w in words], 0)
        return hit[1] if hit and hit[0] == len(words) else None
