"""Reading a directive's parts off the dependency parse of its verb.

A frame says where the addressee and the action are: `instructed NP to VP`, `called on NP
to VP`, `called for NP`, `urged NP` (a nominal action), `ordered the creation of NP` (a
noun naming an action), `requested that S VP`, `tasked NP with V-ing`, `assigned NP the
task of ...`, and the passives `NP was tasked with / asked to`. A trailing `with NP to VP`
is a second order to another addressee."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Prepositions of the verb that carry a deadline or belong to a nominal action.
DEADLINE_PREPS = frozenset({"by", "before", "until", "till", "within"})
TRIM_WORDS = frozenset({"to", "that", "and", "or", "but", ",", ";", ":", "-", "–", "—"})

# `assigned X the task of V-ing`: nouns whose `of V-ing` is the action.
TASK_NOUNS = frozenset({"task", "tasks", "duty", "job", "mission", "responsibility"})

IsTrigger = Callable[[Token], bool]
# `X is asked to ..., while Y must ...`: a modal that makes a clause joined to an order a
# further order; `while` contrasts two tasks, `because`/`if` clauses give reasons instead.
OBLIGATION_MODALS = frozenset({"must"})
ORDER_JOINERS = frozenset({"while", "whereas"})


@dataclass(slots=True)
class Frame:
    """Where a directive's addressee and action are (token ranges), and orders split off it."""

    addressee: tuple[int, int] | None
    action: tuple[int, int]
    passive: bool = False
    extra: list[Frame] = field(default_factory=list)


def has_to(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def child_of(
    token: Token, deps: tuple[str, ...], words: tuple[str, ...] | None = None
) -> Token | None:
    """The first child of `token` with one of `deps` (and one of `words`, if given)."""
    for child in token.children:
        if child.dep_ in deps and (words is None or child.lower_ in words):
            return child
    return None


def subject_child(token: Token) -> Token | None:
    """The subject closest before `token` (datelines give the parser two)."""
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    before = [c for c in subjects if c.i < token.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def infinitive(verb: Token, obj: Token | None) -> Token | None:
    """The `to VP` complement of a verb, wherever the parser attached it."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.i > verb.i and has_to(child):
            return child
    if obj is not None:
        for child in obj.children:
            if child.dep_ in ("acl", "relcl") and has_to(child):
                return child
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl") and child.i > verb.i and has_to(child):
            return child
    return None


def token_span(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _before(span: tuple[int, int], stop: int) -> tuple[int, int]:
    return span[0], min(span[1], stop)


def clause_without_subject(verb: Token) -> tuple[int, int]:
    """A complement clause minus its `that` and subject: what is to be done."""
    start, end = token_span(verb)
    subject = subject_child(verb)
    if subject is not None and subject.i < verb.i:
        start = subject.right_edge.i + 1
    return start, end


def _with_object(verb: Token, obj: Token | None) -> Token | None:
    """The object of `with` in `tasked NP with V-ing` (attached to the verb or the NP)."""
    candidates = list(verb.children) + (list(obj.subtree) if obj is not None else [])
    for token in candidates:
        if token.lower_ == "with" and token.dep_ == "prep" and token.i > verb.i:
            return child_of(token, ("pcomp", "pobj"))
    return None


def match_frame(
    verb: Token,
    frames: list[str],
    particles: tuple[str, ...],
    passive_ok: bool,
    action_nouns: Container[str] = (),
) -> Frame | None:
    """The first of the verb's `frames` its parse fits, or None. `action_nouns` are the
    nouns an `action_nominal` frame takes (`ordered the creation of ...`, not `ordered
    50 aircraft`)."""
    if is_passive(verb):
        return _passive(verb) if passive_ok else None
    obj = child_of(verb, ("dobj",))
    for name in frames:
        if name == ACTION_NOMINAL:
            named_action = obj is not None and obj.lower_ in action_nouns
            frame = _nominal(verb, obj, particles) if named_action else None
        else:
            frame = _FRAMES[name](verb, obj, particles)
        if frame is not None:
            return frame
    return None


def _passive(verb: Token) -> Frame | None:
    subject = subject_child(verb)
    addressee = token_span(subject) if subject is not None else None
    action = infinitive(verb, None)
    if action is not None:
        return Frame(addressee, clause_without_subject(action), passive=True)
    target = _with_object(verb, None)
    if target is not None:
        return Frame(addressee, token_span(target), passive=True)
    return None


def _misparsed_conjunct(verb: Token, obj: Token | None) -> Token | None:
    """`asked growers and packing[VBG] houses to meet ...`: a noun compound in the object
    taken for a verb coordinated with the order; its `to VP` is the order's action."""
    if obj is None:
        return None
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.i > obj.i
            and child.tag_ in ("VBG", "VBN")
            and child_of(child, ("dobj",)) is not None
            and subject_child(child) is None
        ):
            return infinitive(child, None)
    return None


def _object_infinitive(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    action = infinitive(verb, obj)
    if action is None and (action := _misparsed_conjunct(verb, obj)) is not None:
        return Frame((obj.left_edge.i, action.left_edge.i), token_span(action))
    if action is None:
        return None
    with_target = _with_object(verb, obj)
    if with_target is not None and with_target.i < action.i:
        return None  # `tasked X with drafting a decree, to be submitted ...`: a `with` order
    if obj is not None:
        return Frame(_before(token_span(obj), action.left_edge.i), token_span(action))
    subject = subject_child(action)
    if subject is not None and subject.i > verb.i:  # `asked ministries to ...` as a clause
        return Frame(token_span(subject), clause_without_subject(action))
    return Frame(None, token_span(action))


def _that_clause(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    for child in verb.children:
        if child.dep_ != "ccomp" or child.i < verb.i or has_to(child):
            continue
        subject = subject_child(child)
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if subject is not None or marked:
            addressee = token_span(subject) if subject is not None else None
            return Frame(addressee, clause_without_subject(child))
    return None


def _with_verb_preps(verb: Token, target: Token) -> tuple[int, int]:
    """A nominal action with the verb's prepositions that follow it: `urged conclusion of
    deals by May for US exports`, where the parser hangs `by` and `for` on the verb."""
    start, end = token_span(target)
    for child in verb.children:
        if child.dep_ == "prep" and child.i == end and child.lower_ != "with":
            end = child.right_edge.i + 1
    return start, end


def _nominal(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    # A name is whom the order is for, not what is ordered (`urged Hanoi`, no action).
    if obj is None or obj.pos_ != "NOUN" or obj.i < verb.i:
        return None
    return Frame(None, _with_verb_preps(verb, obj))


def _prep_object(verb: Token, words: tuple[str, ...]) -> Token | None:
    """The object of the verb's particle after it (`called [on Monday] on NP to ...`)."""
    for prep in verb.children:
        if prep.i > verb.i and prep.dep_ in ("prep", "prt", "dative") and prep.lower_ in words:
            return child_of(prep, ("pobj",))
    return None


def _for(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    target = _prep_object(verb, ("for",))
    return Frame(None, _with_verb_preps(verb, target)) if target is not None else None


def _particle_infinitive(
    verb: Token, obj: Token | None, particles: tuple[str, ...]
) -> Frame | None:
    target = _prep_object(verb, particles)
    if target is None:
        return None
    action = infinitive(verb, target)
    if action is None:
        return None
    return Frame(_before(token_span(target), action.left_edge.i), token_span(action))


def _particle_nominal(verb: Token, obj: Token | None, particles: tuple[str, ...]) -> Frame | None:
    target = _prep_object(verb, particles)
    return Frame(None, _with_verb_preps(verb, target)) if target is not None else None


def _object_with(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    target = _with_object(verb, obj)
    if obj is None or target is None:
        return None
    with_token = target.head
    return Frame(_before(token_span(obj), with_token.i), token_span(target))


def _dative(verb: Token, obj: Token | None, _: tuple[str, ...]) -> Frame | None:
    """`assigned NP the task of V-ing ...`: the task's verb phrase is the action. The parser
    may take the receiver for a second object."""
    receiver = child_of(verb, ("dative",))
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if receiver is None and len(objects) == 2:
        receiver, obj = objects
    if receiver is None or obj is None or receiver.lower_ in ("to", "for"):
        return None
    of = child_of(obj, ("prep",), ("of",)) if obj.lower_ in TASK_NOUNS else None
    task = child_of(of, ("pcomp",)) if of is not None else None
    return Frame(token_span(receiver), token_span(task if task is not None else obj))


_FRAMES: dict[str, Callable[[Token, Token | None, tuple[str, ...]], Frame | None]] = {
    "object_infinitive": _object_infinitive,
    "that": _that_clause,
    "nominal": _nominal,
    "for": _for,
    "particle_infinitive": _particle_infinitive,
    "particle_nominal": _particle_nominal,
    "object_with": _object_with,
    "dative": _dative,
}
ACTION_NOMINAL = "action_nominal"  # `nominal`, for a noun that names an action only
FRAME_NAMES = frozenset(_FRAMES) | {ACTION_NOMINAL}


def modal_orders(verb: Token) -> list[Frame]:
    """`..., while the ministry must speed up X` / `..., and localities must report Y`: a
    clause with its own noun subject and `must`, joined to an ordering verb, is another
    order of the same issuer, to that subject."""
    found = []
    for child in verb.children:
        if child.dep_ not in ("advcl", "conj") or child.i < verb.i or child.tag_ != "VB":
            continue
        modal = child_of(child, ("aux",), tuple(OBLIGATION_MODALS))
        mark = child_of(child, ("mark",))
        subject = child_of(child, ("nsubj",))
        if (
            modal is None
            or negated(child)
            or (mark is not None and mark.lower_ not in ORDER_JOINERS)
        ):
            continue
        if subject is not None and subject.pos_ in NOUN_POS and subject.i < child.i:
            found.append(Frame(token_span(subject), (child.i, child.right_edge.i + 1)))
    return found


def clause_subject(verb: Token, same_line: Callable[[Token, Token], bool]) -> Token | None:
    """Who gives the order: the verb's subject, or that of the clause it is part of."""
    token = verb
    for _ in range(8):
        subject = subject_child(token)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                return token.head  # `Chinh, who urged ...`
            return subject
        head = token.head
        if head.i == token.i or not same_line(token, head):
            return None
        if token.dep_ == "conj":
            # A finite verb hung on a bare verb (`directed X to draft ... and assigned Y`,
            # `said the ministry would help ... and asked Y`) is coordinated with the verb
            # that governs that infinitive or reported clause: the tenses do not match.
            if token.tag_ in FINITE_TAGS and _bare_complement(head):
                head = head.head
            token = head
        elif token.dep_ == "xcomp":
            controller = child_of(head, ("dobj",))
            if controller is not None:
                return controller
            token = head
        elif token.dep_ in ("advcl", "acl") and token.tag_ == "VBG":
            while head.pos_ in NOUN_POS and head.head.i != head.i:
                head = head.head  # `signed Dispatch 5, asking ...`
            token = head
        else:
            return None
    return None


def _bare_complement(verb: Token) -> bool:
    """An infinitive (`to draft`, also parsed as an adverbial clause) or a modal verb (`would
    help`) complementing another verb."""
    if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "ccomp", "advcl"):
        return False
    return verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children
    )
