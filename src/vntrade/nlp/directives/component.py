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
from collections.abc import Mapping

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry

from vntrade.nlp.directives.finder import PASSIVE_REACH, DocDirectives
from vntrade.nlp.directives.lexicon import (
    NOMINALS,
    VERBS,
    DirectiveVerb,
    load_nominals,
    load_verbs,
    shipped_tables,
)
from vntrade.nlp.extensions import register_extensions, set_directives
from vntrade.nlp.jsonl import Records, TableData, Tables
from vntrade.nlp.per_doc import sentence_tokens
from vntrade.records import Directive


@registry.readers("vntrade.directive_tables.v1")
def read_directive_tables() -> Tables:
    """The shipped directive verbs and action nouns, by file name."""
    return shipped_tables()


@Language.factory(
    "vntrade_directives",
    assigns=["doc.spans"],
    requires=["token.tag", "token.dep", "doc.sents", "doc.spans"],
    default_config={"passive_reach": PASSIVE_REACH},
)
def make_directives(nlp: Language, name: str, passive_reach: int) -> DirectiveFinder:
    register_extensions()
    return DirectiveFinder(name=name, passive_reach=passive_reach)


class DirectiveFinder(TableData):
    """Finds who instructed whom to do what, by when."""

    read_tables = staticmethod(read_directive_tables)

    def __init__(
        self, *, name: str = "vntrade_directives", passive_reach: int = PASSIVE_REACH
    ) -> None:
        self.name = name
        # How many sentences on an order with no named issuer is still the last issuer's.
        self.passive_reach = passive_reach
        self.tables: Tables = {}
        self.verbs: dict[str, list[DirectiveVerb]] = {}
        self.verb_ids: frozenset[int] = frozenset()  # the string ids of `verbs`' forms
        self.nominals: dict[str, str] = {}

    def set_tables(self, tables: Mapping[str, Records]) -> None:
        """Index the directive verbs by word form and the action nouns by noun."""
        self.verbs = load_verbs(tables[VERBS])
        self.verb_ids = frozenset(get_string_id(form) for form in self.verbs)
        self.nominals = load_nominals(tables[NOMINALS])
        self.tables = dict(tables)

    def __call__(self, doc: Doc) -> Doc:
        # The word forms' hashes find the few candidates without a Token for every word.
        lowers = doc.to_array(LOWER).tolist()
        forms = self.verb_ids.intersection(lowers)  # most docs hold few of the forms
        candidates = [doc[i] for i, lower in enumerate(lowers) if lower in forms] if forms else []
        triggers = [t for t in candidates if t.tag_.startswith("VB")]
        if not triggers:
            set_directives(doc, [])
            return doc
        finder = DocDirectives(doc, self.verbs, self.nominals)
        found: list[Directive] = []
        seen: set[tuple] = set()
        sentence_starts = [start for start, _ in sentence_tokens(doc)]
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
                    and sentence - last_issuer[0] <= self.passive_reach
                ):
                    directive.issuer = last_issuer[1]
                if directive.issuer is not None:
                    last_issuer = (sentence, directive.issuer)
                elif needs_issuer:
                    continue
                found.append(directive)
        set_directives(doc, found)
        return doc
