"""Statements of one document: quotations with the cue that attributes them, and reported
speech read from the parse (the clause or object of a cue verb, the clause an `according to
X` phrase belongs to, the clause of an expressed noun)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from vntrade.nlp.statements.lexicon import Cues, CueVerb
from vntrade.nlp.statements.quotes import Quote, find_quotes
from vntrade.nlp.statements.speakers import Speaker, SpeakerFinder

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb with no subject of its own takes that of the verb it hangs from (`..., adding that`).
INHERITS = frozenset({"conj", "advcl", "xcomp", "pcomp", "acl"})
CLAUSES = frozenset({"ccomp"})
NOUN_CLAUSES = frozenset({"acl", "ccomp"})
PARENTHETICAL = frozenset({"parataxis", "ccomp", "advcl", "conj"})
# What a parenthetical cue may have besides its source: `, he said on Friday in Hanoi,`.
PARENTHETICAL_CHILDREN = frozenset(
    {"nsubj", "aux", "advmod", "punct", "prep", "npadvmod", "neg", "cc", "agent"}
)
QUESTIONS = frozenset({"whether", "if"})
# Objects that are no content: `said it`, `noted this`.
EMPTY_OBJECTS = frozenset({"it", "this", "that", "these", "those", "nothing", "something"})
# Pronouns that stand for the person who spoke just before.
PERSONAL = frozenset({"he", "she", "his", "her"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
MIN_QUOTE_WORDS = 4  # a shorter quotation is a phrase someone used, not a statement
# A quotation with no cue of its own goes on the speaker of a statement this many sentences back.
CONTINUATION_SENTENCES = 2
EDGE_PUNCT = ",;:—–-"
DASH_SOURCE = re.compile(r"[ \t\xa0]*[―—–-][ \t\xa0]*")
# `WALLACE: ...`, `Pat Caddell: ...`: a paragraph opened by a speaker's name and a colon
# (transcripts, interviews, headlines); not a caption's or a note's label.
LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}):[ \t\xa0]+(?=\S)")
NOT_SPEAKERS = frozenset(
    {"photo", "photos", "source", "sources", "note", "related", "read", "update", "editor",
     "caption", "video", "image", "reporting", "editing", "tags", "keywords", "q", "a",
     "see", "also", "watch", "listen", "contact", "email", "tel", "fax", "address", "date",
     "time", "venue", "location", "warning", "disclaimer", "correction", "clarification"}
)  # fmt: skip


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


class DocStatements:
    """Finds the statements of one document."""

    def __init__(self, doc: Doc, cues: Cues) -> None:
        self.doc = doc
        self.cues = cues
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        self.speakers = SpeakerFinder(doc)
        self.sentence_starts = [s.start for s in doc.sents]

    def with_speakers(self, found: list[Found]) -> list[Found]:
        """Each statement's speaker. A pronoun right after someone's statement, with no other
        person named in between, is that speaker (`"...," he said` after Hung's words is Hung,
        whoever the pronoun resolver picked); any other pronoun is the actors component's
        resolution, else the last speaker's when one spoke just before. A quotation with no
        cue goes on the last speaker just before, else the next one's (an interview's answers
        before `Trang said`)."""
        kept: list[Found] = []
        waiting: list[Found] = []  # quotations with no cue and no speaker before them
        for item in found:
            speaker = self.speakers.speaker(item.source) if item.source is not None else None
            last = kept[-1] if kept else None
            follows = last is not None and last.speaker is not None and self._follows(last, item)
            pronoun = item.source is not None and item.source.lower_ in PERSONAL
            if pronoun and follows and self._person(last, item):
                speaker = Speaker(last.speaker.name, item.source.text, last.speaker.unnamed)
            if speaker is not None and speaker.pronoun and pronoun:
                person = self._last_person(item.source)  # `his` the resolver left alone
                if person is not None:
                    speaker = Speaker(person, item.source.text)
            if speaker is None or speaker.pronoun:
                if follows:
                    text = speaker.text if speaker is not None else last.speaker.text
                    speaker = Speaker(last.speaker.name, text, last.speaker.unnamed)
                elif speaker is not None:  # a pronoun that names no one here: as written
                    speaker = Speaker(None, speaker.text)
                else:
                    waiting.append(item)
                    continue
            item.speaker = speaker
            kept.append(item)
            for quote in waiting:
                quote.speaker = Speaker(speaker.name, speaker.text, speaker.unnamed)
                kept.append(quote)
            waiting = []
        return sorted(kept, key=lambda f: (f.start, f.end))

    def _follows(self, last: Found, item: Found) -> bool:
        """Whether a statement comes within a sentence or two after the last one."""
        distance = self._sentence_of(item.start) - self._sentence_of(max(last.end - 1, 0))
        return distance <= CONTINUATION_SENTENCES

    def _last_person(self, pronoun: Token) -> str | None:
        """The person last named (or resolved) before a pronoun, in its sentence or the
        sentences just before."""
        sentence = self._sentence_of(pronoun.idx)
        low = self.sentence_starts[max(0, sentence - CONTINUATION_SENTENCES)]
        for token in reversed(self.doc[low : pronoun.i]):
            name = self.speakers.actor(token)
            if name is not None and self.speakers.person(name):
                return name
        return None

    def _person(self, last: Found, item: Found) -> bool:
        """Whether the last statement's speaker is the last person named before `item`'s
        source (no one else is named, or spoken of, in between)."""
        if last.speaker is None or last.speaker.unnamed or item.source is None:
            return False
        if last.speaker.name is None or not self.speakers.person(last.speaker.name):
            return False
        begin = max(last.end, _cue_end(last))
        for token in self._tokens(begin, item.source.idx):
            name = self.speakers.actor(token)
            if name is not None and name != last.speaker.name and self.speakers.person(name):
                return False
        return True

    # -- quotations --------------------------------------------------------------------
    def quotations(self, quotes: list[Quote]) -> list[Found]:
        """Quotations that are someone's words, each with its cue (or none yet)."""
        found: list[Found] = []
        merged = self._merge_split(quotes)
        for group in merged:
            first, last = group[0], group[-1]
            if self._embedded(first) or self._words(first.start, last.end) < MIN_QUOTE_WORDS:
                continue
            cue = self._quote_cue(group, quotes)
            start, end = self._strip(first.start, last.end)
            if cue is None:
                found.append(Found(start, end, "", None, None, True))
                continue
            verb, source = cue
            found.append(Found(start, end, self._cue_text(verb), verb, source, True))
        return found

    def _merge_split(self, quotes: list[Quote]) -> list[list[Quote]]:
        """`"...," he said, "..."`: the parts of a quotation split by its attribution."""
        groups: list[list[Quote]] = []
        for quote in quotes:
            if groups:
                before = groups[-1][-1]
                gap = self.text[before.outer_end : quote.outer_start]
                inside = self.text[before.start : before.end].rstrip()
                if (
                    "\n" not in gap
                    and len(gap) < 80
                    and (inside.endswith(",") or gap.lstrip().startswith(","))
                    and gap.rstrip().endswith((",", ":"))
                    and self._has_cue(before.outer_end, quote.outer_start)
                ):
                    groups[-1].append(quote)
                    continue
            groups.append([quote])
        return groups

    def _has_cue(self, start: int, end: int) -> bool:
        return any(self._is_cue(t) for t in self._tokens(start, end))

    def _embedded(self, quote: Quote) -> bool:
        """Whether a quotation is a phrase inside a sentence of the writer's (`pursuing
        “balanced interests”`, `“You squeezed employees” to drive up the price`), not a
        statement standing on its own or after its cue."""
        if self._runs_on(quote):
            return True
        before = self.text[: quote.outer_start].rstrip()
        if not before or before[-1] in ".:!?\n,;—–-([" or before.endswith(("'", '"', "”")):
            return False
        tokens = self._tokens(0, quote.outer_start)
        if not tokens:
            return False
        previous = tokens[-1]
        if previous.lower_ == "that" and previous.i > 0 and self._is_cue(self.doc[previous.i - 1]):
            return False
        return not self._is_cue(previous)

    def _runs_on(self, quote: Quote) -> bool:
        """Whether the writer's sentence goes on after a quotation that ends without its own
        punctuation (`“...” against what the campaign sees`; not `“...” he said`)."""
        inside = self.text[quote.start : quote.end].rstrip()
        if not inside or inside[-1] in ".,!?;:—–-…":
            return False
        following = self._tokens(quote.outer_end, quote.outer_end + 40)
        if not len(following):
            return False
        word = following[0]
        return (
            word.is_lower
            and word.is_alpha
            and not self._is_cue(word)
            and (word.lower_ not in SUBJECT_PRONOUNS)
        )

    def _quote_cue(self, group: list[Quote], quotes: list[Quote]) -> tuple[Token, Token] | None:
        """The cue verb (and its source) nearest a quotation, outside every quotation, in the
        sentences the quotation touches (or the one before, ending with a colon)."""
        start, end = group[0].outer_start, group[-1].outer_end
        first = self._sentence_of(start)
        last = self._sentence_of(max(start, end - 1))
        low = self.sentence_starts[first]
        following = last + 1
        high = len(self.doc)
        if following < len(self.sentence_starts):
            high = self.sentence_starts[following]
        before = self.text[:start].rstrip()
        if before.endswith(":") and first > 0:
            low = self.sentence_starts[first - 1]
        candidates = []
        for token in self.doc[low:high]:
            if not self._is_cue(token) or self._in_quote(token.idx, quotes):
                continue
            if not self._same_line(token.idx, start, end):
                continue
            verb = self.cues.verbs.get(token.lower_)
            source = self._source(token)
            if verb is None or "quote" not in verb.contents or source is None:
                continue
            distance = start - token.idx if token.idx < start else token.idx - end
            candidates.append((distance, token.i, token, source))
        if not candidates:
            return self._dash_source(end)
        _, _, token, source = min(candidates)
        return token, source

    def _dash_source(self, end: int) -> tuple[Token, Token] | None:
        """`"...” ― Sonya Herridge`: a name after a dash right after the quotation."""
        match = DASH_SOURCE.match(self.text, end)
        if match is None:
            return None
        names = [t for t in self._tokens(match.end(), match.end() + 60) if t.pos_ == "PROPN"]
        if not names or names[0].idx != match.end():
            return None
        run = [names[0]]
        for token in names[1:]:
            if token.i != run[-1].i + 1:
                break
            run.append(token)
        dash = self._tokens(match.start(), match.end())
        return (dash[-1] if len(dash) else run[0]), run[-1]

    def _same_line(self, position: int, start: int, end: int) -> bool:
        """A cue on the quotation's line(s), or on the line before one that ends with `:`."""
        if start <= position < end:
            return True
        low, high = sorted((position, start if position < start else end))
        gap = self.text[low:high]
        if "\n" not in gap:
            return True
        return (
            position < start
            and self.text[:start].rstrip().endswith(":")
            and gap.count("\n") <= 2
            and self.text[position:start].rstrip().endswith(":")
        )

    # -- labels -------------------------------------------------------------------------
    def labelled(self) -> list[Found]:
        """`WALLACE: ...`, `Pat Caddell: ...`: paragraphs opened by a speaker's name."""
        found = []
        text = self.text
        line = 0
        while line < len(text):
            end = text.find("\n", line)
            end = len(text) if end < 0 else end
            match = LABEL.match(text, line, end)
            if match is not None and match.group(1).split()[0].lower() not in NOT_SPEAKERS:
                label = self._tokens(match.start(1), match.end(1))
                names = [t for t in label if t.pos_ == "PROPN" or self.speakers.actor(t)]
                start, stop = self._strip(match.end(), end)
                while stop > start and text[stop - 1] in '"”':
                    stop -= 1
                if names and self._words(start, stop) >= MIN_QUOTE_WORDS:
                    quoted = text[line : match.start(1)].strip() != "" or label.text.isupper()
                    colon = self._tokens(match.end(1), match.end())
                    cue = colon[0] if len(colon) else names[-1]
                    found.append(Found(start, stop, ":", cue, names[-1], quoted))
            line = end + 1
        return found

    # -- reported speech ---------------------------------------------------------------
    def reported(self, quotes: list[Quote]) -> list[Found]:
        """Reported statements: cue verbs' clauses and objects, `according to X`."""
        found: list[Found] = []
        for token in self.doc:
            if self._in_quote(token.idx, quotes):
                continue
            verb = self.cues.verbs.get(token.lower_)
            if verb is not None and token.pos_ in ("VERB", "AUX") and self._particle(token, verb):
                found += self._from_verb(token, verb)
            elif token.dep_ == "prep":
                found += self._from_phrase(token)
        for item in found:  # reported speech stays in its cue's paragraph
            item.start, item.end = self._in_paragraph(item)
        return [item for item in found if item.end > item.start]

    def _in_paragraph(self, item: Found) -> tuple[int, int]:
        anchor = item.cue_token.idx if item.cue_token is not None else item.start
        low = self.text.rfind("\n", 0, anchor) + 1
        high = self.text.find("\n", anchor)
        high = len(self.text) if high < 0 else high
        start, end = max(item.start, low), min(item.end, high)
        return self._strip(start, end) if end > start else (start, start)

    def _from_verb(self, verb: Token, cue: CueVerb) -> list[Found]:
        if self._question(verb) or self._negated(verb):
            return []
        source = self._source(verb)
        if source is None:
            return []
        found = []
        if "clause" in cue.contents:
            for child in verb.children:
                if child.dep_ in CLAUSES and self._reportable(child):
                    found.append(self._clause(verb, child, source))
            if not found:
                clause = self._misattached(verb)
                if clause is not None:
                    found.append(self._clause(verb, clause, source))
            if not found and verb.dep_ in PARENTHETICAL and self._parenthetical(verb):
                found.append(self._around(verb, source))
        if not found and "noun" in cue.contents:
            found += self._expressed(verb, source)
        if not found and "object" in cue.contents:
            for child in verb.children:
                if child.dep_ == "dobj" and child.lower_ not in EMPTY_OBJECTS:
                    start, end = self._strip(child.left_edge.idx, self._until_cue(child))
                    found.append(Found(start, end, self._cue_text(verb), verb, source, False))
        return [f for f in found if f.end > f.start]

    def _misattached(self, verb: Token) -> Token | None:
        """`told Trump in a phone call that S`, `said in a statement that S`: a `that` clause
        the parser hung on a noun of the cue's phrase, though `that` opens it as a complement."""
        for token in verb.subtree:
            if token.dep_ not in ("relcl", "acl") or token.i < verb.i:
                continue
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
                between = self.doc[verb.i + 1 : token.left_edge.i]
                if not any(t.pos_ == "VERB" for t in between):
                    return token
        return None

    def _reportable(self, clause: Token) -> bool:
        """Not a question (`whether ...`), nor a cue whose subject follows it (`said a
        Vietnamese official`: it reports, it is not reported)."""
        if self._question(clause):
            return False
        return not self._is_cue(clause) or not any(
            c.dep_ in SUBJECTS and c.i > clause.i for c in clause.children
        )

    def _expressed(self, verb: Token, source: Token) -> list[Found]:
        """`expressed hope that S`, `expressing the desire to V`: the noun's clause."""
        for child in verb.children:
            if child.dep_ == "dobj" and child.lower_ in self.cues.nouns:
                clause = next((c for c in child.children if c.dep_ in NOUN_CLAUSES), None)
                if clause is not None:
                    return [self._clause(verb, clause, source, f"{verb.text} {child.text}")]
        return []

    def _from_phrase(self, prep: Token) -> list[Found]:
        """`According to the PM, S`, `In his view, S`: the clause the phrase belongs to."""
        for (first, second), phrase in self.cues.sources.items():
            if prep.lower_ != first:
                continue
            inner = next((c for c in prep.children if c.lower_ == second), None)
            if inner is None:
                continue
            source = self._phrase_source(inner, phrase.source)
            clause = prep.head
            if source is None or clause.pos_ not in ("VERB", "AUX"):
                continue
            start, end = self._outside(clause, prep)
            if end <= start:
                continue
            cue = self.text[prep.idx : _end(inner)]
            return [Found(start, end, cue, prep, source, False)]
        return []

    def _phrase_source(self, inner: Token, relation: str) -> Token | None:
        if relation == "object":
            return next((c for c in inner.children if c.dep_ == "pobj"), None)
        if relation == "possessor":
            return next((c for c in inner.children if c.dep_ == "poss"), None)
        of = next((c for c in inner.children if c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None

    def _clause(self, verb: Token, clause: Token, source: Token, cue: str | None = None) -> Found:
        first, last = clause.left_edge, clause.right_edge  # a subtree is contiguous
        if first.i == verb.i:
            first = self.doc[verb.i + 1]
        # `S1, but S2, another source said`: the parser made the cue a second conjunct of S1.
        before = self.doc[first.i - 1] if first.i > 0 else None
        if (
            verb.dep_ == "conj"
            and clause.i < verb.i
            and before is not None
            and before.dep_ == "cc"
            and before.head.i == verb.head.i
        ):
            first = verb.head.left_edge
        last = self._coordinated(verb, last)
        start, end = self._strip(first.idx, self._until_cue(clause, last))
        return Found(start, end, cue or self._cue_text(verb), verb, source, False)

    def _coordinated(self, verb: Token, last: Token) -> Token:
        """`underlined that S1, and S2`: a clause with its own subject the parser joined to
        the cue rather than to the content goes on the content."""
        for child in verb.children:
            if child.dep_ != "conj" or child.i <= last.i or self._is_cue(child):
                continue
            if not any(c.dep_ in SUBJECTS for c in child.children):
                continue
            between = self.doc[last.i + 1 : child.left_edge.i]
            if all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
                return child.right_edge
        return last

    def _until_cue(self, head: Token, last: Token | None = None) -> int:
        """Where a content ends: its last word, or before `, expressing ...` / `, adding
        that ...` when the parse put a second statement inside it."""
        last = last or head.right_edge
        for token in self.doc[head.left_edge.i + 1 : last.i + 1]:
            if token.tag_ == "VBG" and self._is_cue(token) and self.doc[token.i - 1].text == ",":
                return self.doc[token.i - 1].idx
        return _end(last)

    def _parenthetical(self, verb: Token) -> bool:
        """`S, he said` / `S, he noted, S` / `S, said X`: a cue set off by a comma with
        nothing of its own but its source (and where and when), hanging from the verb of the
        clause it reports; never the clause a cue reports (`said Beijing was assessing`)."""
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return False
        if verb.dep_ == "ccomp" and self._is_cue(head):
            return False
        for child in verb.children:
            if child.dep_ in PARENTHETICAL_CHILDREN:
                continue
            if child.dep_ in ("dobj", "dative") and verb.lower_.startswith("tol"):
                continue  # `S, he told reporters`
            if child.dep_ in ("advcl", "conj") and self._is_cue(child):
                continue  # `S, the ministry said, adding that ...`
            return False
        first = next((t for t in verb.subtree if _word(t)), verb)
        before = self.text[: first.idx].rstrip()
        if not before.endswith((",", "—", "–")) and not _ends_quote(before):
            return False
        if verb.dep_ in ("conj", "advcl"):  # `S, he said`, parsed as a second clause
            return verb.i > head.i and any(c.dep_ in SUBJECTS for c in verb.children)
        return True

    def _around(self, verb: Token, source: Token) -> Found:
        """The reported clause around a parenthetical cue, without the cue's own words."""
        start, end = self._outside(verb.head, verb)
        return Found(start, end, self._cue_text(verb), verb, source, False)

    def _outside(self, clause: Token, part: Token) -> tuple[int, int]:
        """The clause's characters, less a part at its start or its end (one in the middle
        stays: `Negotiations, he noted, must be calm`)."""
        words = [t for t in clause.subtree if _word(t)] or list(clause.subtree)
        inner = [t for t in part.subtree if _word(t)] or list(part.subtree)
        first, last = words[0], words[-1]
        if inner[0].i <= first.i:
            rest = [t for t in words if t.i > inner[-1].i]
            if not rest:
                return (0, 0)
            first = rest[0]
        elif inner[-1].i >= last.i:
            rest = [t for t in words if t.i < inner[0].i]
            if not rest:
                return (0, 0)
            last = rest[-1]
        return self._strip(first.idx, _end(last))

    # -- sources -----------------------------------------------------------------------
    def _source(self, verb: Token) -> Token | None:
        """The head word of who speaks: the verb's subject, or that of the verb it hangs
        from (`..., adding that`), or the agent of a passive (`was stated by X`)."""
        token = verb
        for _ in range(4):
            # The subject nearest the verb (`Hanoi - The State Bank said`: the bank).
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
            if subjects:
                return min(subjects, key=lambda c: abs(c.i - token.i))
            for child in token.children:
                if child.dep_ == "agent":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            if any(c.dep_ == "nsubjpass" for c in token.children):
                return None
            if token.dep_ not in INHERITS or token.head.i == token.i:
                return self._name_before(verb)
            token = token.head
            # `..., expressing the desire to ...` hung on a noun: the verb above that noun.
            while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
                token = token.head
        return None

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

    def _negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" for c in verb.children)

    def _is_cue(self, token: Token) -> bool:
        verb = self.cues.verbs.get(token.lower_)
        return verb is not None and token.pos_ in ("VERB", "AUX") and self._particle(token, verb)

    def _particle(self, token: Token, verb: CueVerb) -> bool:
        if verb.particle is None:
            return True
        return any(c.lower_ == verb.particle for c in token.children)

    def _cue_text(self, verb: Token) -> str:
        cue = self.cues.verbs.get(verb.lower_)
        if cue is not None and cue.particle:
            return f"{verb.text} {cue.particle}"
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
        if verb.lower_.startswith("tol") and objects:  # `told reporters`, `told the press`
            target = objects[0]
            return self.text[verb.idx : _end(target)]
        return verb.text

    # -- offsets -------------------------------------------------------------------------
    def _tokens(self, start: int, end: int) -> Span:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.doc[low:high]

    def _words(self, start: int, end: int) -> int:
        return sum(1 for t in self._tokens(start, end) if t.is_alpha or t.like_num)

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
        """Offsets without surrounding spaces, edge punctuation and a leading `that`."""
        text = self.text
        while True:
            while start < end and (text[start].isspace() or text[start] in EDGE_PUNCT):
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_PUNCT):
                end -= 1
            if text[start : start + 5].lower() == "that " and start + 5 < end:
                start += 5
                continue
            return start, end


def _word(token: Token) -> bool:
    return not token.is_punct and not token.is_space


def _cue_end(item: Found) -> int:
    token = item.cue_token
    return token.idx + len(token.text) if token is not None else item.end


def _ends_quote(text: str) -> bool:
    return text.endswith(('"', "”")) and text[:-1].rstrip().endswith(",")


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def statements(doc: Doc, cues: Cues) -> tuple[DocStatements, list[Found]]:
    """The statements of `doc`, speakers resolved, in text order (and the finder, which
    knows the text and the sentences)."""
    finder = DocStatements(doc, cues)
    quotes = find_quotes(finder.text)
    labels = finder.labelled()
    direct = [
        quote
        for quote in finder.quotations(quotes)
        if quote.cue_token is not None or not any(_overlaps(label, quote) for label in labels)
    ] + labels
    used = {f.cue_token.i for f in direct if f.cue_token is not None}
    reported = [
        f for f in finder.reported(quotes) if f.cue_token is None or f.cue_token.i not in used
    ]
    reported = [f for f in reported if not any(_overlaps(f, d) for d in direct)]
    found = _outermost(direct + reported)
    found.sort(key=lambda f: (f.start, f.end))
    return finder, finder.with_speakers(found)


def _overlaps(a: Found, b: Found) -> bool:
    common = min(a.end, b.end) - max(a.start, b.start)
    return common > 0 and common * 2 > (a.end - a.start)


def _outermost(found: list[Found]) -> list[Found]:
    """Without a statement reported inside another's content (`he said the minister noted
    that ...` is the outer speaker's), and without a second reading of the same content. A
    source phrase gives way to a cue inside its clause: in `X told Y that S, according to a
    statement`, S is X's."""
    kept: list[Found] = []
    phrases = [f for f in found if _phrase(f)]
    for item in sorted((f for f in found if not _phrase(f)), key=_outer_first):
        if not any(_inside(item, k) or (k.start, k.end) == (item.start, item.end) for k in kept):
            kept.append(item)
    for item in sorted(phrases, key=_outer_first):
        if any(item.start <= _cue_at(k) < item.end for k in kept):
            continue
        if not any(_inside(item, k) for k in kept):
            kept.append(item)
    return kept


def _phrase(item: Found) -> bool:
    return item.cue_token is not None and item.cue_token.dep_ == "prep"


def _outer_first(item: Found) -> tuple[int, int]:
    return (item.start - item.end, item.start)


def _cue_at(item: Found) -> int:
    return item.cue_token.idx if item.cue_token is not None else item.start


def _inside(item: Found, outer: Found) -> bool:
    """Whether `item`, cue and content, is reported inside `outer`'s content."""
    cue = _cue_at(item)
    return outer.start <= cue < outer.end and outer.start <= item.start and item.end <= outer.end
