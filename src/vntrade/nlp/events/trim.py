"""A summary made one readable line: punctuation and spacing cleaned, a fronted place and a
subject's title in apposition dropped when long, and the rest cut at a phrase boundary."""

from __future__ import annotations

import re

MAX_WORDS = 20
# The second half of a compound whose first half was a date ("a month-long campaign").
_HALF_COMPOUND = re.compile(r"(?:(?<=\s)|^)-[a-z]+\s+")
_EMPTY_BRACKETS = re.compile(r"\s*(?:\[[\s,;]*\]|\([\s,;]*\))")
_PHRASE_BREAK = re.compile(
    r"(?:,|\s(?=(?:in|on|at|to|for|with|from|of|by|and|as|that|which|while|amid|after|"
    r"before|under|over|into|during|following)\s))"
)
MIN_WORDS = 8
# Words a shortened summary must not end on.
_DANGLING = frozenset(
    {"on", "in", "at", "to", "for", "with", "from", "of", "by", "and", "or", "as", "that"}
    | {"which", "while", "amid", "after", "before", "under", "over", "into", "during"}
    | {"following", "the", "a", "an", "its", "their", "than", "between", "through", "but"}
    | {"against", "within", "across", "around", "about", "toward", "towards", "via", "per"}
)
# Of those, the words that open a phrase the cut may leave unfinished ("from as high"); a
# conjunction ("ministries and agencies") or an article only matters as the last word.
_OPENS_PHRASE = (
    _DANGLING - {"and", "or", "but", "that", "which", "while"} - {"the", "a", "an", "its", "their"}
)
# A summary that is only its source: "According to figures released by the ministry".
_ONLY_SOURCE = re.compile(
    r"according\s+to\s+(?P<det>(?:a|an|the)\s+)?(?P<thing>[^,]+?)\s+(?P<verb>released|"
    r"issued|published|posted|announced|compiled)\s+by\s+(?P<agent>[^,…]+)",
    re.IGNORECASE,
)
# A happening told only by its noun and its sides: "A phone call between X and Y".
_HELD_BETWEEN = re.compile(
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?=(?:a|an|the)\s))?"  # a subject glued before it
    r"(?P<det>[Aa]n?|[Tt]he)\s+(?P<what>(?:[\w-]+\s+){0,5}?(?:call|conversation|talks|meeting|"
    r"session|round\s+of\s+(?:negotiations|talks)))\s+between\s+(?P<sides>[^,;]+?\sand\s[^,;]+?)"
    r"(?P<rest>,[^…]*)?"
)
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|took|takes|said|says)\b")
# A subject glued to a fronted phrase of time: "Deputy PM X During his working trip to ...".
_GLUED_DURING = re.compile(
    r"(?P<who>[A-Z][^,]*?[a-z])\s+During\s+(?P<rest>(?:his|her|their|its)\s.+)"
)
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_EXTRA_COMMAS = re.compile(r"(?:,\s*)+(?=,|$)")
# Bracketed asides, a bracket the clause ended inside ("took place (local time"), photo
# credits, quotation marks, stray combining accents.
_NOISE = re.compile(
    r"\s*\((?:[^()]*)\)|\s*\([^()]{0,30}$|__Photo.*$|[\"“”]|\s*\./\.$|\s[\u0300-\u036f]+"
)


def finish(summary: str, capitalise: bool = True) -> str:
    """Clean punctuation and spacing, capitalise, and trim to MAX_WORDS words."""
    summary = _EMPTY_BRACKETS.sub("", _NOISE.sub("", summary))
    summary = _HALF_COMPOUND.sub("", summary)
    summary = _SPACE_BEFORE_MARK.sub(r"\1", " ".join(summary.split()))
    summary = _EXTRA_COMMAS.sub("", summary).strip(" ,;:.-–—")
    source = _ONLY_SOURCE.fullmatch(summary)
    if source:  # "According to data released by the office": the office released data
        summary = f"{source['agent']} {source['verb']} {source['det'] or ''}{source['thing']}"
    held = _HELD_BETWEEN.fullmatch(summary)
    if held and not _FINITE.search(f"{held['what']} {held['sides']}"):  # "A call between X and Y"
        sides, mark = held["sides"].rstrip("…"), "…" if held["sides"].endswith("…") else ""
        summary = f"{sides} held {held['det'].lower()} {held['what']}{held['rest'] or ''}{mark}"
    during = _GLUED_DURING.fullmatch(summary)
    if during:  # "X During his working trip to the US": X was on his working trip
        summary = f"{during['who']} was on {during['rest']}"
    words = summary.split()
    if len(words) > MAX_WORDS:
        # a long clause loses its fronted place ("At a briefing in Hanoi, X …") and title
        summary = _APPOSED_TITLE.sub(r"\g<name> ", _FRONTED_PLACE.sub("", summary, count=1), 1)
        words = summary.split()
    if len(words) > MAX_WORDS:
        summary = _shorten(" ".join(words[: MAX_WORDS + 1])) + "…"
    return summary[:1].upper() + summary[1:] if capitalise else summary


_FRONTED_PLACE = re.compile(  # a city's country may follow it: "in Kuala Lumpur, Malaysia,"
    r"^(?i:At|In|On|During|Speaking at|Addressing)\s+(?i:the|a|an|its|his|her)\s[^,]{3,80}"
    r"(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?(?=,))?,\s+"
)
# A named subject, its title or description between commas, then its verb.
_APPOSED_TITLE = re.compile(
    r"^(?P<name>(?:(?:Comrade|Mr\.?|Ms\.?|Dr\.?)\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}),"
    r"\s+(?=[A-Z]|(?:a|an|the|its|his|her|chairman|director|head|member|chief)\b)[^,]{3,200}?,"
    r"\s+(?=(?!(?:and|or|but|who|which|as|while|whose)\b)[a-z]+\b(?<!ing\b))"
)


def _shorten(words: str) -> str:
    """`words` up to MAX_WORDS words, cut before the last phrase that would not fit whole
    (a comma, a preposition or a conjunction), when that leaves MIN_WORDS words or more."""
    cuts = [m.start() for m in _PHRASE_BREAK.finditer(words)]
    fit = " ".join(words.split()[:MAX_WORDS])
    cuts = [c for c in cuts if c <= len(fit) and len(words[:c].split()) >= MIN_WORDS]
    kept = (words[: cuts[-1]] if cuts else fit).rstrip(" ,;:").split()
    # never end on "from", "during", "the", nor one word into their phrase: "…32% from as high…"
    opens = [i for i in range(max(0, len(kept) - 3), len(kept)) if kept[i].lower() in _OPENS_PHRASE]
    if opens and opens[-1] >= MIN_WORDS and len(kept) - opens[-1] <= 2:
        kept = kept[: opens[-1]]  # a phrase cut after its first word ("as high")
    while len(kept) > MIN_WORDS and kept[-1].lower() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(" ,;:")
