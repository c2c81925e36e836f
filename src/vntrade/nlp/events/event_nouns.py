"""What an event noun names: its kind from the kinds table ("press conference", "Decision
No. 1103/QĐ-BCT", "a letter requesting support"), and whether an order, decision or letter
sets tariffs ("an order raising duties", "the decision to pause most of the tariffs")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vntrade.nlp.events import arguments as parts
from vntrade.nlp.events import kind_words as words
from vntrade.nlp.events.kind_words import lexicon, verb_lemma
from vntrade.nlp.events.measure_cues import faces_levy, tells_levy_faced
from vntrade.nlp.events.per_token import once_per_token

if TYPE_CHECKING:
    from spacy.tokens import Token

TOPIC_PREPOSITIONS = ("on", "about", "over", "regarding", "concerning")  # "talks on a deal"


@once_per_token  # several rules and dates look at the same noun
def noun_kind(noun: Token) -> str | None:
    """The kind a noun names: its compound with its modifier ("press conference"), then its
    lemma ("conference")."""
    nouns = lexicon()[2]
    lemma = parts.lemma(noun)
    children = list(noun.children)  # each pass over `noun.children` makes new tokens
    drafted = any(c.lower_ == "draft" and c.dep_ in ("amod", "compound") for c in children)
    if drafted and nouns.get(lemma) == "decision":
        return "announcement"  # "published a draft decree": a proposal, not yet decided
    if lemma == "order" and any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return "agreement"  # "finalised an order for 100 jets": a purchase
    modifiers = {c.lower_ for c in children}
    if lemma == "rate" and modifiers & _MONEY_RATES:
        return "decision"  # "set the dong's daily reference rate": monetary policy, no tariff
    if lemma in words.REMEDY_FINDINGS and modifiers & {"preliminary", "final"}:
        return "decision"  # "issued final affirmative determinations": a trade-remedy ruling
    for child in children:
        if child.dep_ in ("compound", "amod") and child.i == noun.i - 1:
            kind = nouns.get(f"{parts.lemma(child)} {lemma}") or nouns.get(
                f"{child.lower_} {lemma}"
            )
            if kind:
                return kind
        if child.dep_ == "prep" and child.lower_ == "of":  # "letter of intent"
            for pobj in parts.pobjects(child):
                kind = nouns.get(f"{lemma} of {parts.lemma(pobj)}")
                if kind:
                    return kind
    kind = nouns.get(lemma) or nouns.get(noun.lower_)
    if kind is None and lemma in _CHANGES and _of_tariffs(noun):
        return "tariff measure"  # "announced a 90-day suspension of the higher tariffs"
    if kind is None and lemma in words.CONTAINERS:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "of":
                kind = next(filter(None, map(noun_kind, parts.pobjects(child))), None)
    if kind is None and _numbered(noun):
        # "Decision No. 1103/QĐ-BCT": the kind of what is numbered
        named = [c for c in noun.lefts if c.dep_ in ("compound", "nmod", "amod")]
        kind = next(filter(None, map(noun_kind, named)), None)
    if lemma in words.REQUEST_PAPERS and any(
        c.dep_ in ("acl", "relcl") and parts.lemma(c) in words.REQUESTING for c in children
    ):
        return "decision"  # "a letter requesting support": a formal request
    return kind


def _numbered(noun: Token) -> bool:
    """Whether a noun is, or has, a number ("No.", "1103/QĐ-BCT", "Decision No. ...")."""
    if noun.lower_ in ("no", "no.", "number") or any(map(str.isdigit, noun.text)):
        return True
    return any(c.dep_ == "nummod" or c.lower_ == "no" for c in noun.lefts)


def sets_tariffs(verb: Token) -> bool:
    """Whether a participle or infinitive after the verb sets tariffs ("signed an order on
    July 31 raising duties", "issued a decree to cut import taxes"), wherever the parser
    attached it."""
    for token in verb.subtree:
        # the parser may tag the participle a noun: "signed an order exempting coffee"
        participle = token.tag_ in ("VBG", "VB") or token.lower_.endswith("ing")
        if token.i <= verb.i or token.pos_ not in (*parts.PREDICATE, "NOUN") or not participle:
            continue
        if token.lower_ in _INFORMING and tells_levy_faced(token):
            return True  # "sent a letter informing him that goods would face a 25% tariff"
        if verb_lemma(token.text) not in words.SETTING or _in_time_phrase(token, verb):
            continue
        objects = [c for c in token.children if c.dep_ == "dobj"]
        # "exempting coffee from tariffs", the "from" phrase maybe hung on the verb
        froms = [c for h in (token, verb) for c in h.children if c.lower_ == "from"]
        away = [p for c in froms for p in parts.pobjects(c)]
        nouns = _with_of([token.head, *parts.objects(token), *objects, *away])
        if any(noun_kind(n) == "tariff measure" for n in nouns if n.pos_ == "NOUN"):
            return True
    return False


_INFORMING = frozenset({"informing", "notifying", "telling", "saying", "stating", "warning"})


def _in_time_phrase(token: Token, verb: Token) -> bool:
    """Whether a word sits in a phrase of time on the verb's clause ("..., following the US
    decision to suspend the tariffs"): another happening, not what the verb's paper does."""
    while token.i != verb.i and token.head.i != token.i:
        if token.lower_ in ("following", "after", "before", "amid") and token.dep_ != "ROOT":
            return True
        token = token.head
    return False


def sets_tariff_objects(verb: Token) -> bool:
    """Whether a verb of setting acts on tariffs ("removes the duty", "cut most of them")."""
    if verb.pos_ not in parts.PREDICATE or verb_lemma(verb.text) not in words.SETTING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb_lemma(verb.text) == "exempt":  # "exempted electronics from the tariffs"
        heads = [verb, *objects]  # the "from" phrase may hang on the object
        objects += [
            p for h in heads for c in h.children if c.lower_ == "from" for p in parts.pobjects(c)
        ]
    return any(noun_kind(n) == "tariff measure" for n in _with_of(objects) if n.pos_ == "NOUN")


def _with_of(nouns: list[Token]) -> list[Token]:
    """Nouns and what their "of" phrases name ("most of the tariffs", "the start of the
    duties")."""
    return [*nouns, *(p for n in nouns for p in parts.of_objects(n))]


# What makes a rate a price of money, not a tariff ("the reference rate", "interest rates").
_MONEY_RATES = frozenset(
    {"reference", "exchange", "interest", "central", "policy", "refinancing", "discount"}
    | {"lending", "deposit", "mortgage", "forward", "spot", "benchmark", "prime"}
)
# Nouns of a change that a tariff undergoes ("a suspension of the tariffs", "an increase in
# duties"); not a change of trade ("a suspension of rice imports").
_CHANGES = frozenset(
    {"suspension", "increase", "reduction", "extension", "postponement", "delay", "removal"}
    | {"doubling", "lifting", "easing", "rollback"}
)


def _of_tariffs(noun: Token) -> bool:
    return any(
        noun_kind(pobj) == "tariff measure"
        for child in noun.children
        if child.dep_ == "prep" and child.lower_ in ("of", "on", "in", "to")
        for pobj in parts.pobjects(child)
    )


def tariff_content(noun: Token) -> str | None:
    """ "tariff measure" for an order, a decision or letters whose clause sets tariffs
    ("an order raising duties", "the decision to pause the tariffs") or that are the means
    of setting them ("cut duties by a decree signed on March 31"); a deal that sets tariffs
    stays a deal."""
    kind = noun_kind(noun)
    if kind not in ("decision", "announcement", "report", None) or (
        kind is None and noun.dep_ != "dobj"
    ):
        return None  # a deal, a person ("announced by the president, which sets ...")
    means = noun.head
    if noun.dep_ == "pobj" and means.lower_ in ("by", "under", "through", "via"):
        setter = means.head
        sets = setter.pos_ in parts.PREDICATE and verb_lemma(setter.text) in words.SETTING
        if sets and any(noun_kind(n) == "tariff measure" for n in parts.objects(setter)):
            return "tariff measure"
        if setter.pos_ in parts.PREDICATE and faces_levy(setter):
            return "tariff measure"  # "Malaysia faces a 24% tariff under the US announcement"
    if noun.dep_ == "pobj" and means.lower_ == "in" and _set_in(means.head):
        return "tariff measure"  # "the rate was set in an order", "set out in a letter"
    if noun.dep_ == "nsubj" and sets_tariff_objects(noun.head):
        return "tariff measure"  # "the new order ... removes the 20% duty on cocoa"
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in parts.PREDICATE:
            inner = _with_of([*parts.objects(child), *parts.subjects(child, relative=False)])
            if any(noun_kind(n) == "tariff measure" for n in inner):
                return "tariff measure"
            if tells_levy_faced(child):  # "a letter informing him that goods would face ..."
                return "tariff measure"
    return None


def _set_in(setter: Token) -> bool:
    """Whether a verb of setting sets a rate or tariff, named as its object, its passive
    subject or what its relative clause describes ("the 32% that Washington had set out in
    a letter", "the new rate was set in an order")."""
    if setter.pos_ not in parts.PREDICATE or verb_lemma(setter.text) not in words.SETTING:
        return False
    nouns = [
        *parts.objects(setter),
        *(c for c in setter.children if c.dep_ in ("nsubjpass", "dobj")),
        *([setter.head] if setter.dep_ in ("relcl", "acl") else []),
    ]
    return any(noun_kind(n) == "tariff measure" or _percent(n) for n in _with_of(nouns))


def _percent(noun: Token) -> bool:
    return noun.lower_ in ("%", "percent", "cent") or any(
        c.lower_ in ("%", "percent") for c in noun.children
    )


def first_kind(nouns: list[Token]) -> str | None:
    """The kind of the first noun of `nouns` that names one."""
    found = first_noun(nouns)
    return found[0] if found else None


def first_noun(nouns: list[Token]) -> tuple[str, str] | None:
    """The kind of the first noun that names one, and its words; an object "setting tariff
    rates" is a tariff measure whatever it is (an order, letters)."""
    nouns = [found for noun in nouns for found in dict.fromkeys((_topic_holder(noun), noun))]
    for noun in nouns:
        if tariff_content(noun):
            return "tariff measure", noun.text
    for noun in nouns:
        kind = noun_kind(noun)
        if kind:
            return kind, _noun_words(noun)
    return None


def _topic_holder(noun: Token) -> Token:
    """The noun a topic belongs to: "agreement" in "the third round of negotiations on a
    trade agreement, scheduled to take place ..." (the parser hangs the participle on the
    topic) is the round's."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ in TOPIC_PREPOSITIONS
        and noun.head.head.pos_ == "NOUN"
    ):
        noun = noun.head.head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "round" of "round of negotiations"
    return noun


def _noun_words(noun: Token) -> str:
    """The noun with the compound words just before it ("phone talks")."""
    first = noun
    while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).head == noun:
        first = first.nbor(-1)
    return noun.doc[first.i : noun.i + 1].text


def remedy_finding(words_: str) -> bool:
    """Whether an event noun's words name a trade-remedy ruling ("final results"): a
    decision even when it sets rates."""
    last = words_.lower().split()[-1] if words_.strip() else ""
    return last.rstrip("s") in words.REMEDY_FINDINGS
