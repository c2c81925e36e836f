"""The directive verbs and action nouns the component knows (`data/directives/*.jsonl`)."""

from __future__ import annotations

from dataclasses import dataclass

from vntrade.nlp import jsonl
from vntrade.nlp.directives import frames
from vntrade.nlp.jsonl import DataError, Records, Tables

VERBS = "verbs.jsonl"
NOMINALS = "nominals.jsonl"


@dataclass(frozen=True, slots=True)
class DirectiveVerb:
    """An ordering verb: its lemma as reported, word forms, frames and particles."""

    verb: str
    frames: tuple[str, ...]
    particles: tuple[str, ...] = ()
    # True, False, or "named": a passive that is an order only with its issuer in the
    # sentence (`units are required to ...` by a directive signed by X; not a rule of law).
    passive: bool | str = True


def shipped_tables() -> Tables:
    """The shipped directive verbs and nominalisations of actions, by file name."""
    return jsonl.shipped_tables("directives", (VERBS, NOMINALS))


def load_nominals(records: Records) -> dict[str, str]:
    """Verbs by the noun naming their action (`creation` → create)."""
    nominals = {}
    for where, record in records:
        if not record.get("noun") or not record.get("verb"):
            raise DataError(f"{where}: needs noun and verb")
        nominals[str(record["noun"]).lower()] = str(record["verb"])
    return nominals


def load_verbs(records: Records) -> dict[str, list[DirectiveVerb]]:
    """Directive verbs by word form (`urged` → urge)."""
    by_form: dict[str, list[DirectiveVerb]] = {}
    for where, record in records:
        names = tuple(record.get("frames", []))
        unknown = set(names) - frames.FRAME_NAMES
        if not names or unknown or not record.get("verb") or not record.get("forms"):
            raise DataError(f"{where}: needs verb, forms and known frames ({unknown})")
        passive = record.get("passive", True)
        if passive not in (True, False, "named"):
            raise DataError(f'{where}: "passive" must be true, false or "named"')
        entry = DirectiveVerb(
            str(record["verb"]), names, tuple(record.get("particles", [])), passive
        )
        for form in record["forms"]:
            by_form.setdefault(form.lower(), []).append(entry)
    return by_form
