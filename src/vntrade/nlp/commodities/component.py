"""The `vntrade_commodities` component: traded goods with a canonical name and a category.

Goods come from a shipped gazetteer (`data/commodities/gazetteer.jsonl`, plus a user's JSONL
file, `--commodities FILE`) matched on lower-case singular word forms, from token
patterns in the same files (`Boeing 787`), and from general patterns for goods the
gazetteer lacks (`patterns`). Results go to `doc.spans[spans_key]` (`vntrade_commodities`).
The data comes to `initialize` from the config's `[initialize]` block through the reader
`vntrade.commodity_tables.v1` and is saved with the pipeline (`to_disk`, `to_bytes`), so a
saved pipeline keeps a user's goods.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry

from vntrade.errors import DataFileError
from vntrade.nlp.commodities.lexicon import (
    GAZETTEER_FILE,
    LEXICON_FILE,
    USER_FILE,
    Entry,
    doc_normal_forms,
    load_lexicon,
    merge_entries,
    normal_form,
    parse_entries,
    shipped_tables,
    user_records,
)
from vntrade.nlp.commodities.patterns import NAME_LABELS, Found, GoodsFinder
from vntrade.nlp.extensions import COMMODITY_SPANS, register_extensions
from vntrade.nlp.jsonl import Records, TableData, Tables

_ALIAS = ""  # trie key where an alias ends; no word has an empty normal form

# Single-token hits with these parts of speech are verbs or function words (`ship`, `produce`).
NON_NOMINAL_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "PRON", "DET", "SCONJ", "CCONJ"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
CLAUSE_DEPS = frozenset({"ROOT", "xcomp", "ccomp", "advcl", "relcl", "pcomp"})


@registry.readers("vntrade.commodity_tables.v1")
def read_commodity_tables(extra: str | None = None) -> Tables:
    """The shipped gazetteer and word lists, and a user's goods (`--commodities FILE`; None:
    none) as `user_commodities.jsonl`."""
    tables = shipped_tables()
    tables[USER_FILE] = user_records(extra) if extra else []
    return tables


@Language.factory(
    "vntrade_commodities",
    assigns=["doc.spans"],
    requires=["token.tag", "token.pos", "token.dep", "token.ent_iob", "token.ent_type"],
    default_config={"spans_key": COMMODITY_SPANS},
)
def make_commodities(nlp: Language, name: str, spans_key: str) -> CommodityTagger:
    register_extensions()
    return CommodityTagger(nlp, name=name, spans_key=spans_key)


class CommodityTagger(TableData):
    """Finds traded goods and gives them a canonical name and category."""

    read_tables = staticmethod(read_commodity_tables)

    def __init__(
        self, nlp: Language, *, name: str = "vntrade_commodities", spans_key: str = COMMODITY_SPANS
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.tokenizer = nlp.tokenizer  # not `nlp` itself: the component pickles on its own
        self.tables: Tables = {}
        self.finder: GoodsFinder | None = None
        self.set_entries([])

    def set_tables(self, tables: Mapping[str, Records]) -> None:
        """Build the matchers and word lists from the gazetteer, a user's goods (same name:
        more aliases, their category) and the general patterns' word lists."""
        user = parse_entries(tables.get(USER_FILE, ()))
        self.set_entries(merge_entries(parse_entries(tables[GAZETTEER_FILE]), user))
        self.finder = GoodsFinder(load_lexicon(tables[LEXICON_FILE]))
        self.tables = dict(tables)

    def set_entries(self, entries: list[Entry]) -> None:
        """Build the matchers for `entries` (replacing any earlier ones)."""
        self.entries = entries
        self.matcher = Matcher(self.vocab)
        # alias key (normal forms) -> (entry, whether the alias is written with capitals)
        self.aliases: dict[tuple[str, ...], tuple[Entry, bool]] = {}
        # The aliases' keys as a trie of normal forms (`_ALIAS` marks where one ends): a
        # doc's normal forms are no token attribute, so they are matched here rather than by a
        # PhraseMatcher over a second Doc made of them.
        self.alias_trie: dict[str, dict] = {}
        for entry in entries:
            for alias in [entry.name, *entry.aliases]:
                key = tuple(normal_form(t.text) for t in self.tokenizer(alias))
                cased = any(ch.isupper() for ch in alias)
                if key and key not in self.aliases:
                    node = self.alias_trie
                    for word in key:
                        node = node.setdefault(word, {})
                    node[_ALIAS] = {}
                self.aliases[key] = (entry, cased)
            if entry.patterns:
                try:
                    self.matcher.add(entry.name, entry.patterns)
                except (ValueError, TypeError, KeyError) as error:
                    raise DataFileError(
                        f"commodity {entry.name!r}: bad token pattern ({error})"
                    ) from None
        self.by_name = {entry.name: entry for entry in entries}
        self.pattern_starts = _first_words([p for entry in entries for p in entry.patterns])

    def __call__(self, doc: Doc) -> Doc:
        if self.finder is None:
            raise ValueError(f"{self.name}: not initialized (call `initialize` or `from_disk`)")
        norms = doc_normal_forms(doc)
        spans = self._gazetteer_spans(doc, norms) + self._pattern_spans(doc)
        spans += self._shared_heads(doc, norms, spans) + self._shared_modifiers(doc, norms, spans)
        covered = {i: span.label_ for span in spans for i in range(span.start, span.end)}
        found = self.finder.find(doc, norms, covered)
        spans += [Span(doc, f.start, f.end, label=f.category, kb_id=f.name) for f in found]
        spans += self._repeats(doc, norms, found, spans)
        doc.spans[self.spans_key] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc

    def _alias_matches(self, norms: list[str]) -> list[tuple[int, int]]:
        """Every (start, end) whose normal forms are an alias's key, by start then end (as a
        PhraseMatcher gives them)."""
        root = self.alias_trie
        found = []
        for start in [i for i, norm in enumerate(norms) if norm in root]:
            node = root
            for end in range(start, len(norms) + 1):
                if _ALIAS in node and end > start:
                    found.append((start, end))
                if end == len(norms):
                    break
                node = node.get(norms[end])  # type: ignore[assignment]
                if node is None:
                    break
        return found

    def _gazetteer_spans(self, doc: Doc, norms: list[str]) -> list[Span]:
        if not len(doc):
            return []
        spans = []
        for start, end in self._alias_matches(norms):
            entry, cased = self.aliases[tuple(norms[start:end])]
            span = Span(doc, start, end, label=entry.label, kb_id=entry.name)
            if self._is_goods_mention(span, cased) and not _one_object(span, entry):
                spans.append(span)
        return spans

    def _shared_heads(self, doc: Doc, norms: list[str], spans: list[Span]) -> list[Span]:
        """`agricultural and aquatic products`: modifiers coordinated before a known head."""
        extra = []
        for span in spans:
            head = tuple(norms[span.start + 1 : span.end])
            j = span.start - 1
            while head and j >= 1 and norms[j] in ("and", "or", ","):
                k = j - 2 if norms[j] != "," and norms[j - 1] == "," else j - 1  # `X, and`
                known = self.aliases.get((norms[k], *head)) if k >= 0 else None
                if known is None or doc[k].pos_ not in ("ADJ", "NOUN", "PROPN"):
                    break
                extra.append(Span(doc, k, k + 1, label=known[0].label, kb_id=known[0].name))
                j = k - 1
        return extra

    def _shared_modifiers(self, doc: Doc, norms: list[str], spans: list[Span]) -> list[Span]:
        """`solar cells and modules`: a bare noun after a known good takes its modifiers."""
        extra = []
        for span in spans:
            k = span.end + 1
            if len(span) < 2 or k >= len(doc) or norms[span.end] not in ("and", "or"):
                continue
            if doc[k].pos_ != "NOUN" or (k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"):
                continue  # `solar cells and battery packs` names its own good
            known = self.aliases.get((*norms[span.start : span.end - 1], norms[k]))
            if known is not None:
                extra.append(Span(doc, k, k + 1, label=known[0].label, kb_id=known[0].name))
        return extra

    def _pattern_spans(self, doc: Doc) -> list[Span]:
        starts = self.pattern_starts
        if starts is not None and starts.isdisjoint(doc.to_array(LOWER).tolist()):
            return []  # no word a token pattern must start with: the Matcher finds nothing
        spans = []
        for match_id, start, end in self.matcher(doc):
            entry = self.by_name[self.vocab.strings[match_id]]
            spans.append(Span(doc, start, end, label=entry.label, kb_id=entry.name))
        return spans

    def _repeats(
        self, doc: Doc, norms: list[str], found: list[Found], spans: list[Span]
    ) -> list[Span]:
        """Later (or earlier) mentions of goods the general patterns found once."""
        taken = {i for span in spans for i in range(span.start, span.end)}
        keys = {tuple(norms[f.start : f.end]): f for f in found}
        extra = []
        for key, item in keys.items():
            size = len(key)
            for start in range(len(doc) - size + 1):
                end = start + size
                if tuple(norms[start:end]) != key or any(i in taken for i in range(start, end)):
                    continue
                if start and norms[start - 1] in self.finder.lex.abstract:
                    continue  # `buy caps` is a good, `price caps` is not
                span = Span(doc, start, end, label=item.category, kb_id=item.name)
                if self._is_goods_mention(span, cased=item.name != item.name.lower()):
                    extra.append(span)
                    taken.update(range(start, end))
        return extra

    def _is_goods_mention(self, span: Span, cased: bool) -> bool:
        """Reject hits that are part of a name, a verb, or a modifier of a non-trade noun."""
        named = not cased and any(t.ent_type_ in NAME_LABELS and t.is_title for t in span)
        if named and (not span[0].is_sent_start or _inside_longer_entity(span)):
            return False  # `Hoa Phat Steel`, `Apple`: a lower-case alias inside a name
        if len(span) == 1 and (span[0].pos_ in NON_NOMINAL_POS or _used_as_verb(span[0])):
            return False  # `to ship orders`: a verb, even when tagged as a noun
        token = span[-1]
        while token.dep_ == "conj" and token.head.i < token.i:
            token = token.head  # the first conjunct carries the list's relation
        if token.dep_ not in MODIFIER_DEPS or token.head.i <= token.i:
            return True
        while token.dep_ in MODIFIER_DEPS and token.head.i > token.i:
            token = token.head
        if token.pos_ not in ("NOUN", "PROPN"):
            return True  # `pepper rose`: a parser slip, the "head" is a verb
        lex = self.finder.lex
        head = normal_form(token.text)
        return head in lex.trade_head or head in lex.hypernym or head in lex.head_category


def _first_words(patterns: list[list[dict]]) -> frozenset[int] | None:
    """The LOWER ids some token of a doc needs for any of the token `patterns` to match:
    the words of their first tokens when each of those is a plain `LOWER` test (a word or
    `IN` a list, no operator); None when some pattern may start otherwise."""
    words: set[str] = set()
    for pattern in patterns:
        first = pattern[0] if pattern else None
        if not isinstance(first, dict) or set(first) != {"LOWER"}:
            return None
        test = first["LOWER"]
        if isinstance(test, str):
            words.add(test)
        elif isinstance(test, dict) and set(test) == {"IN"} and isinstance(test["IN"], list):
            words.update(test["IN"])
        else:
            return None
    if not all(isinstance(word, str) for word in words):
        return None
    return frozenset(get_string_id(word) for word in words)


def _one_object(span: Span, entry: Entry) -> bool:
    """`a phone`, `his computer`: one thing, not the traded good (`phones`, `computers`)."""
    last_word = entry.name.split()[-1]
    head = span[-1]
    return (
        normal_form(last_word) != last_word.lower()  # the good is a plural count noun
        and head.tag_ == "NN"
        and any(child.dep_ in ("det", "poss") for child in head.children)
    )


def _used_as_verb(token: Token) -> bool:
    """A token with an auxiliary, or heading a clause with an object, is a verb."""
    deps = {child.dep_ for child in token.children}
    return bool(deps & {"aux", "auxpass"}) or (token.dep_ in CLAUSE_DEPS and "dobj" in deps)


def _inside_longer_entity(span: Span) -> bool:
    """Whether an entity covering part of `span` reaches beyond it (`Rice Association`)."""
    for token in span:
        if token.ent_iob_ in ("B", "I"):
            entity = next(e for e in span.doc.ents if e.start <= token.i < e.end)
            if entity.start < span.start or entity.end > span.end:
                return True
    return False
