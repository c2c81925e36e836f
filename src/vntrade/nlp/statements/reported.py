"""Reported speech read from the parse: the clause or object of a cue verb (`said that S`,
`S, he said`, `welcomed the deal`), the clause an `according to X` phrase belongs to, the
clause of an expressed noun (`expressed hope that S`)."""

from __future__ import annotations

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Token

from vntrade.nlp.statements.context import (
    QUESTIONS,
    SUBJECTS,
    DocContext,
    Found,
    end_of,
    ends_quote,
    is_word,
)
from vntrade.nlp.statements.lexicon import CueVerb, SourcePhrase
from vntrade.nlp.statements.parse_words import (
    CIRCUMSTANCE,
    CLAUSES,
    EMPTY_OBJECTS,
    NOUN_CLAUSES,
    PARENTHETICAL,
    PARENTHETICAL_CHILDREN,
    WITHHOLDING,
)
from vntrade.nlp.statements.quotes import Quote

# The column values `_candidates` looks for.
_PREP = get_string_id("prep")
_NOUN = POS_IDS["NOUN"]
_ADVCL, _VBG = get_string_id("advcl"), get_string_id("VBG")


class ReportFinder(DocContext):
    """Reported speech."""

    def reported(self, quotes: list[Quote]) -> list[Found]:
        """Reported statements: cue verbs' clauses and objects, `according to X`."""
        found: list[Found] = []
        self._orders = self.doc._.vntrade_directives or []  # records built once, not per cue
        self._phrases: dict[str, list[tuple[str, SourcePhrase]]] = {}  # by their first word
        for (first, second), phrase in self.cues.sources.items():
            self._phrases.setdefault(first, []).append((second, phrase))
        for token in self._candidates():
            if self._in_quote(token.idx, quotes):
                continue
            verbs = self.cue_verbs(token)
            if verbs:
                found += self._from_cues(token, verbs)
            elif token.dep_ == "prep":
                found += self._from_phrase(token)
            elif token.pos_ == "NOUN" and token.lower_ in self.cues.claims:
                found += self._claimed(token)
        for item in found:  # reported speech stays in its cue's paragraph
            item.start, item.end = self._in_paragraph(item)
        return [item for item in found if item.end > item.start]

    def _candidates(self) -> list[Token]:
        """The tokens `reported` may start from, in order: a possible cue verb (a verb or
        auxiliary whose form is a cue's), a preposition that opens a source phrase
        (`according`), a claim noun; read from the POS, DEP and LOWER columns, so that no
        other word becomes a Token."""
        strings = self.doc.vocab.strings
        claims = self.cues.claims
        openers = {first for first, _ in self.cues.sources}
        found = set(self.cue_forms)
        for i in self.preps_and_nouns:
            word = strings[self.lowers[i]]
            if (self.deps[i] == _PREP and word in openers) or (
                self.pos[i] == _NOUN and word in claims
            ):
                found.add(i)
        return [self.doc[i] for i in sorted(found)]

    def _in_paragraph(self, item: Found) -> tuple[int, int]:
        anchor = item.cue_token.idx if item.cue_token is not None else item.start
        low = self.text.rfind("\n", 0, anchor) + 1
        high = self.text.find("\n", anchor)
        high = len(self.text) if high < 0 else high
        start, end = max(item.start, low), min(item.end, high)
        return self._strip(start, end) if end > start else (start, start)

    def _from_cues(self, verb: Token, cues: list[CueVerb]) -> list[Found]:
        """What the first of a verb's cues that finds a content finds (`called for a ban`
        before `called it a disgrace`)."""
        for cue in cues:
            if self._ordered(verb, cue):
                continue
            found = self._from_verb(verb, cue)
            if found:
                for item in found:
                    item.cue = item.cue if cue.particle is None else self._cue_text(verb, cue)
                return found
        return []

    def _withheld(self, verb: Token) -> bool:
        """`declined to criticize X`, `refused to endorse Y`: a cue the speaker did not utter."""
        return verb.dep_ == "xcomp" and verb.head.lower_ in WITHHOLDING

    def _ordered(self, verb: Token, cue: CueVerb) -> bool:
        """`The PM called for swift action`: a cue the directives component read as an order
        in this sentence stays a directive (orders are no statements)."""
        return any(
            order.verb == cue.cue and order.start <= verb.idx < order.end for order in self._orders
        )

    def _from_verb(self, verb: Token, cue: CueVerb) -> list[Found]:
        if self._withheld(verb) or any(  # a question (`whether`, `if`) or negated
            c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in QUESTIONS) for c in verb.children
        ):
            return []
        source = self._source(verb)
        if source is None or (cue.subjects and source.lower_ not in cue.subjects):
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
        if not found and "predicate" in cue.contents:
            found += self._predicated(verb, cue, source)
        if not found and "infinitive" in cue.contents:
            found += self._infinitive(verb, source)
        if not found and "object" in cue.contents and cue.particle is not None:
            found += self._particle_object(verb, cue, source)
        elif not found and "object" in cue.contents:
            for child in verb.children:
                if child.dep_ == "dobj" and child.lower_ not in EMPTY_OBJECTS:
                    start, end = self._strip(child.left_edge.idx, self._until_cue(child))
                    found.append(Found(start, end, self._cue_text(verb), verb, source, False))
        return [f for f in found if f.end > f.start]

    def _particle_object(self, verb: Token, cue: CueVerb, source: Token) -> list[Found]:
        """`called for a ban on imports`: what the particle's preposition takes."""
        for prep in verb.children:
            if prep.lower_ != cue.particle or prep.i < verb.i:
                continue
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].lower_ not in EMPTY_OBJECTS:
                first = min(objects[0].left_edge.i, prep.i + 1)
                start, end = self._strip(self.doc[first].idx, self._until_cue(prep))
                return [Found(start, end, self._cue_text(verb, cue), verb, source, False)]
        return []

    def _predicated(self, verb: Token, cue: CueVerb, source: Token) -> list[Found]:
        """`called the deal "a disaster"`, `described X as Y`, `accused X of Y`: the object
        with what it is said to be; not the object alone (`called him`, `described the
        plan`). A relative object (`a clip that the judge called "distasteful"`) is the noun
        it stands for, with its clause."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            return []
        # `accused X of Y`: the preposition on the verb or, as the parser may put it, on X.
        said = [
            c
            for c in (*verb.children, *objects[0].children)
            if c.i > objects[0].i
            and ((c.dep_ == "oprd" and "oprd" in cue.predicate) or
                 (c.dep_ == "prep" and c.lower_ in cue.predicate))
        ]  # fmt: skip
        if not said:
            return []
        first = objects[0].left_edge
        if objects[0].lower_ in ("that", "which", "whom") and verb.dep_ == "relcl":
            first = verb.head.left_edge
        last = max(said, key=lambda c: c.i)
        start, end = self._strip(first.idx, self._until_cue(last))
        return [Found(start, self._closing_mark(start, end), self._cue_text(verb), verb, source,
                      False)]  # fmt: skip

    def _closing_mark(self, start: int, end: int) -> int:
        """`called it "a disgrace"`: the quotation mark that closes one the content opens."""
        content = self.text[start:end]
        opened = content.count("“") > content.count("”") or content.count('"') % 2 == 1
        if opened and self.text[end : end + 1] in ('"', "”"):
            return end + 1
        return end

    def _infinitive(self, verb: Token, source: Token) -> list[Found]:
        """`vowed to fight on`, `hopes to compete in Iowa`: the infinitive the verb takes."""
        for child in verb.children:
            if child.dep_ != "xcomp" or child.i < verb.i:
                continue
            to = [c for c in child.children if c.dep_ == "aux" and c.lower_ == "to"]
            if to and to[0].i == verb.i + 1:
                start, end = self._strip(to[0].idx, self._until_cue(child))
                return [Found(start, end, self._cue_text(verb), verb, source, False)]
        return []

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

    def _claimed(self, noun: Token) -> list[Found]:
        """`his view that S`, `Trump's claim that S`: a claim's `that` clause, its possessor
        the source."""
        source = next((c for c in noun.children if c.dep_ == "poss"), None)
        if source is None:
            return []
        for clause in noun.children:
            if clause.dep_ not in NOUN_CLAUSES or clause.i < noun.i:
                continue
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                return [self._clause(noun, clause, source, self.text[source.idx : end_of(noun)])]
        return []

    def _from_phrase(self, prep: Token) -> list[Found]:
        """`According to the PM, S`, `In his view, S`: the clause the phrase belongs to."""
        for second, phrase in self._phrases.get(prep.lower_, ()):
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
            cue = self.text[prep.idx : end_of(inner)]
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
        last = self._without_circumstance(clause, last)
        last = self._without_second_cue(clause, last)
        start, end = self._strip(first.idx, self._until_cue(clause, last))
        return Found(start, end, cue or self._cue_text(verb), verb, source, False)

    def _without_circumstance(self, clause: Token, last: Token) -> Token:
        """`stressed that S while chairing a meeting`: a closing participle clause with no
        subject of its own tells what the speaker was doing, not what was said."""
        for i in range(clause.i, last.i + 1):  # at any depth, ending the content
            if self.deps[i] != _ADVCL or self.tags[i] != _VBG:
                continue
            child = self.doc[i]
            if child.right_edge.i != last.i:
                continue
            marks = [c for c in child.children if c.dep_ == "mark" and c.i < child.i]
            if marks and marks[0].lower_ in CIRCUMSTANCE and child.left_edge.i == marks[0].i:
                return self.doc[marks[0].i - 1]
        return last

    def _without_second_cue(self, clause: Token, last: Token) -> Token:
        """`said she admires his determination and highlighted ...`: the content ends before
        a second cue of the speaker's (see `continued_cue`)."""
        for child in clause.children:
            if child.i > clause.i and child.i <= last.i and self.continued_cue(child) is not None:
                before = self.doc[child.left_edge.i - 1]
                while before.i > clause.i and (before.dep_ == "cc" or before.is_punct):
                    before = self.doc[before.i - 1]
                return before
        return last

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
        that ...` / `- noting that ...` when the parse put a second statement inside it."""
        last = last or head.right_edge
        for i in range(head.left_edge.i + 1, last.i + 1):
            if self.tags[i] != _VBG:
                continue
            token, before = self.doc[i], self.doc[i - 1]
            if self._is_cue(token) and before.text in (",", "-", "–", "—"):
                return before.idx
        return end_of(last)

    def _parenthetical(self, verb: Token) -> bool:
        """`S, he said` / `S, he noted, S` / `S, said X`: a cue set off by a comma with
        nothing of its own but its source (and where and when), hanging from the verb of the
        clause it reports; never the clause a cue reports (`said Beijing was assessing`)."""
        head = verb.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return False
        if verb.dep_ == "ccomp" and self._is_cue(head):
            return False
        if self._as_clause(verb):
            return True
        for child in verb.children:
            if child.dep_ in PARENTHETICAL_CHILDREN:
                continue
            if child.dep_ in ("dobj", "dative") and verb.lower_.startswith("tol"):
                continue  # `S, he told reporters`
            if child.dep_ in ("advcl", "conj") and self._is_cue(child):
                continue  # `S, the ministry said, adding that ...`
            return False
        first = next((t for t in verb.subtree if is_word(t)), verb)
        before = self.text[: first.idx].rstrip()
        if not before.endswith((",", "—", "–")) and not ends_quote(before):
            return False
        if verb.dep_ in ("conj", "advcl"):  # `S, he said`, parsed as a second clause
            return verb.i > head.i and any(c.dep_ in SUBJECTS for c in verb.children)
        return True

    def _as_clause(self, verb: Token) -> bool:
        """`As the Post reported, S` / `S, as he said`: a cue opened by `as` with nothing of
        its own but its source (and where and when) reports the clause it hangs from."""
        if verb.dep_ != "advcl":
            return False
        marks = [c for c in verb.children if c.dep_ == "mark"]
        if len(marks) != 1 or marks[0].lower_ != "as" or marks[0].i != verb.left_edge.i:
            return False
        allowed = PARENTHETICAL_CHILDREN | {"mark", "nsubjpass", "auxpass"}
        return all(c.dep_ in allowed for c in verb.children)

    def _around(self, verb: Token, source: Token) -> Found:
        """The reported clause around a parenthetical cue, without the cue's own words."""
        start, end = self._outside(verb.head, verb)
        return Found(start, end, self._cue_text(verb), verb, source, False)

    def _outside(self, clause: Token, part: Token) -> tuple[int, int]:
        """The clause's characters, less a part at its start or its end (one in the middle
        stays: `Negotiations, he noted, must be calm`)."""
        words = [t for t in clause.subtree if is_word(t)] or list(clause.subtree)
        inner = [t for t in part.subtree if is_word(t)] or list(part.subtree)
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
        return self._strip(first.idx, end_of(last))
