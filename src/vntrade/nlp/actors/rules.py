"""Word-level rules for actors the list does not know: what a name, a title or an
organisation looks like in English-language Vietnamese news.

All functions work on token offsets of one `Doc` and the document's folded keys
(`names.key` of every token), so each is a linear pass or a local look-around.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from vntrade.nlp.actors.words import capitalised, capitalised_words, is_name_word

if TYPE_CHECKING:  # word rules only; the events' phrase naming uses them without spaCy
    from spacy.tokens import Doc


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The common Vietnamese family names, folded. A run of capitalised words starting with
# one is a person's full name even when the English model misses or mis-bounds it.
VIETNAMESE_SURNAMES = _words(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly mai dinh trinh
    truong lam luong ha cao ta doan vuong thai chu tong kieu lai quach trieu khuc nghiem dao
    dam giang la luu ton tang thach to au bach cam chau che chung diep han hau khong khuat
    kim lac lo mac nong phi phung quan tieu tu ung vi can"""
)
# Words that open or make up a title rather than a name.
TITLE_WORDS = _words(
    """mr mr. mrs mrs. ms ms. dr dr. madam madame sir president vice deputy prime minister
    secretary general chairman chairwoman chair ambassador governor director spokesperson
    spokesman spokeswoman envoy representative senator rep. congressman congresswoman premier
    chief head ceo professor prof. permanent acting special standing lieutenant colonel
    commissioner mayor counsellor counselor consul attache director-general secretary-general
    vice-president administrator official leader party state"""
)
HONORIFICS = _words("mr mr. mrs mrs. ms ms. dr dr. madam madame sir")
# Head nouns that make a capitalised phrase an organisation.
ORG_HEADS = _words(
    """ministry department council committee commission association chamber bank office
    agency administration authority assembly organisation organization union corporation
    corp corp. group company co co. inc inc. ltd ltd. jsc institute university academy
    federation confederation fund forum court secretariat bureau board service directorate
    inspectorate airlines airways embassy consulate senate parliament alliance exchange
    holdings society foundation centre center politburo congress foods"""
)
# Nouns after which a capitalised name is a place (Ho Chi Minh City, Thai Binh Province).
PLACE_HEADS = _words(
    """city province district town commune ward street road port airport bridge bay river
    island islands park zone square village delta"""
)
NAME_PARTICLES = _words("de van von der den bin binti al el la du da di dos")
SUFFIXES = _words("jr jr. sr sr. ii iii iv")  # generational: `Ferdinand Marcos Jr.`
CALENDAR_WORDS = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
NATIONALITY_QUALIFIERS = _words("vietnamese viet vietnam's vietnam")
# Lower-case words inside the name of a local body: `Tiền Giang provincial People's Committee`.
ADMINISTRATIVE_WORDS = _words("provincial municipal city district commune")
DETERMINERS = _words("the a an this that these those")
CONNECTORS = frozenset({"of", "and", "&", "for", "the"})


def org_bounds(doc: Doc, keys: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """A model ORG span that looks like an organisation's name, trimmed, or None.

    It needs an organisation head noun (Ministry, Council, Bank...); one introduced by
    `a`/`an` is something to be created (`a National Investment Promotion Centre`).
    """
    while start < end and keys[start] in DETERMINERS:
        start += 1
    end = next((i for i in range(start, end) if keys[i] == "("), end)  # `Institute (CIEM`
    while end > start and (keys[end - 1] in ("'s", "'") or not doc[end - 1].text[:1].isalnum()):
        end -= 1
    if end - start < 2 or not doc[start].text[:1].isupper():
        return None
    if start > 0 and keys[start - 1] in ("a", "an"):
        return None
    if any("/" in doc[i].text or doc[i].like_num for i in range(start, end)):
        return None
    if not any(keys[i] in ORG_HEADS for i in range(start, end)) and not _ampersand_firm(
        doc, start, end
    ):
        return None
    return start, end


def _ampersand_firm(doc: Doc, start: int, end: int) -> bool:
    """`Pratt & Whitney`, `Procter & Gamble`: capitalised names joined by `&` name a firm
    even without a head noun (`and` would join two things)."""
    words = [doc[i].text for i in range(start, end)]
    if "&" not in words[1:-1]:
        return False
    return all(word == "&" or is_name_word(word) for word in words)


def organisation_names(
    doc: Doc,
    keys: Sequence[str],
    free: Sequence[bool],
    countries: dict[int, int],
    country_ends: dict[int, int] | None = None,
) -> list[tuple[int, int]]:
    """Capitalised names with an organisation head the model missed (`Vietnam Steel
    Association`), without a title before them (`Chairman of the ...`).

    `countries` maps the end of each country mention to its start, so that a name may
    begin with one (`Vietnam` Steel Association); `country_ends` maps its start to its
    end, so that a name may end with `of` one (Bank for Investment and Development `of
    Vietnam`).
    """
    country_ends = country_ends or {}
    capitalised = capitalised_words(doc)
    found: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    for start in [i for i, flag in enumerate(capitalised) if flag]:  # a run starts capitalised
        if start < i or not free[start]:
            continue
        end = start + 1
        while end < n and free[end]:
            joins = keys[end] in CONNECTORS and end + 1 < n and capitalised[end + 1]
            if joins and (_separates_entities(doc, end) or _ends_name(keys, start, end)):
                break
            if not (capitalised[end] or joins or _inner_word(doc, keys, end)):
                break
            end += 1
        if end < n and keys[end - 1] == "of" and end in country_ends:
            end = country_ends[end]
        span = _organisation_in_run(doc, keys, _country_start(doc, countries, start), end)
        if span:
            found.append(span)
        i = end
    return found


def _country_start(doc: Doc, countries: dict[int, int], start: int) -> int:
    """Where a name starts that may open with a country (`Vietnam` Steel Association) or
    with two joined by a hyphen (`Vietnam-Canada` Business Council, `US-Vietnam` ...)."""
    start = countries.get(start, start)
    hyphen = start - 1
    while hyphen >= 1 and doc[hyphen].text == "-" and hyphen in countries:
        if doc[hyphen - 1].whitespace_ or doc[hyphen].whitespace_:
            break
        start = countries[hyphen]
        hyphen = start - 1
    return start


def _separates_entities(doc: Doc, connector: int) -> bool:
    """An `and` between two names the model tagged apart (`Vinamilk and Hoa Phat Group`)."""
    before, after = doc[connector - 1], doc[connector + 1]
    ends_entity = before.ent_iob_ in ("B", "I") and doc[connector].ent_iob_ != "I"
    return ends_entity and after.ent_iob_ == "B"


def _inner_word(doc: Doc, keys: Sequence[str], i: int) -> bool:
    """A lower-case word inside a local body's name, before a capitalised one: `provincial`
    and `'s` in `Đồng Tháp provincial People's Committee`."""
    people = keys[i] == "'s" and keys[i - 1] == "people"  # People's Committee, Council, Court
    inside = keys[i] in ADMINISTRATIVE_WORDS or people
    return inside and i + 1 < len(doc) and capitalised(doc[i + 1].text)


def _ends_name(keys: Sequence[str], start: int, connector: int) -> bool:
    """`PetroVietnam Power Corporation and Excelerate Energy`: an `and` right after an
    organisation's head noun joins two names (`Ministry of Industry and Trade` does not)."""
    return (
        keys[connector] in ("and", "&")
        and connector - start >= 2
        and (keys[connector - 1] in ORG_HEADS)
    )


def _organisation_in_run(
    doc: Doc, keys: Sequence[str], start: int, end: int
) -> tuple[int, int] | None:
    start = _after_title(keys, start, end)
    while start < end and (keys[start] in DETERMINERS or keys[start] in CONNECTORS):
        start += 1
    while end > start and keys[end - 1] in CONNECTORS:
        end -= 1
    if end - start < 2 or not any(keys[i] in ORG_HEADS for i in range(start, end)):
        return None
    if keys[start] in ORG_HEADS and keys[start + 1] not in ("of", "for"):
        return None  # `Ministry Chinh`, not a name
    if start > 0 and keys[start - 1] in ("a", "an"):
        return None
    return start, end


def _after_title(keys: Sequence[str], start: int, end: int) -> int:
    """Where an organisation's name starts after a title: `Chairman of the` X Association."""
    position = start
    while position < end and (keys[position] in TITLE_WORDS or keys[position] in DETERMINERS):
        position += 1
    if position == start or position >= end or keys[position] != "of":
        return start
    return position + 1


def extend_left(doc: Doc, keys: Sequence[str], free: Sequence[bool], start: int) -> int:
    """Take in proper nouns the model left off a name's start (`Hoà` + `Phát Group`), with
    the place of a local body (`Tiền Giang provincial` + `People's Committee`)."""
    while start > 0 and free[start - 1]:
        before = start - 1
        local_body = keys[before] in ADMINISTRATIVE_WORDS and _proper(doc, keys, before - 1)
        if not (local_body or _proper(doc, keys, before)):
            break
        start = before
    return start


# Heads of a body named after the trades it joins (`Handicraft and Wood Industry Association`).
_FIELD_HEADS = _words("association associations federation council chamber society alliance")
_NOT_FIELDS = ("GPE", "LOC", "NORP", "PERSON", "DATE")


def extend_over_fields(
    doc: Doc, keys: Sequence[str], free: Sequence[bool], start: int, end: int
) -> int:
    """Take in the trades the model left off an association's name, joined by `and` and
    commas: `Handicraft and` + `Wood Industry Association`, `Vietnam Leather, Footwear and`
    + `Handbag Association`; never a place or a person (`Vietnam and the ... Association`)."""
    if end - 1 <= start or keys[end - 1] not in _FIELD_HEADS:
        return start
    joined = False
    while start >= 2 and free[start - 1] and free[start - 2]:
        joint, field = start - 1, start - 2
        if not (keys[joint] == "and" or (keys[joint] == "," and joined)):
            break
        if not _trade_word(doc, keys, field) or doc[start].ent_type_ in _NOT_FIELDS:
            break
        joined = True
        start = extend_left(doc, keys, free, field)
    return start


def _trade_word(doc: Doc, keys: Sequence[str], i: int) -> bool:
    return (
        capitalised(doc[i].text)
        and doc[i].tag_ in ("NNP", "NN", "NNS", "NNPS")
        and doc[i].ent_type_ not in _NOT_FIELDS
        and keys[i] not in TITLE_WORDS
        and keys[i] not in CALENDAR_WORDS
    )


def _proper(doc: Doc, keys: Sequence[str], i: int) -> bool:
    return (
        i >= 0
        and doc[i].tag_ == "NNP"
        and capitalised(doc[i].text)
        and keys[i] not in TITLE_WORDS
        and keys[i] not in CALENDAR_WORDS
    )


def subsidiary_end(doc: Doc, keys: Sequence[str], end: int) -> int | None:
    """The end of a longer organisation a listed one opens: `PetroVietnam` + `Power
    Corporation`; at least one name word must come before the head noun."""
    stop = end
    while stop < len(doc) and capitalised(doc[stop].text) and keys[stop] not in TITLE_WORDS:
        stop += 1
        if keys[stop - 1] in ORG_HEADS and stop - end >= 2 and keys[end] not in ORG_HEADS:
            return stop
    return None


def title_after(doc: Doc, keys: Sequence[str], end: int) -> str | None:
    """A title in apposition: `Nguyen Van An, Chairman of the Cashew Association, said`."""
    n = len(doc)
    if end + 1 >= n or doc[end].text != ",":
        return None
    first = end + 1
    while first < n and (keys[first] in DETERMINERS or keys[first] in NATIONALITY_QUALIFIERS):
        first += 1
    if first >= n or keys[first] not in TITLE_WORDS - HONORIFICS - {"party", "state"}:
        return None
    stop = first
    while stop < n and stop - first < 12:
        word = doc[stop].text
        if not (capitalised(word) or keys[stop] in CONNECTORS or keys[stop] in TITLE_WORDS):
            break
        stop += 1
    while stop > first and keys[stop - 1] in CONNECTORS:
        stop -= 1
    return doc[first:stop].text or None


def title_before(doc: Doc, keys: Sequence[str], start: int) -> str | None:
    """A free-form title written just before a name (`Agriculture Minister` Do Duc Duy)."""
    first = start
    while first > 0:
        previous = first - 1
        if keys[previous] == ")" and previous >= 2 and keys[previous - 2] == "(":
            first = previous - 2  # an acronym inside the title: `Chairman of ... (VASEP)`
        elif (
            doc[previous].text[:1].isupper()
            or keys[previous] in CONNECTORS
            or keys[previous] in TITLE_WORDS
            or keys[previous] in ADMINISTRATIVE_WORDS
            or (keys[previous] in ("'s", "'") and doc[previous].tag_ == "POS")
        ):
            first = previous
        else:
            break
    while first < start and (
        keys[first] in CONNECTORS
        or keys[first] in NATIONALITY_QUALIFIERS
        or keys[first] in DETERMINERS
    ):
        first += 1
    last = start
    while last > first and keys[last - 1] in HONORIFICS:
        last -= 1
    if not any(keys[i] in TITLE_WORDS - HONORIFICS for i in range(first, last)):
        return None
    return doc[first:last].text or None


_ADMINISTRATIVE_PLACES = frozenset({"province", "city", "district", "town", "commune", "ward"})
_LOCAL_BODIES = frozenset({"committee", "council"})  # `People's Committee of ...`


def place_end(doc: Doc, keys: Sequence[str], end: int) -> int:
    """The end of a body's name that the model cut inside its place: `the People's Committee
    of Binh` + `Duong province`; the place's name words up to its administrative noun."""
    if end + 1 < len(doc) and keys[end] == "of" and keys[end - 1] in _LOCAL_BODIES:
        start = end + 1  # `the People's Committee` + `of Ho Chi Minh City`
    elif end >= 2 and keys[end - 2] == "of" and capitalised(doc[end - 1].text):
        start = end  # the model's span holds the place's first word
    else:
        return end
    stop = start
    while stop < len(doc) and stop - start < 4 and is_name_word(doc[stop].text):
        if doc[stop - 1].whitespace_ == "" or keys[stop] in TITLE_WORDS:
            return end
        stop += 1
    if stop > start and stop < len(doc) and keys[stop] in _ADMINISTRATIVE_PLACES:
        return stop + 1
    if stop > start and start > end and doc[stop - 1].ent_type_ == "GPE":
        return stop  # `... of Ho Chi Minh City`
    return end


Mention = TypeVar("Mention", bound="Placed")


class Placed(Protocol):
    """An actor mention: token offsets and type."""

    start: int
    end: int
    type: str


def without_countries_in_names(found: list[Mention]) -> list[Mention]:
    """Drop a country mention that is part of an organisation's name (`Vietnam` Steel
    Association, Bank for Investment and Development `of Vietnam`, `Vietnam-Canada` ...)."""
    inside = {i for f in found if f.type == "ORG" for i in range(f.start, f.end)}
    return [f for f in found if not (f.type == "GPE" and f.start in inside)]
