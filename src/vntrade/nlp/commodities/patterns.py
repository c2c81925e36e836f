"""General patterns for goods that are not in the gazetteer.

Goods are named in a few recurring frames: a list after `such as`/`including` that hangs on
a goods noun (`US goods such as ...`), the `of` phrase of a trade noun (`imports of ...`),
the `on` phrase of a trade measure (`tariffs on ...`), the `for` phrase of a market noun
(`open the market for ...`), the object of a trade verb (`buy ...`), the modifier of a
trade-flow noun (`durian exports`), and a list whose other items are known goods. Each
candidate noun phrase must then pass a head-noun test (concrete goods, not policy words,
money or places). The word lists live in `data/commodities/lexicon.jsonl`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from vntrade.nlp.commodities.lexicon import Lexicon
from vntrade.nlp.per_doc import sentence_ends

# Entity labels of names and numbers: never the head of a goods phrase.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME", "ORDINAL"})
# Tokens that end a list item (besides ',', 'and', 'or').
STOP_POS = frozenset({"ADP", "AUX", "PRON", "SCONJ", "PART", "INTJ"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
MAX_ITEMS = 12
# Parts of speech inside a list of goods (`the US corn, soybeans and cotton`).
_ITEM_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ"})
MAX_ITEM_TOKENS = 5


@dataclass(frozen=True, slots=True)
class Found:
    """A good found by a general pattern: tokens [start, end), canonical name, category."""

    start: int
    end: int
    name: str
    category: str


class GoodsFinder:
    """Finds goods named in trade frames; `covered` tokens (gazetteer hits) are left alone."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        lex = lexicon
        # The words a frame starts from (a list trigger's first word too, `such` of `such
        # as`): `_frames` makes a Token for these alone.
        first_words = {
            phrase[:at] for phrase in lex.list_trigger for at, ch in enumerate(phrase) if ch == " "
        }
        self.frame_words = frozenset().union(
            lex.list_trigger,
            first_words,
            lex.of_trigger,
            lex.on_trigger,
            lex.for_trigger,
            lex.verb_trigger,
            lex.flow,
        )

    def find(self, doc: Doc, norms: list[str], covered: dict[int, str]) -> list[Found]:
        """Goods in trade frames; `covered` maps gazetteer-hit tokens to their category."""
        found: dict[tuple[int, int], Found] = {}
        frames = [*self._frames(doc, norms, covered), *self._known_lists(doc, norms, covered)]
        for items, category in frames:
            for start, end in items:
                item = self._goods_phrase(doc, norms, start, end, covered, category)
                if item is not None:
                    found.setdefault((item.start, item.end), item)
        return sorted(found.values(), key=lambda item: item.start)

    def _frames(
        self, doc: Doc, norms: list[str], covered: dict[int, str]
    ) -> Iterator[tuple[list[tuple[int, int]], str | None]]:
        """Token ranges that a trade frame presents as goods, with the frame's category."""
        lex = self.lex
        for i in [i for i, norm in enumerate(norms) if norm in self.frame_words]:
            token, norm = doc[i], norms[i]
            after = norms[i + 1] if i + 1 < len(doc) else ""
            width = 2 if f"{norm} {after}" in lex.list_trigger else int(norm in lex.list_trigger)
            if width:
                items = list(self._list_items(doc, norms, i + width))
                anchor = self._goods_anchor(doc, norms, i)
                if anchor is not None:
                    yield items, covered.get(anchor) or lex.head_category.get(norms[anchor])
                elif self._mostly_known(items, covered):
                    yield items, None  # `..., including LNG, ethanol and X`: X is a good too
            elif token.pos_ in ("NOUN", "PROPN") and (
                (norm in lex.of_trigger and after == "of")
                or (norm in lex.on_trigger and after == "on")
                or (norm in lex.for_trigger and after == "for")
            ):
                yield list(self._list_items(doc, norms, i + 2)), None
            elif token.pos_ == "NOUN" and norm in lex.on_trigger and after == "of":
                on = self._on_after_rate(doc, norms, i + 2)
                if on is not None:  # `tariffs of up to 50 per cent on kitchen cabinets`
                    yield list(self._list_items(doc, norms, on + 1)), None
            elif token.pos_ == "VERB" and norm in lex.verb_trigger:
                yield list(self._list_items(doc, norms, i + 1)), None
            elif norm in lex.flow and token.tag_ in ("NNS", "NN") and i > 0:
                yield list(self._flow_modifier(doc, i)), None

    def _known_lists(
        self, doc: Doc, norms: list[str], covered: dict[int, str]
    ) -> Iterator[tuple[list[tuple[int, int]], str | None]]:
        """`dragon fruit, longans, star apples, mangoes and pomelos`: a list of three or
        more whose items are mostly known goods names goods in its other items too."""
        if len(covered) < 2:
            return  # no list can hold two known goods
        ends = sentence_ends(doc)
        known = sorted(covered)
        for i in self._list_starts(ends, known):
            token = doc[i]
            if token.pos_ not in _ITEM_POS or token.pos_ == "CCONJ" or (i and _in_item(doc[i - 1])):
                continue  # only from where a noun phrase begins
            items = list(self._list_items(doc, norms, i))
            if len(items) >= 3 and self._mostly_known(items, covered):
                labels = Counter(covered[k] for a, b in items for k in range(a, b) if k in covered)
                yield items, labels.most_common(1)[0][0]  # `soursops` among fruits

    @staticmethod
    def _list_starts(ends: list[int], known: list[int]) -> Iterator[int]:
        """The tokens a list of known goods may start at: a list stays in its sentence, so
        it starts where at least two known tokens follow in that sentence (walking the rest
        costs a token object a word)."""
        i = 0
        while i < len(ends):
            end = ends[i]  # the sentence of `i` is `i:end`
            last = bisect_left(known, end)
            if last - bisect_left(known, i) >= 2:
                yield from range(i, known[last - 2] + 1)  # two known tokens from here on
            i = end

    def _on_after_rate(self, doc: Doc, norms: list[str], i: int) -> int | None:
        """The `on` after a rate (`of up to 50 per cent on`), if a rate is all that comes
        between the measure and it."""
        for j in range(i, min(i + 7, len(doc))):
            if norms[j] == "on":
                return j if j > i else None
            token = doc[j]
            rate = token.like_num or token.ent_type_ in NUMERIC_LABELS or token.text == "%"
            if not (rate or norms[j] in ("up", "to", "per", "cent", "percent", "about", "some")):
                return None
        return None

    def _mostly_known(self, items: list[tuple[int, int]], covered: dict[int, str]) -> bool:
        """Whether at least two items, and half of them, are goods the gazetteer knows."""
        known = sum(any(k in covered for k in range(start, end)) for start, end in items)
        return known >= 2 and 2 * known >= len(items)

    def _goods_anchor(self, doc: Doc, norms: list[str], i: int) -> int | None:
        """The goods noun a list trigger hangs on (`products such as`), if there is one."""
        for j in range(i - 1, max(i - 4, -1), -1):
            token = doc[j]
            if token.is_punct:
                continue
            if token.pos_ in ("NOUN", "PROPN"):
                norm = norms[j]
                goods = norm in self.lex.hypernym or norm in self.lex.flow
                return j if goods or norm in self.lex.head_category else None
            if token.pos_ not in ("ADJ", "ADV"):
                return None
        return None

    def _flow_modifier(self, doc: Doc, i: int) -> Iterator[tuple[int, int]]:
        """`durian exports`: the noun compound right before a trade-flow noun."""
        if doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            return  # `re-exports` is one word
        start = i
        while start > 0:
            before = doc[start - 1]
            if before.tag_ in ("NN", "NNS") and before.dep_ in ("compound", "nmod"):
                start -= 1
            elif before.text == "-" and start > 1 and not doc[start - 2].whitespace_:
                start -= 2  # `agro-forestry exports`: keep the hyphenated word whole
            else:
                break
        if start < i:
            yield start, i

    def _list_items(self, doc: Doc, norms: list[str], i: int) -> Iterator[tuple[int, int]]:
        """Split `A, B C and D` into item ranges, stopping where the noun phrase list ends."""
        if i >= len(doc):
            return
        end_of_sentence = sentence_ends(doc)[i]
        start, j, items, last = i, i, 0, False
        while j < end_of_sentence and items < MAX_ITEMS:
            token, norm = doc[j], norms[j]
            if token.text in (",", ";") or norm in ("and", "or", "&"):
                if j > start:
                    yield start, j
                    items += 1
                if last or token.text == ";":
                    return
                last = norm in ("and", "or", "&")
                if token.text == "," and j + 1 < len(doc) and norms[j + 1] in ("and", "or"):
                    j += 1
                    last = True
                start = j + 1
            elif norm == "of" and j > start and self._measure(doc[j - 1], norms[j - 1]):
                start = j + 1  # `10 million tonnes of wheat`: the good follows `of`
            elif self._ends_item(doc, norms, j):
                break
            j += 1
        if j > start:
            yield start, j

    def _measure(self, token: Token, norm: str) -> bool:
        return norm in self.lex.unit or token.like_num or token.ent_type_ in NUMERIC_LABELS

    def _ends_item(self, doc: Doc, norms: list[str], j: int) -> bool:
        token, norm = doc[j], norms[j]
        if token.is_space:
            return "\n" in token.text  # a title or paragraph ends the list
        if token.tag_ == "POS":
            return False  # `distillers' grains`, `Vietnam's rice`
        if token.is_punct:
            return token.text not in ("-", "/", "&")
        following = norms[j + 1] if j + 1 < len(doc) else ""
        if norm in self.lex.list_trigger or f"{norm} {following}" in self.lex.list_trigger:
            return True  # `X, including Y`: Y is a list of its own, anchored on X
        if norm in ("worth", "valued", "totalling", "totaling"):
            return True
        if token.pos_ in STOP_POS and token.dep_ != "case":
            return True
        if token.pos_ == "VERB":
            # A participle before a noun modifies it (`frozen fish`); otherwise a clause starts.
            following = doc[j + 1].pos_ if j + 1 < len(doc) else ""
            return token.tag_ in FINITE_TAGS or following not in ("NOUN", "PROPN", "ADJ")
        return False

    def _goods_phrase(
        self,
        doc: Doc,
        norms: list[str],
        start: int,
        end: int,
        covered: dict[int, str],
        frame_category: str | None,
    ) -> Found | None:
        """Trim an item to its goods phrase and apply the head-noun test."""
        start, end = self._strip_left(doc, norms, start, end), self._strip_right(doc, end, start)
        if end > start + 1 and norms[end - 1] in self.lex.flow:
            end = self._strip_right(doc, end - 1, start)  # `pepper exports` names pepper
        if start >= end or end - start > MAX_ITEM_TOKENS:
            return None
        hits = [k for k in range(start, end) if k in covered]
        if hits and not self._narrows(doc, norms, start, end, hits):
            return None  # the gazetteer already names this good
        head = doc[end - 1]
        first = end - 1
        while first - 2 >= start and doc[first - 1].text == "-" and not doc[first - 2].whitespace_:
            first -= 2  # the head word `know-how` spans three tokens
        word = "".join(norms[first:end])
        if not self._concrete_head(head, {norms[end - 1], word}, has_modifier=first > start):
            return None
        if any(t.like_num or t.ent_type_ in NUMERIC_LABELS for t in doc[start:end]):
            return None
        if any(
            t.tag_ in FINITE_TAGS or (t.pos_ in STOP_POS and not _inner_possessive(t))
            for t in doc[start:end]
        ):
            return None
        category = (
            covered.get(end - 1)
            or self._category(norms[end - 1 : end])
            or frame_category
            or self._category(norms[start : end - 1])
            or "other"
        )
        return Found(start, end, surface_name(doc, start, end), category)

    def _narrows(self, doc: Doc, norms: list[str], start: int, end: int, hits: list[int]) -> bool:
        """`passion fruit`: nouns before a gazetteer head that names a class of goods."""
        first = hits[0]
        return (
            hits == list(range(first, end))
            and first > start
            and norms[end - 1] in self.lex.open_head
            and all(t.tag_ in ("NN", "NNS") and t.dep_ == "compound" for t in doc[start:first])
        )

    def _strip_left(self, doc: Doc, norms: list[str], start: int, end: int) -> int:
        """Drop determiners, numbers, places and generic adjectives before the good."""
        while start < end:
            group_end = start + 1
            while (
                group_end + 1 < end
                and doc[group_end].text in ("-", "/")
                and not (doc[group_end - 1].whitespace_ or doc[group_end].whitespace_)
            ):
                group_end += 2  # `US-made`, `high-quality`: one word across hyphens
            word = "".join(norms[start:group_end])
            token = doc[start]
            generic = (
                word in self.lex.generic_modifier
                or word in self.lex.unit
                or token.pos_ in ("DET", "PRON", "NUM", "SYM", "PUNCT", "ADV", "PART", "CCONJ")
                or token.like_num
                or token.ent_type_ in NUMERIC_LABELS
                or (token.ent_type_ in NAME_LABELS and not token.is_lower)
                or token.tag_ == "POS"
            )
            if not generic:
                return start
            start = group_end
        return start

    def _strip_right(self, doc: Doc, end: int, start: int) -> int:
        """Drop trailing punctuation, possessives and adverbs (`pomelos already have`)."""
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].pos_ == "ADV"
        ):
            end -= 1
        return end

    def _concrete_head(self, head: Token, words: set[str], has_modifier: bool) -> bool:
        """Head-noun test: a noun, not a policy word, a bare `goods`, a name or a number."""
        if head.pos_ not in ("NOUN", "PROPN") or not head.is_alpha:
            return False
        if words & self.lex.abstract or (words & self.lex.hypernym and not has_modifier):
            return False
        return not (head.ent_type_ in NAME_LABELS and not head.is_lower)

    def _category(self, norms: list[str]) -> str | None:
        """The category of the right-most word (or hyphen part) with a known category."""
        for norm in reversed(norms):
            for part in reversed(norm.split("-")):
                if part in self.lex.head_category:
                    return self.lex.head_category[part]
        return None


def _inner_possessive(token: Token) -> bool:
    """The `'s` of a compound good (`bird's nests`), after a common noun in lower case."""
    before = token.doc[token.i - 1] if token.i else None
    return token.tag_ == "POS" and before is not None and before.pos_ == "NOUN" and before.is_lower


def _in_item(token: Token) -> bool:
    """Whether `token` could be part of a list item (so the item starts before it)."""
    return token.text in (",", "-", "/") or token.pos_ in _ITEM_POS


def surface_name(doc: Doc, start: int, end: int) -> str:
    """The canonical name of a found good: its words lower-cased, acronyms kept as written."""
    parts = []
    for token in doc[start:end]:
        acronym = sum(ch.isupper() for ch in token.text) > 1  # `LNG`, `TVs`
        text = token.text if acronym else token.text.lower()
        parts.append(text + token.whitespace_)
    return "".join(parts).strip()
