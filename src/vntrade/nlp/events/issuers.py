"""Who issues a Vietnamese legal document, and the names directives give their issuers.

The day a document takes effect, and a deadline to implement it, belong to the body its
number's code names, not to whoever signed it (its signing stays the signer's: annotators
and analysts write "Deputy PM Phoc signed Decree 73"): "Decision No. 1103/QĐ-BCT" is the
Ministry of Industry and Trade's, "Decree 73/2025/NĐ-CP" the Government's (Vietnam),
"Official Letter No. 3456/UBND-KT" the People's Committee the sentence names; a document of
the Prime Minister (`…/CĐ-TTg`) stays its signer's. Without a code, a document signed by a
minister or deputy minister is that ministry's when the article names the ministry, and an
uncoded decree stays its signer's. The body then leads the event's actors and the signer
follows.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vntrade.nlp.events.groups import HOME_COUNTRY

if TYPE_CHECKING:
    from vntrade.names import NameIndex
    from vntrade.nlp.events.mentions import Mentions

# The issuer codes of Vietnam's documents, after the document type ("QĐ-BCT") or alone
# ("BTC-CST", a letter of the Ministry of Finance's tax policy department).
_ISSUER_CODES = {
    "CP": HOME_COUNTRY,
    "BCT": "Ministry of Industry and Trade",
    "BTC": "Ministry of Finance",
    "NHNN": "State Bank of Vietnam",
    "BNNMT": "Ministry of Agriculture and Environment",
    "BNNPTNT": "Ministry of Agriculture and Rural Development",
    "BNG": "Ministry of Foreign Affairs",
    "BCA": "Ministry of Public Security",
    "BKHĐT": "Ministry of Planning and Investment",
    "BKHDT": "Ministry of Planning and Investment",
    "BKHCN": "Ministry of Science and Technology",
    "BXD": "Ministry of Construction",
    "BTP": "Ministry of Justice",
    "VPCP": "Government Office",
    "TCHQ": "Vietnam Customs",
}
_LOCAL_CODE = "UBND"  # a People's Committee's
_DOCUMENT_TYPES = frozenset(
    {"QĐ", "QD", "NĐ", "ND", "TT", "CT", "CĐ", "CD", "NQ", "KH", "TB", "CV", "HD", "TTLT"}
)
_CODE = re.compile(r"\b\d+/(?:\d{4}/)?(?P<code>[A-ZĐa-z]+(?:-[A-ZĐa-z]+)*)\b")
_DOCUMENT = (
    r"(?:decrees?|circulars?|decisions?|directives?|resolutions?|dispatch(?:es)?|letters?|plans?)"
)
_DOCUMENT_WORD = re.compile(rf"\b{_DOCUMENT}\b", re.IGNORECASE)
# The document is what the clause puts into effect or asks to implement: the day it takes
# effect is its issuer's, while its signing stays the signer's ("X signed Decree 73").
_IN_EFFECT = re.compile(
    rf"\b{_DOCUMENT}\b(?:No\.|[^.;]){{0,120}}?\b(?:takes?\s+effect|took\s+effect|effective|"
    rf"comes?\s+into\s+(?:effect|force)|dated)|\bimplement\w*\s+(?:\S+\s+){{0,3}}?{_DOCUMENT}",
    re.IGNORECASE,
)
_ISSUING = re.compile(
    rf"\b(?:issu|promulgat)\w*\s+(?:\S+\s+){{0,3}}?{_DOCUMENT}\s+(?:No\.?\s*)?\d", re.IGNORECASE
)
_MINISTER = re.compile(r"\b(?:Deputy\s+|Vice\s+)?Minister\s+of\s+(?P<field>[A-Z][\w ,]+?)$")
_ISSUED_KINDS = ("decision", "tariff measure", "deadline")


def issuer_first(
    names: list[str], text: str, span: tuple[int, int], kind: str, mentions: Mentions
) -> list[str]:
    """`names` with the issuer of the document the clause at `span` puts into effect first,
    before the person who signed it or the country its owner was taken to be; unchanged when
    another body already leads."""
    if kind not in _ISSUED_KINDS:
        return names
    # a person, named or only referred to ("the Minister of Industry and Trade")
    signed = bool(names) and mentions.types.get(names[0], "PERSON") == "PERSON"
    clause = text[span[0] : span[1]]
    if not (signed or not names or names[0] == HOME_COUNTRY):
        return names
    if _IN_EFFECT.search(clause):
        told = clause if _CODE.search(clause) else _told_before(text, span[0], clause)
        body = _coded_issuer(told, names)
        if body is None and signed:
            body = _signer_body(names[0], mentions)
    elif _ISSUING.search(clause):
        # "Minister X issued Circular No. 12/2025/TT-BCT": a ministry's coded document
        # is the ministry's however it is told; a decree's signing stays its signer's
        body = _coded_issuer(clause, names)
        body = None if body == HOME_COUNTRY else body
    else:
        body = None
    if body is None or body in names[:1]:
        return names
    return list(dict.fromkeys([body, *names]))


def _told_before(text: str, start: int, clause: str) -> str:
    """The numbered form an earlier sentence gives the document a clause names only by its
    type ("The Circular takes effect": "Circular No. 12/2025/TT-BCT" before it); "" when
    none does."""
    kind = _DOCUMENT_WORD.search(clause)
    if kind is None:
        return ""
    numbered = re.compile(rf"\b{kind.group()}\s+(?:No\.?\s*)?\d+/\S+", re.IGNORECASE)
    found = list(numbered.finditer(text, 0, start))
    return found[-1].group() if found else ""


def _coded_issuer(clause: str, names: list[str]) -> str | None:
    for match in _CODE.finditer(clause):
        parts = match["code"].split("-")
        code = parts[1] if parts[0].upper() in _DOCUMENT_TYPES and len(parts) > 1 else parts[0]
        if code.upper() == _LOCAL_CODE:
            return next((n for n in names if n.endswith("People's Committee")), None)
        if code in _ISSUER_CODES:
            return _ISSUER_CODES[code]
    return None


def _signer_body(signer: str, mentions: Mentions) -> str | None:
    found = _MINISTER.search(mentions.roles.get(signer) or "")
    ministry = f"Ministry of {found['field']}" if found else None
    return ministry if ministry in mentions.types else None


def state_of(name: str | None) -> str | None:
    """ "The Government" or "the Cabinet" that issues an order in Vietnam's press is
    Vietnam's."""
    bare = (name or "").removeprefix("the ").removeprefix("The ")
    return HOME_COUNTRY if bare in ("Government", "Cabinet") else name


def canonical_name(name: str | None, names: NameIndex) -> str | None:
    """The actor a directive's issuer or addressee names, when it names exactly one."""
    if not name:
        return None
    matches = names.match(name)
    return next(iter(matches)) if len(matches) == 1 else name
