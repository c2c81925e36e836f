"""The `vntrade_actors` component: people, organisations and countries under canonical names.

Listed actors (shipped `data/actors/actors.jsonl` plus `--actors FILE`) are found whatever
their diacritics and however Vietnam is spelt; the model's entities and capitalised
Vietnamese names add unknown actors; short forms (`Chinh`, `Greer`, `USABC`) join the actor
named in full; titles give roles; pronouns and role phrases (`He`, `The PM`) are resolved
for directive issuers (`finder`, `refs`). A company named as the make of a good (`Boeing
aircraft`) is no actor.

The lists come to `initialize` from the config's `[initialize]` block through the reader
`vntrade.actor_tables.v1` (the shipped lists plus `extra`, a user's JSONL file) and are saved
with the pipeline (`to_disk`, `to_bytes`), so a saved pipeline keeps a user's actors. The
span keys are settings (`spans_key`, `references_key`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from vntrade.errors import DataFileError
from vntrade.nlp.actors.finder import DocActors, Found
from vntrade.nlp.actors.lexicon import USER_FILE, ActorLexicon, shipped_records
from vntrade.nlp.actors.phrases import fold, key
from vntrade.nlp.actors.refs import NamedMention, ReferenceResolver
from vntrade.nlp.extensions import (
    ACTOR_SPANS,
    COMMODITY_SPANS,
    REFERENCE_SPANS,
    register_extensions,
    span_rows,
)
from vntrade.nlp.jsonl import DataError, Records, TableData, Tables, read_table
from vntrade.nlp.per_doc import WordValues, doc_words

ENTRY_EXAMPLE = (
    '{"name": "Nguyen Van A", "type": "PERSON", '
    '"roles": ["Deputy Minister of Finance"], "aliases": ["A"]}'
)


_KEYS = WordValues(key)  # each word's matching key and folded text, as the lists have them
_FOLDED = WordValues(fold)


@registry.readers("vntrade.actor_tables.v1")
def read_actor_tables(extra: str | None = None) -> Tables:
    """The shipped actor, non-actor and role lists, and a user's actors (`--actors FILE`;
    None: none) as `user_actors.jsonl`."""
    tables = shipped_records()
    try:
        tables[USER_FILE] = read_table(Path(extra)) if extra else []
    except (DataError, OSError, UnicodeDecodeError) as error:
        raise _data_error(error) from None
    return tables


@Language.factory(
    "vntrade_actors",
    assigns=["doc.spans", "doc._.vntrade_actor_roles"],
    requires=["token.tag", "token.pos", "token.dep", "token.ent_type", "doc.sents"],
    default_config={"spans_key": ACTOR_SPANS, "references_key": REFERENCE_SPANS},
)
def make_actors(nlp: Language, name: str, spans_key: str, references_key: str) -> ActorResolver:
    register_extensions()
    return ActorResolver(nlp, name=name, spans_key=spans_key, references_key=references_key)


class ActorResolver(TableData):
    """Finds actors and gives each one canonical name, type and role."""

    read_tables = staticmethod(read_actor_tables)

    def __init__(
        self,
        nlp: Language,
        *,
        name: str = "vntrade_actors",
        spans_key: str = ACTOR_SPANS,
        references_key: str = REFERENCE_SPANS,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.references_key = references_key
        self.tokenizer = nlp.tokenizer  # not `nlp` itself: the component pickles on its own
        self.tables: Tables = {}
        self.lexicon: ActorLexicon | None = None

    def set_tables(self, tables: Mapping[str, Records]) -> None:
        """Build the lexicon from the lists of `DATA_FILES` and a user's `USER_FILE`."""
        try:
            self.lexicon = ActorLexicon(self._tokenize, tables, tables.get(USER_FILE, ()))
        except DataError as error:
            raise _data_error(error) from None
        self.tables = dict(tables)

    def _tokenize(self, text: str) -> list[str]:
        return [t.text for t in self.tokenizer(text)]

    def __call__(self, doc: Doc) -> Doc:
        if self.lexicon is None:
            raise ValueError(f"{self.name}: not initialized (call `initialize` or `from_disk`)")
        words = doc_words(doc)
        keys = _KEYS(words)
        texts = _FOLDED(words)
        finder = DocActors(doc, self.lexicon, keys, texts)
        found = _without_brands(doc, finder.find())
        roles = finder.roles(found)
        people = [NamedMention(f.start, f.end, f.name) for f in found if f.type == "PERSON"]
        organisations = [NamedMention(f.start, f.end, f.name) for f in found if f.type == "ORG"]
        resolver = ReferenceResolver(doc, self.lexicon, people, roles, organisations)
        references = resolver.resolve(keys, texts)
        doc.spans[self.spans_key] = [
            Span(doc, f.start, f.end, label=f.type, kb_id=f.name) for f in found
        ]
        doc.spans[self.references_key] = [
            Span(doc, r.start, r.end, label=r.type, kb_id=r.name) for r in references
        ]
        doc._.vntrade_actor_roles = {name: held[0] for name, held in roles.items()}
        return doc


def _data_error(error: Exception) -> DataFileError:
    return DataFileError(
        f"cannot read the actor list: {error}. Each line of an --actors file must be "
        f"a JSON object like {ENTRY_EXAMPLE}."
    )


def _without_brands(doc: Doc, found: list[Found]) -> list[Found]:
    """Drop a company named as the make of a good (`Boeing aircraft`, `Intel chips`): the
    good is traded, the company does nothing there. Needs `vntrade_commodities` first."""
    goods = {i for start, end, *_ in span_rows(doc, COMMODITY_SPANS) for i in range(start, end)}
    if not goods:
        return found

    def brand(item: Found) -> bool:
        last = doc[item.end - 1]
        makes = item.end in goods and last.dep_ in ("compound", "nmod") and last.head.i in goods
        return item.type == "ORG" and (item.start in goods or makes)

    return [item for item in found if not brand(item)]
