"""Custom `Doc` attributes through which vntrade's components pass their results.

Conventions shared by the components:
- `doc._.published`: ISO date of publication or None, set before the pipeline runs.
- `doc._.dateline_date`: the date of a wire dateline (`2025-03-03`, `XXXX-03-03`) or None,
  set before the pipeline runs; the anchor when there is no publication date.
- `doc._.reference_date` / `doc._.published_inferred`: the anchor for relative dates,
  set by `vntrade_dates` (inferred from the article's own dates when not published).
- `doc._.vntrade_dates`: list[DateMention], by `vntrade_dates`.
- `doc.spans["vntrade_actors"]`: actor mentions; `label_` is the type, `kb_id_` the
  canonical name. `doc._.vntrade_actor_roles`: {canonical name: role}.
- `doc.spans["vntrade_references"]`: pronouns and role phrases resolved to an actor
  (`kb_id_` the canonical name), for directive issuers.
- `doc.spans["vntrade_commodities"]`: `kb_id_` the canonical name, `label_` the category.
- `doc._.vntrade_directives`: list[Directive], by `vntrade_directives`.
"""

from __future__ import annotations

from spacy.tokens import Doc

ACTOR_SPANS = "vntrade_actors"
REFERENCE_SPANS = "vntrade_references"
COMMODITY_SPANS = "vntrade_commodities"

_DEFAULTS: dict[str, object] = {
    "published": None,
    "dateline_date": None,
    "reference_date": None,
    "published_inferred": False,
    "vntrade_dates": None,
    "vntrade_actor_roles": None,
    "vntrade_directives": None,
}


def register_extensions() -> None:
    """Register the `Doc` attributes once per process (idempotent)."""
    for name, default in _DEFAULTS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
