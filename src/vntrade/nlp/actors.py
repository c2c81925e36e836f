"""The `vntrade_actors` component (placeholder until the actor resolver lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS


@Language.factory("vntrade_actors", default_config={"extra_patterns": None})
def make_actors(nlp: Language, name: str, extra_patterns: str | None) -> ActorResolver:
    return ActorResolver()


class ActorResolver:
    """Finds actors and gives each one canonical name."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[ACTOR_SPANS] = []
        doc.spans[REFERENCE_SPANS] = []
        doc._.vntrade_actor_roles = {}
        return doc
