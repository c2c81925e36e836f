"""The `vntrade_directives` component (placeholder until the directive finder lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("vntrade_directives")
def make_directives(nlp: Language, name: str) -> DirectiveFinder:
    return DirectiveFinder()


class DirectiveFinder:
    """Finds who instructed whom to do what, by when."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.vntrade_directives = []
        return doc
