"""Line breaks end sentences: a component before the parser marks the first word of every
line as a sentence start, which the parser then keeps.

The loader joins hard-wrapped lines back into paragraphs, so a line break left in a
record's text ends a title, a dateline, a caption or a paragraph; without this the parser
may run a headline into the first sentence ("... plunge by 45% / General Motors announced")
and take the headline for the subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LINE_BREAKS = "line_breaks"  # no `vntrade_` prefix: it runs with the model's networks


def mark_line_starts(doc: Doc) -> Doc:
    """Mark the first word after a line break as starting a sentence."""
    from spacy.attrs import IS_SPACE, SENT_START

    # A token's trailing whitespace is one space at most: a line break is a space token.
    space = doc.to_array(IS_SPACE).astype(bool)
    after_space = (space[:-1] & ~space[1:]).nonzero()[0].tolist()
    starts = [i + 1 for i in after_space if "\n" in doc[i].text]
    if starts:
        if doc.has_annotation("DEP"):  # a parsed doc: refused as `is_sent_start` refuses it
            doc[starts[0]].is_sent_start = True
        # One write of the column: each `token.is_sent_start = True` checks the whole doc.
        sent_starts = doc.to_array([SENT_START])
        sent_starts[starts] = 1
        doc.from_array([SENT_START], sent_starts)
    return doc


def add_line_breaks(nlp: Language) -> None:
    """Put the line-break component before the parser (once)."""
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=mark_line_starts)
    if LINE_BREAKS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
