"""The dependency labels and words the reported-speech reader (`reported.py`) looks for:
which clauses a cue verb reports, what a parenthetical cue may carry, what was not said."""

from __future__ import annotations

CLAUSES = frozenset({"ccomp"})
NOUN_CLAUSES = frozenset({"acl", "ccomp"})
PARENTHETICAL = frozenset({"parataxis", "ccomp", "advcl", "conj"})
# What a parenthetical cue may have besides its source: `, he said on Friday in Hanoi,`.
PARENTHETICAL_CHILDREN = frozenset(
    {"nsubj", "aux", "advmod", "punct", "prep", "npadvmod", "neg", "cc", "agent"}
)
# `while chairing a meeting`: what the speaker was doing when speaking.
CIRCUMSTANCE = frozenset({"while", "when", "after", "before"})
# Verbs whose infinitive was not done: `declined to comment`, `refused to endorse`.
WITHHOLDING = frozenset(
    f"{stem}{ending}"
    for stem in ("declin", "refus", "hesitat")
    for ending in ("e", "es", "ed", "ing")
) | {"fail", "fails", "failed", "failing"}
# Objects that are no content: `said it`, `noted this`.
EMPTY_OBJECTS = frozenset({"it", "this", "that", "these", "those", "nothing", "something"})
