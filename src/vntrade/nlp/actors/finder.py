"""Finding the actors of one document: listed names, model entities, Vietnamese names, short
forms and titles, in passes of decreasing certainty (see `component` for the whole).

Listed actors (shipped `data/actors/actors.jsonl` plus `--actors FILE`) are found whatever their
diacritics and however Vietnam is spelt; the model's entities and capitalised Vietnamese
names add unknown actors; short forms (`Chinh`, `Greer`, `USABC`) join the actor named in
full; titles give roles; pronouns and role phrases (`He`, `The PM`) are resolved for
directive issuers. A company named as the make of a good (`Boeing aircraft`) is no actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from vntrade.nlp.actors import rules
from vntrade.nlp.actors.acronyms import (
    defined_acronyms,
    department_subject,
    department_words,
    name_by_listed_acronym,
)
from vntrade.nlp.actors.legal_forms import legal_form_end
from vntrade.nlp.actors.lexicon import ActorLexicon
from vntrade.nlp.actors.nationalities import local_body_name, local_department_name
from vntrade.nlp.actors.organs import name_organs_by_firm, subsidiary_spans
from vntrade.nlp.actors.person_names import (
    honorifics_joined,
    person_bounds,
    short_form_index,
    vietnamese_names,
    without_honorifics,
)
from vntrade.nlp.actors.phrases import fold, key
from vntrade.nlp.actors.ranks import reconcile, role_fits, with_rank
from vntrade.nlp.actors.words import is_name_word, name_words
from vntrade.nlp.per_doc import doc_entities, doc_words


@dataclass(slots=True)
class Found:
    """An actor mention (token offsets) under its canonical name."""

    start: int
    end: int
    type: str
    name: str


_FIRM_HEADS = ("group", "corporation", "company", "jsc", "llc", "ltd", "inc", "co.")
_VIET_NAM = re.compile(r"\bViet\s+Nam\b")


class DocActors:
    """The actor mentions of one document, found in passes of decreasing certainty."""

    def __init__(
        self, doc: Doc, lexicon: ActorLexicon, keys: Sequence[str], texts: Sequence[str]
    ) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.keys = keys
        self.texts = texts
        self.words = doc_words(doc)
        self.name_words = name_words(doc)
        self.free = [True] * len(doc)
        self.titles = with_rank(doc, keys, lexicon.titles.ends(keys, texts))
        self.acronyms: dict[str, str] = {}
        self.unknown_people: dict[tuple[str, str], str] = {}
        self.country_ends: dict[int, int] = {}  # start -> end of each listed country
        self.nonactor_starts: dict[int, int] = {}  # end -> start of a listed place, product

    def find(self) -> list[Found]:
        found = self._listed()
        self._note_acronyms(found)  # `the US Department of Commerce (DOC)`
        self.country_ends = {f.start: f.end for f in found if f.type == "GPE"}
        found += self._vietnamese_names()
        found += self._model_entities()
        found += self._organisations(found)
        found += self._short_forms(found)
        found = self._without_title_orgs(found)
        name_by_listed_acronym(self.doc, found, self.lexicon.entries)
        found = rules.without_countries_in_names(found)
        for start, end in subsidiary_spans(self.doc, self.keys, found, rules.TITLE_WORDS):
            found = [f for f in found if f.end <= start or f.start >= end]  # one firm now
            found.append(Found(start, end, "ORG", self._firm_name(start, end)))
        found.sort(key=lambda f: f.start)
        name_organs_by_firm(found, [key == "of" for key in self.keys])
        return found

    def _through_country(self, end: int) -> int:
        """The end of a name that goes on with `of` a country: `... Processors of Vietnam`."""
        if end < len(self.doc) and self.keys[end] == "of":
            return self.country_ends.get(end + 1, end)
        return end

    def _take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.free[i] = False

    def _listed(self) -> list[Found]:
        found = []
        hits = self.lexicon.names.scan(self.keys, self.texts)
        starts = {start for start, _, _ in hits}
        for start, end, hit in hits:
            if hit.actor is not None and self._another_person(start, end, hit.actor):
                continue  # `Eric Trump` is not Donald Trump
            if end < len(self.keys) and self.keys[end] in ("member", "members"):
                continue  # `Politburo member To Lam`: a title, not the body acting
            self._take(start, end)
            if hit.actor is None:
                self.nonactor_starts[end] = start
                continue
            entry = self.lexicon.entries[hit.actor]
            firm = entry.type == "ORG"
            legal = legal_form_end(self.keys, end) if firm else None
            longer = rules.subsidiary_end(self.doc, self.keys, end) if firm else None
            if legal is not None and not starts.intersection(range(end, legal)):
                # `Vietnam Airlines JSC`, `... Joint Stock Company`: the listed firm itself
                found.append(Found(start, legal, "ORG", entry.name))
                self._take(end, legal)
            elif longer is not None and not starts.intersection(range(end, longer)):
                # `PetroVietnam Power Corporation`, not PetroVietnam and some words
                found.append(Found(start, longer, "ORG", self._firm_name(start, longer)))
                self._take(end, longer)
            else:
                found.append(Found(start, end, entry.type, entry.name))
        return found

    def _another_person(self, start: int, end: int, actor: str) -> bool:
        """Whether a listed person's one-word short name follows a given name of someone
        else: `Eric Trump`, `Melania Trump` (not `President Trump`, `Mr Trump`)."""
        entry = self.lexicon.entries[actor]
        if entry.type != "PERSON" or end - start != 1 or start == 0:
            return False
        before = self.doc[start - 1]
        return (
            before.tag_ == "NNP"
            and is_name_word(before.text)
            and not before.text.isupper()
            and self.keys[start - 1] not in rules.TITLE_WORDS
            and self.keys[start - 1] not in rules.CALENDAR_WORDS
            and (start - 1) not in self.titles
            and not any(self.keys[start - 1] == key(word) for word in entry.name.split())
        )

    def _vietnamese_names(self) -> list[Found]:
        found = []
        title_ends = set(self.titles)
        for start, end in vietnamese_names(
            self.doc, self.keys, self.free, title_ends, self.lexicon.vetoed
        ):
            self._take(start, end)
            found.append(Found(start, end, "PERSON", self._person_name(start, end)))
        return found

    def _model_entities(self) -> list[Found]:
        found = []
        for ent_start, ent_end, label in honorifics_joined(doc_entities(self.doc), self.keys):
            if label not in ("PERSON", "ORG"):
                continue
            if not all(self.free[i] for i in range(ent_start, ent_end)):
                continue
            if label == "PERSON":
                bounds = person_bounds(self.doc, self.keys, ent_start, ent_end, self.titles)
                if bounds is None or bounds[1] - bounds[0] < 2:
                    continue  # single words wait for the short-form pass
                if self._vetoed(*bounds):
                    continue
                name = self._person_name(*bounds)
                found.append(Found(*bounds, "PERSON", name))
            else:
                bounds = rules.org_bounds(self.doc, self.keys, ent_start, ent_end)
                if bounds is None:
                    continue
                start = rules.extend_left(self.doc, self.keys, self.free, bounds[0])
                start = rules.extend_over_fields(self.doc, self.keys, self.free, start, bounds[1])
                start = self._over_places(start, bounds[1])
                end = rules.place_end(self.doc, self.keys, bounds[1])
                bounds = (start, self._through_country(end))
                if self._vetoed(*bounds):
                    continue
                found.append(Found(*bounds, "ORG", self._firm_name(*bounds)))
            self._take(*bounds)
        self._note_acronyms(found)
        return found

    def _organisations(self, known: list[Found]) -> list[Found]:
        """Organisation names the model missed; one may start with a country's name."""
        countries = {f.end: f.start for f in known if f.type == "GPE"}
        found = []
        for start, end in rules.organisation_names(
            self.doc, self.keys, self.free, countries, self.country_ends
        ):
            if self._vetoed(start, end):
                continue
            start = self._over_places(start, end)
            self._take(start, end)
            found.append(Found(start, end, "ORG", self._firm_name(start, end)))
        self._note_acronyms(found)
        return found

    def _over_places(self, start: int, end: int) -> int:
        """The start of a firm's name that opens with a place or a product listed as no
        actor (`Quang Ninh LNG` + `Power JSC`, `Gulfstream LNG` + `Export LLC`)."""
        if legal_form_end(self.keys, end - 1) != end and self.keys[end - 1] not in _FIRM_HEADS:
            return start
        while start in self.nonactor_starts and self.doc[start - 1].text[:1].isupper():
            start = rules.extend_left(self.doc, self.keys, self.free, self.nonactor_starts[start])
        return start

    def _note_acronyms(self, found: list[Found]) -> None:
        for acronym, name in defined_acronyms(self.doc, found).items():
            self.acronyms.setdefault(acronym, name)

    def _vetoed(self, start: int, end: int) -> bool:
        return " ".join(self.keys[start:end]) in self.lexicon.vetoed

    def _short_forms(self, found: list[Found]) -> list[Found]:
        """Single words standing for an actor: `Chinh`, `Diên`, `Hằng`, a defined acronym."""
        people = [f for f in found if f.type == "PERSON" and f.end - f.start > 1]
        full_names = short_form_index(self.doc, self.keys, people)
        model_people = {
            start
            for start, end, label in doc_entities(self.doc)
            if label == "PERSON" and end - start == 1
        }
        roles_in_text = {key(role) for _, role in self.titles.values()}
        departments = department_words(found)
        short: list[Found] = []
        for i, word in enumerate(self.words):
            if not self.free[i] or not self.name_words[i]:
                continue
            if word in self.acronyms:
                short.append(Found(i, i + 1, "ORG", self.acronyms[word]))
                continue
            if word in departments and department_subject(self.doc, i):
                short.append(Found(i, i + 1, "ORG", departments[word]))
                continue
            if self._inside_longer_name(i):
                continue
            name = self._short_form_name(i, full_names, roles_in_text, model_people)
            if name is not None:
                short.append(Found(i, i + 1, "PERSON", name))
        return short

    def _inside_longer_name(self, i: int) -> bool:
        """A word of a longer capitalised name: `Son` in `Nghi Son`, `Long` in `Long An`."""
        return self._name_word_at(i + 1) or (
            self._name_word_at(i - 1)
            and i not in self.titles  # `Minister of Industry and Trade Diên` is titled
            and not self.doc[i - 1].is_sent_start
            and not self.doc[i - 1].text.isupper()
        )

    def _name_word_at(self, i: int) -> bool:
        return (
            0 <= i < len(self.doc)
            and self.free[i]
            and self.name_words[i]
            and self.keys[i] not in rules.TITLE_WORDS
        )

    def _short_form_name(
        self,
        i: int,
        full_names: dict[str, list[Found]],
        roles_in_text: set[str],
        model_people: set[int],
    ) -> str | None:
        word = self.keys[i]
        if word in rules.TITLE_WORDS or word in rules.ORG_HEADS or word in rules.CALENDAR_WORDS:
            return None
        # A proper noun, or a name the model saw: not `Long` in `Long queues formed`; a
        # surname named in full before may be tagged a plural noun (`Daines said`).
        token = self.doc[i]
        surname = token.pos_ in ("NOUN", "PROPN") and bool(full_names.get(word))
        if not (token.tag_.startswith("NNP") or token.ent_type_ or surname):
            return None
        title = self.titles.get(i, (None, None))[1]
        if full_names.get(word):
            return self._pick_person(full_names[word], i, title)
        honorific = i > 0 and self.keys[i - 1] in rules.HONORIFICS
        listed = self.lexicon.short_names.get(word, [])
        scores = {name: self._cue(name, title, roles_in_text, honorific) for name in listed}
        best = max(scores.values(), default=0)
        cued = [name for name, score in scores.items() if score == best]
        if best and len(cued) == 1:
            return cued[0]
        # A lone word the model calls a person must at least act as one (`Hằng noted`):
        # the model also tags places and titles of papers PERSON.
        token = self.doc[i]
        acting = i in model_people and token.dep_ in ("nsubj", "nsubjpass")
        if token.tag_ == "NNP" and (acting or title is not None or honorific):
            return self._person_name(i, i + 1)
        return None

    def _cue(self, name: str, title: str | None, roles_in_text: set[str], honorific: bool) -> int:
        """How well the text cues a listed person's short name: 3 their exact title before it
        (`PM Chinh`), 2 a title like theirs, 1 their role named elsewhere or `Ms` before it."""
        listed_roles = {key(role) for role in self.lexicon.entries[name].roles}
        if title is not None:
            if key(title) in listed_roles:
                return 3
            return 2 if role_fits(key(title), listed_roles) else 0
        return 1 if honorific or roles_in_text & listed_roles else 0

    def _pick_person(self, candidates: list[Found], i: int, title: str | None) -> str:
        if title is not None:
            entitled = [c for c in candidates if self._text_title(c) == title]
            if entitled:
                candidates = entitled
        before = [c for c in candidates if c.start < i]
        return (before[-1] if before else candidates[0]).name

    def _text_title(self, item: Found) -> str | None:
        return self.titles.get(item.start, (None, None))[1]

    def _without_title_orgs(self, found: list[Found]) -> list[Found]:
        """Drop organisations that only qualify a person's title (`USTR Greer`, `US Treasury
        Secretary Bessent`); `Governor of the State Bank of Vietnam X` keeps its bank."""
        title_of: dict[int, int] = {}  # token inside a person's title -> title end
        for item in found:
            if item.type == "PERSON" and item.start in self.titles:
                for i in range(self.titles[item.start][0], item.start):
                    title_of[i] = item.start
        kept = []
        for item in found:
            title_end = title_of.get(item.start)
            qualifies = title_end is not None and (
                item.end == title_end or self.keys[item.end] in rules.TITLE_WORDS
            )
            if not (item.type == "ORG" and qualifies):
                kept.append(item)
        return kept

    def _person_name(self, start: int, end: int) -> str:
        """Canonical name of an unlisted person; `John A. Smith` and `John Smith` are one."""
        name = without_honorifics(self.doc, self.keys, start, end) or self._span_name(start, end)
        first_last = (self.keys[start], self.keys[end - 1])
        if end - start == 1:
            return name
        return self.unknown_people.setdefault(first_last, name)

    def _firm_name(self, start: int, end: int) -> str:
        """An organisation's name without its legal form: `Excelerate Energy Inc.` is
        Excelerate Energy, `An Phat JSC` An Phat."""
        if end - start == 1 and self.doc[start].text in self.acronyms:
            return self.acronyms[self.doc[start].text]  # `the DOC`, defined before
        for cut in range(start + 1, end):
            if legal_form_end(self.keys, cut) == end:
                return self._span_name(start, cut).rstrip(",")
        name = _VIET_NAM.sub("Vietnam", self._span_name(start, end))  # the country's one name
        return local_body_name(name) or local_department_name(name) or name

    def _span_name(self, start: int, end: int) -> str:
        return fold(self.doc[start:end].text).replace("\n", " ")

    def roles(self, found: list[Found]) -> dict[str, list[str]]:
        """Every person's roles, the one to report first: a title in the text (in its listed
        form), else the actor list's; then the other titles and listed roles."""
        from_text: dict[str, list[str]] = {}
        for item in found:
            if item.type == "PERSON":
                role = self._role_in_text(item)
                titles = from_text.setdefault(item.name, [])
                if role and role not in titles:
                    titles.append(role)
        roles: dict[str, list[str]] = {}
        for name, titles in from_text.items():
            entry = self.lexicon.entries.get(name)
            listed = entry.roles if entry else []
            first = reconcile(titles[0] if titles else None, listed)
            others = [r for r in [*titles, *listed] if r != first]  # also as titled here
            if first:
                roles[name] = [first, *dict.fromkeys(others)]
        return roles

    def _role_in_text(self, item: Found) -> str | None:
        title = self._text_title(item)
        if title:
            return title
        after = item.end
        if after + 1 < len(self.doc) and self.doc[after].text == ",":
            position = after + 1
            while position < len(self.doc) and self.keys[position] in ("the", "vietnamese"):
                position += 1
            hit = self.lexicon.titles.match(self.keys, self.texts, position)
            if hit:
                return hit[1]
            apposed = rules.title_after(self.doc, self.keys, item.end)
            if apposed:
                return self.lexicon.canonical_role(apposed) or apposed
        free_title = rules.title_before(self.doc, self.keys, item.start)
        if free_title:
            return self.lexicon.canonical_role(free_title) or free_title
        return None
