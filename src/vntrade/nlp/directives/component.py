"""The `vntrade_directives` component: who instructed, asked, urged, called on, tasked or
ordered whom to do what, by when.

Runs after `vntrade_dates` and `vntrade_actors`: the issuer is the ordering verb's subject
resolved to an actor (pronouns and role phrases through `doc.spans["vntrade_references"]`);
statements that are not orders (`noted`, `stressed`) never match, because only the verbs
of `data/directives/verbs.jsonl` do, each with the frames it takes. An order with no named
issuer (a passive, or a document as subject: `the resolution requires ...`) is that of
the signer its sentence names, else of the order just before.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.actors.lexicon import read_jsonl
from vntrade.nlp.directives.finder import PASSIVE_REACH, DocDirectives
from vntrade.nlp.directives.lexicon import (
    NOMINALS,
    VERBS,
    DirectiveVerb,
    load_nominals,
    load_verbs,
    shipped_nominals,
    shipped_verbs,
)
from vntrade.nlp.extensions import (
    register_extensions,
    set_directives,
)
from vntrade.records import Directive


@Language.factory(
    "vntrade_directives",
    assigns=["doc.spans"],
    requires=["token.tag", "token.dep", "doc.sents", "doc.spans"],
    default_config={},
)
def make_directives(nlp: Language, name: str) -> DirectiveFinder:
    register_extensions()
    return DirectiveFinder(name=name)


class DirectiveFinder:
    """Finds who instructed whom to do what, by when."""

    def __init__(self, *, name: str = "vntrade_directives") -> None:
        self.name = name
        self.records: list[tuple[str, dict]] = []
        self.nominal_records: list[tuple[str, dict]] = []
        self.verbs: dict[str, list[DirectiveVerb]] = {}
        self.nominals: dict[str, str] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
    ) -> None:
        """Read the shipped directive verbs and action nouns."""
        self.set_records(shipped_verbs(), shipped_nominals())

    def set_records(
        self, records: list[tuple[str, dict]], nominals: list[tuple[str, dict]]
    ) -> None:
        self.verbs = load_verbs(records)
        self.nominals = load_nominals(nominals)
        self.records = records
        self.nominal_records = nominals

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / VERBS, [record for _, record in self.records])
        srsly.write_jsonl(path / NOMINALS, [record for _, record in self.nominal_records])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DirectiveFinder:
        path = Path(path)
        self.set_records(list(read_jsonl(path / VERBS)), list(read_jsonl(path / NOMINALS)))
        return self

    def __call__(self, doc: Doc) -> Doc:
        triggers = [t for t in doc if t.lower_ in self.verbs and t.tag_.startswith("VB")]
        if not triggers:
            set_directives(doc, [])
            return doc
        finder = DocDirectives(doc, self.verbs, self.nominals)
        found: list[Directive] = []
        seen: set[tuple] = set()
        sentence_starts = [sentence.start for sentence in doc.sents]
        last_issuer: tuple[int, str] | None = None  # (sentence number, issuer)
        for verb in triggers:
            sentence = bisect.bisect_right(sentence_starts, verb.i) - 1
            for directive, needs_issuer in finder.directives(verb):
                marker = (directive.start, directive.issuer, verb.i, directive.action)
                if marker in seen:
                    continue
                seen.add(marker)
                # `Under the dispatch, the ministry is requested to ...`: an order with no
                # named issuer comes from the one who gave the order just before.
                if (
                    directive.issuer is None
                    and last_issuer is not None
                    and sentence - last_issuer[0] <= PASSIVE_REACH
                ):
                    directive.issuer = last_issuer[1]
                if directive.issuer is not None:
                    last_issuer = (sentence, directive.issuer)
                elif needs_issuer:
                    continue
                found.append(directive)
        set_directives(doc, found)
        return doc
