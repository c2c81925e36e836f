"""The directive verbs and action nouns the component knows (`data/directives/*.jsonl`)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from vntrade.nlp.actors.lexicon import ActorDataError, read_jsonl
from vntrade.nlp.directives import frames

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


def shipped_verbs() -> list[tuple[str, dict]]:
    """The shipped directive verb entries, each with its `file:line`."""
    return list(read_jsonl(resources.files("vntrade.nlp").joinpath("data", "directives", VERBS)))


def shipped_nominals() -> list[tuple[str, dict]]:
    """The shipped nominalisations of actions (`creation` → create), each with `file:line`."""
    source = resources.files("vntrade.nlp").joinpath("data", "directives", NOMINALS)
    return list(read_jsonl(source))


def load_nominals(records: list[tuple[str, dict]]) -> dict[str, str]:
    """Verbs by the noun naming their action (`creation` → create)."""
    nominals = {}
    for where, record in records:
        if not record.get("noun") or not record.get("verb"):
            raise ActorDataError(f"{where}: needs noun and verb")
        nominals[str(record["noun"]).lower()] = str(record["verb"])
    return nominals


def load_verbs(records: list[tuple[str, dict]]) -> dict[str, list[DirectiveVerb]]:
    """Directive verbs by word form (`urged` → urge)."""
    by_form: dict[str, list[DirectiveVerb]] = {}
    for where, record in records:
        names = tuple(record.get("frames", []))
        unknown = set(names) - frames.FRAME_NAMES
        if not names or unknown or not record.get("verb") or not record.get("forms"):
            raise ActorDataError(f"{where}: needs verb, forms and known frames ({unknown})")
        passive = record.get("passive", True)
        if passive not in (True, False, "named"):
            raise ActorDataError(f'{where}: "passive" must be true, false or "named"')
        entry = DirectiveVerb(
            str(record["verb"]), names, tuple(record.get("particles", [])), passive
        )
        for form in record["forms"]:
            by_form.setdefault(form.lower(), []).append(entry)
    return by_form
