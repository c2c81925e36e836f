"""Where a directive's action ends: cut at a new clause, carried over a stray part, trimmed
of joining words; a trailing `with NP to VP` split off as a second order."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from vntrade.nlp.directives.frames import (
    TRIM_WORDS,
    Frame,
    IsTrigger,
    child_of,
    clause_without_subject,
    has_to,
    subject_child,
    token_span,
)


def split_with_orders(doc: Doc, frame: Frame) -> Frame:
    """Cut a trailing `, with the Ministry to gather ...` off the action as a second order."""
    start, end = frame.action
    for token in doc[start:end]:
        if token.lower_ != "with" or token.dep_ != "prep":
            continue
        verb = child_of(token, ("pcomp",))
        subject = subject_child(verb) if verb is not None else None
        if verb is None or subject is None or not has_to(verb):
            target = child_of(token, ("pobj",))
            verb = next((c for c in target.children if has_to(c)), None) if target else None
            subject = target
        if verb is not None and subject is not None:
            frame.action = (start, token.i)
            frame.extra.append(Frame(token_span(subject), clause_without_subject(verb)))
            break
    return frame


def cut_and_extend(doc: Doc, verb: Token, frame: Frame, is_trigger: IsTrigger) -> None:
    """Keep another order's words out of the action; take in stray coordinated actions.

    The parser often hangs `..., and lift restrictions` on the ordering verb instead of the
    first action, and `... and assigned X to ...` on the first action instead of the verb.
    """
    start, end = frame.action
    end = _cut_at_new_clause(doc, start, end, is_trigger)
    owners = {verb, verb.head} if verb.dep_ == "conj" else {verb}
    while True:
        stray = _next_stray(doc, verb, owners, start, end)
        if stray is None:
            break
        end = _cut_at_new_clause(doc, stray.left_edge.i, stray.right_edge.i + 1, is_trigger)
    frame.action = trim(doc, start, end)


def _cut_at_new_clause(doc: Doc, start: int, end: int, is_trigger: IsTrigger) -> int:
    """Where a coordinated clause with its own subject, or another order, begins; an order
    verb in the infinitive (`... and to direct banks to ...`) is part of the action."""
    for token in doc[start + 1 : end]:
        order = is_trigger(token) and not has_to(token)
        if token.dep_ == "conj" and (order or subject_child(token) is not None):
            return token.left_edge.i
    return end


def _next_stray(doc: Doc, verb: Token, owners: set[Token], start: int, end: int) -> Token | None:
    """An action the parser hung on the ordering verb right after the action's end."""
    for token in doc[end : verb.sent.end]:
        if token.head not in owners or token.is_punct or token.dep_ in ("cc", "advmod"):
            continue
        stray_action = token.dep_ == "conj" and token.tag_ == "VB"
        stray_object = token.dep_ == "dobj" and start > verb.i  # `cut rates and support[NN] X`
        if not (stray_action or stray_object) or subject_child(token) is not None:
            return None
        between = doc[end : token.left_edge.i]
        if all(t.is_punct or t.dep_ in ("cc", "advmod") for t in between):
            return token
        return None
    return None


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading `to`/`that`, trailing punctuation or conjunctions, and a bracket left
    open at the end (`the State Bank of Vietnam (SBV`, once its `)` is dropped)."""
    start, end = _strip(doc, start, end)
    depth, opened = 0, end
    for token in doc[start:end]:
        if token.text == "(":
            depth, opened = depth + 1, opened if depth else token.i
        elif token.text == ")" and depth:
            depth -= 1
    return _strip(doc, start, opened) if depth else (start, end)


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in TRIM_WORDS or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in TRIM_WORDS or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return start, end
