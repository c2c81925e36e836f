"""Quotations that are someone's words (not a phrase inside the writer's sentence), with
the cue verb that attributes them, a dash and a name after them, or a speaker's name and a
colon opening their paragraph."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Token

from vntrade.nlp.statements.context import DocContext, Found
from vntrade.nlp.statements.quotes import Quote

MIN_QUOTE_WORDS = 4  # a shorter quotation is a phrase someone used, not a statement
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
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


class QuotationFinder(DocContext):
    """Quotations and labelled paragraphs."""

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
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return any(self._is_cue(self.doc[i]) for i in self.cue_tokens_between(low, high))

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
        for i in self.cue_tokens_between(low, high):  # no other word is a cue
            token = self.doc[i]
            if not self._is_cue(token) or self._in_quote(token.idx, quotes):
                continue
            if not self._same_line(token.idx, start, end):
                continue
            quoting = any("quote" in v.contents for v in self.cue_verbs(token))
            source = self._source(token)
            if not quoting or source is None:
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
                said = self._tokens(start, stop)  # a list of names, a title: no statement
                verbs = any(t.pos_ in ("VERB", "AUX") for t in said)
                if names and verbs and self._words(start, stop) >= MIN_QUOTE_WORDS:
                    quoted = text[line : match.start(1)].strip() != "" or label.text.isupper()
                    colon = self._tokens(match.end(1), match.end())
                    cue = colon[0] if len(colon) else names[-1]
                    found.append(Found(start, stop, ":", cue, names[-1], quoted))
            line = end + 1
        return found
