"""Statements of one document: quotations (`quotations.py`) and reported speech
(`reported.py`), a statement reported inside another left to the outer one, and each
statement's speaker (`speakers.py`; a pronoun or a quotation with no cue of its own by the
statements around it)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vntrade.nlp.statements.context import Found, cue_end
from vntrade.nlp.statements.lexicon import Cues
from vntrade.nlp.statements.quotations import QuotationFinder
from vntrade.nlp.statements.quotes import find_quotes
from vntrade.nlp.statements.reported import ReportFinder
from vntrade.nlp.statements.speakers import Speaker

# Pronouns that stand for the person who spoke just before.
PERSONAL = frozenset({"he", "she", "his", "her"})
# A quotation with no cue of its own goes on the speaker of a statement this many sentences back.
CONTINUATION_SENTENCES = 2


class DocStatements(QuotationFinder, ReportFinder):
    """Finds the statements of one document."""

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
        begin = max(last.end, cue_end(last))
        for token in self._tokens(begin, item.source.idx):
            name = self.speakers.actor(token)
            if name is not None and name != last.speaker.name and self.speakers.person(name):
                return False
        return True


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
