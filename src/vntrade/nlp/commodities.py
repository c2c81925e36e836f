"""The `vntrade_commodities` component (placeholder until the gazetteer lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.extensions import COMMODITY_SPANS


@Language.factory("vntrade_commodities", default_config={"extra_patterns": None})
def make_commodities(nlp: Language, name: str, extra_patterns: str | None) -> CommodityTagger:
    return CommodityTagger()


class CommodityTagger:
    """Finds traded goods and gives them a canonical name and category."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[COMMODITY_SPANS] = []
        return doc
