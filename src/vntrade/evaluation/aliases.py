"""Which names a system actor answers to when scored: its canonical name, its listed aliases
and the forms the article writes it in, as the seed gold's rule has it ("an actor matches its
name or any alias"); a US body with or without "US", a company with or without its legal
form, a country as its government, a province's or city's People's Committee with or
without "Provincial", "City" or "Municipal" ("Bac Ninh Provincial People's Committee"), and
a city's body under any of the city's spellings ("HCM City Department of Industry and
Trade", "Ho Chi Minh City Department of Industry and Trade")."""

from __future__ import annotations

import functools

from vntrade.evaluation.gold import gold_key

Aliases = dict[str, frozenset[str]]  # folded actor name -> every folded name it answers to


@functools.cache
def _listed_aliases() -> Aliases:
    """The shipped actor list's aliases of each listed actor, folded."""
    from vntrade.nlp.jsonl import shipped_tables

    [rows] = shipped_tables("actors", ["actors.jsonl"]).values()
    found: Aliases = {}
    for _where, row in rows:
        forms = {gold_key(n) for n in [row["name"], *row.get("aliases", [])]}
        if row.get("type") == "GPE":  # a country the article names only through an event
            forms |= {v for form in forms for v in _government_variants(form)}
        found[gold_key(row["name"])] = frozenset(forms)
    return found


def record_aliases(record: dict) -> Aliases:
    """The names each actor of a record answers to: its canonical name, its listed aliases and
    the forms the article writes it in."""
    listed = _listed_aliases()
    found: Aliases = {}
    for actor in record.get("actors") or []:
        name = gold_key(actor["name"])
        forms = {name, *map(gold_key, actor.get("aliases") or [])}
        forms |= {gold_key(m["text"]) for m in actor.get("mentions") or []}
        forms |= listed.get(name, frozenset())
        forms |= {v for form in forms for v in _us_variants(form) | _company_variants(form)}
        forms |= {v for form in forms for v in _local_body_variants(form)}
        forms |= {v for form in forms for v in _city_variants(form)}
        if actor.get("type") == "GPE":
            forms |= {v for form in forms for v in _government_variants(form)}
        found[name] = frozenset(forms)
    return found


_LOCAL_BODY = "people's committee"
_LOCAL_KINDS = ("provincial", "city", "municipal")


def _local_body_variants(form: str) -> set[str]:
    """A place's People's Committee with or without the kind of place before it."""
    if not form.endswith(_LOCAL_BODY) or form == _LOCAL_BODY:
        return set()
    place = form[: -len(_LOCAL_BODY)].strip()
    for kind in _LOCAL_KINDS:
        place = place.removesuffix(f" {kind}")
    return {f"{place} {_LOCAL_BODY}", *(f"{place} {kind} {_LOCAL_BODY}" for kind in _LOCAL_KINDS)}


@functools.cache
def _city_spellings() -> tuple[tuple[str, ...], ...]:
    """The spellings of each place that `nonactors.jsonl` lists `same_as` another ("HCMC",
    "HCM City" and "Ho Chi Minh City"), folded: gold sets and articles write any of them in
    front of the city's bodies."""
    from vntrade.nlp.jsonl import shipped_tables

    [rows] = shipped_tables("actors", ["nonactors.jsonl"]).values()
    groups: dict[str, set[str]] = {}
    for _where, row in rows:
        if row.get("same_as"):
            groups.setdefault(row["same_as"], {gold_key(row["same_as"])}).add(gold_key(row["name"]))
    return tuple(tuple(sorted(group, key=len, reverse=True)) for group in groups.values())


def _city_variants(form: str) -> set[str]:
    """A city's body under each spelling of the city."""
    for spellings in _city_spellings():
        for spelling in spellings:
            if form.startswith(f"{spelling} "):
                body = form[len(spelling) :]
                return {f"{other}{body}" for other in spellings}
    return set()


def _government_variants(country: str) -> set[str]:
    """A country answers to its government ("Government of Vietnam", "Vietnam's
    government"): gold sets name the state either way."""
    return {f"government of {country}", f"{country} government", f"{country}'s government"}


def _company_variants(form: str) -> set[str]:
    """A company written with or without its legal form ("PetroVietnam Power Corp.",
    "PetroVietnam Power Corporation", "PetroVietnam Power")."""
    words = form.split()
    if len(words) > 1 and words[-1] in _LEGAL_FORMS:
        body = " ".join(words[:-1])
        return {body, *(f"{body} {legal}" for legal in _LEGAL_FORMS)}
    if len(words) > 1:
        return {f"{form} {legal}" for legal in _LEGAL_FORMS}
    return set()


_LEGAL_FORMS = ("corporation", "corp.", "corp", "company", "co.", "jsc", "inc.", "inc", "ltd")


def _us_variants(form: str) -> set[str]:
    """A US body written with "US", "U.S.", "United States" or no country before it ("US
    Department of Commerce", "United States Department of Commerce")."""
    for prefix in _US_PREFIXES:
        if form.startswith(prefix):
            body = form[len(prefix) :]
            return {body, *(p + body for p in _US_PREFIXES)} if " " in body else set()
    if form.split(" ", 1)[0] in _US_BODY_WORDS:  # "Court of International Trade"
        return {p + form for p in _US_PREFIXES}
    return set()


# The first words of a body's name that a US body is written with or without "US" before.
_US_BODY_WORDS = ("department", "court", "office", "bureau", "customs", "trade", "international")


_US_PREFIXES = ("us ", "u.s. ", "united states ")


def _names_of(actor: str, aliases: Aliases) -> frozenset[str]:
    name = gold_key(actor)
    found = aliases.get(name) or _listed_aliases().get(name)
    variants = _us_variants(name) | _company_variants(name) | _local_body_variants(name)
    variants |= {v for form in (name, *variants) for v in _city_variants(form)}
    return found or frozenset({name, *variants})


def answers(gold_actor: str, system_actor: str, aliases: Aliases) -> bool:
    return gold_key(gold_actor) in _names_of(system_actor, aliases)


def shared_actors(gold_event: dict, system_event: dict, aliases: Aliases) -> int:
    system = system_event.get("actors") or []
    return sum(any(answers(g, a, aliases) for a in system) for g in gold_event.get("actors", []))
