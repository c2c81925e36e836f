"""The `vntrade_actors` component: people, organisations and countries under canonical names.

Listed actors (shipped `data/actors/actors.jsonl` plus `--actors FILE`) are found whatever
their diacritics and however Vietnam is spelt; the model's entities and capitalised
Vietnamese names add unknown actors; short forms (`Chinh`, `Greer`, `USABC`) join the actor
named in full; titles give roles; pronouns and role phrases (`He`, `The PM`) are resolved
for directive issuers (`finder`, `refs`). A company named as the make of a good (`Boeing
aircraft`) is no actor.

The lists are read by `initialize` (shipped data plus `extra_patterns`, a user's JSONL
file) and written by `to_disk`, so a saved pipeline keeps a user's actors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from vntrade.errors import DataFileError
from vntrade.nlp.actors.finder import DocActors, without_brands
from vntrade.nlp.actors.lexicon import (
    DATA_FILES,
    ActorDataError,
    ActorLexicon,
    Records,
    read_jsonl,
    shipped_records,
)
from vntrade.nlp.actors.phrases import fold, key
from vntrade.nlp.actors.refs import NamedMention, ReferenceResolver
from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS, register_extensions

USER_FILE = "user_actors.jsonl"
ENTRY_EXAMPLE = (
    '{"name": "Nguyen Van A", "type": "PERSON", '
    '"roles": ["Deputy Minister of Finance"], "aliases": ["A"]}'
)


@Language.factory(
    "vntrade_actors",
    assigns=["doc.spans", "doc._.vntrade_actor_roles"],
    requires=["token.tag", "token.pos", "token.dep", "token.ent_type", "doc.sents"],
    default_config={},
)
def make_actors(nlp: Language, name: str) -> ActorResolver:
    register_extensions()
    return ActorResolver(nlp, name=name)


class ActorResolver:
    """Finds actors and gives each one canonical name, type and role."""

    def __init__(self, nlp: Language, *, name: str = "vntrade_actors") -> None:
        self.name = name
        self.tokenizer = nlp.tokenizer  # not `nlp` itself: the component pickles on its own
        self.records: dict[str, Records] = {}
        self.user_records: Records = []
        self.lexicon: ActorLexicon | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        extra_patterns: str | Path | None = None,
    ) -> None:
        """Read the shipped lists and, if given, a user's actor file (`--actors`)."""
        try:
            user = list(read_jsonl(Path(extra_patterns))) if extra_patterns else []
        except (ActorDataError, OSError, UnicodeDecodeError) as error:
            raise _data_error(error) from None
        self.set_records(shipped_records(), user)

    def set_records(self, records: dict[str, Records], user: Records = ()) -> None:
        """Build the lexicon from the records of `DATA_FILES` and a user's entries."""
        try:
            self.lexicon = ActorLexicon(self._tokenize, records, user)
        except ActorDataError as error:
            raise _data_error(error) from None
        self.records, self.user_records = records, list(user)

    def _tokenize(self, text: str) -> list[str]:
        return [t.text for t in self.tokenizer(text)]

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise ValueError(f"{self.name}: not initialized (call `initialize` or `from_disk`)")
        keys = [key(t.text) for t in doc]
        texts = [fold(t.text) for t in doc]
        finder = DocActors(doc, self.lexicon, keys, texts)
        found = without_brands(doc, finder.find())
        roles = finder.roles(found)
        people = [NamedMention(f.start, f.end, f.name) for f in found if f.type == "PERSON"]
        organisations = [NamedMention(f.start, f.end, f.name) for f in found if f.type == "ORG"]
        resolver = ReferenceResolver(doc, self.lexicon, people, roles, organisations)
        references = resolver.resolve(keys, texts)
        doc.spans[ACTOR_SPANS] = [
            Span(doc, f.start, f.end, label=f.type, kb_id=f.name) for f in found
        ]
        doc.spans[REFERENCE_SPANS] = [
            Span(doc, r.start, r.end, label=r.type, kb_id=r.name) for r in references
        ]
        doc._.vntrade_actor_roles = {name: held[0] for name, held in roles.items()}
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lists as JSONL: the shipped ones and the user's entries apart."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, records in self.records.items():
            srsly.write_jsonl(path / name, [record for _, record in records])
        srsly.write_jsonl(path / USER_FILE, [record for _, record in self.user_records])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ActorResolver:
        """Read the lists written by `to_disk`."""
        path = Path(path)
        records = {name: list(read_jsonl(path / name)) for name in DATA_FILES}
        self.set_records(records, list(read_jsonl(path / USER_FILE)))
        return self


def _data_error(error: Exception) -> DataFileError:
    return DataFileError(
        f"cannot read the actor list: {error}. Each line of an --actors file must be "
        f"a JSON object like {ENTRY_EXAMPLE}."
    )
