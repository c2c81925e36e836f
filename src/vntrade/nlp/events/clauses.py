"""The clauses of a sentence, cut at punctuation and subordinators: where a date's event is
told, and how much of the sentence its summary reads."""

from __future__ import annotations

import re

# Clause boundaries: a comma before a subordinator or participle; "that", "whether" and a
# subject-opening "as"; the end of a quotation; semicolons and spaced dashes.
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:as|while|when|whereas|amid|after|before|following|which|who|whom|where|"
    r"although|though|but|because|since|thus|noting|saying|adding|stressing|initiating|"
    r"expressing|highlighting|urging|calling|according|in\s+answer|in\s+response)\b)"
    r"|\s(?=(?:that|whether)\s)|(?<!such)(?<!well)\s(?=as\s+(?:he|she|they|it|we|the|[A-Z]))"
    r"|[,.]?[”\"]\s+|;\s+|\s[–—-]\s"
)


_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\b")


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the clauses of the sentence `text[start:end]`, in order."""
    sentence = text[start:end]
    cuts = [0]
    if _OPENING_PARTICIPLE.match(sentence):  # "Addressing a meeting ..., Chinh noted"
        comma = sentence.find(", ")
        if comma > 0:
            cuts.append(comma + 2)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if not _scare_quote(sentence, match) and not _as_complement(sentence, match):
            cuts.append(match.end())
    cuts = sorted(set(cuts))
    bounds = [*cuts[1:], len(sentence)]
    spans = []
    for a, b in zip(cuts, bounds, strict=True):
        while b > a and sentence[b - 1] in " ,;:–—-":
            b -= 1  # the clause, not the punctuation that joins it to the next
        if b > a:
            spans.append((start + a, start + b))
    return spans


# Verbs whose object takes an "as" complement: "designated the ministry as the standing
# agency" is one clause, not "as the agency ..." opening another.
_AS_COMPLEMENT = re.compile(
    r"\b(?:designat|appoint|nam|elect|select|chos|choos|regard|consider|view|recogni[sz]|"
    r"list|describ|classif|identif|confirm|serv|act|position|label|brand|cit|treat|keep|"
    r"re-?elect|nominat|assign)\w*\b(?:\s+\S+){0,6}\s*$",
    re.IGNORECASE,
)


def _as_complement(sentence: str, match: re.Match[str]) -> bool:
    """Whether a subject-opening "as" is the complement of a verb before it."""
    opens_as = sentence.startswith("as ", match.end()) and not match.group().startswith(",")
    return opens_as and bool(_AS_COMPLEMENT.search(sentence, 0, match.start()))


def _scare_quote(sentence: str, match: re.Match[str]) -> bool:
    """Whether a break is only the closing mark of a few quoted words inside a clause
    ("unveils "reciprocal" tariffs"), not the end of a quotation ("... ready," he said)."""
    mark = match.group()
    if not mark.strip() or mark.strip()[0] not in '"”':
        return False
    opening = max(sentence.rfind('"', 0, match.start()), sentence.rfind("“", 0, match.start()))
    return opening >= 0 and len(sentence[opening + 1 : match.start()].split()) <= 3
