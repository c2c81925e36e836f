"""What the statement finders of one document share: its text, tokens, sentences and
speakers, the cue verbs, and the subject of a cue (who speaks)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IDX, IS_ALPHA, LIKE_NUM, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from vntrade.nlp.per_doc import doc_text, sentence_tokens
from vntrade.nlp.statements.lexicon import Cues, CueVerb
from vntrade.nlp.statements.quotes import Quote
from vntrade.nlp.statements.speakers import Speaker, SpeakerFinder

# As numpy scalars of the columns' type: a comparison with a Python int costs more.
_VERB, _AUX, _NOUN = (numpy.uint64(POS_IDS[pos]) for pos in ("VERB", "AUX", "NOUN"))
_PREP = numpy.uint64(get_string_id("prep"))
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb with no subject of its own takes that of the verb it hangs from (`..., adding that`).
INHERITS = frozenset({"conj", "advcl", "xcomp", "pcomp", "acl"})
QUESTIONS = frozenset({"whether", "if"})
EDGE_PUNCT = ",;:—–-"
# A dateline the loader left at the start of the text: a place, maybe a date and an agency.
DATELINE = re.compile(r"[A-Z][\w.’']*(?:[ ,/][\w.’'()]+){0,6} [-–—] (?=[A-Z“\"])")


@dataclass(slots=True)
class Found:
    """A statement before its speaker is resolved: content offsets (characters)."""

    start: int
    end: int
    cue: str
    cue_token: Token | None
    source: Token | None  # head word of the source phrase
    direct: bool
    speaker: Speaker | None = None


class DocContext:
    """One document as the statement finders read it."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.doc = doc
        self.cues = cues
        self.text = doc_text(doc)
        # Each token's `idx`, its TAG, DEP, POS and LOWER ids (to find the few tokens worth
        # a Token).
        columns = doc.to_array([IDX, TAG, DEP, POS, LOWER]).reshape(len(doc), 5)
        self.starts, self.tags, self.deps, self.pos, self.lowers = (
            columns.T.tolist() if len(doc) else ([], [], [], [], [])
        )
        self._words_before: list[int] | None = None  # see `_words`
        # The lower-case form of every verb or auxiliary that is some cue's form.
        strings = doc.vocab.strings
        verbal = (columns[:, 3] == _VERB) | (columns[:, 3] == _AUX)
        self.cue_forms: dict[int, str] = {}
        for i in verbal.nonzero()[0].tolist():
            word = strings[self.lowers[i]]
            if word in cues.verbs:
                self.cue_forms[i] = word
        self.cue_tokens = sorted(self.cue_forms)  # in order
        # Prepositions and nouns: a source phrase (`according to`) or a claim may start there.
        nominal = (columns[:, 2] == _PREP) | (columns[:, 3] == _NOUN)
        self.preps_and_nouns: list[int] = nominal.nonzero()[0].tolist()
        self.speakers = SpeakerFinder(doc)
        self.sentence_starts = [start for start, _ in sentence_tokens(doc)]

    # -- sources and cues ----------------------------------------------------------------
    def _source(self, verb: Token) -> Token | None:
        """The head word of who speaks: the verb's subject, or that of the verb it hangs
        from (`..., adding that`), or the agent of a passive (`was stated by X`)."""
        token = verb
        for _ in range(4):
            subjects, agent, passive = [], None, False  # one pass over the children
            for child in token.children:
                dep = child.dep_
                if dep in ("nsubj", "csubj"):
                    subjects.append(child)
                elif dep == "agent":
                    agent = agent or child
                elif dep == "nsubjpass":
                    passive = True
            # The subject nearest the verb (`Hanoi - The State Bank said`: the bank).
            if subjects:
                return min(subjects, key=lambda c: abs(c.i - token.i))
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            if passive:
                return None
            if token.dep_ not in INHERITS or token.head.i == token.i:
                return self._name_before(verb)
            # `X said S and stressed ...`: a second cue of X's the parser joined to S.
            token = self.continued_cue(token) or token.head
            # `..., expressing the desire to ...` hung on a noun: the verb above that noun.
            while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
                token = token.head
        return None

    def continued_cue(self, verb: Token) -> Token | None:
        """The cue a second cue goes on (`She said S and highlighted ...`, `said that S and
        insisted that ...`): a cue with no subject of its own, in the tense of a cue, joined
        by `and` to the verb of that cue's clause; the parser makes it part of the clause."""
        clause = verb.head
        if verb.dep_ != "conj" or clause.dep_ != "ccomp" or not self._is_cue(verb):
            return None
        cue = clause.head
        if not self._is_cue(cue) or cue.tag_ != verb.tag_ or verb.tag_ not in ("VBD", "VBZ"):
            return None
        if any(c.dep_ in SUBJECTS for c in verb.children):
            return None
        joined = any(c.dep_ == "cc" and c.lower_ == "and" and c.i < verb.i for c in clause.children)
        return cue if joined else None

    def _name_before(self, verb: Token) -> Token | None:
        """`as US White House this week indicated that ...`: a name right before a cue the
        parser gave no subject (only a date or an adverb between)."""
        for token in reversed(self.doc[max(0, verb.i - 6) : verb.i]):
            if token.ent_type_ in ("DATE", "TIME") or token.dep_ in ("advmod", "aux", "neg"):
                continue
            if token.pos_ == "PROPN" and self.speakers.actor(token) is not None:
                return token
            return None
        return None

    def _question(self, token: Token) -> bool:
        """`whether Vietnam believes ...`: a clause opened by `whether` or `if` asks."""
        return any(c.dep_ == "mark" and c.lower_ in QUESTIONS for c in token.children)

    def _is_cue(self, token: Token) -> bool:
        return bool(self.cue_verbs(token))

    def cue_verbs(self, token: Token) -> list[CueVerb]:
        """The cues a verb is here (`called for` before `called`): its particle is there."""
        word = self.cue_forms.get(token.i)  # only a verb or auxiliary is a cue
        if word is None:
            return []
        return [v for v in self.cues.verbs[word] if self._particle(token, v)]

    def cue_tokens_between(self, low: int, high: int) -> list[int]:
        """The tokens `low:high` a cue may be (a verb of a cue's form), in order."""
        found = self.cue_tokens
        return found[bisect.bisect_left(found, low) : bisect.bisect_left(found, high)]

    def _particle(self, token: Token, verb: CueVerb) -> bool:
        if verb.particle is None:
            return True
        return any(c.lower_ == verb.particle for c in token.children)

    def _cue_text(self, verb: Token, cue: CueVerb | None = None) -> str:
        cue = cue or next(iter(self.cue_verbs(verb)), None)
        if cue is not None and cue.particle:
            return f"{verb.text} {cue.particle}"
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        if verb.lower_.startswith("tol") and objects:  # `told reporters`, `told the press`
            target = objects[0]
            return self.text[verb.idx : end_of(target)]
        return verb.text

    # -- offsets -------------------------------------------------------------------------
    def _tokens(self, start: int, end: int) -> Span:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.doc[low:high]

    def _words(self, start: int, end: int) -> int:
        """How many words and numbers start in characters `start:end`."""
        if self._words_before is None:  # how many come before each token (and the doc's end)
            counted = self.doc.to_array([IS_ALPHA, LIKE_NUM]).reshape(len(self.doc), 2).any(1)
            self._words_before = [0, *numpy.cumsum(counted).tolist()]
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return max(0, self._words_before[high] - self._words_before[low])

    def _in_quote(self, position: int, quotes: list[Quote]) -> bool:
        for quote in quotes:
            if quote.start <= position < quote.end:
                return True
            if quote.start > position:
                return False
        return False

    def sentence_bounds(self, first: int, last: int) -> tuple[int, int]:
        """Where the sentences holding characters `first` and `last` start and end: the
        parser's sentences, cut at line breaks (as the events' sentences are)."""
        sentences = self.sentence_starts
        low = self.doc[sentences[self._sentence_of(first)]].idx
        following = self._sentence_of(last) + 1
        high = self.doc[sentences[following]].idx if following < len(sentences) else len(self.text)
        low = max(low, self.text.rfind("\n", 0, first) + 1)
        line_end = self.text.find("\n", last)
        high = min(high, line_end) if line_end >= 0 else high
        while high > low and self.text[high - 1].isspace():
            high -= 1
        return low, high

    def _sentence_of(self, position: int) -> int:
        token = bisect.bisect_right(self.starts, position) - 1
        return bisect.bisect_right(self.sentence_starts, max(token, 0)) - 1

    def _strip(self, start: int, end: int) -> tuple[int, int]:
        """Offsets without surrounding spaces, edge punctuation, a leading `that` and the
        dateline that opens an article (`Ho Chi Minh City - `)."""
        text = self.text
        if start < 60:
            dateline = DATELINE.match(text, start, end)
            if dateline is not None and text[:start].strip() == "":
                start = dateline.end()
        while True:
            while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
                end -= 1
            if text[start : start + 5].lower() == "that " and start + 5 < end:
                start += 5
                continue
            return start, end


def is_word(token: Token) -> bool:
    return not token.is_punct and not token.is_space


def cue_end(item: Found) -> int:
    token = item.cue_token
    return token.idx + len(token.text) if token is not None else item.end


def ends_quote(text: str) -> bool:
    return text.endswith(('"', "”")) and text[:-1].rstrip().endswith(",")


def end_of(token: Token) -> int:
    return token.idx + len(token.text)
