"""The `vntrade_dates` component (placeholder until the temporal tagger lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("vntrade_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    return DateTagger()


class DateTagger:
    """Finds temporal expressions and normalises them against the publication date."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.vntrade_dates = []
        doc._.reference_date = doc._.published
        return doc
