"""The directives of one `Doc`: each ordering verb's frame, its issuer (resolved through
pronouns, documents, quotes and delegations) and its deadline."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from vntrade.nlp.directives import clauses, extent, frames
from vntrade.nlp.directives.lexicon import DirectiveVerb
from vntrade.nlp.extensions import ACTOR_SPANS, REFERENCE_SPANS, span_rows
from vntrade.nlp.per_doc import doc_text
from vntrade.records import DateMention, Directive

# Date kinds that can be a deadline when they fall inside the action (`sign in May 2025`).
DEADLINE_KINDS = frozenset({"day", "month", "week", "quarter", "year", "season", "time"})
CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis"})
# An order without a named issuer takes that of an order at most this many sentences before.
PASSIVE_REACH = 2
# Subjects that give orders on someone's behalf: `the resolution requires ministries to ...`,
# `It also required customs to ...` (it: the document just named).
DOCUMENT_NOUNS = frozenset(
    {"resolution", "decree", "directive", "dispatch", "decision", "circular", "conclusion"}
    | {"document", "notice", "notification", "letter", "telegram", "instruction", "guidance"}
    | {"guideline", "guidelines", "plan", "programme", "program", "memo", "statement", "order"}
    | {"it"}
)
# `The ministry issued a dispatch ... The dispatch requests ...`: the document's issuer.
ISSUING_VERBS = frozenset(
    {"issue", "issues", "issued", "sign", "signs", "signed", "send", "sends", "sent"}
    | {"release", "releases", "released", "promulgate", "promulgates", "promulgated"}
    | {"publish", "publishes", "published", "adopt", "adopts", "adopted"}
)
# How many sentences back the issuing of a document is looked for.
DOCUMENT_REACH = 2
# How an action is to be done, which its verb can go without: `the prompt creation of X`.
MANNER_WORDS = frozenset(
    {"prompt", "swift", "immediate", "urgent", "timely", "early", "quick", "rapid", "speedy"}
    | {"fast", "expeditious", "drastic", "decisive", "effective", "thorough", "strict"}
    | {"serious", "proactive", "active", "rigorous", ",", "and"}
)
# A quoted order in the first person is the speaker's: `"We ask the US to ...," Dien said`.
FIRST_PERSON = frozenset({"i", "we"})
SPEECH_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "stressed"}
    | {"emphasised", "emphasized", "noted", "affirmed", "asserted", "declared", "remarked"}
)
# How many sentences after a quoted order its speaker may be named.
QUOTE_REACH = 2
# `headed by`, `led by`: who speaks for the group a subject names (`the delegation, led by X`).
LEADING_VERBS = frozenset({"led", "headed", "chaired", "represented"})
# How far up the parse an order verb may sit inside another order's action.
NESTING_REACH = 4


class DocDirectives:
    """Directive extraction for one document: actor lookup, dates, sentence bounds."""

    def __init__(
        self, doc: Doc, verbs: dict[str, list[DirectiveVerb]], nominals: dict[str, str]
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.verbs = verbs
        self.nominals = nominals
        self.actor_at: dict[int, str] = {}
        # Countries: `Vietnam, represented by X, urged ...` is X's order.
        actors = span_rows(doc, ACTOR_SPANS)
        self.country_at = {
            i for start, end, label, _, _, _ in actors if label == "GPE" for i in range(start, end)
        }
        for rows in (actors, span_rows(doc, REFERENCE_SPANS)):
            for start, end, _, name, _, _ in rows:
                for i in range(start, end):
                    self.actor_at.setdefault(i, name)
        self.dates: list[DateMention] = list(doc._.vntrade_dates or [])

    def is_trigger(self, token: Token) -> bool:
        return token.lower_ in self.verbs and token.tag_.startswith("VB")

    def directives(self, verb: Token) -> list[tuple[Directive, bool]]:
        """The orders an ordering verb gives, each with whether it needs an issuer from
        the orders before it (else it is dropped)."""
        if frames.negated(verb) or verb.dep_ not in CLAUSE_DEPS | {"xcomp", "acl"}:
            return []
        if self._inside_another_order(verb) or clauses.intended(verb):
            return []
        for entry in self.verbs[verb.lower_]:
            passive_ok = entry.passive is not False
            frame = frames.match_frame(
                verb, list(entry.frames), entry.particles, passive_ok, self.nominals
            )
            if frame is None:
                continue
            if frame.addressee is None and clauses.about_oneself(self.doc, frame):
                return []
            is_order, issuer, needs_issuer = self._issuer(verb, frame)
            if frame.passive and entry.passive == "named" and issuer is None:
                return []
            if not is_order:
                return []
            frame = extent.split_with_orders(self.doc, frame)
            found = []
            for part in [frame, *frame.extra]:
                extent.cut_and_extend(self.doc, verb, part, self.is_trigger)
                part.action = self._on_line(verb, *part.action)
                if part.action[1] > part.action[0]:
                    found.append((self._directive(verb, entry.verb, issuer, part), needs_issuer))
            for part in frames.modal_orders(verb):
                modal_verb = self.doc[part.action[0]]
                extent.cut_and_extend(self.doc, modal_verb, part, self.is_trigger)
                part.action = self._on_line(verb, *part.action)
                if part.action[1] > part.action[0]:
                    found.append((self._directive(verb, entry.verb, issuer, part), needs_issuer))
            return found
        return []

    def _inside_another_order(self, verb: Token) -> bool:
        """`X is requested to keep rates stable and to direct banks to ...`: an infinitive
        order verb is part of what another order asks, not an order given."""
        if not frames.has_to(verb):
            return False
        token = verb
        for _ in range(NESTING_REACH):
            if token.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or token.head.i == token.i:
                return False
            token = token.head
            if self.is_trigger(token):
                return True
        return False

    def _issuer(self, verb: Token, frame: frames.Frame) -> tuple[bool, str | None, bool]:
        """(is an order, issuer, needs an issuer from before): a passive may leave the
        issuer unnamed; an active verb needs an actor as subject (`the situation requires
        ...` orders nobody) or a document (`the resolution requires ...`) whose issuer is
        named in the sentence or gave the order before."""
        if frame.passive:
            agent = frames.child_of(verb, ("agent",))
            target = frames.child_of(agent, ("pobj",)) if agent is not None else None
            issuer = self._actor(target) if target is not None else self._signer(verb)
            return True, issuer, False
        subject = frames.clause_subject(verb, self._same_line)
        if (
            subject is None
            and verb.dep_ in ("ROOT", "conj", "ccomp")
            and (verb.tag_ in frames.FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children))
        ):
            issuer = self._actor_before(verb)
        else:
            issuer = self._actor(subject) if subject is not None else None
        if issuer is None and subject is not None and subject.lower_ in DOCUMENT_NOUNS:
            return True, self._signer(verb) or self._document_issuer(verb, subject), True
        if issuer is None and subject is not None and subject.lower_ in FIRST_PERSON:
            issuer = self._speaker(verb)
        if issuer is None and subject is not None:
            issuer = clauses.CAPITALS.get(subject.lower_) or clauses.organisation_phrase(subject)
        return issuer is not None, issuer, False

    def _document_issuer(self, verb: Token, subject: Token) -> str | None:
        """Who issued the document a subject names, in its sentence or the ones before: `The
        ministry issued a dispatch on May 8. The dispatch requests ...`."""
        sentences = list(self.doc.sents)
        here = next(i for i, sentence in enumerate(sentences) if verb in sentence)
        for sentence in reversed(sentences[max(0, here - DOCUMENT_REACH) : here + 1]):
            for token in reversed(sentence):
                if token.i >= verb.i or token.lower_ not in ISSUING_VERBS:
                    continue
                document = frames.child_of(token, ("dobj",))
                if document is None or document.lower_ not in DOCUMENT_NOUNS:
                    continue
                if subject.lower_ != "it" and document.lower_ != subject.lower_:
                    continue
                issuer_subject = frames.clause_subject(token, self._same_line)
                if issuer_subject is not None and self._actor(issuer_subject):
                    return self._actor(issuer_subject)
        return None

    def _speaker(self, verb: Token) -> str | None:
        """Who says a quoted first-person order: `"We ask the US to ...," Dien said`, `Dien
        said: "We request ..."`, `"I urge ministries to act. Time is short," Chinh said`."""
        token = verb
        while token.head.i != token.i and self._same_line(verb, token.head):
            token = token.head
            if token.lower_ in SPEECH_VERBS:
                return self._speech_subject(token)
        sentences = [s for s in self.doc.sents if s.end > verb.i][: QUOTE_REACH + 1]
        end = sentences[-1].end if sentences else verb.i
        for token in self.doc[verb.i + 1 : end]:
            if not self._same_line(verb, token):
                break
            if token.lower_ in SPEECH_VERBS:
                return self._speech_subject(token)
        return None

    def _speech_subject(self, speech: Token) -> str | None:
        subject = frames.subject_child(speech)
        return self._actor(subject) if subject is not None else None

    def _signer(self, verb: Token) -> str | None:
        """Who signed or issued the document an order is given under, when the sentence
        names them: `Under the resolution, signed by PM X, ...`, `In a directive issued by
        the ministry, ...`."""
        for token in verb.sent:
            if token.dep_ == "agent" and token.head.dep_ == "acl" and token.head.tag_ == "VBN":
                target = frames.child_of(token, ("pobj",))
                document = token.head.head
                if target is not None and document.lower_ in DOCUMENT_NOUNS:
                    return self._actor(target)
        return None

    def _actor(self, token: Token) -> str | None:
        """The actor a subject names: its head word, else a word of its own phrase (not of a
        clause inside it: `the official who met Chinh` is not Chinh)."""
        leader = self._leader(token)
        if token.i in self.actor_at and (token.i not in self.country_at or leader is None):
            return self.actor_at[token.i]
        if leader is not None:
            return leader
        # A possessive last: `Vietnam's delegation, led by X` is X's, `Vietnam's team` Vietnam's.
        children = sorted(token.children, key=lambda t: (t.dep_ == "poss", t.i))
        for inner in children:
            if inner.dep_ not in CLAUSE_DEPS | {"acl", "relcl", "advcl", "punct"}:
                found = self._actor(inner)
                if found is not None:
                    return found
        return None

    def _leader(self, token: Token) -> str | None:
        """The actor leading the group a subject names: `the delegation, led by X`."""
        for child in token.children:
            if child.dep_ == "acl" and child.lower_ in LEADING_VERBS:
                agent = frames.child_of(child, ("agent",))
                target = frames.child_of(agent, ("pobj",)) if agent is not None else None
                if target is not None and target.i in self.actor_at:
                    return self.actor_at[target.i]
        return None

    def _actor_before(self, verb: Token) -> str | None:
        """The nearest actor left of a verb the parser gave no subject, on the same line."""
        for token in reversed(self.doc[verb.sent.start : verb.i]):
            if not self._same_line(token, verb):
                return None
            if token.i in self.actor_at:
                return self.actor_at[token.i]
            if token.tag_ in frames.FINITE_TAGS and token.dep_ != "aux":
                return None
        return None

    def _on_line(self, verb: Token, start: int, end: int) -> tuple[int, int]:
        """The part of an action on the verb's line (a parse can run into the next one)."""
        if start >= end or not self._same_line(verb, self.doc[start]):
            return start, start
        for token in self.doc[start:end]:
            if "\n" in token.text or not self._same_line(verb, token):
                return extent.trim(self.doc, start, token.i)
        return start, end

    def _same_line(self, a: Token, b: Token) -> bool:
        low, high = sorted((a.idx, b.idx))
        return "\n" not in self.text[low:high]

    def _directive(
        self, verb: Token, lemma: str, issuer: str | None, frame: frames.Frame
    ) -> Directive:
        doc = self.doc
        start, end = frame.action
        action = doc[start:end]
        action_text = self._verbal(action) if start < end else action.text
        addressee = None
        if frame.addressee is not None:
            a_start, a_end = extent.trim(doc, *frame.addressee)
            addressee = doc[a_start:a_end].text or None
        sentence_start, sentence_end = self._sentence_bounds(verb)
        return Directive(
            issuer=issuer,
            verb=lemma,
            addressee=addressee,
            action=action_text,
            deadline=self._deadline(verb, action.start_char, action.end_char),
            sentence=self.text[sentence_start:sentence_end],
            start=sentence_start,
            end=sentence_end,
        )

    def _verbal(self, action: Span) -> str:
        """A nominal action as the verb phrase it names: `the prompt creation of a working
        group` → `create a working group`; other actions as written."""
        head = action.root
        verb = self.nominals.get(head.lower_)
        if verb is None or head.pos_ != "NOUN":
            return action.text
        before = self.doc[action.start : head.i]
        if not all(t.dep_ == "det" or t.lower_ in MANNER_WORDS for t in before):
            return action.text  # `mutual reduction of tariffs` says more than `reduce`
        of = frames.child_of(head, ("prep",), ("of",))
        target = frames.child_of(of, ("pobj",)) if of is not None else None
        if of is None or target is None or of.i != head.i + 1:
            return action.text
        return f"{verb} {self.doc[target.left_edge.i : action.end].text}"

    def _sentence_bounds(self, verb: Token) -> tuple[int, int]:
        """The verb's sentence, clipped to its line (the parser joins headlines to text)."""
        text = self.text
        sentence = verb.sent
        start = max(sentence.start_char, text.rfind("\n", 0, verb.idx) + 1)
        line_end = text.find("\n", verb.idx)
        end = sentence.end_char if line_end == -1 else min(sentence.end_char, line_end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _deadline(self, verb: Token, start: int, end: int) -> str | None:
        """A date in the action (a flagged deadline first), or in the verb's `by ...`."""
        spans = [(start, end)]
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in frames.DEADLINE_PREPS:
                spans.append((child.idx, child.right_edge.idx + len(child.right_edge)))
        inside = [
            date for date in self.dates if any(s <= date.start and date.end <= e for s, e in spans)
        ]
        for date in sorted(inside, key=lambda d: (not d.deadline, d.start)):
            if date.deadline or date.kind in DEADLINE_KINDS:
                return date.value
        return None
