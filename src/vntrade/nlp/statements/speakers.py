"""Who a statement's source phrase names: the canonical actor of the actors component.

The actors component has already named every mention (`doc.spans["vntrade_actors"]`) and
resolved pronouns and role phrases (`he`, `the PM`, `the foreign ministry spokesperson`:
`doc.spans["vntrade_references"]`); a short name (`Hằng`) is a mention of the actor named in
full or listed (`Pham Thu Hang`). Here the source's head word is looked up in those spans,
then the words of its own phrase (`Minister X`, `X's spokesperson`, `the minister, X,`); a
source that names nobody (`a government official`, `analysts`) is kept as written, unnamed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from vntrade.nlp.actors.nationalities import NATIONALITIES
from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS, span_rows

# Pronouns the actors component leaves alone; they stand for the last speaker.
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "who", "which", "that"}) | {
    "his", "her", "its", "their", "our", "my"
}  # fmt: skip
RELATIVES = frozenset({"who", "which", "that"})
# Words of a source phrase that are not part of it: clauses, appositions are looked at apart.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp"})
# `X's spokesperson`: someone who speaks for the organisation named with them.
SPOKES = ("spokes", "representative", "envoy")
# A document speaks for whoever issued it: `a report by X`, `X's statement`, or, named on its
# own (`The statement said`), the subject of the sentence that first gave it (`X said in a
# statement`, `the PM signed a directive`).
DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "directive", "report", "note", "announcement", "communique"}
    | {"document", "decision", "decree", "resolution", "release", "notice", "post", "memo"}
    | {"dispatch", "circular", "study", "paper"}
)
DOCUMENT_REACH = 3  # how far up the parse an earlier mention of the document finds its verb


@dataclass(frozen=True, slots=True)
class Speaker:
    """A statement's source: canonical name (as written when unnamed) and its words."""

    name: str | None
    text: str
    unnamed: bool = False
    pronoun: bool = False  # an unresolved pronoun: the caller gives it the last speaker


class SpeakerFinder:
    """Looks up the actors and references of one document by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actor_at: dict[int, tuple[str, int, int]] = {}
        self.reference_at: dict[int, tuple[str, int, int]] = {}
        self.types: dict[str, str] = {}
        for group, table in ((ACTOR_SPANS, self.actor_at), (REFERENCE_SPANS, self.reference_at)):
            for start, end, label, name, _, _ in span_rows(doc, group):
                self.types.setdefault(name, label)
                for i in range(start, end):
                    table.setdefault(i, (name, start, end))

    def speaker(self, head: Token, depth: int = 0) -> Speaker:
        """The speaker a source phrase with head word `head` names."""
        if head.lower_ in RELATIVES and head.head.dep_ == "relcl":
            # `Dien, who said ...`: the actor of the noun the clause belongs to, with the
            # relative as its words (as a pronoun's); an unnamed noun is its own words.
            found = self.speaker(head.head.head, depth)
            if found.name is None or found.unnamed:
                return found
            return Speaker(found.name, head.text, pronoun=found.pronoun)
        named = self._named(head)
        if named is not None:
            return self._full_name(named)
        if head.lower_ in PRONOUNS:
            return Speaker(None, head.text, pronoun=True)
        for child in head.children:  # `the minister, Nguyen Hong Dien,`
            if child.dep_ == "appos":
                named = self._named(child) or self._inside(child, people_only=True)
                if named is not None:
                    return self._full_name(named)
        person = self._inside(head, people_only=True)  # `former head of X Nguyen Bich Lam`
        if person is not None:
            return self._full_name(person)
        text = self._phrase_text(head)
        if head.pos_ == "PROPN":
            entity = self._entity(head)  # a name the actors component does not list
            return Speaker(entity, entity) if entity else Speaker(text, text)
        inside = self._inside(head)
        if inside is not None and any(word in head.lower_ for word in SPOKES):
            return Speaker(inside.name, text)
        if head.lower_ in DOCUMENT_NOUNS:
            if inside is not None:
                return Speaker(inside.name, text)
            country = next(
                (NATIONALITIES[c.lower_] for c in head.children if c.lower_ in NATIONALITIES),
                None,
            )
            if country is not None:  # `the Vietnamese statement`
                return Speaker(country, text)
            issuer = self._issuer(head, depth)
            if issuer is not None:
                return Speaker(issuer.name, text, issuer.unnamed)
        return Speaker(text, text, unnamed=True)

    def _issuer(self, document: Token, depth: int) -> Speaker | None:
        """Who issued a document named earlier: the subject of the verb it first hung from."""
        if depth > 1:
            return None
        for token in self.doc[: document.i]:
            if token.lower_ != document.lower_:
                continue
            verb = token
            for _ in range(DOCUMENT_REACH):
                verb = verb.head
                if verb.pos_ in ("VERB", "AUX"):
                    break
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i != document.i:
                found = self.speaker(subject, depth + 1)
                if found.name is not None and not found.pronoun:
                    return found
        return None

    def _entity(self, head: Token) -> str | None:
        for entity in self.doc.ents:
            if entity.start <= head.i < entity.end and entity.label_ in ("PERSON", "ORG"):
                return entity.text
        return None

    def _full_name(self, speaker: Speaker) -> Speaker:
        """`Pichai` for `Pichai Naripthaphan`: a one-word name the actors component kept
        apart is the person named in full with it (first or last word) in the article."""
        if speaker.name is None or " " in speaker.name or self.types.get(speaker.name) != "PERSON":
            return speaker
        wanted = speaker.name.lower()
        fuller = [
            name
            for name, kind in self.types.items()
            if kind == "PERSON"
            and " " in name
            and wanted in (name.split()[0].lower(), name.split()[-1].lower())
        ]
        return Speaker(fuller[0], speaker.text) if len(set(fuller)) == 1 else speaker

    def person(self, name: str) -> bool:
        return self.types.get(name) == "PERSON"

    def actor(self, token: Token) -> str | None:
        """The actor a single token belongs to, if any."""
        hit = self.reference_at.get(token.i) or self.actor_at.get(token.i)
        return hit[0] if hit else None

    def _named(self, token: Token) -> Speaker | None:
        for table in (self.reference_at, self.actor_at):
            hit = table.get(token.i)
            if hit is not None:
                name, start, end = hit
                return Speaker(name, self.doc[start:end].text)
        return None

    def _inside(self, head: Token, people_only: bool = False) -> Speaker | None:
        """A person named inside the phrase, else the organisation (`X's spokesperson`)."""
        found: list[tuple[str, int, int]] = []
        for token in self._phrase(head):
            hit = self.reference_at.get(token.i) or self.actor_at.get(token.i)
            if hit is not None and hit not in found:
                found.append(hit)
        people = [hit for hit in found if self.types.get(hit[0]) == "PERSON"]
        if not (people if people_only else found):
            return None
        name, start, end = (people or found)[-1]
        return Speaker(name, self.doc[start:end].text)

    def _phrase(self, head: Token) -> list[Token]:
        """The words of a noun phrase without its clauses and appositions."""
        words = [head]
        for child in head.children:
            if child.dep_ not in CLAUSE_DEPS and child.dep_ != "appos":
                words += self._phrase(child)
        return sorted(words, key=lambda t: t.i)

    def _phrase_text(self, head: Token) -> str:
        words = self._phrase(head)
        return self.doc[words[0].i : words[-1].i + 1].text
